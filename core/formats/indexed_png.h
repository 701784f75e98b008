#pragma once
// Palette ("indexed") PNGs through libpng: label maps and Pascal VOC masks,
// where each pixel is a class or instance index and the palette gives colours.
// OpenCV cannot write palettes and expands them on reading, so this is separate.

#include <opencv2/core.hpp>

#include <array>
#include <filesystem>
#include <vector>

namespace samsp::formats {

using Palette = std::vector<std::array<uint8_t, 3>>;

// Pascal VOC's colour map (index bits spread over the high bits of R, G, B);
// index 255 is its "void" colour.
Palette vocPalette();

// `indices` CV_8UC1; the palette is padded with black to cover the largest index.
void writeIndexedPng(const std::filesystem::path& p, const cv::Mat& indices, const Palette& palette);

struct IndexedImage
{
    cv::Mat indices; // CV_8UC1
    Palette palette; // empty for a grey PNG read as indices
};
// Reads palette PNGs (1/2/4/8-bit) as indices, and 8-bit grey PNGs as indices too.
// Throws imaging::ImageError naming the file and the reason.
IndexedImage readIndexedPng(const std::filesystem::path& p);

} // namespace samsp::formats
