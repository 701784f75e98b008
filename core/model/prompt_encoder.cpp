#include "prompt_encoder.h"

#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

PositionEmbeddingRandomImpl::PositionEmbeddingRandomImpl(int64_t numPosFeats)
{
    positional_encoding_gaussian_matrix = register_buffer("positional_encoding_gaussian_matrix", torch::randn({2, numPosFeats}));
}

torch::Tensor PositionEmbeddingRandomImpl::encode(torch::Tensor coords)
{
    coords = 2 * coords - 1;
    coords = torch::matmul(coords, positional_encoding_gaussian_matrix);
    coords = 2 * M_PI * coords;
    return torch::cat({torch::sin(coords), torch::cos(coords)}, -1);
}

torch::Tensor PositionEmbeddingRandomImpl::forward(int64_t h, int64_t w)
{
    auto opts = positional_encoding_gaussian_matrix.options();
    auto grid = torch::ones({h, w}, opts);
    auto y = (grid.cumsum(0) - 0.5) / double(h);
    auto x = (grid.cumsum(1) - 0.5) / double(w);
    return encode(torch::stack({x, y}, -1)).permute({2, 0, 1});
}

torch::Tensor PositionEmbeddingRandomImpl::forwardWithCoords(const torch::Tensor& coordsIn, int64_t imageH, int64_t imageW)
{
    auto c = coordsIn.to(positional_encoding_gaussian_matrix.dtype()).clone();
    auto xs = c.select(-1, 0) / double(imageW);
    auto ys = c.select(-1, 1) / double(imageH);
    return encode(torch::stack({xs, ys}, -1));
}

// ---------------------------------------------------------------------------
PromptEncoderImpl::PromptEncoderImpl(const SamConfig& cfg)
    : m_dim(cfg.outChans), m_embSize(cfg.embeddingSize()), m_inputSize(cfg.imageSize)
{
    pe_layer = register_module("pe_layer", PositionEmbeddingRandom(m_dim / 2));
    point_embeddings = register_module("point_embeddings", torch::nn::ModuleList());
    for (int i = 0; i < 4; ++i) point_embeddings->push_back(torch::nn::Embedding(1, m_dim));
    not_a_point_embed = register_module("not_a_point_embed", torch::nn::Embedding(1, m_dim));
    const int64_t mic = 16; // mask_in_chans
    mask_downscaling = register_module(
        "mask_downscaling",
        torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(1, mic / 4, 2).stride(2)), LayerNorm2d(mic / 4),
                              Gelu(), torch::nn::Conv2d(torch::nn::Conv2dOptions(mic / 4, mic, 2).stride(2)),
                              LayerNorm2d(mic), Gelu(), torch::nn::Conv2d(torch::nn::Conv2dOptions(mic, m_dim, 1))));
    no_mask_embed = register_module("no_mask_embed", torch::nn::Embedding(1, m_dim));
}

torch::Tensor PromptEncoderImpl::pointWeight(int i) { return point_embeddings[i]->as<torch::nn::Embedding>()->weight; }

torch::Tensor PromptEncoderImpl::getDensePe() { return pe_layer->forward(m_embSize, m_embSize).unsqueeze(0); }

SparseDense PromptEncoderImpl::forward(const std::optional<std::pair<torch::Tensor, torch::Tensor>>& points,
                                       const std::optional<torch::Tensor>& boxes,
                                       const std::optional<torch::Tensor>& masks)
{
    int64_t bs = 1;
    if (points) bs = points->first.size(0);
    else if (boxes) bs = boxes->size(0);
    else if (masks) bs = masks->size(0);
    auto opts = no_mask_embed->weight.options();
    std::vector<torch::Tensor> parts;
    if (points) {
        auto coords = points->first.to(opts.dtype()) + 0.5;
        auto labels = points->second.to(torch::kLong);
        if (!boxes) { // pad with a "not a point" so the decoder sees a fixed token layout
            coords = torch::cat({coords, torch::zeros({bs, 1, 2}, opts)}, 1);
            labels = torch::cat({labels, -torch::ones({bs, 1}, labels.options())}, 1);
        }
        auto emb = pe_layer->forwardWithCoords(coords, m_inputSize, m_inputSize);
        auto l = labels.unsqueeze(-1);
        auto zero = torch::zeros_like(emb);
        emb = torch::where(l == -1, zero + not_a_point_embed->weight, emb);
        emb = torch::where(l == 0, emb + pointWeight(0), emb);
        emb = torch::where(l == 1, emb + pointWeight(1), emb);
        parts.push_back(emb);
    }
    if (boxes) {
        auto coords = (boxes->to(opts.dtype()) + 0.5).reshape({-1, 2, 2});
        auto corner = pe_layer->forwardWithCoords(coords, m_inputSize, m_inputSize);
        auto c0 = corner.select(1, 0) + pointWeight(2);
        auto c1 = corner.select(1, 1) + pointWeight(3);
        parts.push_back(torch::stack({c0, c1}, 1));
    }
    SparseDense out;
    out.sparse = parts.empty() ? torch::empty({bs, 0, m_dim}, opts) : torch::cat(parts, 1);
    if (masks) out.dense = mask_downscaling->forward(masks->to(opts.dtype()));
    else out.dense = no_mask_embed->weight.reshape({1, -1, 1, 1}).expand({bs, -1, m_embSize, m_embSize});
    return out;
}

} // namespace samsp::model
