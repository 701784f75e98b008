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

namespace {
SelfPromptResult selfPrompt(SamEngine& engine, const Embedding& emb, const SelfPromptSettings& s, bool upsampleFinal,
                            const at::Tensor* seed);
} // namespace

SelfPromptResult runSelfPrompt(SamEngine& engine, const Embedding& emb, const SelfPromptSettings& s, bool upsampleFinal)
{
    return selfPrompt(engine, emb, s, upsampleFinal, nullptr);
}

SelfPromptResult runSelfPromptFrom(SamEngine& engine, const Embedding& emb, const at::Tensor& seedLogits,
                                   const SelfPromptSettings& s, bool upsampleFinal)
{
    return selfPrompt(engine, emb, s, upsampleFinal, &seedLogits);
}

at::Tensor seedLogitsFromMask(const uint8_t* mask, int64_t w, int64_t h, const ImageFrame& frame)
{
    const int64_t L = frame.lowResSize(), vw = frame.lowResValidW(), vh = frame.lowResValidH();
    auto m = torch::from_blob(const_cast<uint8_t*>(mask), {1, 1, h, w}, torch::kUInt8).to(torch::kFloat).gt(0).to(torch::kFloat);
    // Area averaging onto the valid cells, then the sign of (share inside - 1/2).
    auto cells = torch::nn::functional::adaptive_avg_pool2d(m, torch::nn::functional::AdaptiveAvgPool2dFuncOptions({vh, vw}));
    auto logits = torch::full({1, L, L}, -10.0f);
    logits.slice(1, 0, vh).slice(2, 0, vw).copy_(torch::where(cells[0].ge(0.5), torch::full({}, 10.0f), torch::full({}, -10.0f)));
    return logits;
}

namespace {
SelfPromptResult selfPrompt(SamEngine& engine, const Embedding& emb, const SelfPromptSettings& s, bool upsampleFinal,
                            const at::Tensor* seed)
{
    using clock = std::chrono::steady_clock;
    const auto tStart = clock::now();
    const ImageFrame& fr = emb.frame;
    const double cell = fr.cell();
    SelfPromptResult r;
    GridMask previous;
    at::Tensor previousLogits;
    int first = 0;
    if (seed) { // pass 0 is the seed: recorded, not decoded
        PassTrace pass;
        pass.lowResLogits = seed->reshape({1, fr.lowResSize(), fr.lowResSize()}).to(torch::kFloat).to(torch::kCPU);
        previous = lowResMask(pass.lowResLogits, fr);
        pass.area = previous.area();
        pass.predictedIou = 1.f;
        previousLogits = pass.lowResLogits;
        r.trace.push_back(pass);
        r.finalPass = 0;
        if (pass.area == 0) {
            r.message = "no object found: the seed mask is empty";
            r.totalMs = std::chrono::duration<double, std::milli>(clock::now() - tStart).count();
            return r;
        }
        r.found = true;
        first = 1;
    }

    for (int k = first; k <= std::max(0, s.passes); ++k) {
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
    if (r.found && s.keep == KeepPass::BestPredictedIou) {
        // Only decoded, non-empty passes compete (a seed is not a prediction); walking
        // backwards with a strict comparison lets the later pass win a tie.
        int best = r.finalPass;
        for (int k = r.finalPass; k >= first; --k) {
            const auto& p = r.trace[static_cast<size_t>(k)];
            if (p.area > 0 && p.predictedIou > r.trace[static_cast<size_t>(best)].predictedIou) best = k;
        }
        if (best != r.finalPass) {
            r.finalPass = best;
            r.message += "; kept pass " + std::to_string(best) + " (highest predicted IoU)";
        }
    }
    if (r.found && upsampleFinal)
        r.mask = engine.upsampleLogits(r.trace[static_cast<size_t>(r.finalPass)].lowResLogits, fr).squeeze(0).gt(0);
    r.totalMs = std::chrono::duration<double, std::milli>(clock::now() - tStart).count();
    return r;
}
} // namespace

} // namespace samsp::model
