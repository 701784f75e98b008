#pragma once
// Evaluation of a model on labelled pairs, without any prompt: pass 0 alone and
// the full SAM-SP loop, each scored with Dice, IoU and HD95 at the original size.

#include "dataset.h"
#include "metrics.h"

#include "model/engine.h"
#include "model/selfprompt.h"

#include <functional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct EvalRow
{
    std::string name;
    SegMetrics pass0, samsp;
    int passes = 0; // SAM-SP passes run (1 + prompted ones)
    bool found = false;
    // Uncertainty signals of the SAM-SP result, known without the ground truth (which
    // predicts the real error best decides what the studio sorts by):
    double predictedIou = 0;      // the IoU head's output for the final pass (raw)
    double passDisagreement = 0;  // 1 - IoU(pass 0's mask, the final mask)
    double entropy = 0;           // mean binary entropy (bits) of the final pass's probabilities
};

// Spearman correlation of each uncertainty (1 - predicted IoU, disagreement,
// entropy) with the real error (1 - SAM-SP Dice) over the rows.
struct UncertaintyCheck
{
    double predictedIou = 0, passDisagreement = 0, entropy = 0;
    std::string best; // the signal with the highest correlation
};

struct EvalReport
{
    std::vector<EvalRow> rows;
    std::vector<std::string> errors; // "<file>: <why>" for pairs that could not be read
    SegMetrics meanPass0, meanSamsp;
    UncertaintyCheck uncertainty;
    double seconds = 0;
};

EvalReport evaluate(model::SamEngine& engine, const std::vector<LabelledPair>& pairs,
                    const model::SelfPromptSettings& s, const std::function<void(int, int)>& progress = {});
std::string evalReportJson(const EvalReport& r, int indent = 2);
std::string evalReportTable(const EvalReport& r);

} // namespace samsp::pipeline
