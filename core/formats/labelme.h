#pragma once
// labelme JSON: shapes with a label; each instance as polygon shapes (one per
// outer ring, grouped by group_id) or, for exact masks and masks with holes, a
// "mask" shape (labelme >= 5.3: points = bounding box corners, mask = base64 PNG
// of the box crop).

#include "annotation/annotation.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>

namespace samsp::formats {

enum class LabelmeShape
{
    Polygon, // polygons; masks with holes fall back to a mask shape
    Mask,    // always exact
};

nlohmann::json labelmeJson(const annotation::ImageAnnotation& a, const annotation::LabelSet& labels,
                           const std::string& imagePath, LabelmeShape shape = LabelmeShape::Polygon,
                           double tolerance = 0.5);
void writeLabelme(const std::filesystem::path& p, const annotation::ImageAnnotation& a,
                  const annotation::LabelSet& labels, const std::string& imagePath,
                  LabelmeShape shape = LabelmeShape::Polygon, double tolerance = 0.5);
// Labels not in `labels` are added. Supports polygon, rectangle, circle and mask shapes.
annotation::ImageAnnotation readLabelme(const std::filesystem::path& p, annotation::LabelSet& labels);

} // namespace samsp::formats
