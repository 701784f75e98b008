#pragma once
// Conversions between core types (OpenCV matrices in RGB order) and Qt types.

#include <QImage>

#include <opencv2/core.hpp>

namespace samsp::ui {

// CV_8UC3 RGB -> QImage (deep copy, Format_RGB888).
QImage rgbToQImage(const cv::Mat& rgb);

} // namespace samsp::ui
