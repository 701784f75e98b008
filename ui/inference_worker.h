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
#include <QStringList>
#include <QVector>

#include <array>
#include <atomic>
#include <list>
#include <memory>
#include <optional>
#include <string>

#include "imaging/document.h"
#include "model/selfprompt_settings.h"

namespace samsp::model {
class SamEngine;
struct Embedding;
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
    std::optional<double> predictedIou; // calibrated, in [0, 1]; none when the IoU head is untrained
    double iouWithPrevious = 0;
    double ms = 0;
};

struct Proposal
{
    quint64 generation = 0;
    QString path;
    bool found = false;
    bool converged = false;       // stopped because two passes agreed (early stop)
    QString message;              // the library's reason, in English (for logs)
    QVector<PassView> passes;
    int finalPass = -1;
    double encodeMs = 0;
    double decodeMs = 0; // all passes
    bool embeddingCached = false; // precomputed while the user worked on the previous image
};

// The studio's SAM-SP settings are the model's own (all of them, one struct for the
// window, the batch dialog, projects and the CLI).
using ProposalSettings = model::SelfPromptSettings;

// An interactive refinement: the user's points (and box) on the current image.
struct DecodeRequest
{
    quint64 generation = 0;
    QVector<QPointF> points;
    QVector<int> labels;           // 1 positive, 0 negative
    std::optional<QRectF> box;     // the user's own box
    // What the clicks correct: SAM-SP's pass `startPass` (its logits), else `startMask`
    // (Grayscale8, image size; its binary mask as logits), else nothing.
    int startPass = -1;
    std::optional<QRectF> startBox; // the box that pass was prompted with (used as pipeline::ClickFlow says)
    QImage startMask;
    bool clipToBox = false;        // the user drew `box`: nothing outside it belongs to the result
};

struct DecodeResult
{
    quint64 generation = 0;
    QImage mask;   // Format_Grayscale8, image size
    std::optional<double> predictedIou; // calibrated, in [0, 1]; none when the IoU head is untrained
    double ms = 0;
};

// Annotate Folder: the same batch as `samsp annotate`, run by the studio's own model
// on the inference thread (no second copy of the weights).
struct BatchJob
{
    QStringList inputs;
    QString out;
    QStringList formats;
    QString label = QStringLiteral("object");
    ProposalSettings settings;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

// Propagate Through Slices: from a slice's mask, neighbour after neighbour (the
// library's propagateMask) on the inference thread with the studio's model.
struct PropagationJob
{
    std::shared_ptr<const imaging::Document> volume;
    imaging::Window window;        // the model's window
    bool invert = false;
    int start = 0;
    QImage startMask;              // Format_Grayscale8, the slice's size
    ProposalSettings settings;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};
struct PropagationOutcome
{
    bool ok = true;
    QString error;
    QVector<int> slices;
    QVector<QImage> masks;         // Format_Grayscale8
    QString stoppedUp, stoppedDown; // the library's reasons, in English
    bool cancelled = false;
    int start = 0;
};

// After a training round: the items nobody touched, proposed again in the background
// by the new model (most uncertain first), one after another between the window's
// own requests.
struct ReproposeJob
{
    struct Item
    {
        QString key, file;
        int frame = 0;
    };
    QVector<Item> items;
    ProposalSettings settings;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};
struct ReproposedItem
{
    QString key;
    bool found = false;
    QImage mask;                        // Format_Grayscale8 at the image's full size
    std::optional<double> predictedIou; // calibrated
    int finalPass = -1;
    QString modelId;
    QString error;
};

class InferenceWorker : public QObject
{
    Q_OBJECT
public:
    InferenceWorker();
    ~InferenceWorker() override;

