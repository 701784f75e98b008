#include "image_encoder.h"

#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

namespace F = torch::nn::functional;

torch::Tensor getRelPos(int64_t qSize, int64_t kSize, const torch::Tensor& relPos)
{
    const int64_t maxRelDist = 2 * std::max(qSize, kSize) - 1;
    torch::Tensor resized = relPos;
    if (relPos.size(0) != maxRelDist) {
        auto r = relPos.reshape({1, relPos.size(0), -1}).permute({0, 2, 1});
        r = F::interpolate(r, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{maxRelDist})
                                  .mode(torch::kLinear)
                                  .align_corners(false));
        resized = r.reshape({-1, maxRelDist}).permute({1, 0});
    }
    const double qs = std::max(double(kSize) / double(qSize), 1.0);
    const double ks = std::max(double(qSize) / double(kSize), 1.0);
    auto opts = torch::TensorOptions().dtype(torch::kFloat).device(relPos.device());
    auto qCoords = torch::arange(qSize, opts).unsqueeze(1) * qs;
    auto kCoords = torch::arange(kSize, opts).unsqueeze(0) * ks;
    auto rel = (qCoords - kCoords) + double(kSize - 1) * ks;
    return resized.index({rel.to(torch::kLong)});
}

// ---------------------------------------------------------------------------
EncoderAttentionImpl::EncoderAttentionImpl(int64_t dim, int64_t numHeads, int64_t relPosSize, int64_t loraRank)
    : m_heads(numHeads), m_dim(dim)
{
    const int64_t headDim = dim / numHeads;
    m_scale = 1.0 / std::sqrt(double(headDim));
    qkv = register_module("qkv", torch::nn::Linear(dim, dim * 3));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    rel_pos_h = register_parameter("rel_pos_h", torch::zeros({relPosSize, headDim}));
    rel_pos_w = register_parameter("rel_pos_w", torch::zeros({relPosSize, headDim}));
    if (loraRank > 0) {
        auto kaiming = [&](int64_t rows, int64_t cols) {
            // kaiming_uniform_(a=sqrt(5)) as nn.Linear initialises its weight
            auto t = torch::empty({rows, cols});
            torch::nn::init::kaiming_uniform_(t, std::sqrt(5.0));
            return t;
        };
        lora_a_q = register_parameter("lora_a_q", kaiming(loraRank, dim));
        lora_b_q = register_parameter("lora_b_q", torch::zeros({dim, loraRank}));
        lora_a_v = register_parameter("lora_a_v", kaiming(loraRank, dim));
        lora_b_v = register_parameter("lora_b_v", torch::zeros({dim, loraRank}));
    }
}

torch::Tensor EncoderAttentionImpl::loraDelta(bool add) const
{
    // qkv.weight rows: [q (dim) | k (dim) | v (dim)]
    auto dq = torch::matmul(lora_b_q, lora_a_q);
    auto dv = torch::matmul(lora_b_v, lora_a_v);
    auto dk = torch::zeros_like(dq);
    auto d = torch::cat({dq, dk, dv}, 0);
    return add ? d : -d;
}

void EncoderAttentionImpl::mergeLora()
{
    if (!lora_a_q.defined() || m_merged) return;
    torch::NoGradGuard ng;
    qkv->weight.add_(loraDelta(true).to(qkv->weight.dtype()));
    m_merged = true;
}

void EncoderAttentionImpl::unmergeLora()
{
    if (!lora_a_q.defined() || !m_merged) return;
    torch::NoGradGuard ng;
    qkv->weight.add_(loraDelta(false).to(qkv->weight.dtype()));
    m_merged = false;
}

