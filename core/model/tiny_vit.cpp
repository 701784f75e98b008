#include "tiny_vit.h"

#include "errors.h"

#include <torch/torch.h>

#include <map>
#include <utility>

namespace samsp::model {

namespace F = torch::nn::functional;

namespace {
// GELU of a freshly computed convolution output (channels-last NCHW). LibTorch
// 1.13's element-wise kernels take a slow strided path on channels-last tensors
// (GELU of 256 x 256 x 256 values: 58 ms vs 31 ms contiguous, 2 threads), so it runs
// on the NHWC view, which is contiguous; without autograd it also runs in place
// (no 64 MB allocation and its page faults: 9-16 ms).
torch::Tensor geluOwned(torch::Tensor x)
{
    const bool cl = x.dim() == 4 && !x.is_contiguous() && x.is_contiguous(at::MemoryFormat::ChannelsLast);
    auto v = cl ? x.permute({0, 2, 3, 1}) : x;
    if (!torch::GradMode::is_enabled() && !x.requires_grad()) {
        at::gelu_(v);
        return x;
    }
    v = samsp::model::gelu(v);
    return cl ? v.permute({0, 3, 1, 2}) : v;
}
} // namespace

ConvBnImpl::ConvBnImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t pad, int64_t groups)
    : m_stride(stride), m_pad(pad), m_groups(groups)
{
    c = register_module(
        "c", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(pad).groups(groups).bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(torch::nn::BatchNormOptions(out).eps(1e-5)));
}

torch::Tensor ConvBnImpl::forward(const torch::Tensor& x)
{
    if (is_training()) return bn->forward(c->forward(x));
    // Inference: BatchNorm folded into the convolution (w * g / sqrt(v + eps), b - m g / sqrt(v + eps)).
    // Folding costs O(weights) per call and saves a pass over the activations, which
    // dominate at TinyViT's first stage (256 channels x 256 x 256 at 1024 input).
    auto scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
    auto w = c->weight * scale.view({-1, 1, 1, 1}).to(c->weight.scalar_type());
    auto b = (bn->bias - bn->running_mean * scale).to(c->weight.scalar_type());
    return torch::conv2d(x, w, b, m_stride, m_pad, 1, m_groups);
}

// ---------------------------------------------------------------------------
TinyAttentionImpl::TinyAttentionImpl(int64_t dim, int64_t numHeads, int64_t window)
    : m_heads(numHeads), m_keyDim(dim / numHeads), m_scale(1.0 / std::sqrt(double(dim / numHeads)))
{
    // attn_ratio 1: q, k and v all have key_dim channels per head.
    norm = register_module("norm", MixedLayerNorm(torch::nn::LayerNormOptions({dim})));
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    // One bias per head and distinct offset (|dy|, |dx|), numbered in first-seen order
    // over all point pairs in row-major order, as the reference numbers them.
    std::map<std::pair<int64_t, int64_t>, int64_t> offsets;
    const int64_t n = window * window;
    std::vector<int64_t> idx;
    idx.reserve(static_cast<size_t>(n * n));
    for (int64_t a = 0; a < n; ++a)
        for (int64_t b = 0; b < n; ++b) {
            const std::pair<int64_t, int64_t> off{std::abs(a / window - b / window), std::abs(a % window - b % window)};
            auto it = offsets.find(off);
            if (it == offsets.end()) it = offsets.emplace(off, static_cast<int64_t>(offsets.size())).first;
            idx.push_back(it->second);
        }
    attention_biases = register_parameter("attention_biases", torch::zeros({numHeads, static_cast<int64_t>(offsets.size())}));
    m_biasIndex = torch::tensor(idx, torch::kLong).view({n, n});
}

torch::Tensor TinyAttentionImpl::forward(const torch::Tensor& xIn)
{
    const int64_t B = xIn.size(0), N = xIn.size(1);
    auto x = norm->forward(xIn);
    auto parts = qkv->forward(x).view({B, N, m_heads, -1}).split({m_keyDim, m_keyDim, m_keyDim}, 3);
    auto q = parts[0].permute({0, 2, 1, 3});
    auto k = parts[1].permute({0, 2, 1, 3});
    auto v = parts[2].permute({0, 2, 1, 3});
    if (m_biasIndex.device() != attention_biases.device()) m_biasIndex = m_biasIndex.to(attention_biases.device());
    auto bias = attention_biases.index({torch::indexing::Slice(), m_biasIndex}); // heads x N x N
    // Scaling q (B x h x N x d) costs less than scaling the N x N scores; the same sum.
    auto scores = torch::matmul(q * m_scale, k.transpose(-2, -1));
    auto attn = (torch::GradMode::is_enabled() ? scores + bias : scores.add_(bias)).softmax(-1);
    auto y = torch::matmul(attn, v).transpose(1, 2).reshape({B, N, m_heads * m_keyDim});
    return proj->forward(y);
}

