#include "propagate.h"

#include "dataset.h"
#include "metrics.h"

#include <chrono>
#include <map>
#include <optional>

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace samsp::pipeline {

namespace {
// Slice k's embedding: taken from `cache` when it holds it, else encoded from `rgb` and
// added to `cache` (or, without one, kept in `own`).
const model::Embedding& sliceEmbedding(model::SamEngine& engine, std::map<int, model::Embedding>* cache, int k, const cv::Mat& rgb,
                                       std::optional<model::Embedding>& own)
{
    auto encode = [&] {
        const cv::Mat c = rgb.isContinuous() ? rgb : rgb.clone();
        return engine.encode(model::ImageU8{c.data, c.cols, c.rows, static_cast<int64_t>(c.step)});
    };
    if (!cache) return own.emplace(encode());
    auto it = cache->find(k);
    if (it == cache->end()) it = cache->emplace(k, encode()).first;
    return it->second;
}
} // namespace

PropagationResult propagateMask(model::SamEngine& engine, int sliceCount, const std::function<imaging::ModelView(int)>& viewOf,
                                cv::Size full, int start, const cv::Mat& startMask, const PropagateOptions& opts,
                                const std::function<bool(int)>& progress, std::map<int, model::Embedding>* embeddings)
{
    PropagationResult r;
    int done = 0;
    // Mean grey level of the view under a full-size mask.
    auto meanUnder = [](const cv::Mat& rgb, const cv::Mat& mask) {
        cv::Mat m;
        cv::resize(mask, m, rgb.size(), 0, 0, cv::INTER_NEAREST);
        const cv::Scalar s = cv::mean(rgb, m);
        return (s[0] + s[1] + s[2]) / 3.0;
    };
    const double startMean = opts.maxMeanShift > 0 ? meanUnder(viewOf(start).rgb, startMask != 0) : 0.0;
    for (const int step : {+1, -1}) {
        if ((step > 0 && !opts.up) || (step < 0 && !opts.down)) continue;
        std::string& why = step > 0 ? r.stoppedUp : r.stoppedDown;
        cv::Mat previous = startMask != 0;
        double firstIou = -1;
        double previousMean = startMean;
        int made = 0;
        for (int k = start + step;; k += step) {
            if (k < 0 || k >= sliceCount) {
                why = "end of the volume";
                break;
            }
            if (opts.maxSlices > 0 && made >= opts.maxSlices) {
                why = "limit of " + std::to_string(opts.maxSlices) + " slice(s)";
                break;
            }
            if (progress && !progress(done)) {
                r.cancelled = true;
                why = "stopped";
                return r;
            }
            const imaging::ModelView view = viewOf(k);
            const cv::Mat& rgb = view.rgb;
            std::optional<model::Embedding> own;
            const model::Embedding& emb = sliceEmbedding(engine, embeddings, k, rgb, own);
            // The neighbour's mask in this slice's view (the view may be downscaled).
            cv::Mat seedMask;
            cv::resize(previous, seedMask, rgb.size(), 0, 0, cv::INTER_AREA);
            seedMask = seedMask >= 128;
            const at::Tensor seed = model::seedLogitsFromMask(seedMask.data, seedMask.cols, seedMask.rows, emb.frame);
            const model::SelfPromptResult res = model::runSelfPromptFrom(engine, emb, seed, opts.selfPrompt, true);
            if (!res.found) {
                why = "the object ends (empty at slice " + std::to_string(k + 1) + ")";
                break;
            }
            char text[160];
            const auto calibrated = engine.calibratedIou(res.trace[static_cast<size_t>(res.finalPass)].predictedIou);
            const double iou = calibrated ? *calibrated : -1.0;
            if (calibrated && iou < opts.minPredictedIou) {
                std::snprintf(text, sizeof text, "predicted IoU %.2f at slice %d is below %.2f", iou, k + 1, opts.minPredictedIou);
                why = text;
                break;
            }
            if (calibrated && firstIou < 0) firstIou = iou;
            else if (calibrated && firstIou - iou > opts.maxIouDrop) {
                std::snprintf(text, sizeof text, "predicted IoU fell from %.2f to %.2f at slice %d", firstIou, iou, k + 1);
                why = text;
                break;
            }
            PropagatedSlice s;
            s.slice = k;
            s.mask = imaging::maskToFullResolution(maskTensorToMat(res.mask), full);
            const int before = cv::countNonZero(previous), now = cv::countNonZero(s.mask);
            if (now == 0) {
                why = "the object ends (empty at slice " + std::to_string(k + 1) + ")";
                break;
            }
            if (opts.maxGrowth > 0 && before > 0 && now > opts.maxGrowth * before) {
                std::snprintf(text, sizeof text, "the mask grew %.1f times at slice %d (the object ended, or it leaked)", double(now) / before, k + 1);
                why = text;
                break;
            }
            if (opts.minOverlap > 0) {
                cv::Mat both, either;
                cv::bitwise_and(previous, s.mask, both);
                cv::bitwise_or(previous, s.mask, either);
                const double overlap = double(cv::countNonZero(both)) / std::max(1, cv::countNonZero(either));
                if (overlap < opts.minOverlap) {
                    std::snprintf(text, sizeof text, "the object ends (slice %d overlaps its neighbour by IoU %.2f)", k + 1, overlap);
                    why = text;
                    break;
                }
            }
            if (opts.maxMeanShift > 0) {
                const double mean = meanUnder(rgb, s.mask);
                if (std::abs(mean - previousMean) > opts.maxMeanShift) {
                    std::snprintf(text, sizeof text, "the object ends (slice %d looks different: mean grey %.0f, its neighbour %.0f)", k + 1,
                                  mean, previousMean);
                    why = text;
                    break;
                }
                previousMean = mean;
            }
            s.predictedIou = iou;
            s.passes = res.finalPass;
            previous = s.mask;
            r.slices.push_back(std::move(s));
            ++made;
            ++done;
        }
    }
    return r;
}

LesionPhantom makeLesionPhantom(const std::vector<cv::Mat>& background, cv::Point2d centre, double rx, double ry, int centreSlice,
                                double rz, double contrastHu, uint64_t seed)
{
    LesionPhantom ph;
    ph.centreSlice = centreSlice;
    cv::RNG rng(seed);
    for (size_t k = 0; k < background.size(); ++k) {
        const cv::Mat& bg = background[k];
        cv::Mat slice = bg.clone(), truth = cv::Mat::zeros(bg.size(), CV_8UC1);
        const double dz = (static_cast<double>(k) - centreSlice) / rz;
        if (std::abs(dz) < 1.0) {
            const double shrink = std::sqrt(1.0 - dz * dz);
            cv::ellipse(truth, cv::Point(cvRound(centre.x), cvRound(centre.y)),
                        cv::Size(cvRound(rx * shrink), cvRound(ry * shrink)), 0, 0, 360, cv::Scalar(255), cv::FILLED);
            // Texture: smoothed noise; edges: the mask softened over ~2 px (partial volume).
            cv::Mat noise(bg.size(), CV_32FC1), soft;
            rng.fill(noise, cv::RNG::NORMAL, 0, 40);
            cv::GaussianBlur(noise, noise, cv::Size(0, 0), 2.0);
            truth.convertTo(soft, CV_32FC1, 1.0 / 255.0);
            cv::GaussianBlur(soft, soft, cv::Size(0, 0), 1.2);
            cv::Mat lesion = bg * 0.3 + (40.0 + contrastHu) + noise; // soft tissue + contrast, own texture
            slice = bg.mul(1.0 - soft) + lesion.mul(soft);
        }
        ph.slices.push_back(slice);
        ph.truth.push_back(truth);
    }
    return ph;
}

PropagationBench benchPropagation(model::SamEngine& engine, const LesionPhantom& ph, const imaging::Window& window, bool invert,
                                  const PropagateOptions& opts, int margin)
{
    const auto t0 = std::chrono::steady_clock::now();
    PropagationBench b;
    const int n = static_cast<int>(ph.slices.size());
    auto view = [&](int k) { return imaging::makeModelView(ph.slices[static_cast<size_t>(k)], window, invert); };
    b.objectFirst = n, b.objectLast = -1;
    for (int k = 0; k < n; ++k)
        if (cv::countNonZero(ph.truth[static_cast<size_t>(k)]) > 0) b.objectFirst = std::min(b.objectFirst, k), b.objectLast = k;
    // Each slice is encoded once: propagation keeps its embeddings for the independent runs below.
    std::map<int, model::Embedding> embeddings;
    b.propagation = propagateMask(engine, n, view, ph.slices.front().size(), ph.centreSlice, ph.truth[static_cast<size_t>(ph.centreSlice)],
                                  opts, {}, &embeddings);
    std::map<int, const PropagatedSlice*> made;
    b.propagatedFirst = b.propagatedLast = ph.centreSlice;
    for (const auto& s : b.propagation.slices) {
        made[s.slice] = &s;
        b.propagatedFirst = std::min(b.propagatedFirst, s.slice);
        b.propagatedLast = std::max(b.propagatedLast, s.slice);
    }
    int counted = 0;
    for (int k = std::max(0, b.objectFirst - margin); k <= std::min(n - 1, b.objectLast + margin); ++k) {
        if (k == ph.centreSlice) continue; // the seed: a person's mask
        PropagationBenchRow row;
        row.slice = k;
        const cv::Mat& truth = ph.truth[static_cast<size_t>(k)];
        row.inObject = cv::countNonZero(truth) > 0;
        const cv::Mat empty = cv::Mat::zeros(truth.size(), CV_8UC1);
        auto it = made.find(k);
        row.propagated = it != made.end();
        row.dicePropagated = segMetrics(row.propagated ? it->second->mask : empty, truth).dice;
        std::optional<model::Embedding> unused; // the map always holds it
        const model::Embedding& emb = sliceEmbedding(engine, &embeddings, k, view(k).rgb, unused);
        const auto res = model::runSelfPrompt(engine, emb, opts.selfPrompt, true);
        row.diceIndependent = segMetrics(res.found ? imaging::maskToFullResolution(maskTensorToMat(res.mask), truth.size()) : empty, truth).dice;
        if (row.inObject) {
            b.meanDicePropagated += row.dicePropagated;
            b.meanDiceIndependent += row.diceIndependent;
            ++counted;
        }
        b.rows.push_back(row);
    }
    if (counted > 0) b.meanDicePropagated /= counted, b.meanDiceIndependent /= counted;
    b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return b;
}

} // namespace samsp::pipeline
