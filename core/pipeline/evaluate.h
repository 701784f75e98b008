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
    // About the best IoU this model's masks can reach on this image: the ground truth
    // itself passed through the model's low-res mask grid (area-averaged onto its cells,
    // then upsampled as every predicted mask is). Well below 0.90, NoC@90 is out of reach.
    double gridCeilingIou = 0;
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
    double meanGridCeilingIou = 0; // mean of the rows' gridCeilingIou
    int gridCeilingBelow90 = 0;    // images whose ceiling is under IoU 0.90
    double seconds = 0;
};

EvalReport evaluate(model::SamEngine& engine, const std::vector<LabelledPair>& pairs,
                    const model::SelfPromptSettings& s, const std::function<void(int, int)>& progress = {});
std::string evalReportJson(const EvalReport& r, int indent = 2);
std::string evalReportTable(const EvalReport& r);

} // namespace samsp::pipeline