TinyMlpImpl::TinyMlpImpl(int64_t dim, int64_t hidden)
{
    norm = register_module("norm", MixedLayerNorm(torch::nn::LayerNormOptions({dim})));
    fc1 = register_module("fc1", torch::nn::Linear(dim, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, dim));
}

torch::Tensor TinyMlpImpl::forward(const torch::Tensor& x) { return fc2->forward(geluOwned(fc1->forward(norm->forward(x)))); }

// ---------------------------------------------------------------------------
MBConvImpl::MBConvImpl(int64_t dim, double expand)
{
    const int64_t hidden = static_cast<int64_t>(double(dim) * expand);
    conv1 = register_module("conv1", ConvBn(dim, hidden, 1));
    conv2 = register_module("conv2", ConvBn(hidden, hidden, 3, 1, 1, hidden));
    conv3 = register_module("conv3", ConvBn(hidden, dim, 1));
}

torch::Tensor MBConvImpl::forward(const torch::Tensor& x)
{
    auto h = geluOwned(conv1->forward(x));
    h = geluOwned(conv2->forward(h));
    h = conv3->forward(h);
    if (!torch::GradMode::is_enabled()) return geluOwned(h.add_(x));
    return geluOwned(h + x);
}

TinyViTBlockImpl::TinyViTBlockImpl(int64_t dim, int64_t side, int64_t numHeads, int64_t window, double mlpRatio,
                                   int64_t localConv)
    : m_side(side), m_window(window)
{
    attn = register_module("attn", TinyAttention(dim, numHeads, window));
    mlp = register_module("mlp", TinyMlp(dim, static_cast<int64_t>(double(dim) * mlpRatio)));
    local_conv = register_module("local_conv", ConvBn(dim, dim, localConv, 1, localConv / 2, dim));
}

torch::Tensor TinyViTBlockImpl::forward(const torch::Tensor& x)
{
    const int64_t B = x.size(0), L = x.size(1), C = x.size(2), H = m_side, W = m_side, w = m_window;
    if (L != H * W) throw ModelError("TinyViT block: " + std::to_string(L) + " tokens for a " + std::to_string(H) + " x " +
                                     std::to_string(W) + " grid");
    torch::Tensor a;
    if (H == w && W == w) {
        a = attn->forward(x);
    } else {
        auto g = x.view({B, H, W, C});
        const int64_t padB = (w - H % w) % w, padR = (w - W % w) % w;
        if (padB > 0 || padR > 0) g = F::pad(g, F::PadFuncOptions({0, 0, 0, padR, 0, padB}));
        const int64_t pH = H + padB, pW = W + padR, nH = pH / w, nW = pW / w;
        g = g.view({B, nH, w, nW, w, C}).transpose(2, 3).reshape({B * nH * nW, w * w, C});
        g = attn->forward(g);
        g = g.view({B, nH, nW, w, w, C}).transpose(2, 3).reshape({B, pH, pW, C});
        if (padB > 0 || padR > 0) g = g.index({torch::indexing::Slice(), torch::indexing::Slice(0, H),
                                               torch::indexing::Slice(0, W)}).contiguous();
        a = g.view({B, L, C});
    }
    auto y = x + a;
    auto c = local_conv->forward(y.transpose(1, 2).reshape({B, C, H, W}));
    y = c.view({B, C, L}).transpose(1, 2);
    return y + mlp->forward(y);
}

int64_t tinyVitMergeStride(int64_t outDim) { return outDim == 320 || outDim == 448 || outDim == 576 ? 1 : 2; }

PatchMergingImpl::PatchMergingImpl(int64_t side, int64_t dim, int64_t outDim) : m_side(side), m_stride(tinyVitMergeStride(outDim))
{
    conv1 = register_module("conv1", ConvBn(dim, outDim, 1));
    conv2 = register_module("conv2", ConvBn(outDim, outDim, 3, m_stride, 1, outDim));
    conv3 = register_module("conv3", ConvBn(outDim, outDim, 1));
}

torch::Tensor PatchMergingImpl::forward(const torch::Tensor& xIn)
{
    auto x = xIn;
    if (x.dim() == 3) x = x.view({x.size(0), m_side, m_side, -1}).permute({0, 3, 1, 2});
    x = geluOwned(conv1->forward(x));
    x = geluOwned(conv2->forward(x));
    x = conv3->forward(x);
    return x.flatten(2).transpose(1, 2);
}

