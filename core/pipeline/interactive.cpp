#include "interactive.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace samsp::pipeline {

namespace {

// Distance of every pixel of `region` to the nearest pixel outside it, the image
// border counting as outside (padding of one background pixel, as RITM pads).
cv::Mat interiorDistance(const cv::Mat& region)
{
    cv::Mat padded;
    cv::copyMakeBorder(region, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat dist;
    cv::distanceTransform(padded, dist, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    return dist(cv::Rect(1, 1, region.cols, region.rows)).clone();
}

double iouOf(const cv::Mat& a, const cv::Mat& b)
{
    cv::Mat ab, aob;
    cv::bitwise_and(a, b, ab);
    cv::bitwise_or(a, b, aob);
    const int u = cv::countNonZero(aob);
    return u == 0 ? 1.0 : double(cv::countNonZero(ab)) / double(u);
}

cv::Mat binary(const cv::Mat& m)
{
    cv::Mat b;
    cv::compare(m, 0, b, cv::CMP_GT); // 0 / 255
    return b;
}

InteractiveSummary summarise(std::vector<InteractiveRow> rows)
{
    InteractiveSummary s;
    s.rows = std::move(rows);
    if (s.rows.empty()) return s;
    int failures = 0;
    for (const auto& r : s.rows) {
        s.noc85 += r.noc85, s.noc90 += r.noc90;
        s.miou0 += r.iou0, s.miou1 += r.iou1, s.miou3 += r.iou3, s.miou5 += r.iou5;
        bool reached = false;
        for (double v : r.ious) reached = reached || v >= 0.90;
        if (!reached) ++failures;
    }
    const double n = double(s.rows.size());
    s.noc85 /= n, s.noc90 /= n, s.miou0 /= n, s.miou1 /= n, s.miou3 /= n, s.miou5 /= n;
    s.failureRate = failures / n;
    return s;
}

InteractiveRow rowFor(const std::string& name, const ClickSession& c, int maxClicks)
{
    InteractiveRow r;
    r.name = name;
    r.ious = c.ious;
    auto at = [&](size_t k) { return c.ious.empty() ? 0.0 : c.ious[std::min(k, c.ious.size() - 1)]; };
    r.iou0 = at(0), r.iou1 = at(1), r.iou3 = at(3), r.iou5 = at(5);
    r.noc85 = clicksToReach(c.ious, 0.85, maxClicks);
    r.noc90 = clicksToReach(c.ious, 0.90, maxClicks);
    return r;
}

nlohmann::json summaryJson(const InteractiveSummary& s)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : s.rows)
        rows.push_back({{"name", r.name}, {"noc85", r.noc85}, {"noc90", r.noc90}, {"iou_0", r.iou0}, {"iou_1", r.iou1},
                        {"iou_3", r.iou3}, {"iou_5", r.iou5}, {"ious", r.ious}});
    return {{"images", s.rows.size()}, {"noc85", s.noc85},   {"noc90", s.noc90},           {"miou_0", s.miou0},
            {"miou_1", s.miou1},       {"miou_3", s.miou3}, {"miou_5", s.miou5},         {"failure_rate", s.failureRate},
            {"rows", rows}};
}

} // namespace

std::optional<Click> nextClick(const cv::Mat& truth, const cv::Mat& pred)
{
    const cv::Mat gt = binary(truth), pr = binary(pred);
    cv::Mat fn, fp, notPr, notGt;
    cv::bitwise_not(pr, notPr);
    cv::bitwise_not(gt, notGt);
    cv::bitwise_and(gt, notPr, fn);
    cv::bitwise_and(notGt, pr, fp);
    if (cv::countNonZero(fn) == 0 && cv::countNonZero(fp) == 0) return std::nullopt;
    double fnMax = 0, fpMax = 0;
    cv::Point fnAt, fpAt;
    cv::minMaxLoc(interiorDistance(fn), nullptr, &fnMax, nullptr, &fnAt);
    cv::minMaxLoc(interiorDistance(fp), nullptr, &fpMax, nullptr, &fpAt);
    // The deeper error wins; a tie goes to the false region (negative), as in RITM.
    if (fnMax > fpMax) return Click{fnAt.x, fnAt.y, true, fnMax};
    return Click{fpAt.x, fpAt.y, false, fpMax};
}

ClickPrompter::ClickPrompter(ClickFlow flow, std::optional<model::BoxF> startBox, at::Tensor startLogits)
    : m_flow(flow), m_box(flow.keepStartBox ? startBox : std::nullopt), m_start(std::move(startLogits)), m_previous(m_start)
{
}

