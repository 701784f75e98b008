#pragma once
// PNG images and binary masks, written atomically (see atomic_file.h).

#include <opencv2/core.hpp>

#include <filesystem>

namespace samsp::formats {

// `rgb`: CV_8UC3 in RGB order.
void writeRgbPng(const std::filesystem::path& p, const cv::Mat& rgb);
// `mask`: CV_8UC1, non-zero inside; stored as 0 / 255.
void writeMaskPng(const std::filesystem::path& p, const cv::Mat& mask);
// Reads a mask PNG (any depth, any channels): non-zero -> 255. Throws on failure.
cv::Mat readMaskPng(const std::filesystem::path& p);

} // namespace samsp::formats
