#include "loop_runner.h"
#include "qt_convert.h"

#include "pipeline/loop.h"

#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

LoopRunner::LoopRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<samsp::ui::RoundOutcome>();
    connect(&m_watcher, &QFutureWatcher<RoundOutcome>::finished, this, [this] { Q_EMIT finished(m_watcher.result()); });
}

LoopRunner::~LoopRunner()
{
    // Closing the window while a round runs: stop it and wait (the round is abandoned).
    if (m_cancel) m_cancel->store(true);
    m_watcher.waitForFinished();
}

bool LoopRunner::start(const QString& projectFile, const QString& startModel, double minutes, int threads)
{
    if (m_watcher.isRunning()) return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    const std::string project = projectFile.toStdString(), model = startModel.toStdString();
    m_watcher.setFuture(QtConcurrent::run([this, cancel, project, model, minutes, threads]() {
        RoundOutcome out;
        try {
            pipeline::LoopOptions o;
            o.project = project;
            o.startModel = model;
            o.updateProject = false;
            o.repropose = false;
            o.cancel = cancel.get();
            o.training.epochs = 100000;
            o.training.minutes = minutes;
            o.training.batchSize = 4;
            o.training.valFraction = 0.15;
            o.training.settings.lr = 1e-3;
            o.training.settings.beta = 0;
            o.training.settings.warmupSteps = 10;
            o.training.precision = model::Precision::Auto;
            o.training.threads = threads;
            o.epochDone = [this](const pipeline::EpochRecord& e) { Q_EMIT epoch(e.epoch, e.trainLoss, e.valDiceSamsp); };
            const auto r = pipeline::runLoopRound(o, [this](const pipeline::LoopProgress& p) {
                Q_EMIT progress(QString::fromStdString(p.phase), p.done, p.total, p.train ? p.train->etaSeconds : 0.0);
                return true;
            });
            out.round = r.round;
            out.cancelled = r.cancelled;
            out.ok = !r.cancelled;
            out.model = QString::fromStdString(r.model.string());
            out.modelId = QString::fromStdString(r.modelId);
            out.previousModelId = QString::fromStdString(r.previousModelId);
            out.trainedOn = static_cast<int>(r.trainedOn.size());
            out.epochs = static_cast<int>(r.training.epochs.size());
            out.seconds = r.training.seconds;
            if (!r.training.epochs.empty()) out.valDice = r.training.epochs.back().valDiceSamsp;
        } catch (const std::exception& e) {
            out.message = errorText(e);
        }
        return out;
    }));
    return true;
}

void LoopRunner::cancel()
{
    if (m_cancel) m_cancel->store(true);
}

} // namespace samsp::ui
