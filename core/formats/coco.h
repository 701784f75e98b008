#pragma once
// COCO instance segmentation JSON: images, categories (= the label set) and
// annotations whose masks are compressed RLE exactly as pycocotools writes it
// ({"size": [h, w], "counts": "<string>"}) or polygons ([[x, y, ...], ...]).
// Polygons cannot carry holes (COCO unions a list of polygons), so a mask with
// holes is written as RLE even in polygon mode. Extra keys: "score" and "samsp"
// (source, trace, pass) so a round trip keeps where each mask came from.

#include "annotation/annotation.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace samsp::formats {

enum class MaskEncoding
{
    Rle,
    Polygon,
};

struct CocoOptions
{
    MaskEncoding encoding = MaskEncoding::Rle;
    double tolerance = 0.5;     // polygon simplification (pixels)
    std::string description = "SAM-SP Studio annotations";
};

struct CocoDataset
{
    annotation::LabelSet labels;
    std::vector<annotation::ImageAnnotation> images; // image = file_name
};

nlohmann::json cocoJson(const std::vector<annotation::ImageAnnotation>& images, const annotation::LabelSet& labels,
                        const CocoOptions& opts = {});
std::string cocoString(const std::vector<annotation::ImageAnnotation>& images, const annotation::LabelSet& labels,
                       const CocoOptions& opts = {});
void writeCoco(const std::filesystem::path& p, const std::vector<annotation::ImageAnnotation>& images,
               const annotation::LabelSet& labels, const CocoOptions& opts = {});

// Reads compressed and uncompressed RLE and polygons. Throws ReadError naming the
// file and the first problem (bad JSON, unknown image id, mask of the wrong size...).
CocoDataset readCoco(const std::filesystem::path& p);
CocoDataset cocoFromJson(const nlohmann::json& j, const std::filesystem::path& where);

} // namespace samsp::formats
