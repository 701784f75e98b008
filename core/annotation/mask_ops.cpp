#include "mask_ops.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace samsp::annotation {

namespace {
cv::Mat binary(const cv::Mat& mask)
{
    CV_Assert(mask.type() == CV_8UC1);
    cv::Mat b = mask != 0;
    return b;
}
} // namespace

std::vector<Polygon> maskToPolygons(const cv::Mat& mask, double tolerance, bool withHoles)
{
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::Mat b = binary(mask);
    cv::findContours(b, contours, hierarchy, withHoles ? cv::RETR_CCOMP : cv::RETR_EXTERNAL,
                     cv::CHAIN_APPROX_SIMPLE);
    std::vector<Polygon> out;
    // With RETR_CCOMP, top-level contours are outer boundaries and their children holes;
    // emit each outer ring followed by its holes.
    for (size_t i = 0; i < contours.size(); ++i) {
        if (withHoles && hierarchy[i][3] >= 0) continue;
        auto emit = [&](const std::vector<cv::Point>& c, bool hole) {
            std::vector<cv::Point> s;
            if (tolerance > 0 && c.size() > 3)
                cv::approxPolyDP(c, s, tolerance, true);
            else
                s = c;
            Polygon p;
            p.hole = hole;
            p.points.reserve(s.size());
            for (const auto& q : s) p.points.emplace_back(static_cast<float>(q.x), static_cast<float>(q.y));
            out.push_back(std::move(p));
        };
        emit(contours[i], false);
        if (withHoles)
            for (int h = hierarchy[i][2]; h >= 0; h = hierarchy[static_cast<size_t>(h)][0])
                emit(contours[static_cast<size_t>(h)], true);
    }
    return out;
}

cv::Mat polygonsToMask(const std::vector<Polygon>& polys, int height, int width)
{
    cv::Mat m(height, width, CV_8UC1, cv::Scalar(0));
    auto ring = [](const Polygon& p, cv::Point offset) {
        std::vector<cv::Point> r;
        r.reserve(p.points.size());
        for (const auto& q : p.points) r.emplace_back(cvRound(q.x) - offset.x, cvRound(q.y) - offset.y);
        return r;
    };
    // Each outer ring with the holes that follow it is one piece (outer minus holes);
    // the mask is the union of the pieces, so an island inside another's hole survives.
    const cv::Rect whole(0, 0, width, height);
    for (size_t i = 0; i < polys.size();) {
        size_t j = i + 1;
        while (j < polys.size() && polys[j].hole) ++j;
        if (!polys[i].hole && !polys[i].points.empty()) {
            std::vector<cv::Point> outer = ring(polys[i], {0, 0});
            const cv::Rect box = cv::boundingRect(outer) & whole;
            if (box.area() > 0) {
                cv::Mat piece(box.size(), CV_8UC1, cv::Scalar(0));
                const auto o = ring(polys[i], box.tl());
                cv::fillPoly(piece, std::vector<std::vector<cv::Point>>{o}, cv::Scalar(255));
                cv::polylines(piece, o, true, cv::Scalar(255));
                for (size_t k = i + 1; k < j; ++k) {
                    const auto h = ring(polys[k], box.tl());
                    cv::fillPoly(piece, std::vector<std::vector<cv::Point>>{h}, cv::Scalar(0));
                    cv::polylines(piece, h, true, cv::Scalar(255)); // the ring runs through object pixels
                }
                cv::Mat roi = m(box);
                cv::bitwise_or(roi, piece, roi);
            }
        }
        i = j;
    }
    return m;
}

bool hasHoles(const cv::Mat& mask)
{
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::Mat b = binary(mask);
    cv::findContours(b, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
    return std::any_of(hierarchy.begin(), hierarchy.end(), [](const cv::Vec4i& h) { return h[3] >= 0; });
}

int connectedComponents(const cv::Mat& mask, cv::Mat& labels, std::vector<int>* areas)
{
    cv::Mat stats, centroids;
    const int n = cv::connectedComponentsWithStats(binary(mask), labels, stats, centroids, 8, CV_32S);
    if (areas) {
        areas->assign(static_cast<size_t>(n), 0);
        for (int i = 0; i < n; ++i) (*areas)[static_cast<size_t>(i)] = stats.at<int>(i, cv::CC_STAT_AREA);
    }
    return n;
}

cv::Mat largestComponent(const cv::Mat& mask)
{
    cv::Mat labels;
    std::vector<int> areas;
    const int n = connectedComponents(mask, labels, &areas);
    if (n <= 1) return cv::Mat(mask.size(), CV_8UC1, cv::Scalar(0));
    int best = 1;
    for (int i = 2; i < n; ++i)
        if (areas[static_cast<size_t>(i)] > areas[static_cast<size_t>(best)]) best = i;
    cv::Mat out = labels == best;
    return out;
}

cv::Mat removeIslands(const cv::Mat& mask, int minArea)
{
    cv::Mat labels;
    std::vector<int> areas;
    const int n = connectedComponents(mask, labels, &areas);
    std::vector<uint8_t> keep(static_cast<size_t>(n), 0);
    for (int i = 1; i < n; ++i) keep[static_cast<size_t>(i)] = areas[static_cast<size_t>(i)] >= minArea ? 255 : 0;
    cv::Mat out(mask.size(), CV_8UC1);
    for (int y = 0; y < out.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < out.cols; ++x) o[x] = keep[static_cast<size_t>(l[x])];
    }
    return out;
}

cv::Mat fillHoles(const cv::Mat& mask, int maxArea)
{
    cv::Mat b = binary(mask);
    // Holes are background components (4-connected, the dual of 8-connected foreground)
    // that do not touch the border.
    cv::Mat bg = b == 0, labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(bg, labels, stats, centroids, 4, CV_32S);
    std::vector<uint8_t> fill(static_cast<size_t>(n), 0);
    for (int i = 1; i < n; ++i) {
        const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const bool touches = x == 0 || y == 0 || x + w == b.cols || y + h == b.rows;
        const bool small = maxArea <= 0 || stats.at<int>(i, cv::CC_STAT_AREA) <= maxArea;
        fill[static_cast<size_t>(i)] = !touches && small;
    }
    for (int y = 0; y < b.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uint8_t* o = b.ptr<uint8_t>(y);
        for (int x = 0; x < b.cols; ++x)
            if (fill[static_cast<size_t>(l[x])]) o[x] = 255;
    }
    return b;
}

cv::Mat morphologicalCleanup(const cv::Mat& mask, int radius)
{
    cv::Mat b = binary(mask);
    if (radius <= 0) return b;
    const cv::Mat k = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
    cv::morphologyEx(b, b, cv::MORPH_OPEN, k);
    cv::morphologyEx(b, b, cv::MORPH_CLOSE, k);
    return b;
}

} // namespace samsp::annotation
