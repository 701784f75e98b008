#pragma once
// Labelled data for training and evaluation: a folder with images/ and masks/
// holding files of the same stem (PNG/JPEG/TIFF/BMP images, PNG masks), a
// deterministic train/val split, augmentation, and conversion to model tensors.

#include <opencv2/core.hpp>

#include <ATen/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct LabelledPair
{
    std::string name;
    std::filesystem::path image, mask;
};

struct PairScan
{
    std::vector<LabelledPair> pairs;
    std::vector<std::string> problems; // images without masks etc., one line each
};

// Throws std::runtime_error naming the folder when images/ or masks/ is missing.
PairScan findLabelledPairs(const std::filesystem::path& dir);

struct Split
{
    std::vector<LabelledPair> train, val;
};
// Deterministic for a seed; at least one validation item when there are >= 2 pairs.
Split splitPairs(std::vector<LabelledPair> pairs, double valFraction, uint64_t seed);

struct Augmentation
{
    bool flips = true;
    bool rot90 = true;
    double brightness = 20.0;  // +- grey levels
    double contrast = 0.2;     // +- fraction
    double scaleJitter = 0.1;  // +- fraction
};

// Applies random flips, 90-degree turns, brightness/contrast and scale jitter to an
// RGB image and its mask together (same geometry).
void augment(cv::Mat& rgb, cv::Mat& mask, const Augmentation& a, std::mt19937_64& rng);

struct LoadedPair
{
    cv::Mat rgb;  // CV_8UC3 RGB (windowed to 8 bits)
    cv::Mat mask; // CV_8UC1 0/255, same size
};
// Throws ImageError naming the file (size mismatch included).
LoadedPair loadPair(const LabelledPair& p);

// An H x W bool mask tensor (any device) as CV_8UC1 0 / 255.
cv::Mat maskTensorToMat(const at::Tensor& boolMask);

// Model tensors (1 x 3 x S x S, 1 x 1 x S x S) on the CPU.
std::pair<at::Tensor, at::Tensor> toModelTensors(const cv::Mat& rgb, const cv::Mat& mask, int64_t imageSize);

} // namespace samsp::pipeline
