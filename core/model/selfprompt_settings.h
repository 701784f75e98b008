#pragma once
// SAM-SP's settings on their own (no LibTorch): projects, the GUI and batch
// settings carry them without pulling the model's headers in.

#include <optional>
#include <string_view>

namespace samsp::model {

// Which decoded pass becomes the result. Last: the method as written (the final pass).
// BestPredictedIou: the pass whose IoU head predicts the highest IoU (the head is
// trained on every pass's true IoU, so it can pick the pass to keep); a later pass
// wins a tie.
enum class KeepPass { Last, BestPredictedIou };

// "last" / "best-iou": the names the command line, projects and QSettings use.
inline const char* keepPassName(KeepPass k) { return k == KeepPass::BestPredictedIou ? "best-iou" : "last"; }
inline std::optional<KeepPass> parseKeepPass(std::string_view name)
{
    if (name == "last") return KeepPass::Last;
    if (name == "best-iou") return KeepPass::BestPredictedIou;
    return std::nullopt;
}

struct SelfPromptSettings
{
    int passes = 2;             // K: passes after pass 0
    bool useBox = true;
    bool usePoint = false;
    bool useMask = true;
    bool largestComponent = false; // restrict box/point to the largest connected component
    double minIslandFraction = 0;  // else drop components under this share of the largest (0: keep all)
    double earlyStopIou = 0.98;    // > 1 disables early stopping
    KeepPass keep = KeepPass::Last;
};

} // namespace samsp::model
