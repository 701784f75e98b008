#pragma once
// YOLO segmentation labels (Ultralytics): one text file per image, one line per
// polygon, "<class> x1 y1 x2 y2 ..." with coordinates normalised to 0..1 and the
// class as the 0-based position in the label set; `data.yaml` names the classes
// and the split folders. YOLO has no holes: inner rings are dropped.

#include "annotation/annotation.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace samsp::formats {

std::string yoloLabelText(const annotation::ImageAnnotation& a, const annotation::LabelSet& labels,
                          double tolerance = 0.5);
void writeYoloLabels(const std::filesystem::path& p, const annotation::ImageAnnotation& a,
                     const annotation::LabelSet& labels, double tolerance = 0.5);
// `width` x `height`: the image's size. Throws ReadError (bad line, class out of range).
annotation::ImageAnnotation readYoloLabels(const std::filesystem::path& p, int width, int height,
                                           const annotation::LabelSet& labels);

// data.yaml: path (the dataset root), split folders relative to it, and names.
void writeYoloDataYaml(const std::filesystem::path& p, const annotation::LabelSet& labels,
                       const std::map<std::string, std::string>& splits);
// The class names of a data.yaml (list or {index: name} map form).
std::vector<std::string> readYoloNames(const std::filesystem::path& p);

} // namespace samsp::formats
