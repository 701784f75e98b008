#pragma once
// Writes the project file off the GUI thread. save() takes a snapshot of the
// project (a copy, on the caller's thread) and serialises, fsyncs and renames it
// on a worker; a save asked for while one runs is written after it (only the
// newest snapshot: a burst of changes costs one more write, not one per change).
// flush() waits for everything asked so far (closing the window, File > Save).

#include "pipeline/project.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <filesystem>
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

Q_SIGNALS:
    void saved(const QString& path);
    void failed(const QString& error);

private:
    void start();
    void finished();
    void handleResult();
    struct Job
    {
        pipeline::Project project;
        std::filesystem::path path;
    };
    QFuture<QString> m_running; // its result: "" or the error
    bool m_handled = true;
    QFutureWatcher<QString> m_watcher;
    std::optional<Job> m_pending;
    QString m_runningPath;
    QString m_lastError;
    int m_writes = 0;
};

} // namespace samsp::ui
