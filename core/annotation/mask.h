#pragma once
// Binary masks and COCO run-length encoding, exactly as pycocotools defines it:
// counts over the column-major (Fortran order) flattening, starting with a run
// of zeros; the compressed string form packs each count as a signed delta
// (from the count two back, after the first two) in 5-bit groups + 48.

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace samsp::annotation {

struct Rle
{
    int64_t height = 0, width = 0;
    std::vector<uint32_t> counts;
    bool operator==(const Rle&) const = default;
};

// `mask` row-major height x width, non-zero inside.
Rle rleEncode(const uint8_t* mask, int64_t height, int64_t width);
std::vector<uint8_t> rleDecode(const Rle& rle); // row-major 0/1
std::string rleToString(const Rle& rle);        // pycocotools' compressed counts
Rle rleFromString(const std::string& s, int64_t height, int64_t width);
uint64_t rleArea(const Rle& rle);
// Tight bounding box {x, y, width, height} in pixels; all zero for an empty mask.
std::array<int64_t, 4> rleBox(const Rle& rle);

// cv::Mat forms: `mask` CV_8UC1 (non-zero inside); the decoded mask holds `value` inside.
Rle rleEncode(const cv::Mat& mask);
cv::Mat rleDecodeMat(const Rle& rle, uint8_t value = 255);

} // namespace samsp::annotation
