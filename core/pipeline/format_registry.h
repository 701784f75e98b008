#pragma once
// The annotation formats, in one list that the command line (annotate --format, dataset
// export --format), the batch pipeline, dataset export and the studio's dialogs all
// take their choices and names from. A new format is one entry here: its flags, its
// per-image writer and/or its whole-set writer; tests/core/test_batch.cpp writes
// every entry and fails on one that writes nothing. (A dataset layout also needs its
// branch in exportDataset.)

#include "project.h"
#include "seg_import.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samsp::pipeline {

// What a whole-set writer gets: the project and the items written (annotation, with
// `image` set to the item's key, and output stem), in order.
struct AggregateInput
{
    const Project& project;
    std::vector<annotation::ImageAnnotation> items;
    std::vector<std::string> stems;
};
// A part of a whole-set write that failed (e.g. one series), the others being written.
struct AggregateProblem
{
    std::string what, why;
};

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
    // The whole-set writer (aggregate formats), run after every image: returns the files
    // it wrote; parts that fail go to `problems` while the rest is still written.
    std::function<std::vector<std::string>(const std::filesystem::path& out, const AggregateInput& set,
                                           std::vector<AggregateProblem>& problems)>
        writeAggregate;
    // The reader (formats that can be imported: volume formats laid over a series).
    std::function<ImportedSegmentation(const std::filesystem::path& file, const std::vector<imaging::DicomSeries>& candidates,
                                       annotation::LabelSet labels)>
        readOver;
    // Whether a file is this format's (by name or content), for import.
    std::function<bool(const std::filesystem::path& file)> recognises;
    std::string filePatterns; // for open dialogs: "*.dcm"
};

const std::vector<OutputFormat>& outputFormats();
const OutputFormat* findOutputFormat(const std::string& id);
// The format that reads `file` (nullptr: none can).
const OutputFormat* findImportFormat(const std::filesystem::path& file);
// "png, coco, yolo, ..." (all ids, or only the dataset layouts).
std::string outputFormatIds(bool datasetOnly = false);

} // namespace samsp::pipeline
