#pragma once
// Mask utilities on CV_8UC1 masks (non-zero inside; results are 0 / 255):
// contours to polygons and back, connected components, hole filling and
// morphological clean-up. One implementation each, used by the studio's tools,
// the batch pipeline and every polygon format.

#include <opencv2/core.hpp>

#include <vector>

namespace samsp::annotation {

struct Polygon
{
    std::vector<cv::Point2f> points; // pixel centres, image coordinates
    bool hole = false;               // an inner ring of the polygon before it
};

// Outer boundaries (and holes when `withHoles`) traced through boundary pixel
// centres, simplified with Douglas-Peucker at `tolerance` pixels (0: exact).
std::vector<Polygon> maskToPolygons(const cv::Mat& mask, double tolerance = 0.5, bool withHoles = true);
// Fills outer rings, then clears holes (a hole's own boundary pixels stay inside).
cv::Mat polygonsToMask(const std::vector<Polygon>& polys, int height, int width);
bool hasHoles(const cv::Mat& mask);

// Connected components (8-connected): labels CV_32S, returns the count including background.
int connectedComponents(const cv::Mat& mask, cv::Mat& labels, std::vector<int>* areas = nullptr);
cv::Mat largestComponent(const cv::Mat& mask);
// Removes components smaller than minArea pixels.
cv::Mat removeIslands(const cv::Mat& mask, int minArea);
// Fills holes (background not connected to the border) up to maxArea pixels (<= 0: any size).
cv::Mat fillHoles(const cv::Mat& mask, int maxArea = 0);
// Opening then closing with an elliptic kernel of `radius` pixels.
cv::Mat morphologicalCleanup(const cv::Mat& mask, int radius);

} // namespace samsp::annotation
