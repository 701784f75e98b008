#include "inference_worker.h"

#include "pipeline/dataset.h"
#include "pipeline/loop.h"
#include "pipeline/propagate.h"
#include "qt_convert.h"

#include "model/engine.h"
#include "model/selfprompt.h"

#include "common/log.h"
#include "pipeline/batch.h"
#include "pipeline/embedding_cache.h"
#include "pipeline/interactive.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>

namespace samsp::ui {

namespace {

// What the last decode started from and the clicks it decoded, with the low-res logits
// after each prefix of them (logits[k]: after clicks 0..k).
struct ClickChain
{
    quint64 generation = 0;
    int startPass = -1;
    qint64 startMaskKey = 0;
    std::optional<model::BoxF> startBox, userBox;
    std::vector<model::PromptPoint> points;
    std::vector<at::Tensor> logits;
};

std::optional<model::BoxF> boxF(const std::optional<QRectF>& r)
{
    if (!r) return std::nullopt;
    return model::BoxF{r->left(), r->top(), r->right(), r->bottom()};
}

bool samePoint(const model::PromptPoint& a, const model::PromptPoint& b) { return a.x == b.x && a.y == b.y && a.label == b.label; }

} // namespace

InferenceWorker::InferenceWorker()
{
    qRegisterMetaType<samsp::ui::Proposal>();
    qRegisterMetaType<samsp::ui::ProposalSettings>();
    qRegisterMetaType<samsp::ui::DecodeRequest>();
    qRegisterMetaType<samsp::ui::DecodeResult>();
    qRegisterMetaType<samsp::ui::BatchJob>();
    qRegisterMetaType<samsp::ui::PropagationJob>();
    qRegisterMetaType<samsp::ui::PropagationOutcome>();
    qRegisterMetaType<samsp::ui::ReproposeJob>();
    qRegisterMetaType<samsp::ui::ReproposedItem>();
}

void InferenceWorker::repropose(const ReproposeJob& job)
{
    int done = 0;
    const int total = static_cast<int>(job.items.size());
    for (int i = 0; i < total && m_engine && !job.cancel->load(); ++i) {
        const auto& item = job.items[i];
        ReproposedItem out;
        out.key = item.key;
        out.modelId = QString::fromStdString(m_engine->modelId());
        try {
            const pipeline::FrameProposal fp = pipeline::proposeFrame(*m_engine, item.file.toStdString(), item.frame, job.settings);
            out.found = fp.found;
            out.finalPass = fp.finalPass;
            out.predictedIou = fp.score;
            if (fp.found) out.mask = maskToQImage(fp.mask);
        } catch (const std::exception& e) {
            out.error = errorText(e);
        }
        ++done;
        Q_EMIT itemReproposed(out);
        QCoreApplication::processEvents(QEventLoop::AllEvents); // the window's own requests between items
    }
    Q_EMIT reproposeFinished(done, total);
}

void InferenceWorker::runPropagation(const PropagationJob& job)
{
    PropagationOutcome out;
    out.start = job.start;
    if (!m_engine || !job.volume) {
        out.ok = false;
        out.error = m_engine ? QStringLiteral("no volume") : QStringLiteral("no model is loaded");
        Q_EMIT propagationFinished(out);
        return;
    }
    try {
        pipeline::PropagateOptions opts;
        opts.selfPrompt = job.settings;
        const auto& vol = *job.volume;
        const cv::Mat start = qimageToMask(job.startMask);
        const auto res = pipeline::propagateMask(
            *m_engine, vol.frameCount(),
            [&](int k) { return imaging::makeModelView(vol.pixels(k), job.window, job.invert, vol.maxViewSide); },
            vol.pixels(0).size(), job.start, start, opts,
            [&](int done) {
                Q_EMIT propagationProgress(done);
                QCoreApplication::processEvents(QEventLoop::AllEvents); // the window's own requests meanwhile
                return !job.cancel->load();
            });
        for (const auto& s : res.slices) {
            out.slices << s.slice;
            out.masks << maskToQImage(s.mask);
        }
        out.stoppedUp = QString::fromStdString(res.stoppedUp);
        out.stoppedDown = QString::fromStdString(res.stoppedDown);
        out.cancelled = res.cancelled;
    } catch (const std::exception& e) {
        out.ok = false;
        out.error = errorText(e);
    }
    Q_EMIT propagationFinished(out);
}

void InferenceWorker::setDiskCache(const QString& dir, qint64 maxBytes)
{
    try {
        m_disk = std::make_shared<pipeline::EmbeddingDiskCache>(dir.toStdString());
        m_diskMaxBytes = maxBytes;
    } catch (const std::exception& e) {
        m_disk.reset();
        samsp::log::get("ui")->warn("no embedding cache on disk: {}", e.what());
    }
}


namespace {
QImage maskImage(const at::Tensor& boolMask)
{
    auto m = boolMask.to(at::kByte).mul(255).contiguous();
    QImage mask(static_cast<int>(m.size(1)), static_cast<int>(m.size(0)), QImage::Format_Grayscale8);
    for (int y = 0; y < mask.height(); ++y)
        std::memcpy(mask.scanLine(y), m.data_ptr<uint8_t>() + static_cast<int64_t>(y) * mask.width(), size_t(mask.width()));
    return mask;
}
} // namespace

std::shared_ptr<model::Embedding> InferenceWorker::embeddingFor(const QString& key, const QImage& rgbIn, bool* cached)
{
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it)
        if (it->first == key) {
            auto e = it->second;
            m_cache.splice(m_cache.begin(), m_cache, it);
            if (cached) *cached = true;
            return e;
        }
    auto* disk = static_cast<pipeline::EmbeddingDiskCache*>(m_disk.get());
    const std::string diskKey = key.toStdString() + "|" + std::to_string(rgbIn.width()) + "x" + std::to_string(rgbIn.height());
    std::shared_ptr<model::Embedding> e;
    if (disk)
        if (auto hit = disk->load(diskKey, *m_engine)) {
            e = std::make_shared<model::Embedding>(std::move(*hit));
            if (cached) *cached = true;
        }
    if (!e) {
        const QImage rgb = rgbIn.convertToFormat(QImage::Format_RGB888);
        model::ImageU8 view{rgb.constBits(), rgb.width(), rgb.height(), rgb.bytesPerLine()};
        e = std::make_shared<model::Embedding>(m_engine->encode(view));
        if (cached) *cached = false;
        if (disk) {
            try {
                disk->store(diskKey, *e);
                disk->prune(static_cast<std::uintmax_t>(std::max<qint64>(m_diskMaxBytes, 0))); // bounded in bytes
            } catch (const std::exception& ex) {
                samsp::log::get("ui")->warn("embedding cache: {}", ex.what());
            }
        }
    }
    m_cache.emplace_front(key, e);
    while (m_cache.size() > m_cacheCapacity) m_cache.pop_back();
    return e;
}

