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
};

struct EvalReport
{
    std::vector<EvalRow> rows;
    std::vector<std::string> errors; // "<file>: <why>" for pairs that could not be read
    SegMetrics meanPass0, meanSamsp;
    double seconds = 0;
};

EvalReport evaluate(model::SamEngine& engine, const std::vector<LabelledPair>& pairs,
                    const model::SelfPromptSettings& s, const std::function<void(int, int)>& progress = {});
std::string evalReportJson(const EvalReport& r, int indent = 2);
std::string evalReportTable(const EvalReport& r);

} // namespace samsp::pipeline
