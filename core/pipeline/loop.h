#pragma once
// One round of the labelling loop, as a library call (the studio's training panel
// and `samsp loop` both use it): fine-tune the project's current model on its
// accepted items, write the result as the project's next model version
// (models/round-N.safetensors + round-N.json: identity, metrics, the items it was
// trained on), make it the project's model, and propose again every item nobody
// has touched yet (state new, or proposed with automatic instances only), the most
// uncertain first. Accepted, rejected and edited items are never overwritten.

#include "project.h"
#include "train_driver.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct LoopOptions
{
    std::filesystem::path project;      // the project file (project.samsp.json)
    std::filesystem::path startModel;   // the model to fine-tune; empty: the project's current one
    TrainJob training;                  // settings of the round (data, out, init are filled in here;
                                        // imageSize <= 0: the start model's own)
    bool repropose = true;
    // False: the project file is only read (the round's model and record are still
    // written); the caller (the studio, which holds the project open) applies the new
    // model itself. Implies no re-proposing here.
    bool updateProject = true;
    // Optional: polled between steps; true cancels like `progress` returning false.
    const std::atomic<bool>* cancel = nullptr;
    // Optional: after every training epoch (validation Dice, loss).
    std::function<void(const EpochRecord&)> epochDone;
};

struct LoopProgress
{
    std::string phase;                  // "export", "train", "propose"
    int done = 0, total = 0;
    const TrainProgress* train = nullptr; // during "train"
};

struct LoopRound
{
    int round = 0;
    std::filesystem::path model;        // models/round-N.safetensors
    std::filesystem::path record;       // models/round-N.json
    std::string modelId;                // identity of the new weights (SamEngine::modelId)
    std::string previousModelId;
    std::vector<std::string> trainedOn; // item keys
    TrainSummary training;
    int reproposed = 0, failed = 0, skipped = 0; // skipped: touched by a person
    bool cancelled = false;
};

// One item proposed without prompts, as the studio opens it ("file#frame": the frame's
// own window): SAM-SP's final mask at the image's full size, its calibrated IoU.
// Throws on an unreadable image. The loop's re-proposals and the studio's background
// proposals both use it.
struct FrameProposal
{
    bool found = false;
    cv::Mat mask;                // CV_8UC1 0 / 255, full size (empty when not found)
    cv::Size size;               // the image's full size
    std::optional<double> score; // calibrated predicted IoU
    int finalPass = -1;
};
FrameProposal proposeFrame(model::SamEngine& engine, const std::filesystem::path& file, int frame,
                           const model::SelfPromptSettings& settings);

// The rounds already in `<projectDir>/models` (1, 2, ...), ascending.
std::vector<int> loopRounds(const std::filesystem::path& projectDir);

// Throws std::runtime_error naming what is wrong (no project, fewer than 2 accepted
// items, an unusable model). `progress` returning false cancels: during training
// the round is abandoned (the project and its model stay as they were); during
// re-proposing, what was proposed so far is saved.
LoopRound runLoopRound(const LoopOptions& opts, const std::function<bool(const LoopProgress&)>& progress = {});

} // namespace samsp::pipeline