void InferenceWorker::prefetch(const QString& key, const QImage& rgb)
{
    if (!m_engine) return;
    try {
        embeddingFor(key, rgb, nullptr);
        Q_EMIT prefetched(key);
    } catch (const std::exception& e) {
        samsp::log::get("ui")->warn("prefetch of {} failed: {}", key.toStdString(), e.what());
    }
}

void InferenceWorker::decode(const DecodeRequest& r)
{
    if (!m_engine || !m_current || r.generation != m_currentGeneration) return; // stale or no image
    if (m_latest && r.generation < m_latest->load()) return;
    try {
        // The same prompts, click after click, as the simulated annotator of `samsp eval
        // --interactive` (pipeline::ClickPrompter with the product's ClickFlow).
        ClickChain want;
        want.generation = r.generation;
        const auto passes = std::static_pointer_cast<std::vector<at::Tensor>>(m_passLogits);
        at::Tensor start;
        if (passes && r.startPass >= 0 && r.startPass < static_cast<int>(passes->size())) {
            want.startPass = r.startPass;
            want.startBox = boxF(r.startBox);
            start = (*passes)[static_cast<size_t>(r.startPass)];
        } else if (!r.startMask.isNull()) {
            // A mask SAM-SP did not give (edited, or from a file): its binary mask as logits
            // (on val as good a start as SAM-SP's logits: docs/ablation.md, session 18).
            const cv::Mat bytes = qimageToMask(r.startMask);
            want.startMaskKey = r.startMask.cacheKey();
            start = model::seedLogitsFromMask(bytes.data, bytes.cols, bytes.rows, m_current->frame);
        }
        want.userBox = boxF(r.box);
        for (int i = 0; i < r.points.size(); ++i)
            want.points.push_back({r.points[i].x(), r.points[i].y(), i < r.labels.size() ? r.labels[i] : 1});
        auto chain = std::static_pointer_cast<ClickChain>(m_chain);
        size_t reuse = 0; // decodes of the last chain that hold for this request
        if (chain && chain->generation == want.generation && chain->startPass == want.startPass &&
            chain->startMaskKey == want.startMaskKey && chain->startBox == want.startBox && chain->userBox == want.userBox)
            while (reuse < chain->logits.size() && reuse < chain->points.size() && reuse < want.points.size() &&
                   samePoint(chain->points[reuse], want.points[reuse]))
                ++reuse;
        if (reuse == want.points.size() && reuse > 0) --reuse; // the same clicks again: decode the last once more for its mask
        pipeline::ClickPrompter prompter(pipeline::ClickFlow{}, want.startBox, start);
        if (reuse > 0) {
            prompter.decoded(chain->logits[reuse - 1]);
            want.logits.assign(chain->logits.begin(), chain->logits.begin() + static_cast<std::ptrdiff_t>(reuse));
        }
        model::Prediction p;
        double ms = 0;
        const size_t last = std::max<size_t>(want.points.size(), 1); // a box alone is one decode
        for (size_t k = reuse; k < last; ++k) {
            model::Prompts pr = prompter.prompts({want.points.begin(), want.points.begin() + static_cast<std::ptrdiff_t>(std::min(k + 1, want.points.size()))});
            if (want.userBox) pr.box = want.userBox; // the user's box replaces the proposal's
            p = m_engine->decodeInteractive(*m_current, pr, k + 1 == last);
            prompter.decoded(p.lowResLogits);
            want.logits.push_back(p.lowResLogits);
            ms += p.decodeMs;
        }
        if (want.points.empty()) want.logits.clear(); // a box alone starts no chain of clicks
        m_chain = std::make_shared<ClickChain>(std::move(want));
        DecodeResult out;
        out.generation = r.generation;
        out.mask = maskImage(p.masks[0]);
        if (r.clipToBox && r.box) {
            // A box means "the object in here": what the decoder puts outside it (a model
            // that self-prompts may answer with its whole automatic proposal) is dropped.
            const QRect inside = r.box->toAlignedRect().intersected(out.mask.rect());
            for (int y = 0; y < out.mask.height(); ++y) {
                uchar* row = out.mask.scanLine(y);
                for (int x = 0; x < out.mask.width(); ++x)
                    if (!inside.contains(x, y)) row[x] = 0;
            }
        }
        out.predictedIou = m_engine->calibratedIou(p.iou.front());
        out.ms = ms;
        Q_EMIT decodeReady(out);
    } catch (const std::exception& e) {
        Q_EMIT proposalFailed(r.generation, errorText(e));
    }
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const QString& path, const QString& device, const QString& precision)
{
    if (m_batchRunning) { // the batch keeps the model it started with; this one follows it
        m_pendingModel = std::array<QString, 3>{path, device, precision};
        return;
    }
    try {
        model::EngineOptions o;
        o.device = model::parseDeviceChoice(device.toStdString());
        o.precision = model::parsePrecision(precision.toStdString());
        m_engine = model::SamEngine::fromCheckpoint(path.toStdString(), o);
        m_cache.clear(); // embeddings of another model or precision must not be reused
        samsp::log::get("ui")->info("model {} loaded on {}", path.toStdString(), m_engine->deviceDescription());
        // The facts, not a sentence: the window says them in the interface's language.
        const auto dev = m_engine->device();
        Q_EMIT modelLoaded(QString::fromStdString(m_engine->modelId()), dev.is_cuda() ? int(dev.index()) : -1, at::get_num_threads(),
                           QString::fromStdString(model::precisionName(m_engine->precision())));
    } catch (const std::exception& e) {
        m_engine.reset();
        Q_EMIT modelFailed(errorText(e));
    }
}