// ---------------------------------------------------------------------------
namespace {
// A stage: "blocks" (+ "downsample"), as the reference's ConvLayer / BasicLayer.
class StageImpl : public torch::nn::Module
{
public:
    StageImpl() { blocks = register_module("blocks", torch::nn::ModuleList()); }
    // `beforeMerging`, when given, receives the blocks' output (the stage's own resolution).
    torch::Tensor forward(torch::Tensor x, torch::Tensor* beforeMerging = nullptr)
    {
        for (const auto& b : *blocks) {
            if (auto* mb = b->as<MBConvImpl>()) x = mb->forward(x);
            else x = b->as<TinyViTBlockImpl>()->forward(x);
        }
        if (beforeMerging) *beforeMerging = x;
        return downsample ? downsample->forward(x) : x;
    }
    torch::nn::ModuleList blocks{nullptr};
    PatchMerging downsample{nullptr};
};
} // namespace

TinyViTImpl::TinyViTImpl(const SamConfig& cfg) : m_cfg(cfg)
{
    cfg.validate();
    const auto& dims = cfg.tvEmbedDims;
    auto pe = register_module("patch_embed", std::make_shared<torch::nn::Module>());
    patchSeq = pe->register_module(
        "seq", torch::nn::Sequential(ConvBn(3, dims[0] / 2, 3, 2, 1), Gelu(), ConvBn(dims[0] / 2, dims[0], 3, 2, 1)));
    // (Gelu in the Sequential keeps the reference's module numbering: seq.0, seq.2.)
    layers = register_module("layers", torch::nn::ModuleList());
    int64_t side = cfg.imageSize / 4;
    const size_t n = dims.size();
    for (size_t i = 0; i < n; ++i) {
        auto stage = std::make_shared<StageImpl>();
        for (int64_t b = 0; b < cfg.tvDepths[i]; ++b) {
            if (i == 0) stage->blocks->push_back(MBConv(dims[0], 4.0));
            else
                stage->blocks->push_back(TinyViTBlock(dims[i], side, cfg.tvNumHeads[i], cfg.tvWindowSizes[i], cfg.mlpRatio, 3));
        }
        if (i + 1 < n) {
            stage->downsample = stage->register_module("downsample", PatchMerging(side, dims[i], dims[i + 1]));
            side = (side + stage->downsample->stride() - 1) / stage->downsample->stride();
        }
        layers->push_back(stage);
    }
    norm_head = register_module("norm_head", MixedLayerNorm(torch::nn::LayerNormOptions({dims.back()})));
    head = register_module("head", torch::nn::Linear(dims.back(), 1000));
    neck = register_module(
        "neck", torch::nn::Sequential(
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(dims.back(), cfg.outChans, 1).bias(false)),
                    LayerNorm2d(cfg.outChans),
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(cfg.outChans, cfg.outChans, 3).padding(1).bias(false)),
                    LayerNorm2d(cfg.outChans)));
}

torch::Tensor TinyViTImpl::forward(const torch::Tensor& x)
{
    return forwardImpl(x, nullptr);
}

torch::Tensor TinyViTImpl::forwardWithDetail(const torch::Tensor& x, torch::Tensor& detail)
{
    return forwardImpl(x, &detail);
}

torch::Tensor TinyViTImpl::forwardImpl(const torch::Tensor& x, torch::Tensor* detail)
{
    // Channels-last: oneDNN's convolutions run 2-4x faster on it than on NCHW here
    // (1x1 256->64 at 256 x 256: 37 -> 9 ms; depthwise 3x3: 67 -> 26 ms, 2 threads),
    // and the token layout of the later stages already is channels-last in memory.
    auto seq = patchSeq->children();
    auto h = seq[0]->as<ConvBnImpl>()->forward(x.contiguous(at::MemoryFormat::ChannelsLast));
    h = seq[2]->as<ConvBnImpl>()->forward(geluOwned(h));
    for (size_t i = 0; i < layers->size(); ++i) h = layers[i]->as<StageImpl>()->forward(h, i == 0 ? detail : nullptr);
    const int64_t B = h.size(0), C = h.size(2), E = m_cfg.embeddingSize();
    h = h.view({B, E, E, C}).permute({0, 3, 1, 2});
    return neck->forward(h);
}

void TinyViTImpl::setFrozenExceptLora(bool frozen)
{
    ImageEncoderBaseImpl::setFrozenExceptLora(frozen);
    m_frozen = frozen;
    train(is_training());
}

void TinyViTImpl::train(bool on)
{
    torch::nn::Module::train(on);
    // Frozen: BatchNorm keeps its running statistics (eval behaviour) even while the
    // rest of SAM trains; otherwise a "frozen" encoder would drift with every batch.
    if (on && m_frozen)
        for (auto& m : modules(false))
            if (dynamic_cast<torch::nn::BatchNorm2dImpl*>(m.get())) m->eval();
}

} // namespace samsp::model
