#include "png_mask.h"

#include "atomic_file.h"
#include "imaging/image.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace samsp::formats {

namespace {
void writePng(const std::filesystem::path& p, const cv::Mat& m)
{
    std::vector<uchar> buf;
    if (!cv::imencode(".png", m, buf)) throw WriteError(p, "PNG encoding failed", FileProblem::Encoding);
    writeFileAtomically(p, buf.data(), buf.size());
}
} // namespace

void writeRgbPng(const std::filesystem::path& p, const cv::Mat& rgb)
{
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    writePng(p, bgr);
}

void writeMaskPng(const std::filesystem::path& p, const cv::Mat& mask)
{
    CV_Assert(mask.type() == CV_8UC1);
    cv::Mat m = mask != 0;
    writePng(p, m);
}

cv::Mat readMaskPng(const std::filesystem::path& p)
{
    cv::Mat m = cv::imread(p.string(), cv::IMREAD_GRAYSCALE | cv::IMREAD_ANYDEPTH);
    if (m.empty()) throw imaging::ImageError(p, "is not a readable mask image");
    cv::Mat out = m != 0;
    return out;
}

} // namespace samsp::formats
