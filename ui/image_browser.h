#pragma once
// The browser of the open folder, as a model/view pair over the project: one row
// per image (or page) with its review state, one row per DICOM series with its
// slices counted by state, and a mark for items that cannot be read. The model
// keeps only what each row is (key, path, series); states, counts, icons and
// tooltips are read from the project when the view asks, so a change is one
// dataChanged() of one row, found by key in a hash (a slice's key finds its
// series' row), never a walk over the list: a 100 000-item folder stays quick.

#include "imaging/dicom.h"
#include "pipeline/items.h"
#include "pipeline/project.h"

#include <QAbstractListModel>
#include <QHash>
#include <QListView>

#include <filesystem>
#include <vector>

namespace samsp::ui {

// An item's project key: its path relative to `root` ("#frame" for frames > 0).
QString itemKey(const std::filesystem::path& root, const std::filesystem::path& file, int frame);

class BrowserModel : public QAbstractListModel
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
    using QAbstractListModel::QAbstractListModel;

    void populate(const std::vector<pipeline::BatchItem>& items, std::vector<imaging::DicomSeries> series,
                  const pipeline::Project* project, const std::filesystem::path& root);
    void clearAll();
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    // The row of `key` (an image, a series, or one of a series' slices); -1 when none.
    int rowOf(const QString& key) const;
    void rowChanged(int row);
    void allChanged();
    void markUnreadable(int row, const QString& why);
    void sortByUncertainty(bool on);
    const std::vector<imaging::DicomSeries>& series() const { return m_series; }

private:
    struct Row
    {
        QString key, path, label;
        int series = -1;
        QString error;
    };
    pipeline::ItemState stateOf(const Row& r, int counts[4]) const;
    void reindex();
    const pipeline::Project* m_project = nullptr;
    std::filesystem::path m_root;
    std::vector<Row> m_rows;
    std::vector<imaging::DicomSeries> m_series;
    QHash<QString, int> m_byKey; // item or slice key -> row
};

class ImageBrowser : public QListView
{
    Q_OBJECT
public:
    static constexpr int PathRole = BrowserModel::PathRole, KeyRole = BrowserModel::KeyRole, SeriesRole = BrowserModel::SeriesRole,
                         StateRole = BrowserModel::StateRole, ErrorRole = BrowserModel::ErrorRole,
                         BaseTextRole = BrowserModel::BaseTextRole;

    explicit ImageBrowser(QWidget* parent = nullptr);
    // The browser with a legend of its state marks under it, for a dock.
    QWidget* withLegend(QWidget* parent);
    BrowserModel* browserModel() const { return m_model; }

    void populate(const std::vector<pipeline::BatchItem>& items, std::vector<imaging::DicomSeries> series,
                  const pipeline::Project* project, const std::filesystem::path& root);
    void clearAll();
    const std::vector<imaging::DicomSeries>& series() const { return m_model->series(); }

    int count() const { return m_model->rowCount(); }
    int currentRow() const { return currentIndex().isValid() ? currentIndex().row() : -1; }
    void setCurrentRow(int row);
    QVariant rowData(int row, int role) const { return m_model->data(m_model->index(row), role); }
    QString text(int row) const { return rowData(row, Qt::DisplayRole).toString(); }
    QString toolTip(int row) const { return rowData(row, Qt::ToolTipRole).toString(); }
    QIcon icon(int row) const { return rowData(row, Qt::DecorationRole).value<QIcon>(); }
    // The row of `key` (an image, a series, or one of a series' slices); -1 when none.
    int rowOf(const QString& key) const { return m_model->rowOf(key); }
    void updateState(const QString& key) { m_model->rowChanged(m_model->rowOf(key)); }
    void updateCurrentState() { m_model->rowChanged(currentRow()); }
    void updateAllStates() { m_model->allChanged(); }
    void markUnreadable(int row, const QString& why) { m_model->markUnreadable(row, why); }
    // Least certain proposals first (lowest predicted IoU), then proposals without a
    // calibrated score, items not proposed yet, series, reviewed items; off: by name.
    void sortByUncertainty(bool on);
    // The next row at or after `from` that is neither accepted nor rejected; -1 when none.
    int nextOpenRow(int from) const;

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    BrowserModel* m_model = nullptr;
};

} // namespace samsp::ui
