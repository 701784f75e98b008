#pragma once
// The annotator's benchmark: a simulated annotator corrects a mask with clicks, as
// in the standard protocol of interactive segmentation (RITM, SimpleClick, the SAM
// paper). Each next click goes to the interior point of the worst error: the
// false-negative and false-positive regions are distance-transformed (image borders
// count as boundary), the click lands on the maximum of the deeper of the two —
// positive in a missed region, negative in a false one — up to `maxClicks` clicks.
//
// Two starting points: from nothing (clicks only, as classic SAM) and from the
// SAM-SP proposal (the product's flow: the proposal is there, clicks correct it).
// Clicks are decoded by SamEngine::decodeInteractive on the cached embedding (the
// studio's path), each with all clicks so far; ClickFlow says what else goes with
// them (by default the previous low-res logits as mask input, for the first click
// from the proposal SAM-SP's final logits). The studio builds its prompts with the
// same ClickPrompter, so the benchmark measures what the annotator gets.
//
// NoC@t: clicks needed to reach IoU >= t (0 when the proposal already does;
// maxClicks when never). Failure: NoC@90 == maxClicks without reaching 0.90.

#include "dataset.h"

#include "model/engine.h"
#include "model/selfprompt.h"

#include <opencv2/core.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct Click
{
    int x = 0, y = 0;
    bool positive = true;
    double depth = 0; // distance from the point to the error region's edge (pixels)
};

// Where the simulated annotator clicks next; nullopt when `pred` equals `truth`.
// Both CV_8UC1, non-zero inside, same size.
std::optional<Click> nextClick(const cv::Mat& truth, const cv::Mat& pred);

// Clicks needed to reach `threshold` given IoU after 0, 1, 2 ... clicks
// (ious[0]: before any click). `maxClicks` when never reached.
int clicksToReach(const std::vector<double>& ious, double threshold, int maxClicks);

// What goes with the clicks into each decode.
struct ClickFlow
{
    // Mask input: the previous decode's logits (the start's for the first click), or
    // always the start's (none from nothing).
    bool chainLogits = true;
    // With every click, the box the start was prompted with (SAM-SP's final pass);
    // from nothing there is none.
    bool keepStartBox = false;
    // The start's mask input as its binary mask (+-10 logits, model::seedLogitsFromMask)
    // instead of the logits SAM-SP gave: what the studio has for a mask edited by hand.
    bool startFromMask = false;
};

// The prompts of one correction, click after click: a pure function of the clicks so
// far and the logits each earlier decode gave (`decoded`).
class ClickPrompter
{
public:
    ClickPrompter(ClickFlow flow, std::optional<model::BoxF> startBox, at::Tensor startLogits);
    // The prompts for a decode with `points` (all clicks so far, in order).
    model::Prompts prompts(const std::vector<model::PromptPoint>& points) const;
    // The low-res logits the last decode gave: the next click's mask input when chaining.
    void decoded(const at::Tensor& lowResLogits);

private:
    ClickFlow m_flow;
    std::optional<model::BoxF> m_box;
    at::Tensor m_start, m_previous;
};

// The box a SAM-SP result's final pass was prompted with (none for pass 0 or no result).
std::optional<model::BoxF> startBoxOf(const model::SelfPromptResult& sp);
// The first click's mask input on a SAM-SP result whose mask is `startMask` (CV_8UC1,
// non-zero inside): its final pass's logits, or with flow.startFromMask the mask as
// +-10 logits in `frame`'s grid; undefined when nothing was found.
at::Tensor startLogitsOf(const model::SelfPromptResult& sp, const cv::Mat& startMask, const model::ImageFrame& frame,
                         const ClickFlow& flow);

struct ClickSession
{
    std::vector<double> ious;  // after 0, 1, ..., n clicks (ious[0]: the start)
    std::vector<Click> clicks;
};

// One image: starts from `start` (empty mask from nothing) and its low-res logits
// (undefined from nothing), clicks until IoU >= stopAt or maxClicks.
// `startBox`: the box the start was prompted with (kept with the clicks when flow.keepStartBox).
ClickSession simulateClicks(model::SamEngine& engine, const model::Embedding& emb, const cv::Mat& truth,
                            const cv::Mat& start, const at::Tensor& startLogits, int maxClicks, double stopAt = 1.01,
                            const ClickFlow& flow = {}, const std::optional<model::BoxF>& startBox = std::nullopt);

// The simulated annotator of the labelling benchmark: clicks as above until the mask
// reaches `target`; when clicks stall (`stallClicks` clicks in a row without raising the
// best IoU by `minGain`, or `maxClicks` spent) it switches to the brush: each dab paints
// a disc of `brushRadius` pixels (0: 1/32 of the longer side) at the point the next
// click would go, setting the pixels there to the truth, and counts as one click.
struct AnnotatorRules
{
    double target = 0.90;
    int maxClicks = 20;
    int stallClicks = 3;
    double minGain = 0.01;
    int brushRadius = 0;
    int maxDabs = 100000;
};

struct AnnotatorSession
{
    double startIou = 0;  // the proposal's (0 from nothing)
    int clicks = 0;       // model clicks
    int dabs = 0;         // brush strokes, in clicks (see above)
    double finalIou = 0;
    cv::Mat mask;         // what the annotator accepts (CV_8UC1 0/255)
    int total() const { return clicks + dabs; }
};

AnnotatorSession annotateLikeAPerson(model::SamEngine& engine, const model::Embedding& emb, const cv::Mat& truth,
                                     const cv::Mat& start, const at::Tensor& startLogits, const AnnotatorRules& rules,
                                     const ClickFlow& flow = {}, const std::optional<model::BoxF>& startBox = std::nullopt);
double maskIou(const cv::Mat& a, const cv::Mat& b); // non-zero = inside; 1 when both are empty

struct InteractiveRow
{
    std::string name;
    int noc85 = 0, noc90 = 0;
    double iou0 = 0, iou1 = 0, iou3 = 0, iou5 = 0;
    std::vector<double> ious;
};

struct InteractiveSummary
{
    std::vector<InteractiveRow> rows;
    double noc85 = 0, noc90 = 0, miou1 = 0, miou3 = 0, miou5 = 0, failureRate = 0, miou0 = 0;
};

struct InteractiveReport
{
    InteractiveSummary fromNothing, fromProposal;
    int maxClicks = 20;
    ClickFlow flow;
    std::vector<std::string> errors;
    double seconds = 0;
    // The product's headline: NoC@90 from nothing minus NoC@90 from the proposal.
    double clicksSaved() const { return fromNothing.noc90 - fromProposal.noc90; }
};

InteractiveReport evaluateInteractive(model::SamEngine& engine, const std::vector<LabelledPair>& pairs,
                                      const model::SelfPromptSettings& s, int maxClicks = 20,
                                      const std::function<void(int, int)>& progress = {}, const ClickFlow& flow = {});
// {"from_nothing": {...}, "from_proposal": {...}, "clicks_saved": ..., "max_clicks": ...}
std::string interactiveReportJson(const InteractiveReport& r);
std::string interactiveReportTable(const InteractiveReport& r);

} // namespace samsp::pipeline
