#pragma once
// The items of a batch or of the studio's browser (every image and DICOM frame
// under some inputs, with stable keys and output stems) and the export of a
// project to the formats. No LibTorch here: the studio's windows include it.

#include "project.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace samsp::pipeline {

// Formats: "png" (binary masks/<stem>.png), "labelmap" (indexed label map), "coco"
// (annotations.json), "yolo", "voc", "labelme", "dicom-seg" and "nifti" (per DICOM
// series), "project" (project.samsp.json; always written).
const std::vector<std::string>& batchFormatNames();

struct BatchItem
{
    std::string key;                 // relative path ("#<frame>" for frames > 0)
    std::filesystem::path file;
    int frame = 0;
    std::string stem;                // output file stem (unique in the batch)
    std::string patientId, seriesInstanceUid;
    std::string enumerationError;    // e.g. an unreadable DICOM header
};

// The project item of a listed item (key, file, frame, patient, series; state new).
ProjectItem projectItemFor(const BatchItem& it);

// All items under the inputs, sorted by key (deterministic), before sharding.
std::vector<BatchItem> enumerateBatchItems(const std::vector<std::filesystem::path>& inputs,
                                           std::vector<std::string>* problems = nullptr);
bool inShard(const std::string& key, int index, int count);

// Writes the items of a project in `formats` (per-item files and the aggregates, as
// annotate does) to `out`: accepted items only, or (`includeProposed`) every annotated
// item. Failures of single items (e.g. a DICOM SEG whose source is gone) are listed in
// `problems`, not thrown; an unusable output folder throws formats::WriteError.
struct ProjectExport
{
    int items = 0;                       // items written
    int files = 0;                       // annotation files written (per-item and aggregate; not the project file)
    std::vector<std::string> aggregates; // the whole-set files, by path
    std::vector<std::string> problems;
};
ProjectExport exportProject(const Project& project, const std::filesystem::path& out, const std::set<std::string>& formats,
                            bool includeProposed = false);

} // namespace samsp::pipeline
