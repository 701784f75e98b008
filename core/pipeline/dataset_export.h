#pragma once
// Dataset creation from a project: a deterministic train/val/test split that
// keeps every patient (or, without one, every source file) in one split, the
// images and masks in COCO, Pascal VOC, YOLO or PNG layout, and a dataset card
// (counts per class and split, sources, model, date). The PNG layout is what
// `samsp train --data DIR/train` reads.

#include "project.h"

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct DatasetExportOptions
{
    std::filesystem::path out;
    std::array<double, 3> ratios{0.7, 0.15, 0.15}; // train, val, test
    uint64_t seed = 0;
    std::string format = "coco";                   // coco, voc, yolo, png
    bool includeProposed = false;                  // accepted items only unless asked
};

// Split name ("train", "val", "test") per item key. Groups (patients, else files)
// are shuffled by the seed and each goes to the split furthest below its target
// share, so with one item per group every split is within one item of its ratio.
std::map<std::string, std::string> splitByGroup(const std::vector<const ProjectItem*>& items,
                                                const std::array<double, 3>& ratios, uint64_t seed);
std::string groupOf(const ProjectItem& item);

struct DatasetExportResult
{
    std::map<std::string, int> itemsPerSplit;
    std::map<std::string, std::map<std::string, int>> instancesPerSplitAndClass;
    std::vector<std::string> problems; // items whose image could not be written
    std::vector<std::string> warnings; // e.g. a split left empty because groups are never divided
    std::filesystem::path card;
};

// `projectDir`: where relative item paths are resolved. Throws on an unusable output.
DatasetExportResult exportDataset(const Project& project, const std::filesystem::path& projectDir,
                                  const DatasetExportOptions& opts, const std::function<void(int, int)>& progress = {});

} // namespace samsp::pipeline