model::Prompts ClickPrompter::prompts(const std::vector<model::PromptPoint>& points) const
{
    model::Prompts p;
    p.points = points;
    p.box = m_box;
    p.maskLogits = m_flow.chainLogits ? m_previous : m_start;
    return p;
}

void ClickPrompter::decoded(const at::Tensor& lowResLogits) { m_previous = lowResLogits; }

namespace {
// The pass a SAM-SP result is, or null when nothing was found.
const model::PassTrace* resultPass(const model::SelfPromptResult& sp)
{
    if (!sp.found || sp.finalPass < 0 || static_cast<size_t>(sp.finalPass) >= sp.trace.size()) return nullptr;
    return &sp.trace[static_cast<size_t>(sp.finalPass)];
}
} // namespace

std::optional<model::BoxF> startBoxOf(const model::SelfPromptResult& sp)
{
    const auto* t = resultPass(sp);
    return t ? t->box : std::nullopt;
}

at::Tensor startLogitsOf(const model::SelfPromptResult& sp, const cv::Mat& startMask, const model::ImageFrame& frame,
                         const ClickFlow& flow)
{
    const auto* t = resultPass(sp);
    if (!t) return {};
    if (!flow.startFromMask) return t->lowResLogits;
    const cv::Mat m = binary(startMask); // 0 / 255, continuous
    return model::seedLogitsFromMask(m.data, m.cols, m.rows, frame);
}

int clicksToReach(const std::vector<double>& ious, double threshold, int maxClicks)
{
    for (size_t k = 0; k < ious.size() && static_cast<int>(k) <= maxClicks; ++k)
        if (ious[k] >= threshold) return static_cast<int>(k);
    return maxClicks;
}

ClickSession simulateClicks(model::SamEngine& engine, const model::Embedding& emb, const cv::Mat& truth,
                            const cv::Mat& start, const at::Tensor& startLogits, int maxClicks, double stopAt,
                            const ClickFlow& flow, const std::optional<model::BoxF>& startBox)
{
    ClickSession s;
    const cv::Mat gt = binary(truth);
    cv::Mat current = binary(start);
    ClickPrompter prompter(flow, startBox, startLogits);
    std::vector<model::PromptPoint> points;
    s.ious.push_back(iouOf(current, gt));
    for (int k = 0; k < maxClicks && s.ious.back() < stopAt; ++k) {
        const auto click = nextClick(gt, current);
        if (!click) { // nothing left to correct
            s.ious.push_back(s.ious.back());
            continue;
        }
        s.clicks.push_back(*click);
        points.push_back({double(click->x), double(click->y), click->positive ? 1 : 0});
        const model::Prediction p = engine.decodeInteractive(emb, prompter.prompts(points), true);
        prompter.decoded(p.lowResLogits);
        current = maskTensorToMat(p.masks[0]);
        s.ious.push_back(iouOf(current, gt));
    }
    return s;
}

double maskIou(const cv::Mat& a, const cv::Mat& b) { return iouOf(binary(a), binary(b)); }

AnnotatorSession annotateLikeAPerson(model::SamEngine& engine, const model::Embedding& emb, const cv::Mat& truth,
                                     const cv::Mat& start, const at::Tensor& startLogits, const AnnotatorRules& rules,
                                     const ClickFlow& flow, const std::optional<model::BoxF>& startBox)
{
    AnnotatorSession s;
    const cv::Mat gt = binary(truth);
    s.mask = binary(start);
    s.startIou = s.finalIou = iouOf(s.mask, gt);
    ClickPrompter prompter(flow, startBox, startLogits);
    std::vector<model::PromptPoint> points;
    double best = s.finalIou;
    int sinceGain = 0;
    while (s.finalIou < rules.target && s.clicks < rules.maxClicks && sinceGain < rules.stallClicks) {
        const auto click = nextClick(gt, s.mask);
        if (!click) break;
        ++s.clicks;
        points.push_back({double(click->x), double(click->y), click->positive ? 1 : 0});
        const model::Prediction p = engine.decodeInteractive(emb, prompter.prompts(points), true);
        prompter.decoded(p.lowResLogits);
        const cv::Mat next = binary(maskTensorToMat(p.masks[0]));
        const double iou = iouOf(next, gt);
        // A person keeps the better of before / after a click that made things worse
        // (Ctrl+Z); the model's next click still sees every click so far.
        if (iou >= s.finalIou) s.mask = next, s.finalIou = iou;
        if (iou >= best + rules.minGain) best = iou, sinceGain = 0;
        else ++sinceGain;
    }
    const int radius = rules.brushRadius > 0 ? rules.brushRadius : std::max(2, std::max(gt.cols, gt.rows) / 64);
    const double pixelsPerClick = 8.0 * radius;
    while (s.finalIou < rules.target && s.dabs < rules.maxDabs) {
        // The largest connected error (missed or false) painted over in one stroke.
        cv::Mat error, labels, stats, centroids;
        cv::bitwise_xor(gt, s.mask, error);
        const int n = cv::connectedComponentsWithStats(error, labels, stats, centroids, 8, CV_32S);
        if (n <= 1) break;
        int best = 1;
        for (int k = 2; k < n; ++k)
            if (stats.at<int>(k, cv::CC_STAT_AREA) > stats.at<int>(best, cv::CC_STAT_AREA)) best = k;
        const cv::Mat region = labels == best;
        double depth = 0;
        cv::minMaxLoc(interiorDistance(region), nullptr, &depth);
        // Its length: area over thickness (a band along the edge is long, a blob is short);
        // a stroke costs one click per 8 brush radii of length, at least one.
        const double length = stats.at<int>(best, cv::CC_STAT_AREA) / std::max(1.0, 2.0 * depth);
        s.dabs += std::max(1, static_cast<int>(std::ceil(length / pixelsPerClick)));
        gt.copyTo(s.mask, region);
        s.finalIou = iouOf(s.mask, gt);
    }
    return s;
}

