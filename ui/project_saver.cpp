#include "project_saver.h"
#include "qt_convert.h"

#include "formats/atomic_file.h"

#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

ProjectSaver::ProjectSaver(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &ProjectSaver::finished);
}

ProjectSaver::~ProjectSaver() { flush(); }

void ProjectSaver::save(const pipeline::Project& project, const std::filesystem::path& path)
{
    m_pending = Job{project, path};
    if (m_handled) start();
}

void ProjectSaver::start()
{
    if (!m_pending || !m_handled) return;
    auto job = std::make_shared<Job>(std::move(*m_pending));
    m_pending.reset();
    m_runningPath = QString::fromStdString(job->path.string());
    m_handled = false;
    m_running = QtConcurrent::run([job]() -> QString {
        try {
            formats::ensureFolder(job->path.parent_path());
            job->project.save(job->path); // temporary file, fsync, rename, fsync(folder)
            return {};
        } catch (const std::exception& e) {
            return errorText(e);
        }
    });
    m_watcher.setFuture(m_running);
}

void ProjectSaver::handleResult()
{
    if (m_handled || !m_running.isFinished()) return;
    m_handled = true;
    m_lastError = m_running.result();
    if (m_lastError.isEmpty()) {
        ++m_writes;
        Q_EMIT saved(m_runningPath);
    }
    else
        Q_EMIT failed(m_lastError);
}

void ProjectSaver::finished()
{
    handleResult(); // a no-op when flush() handled it already
    start();
}

bool ProjectSaver::flush(QString* error)
{
    for (;;) {
        if (!m_handled) {
            m_running.waitForFinished();
            handleResult();
        }
        if (!m_pending) break;
        start();
    }
    if (error) *error = m_lastError;
    return m_lastError.isEmpty();
}

} // namespace samsp::ui
