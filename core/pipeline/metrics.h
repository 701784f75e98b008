#pragma once
// Segmentation metrics between a prediction and the ground truth (CV_8UC1,
// non-zero inside, same size): Dice, IoU and the 95th-percentile Hausdorff
// distance (HD95, pixels) between the mask boundaries, as medpy defines it (the
// 95th percentile of both directed boundary distance sets together).
// Conventions for empty masks: both empty -> Dice 1, IoU 1, HD95 0; exactly one
// empty -> Dice 0, IoU 0, HD95 = the image diagonal (the worst possible).

#include <opencv2/core.hpp>

#include <vector>

namespace samsp::pipeline {

struct SegMetrics
{
    double dice = 0, iou = 0, hd95 = 0;
};

SegMetrics segMetrics(const cv::Mat& pred, const cv::Mat& truth);

// Spearman's rank correlation of two equally long series (ties get their average
// rank); 0 when either is constant or shorter than 2.
double spearman(const std::vector<double>& a, const std::vector<double>& b);

} // namespace samsp::pipeline
