#pragma once
// SAM-SP self-prompting inference (../shared/docs/sam-sp.md): pass 0 runs with
// no prompt; each later pass is prompted by the previous pass's output (box,
// optional point, and the logits as mask input) until K passes, convergence
// (IoU with the previous mask >= earlyStopIou) or an empty mask.
// Every pass is recorded in a trace so the GUI can show how the mask came about.

#include "engine.h"
#include "mask_prompts.h"
#include "selfprompt_settings.h"

#include <optional>
#include <string>
#include <vector>

namespace samsp::model {



struct PassTrace
{
    int index = 0;
    std::optional<BoxF> box;               // prompt box, original-image pixels
    std::vector<PromptPoint> points;       // prompt points, original-image pixels
    bool maskFed = false;                  // previous logits given as mask input
    at::Tensor lowResLogits;               // 1 x L x L float, CPU
    float predictedIou = 0;
    int64_t area = 0;                      // positive low-res cells
    double iouWithPrevious = 0;            // 0 for pass 0
    double ms = 0;
};

struct SelfPromptResult
{
    bool found = false;          // false: "no object found" (an empty pass)
    std::string message;         // why it stopped, in words
    std::vector<PassTrace> trace;
    int finalPass = -1;          // the pass the result is (the last, or with KeepPass::BestPredictedIou the pass chosen)
    bool stoppedEarly = false;
    at::Tensor mask;             // H x W bool at the original size (when asked and found)
    double totalMs = 0;
};

SelfPromptResult runSelfPrompt(SamEngine& engine, const Embedding& emb, const SelfPromptSettings& s = {},
                               bool upsampleFinal = true);
// The same passes, started from a mask known already instead of the unprompted pass 0:
// `seedLogits` (1 x L x L, e.g. seedLogitsFromMask of a neighbouring slice's mask) is
// recorded as pass 0 and prompts pass 1 (box, optional point, the logits as mask input).
SelfPromptResult runSelfPromptFrom(SamEngine& engine, const Embedding& emb, const at::Tensor& seedLogits,
                                   const SelfPromptSettings& s = {}, bool upsampleFinal = true);
// A binary mask at the original image size (CV_8UC1 as bytes: `mask`, `w` x `h`,
// non-zero inside) as low-res logits in `frame`'s grid: +10 inside, -10 outside and
// in the padding.
at::Tensor seedLogitsFromMask(const uint8_t* mask, int64_t w, int64_t h, const ImageFrame& frame);

// The valid (unpadded) part of a low-res logit map, thresholded at 0.
GridMask lowResMask(const at::Tensor& logits, const ImageFrame& frame);

} // namespace samsp::model
