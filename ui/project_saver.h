#pragma once
// Writes the project file off the GUI thread. save() hands the worker what changed
// since the last save (on the caller's thread: the items that differ from the saver's
// own record of the last snapshot are copied, the others only compared, so a key
// press on a 100 000-item project copies one item, not all); the worker applies it
// to its copy of the project and serialises, fsyncs and renames it; a save asked for while one runs is written after it (only the
// newest snapshot: a burst of changes costs one more write, not one per change).
// flush() waits for everything asked so far (closing the window, File > Save).

#include "pipeline/project.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace samsp::ui {

class ProjectSaver : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSaver(QObject* parent = nullptr);
    ~ProjectSaver() override;

    void save(const pipeline::Project& project, const std::filesystem::path& path);
    // Waits until every save asked for is written. False (with the reason in `error`)
    // when the last one failed.
    bool flush(QString* error = nullptr);
    bool busy() const { return !m_handled || m_pending.has_value(); }
    int writes() const { return m_writes; } // files written so far (tests, benchmarks)
    int lastCopiedItems() const { return m_copiedItems; } // items the last save() copied (tests)

Q_SIGNALS:
    void saved(const QString& path);
    void failed(const QString& error);

private:
    void start();
    void finished();
    void handleResult();
    // What changed since the previous job: the project's fields besides its items,
    // its item count, and the items (by position) that differ.
    struct Job
    {
        pipeline::Project meta; // items empty
        size_t itemCount = 0;
        std::map<size_t, pipeline::ProjectItem> changed;
        std::filesystem::path path;
    };
    pipeline::Project m_sent;   // GUI thread: the project as of the last save()
    std::filesystem::path m_sentPath;
    std::shared_ptr<pipeline::Project> m_written = std::make_shared<pipeline::Project>(); // the worker's copy
    int m_copiedItems = 0;
    QFuture<QString> m_running; // its result: "" or the error
    bool m_handled = true;
    QFutureWatcher<QString> m_watcher;
    std::optional<Job> m_pending;
    QString m_runningPath;
    QString m_lastError;
    int m_writes = 0;
};

} // namespace samsp::ui
