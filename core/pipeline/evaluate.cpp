#include "evaluate.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace samsp::pipeline {

namespace {
nlohmann::json metricsJson(const SegMetrics& m) { return {{"dice", m.dice}, {"iou", m.iou}, {"hd95", m.hd95}}; }
} // namespace

EvalReport evaluate(model::SamEngine& engine, const std::vector<LabelledPair>& pairs, const model::SelfPromptSettings& s,
                    const std::function<void(int, int)>& progress)
{
    const auto t0 = std::chrono::steady_clock::now();
    EvalReport r;
    int done = 0;
    for (const auto& p : pairs) {
        try {
            LoadedPair lp = loadPair(p);
            model::ImageU8 view{lp.rgb.data, lp.rgb.cols, lp.rgb.rows, static_cast<int64_t>(lp.rgb.step)};
            auto emb = engine.encode(view);
            auto res = model::runSelfPrompt(engine, emb, s, true);
            EvalRow row;
            row.name = p.name;
            row.found = res.found;
            row.passes = static_cast<int>(res.trace.size());
            const cv::Mat empty = cv::Mat::zeros(lp.mask.size(), CV_8UC1);
            cv::Mat m0 = maskTensorToMat(engine.upsampleLogits(res.trace.front().lowResLogits, emb.frame).squeeze(0).gt(0));
            cv::Mat mf = res.found ? maskTensorToMat(res.mask) : empty;
            row.pass0 = segMetrics(m0, lp.mask);
            row.samsp = segMetrics(mf, lp.mask);
            const auto& kept = res.trace[static_cast<size_t>(res.finalPass)]; // the result's pass (the empty one when nothing was found)
            row.predictedIou = kept.predictedIou;
            row.passDisagreement = 1.0 - segMetrics(m0, mf).iou;
            {
                const cv::Mat gt = lp.mask > 0; // a new, continuous matrix
                auto seed = model::seedLogitsFromMask(gt.data, gt.cols, gt.rows, emb.frame);
                row.gridCeilingIou = segMetrics(maskTensorToMat(engine.upsampleLogits(seed, emb.frame).squeeze(0).gt(0)), lp.mask).iou;
            }
            {
                auto pr = torch::sigmoid(kept.lowResLogits.to(torch::kFloat)).clamp(1e-6, 1 - 1e-6);
                auto h = -(pr * torch::log2(pr) + (1 - pr) * torch::log2(1 - pr));
                row.entropy = h.mean().item<double>();
            }
            r.rows.push_back(row);
        } catch (const std::exception& e) {
            r.errors.push_back(e.what());
        }
        if (progress) progress(++done, static_cast<int>(pairs.size()));
    }
    for (const auto& row : r.rows) {
        r.meanPass0.dice += row.pass0.dice, r.meanPass0.iou += row.pass0.iou, r.meanPass0.hd95 += row.pass0.hd95;
        r.meanSamsp.dice += row.samsp.dice, r.meanSamsp.iou += row.samsp.iou, r.meanSamsp.hd95 += row.samsp.hd95;
        r.meanGridCeilingIou += row.gridCeilingIou;
        r.gridCeilingBelow90 += row.gridCeilingIou < 0.90;
    }
    if (!r.rows.empty()) {
        const double n = double(r.rows.size());
        for (SegMetrics* m : {&r.meanPass0, &r.meanSamsp}) m->dice /= n, m->iou /= n, m->hd95 /= n;
        r.meanGridCeilingIou /= n;
    }
    {
        std::vector<double> err, u1, u2, u3;
        for (const auto& row : r.rows) {
            err.push_back(1.0 - row.samsp.dice);
            u1.push_back(1.0 - row.predictedIou), u2.push_back(row.passDisagreement), u3.push_back(row.entropy);
        }
        auto& u = r.uncertainty;
        u.predictedIou = spearman(u1, err), u.passDisagreement = spearman(u2, err), u.entropy = spearman(u3, err);
        u.best = u.predictedIou >= u.passDisagreement && u.predictedIou >= u.entropy ? "predicted_iou"
                 : u.passDisagreement >= u.entropy                                 ? "pass_disagreement"
                                                                                   : "entropy";
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

std::string evalReportJson(const EvalReport& r, int indent)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : r.rows)
        rows.push_back({{"name", row.name}, {"pass0", metricsJson(row.pass0)}, {"samsp", metricsJson(row.samsp)},
                        {"passes", row.passes}, {"found", row.found}, {"predicted_iou", row.predictedIou},
                        {"pass_disagreement", row.passDisagreement}, {"entropy", row.entropy},
                        {"grid_ceiling_iou", row.gridCeilingIou}});
    nlohmann::json j{{"images", r.rows.size()}, {"pass0", metricsJson(r.meanPass0)}, {"samsp", metricsJson(r.meanSamsp)},
                     {"rows", rows},          {"errors", r.errors},                  {"seconds", r.seconds}};
    j["uncertainty_vs_error"] = {{"spearman", {{"predicted_iou", r.uncertainty.predictedIou},
                                               {"pass_disagreement", r.uncertainty.passDisagreement},
                                               {"entropy", r.uncertainty.entropy}}},
                                 {"best", r.uncertainty.best}};
    j["grid_ceiling"] = {{"mean_iou", r.meanGridCeilingIou}, {"below_iou_0_90", r.gridCeilingBelow90}};
    return j.dump(indent);
}

std::string evalReportTable(const EvalReport& r)
{
    std::ostringstream o;
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-28s %8s %8s %8s   %8s %8s %8s %6s\n", "image", "dice0", "iou0", "hd95_0", "dice",
                  "iou", "hd95", "passes");
    o << buf;
    for (const auto& row : r.rows) {
        std::snprintf(buf, sizeof buf, "%-28s %8.4f %8.4f %8.2f   %8.4f %8.4f %8.2f %6d\n", row.name.c_str(), row.pass0.dice,
                      row.pass0.iou, row.pass0.hd95, row.samsp.dice, row.samsp.iou, row.samsp.hd95, row.passes);
        o << buf;
    }
    std::snprintf(buf, sizeof buf, "%-28s %8.4f %8.4f %8.2f   %8.4f %8.4f %8.2f\n", "MEAN", r.meanPass0.dice,
                  r.meanPass0.iou, r.meanPass0.hd95, r.meanSamsp.dice, r.meanSamsp.iou, r.meanSamsp.hd95);
    o << buf;
    std::snprintf(buf, sizeof buf, "uncertainty vs error (Spearman): predicted IoU %.3f, pass disagreement %.3f, entropy %.3f; best: %s\n",
                  r.uncertainty.predictedIou, r.uncertainty.passDisagreement, r.uncertainty.entropy, r.uncertainty.best.c_str());
    o << buf;
    std::snprintf(buf, sizeof buf, "mask-grid ceiling (ground truth through the model's low-res grid): mean IoU %.4f, %d image(s) below 0.90\n",
                  r.meanGridCeilingIou, r.gridCeilingBelow90);
    o << buf;
    for (const auto& e : r.errors) o << "error: " << e << "\n";
    return o.str();
}

} // namespace samsp::pipeline
