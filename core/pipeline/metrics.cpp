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

namespace {
std::vector<double> ranks(const std::vector<double>& v)
{
    std::vector<size_t> order(v.size());
    for (size_t i = 0; i < v.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return v[x] < v[y]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        const double avg = (double(i) + double(j)) / 2.0 + 1.0;
        for (size_t k = i; k <= j; ++k) r[order[k]] = avg;
        i = j + 1;
    }
    return r;
}
} // namespace

double spearman(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size() || a.size() < 2) return 0;
    const auto ra = ranks(a), rb = ranks(b);
    const double n = double(a.size());
    double ma = 0, mb = 0;
    for (size_t i = 0; i < ra.size(); ++i) ma += ra[i], mb += rb[i];
    ma /= n, mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

} // namespace samsp::pipeline
