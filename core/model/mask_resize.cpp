#include "mask_resize.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

namespace samsp::model {

namespace F = torch::nn::functional;

namespace {
// n x m: row i is where input sample i of n goes when resized to m samples.
at::Tensor linearResizeMatrix(int64_t n, int64_t m)
{
    auto eye = torch::eye(n, torch::kFloat).unsqueeze(0); // 1 x n channels x n samples
    return F::interpolate(eye, F::InterpolateFuncOptions()
                                   .size(std::vector<int64_t>{m})
                                   .mode(torch::kLinear)
                                   .align_corners(false))
        .squeeze(0);
}
} // namespace

AxisTaps composeAxisTaps(int64_t lowRes, int64_t inputSize, int64_t valid, int64_t orig)
{
    c10::InferenceMode im;
    auto m = torch::matmul(linearResizeMatrix(lowRes, inputSize).slice(1, 0, valid), linearResizeMatrix(valid, orig))
                 .t()
                 .contiguous(); // orig x lowRes
    auto nonzero = m.ne(0);
    AxisTaps a;
    a.taps = std::max<int64_t>(1, nonzero.sum(1).max().item<int64_t>());
    a.index.assign(static_cast<size_t>(orig * a.taps), 0);
    a.weight.assign(static_cast<size_t>(orig * a.taps), 0.0f);
    const float* w = m.data_ptr<float>();
    for (int64_t o = 0; o < orig; ++o) {
        int64_t k = 0;
        for (int64_t i = 0; i < lowRes; ++i) {
            const float v = w[o * lowRes + i];
            if (v == 0.0f) continue;
            a.index[static_cast<size_t>(o * a.taps + k)] = static_cast<int32_t>(i);
            a.weight[static_cast<size_t>(o * a.taps + k)] = v;
            ++k;
        }
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
