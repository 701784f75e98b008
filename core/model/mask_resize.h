#pragma once
// SAM's mask post-processing — low-res logits bilinearly to S x S, crop to the
// resized image, bilinearly to the original size — as one separable operator.
// Bilinear interpolation without antialiasing is linear and separable, so the two
// resizes compose, per axis, into at most four taps for each output sample. Each
// step's two taps are computed exactly as LibTorch's linear kernel computes them
// (ATen/native/UpSample.h), so the result is the two-step one up to float
// rounding, at a fraction of the work: no S x S intermediate (a 1024 x 1024 one
// for every mask), and composing a new image size costs O(size), not a matrix product.

#include "transforms.h"

#include <ATen/core/Tensor.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace samsp::model {

struct AxisTaps
{
    int64_t taps = 0;           // per output sample
    std::vector<int32_t> index; // outputs x taps (unused taps: index 0, weight 0)
    std::vector<float> weight;
};

// The composed 1-D operator: lowRes samples -> bilinear to `inputSize`, first
// `valid` kept -> bilinear to `orig`.
AxisTaps composeAxisTaps(int64_t lowRes, int64_t inputSize, int64_t valid, int64_t orig);

class MaskResizer
{
public:
    // C x L x L float logits on the CPU -> C x origH x origW float logits.
    at::Tensor operator()(const at::Tensor& lowRes, const ImageFrame& frame);

private:
    std::shared_ptr<const AxisTaps> taps(int64_t lowRes, int64_t inputSize, int64_t valid, int64_t orig);

    std::mutex m_mutex;
    std::map<std::array<int64_t, 4>, std::shared_ptr<const AxisTaps>> m_cache;
};

} // namespace samsp::model