InteractiveReport evaluateInteractive(model::SamEngine& engine, const std::vector<LabelledPair>& pairs,
                                      const model::SelfPromptSettings& settings, int maxClicks,
                                      const std::function<void(int, int)>& progress, const ClickFlow& flow)
{
    const auto t0 = std::chrono::steady_clock::now();
    InteractiveReport r;
    r.maxClicks = maxClicks;
    r.flow = flow;
    std::vector<InteractiveRow> nothing, proposal;
    int done = 0;
    for (const auto& p : pairs) {
        try {
            LoadedPair lp = loadPair(p);
            model::ImageU8 view{lp.rgb.data, lp.rgb.cols, lp.rgb.rows, static_cast<int64_t>(lp.rgb.step)};
            const auto emb = engine.encode(view);
            const cv::Mat empty = cv::Mat::zeros(lp.mask.size(), CV_8UC1);
            nothing.push_back(rowFor(p.name, simulateClicks(engine, emb, lp.mask, empty, {}, maxClicks, 1.01, flow), maxClicks));
            const auto sp = model::runSelfPrompt(engine, emb, settings, true);
            const cv::Mat start = sp.found ? maskTensorToMat(sp.mask) : empty;
            const at::Tensor startLogits = startLogitsOf(sp, start, emb.frame, flow);
            proposal.push_back(rowFor(p.name, simulateClicks(engine, emb, lp.mask, start, startLogits, maxClicks, 1.01, flow,
                                                                     startBoxOf(sp)),
                                      maxClicks));
        } catch (const std::exception& e) {
            r.errors.push_back(e.what());
        }
        if (progress) progress(++done, static_cast<int>(pairs.size()));
    }
    r.fromNothing = summarise(std::move(nothing));
    r.fromProposal = summarise(std::move(proposal));
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

std::string interactiveReportJson(const InteractiveReport& r)
{
    nlohmann::json j{{"from_nothing", summaryJson(r.fromNothing)},
                     {"from_proposal", summaryJson(r.fromProposal)},
                     {"clicks_saved", r.clicksSaved()},
                     {"max_clicks", r.maxClicks},
                     {"click_flow",
                      {{"chain_logits", r.flow.chainLogits},
                       {"keep_start_box", r.flow.keepStartBox},
                       {"start_from_mask", r.flow.startFromMask}}},
                     {"errors", r.errors},
                     {"seconds", r.seconds}};
    return j.dump();
}

std::string interactiveReportTable(const InteractiveReport& r)
{
    std::ostringstream o;
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-16s %7s %7s %7s %7s %7s %7s %8s\n", "interactive", "NoC@85", "NoC@90", "mIoU@0",
                  "mIoU@1", "mIoU@3", "mIoU@5", "failures");
    o << buf;
    for (const auto& [label, s] : {std::pair<const char*, const InteractiveSummary*>{"from nothing", &r.fromNothing},
                                   {"from proposal", &r.fromProposal}}) {
        std::snprintf(buf, sizeof buf, "%-16s %7.2f %7.2f %7.4f %7.4f %7.4f %7.4f %7.1f%%\n", label, s->noc85, s->noc90,
                      s->miou0, s->miou1, s->miou3, s->miou5, 100.0 * s->failureRate);
        o << buf;
    }
    std::snprintf(buf, sizeof buf, "clicks saved by SAM-SP (NoC@90): %.2f (at most %d clicks per image)\n", r.clicksSaved(),
                  r.maxClicks);
    o << buf;
    return o.str();
}

} // namespace samsp::pipeline
