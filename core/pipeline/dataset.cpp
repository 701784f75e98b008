#include "dataset.h"

#include "formats/png_mask.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "model/engine.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <map>

namespace samsp::pipeline {

namespace fs = std::filesystem;

PairScan findLabelledPairs(const fs::path& dir)
{
    const fs::path im = dir / "images", mk = dir / "masks";
    std::error_code ec;
    if (!fs::is_directory(im, ec) || !fs::is_directory(mk, ec))
        throw std::runtime_error("'" + dir.string() + "' must hold images/ and masks/ folders with files of the same name");
    std::map<std::string, fs::path> masks;
    for (const auto& m : imaging::listImages(mk)) masks[m.stem().string()] = m;
    PairScan scan;
    for (const auto& i : imaging::listImages(im)) {
        auto it = masks.find(i.stem().string());
        if (it == masks.end()) {
            scan.problems.push_back(i.string() + ": no mask with the same name in masks/");
            continue;
        }
        scan.pairs.push_back({i.stem().string(), i, it->second});
    }
    return scan;
}

Split splitPairs(std::vector<LabelledPair> pairs, double valFraction, uint64_t seed)
{
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::mt19937_64 rng(seed);
    std::shuffle(pairs.begin(), pairs.end(), rng);
    size_t nVal = static_cast<size_t>(double(pairs.size()) * valFraction + 0.5);
    if (pairs.size() >= 2 && valFraction > 0) nVal = std::clamp<size_t>(nVal, 1, pairs.size() - 1);
    Split s;
    s.val.assign(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(nVal));
    s.train.assign(pairs.begin() + static_cast<std::ptrdiff_t>(nVal), pairs.end());
    return s;
}

void augment(cv::Mat& rgb, cv::Mat& mask, const Augmentation& a, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    if (a.flips) {
        if (u(rng) < 0.5) cv::flip(rgb, rgb, 1), cv::flip(mask, mask, 1);
        if (u(rng) < 0.5) cv::flip(rgb, rgb, 0), cv::flip(mask, mask, 0);
    }
    if (a.rot90) {
        const int k = static_cast<int>(u(rng) * 4.0) % 4;
        static const cv::RotateFlags codes[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE};
        if (k > 0) cv::rotate(rgb, rgb, codes[k - 1]), cv::rotate(mask, mask, codes[k - 1]);
    }
    if (a.scaleJitter > 0) {
        const double s = 1.0 + (u(rng) * 2 - 1) * a.scaleJitter;
        const cv::Size orig = rgb.size();
        cv::Mat r, m;
        cv::resize(rgb, r, cv::Size(), s, s, cv::INTER_LINEAR);
        cv::resize(mask, m, cv::Size(), s, s, cv::INTER_NEAREST);
        if (s >= 1.0) { // centre crop back to the original size
            cv::Rect roi((r.cols - orig.width) / 2, (r.rows - orig.height) / 2, orig.width, orig.height);
            rgb = r(roi).clone(), mask = m(roi).clone();
        } else { // pad with edge pixels (image) and background (mask)
            const int l = (orig.width - r.cols) / 2, t = (orig.height - r.rows) / 2;
            cv::copyMakeBorder(r, rgb, t, orig.height - r.rows - t, l, orig.width - r.cols - l, cv::BORDER_REPLICATE);
            cv::copyMakeBorder(m, mask, t, orig.height - m.rows - t, l, orig.width - m.cols - l, cv::BORDER_CONSTANT, 0);
        }
    }
    if (a.brightness > 0 || a.contrast > 0) {
        const double alpha = 1.0 + (u(rng) * 2 - 1) * a.contrast, beta = (u(rng) * 2 - 1) * a.brightness;
        rgb.convertTo(rgb, CV_8U, alpha, beta + (1.0 - alpha) * 127.5);
    }
}

LoadedPair loadPair(const LabelledPair& p)
{
    // The model's view of the image as the studio and the batch give it (window, MONOCHROME1
    // inverted), at full size: training and evaluation resize it themselves.
    imaging::Document doc = imaging::Document::openFrame(p.image, 0);
    doc.maxViewSide = 0;
    LoadedPair lp;
    lp.rgb = doc.modelView(0).rgb;
    lp.mask = formats::readMaskPng(p.mask);
    if (lp.mask.size() != lp.rgb.size())
        throw imaging::ImageError(p.mask, "mask is " + std::to_string(lp.mask.cols) + " x " + std::to_string(lp.mask.rows) +
                                              " but the image is " + std::to_string(lp.rgb.cols) + " x " +
                                              std::to_string(lp.rgb.rows));
    return lp;
}

std::pair<at::Tensor, at::Tensor> toModelTensors(const cv::Mat& rgb, const cv::Mat& mask, int64_t S)
{
    cv::Mat r = rgb.isContinuous() ? rgb : rgb.clone();
    cv::Mat m = mask.isContinuous() ? mask : mask.clone();
    model::ImageU8 view{r.data, r.cols, r.rows, static_cast<int64_t>(r.step)};
    auto x = model::preprocessImage(view, S, S / 4, c10::kCPU);
    auto y = model::preprocessMask(m.data, m.cols, m.rows, S);
    return {x, y};
}

cv::Mat maskTensorToMat(const at::Tensor& boolMask)
{
    auto m = boolMask.to(at::kCPU).to(at::kByte).mul(255).contiguous();
    return cv::Mat(static_cast<int>(m.size(0)), static_cast<int>(m.size(1)), CV_8UC1, m.data_ptr()).clone();
}

} // namespace samsp::pipeline
