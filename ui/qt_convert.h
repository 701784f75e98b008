#pragma once
// Conversions between core types (OpenCV matrices in RGB order) and Qt types.

#include <QImage>
#include <QString>

#include <opencv2/core.hpp>

namespace samsp::pipeline {
struct OutputFormat;
}

namespace samsp::ui {

// A format's name for people, in the interface's language (the registry's English
// name where no translation is listed).
QString formatDisplayName(const pipeline::OutputFormat& f);

// An error from the core layers as a sentence in the interface's language: image and
// DICOM problems are known by kind (imaging::ImageProblem), file reads and writes by
// theirs (formats::FileProblem, errno); a library's own technical reason, where there
// is one, follows in parentheses as it is. Other errors: what().
QString errorText(const std::exception& e);
// The operating system's reason for errno `err` (permission denied, disk full, ...).
QString systemErrorText(int err);

// CV_8UC3 RGB -> QImage (deep copy, Format_RGB888).
QImage rgbToQImage(const cv::Mat& rgb);
// A mask CV_8UC1 <-> QImage Format_Grayscale8 (deep copies; empty <-> null).
QImage maskToQImage(const cv::Mat& m);
cv::Mat qimageToMask(const QImage& q);

} // namespace samsp::ui
