#include "metrics.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace samsp::pipeline {

namespace {
cv::Mat boundary(const cv::Mat& m)
{
    cv::Mat eroded;
    cv::erode(m, eroded, cv::getStructuringElement(cv::MORPH_CROSS, cv::Size(3, 3)), cv::Point(-1, -1), 1,
              cv::BORDER_CONSTANT, 0);
    return m & ~eroded;
}

void directed(const cv::Mat& from, const cv::Mat& to, std::vector<float>& out)
{
    cv::Mat dist;
    cv::distanceTransform(~to, dist, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    for (int y = 0; y < from.rows; ++y) {
        const uchar* f = from.ptr<uchar>(y);
        const float* d = dist.ptr<float>(y);
        for (int x = 0; x < from.cols; ++x)
            if (f[x]) out.push_back(d[x]);
    }
}
} // namespace

SegMetrics segMetrics(const cv::Mat& predIn, const cv::Mat& truthIn)
{
    CV_Assert(predIn.size() == truthIn.size() && predIn.type() == CV_8UC1 && truthIn.type() == CV_8UC1);
    cv::Mat p = predIn != 0, t = truthIn != 0;
    const double inter = cv::countNonZero(p & t), a = cv::countNonZero(p), b = cv::countNonZero(t);
    SegMetrics m;
    if (a == 0 && b == 0) return {1.0, 1.0, 0.0};
    m.dice = 2.0 * inter / (a + b);
    m.iou = inter / (a + b - inter);
    if (a == 0 || b == 0) {
        m.hd95 = std::hypot(double(p.cols), double(p.rows));
        return m;
    }
    cv::Mat bp = boundary(p), bt = boundary(t);
    std::vector<float> d;
    directed(bp, bt, d);
    directed(bt, bp, d);
    const size_t k = std::min(d.size() - 1, static_cast<size_t>(std::ceil(0.95 * double(d.size()))) - 1);
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k), d.end());
    m.hd95 = d[k];
    return m;
}

} // namespace samsp::pipeline
