#include "inference_worker.h"

#include "model/engine.h"
#include "model/selfprompt.h"

#include "common/log.h"

#include <chrono>

namespace samsp::ui {

InferenceWorker::InferenceWorker()
{
    qRegisterMetaType<samsp::ui::Proposal>();
    qRegisterMetaType<samsp::ui::ProposalSettings>();
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const QString& path, const QString& device)
{
    try {
        model::EngineOptions o;
        o.device = device == QLatin1String("cpu") ? model::DeviceChoice::Cpu
                   : device == QLatin1String("cuda") ? model::DeviceChoice::Cuda : model::DeviceChoice::Auto;
        m_engine = model::SamEngine::fromCheckpoint(path.toStdString(), o);
        samsp::log::get("ui")->info("model {} loaded on {}", path.toStdString(), m_engine->deviceDescription());
        Q_EMIT modelLoaded(QString::fromStdString(m_engine->modelId()), QString::fromStdString(m_engine->deviceDescription()));
    } catch (const std::exception& e) {
        m_engine.reset();
        Q_EMIT modelFailed(QString::fromStdString(e.what()));
    }
}

void InferenceWorker::propose(quint64 generation, const QString& path, const QImage& rgbIn, const ProposalSettings& s)
{
    if (!m_engine) {
        Q_EMIT proposalFailed(generation, QStringLiteral("no model is loaded")); // the window never asks before one is
        return;
    }
    try {
        const QImage rgb = rgbIn.convertToFormat(QImage::Format_RGB888);
        model::ImageU8 view{rgb.constBits(), rgb.width(), rgb.height(), rgb.bytesPerLine()};
        auto emb = m_engine->encode(view);
        model::SelfPromptSettings sp;
        sp.passes = s.passes, sp.useBox = s.box, sp.usePoint = s.point, sp.useMask = s.mask;
        sp.largestComponent = s.largestComponent, sp.earlyStopIou = s.earlyStopIou;
        auto r = model::runSelfPrompt(*m_engine, emb, sp, false);
        Proposal p;
        p.generation = generation;
        p.path = path;
        p.found = r.found;
        p.message = QString::fromStdString(r.message);
        p.finalPass = r.finalPass;
        p.encodeMs = emb.encodeMs;
        p.decodeMs = r.totalMs;
        for (const auto& t : r.trace) {
            PassView v;
            v.index = t.index;
            if (t.box) v.box = QRectF(QPointF((*t.box)[0], (*t.box)[1]), QPointF((*t.box)[2], (*t.box)[3]));
            for (const auto& pt : t.points) v.points.push_back(QPointF(pt.x, pt.y));
            v.maskFed = t.maskFed;
            v.predictedIou = t.predictedIou;
            v.iouWithPrevious = t.iouWithPrevious;
            v.ms = t.ms;
            auto m = m_engine->upsampleLogits(t.lowResLogits, emb.frame).squeeze(0).gt(0).to(at::kByte).mul(255).contiguous();
            QImage mask(static_cast<int>(m.size(1)), static_cast<int>(m.size(0)), QImage::Format_Grayscale8);
            for (int y = 0; y < mask.height(); ++y)
                std::memcpy(mask.scanLine(y), m.data_ptr<uint8_t>() + static_cast<int64_t>(y) * mask.width(), size_t(mask.width()));
            v.mask = mask;
            v.area = static_cast<int>(m.gt(0).sum().item<int64_t>());
            p.passes.push_back(v);
        }
        Q_EMIT proposalReady(p);
    } catch (const std::exception& e) {
        Q_EMIT proposalFailed(generation, QString::fromStdString(e.what()));
    }
}

} // namespace samsp::ui
