#pragma once
// Deterministic synthetic segmentation data in the spirit of medical scans:
// one target structure per image (an irregular smooth blob with a smooth
// texture and variable contrast), smaller distractors with other textures
// (stripes, speckle), a multiplicative bias field, noise, grey and colour
// variants; with the target's ground-truth mask. Used by tests, the demo model,
// the bundled samples and benchmarks. Same seed + index -> same pixels.

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace samsp::pipeline {

struct SynthOptions
{
    uint64_t seed = 1;
    int count = 100;
    int width = 256;
    int height = 256;
    double colourFraction = 0.3; // share of colour (tinted) images
};

struct SynthSample
{
    std::string name;  // "synth_<seed>_<index>"
    cv::Mat rgb;       // CV_8UC3, RGB order
    cv::Mat mask;      // CV_8UC1, 0 / 255
};

SynthSample synthSample(const SynthOptions& o, int index);

// Writes DIR/images/<name>.png and DIR/masks/<name>.png for every sample
// (atomically); `progress(done, total)` after each; returns the count written.
int writeSynthDataset(const std::filesystem::path& dir, const SynthOptions& o,
                      const std::function<void(int, int)>& progress = {});

} // namespace samsp::pipeline
