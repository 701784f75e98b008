#include "transformer.h"

#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

torch::Tensor channelsLastSequence(const torch::Tensor& x)
{
    // LibTorch's fast blocked transpose copy only takes 2-D tensors, so one image
    // at a time; an expanded batch (one embedding, several prompt sets) stays expanded.
    const int64_t B = x.size(0), C = x.size(1);
    auto flat = x.reshape({B, C, -1});
    if (B == 1 || x.stride(0) == 0) return flat.select(0, 0).t().contiguous().unsqueeze(0).expand({B, -1, -1});
    std::vector<torch::Tensor> parts;
    for (int64_t b = 0; b < B; ++b) parts.push_back(flat.select(0, b).t().contiguous());
    return torch::stack(parts, 0);
}

DecoderAttentionImpl::DecoderAttentionImpl(int64_t dim, int64_t numHeads, int64_t downsampleRate) : m_heads(numHeads)
{
    const int64_t internal = dim / downsampleRate;
    q_proj = register_module("q_proj", torch::nn::Linear(dim, internal));
    k_proj = register_module("k_proj", torch::nn::Linear(dim, internal));
    v_proj = register_module("v_proj", torch::nn::Linear(dim, internal));
    out_proj = register_module("out_proj", torch::nn::Linear(internal, dim));
}

torch::Tensor DecoderAttentionImpl::forward(const torch::Tensor& qIn, const torch::Tensor& kIn, const torch::Tensor& vIn)
{
    auto split = [&](const torch::Tensor& x) {
        return x.reshape({x.size(0), x.size(1), m_heads, x.size(2) / m_heads}).transpose(1, 2);
    };
    auto q = split(q_proj->forward(qIn));
    auto k = split(k_proj->forward(kIn));
    auto v = split(v_proj->forward(vIn));
    const int64_t ch = q.size(3);
    torch::Tensor attn;
    if (k.size(2) < 32 && k.size(2) < q.size(2)) {
        // Image attending to a handful of tokens: the softmax runs over a very short
        // last axis, which LibTorch's CPU kernel does ~10x slower than the same
        // softmax over the second-last axis. Same scores, held transposed.
        auto scoresT = torch::matmul(k, q.transpose(2, 3)) / std::sqrt(double(ch));
        attn = torch::softmax(scoresT, -2).transpose(2, 3);
    } else {
        attn = torch::softmax(torch::matmul(q, k.transpose(2, 3)) / std::sqrt(double(ch)), -1);
    }
    auto out = torch::matmul(attn, v).transpose(1, 2);
    out = out.reshape({out.size(0), out.size(1), -1});
    return out_proj->forward(out);
}

TwoWayBlockImpl::TwoWayBlockImpl(int64_t dim, int64_t numHeads, int64_t mlpDim, bool skipFirstLayerPe)
    : m_skipFirstLayerPe(skipFirstLayerPe)
{
    auto ln = torch::nn::LayerNormOptions({dim});
    self_attn = register_module("self_attn", DecoderAttention(dim, numHeads));
    norm1 = register_module("norm1", MixedLayerNorm(ln));
    cross_attn_token_to_image = register_module("cross_attn_token_to_image", DecoderAttention(dim, numHeads, 2));
    norm2 = register_module("norm2", MixedLayerNorm(ln));
    mlp = register_module("mlp", MLPBlock(dim, mlpDim, false));
    norm3 = register_module("norm3", MixedLayerNorm(ln));
    norm4 = register_module("norm4", MixedLayerNorm(ln));
    cross_attn_image_to_token = register_module("cross_attn_image_to_token", DecoderAttention(dim, numHeads, 2));
}

std::pair<torch::Tensor, torch::Tensor> TwoWayBlockImpl::forward(torch::Tensor queries, torch::Tensor keys,
                                                                 const torch::Tensor& queryPe, const torch::Tensor& keyPe)
{
    if (m_skipFirstLayerPe) {
        queries = self_attn->forward(queries, queries, queries);
    } else {
        auto q = queries + queryPe;
        queries = queries + self_attn->forward(q, q, queries);
    }
    queries = norm1->forward(queries);

    auto q = queries + queryPe;
    auto k = keys + keyPe;
    queries = norm2->forward(queries + cross_attn_token_to_image->forward(q, k, keys));
    queries = norm3->forward(queries + mlp->forward(queries));

    q = queries + queryPe;
    k = keys + keyPe;
    keys = norm4->forward(keys + cross_attn_image_to_token->forward(k, q, queries));
    return {queries, keys};
}

TwoWayTransformerImpl::TwoWayTransformerImpl(int64_t depth, int64_t dim, int64_t numHeads, int64_t mlpDim)
{
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < depth; ++i) layers->push_back(TwoWayBlock(dim, numHeads, mlpDim, i == 0));
    final_attn_token_to_image = register_module("final_attn_token_to_image", DecoderAttention(dim, numHeads, 2));
    norm_final_attn = register_module("norm_final_attn", MixedLayerNorm(torch::nn::LayerNormOptions({dim})));
}

std::pair<torch::Tensor, torch::Tensor> TwoWayTransformerImpl::forward(const torch::Tensor& image, const torch::Tensor& imagePe,
                                                                       const torch::Tensor& tokens)
{
    // The image side is made B x HW x C *contiguous* once here. Left as a permuted
    // view, every residual add and layer norm on it walks memory across the grain:
    // at 64 x 64 that made an add cost ~4 ms instead of ~0.4 ms on 2 cores.
    auto keys = channelsLastSequence(image);
    auto keyPe = channelsLastSequence(imagePe);
    auto queries = tokens;
    for (const auto& m : *layers) std::tie(queries, keys) = m->as<TwoWayBlockImpl>()->forward(queries, keys, tokens, keyPe);
    auto q = queries + tokens;
    auto k = keys + keyPe;
    queries = norm_final_attn->forward(queries + final_attn_token_to_image->forward(q, k, keys));
    return {queries, keys};
}

} // namespace samsp::model