    // Embeddings also kept on disk in `dir` (keys must name the content, e.g. path + mtime
    // + size + window); at most `maxBytes` of them (an embedding of the 384 model with detail
    // fusion is 1.8 MB), the least recently written removed first.
    void setDiskCache(const QString& dir, qint64 maxBytes = qint64(512) << 20);
    // The window's newest generation: requests older than it are skipped unseen.
    void setLatestGeneration(std::shared_ptr<std::atomic<quint64>> latest) { m_latest = std::move(latest); }

public Q_SLOTS:
    // `precision`: "auto", "fp32" or "bf16" (bf16 is refused where the hardware lacks it; see model/precision.h).
    void loadModel(const QString& path, const QString& device, const QString& precision = QStringLiteral("auto"));
    // `rgb`: Format_RGB888 image; `key` names the image and its window (embedding cache).
    void propose(quint64 generation, const QString& path, const QString& key, const QImage& rgb,
                 const samsp::ui::ProposalSettings& s);
    // Refines the current image's mask from points / box on its cached embedding.
    void decode(const samsp::ui::DecodeRequest& r);
    // Encodes an image the user is likely to open next and keeps it in the cache.
    void prefetch(const QString& key, const QImage& rgb);
    // Runs a batch with the loaded model. Between items the studio's own requests
    // (proposals, refinements) are served, so the window keeps working; a model asked
    // for meanwhile is loaded when the batch ends.
    void runBatch(const samsp::ui::BatchJob& job);
    void runPropagation(const samsp::ui::PropagationJob& job);
    void repropose(const samsp::ui::ReproposeJob& job);

Q_SIGNALS:
    void decodeReady(const samsp::ui::DecodeResult& r);
    void prefetched(const QString& key);
    // `gpu`: the CUDA device index, or -1 on the CPU with `threads` threads.
    void modelLoaded(const QString& id, int gpu, int threads, const QString& precision);
    void modelFailed(const QString& error);
    void proposalReady(const samsp::ui::Proposal& p);
    void proposalFailed(quint64 generation, const QString& error);
    void batchProgress(int done, int total, double imagesPerS);
    // `ok` false: it could not run or stopped on an error (`summary` says why).
    void batchFinished(bool ok, const QString& summary, const QStringList& failures);
    void propagationProgress(int done);
    void itemReproposed(const samsp::ui::ReproposedItem& item);
    void reproposeFinished(int done, int total);
    void propagationFinished(const samsp::ui::PropagationOutcome& outcome);

private:
    std::shared_ptr<model::Embedding> embeddingFor(const QString& key, const QImage& rgb, bool* cached);
    std::unique_ptr<model::SamEngine> m_engine;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    // Memory LRU of embeddings (most recent first).
    std::list<std::pair<QString, std::shared_ptr<model::Embedding>>> m_cache;
    size_t m_cacheCapacity = 6;
    std::shared_ptr<void> m_disk; // pipeline::EmbeddingDiskCache (no torch in this header)
    qint64 m_diskMaxBytes = qint64(512) << 20;
    // The current image: its embedding and SAM-SP's final low-res logits.
    quint64 m_currentGeneration = 0;
    std::shared_ptr<model::Embedding> m_current;
    // Every pass's low-res logits (std::vector<at::Tensor>, type-erased to keep torch out of
    // this header): a click's start is the pass in use.
    std::shared_ptr<void> m_passLogits;
    // The clicks decoded last and the logits each prefix gave (ClickChain in the .cpp): a
    // new click decodes once; an undone or moved one replays from where the lists differ.
    std::shared_ptr<void> m_chain;
    bool m_batchRunning = false;
    std::optional<std::array<QString, 3>> m_pendingModel; // path, device, precision asked for during a batch
};

} // namespace samsp::ui

Q_DECLARE_METATYPE(samsp::ui::Proposal)
Q_DECLARE_METATYPE(samsp::ui::ProposalSettings)
Q_DECLARE_METATYPE(samsp::ui::DecodeRequest)
Q_DECLARE_METATYPE(samsp::ui::DecodeResult)
Q_DECLARE_METATYPE(samsp::ui::BatchJob)
Q_DECLARE_METATYPE(samsp::ui::PropagationJob)
Q_DECLARE_METATYPE(samsp::ui::ReproposeJob)
Q_DECLARE_METATYPE(samsp::ui::ReproposedItem)
Q_DECLARE_METATYPE(samsp::ui::PropagationOutcome)
