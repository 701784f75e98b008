#include "mask_resize.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>

namespace samsp::model {

namespace {
struct LinearTap
{
    int64_t i0, i1;
    float w0, w1;
};

// Output sample `o` of a 1-D linear resize from n to m samples (align_corners =
// false, no antialiasing), exactly as LibTorch 1.13's CPU kernel computes it for
// float (ATen/native/UpSample.h, compute_source_index_and_lambda): the ratio n / m
// in float, the source position (o + 0.5) * ratio - 0.5 in double, clamped at 0;
// the next sample, or the same one at the end; weights 1 - lambda and lambda.
LinearTap linearTap(int64_t n, int64_t m, int64_t o)
{
    if (n == m) return {o, o, 1.0f, 0.0f};
    const float ratio = static_cast<float>(n) / static_cast<float>(m);
    double src = static_cast<double>(ratio) * (static_cast<double>(o) + 0.5) - 0.5;
    if (src < 0.0) src = 0.0;
    const auto i0 = static_cast<int64_t>(src);
    const int64_t i1 = i0 + (i0 < n - 1 ? 1 : 0);
    const auto lambda = static_cast<float>(src - static_cast<double>(i0));
    return {i0, i1, 1.0f - lambda, lambda};
}
} // namespace

AxisTaps composeAxisTaps(int64_t lowRes, int64_t inputSize, int64_t valid, int64_t orig)
{
    // Output o of the second resize (valid -> orig) reads two samples of the first
    // (lowRes -> inputSize), each of which reads two low-res samples: at most four
    // taps, with equal indices merged and zero weights dropped.
    std::vector<std::vector<std::pair<int32_t, float>>> per(static_cast<size_t>(orig));
    int64_t most = 1;
    for (int64_t o = 0; o < orig; ++o) {
        const LinearTap second = linearTap(valid, orig, o);
        auto& taps = per[static_cast<size_t>(o)];
        for (const auto& [mid, w2] : {std::pair{second.i0, second.w0}, std::pair{second.i1, second.w1}}) {
            const LinearTap first = linearTap(lowRes, inputSize, mid);
            for (const auto& [low, w1] : {std::pair{first.i0, first.w0}, std::pair{first.i1, first.w1}}) {
                const float w = w2 * w1;
                if (w == 0.0f) continue;
                auto it = std::find_if(taps.begin(), taps.end(), [&](const auto& t) { return t.first == low; });
                if (it != taps.end()) it->second += w;
                else taps.emplace_back(static_cast<int32_t>(low), w);
            }
        }
        most = std::max(most, static_cast<int64_t>(taps.size()));
    }
    AxisTaps a;
    a.taps = most;
    a.index.assign(static_cast<size_t>(orig * most), 0);
    a.weight.assign(static_cast<size_t>(orig * most), 0.0f);
    for (int64_t o = 0; o < orig; ++o)
        for (size_t k = 0; k < per[static_cast<size_t>(o)].size(); ++k) {
            a.index[static_cast<size_t>(o * most) + k] = per[static_cast<size_t>(o)][k].first;
            a.weight[static_cast<size_t>(o * most) + k] = per[static_cast<size_t>(o)][k].second;
        }
    return a;
}

std::shared_ptr<const AxisTaps> MaskResizer::taps(int64_t lowRes, int64_t inputSize, int64_t valid, int64_t orig)
{
    const std::array<int64_t, 4> key{lowRes, inputSize, valid, orig};
    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
    if (m_cache.size() > 64) m_cache.clear(); // a handful of image sizes in practice
    auto t = std::make_shared<const AxisTaps>(composeAxisTaps(lowRes, inputSize, valid, orig));
    m_cache.emplace(key, t);
    return t;
}

at::Tensor MaskResizer::operator()(const at::Tensor& lowRes, const ImageFrame& frame)
{
    c10::InferenceMode im;
    auto x = lowRes.to(torch::kCPU, torch::kFloat).contiguous();
    const int64_t C = x.size(0), L = x.size(1), Lw = x.size(2);
    const int64_t H = frame.origH(), W = frame.origW();
    auto ty = taps(L, frame.inputSize(), frame.inputH(), H);
    auto tx = taps(Lw, frame.inputSize(), frame.inputW(), W);

    // Columns first (L rows x W), then rows (H x W): both loops run along contiguous memory.
    auto cols = torch::empty({C, L, W}, torch::kFloat);
    auto out = torch::empty({C, H, W}, torch::kFloat);
    const float* src = x.data_ptr<float>();
    float* mid = cols.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    const int64_t kx = tx->taps, ky = ty->taps;
    at::parallel_for(0, C * L, 16, [&](int64_t b, int64_t e) {
        for (int64_t r = b; r < e; ++r) {
            const float* in = src + r * Lw;
            float* o = mid + r * W;
            for (int64_t j = 0; j < W; ++j) {
                float s = 0;
                for (int64_t k = 0; k < kx; ++k)
                    s += tx->weight[static_cast<size_t>(j * kx + k)] * in[tx->index[static_cast<size_t>(j * kx + k)]];
                o[j] = s;
            }
        }
    });
    at::parallel_for(0, C * H, 16, [&](int64_t b, int64_t e) {
        for (int64_t r = b; r < e; ++r) {
            const int64_t c = r / H, i = r % H;
            float* o = dst + r * W;
            std::fill(o, o + W, 0.0f);
            for (int64_t k = 0; k < ky; ++k) {
                const float wk = ty->weight[static_cast<size_t>(i * ky + k)];
                if (wk == 0.0f) continue;
                const float* in = mid + (c * L + ty->index[static_cast<size_t>(i * ky + k)]) * W;
                for (int64_t j = 0; j < W; ++j) o[j] += wk * in[j];
            }
        }
    });
    return out;
}

} // namespace samsp::model
