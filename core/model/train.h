#pragma once
// SAM-SP fine-tuning (../shared/docs/sam-sp.md, "Training"): for a batch of
// images x with masks y, pass 0 runs without a prompt; prompts taken from
// stopgrad(L0) (box jittered by up to 10 % of its size; empty -> the whole
// image) drive pass 1; the loss is seg(L0, y) + seg(L1, y) + beta * distill(L0,
// stopgrad(L1)) with seg = 0.2 BCE + 0.8 Dice and distill = T^2 BCE(sigmoid(L0/T),
// sigmoid(L1/T)). AdamW with linear warm-up then polynomial decay.
//
// Tensors at this boundary: images N x 3 x S x S normalised model input (see
// SamEngine::preprocess), masks N x 1 x S x S float in {0, 1} in the same frame
// (padding is 0). Everything runs on the model's device.

#include "sam.h"
#include "selfprompt.h"

#include <torch/optim/adamw.h>

#include <filesystem>
#include <memory>
#include <random>

namespace samsp::model {

enum class EncoderTraining { LoraOnly, Full, Frozen };
enum class ClickSampling { Interior, Uniform };

struct TrainSettings
{
    double lr = 5e-3;
    double weightDecay = 0.1;
    int64_t warmupSteps = 50;
    int64_t totalSteps = 1000; // for the polynomial decay
    double polyPower = 0.9;
    double beta = 1.0;         // self-distillation weight; 0 turns it off (ablation)
    double temperature = 1.0;
    double boxJitter = 0.1;    // fraction of the box size
    // Share of training images whose pass-1 prompt (box and mask) comes from a perturbed
    // pass 0: its logits dilated or eroded by 1-3 low-res cells. Pass 0 fits the training
    // images better than it will fit new ones, so unperturbed pass 1 mostly learns to copy
    // its mask input; this shows it the errors it has to correct. 0 turns it off.
    double maskNoise = 0;
    bool lossAtFullRes = false;// upsample logits to y instead of downsampling y
    EncoderTraining encoder = EncoderTraining::LoraOnly;
    SelfPromptSettings prompts; // which prompts pass 1 gets (box / point / mask)
    uint64_t seed = 0;
    // SAM-style interactive prompts (on by default), so a fine-tuned model answers
    // clicks as well as it self-prompts: one pass from a click alone (a point sampled
    // in the ground truth, no mask), then `interactivePasses` correction passes, each
    // adding a click sampled in the current error region (positive where missed,
    // negative where false) with the previous logits as mask input. 0 turns it off.
    // Four rather than one (session 9): the models then answer later clicks too
    // (Kvasir NoC@90 from the proposal 15.4 -> 10.2) at 1.6x the cost of a step.
    int interactivePasses = 4;
    // Before those graded passes, up to this many clicks (a number drawn per step,
    // uniform in 0..clickWarmup) are placed the same way without gradient, each decoded
    // from the previous logits (RITM's iterative training). Without them the model never
    // sees more than 1 + interactivePasses clicks, while an annotator (and `samsp eval
    // --interactive`) goes on to 20. 0 turns it off.
    int clickWarmup = 0;
    // Where those clicks land: Interior (default) draws them from the middle of the
    // error, as an annotator clicks (and as `samsp eval --interactive` simulates),
    // Uniform anywhere in it, boundary pixels included (SAM's training).
    ClickSampling clickSampling = ClickSampling::Interior;
    // Weight of the IoU head's loss: MSE between each pass's predicted IoU and the
    // true IoU of its mask (so predicted IoU means something). 0 turns it off.
    double iouWeight = 1.0;
    // Mixed precision: the forward and backward passes run matrix products and
    // convolutions in bf16 (autocast), weights, optimizer state and losses stay fp32.
    // Only where bf16 is native (see precision.h; `samsp train --dtype auto` decides).
    bool bf16Autocast = false;
};

struct Batch
{
    torch::Tensor images; // N x 3 x S x S
    torch::Tensor masks;  // N x 1 x S x S
};

struct StepLosses
{
    double total = 0, seg0 = 0, seg1 = 0, distill = 0;
    double interactive = 0, iou = 0; // mean seg loss of the click passes; IoU-head MSE
    double lr = 0;
};

struct TwoPassOutput
{
    torch::Tensor logits0, logits1; // N x 1 x L x L
    torch::Tensor boxes;            // N x 4 prompt boxes (input frame) used for pass 1
    torch::Tensor iou0, iou1;       // N x 1 predicted IoUs of passes 0 and 1
    std::vector<torch::Tensor> clickLogits, clickIou; // interactive passes (with targets given)
    int warmupClicks = 0;                             // clicks placed without gradient before them
};

// TrainSettings::maskNoise: each of the N x 1 x L x L logit maps, with probability
// `share`, grey-dilated (max pool) or grey-eroded (min pool) by a radius of 1-3 cells,
// which grows or shrinks the mask it thresholds to; `radii` (when given) receives the
// signed radius per image (+ grown, - shrunk, 0 untouched).
torch::Tensor perturbMaskLogits(const torch::Tensor& logits, double share, std::mt19937_64& rng,
                                std::vector<int>* radii = nullptr);

// The interactive-prompt sampler: one click per image (N x L x L bool target and
// prediction, CPU) in the error region (target XOR prediction), labelled 1 where the
// target is (a missed pixel) and 0 where it is not (a false one); with no error, a
// positive point in the target; with neither, a padding entry (label -1).
// Uniform: any pixel of that region. Interior: only pixels deeper than half the
// deepest one's depth (erosionDepth), so clicks fall in the middle of the widest
// error and not on a one-pixel band along the boundary.
// Returns coordinates N x 1 x 2 (cell indices x, y) and labels N x 1 (long).
std::pair<torch::Tensor, torch::Tensor> sampleClicks(const torch::Tensor& target, const torch::Tensor& pred,
                                                     std::mt19937_64& rng,
                                                     ClickSampling mode = ClickSampling::Uniform);
// For N x H x W bool masks: how many 3 x 3 erosions each pixel survives (1 for a
// pixel on the region's edge, 0 outside), the image border counting as outside.
torch::Tensor erosionDepth(const torch::Tensor& masks);
// Mean squared error between predicted IoUs (N x 1) and the true IoU of (logits > 0)
// with the binary target (N x 1 x L x L); the true IoU carries no gradient.
torch::Tensor iouHeadLoss(const torch::Tensor& predictedIou, const torch::Tensor& logits, const torch::Tensor& target);

// 0.2 BCE + 0.8 soft Dice on sigmoid(logits); target in [0, 1], same shape.
torch::Tensor segLoss(const torch::Tensor& logits, const torch::Tensor& target);
// T^2 * BCE(sigmoid(student / T), sigmoid(teacher / T)); the teacher is detached here.
torch::Tensor distillLoss(const torch::Tensor& student, const torch::Tensor& teacher, double temperature);

class SamSpTrainer
{
public:
    SamSpTrainer(Sam model, const TrainSettings& s, c10::Device device);

