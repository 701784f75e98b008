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
    if (path != m_sentPath) { // another project (or the first save): everything is new
        flush();              // the previous project's last changes go to its own file
        m_sent = pipeline::Project{};
        m_sentPath = path;
    }
    if (!m_pending) m_pending = Job{};
    Job& job = *m_pending; // a save not started yet takes this one's changes too
    job.path = path;
    job.meta.name = project.name;
    job.meta.sources = project.sources;
    job.meta.labels = project.labels;
    job.meta.model = project.model;
    job.itemCount = project.items.size();
    m_copiedItems = 0;
    if (m_sent.items.size() > project.items.size()) m_sent.items.resize(project.items.size());
    for (auto it = job.changed.lower_bound(project.items.size()); it != job.changed.end();) it = job.changed.erase(it);
    for (size_t i = 0; i < project.items.size(); ++i) {
        if (i < m_sent.items.size() && m_sent.items[i] == project.items[i]) continue;
        if (i < m_sent.items.size()) m_sent.items[i] = project.items[i];
        else m_sent.items.push_back(project.items[i]);
        job.changed[i] = project.items[i];
        ++m_copiedItems;
    }
    if (m_handled) start();
}

void ProjectSaver::start()
{
    if (!m_pending || !m_handled) return;
    auto job = std::make_shared<Job>(std::move(*m_pending));
    m_pending.reset();
    m_runningPath = QString::fromStdString(job->path.string());
    m_handled = false;
    m_running = QtConcurrent::run([job, written = m_written]() -> QString {
        try {
            // Only this worker touches `written` (one job runs at a time).
            written->name = std::move(job->meta.name);
            written->sources = std::move(job->meta.sources);
            written->labels = std::move(job->meta.labels);
            written->model = std::move(job->meta.model);
            written->items.resize(job->itemCount);
            for (auto& [i, item] : job->changed) written->items[i] = std::move(item);
            formats::ensureFolder(job->path.parent_path());
            written->save(job->path); // temporary file, fsync, rename, fsync(folder)
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
