#include "formats_bench.h"

#include "annotation/mask_ops.h"
#include "coco.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <vector>

#include <unistd.h>

namespace samsp::formats {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
// Organic shapes: ellipses and a polygon, some overlapping, one with a hole.
cv::Mat shapes(int size, std::mt19937& rng, int count)
{
    cv::Mat m(size, size, CV_8UC1, cv::Scalar(0));
    std::uniform_real_distribution<double> u(0.1, 0.9);
    for (int i = 0; i < count; ++i) {
        const cv::Point c(int(u(rng) * size), int(u(rng) * size));
        const cv::Size ax(int(u(rng) * size / 6) + 2, int(u(rng) * size / 6) + 2);
        cv::ellipse(m, c, ax, u(rng) * 180, 0, 360, cv::Scalar(255), cv::FILLED);
    }
    cv::circle(m, {size / 2, size / 2}, size / 20 + 1, cv::Scalar(0), cv::FILLED);
    return m;
}
} // namespace

FormatsBenchResult runFormatsBenchmark(const FormatsBenchOptions& o)
{
    FormatsBenchResult r;
    std::mt19937 rng(3);
    const cv::Mat big = shapes(o.maskSize, rng, 12);
    std::vector<double> enc, dec, poly;
    annotation::Rle rle;
    for (int i = 0; i < o.runs; ++i) {
        auto t = Clock::now();
        rle = annotation::rleEncode(big);
        enc.push_back(msSince(t));
        t = Clock::now();
        const cv::Mat back = annotation::rleDecodeMat(rle);
        dec.push_back(msSince(t));
        if (cv::countNonZero(back != big) != 0) throw std::runtime_error("RLE round trip is not exact");
        t = Clock::now();
        const auto polys = annotation::maskToPolygons(big, 0.5, true);
        poly.push_back(msSince(t));
        r.polygonPoints = 0;
        for (const auto& p : polys) r.polygonPoints += p.points.size();
    }
    r.rleEncodeMs = median(enc);
    r.rleDecodeMs = median(dec);
    r.rleRoundTripMs = r.rleEncodeMs + r.rleDecodeMs;
    r.polygonMs = median(poly);
    r.rleCounts = rle.counts.size();

    // COCO export: masks prepared first (they would already be RLE in memory).
    std::vector<annotation::ImageAnnotation> images(static_cast<size_t>(o.cocoImages));
    for (int k = 0; k < o.cocoImages; ++k) {
        auto& a = images[static_cast<size_t>(k)];
        a.image = "images/img_" + std::to_string(k) + ".png";
        a.width = a.height = o.cocoImageSize;
        for (int i = 0; i < o.cocoInstances; ++i) a.addInstance(shapes(o.cocoImageSize, rng, 1), 1, annotation::Source::Automatic, 0.9);
    }
    const auto labels = annotation::LabelSet::defaults();
    const auto dir = std::filesystem::temp_directory_path();
    const auto file = dir / ("samsp-bench-coco-" + std::to_string(::getpid()) + ".json");
    auto t = Clock::now();
    writeCoco(file, images, labels);
    r.cocoRleMs = msSince(t);
    r.cocoMegabytes = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    CocoOptions po;
    po.encoding = MaskEncoding::Polygon;
    t = Clock::now();
    writeCoco(file, images, labels, po);
    r.cocoPolygonMs = msSince(t);
    std::filesystem::remove(file);
    return r;
}

} // namespace samsp::formats
