#include "synth.h"

#include "formats/png_mask.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace samsp::pipeline {

namespace {

// Smooth random field in [0, 1]: a coarse random grid upsampled bicubically.
cv::Mat smoothField(cv::RNG& rng, int w, int h, int cells)
{
    cv::Mat g(cells, cells, CV_32F);
    rng.fill(g, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::Mat f;
    cv::resize(g, f, cv::Size(w, h), 0, 0, cv::INTER_CUBIC);
    cv::normalize(f, f, 0, 1, cv::NORM_MINMAX);
    return f;
}

// Irregular closed blob: r(theta) = r0 (1 + sum_k a_k cos(k theta + phi_k)).
std::vector<cv::Point> blob(cv::RNG& rng, cv::Point2d c, double r0, double roughness)
{
    double a[6], ph[6];
    for (int k = 2; k < 6; ++k) a[k] = rng.uniform(0.0, roughness), ph[k] = rng.uniform(0.0, 2 * CV_PI);
    std::vector<cv::Point> pts;
    for (int i = 0; i < 160; ++i) {
        const double t = 2 * CV_PI * i / 160.0;
        double r = 1.0;
        for (int k = 2; k < 6; ++k) r += a[k] * std::cos(k * t + ph[k]);
        r *= r0;
        pts.emplace_back(cvRound(c.x + r * std::cos(t)), cvRound(c.y + r * std::sin(t)));
    }
    return pts;
}

} // namespace

SynthSample synthSample(const SynthOptions& o, int index)
{
    // Seed per image so any one image can be made alone (shards, tests).
    cv::RNG rng(static_cast<uint64_t>(o.seed) * 1000003ull + static_cast<uint64_t>(index) * 7919ull + 17ull);
    const int W = o.width, H = o.height;
    const double S = std::min(W, H);

    // Background: smooth tissue-like texture.
    cv::Mat img = smoothField(rng, W, H, 6) * rng.uniform(30.0, 60.0) + rng.uniform(50.0, 110.0);

    // Distractors first (the target lies on top of them).
    const int nd = rng.uniform(1, 4);
    for (int d = 0; d < nd; ++d) {
        cv::Mat m = cv::Mat::zeros(H, W, CV_8U);
        cv::Point2d c(rng.uniform(0.1, 0.9) * W, rng.uniform(0.1, 0.9) * H);
        auto pts = blob(rng, c, rng.uniform(0.05, 0.12) * S, 0.1);
        cv::fillPoly(m, std::vector<std::vector<cv::Point>>{pts}, 255);
        cv::Mat tex(H, W, CV_32F);
        if (rng.uniform(0, 2) == 0) { // stripes
            const double f = rng.uniform(0.15, 0.4), ang = rng.uniform(0.0, CV_PI);
            for (int y = 0; y < H; ++y)
                for (int x = 0; x < W; ++x)
                    tex.at<float>(y, x) = float(25.0 * std::sin(f * (x * std::cos(ang) + y * std::sin(ang))));
        } else { // speckle
            rng.fill(tex, cv::RNG::NORMAL, 0.0, 25.0);
        }
        tex += rng.uniform(40.0, 200.0);
        tex.copyTo(img, m);
    }

    // The target: the largest structure, smooth inside, contrast of either sign.
    cv::Mat mask = cv::Mat::zeros(H, W, CV_8U);
    cv::Point2d c(rng.uniform(0.35, 0.65) * W, rng.uniform(0.35, 0.65) * H);
    auto pts = blob(rng, c, rng.uniform(0.14, 0.26) * S, 0.14);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{pts}, 255);
    const double contrast = rng.uniform(35.0, 90.0) * (rng.uniform(0, 3) == 0 ? -1.0 : 1.0);
    cv::Mat inside = smoothField(rng, W, H, 12) * 18.0 + (cv::mean(img, mask)[0] + contrast);
    inside.copyTo(img, mask);

    // Soft edges, bias field, noise.
    cv::GaussianBlur(img, img, cv::Size(0, 0), 1.2);
    cv::Mat bias = smoothField(rng, W, H, 3) * rng.uniform(0.2, 0.5) + (1.0 - 0.2);
    img = img.mul(bias);
    cv::Mat noise(H, W, CV_32F);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, rng.uniform(2.0, 9.0));
    img += noise;

    cv::Mat grey;
    img.convertTo(grey, CV_8U);
    SynthSample s;
    s.name = "synth_" + std::to_string(o.seed) + "_" + cv::format("%05d", index);
    if (rng.uniform(0.0, 1.0) < o.colourFraction) {
        // A stain-like tint: per-channel gains and offsets.
        std::vector<cv::Mat> ch(3);
        for (int k = 0; k < 3; ++k) grey.convertTo(ch[static_cast<size_t>(k)], CV_8U, rng.uniform(0.6, 1.1), rng.uniform(0.0, 60.0));
        cv::merge(ch, s.rgb);
    } else {
        cv::cvtColor(grey, s.rgb, cv::COLOR_GRAY2RGB);
    }
    s.mask = mask;
    return s;
}

int writeSynthDataset(const std::filesystem::path& dir, const SynthOptions& o,
                      const std::function<void(int, int)>& progress)
{
    namespace fs = std::filesystem;
    fs::create_directories(dir / "images");
    fs::create_directories(dir / "masks");
    for (int i = 0; i < o.count; ++i) {
        SynthSample s = synthSample(o, i);
        formats::writeRgbPng(dir / "images" / (s.name + ".png"), s.rgb);
        formats::writeMaskPng(dir / "masks" / (s.name + ".png"), s.mask);
        if (progress) progress(i + 1, o.count);
    }
    return o.count;
}

} // namespace samsp::pipeline