    // One optimisation step on a batch.
    StepLosses step(const Batch& b);
    // The two passes as the loss sees them (train: jittered boxes, gradients on).
    // With `masks` (N x 1 x L x L targets at the logits' size) the interactive passes run too.
    TwoPassOutput forward(const torch::Tensor& images, bool train, const torch::Tensor& masks = {});
    // Loss terms of a forward pass (no optimiser step).
    StepLosses losses(const TwoPassOutput& out, const torch::Tensor& masks, torch::Tensor* total = nullptr);

    int64_t stepCount() const { return m_step; }
    void setStepCount(int64_t s) { m_step = s; }
    double currentLr() const;
    void setTotalSteps(int64_t n) { m_s.totalSteps = n; }

    // Optimiser state for --resume (LibTorch archive, written atomically).
    void saveOptimizer(const std::filesystem::path& p) const;
    void loadOptimizer(const std::filesystem::path& p);
    // The step count stored with an optimizer state (-1 when it has none).
    static int64_t optimizerStep(const std::filesystem::path& p);

    Sam& model() { return m_model; }
    const TrainSettings& settings() const { return m_s; }

private:
    torch::Tensor promptBoxes(const torch::Tensor& logits0, bool jitter);
    Sam m_model;
    TrainSettings m_s;
    c10::Device m_device;
    std::unique_ptr<torch::optim::AdamW> m_opt;
    int64_t m_step = 0;
    std::mt19937_64 m_rng;
};

} // namespace samsp::model