void InferenceWorker::propose(quint64 generation, const QString& path, const QString& key, const QImage& rgbIn,
                              const ProposalSettings& s)
{
    if (!m_engine) {
        Q_EMIT proposalFailed(generation, QStringLiteral("no model is loaded")); // the window never asks before one is
        return;
    }
    if (m_latest && generation < m_latest->load()) return; // the user has moved on: skip the work
    try {
        bool cached = false;
        const auto embPtr = embeddingFor(key, rgbIn, &cached);
        const model::Embedding& emb = *embPtr;
        m_current = embPtr;
        m_currentGeneration = generation;
        m_passLogits.reset();
        auto r = model::runSelfPrompt(*m_engine, emb, s, false);
        Proposal p;
        p.generation = generation;
        p.path = path;
        p.found = r.found;
        p.message = QString::fromStdString(r.message);
        p.converged = r.found && r.trace.size() > 1 && r.trace.back().iouWithPrevious >= s.earlyStopIou;
        p.finalPass = r.finalPass;
        p.encodeMs = cached ? 0.0 : emb.encodeMs;
        p.embeddingCached = cached;
        if (r.found) {
            auto logits = std::make_shared<std::vector<at::Tensor>>();
            for (const auto& t : r.trace) logits->push_back(t.lowResLogits);
            m_passLogits = logits;
        }
        p.decodeMs = r.totalMs;
        for (const auto& t : r.trace) {
            PassView v;
            v.index = t.index;
            if (t.box) v.box = QRectF(QPointF((*t.box)[0], (*t.box)[1]), QPointF((*t.box)[2], (*t.box)[3]));
            for (const auto& pt : t.points) v.points.push_back(QPointF(pt.x, pt.y));
            v.maskFed = t.maskFed;
            v.predictedIou = m_engine->calibratedIou(t.predictedIou);
            v.iouWithPrevious = t.iouWithPrevious;
            v.ms = t.ms;
            const auto m = m_engine->upsampleLogits(t.lowResLogits, emb.frame).squeeze(0).gt(0);
            v.mask = maskImage(m);
            v.area = static_cast<int>(m.sum().item<int64_t>());
            p.passes.push_back(v);
        }
        Q_EMIT proposalReady(p);
    } catch (const std::exception& e) {
        Q_EMIT proposalFailed(generation, errorText(e));
    }
}

