#pragma once
// SAM-SP's settings on their own (no LibTorch): projects, the GUI and batch
// settings carry them without pulling the model's headers in.

namespace samsp::model {

struct SelfPromptSettings
{
    int passes = 2;             // K: passes after pass 0
    bool useBox = true;
    bool usePoint = false;
    bool useMask = true;
    bool largestComponent = false; // restrict box/point to the largest connected component
    double minIslandFraction = 0;  // else drop components under this share of the largest (0: keep all)
    double earlyStopIou = 0.98;    // > 1 disables early stopping
};

} // namespace samsp::model
