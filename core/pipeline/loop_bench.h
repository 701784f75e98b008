#pragma once
// The labelling-loop benchmark: does learning while labelling save work? A
// simulated annotator (annotateLikeAPerson: clicks at the worst error, a brush when
// clicks stall, each dab counted as a click) labels real images one after another
// in a fixed order until each mask reaches IoU 0.90, and accepts that mask (not the
// ground truth: the model learns from what the person accepted). Three ways to work:
//
//   from-nothing   no proposal: every image is clicked from an empty mask, the start
//                  model throughout (classic interactive SAM);
//   no-training    the start model's SAM-SP proposal, then clicks (the loop without
//                  its training rounds);
//   loop           the same, and after every R accepted images a training round
//                  (runTraining, the product's loop settings, a time budget) fine-tunes
//                  the current model on everything accepted so far; later images are
//                  proposed by the new model.
//
// Simulated wall time: a person spends `secondsPerClick` a click and `secondsPerImage`
// looking at and accepting an image; the model's own time (encode, SAM-SP, clicks) is
// measured; a training round runs while the person labels the next R images, and only
// what is left of it after them is waited for.

#include "dataset.h"
#include "interactive.h"
#include "train_driver.h"

#include "model/selfprompt.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace samsp::pipeline {

enum class LoopBenchMode
{
    FromNothing,
    NoTraining,
    Loop,
};
std::string loopBenchModeName(LoopBenchMode m);

struct LoopBenchOptions
{
    std::vector<LabelledPair> pairs;     // in labelling order
    std::filesystem::path startModel;
    std::filesystem::path work;          // rounds' data and models (created)
    LoopBenchMode mode = LoopBenchMode::Loop;
    int every = 25;                      // R: a round after every R accepted images (Loop)
    TrainJob training;                   // data / out / init filled in per round
    model::SelfPromptSettings selfPrompt;
    AnnotatorRules annotator;
    ClickFlow clickFlow;                 // what goes with the clicks (the studio's flow)
    model::EngineOptions engine;
    double secondsPerClick = 2.0, secondsPerImage = 3.0;
};

struct LoopBenchImage
{
    std::string name;
    int round = 0;              // the model that proposed it (0: the start model)
    double proposalDice = 0;    // before any click (0 from nothing)
    int clicks = 0, dabs = 0;
    double finalIou = 0;
    double modelSeconds = 0;
};

struct LoopBenchRound
{
    int round = 0;
    int afterImages = 0;
    double trainSeconds = 0;
    int epochs = 0;
    double valDice = 0;
    std::string modelId;
};

struct LoopBenchRun
{
    LoopBenchMode mode = LoopBenchMode::Loop;
    int every = 0;
    std::vector<LoopBenchImage> images;
    std::vector<LoopBenchRound> rounds;
    std::vector<std::string> errors;
    int totalClicks() const;    // clicks + dabs
    int totalDabs() const;
    double humanSeconds = 0, modelSeconds = 0, trainSeconds = 0, waitSeconds = 0;
    double wallSeconds() const { return humanSeconds + modelSeconds + waitSeconds; }
};

// Throws std::runtime_error on an unusable model or an empty pair list. `progress`
// (images done, total; a phase text) returning false stops after the current image.
LoopBenchRun runLoopBench(const LoopBenchOptions& opts,
                          const std::function<bool(int, int, const std::string&)>& progress = {});

nlohmann::json loopBenchJson(const LoopBenchRun& r);
// Two panels (proposal Dice, clicks per image, each a running mean over `window`
// images against images labelled), one line per run; an SVG document.
std::string loopBenchSvg(const std::vector<LoopBenchRun>& runs, const std::string& title, int window = 10);
// The same plot as an RGB image (CV_8UC3), for a PNG.
cv::Mat loopBenchImage(const std::vector<LoopBenchRun>& runs, const std::string& title, int window = 10);

} // namespace samsp::pipeline