void InferenceWorker::runBatch(const BatchJob& job)
{
    if (!m_engine || m_batchRunning) {
        Q_EMIT batchFinished(false, m_engine ? QStringLiteral("a batch is already running") : QStringLiteral("no model is loaded"), {});
        return;
    }
    pipeline::BatchOptions o;
    for (const auto& in : job.inputs) o.inputs.push_back(in.toStdString());
    o.out = job.out.toStdString();
    o.formats.clear();
    for (const auto& f : job.formats) o.formats.insert(f.toStdString());
    o.label = job.label.toStdString();
    o.selfPrompt = job.settings;
    m_batchRunning = true;
    bool ok = true;
    QString summary;
    QStringList failures;
    try {
        const pipeline::BatchReport rep = pipeline::runBatch(
            *m_engine, o,
            [this](const pipeline::BatchProgress& p) {
                Q_EMIT batchProgress(p.done, p.total, p.imagesPerS);
                // The studio's proposals and refinements queued meanwhile are served now,
                // between two items, on this thread and with this model.
                QCoreApplication::processEvents(QEventLoop::AllEvents);
            },
            job.cancel.get());
        for (const auto& f : rep.failures) failures << QString::fromStdString(f.key + ": " + f.reason);
        summary = QString::fromStdString(rep.summary());
    } catch (const std::exception& e) {
        ok = false;
        summary = errorText(e);
    }
    m_batchRunning = false;
    Q_EMIT batchFinished(ok, summary, failures);
    if (m_pendingModel) {
        const auto m = *m_pendingModel;
        m_pendingModel.reset();
        loadModel(m[0], m[1], m[2]);
    }
}

} // namespace samsp::ui
