#pragma once
// Runs one round of the labelling loop (pipeline::runLoopRound) on a worker thread
// for the studio: progress and epochs come back as signals, Cancel keeps the model
// in use, and the project file is only read (the window applies the new model to
// the project it holds open). Kept apart from MainWindow so the window's code does
// not include LibTorch.

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace samsp::ui {

struct RoundOutcome
{
    bool ok = false, cancelled = false;
    int round = 0, epochs = 0, trainedOn = 0;
    double valDice = 0, seconds = 0;
    QString model, modelId, previousModelId, message;
};

class LoopRunner : public QObject
{
    Q_OBJECT
public:
    explicit LoopRunner(QObject* parent = nullptr);
    ~LoopRunner() override;
    // False when a round is already running.
    bool start(const QString& projectFile, const QString& startModel, double minutes, int threads);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void progress(const QString& phase, int done, int total, double etaSeconds);
    void epoch(int epoch, double loss, double valDice);
    void finished(const samsp::ui::RoundOutcome& outcome);

private:
    QFutureWatcher<RoundOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace samsp::ui

Q_DECLARE_METATYPE(samsp::ui::RoundOutcome)
