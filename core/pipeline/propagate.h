#pragma once
// Propagation through the slices of a volume: the self-prompting idea across z. From
// a slice whose mask a person accepted, the next slice is prompted with its
// neighbour's mask (box, optional farthest-from-border point, and the mask as logits),
// its SAM-SP passes run, and so on, up and down, until the object ends (an empty
// mask, or the predicted IoU below a floor or fallen too far from where it started)
// or a limit. Each propagated slice is a proposal for review, never accepted here.

#include "model/engine.h"
#include "model/selfprompt.h"

#include "imaging/document.h"

#include <opencv2/core.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct PropagateOptions
{
    model::SelfPromptSettings selfPrompt; // the passes after the seed (box + mask; point with usePoint)
    int maxSlices = 0;                    // per direction; 0: to the end of the volume
    // The predicted-IoU stops use the model's calibrated IoU; a model whose IoU head was
    // never trained has none, and only the other stops apply.
    double minPredictedIou = 0.5;         // stop when a slice's predicted IoU is below this
    double maxIouDrop = 0.25;             // or has fallen this much below the first propagated slice's
    double maxGrowth = 2.5;               // stop when the mask grows past this many times its neighbour (a leak)
    double minOverlap = 0.3;              // stop when it overlaps its neighbour's mask less (IoU): past the
                                          // object's end the model finds something else
    double maxMeanShift = 40;             // or what it covers looks different: its mean grey level in the
                                          // model's view moved this far from the neighbour's (0: off)
    bool up = true, down = true;          // towards higher / lower slice indices
};

struct PropagatedSlice
{
    int slice = 0;
    cv::Mat mask;            // CV_8UC1 0 / 255 at the slice's full size
    double predictedIou = -1; // the final pass's, calibrated (-1: the model has no calibration)
    int passes = 0;          // passes run after the seed
};

struct PropagationResult
{
    std::vector<PropagatedSlice> slices; // in the order they were made (up first, then down)
    std::string stoppedUp, stoppedDown;  // why each direction ended, in words
    bool cancelled = false;
};

// `viewOf(k)`: slice k as the model sees it (imaging::Document::modelView); `full`: the
// slices' full size. `progress(done)` returning false stops (what was made is kept).
// `embeddings` (optional): the slices' embeddings, by slice index; one found there is
// used instead of encoding the slice, and every slice encoded here is added to it.
PropagationResult propagateMask(model::SamEngine& engine, int sliceCount, const std::function<imaging::ModelView(int)>& viewOf,
                                cv::Size full, int start, const cv::Mat& startMask, const PropagateOptions& opts,
                                const std::function<bool(int)>& progress = {},
                                std::map<int, model::Embedding>* embeddings = nullptr);

// A 3-D phantom with known truth: an ellipsoid lesion (centre, radii in pixels and
// slices) with its own texture (smoothed noise, seeded) and softened edges, painted
// into real slices (HU) as a hyperdense lesion. `truth[k]` is its cross-section.
struct LesionPhantom
{
    std::vector<cv::Mat> slices; // CV_32FC1, the background with the lesion
    std::vector<cv::Mat> truth;  // CV_8UC1 0 / 255
    int centreSlice = 0;
};
LesionPhantom makeLesionPhantom(const std::vector<cv::Mat>& background, cv::Point2d centre, double rx, double ry, int centreSlice,
                                double rz, double contrastHu = 90, uint64_t seed = 2026);

// Propagation from the lesion's centre slice (seeded with the true mask there) against
// independent per-slice SAM-SP proposals (no prompt), Dice per slice against the truth
// over the lesion's slices and `margin` slices either side.
struct PropagationBenchRow
{
    int slice = 0;
    bool inObject = false;
    double dicePropagated = 0, diceIndependent = 0;
    bool propagated = false; // the propagation reached this slice
};
struct PropagationBench
{
    std::vector<PropagationBenchRow> rows;
    PropagationResult propagation;
    double meanDicePropagated = 0, meanDiceIndependent = 0; // over the object's slices, the seed excluded
    int objectFirst = 0, objectLast = 0, propagatedFirst = 0, propagatedLast = 0;
    double seconds = 0;
};
PropagationBench benchPropagation(model::SamEngine& engine, const LesionPhantom& ph, const imaging::Window& window, bool invert,
                                  const PropagateOptions& opts, int margin = 3);

} // namespace samsp::pipeline
