#include "selfprompt.h"

#include <torch/torch.h>

#include <chrono>

namespace samsp::model {

GridMask lowResMask(const at::Tensor& logits, const ImageFrame& frame)
{
    const int64_t L = frame.lowResSize(), w = frame.lowResValidW(), h = frame.lowResValidH();
    auto t = logits.reshape({L, L}).slice(0, 0, h).slice(1, 0, w).gt(0).to(torch::kUInt8).contiguous().to(torch::kCPU);
    GridMask m{w, h, std::vector<uint8_t>(t.data_ptr<uint8_t>(), t.data_ptr<uint8_t>() + w * h)};
    return m;
}

SelfPromptResult runSelfPrompt(SamEngine& engine, const Embedding& emb, const SelfPromptSettings& s, bool upsampleFinal)
{
    using clock = std::chrono::steady_clock;
    const auto tStart = clock::now();
    const ImageFrame& fr = emb.frame;
    const double cell = fr.cell();
    SelfPromptResult r;
    GridMask previous;
    at::Tensor previousLogits;

    for (int k = 0; k <= std::max(0, s.passes); ++k) {
        const auto t0 = clock::now();
        PassTrace pass;
        pass.index = k;
        std::vector<PromptPoint> pts;
        std::optional<BoxF> box;
        at::Tensor maskIn;
        if (k > 0) {
            GridMask src = s.largestComponent          ? largestComponent(previous)
                           : s.minIslandFraction > 0   ? dropSmallComponents(previous, s.minIslandFraction)
                                                       : previous;
            if (s.useBox) {
                if (auto b = boxFromMask(src)) {
                    // Cells -> input pixels: first and last input pixel the cells cover, clipped to the image.
                    BoxF in{double(b->x0) * cell, double(b->y0) * cell,
                            std::min(double(b->x1 + 1) * cell - 1, double(fr.inputW() - 1)),
                            std::min(double(b->y1 + 1) * cell - 1, double(fr.inputH() - 1))};
                    box = in;
                    pass.box = fr.boxToOriginal(in);
                }
            }
            if (s.usePoint) {
                if (auto p = farthestPoint(src)) {
                    PointF in{(double(p->x) + 0.5) * cell - 0.5, (double(p->y) + 0.5) * cell - 0.5};
                    pts.push_back({in.x, in.y, 1});
                    auto o = fr.pointToOriginal(in);
                    pass.points.push_back({o.x, o.y, 1});
                }
            }
            if (s.useMask) {
                maskIn = previousLogits;
                pass.maskFed = true;
            }
        }
        Prediction pred = engine.decodeInputFrame(emb, pts, box, maskIn, false, false);
        pass.lowResLogits = pred.lowResLogits; // 1 x L x L
        pass.predictedIou = pred.iou.empty() ? 0.f : pred.iou[0];
        GridMask cur = lowResMask(pred.lowResLogits, fr);
        pass.area = cur.area();
        if (k > 0) pass.iouWithPrevious = maskIou(cur, previous);
        pass.ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        r.trace.push_back(pass);
        r.finalPass = k;

        if (pass.area == 0) {
            r.found = false;
            r.message = k == 0 ? "no object found: the unprompted pass is empty"
                               : "no object found: pass " + std::to_string(k) + " is empty";
            break;
        }
        r.found = true;
        if (k > 0 && pass.iouWithPrevious >= s.earlyStopIou) {
            r.stoppedEarly = k < s.passes;
            r.message = "converged at pass " + std::to_string(k);
            break;
        }
        r.message = "ran " + std::to_string(k + 1) + " pass(es)";
        previous = std::move(cur);
        previousLogits = pred.lowResLogits;
    }
    if (r.found && upsampleFinal)
        r.mask = engine.upsampleLogits(r.trace.back().lowResLogits, fr).squeeze(0).gt(0);
    r.totalMs = std::chrono::duration<double, std::milli>(clock::now() - tStart).count();
    return r;
}

} // namespace samsp::model
