#pragma once
// The output formats, in one list that the command line (annotate --format, dataset
// export --format), the batch pipeline, dataset export and the studio's dialogs all
// take their choices and names from. A new format is one entry here (with its
// per-image writer, if it has one) plus, for a whole-set file, its aggregate writer
// in batch.cpp; tests/core/test_batch.cpp writes every entry and fails on one that
// writes nothing.

#include "project.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct OutputFormat
{
    std::string id;          // as the command line spells it: "png", "coco", ...
    std::string name;        // for people: "Binary mask PNG"
    std::string files;       // what it writes, relative to the output folder
    bool perImage = false;   // one file per image
    bool aggregate = false;  // one file for the whole set (written after the images)
    bool volumes = false;    // per DICOM series (images without a series write nothing)
    bool dataset = false;    // a layout `samsp dataset export` can write
    // The per-image writer (perImage formats): `out` the output folder, `stem` the
    // image's output file stem.
    std::function<void(const std::filesystem::path& out, const std::string& stem, const ProjectItem& item,
                       const annotation::LabelSet& labels)>
        writeItem;
};

const std::vector<OutputFormat>& outputFormats();
const OutputFormat* findOutputFormat(const std::string& id);
// "png, coco, yolo, ..." (all ids, or only the dataset layouts).
std::string outputFormatIds(bool datasetOnly = false);

} // namespace samsp::pipeline
