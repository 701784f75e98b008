#include "transformer.h"

#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

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
    auto attn = torch::matmul(q, k.permute({0, 1, 3, 2})) / std::sqrt(double(ch));
    attn = torch::softmax(attn, -1);
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
    auto keys = image.flatten(2).permute({0, 2, 1});
    auto keyPe = imagePe.flatten(2).permute({0, 2, 1});
    auto queries = tokens;
    for (const auto& m : *layers) std::tie(queries, keys) = m->as<TwoWayBlockImpl>()->forward(queries, keys, tokens, keyPe);
    auto q = queries + tokens;
    auto k = keys + keyPe;
    queries = norm_final_attn->forward(queries + final_attn_token_to_image->forward(q, k, keys));
    return {queries, keys};
}

} // namespace samsp::model
