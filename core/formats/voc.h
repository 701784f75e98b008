#pragma once
// Pascal VOC segmentation: SegmentationClass/<stem>.png (palette PNG, each pixel
// its class index = label id) and SegmentationObject/<stem>.png (instance index
// in drawing order), with ImageSets/Segmentation/<split>.txt listing the stems.
// Overlapping instances: later ones are drawn over earlier ones.

#include "annotation/annotation.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace samsp::formats {

void writeVoc(const std::filesystem::path& root, const std::string& stem, const annotation::ImageAnnotation& a);
void writeVocImageSets(const std::filesystem::path& root, const std::map<std::string, std::vector<std::string>>& splits);
// Instances from the object map, each with the class most of its pixels carry.
annotation::ImageAnnotation readVoc(const std::filesystem::path& root, const std::string& stem);
std::vector<std::string> readVocImageSet(const std::filesystem::path& root, const std::string& split);

// A class-index label map as an indexed PNG with VOC's palette (ids must be < 255).
void writeLabelMapPng(const std::filesystem::path& p, const annotation::ImageAnnotation& a);

} // namespace samsp::formats
