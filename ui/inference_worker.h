#pragma once
// The inference worker: lives on its own thread and owns the SAM engine. The GUI
// talks to it with queued signals only; every request carries a generation
// number and the window drops results whose generation is stale (the user has
// moved on). Exceptions never cross the thread: failures come back as signals
// with a message that names what and why.

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace samsp::model {
class SamEngine;
}

namespace samsp::ui {

struct PassView
{
    int index = 0;
    std::optional<QRectF> box;     // prompt box, image pixels
    QVector<QPointF> points;       // prompt points, image pixels
    bool maskFed = false;
    QImage mask;                   // Format_Grayscale8, image size, 255 inside
    int area = 0;                  // pixels inside
    double predictedIou = 0;
    double iouWithPrevious = 0;
    double ms = 0;
};

struct Proposal
{
    quint64 generation = 0;
    QString path;
    bool found = false;
    QString message;
    QVector<PassView> passes;
    int finalPass = -1;
    double encodeMs = 0;
    double decodeMs = 0; // all passes
};

struct ProposalSettings
{
    int passes = 2;
    bool box = true, point = false, mask = true, largestComponent = false;
    double earlyStopIou = 0.98;
};

class InferenceWorker : public QObject
{
    Q_OBJECT
public:
    InferenceWorker();
    ~InferenceWorker() override;

public Q_SLOTS:
    void loadModel(const QString& path, const QString& device);
    // `rgb`: Format_RGB888 image.
    void propose(quint64 generation, const QString& path, const QImage& rgb, const samsp::ui::ProposalSettings& s);

Q_SIGNALS:
    void modelLoaded(const QString& id, const QString& device);
    void modelFailed(const QString& error);
    void proposalReady(const samsp::ui::Proposal& p);
    void proposalFailed(quint64 generation, const QString& error);

private:
    std::unique_ptr<model::SamEngine> m_engine;
};

} // namespace samsp::ui

Q_DECLARE_METATYPE(samsp::ui::Proposal)
Q_DECLARE_METATYPE(samsp::ui::ProposalSettings)
