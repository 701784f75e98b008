#include "image.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace samsp::imaging {

Window autoWindow(const cv::Mat& pixels, double lowPct, double highPct)
{
    if (pixels.empty() || pixels.depth() == CV_8U) return Window{127.5, 255.0};
    cv::Mat f;
    pixels.reshape(1).convertTo(f, CV_32F);
    std::vector<float> v;
    v.reserve(static_cast<size_t>(f.total()));
    // Sample at most ~1M values: percentiles of a large image do not need every pixel.
    const size_t n = f.total(), step = std::max<size_t>(1, n / 1'000'000);
    const float* p = f.isContinuous() ? f.ptr<float>() : nullptr;
    cv::Mat c;
    if (!p) {
        c = f.clone();
        p = c.ptr<float>();
    }
    for (size_t i = 0; i < n; i += step)
        if (std::isfinite(p[i])) v.push_back(p[i]);
    if (v.empty()) return Window{0.5, 1.0};
    auto pct = [&](double q) {
        size_t k = std::min(v.size() - 1, static_cast<size_t>(q / 100.0 * double(v.size() - 1) + 0.5));
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
        return double(v[k]);
    };
    double lo = pct(lowPct), hi = pct(highPct);
    if (hi <= lo) hi = lo + 1.0;
    return Window{(lo + hi) / 2.0, hi - lo};
}

cv::Mat toRgb8(const cv::Mat& pixels, const Window& w, bool invert)
{
    cv::Mat eight;
    if (pixels.depth() == CV_8U && w == Window{127.5, 255.0}) {
        eight = pixels;
    } else {
        const double scale = 255.0 / std::max(w.width, 1e-12);
        pixels.convertTo(eight, CV_8U, scale, -w.low() * scale); // saturates outside the window
    }
    if (invert) eight = 255 - eight;
    cv::Mat rgb;
    switch (eight.channels()) {
    case 1: cv::cvtColor(eight, rgb, cv::COLOR_GRAY2RGB); break;
    case 4: cv::cvtColor(eight, rgb, cv::COLOR_RGBA2RGB); break;
    case 3: rgb = eight.isContinuous() ? eight : eight.clone(); break;
    default: throw std::runtime_error("toRgb8: unsupported channel count " + std::to_string(eight.channels()));
    }
    return rgb;
}

} // namespace samsp::imaging
