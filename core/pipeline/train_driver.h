#pragma once
// `samsp train`: SAM-SP fine-tuning on a folder of images + masks. Epochs over a
// deterministic shuffle with augmentation, validation Dice (pass 0 and SAM-SP)
// after each epoch, a safetensors checkpoint with metadata after each epoch
// (atomic, so an interruption leaves the last good one), and --resume.

#include "dataset.h"

#include "model/engine.h"
#include "model/train.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct TrainJob
{
    std::filesystem::path data;
    std::filesystem::path out;         // the .safetensors to write (optimizer state beside it: <out>.optim)
    std::filesystem::path init;        // checkpoint to start from; empty: random weights of `config`
    std::string config = "tiny";       // variant name or JSON config file (random start)
    int64_t imageSize = 0;             // model input size; 0: the start checkpoint's, 256 from a random start
    int64_t loraRank = 4;
    // Give a TinyViT model the decoder's detail fusion (model/config.h); a start checkpoint
    // without it gains a zero projection, so training starts from what it computed.
    bool detailFusion = false;
    int epochs = 10;
    // Wall-clock budget in minutes (0: none). With a budget, training stops when it is
    // spent (the last, possibly partial, epoch is validated and saved), `epochs` is only
    // an upper bound, and the learning-rate decay follows the time used rather than the
    // step count, so the rate reaches its floor when the budget ends however fast the
    // machine is. Validation time counts against the budget.
    double minutes = 0;
    // Seconds on a monotonic clock for the budget and the timings; empty: the steady
    // clock (tests supply a simulated one).
    std::function<double()> clock;
    int batchSize = 4;
    double valFraction = 0.1;
    bool resume = false;
    bool augment = true;
    bool fp16 = false;                 // store floating weights as fp16
    model::TrainSettings settings;
    model::DeviceChoice device = model::DeviceChoice::Auto;
    // Fp32, or Bf16 mixed precision (autocast; only where bf16 is native), or Auto:
    // bf16 where native and measured faster (model/precision.h).
    model::Precision precision = model::Precision::Fp32;
    int threads = 0;
};

struct TrainProgress
{
    int epoch = 0, epochs = 0;
    int64_t step = 0, stepsPerEpoch = 0;
    double loss = 0, lr = 0;
    double etaSeconds = 0;
    double imagesPerS = 0;
};

struct EpochRecord
{
    int epoch = 0;
    double trainLoss = 0;
    double valDicePass0 = 0, valDiceSamsp = 0;
    double seconds = 0;
};

struct TrainSummary
{
    std::vector<EpochRecord> epochs;
    std::vector<std::string> dataProblems;
    bool cancelled = false;
    bool budgetSpent = false;          // stopped because the --minutes budget ran out
    double seconds = 0;                // wall time of this run (validation included)
    std::filesystem::path checkpoint;
    int trainImages = 0, valImages = 0;
    double stepsPerS = 0, imagesPerS = 0;
    std::string precision;             // "fp32" or "bf16" (mixed precision), as chosen
    std::string precisionReason;
};

// `progress` is called after every step; returning false stops after that step
// (the partial epoch is not saved). Throws std::runtime_error on bad input.
TrainSummary runTraining(const TrainJob& job, const std::function<bool(const TrainProgress&)>& progress = {},
                         const std::function<void(const EpochRecord&)>& epochDone = {});

} // namespace samsp::pipeline
