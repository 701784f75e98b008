#pragma once
// The browser of the open folder: one row per image (or page) with its review
// state, one row per DICOM series with its slices counted by state, and a mark
// for items that cannot be read. Rows are found by key in a hash (a slice's key
// finds its series' row), never by walking the list, so a 100 000-item folder
// stays quick to update. It reads item states from the project; it never
// changes the project.

#include "imaging/dicom.h"
#include "pipeline/items.h"
#include "pipeline/project.h"

#include <QHash>
#include <QListWidget>

#include <filesystem>
#include <vector>

namespace samsp::ui {

// An item's project key: its path relative to `root` ("#frame" for frames > 0).
QString itemKey(const std::filesystem::path& root, const std::filesystem::path& file, int frame);

class ImageBrowser : public QListWidget
{
    Q_OBJECT
public:
    enum Role
    {
        PathRole = Qt::UserRole,
        KeyRole,
        SeriesRole,   // index into series(), -1 for images
        StateRole,    // "new", "proposed", "accepted", "rejected" or "unreadable"
        ErrorRole,    // why the item could not be read (empty when it could)
        BaseTextRole, // a series row's label without its counts
    };

    explicit ImageBrowser(QWidget* parent = nullptr);
    // The browser with a legend of its state marks under it, for a dock.
    QWidget* withLegend(QWidget* parent);

    // The rows for a folder's items (series grouped from `seriesInfos`), states from `project`.
    void populate(const std::vector<pipeline::BatchItem>& items, std::vector<imaging::DicomSeries> series,
                  const pipeline::Project* project, const std::filesystem::path& root);
    void clearAll();
    const std::vector<imaging::DicomSeries>& series() const { return m_series; }
    // The row of `key` (an image, a series, or one of a series' slices); null when none.
    QListWidgetItem* itemFor(const QString& key) const { return m_byKey.value(key, nullptr); }
    void updateState(QListWidgetItem* row);
    void updateState(const QString& key) { updateState(itemFor(key)); }
    void updateAllStates();
    void markUnreadable(QListWidgetItem* row, const QString& why);
    // Least certain proposals first (lowest predicted IoU), then proposals without a
    // calibrated score, items not proposed yet, series, reviewed items; off: by name.
    void sortByUncertainty(bool on);
    // The next row at or after `from` that is neither accepted nor rejected; -1 when none.
    int nextOpenRow(int from) const;

private:
    const pipeline::Project* m_project = nullptr;
    std::filesystem::path m_root;
    std::vector<imaging::DicomSeries> m_series;
    QHash<QString, QListWidgetItem*> m_byKey;
};

} // namespace samsp::ui