torch::Tensor EncoderAttentionImpl::forward(const torch::Tensor& x)
{
    const int64_t B = x.size(0), H = x.size(1), W = x.size(2), N = H * W;
    auto qkvOut = qkv->forward(x);
    if (lora_a_q.defined() && !m_merged) {
        auto dq = torch::matmul(torch::matmul(x, lora_a_q.t()), lora_b_q.t());
        auto dv = torch::matmul(torch::matmul(x, lora_a_v.t()), lora_b_v.t());
        auto parts = qkvOut.split(m_dim, -1);
        qkvOut = torch::cat({parts[0] + dq, parts[1], parts[2] + dv}, -1);
    }
    // B, N, 3, heads, hd -> 3, B*heads, N, hd
    auto t = qkvOut.reshape({B, N, 3, m_heads, -1}).permute({2, 0, 3, 1, 4}).reshape({3, B * m_heads, N, -1});
    auto q = t[0], k = t[1], v = t[2];
    const int64_t hd = q.size(-1);

    // Decomposed relative position bias: rel_h[b, qh, qw, kh] and rel_w[b, qh, qw, kw].
    auto Rh = getRelPos(H, H, rel_pos_h).to(q.dtype());
    auto Rw = getRelPos(W, W, rel_pos_w).to(q.dtype());
    auto rq = q.reshape({B * m_heads, H, W, hd});
    auto relH = torch::einsum("bhwc,hkc->bhwk", {rq, Rh});
    auto relW = torch::einsum("bhwc,wkc->bhwk", {rq, Rw});

    torch::Tensor out;
#if (TORCH_VERSION_MAJOR > 2) || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    // Fused attention with the rel-pos bias as an additive mask.
    auto bias = (relH.unsqueeze(-1) + relW.unsqueeze(-2)).reshape({B * m_heads, N, N});
    out = at::scaled_dot_product_attention(q, k, v, bias);
#else
    auto attn = torch::matmul(q * m_scale, k.transpose(-2, -1));
    if (torch::GradMode::is_enabled()) {
        attn = (attn.view({B * m_heads, H, W, H, W}) + relH.unsqueeze(-1) + relW.unsqueeze(-2)).view({B * m_heads, N, N});
        attn = torch::softmax(attn, -1);
    } else {
        // Inference: add in place and normalise in place; saves two N x N buffers per head.
        auto a5 = attn.view({B * m_heads, H, W, H, W});
        a5.add_(relH.unsqueeze(-1)).add_(relW.unsqueeze(-2));
        attn = torch::softmax(attn, -1);
    }
    out = torch::matmul(attn, v);
#endif
    out = out.view({B, m_heads, H, W, hd}).permute({0, 2, 3, 1, 4}).reshape({B, H, W, -1});
    return proj->forward(out);
}

// ---------------------------------------------------------------------------
namespace {

std::pair<torch::Tensor, std::pair<int64_t, int64_t>> windowPartition(const torch::Tensor& x, int64_t ws)
{
    const int64_t B = x.size(0), H = x.size(1), W = x.size(2), C = x.size(3);
    const int64_t padH = (ws - H % ws) % ws, padW = (ws - W % ws) % ws;
    torch::Tensor xp = x;
    if (padH > 0 || padW > 0) xp = F::pad(x, F::PadFuncOptions({0, 0, 0, padW, 0, padH}));
    const int64_t Hp = H + padH, Wp = W + padW;
    auto w = xp.view({B, Hp / ws, ws, Wp / ws, ws, C}).permute({0, 1, 3, 2, 4, 5}).contiguous().view({-1, ws, ws, C});
    return {w, {Hp, Wp}};
}

torch::Tensor windowUnpartition(const torch::Tensor& windows, int64_t ws, std::pair<int64_t, int64_t> padHW,
                                int64_t H, int64_t W)
{
    const auto [Hp, Wp] = padHW;
    const int64_t B = windows.size(0) / (Hp * Wp / ws / ws);
    auto x = windows.view({B, Hp / ws, Wp / ws, ws, ws, -1}).permute({0, 1, 3, 2, 4, 5}).contiguous().view({B, Hp, Wp, -1});
    if (Hp > H || Wp > W) x = x.slice(1, 0, H).slice(2, 0, W).contiguous();
    return x;
}

} // namespace

BlockAdapterImpl::BlockAdapterImpl(int64_t dim, double ratio)
{
    const int64_t hidden = static_cast<int64_t>(double(dim) * ratio);
    norm = register_module("norm", MixedLayerNorm(torch::nn::LayerNormOptions({dim})));
    channel = register_module("channel", torch::nn::Sequential(torch::nn::Linear(torch::nn::LinearOptions(dim, hidden).bias(false)),
                                                               torch::nn::ReLU(),
                                                               torch::nn::Linear(torch::nn::LinearOptions(hidden, dim).bias(false)),
                                                               torch::nn::Sigmoid()));
    spatial = register_module(
        "spatial",
        torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(dim, dim, 3).stride(2).padding(1).bias(false)),
                              torch::nn::ReLU(),
                              torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(dim, dim, 4).stride(2).padding(1).bias(false)),
                              torch::nn::ReLU()));
}

torch::Tensor BlockAdapterImpl::forward(const torch::Tensor& x)
{
    auto c = x.permute({0, 3, 1, 2});
    const int64_t B = c.size(0), C = c.size(1);
    auto scaled = channel->forward(c.mean({2, 3})).view({B, C, 1, 1}) * c;
    auto y = c + spatial->forward(scaled);
    return norm->forward(y.permute({0, 2, 3, 1}));
}

EncoderBlockImpl::EncoderBlockImpl(int64_t dim, int64_t numHeads, double mlpRatio, int64_t windowSize,
                                   int64_t inputSize, int64_t loraRank, bool withAdapter)
    : m_window(windowSize)
{
    auto ln = torch::nn::LayerNormOptions({dim}).eps(1e-6);
    norm1 = register_module("norm1", MixedLayerNorm(ln));
    const int64_t side = windowSize > 0 ? windowSize : inputSize;
    attn = register_module("attn", EncoderAttention(dim, numHeads, 2 * side - 1, loraRank));
    norm2 = register_module("norm2", MixedLayerNorm(ln));
    mlp = register_module("mlp", MLPBlock(dim, static_cast<int64_t>(dim * mlpRatio), true));
    if (withAdapter) adapter = register_module("Adapter", BlockAdapter(dim));
}

torch::Tensor EncoderBlockImpl::forward(const torch::Tensor& x)
{
    auto h = norm1->forward(x);
    if (m_window > 0) {
        const int64_t H = h.size(1), W = h.size(2);
        auto [win, padHW] = windowPartition(h, m_window);
        h = windowUnpartition(attn->forward(win), m_window, padHW, H, W);
    } else {
        h = attn->forward(h);
    }
    auto y = x + h;
    auto n = norm2->forward(y);
    if (adapter) return y + mlp->forward(n) + adapter->forward(n);
    return y + mlp->forward(n);
}

// ---------------------------------------------------------------------------
ImageEncoderImpl::ImageEncoderImpl(const SamConfig& cfg) : m_cfg(cfg)
{
    cfg.validate();
    const int64_t E = cfg.embeddingSize();
    auto pe = register_module("patch_embed", std::make_shared<torch::nn::Module>());
    patchEmbed = pe->register_module(
        "proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, cfg.embedDim, cfg.patchSize).stride(cfg.patchSize)));
    pos_embed = register_parameter("pos_embed", torch::zeros({1, E, E, cfg.embedDim}));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < cfg.depth; ++i) {
        const bool global =
            std::find(cfg.globalAttnIndexes.begin(), cfg.globalAttnIndexes.end(), i) != cfg.globalAttnIndexes.end();
        blocks->push_back(EncoderBlock(cfg.embedDim, cfg.numHeads, cfg.mlpRatio, global ? 0 : cfg.windowSize, E,
                                       cfg.loraRank, cfg.adapter));
    }
    neck = register_module(
        "neck", torch::nn::Sequential(
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(cfg.embedDim, cfg.outChans, 1).bias(false)),
                    LayerNorm2d(cfg.outChans),
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(cfg.outChans, cfg.outChans, 3).padding(1).bias(false)),
                    LayerNorm2d(cfg.outChans)));
}

void ImageEncoderImpl::mergeLora()
{
    for (auto& b : blockList()) b->attn->mergeLora();
}

void ImageEncoderImpl::unmergeLora()
{
    for (auto& b : blockList()) b->attn->unmergeLora();
}

std::vector<EncoderBlock> ImageEncoderImpl::blockList() const
{
    std::vector<EncoderBlock> out;
    for (const auto& m : *blocks) out.emplace_back(std::dynamic_pointer_cast<EncoderBlockImpl>(m));
    return out;
}

torch::Tensor ImageEncoderImpl::forward(const torch::Tensor& x)
{
    auto h = patchEmbed->forward(x).permute({0, 2, 3, 1});
    h = h + pos_embed;
    for (const auto& m : *blocks) h = m->as<EncoderBlockImpl>()->forward(h);
    return neck->forward(h.permute({0, 3, 1, 2}));
}

} // namespace samsp::model
