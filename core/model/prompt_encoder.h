#pragma once
// SAM's prompt encoder: random-Fourier positional encoding of points and box
// corners (sparse embeddings) and a small conv net for mask prompts (dense).
//
// Coordinates are in the model's input frame (pixels of the resized, padded
// S x S image, x then y); the +0.5 shift to pixel centres happens here, as in SAM.

#include "config.h"
#include "layers.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/embedding.h>

#include <optional>

namespace samsp::model {

class PositionEmbeddingRandomImpl : public torch::nn::Module
{
public:
    explicit PositionEmbeddingRandomImpl(int64_t numPosFeats = 128);
    // Dense PE for an h x w grid: C x h x w.
    torch::Tensor forward(int64_t h, int64_t w);
    // coords: B x N x 2 (x, y) in pixels of an image of `imageH` x `imageW` -> B x N x C.
    torch::Tensor forwardWithCoords(const torch::Tensor& coords, int64_t imageH, int64_t imageW);
    torch::Tensor positional_encoding_gaussian_matrix; // 2 x numPosFeats (a buffer)

private:
    torch::Tensor encode(torch::Tensor coords01);
};
TORCH_MODULE(PositionEmbeddingRandom);

struct SparseDense
{
    torch::Tensor sparse; // B x N x C
    torch::Tensor dense;  // B x C x E x E
};

class PromptEncoderImpl : public torch::nn::Module
{
public:
    explicit PromptEncoderImpl(const SamConfig& cfg);

    // points: B x N x 2 coords and B x N labels (1 fg, 0 bg, -1 padding); box: B x 4 (x0,y0,x1,y1);
    // masks: B x 1 x 4E x 4E logits. Any may be absent; batch size comes from the first present, else 1.
    SparseDense forward(const std::optional<std::pair<torch::Tensor, torch::Tensor>>& points,
                        const std::optional<torch::Tensor>& boxes, const std::optional<torch::Tensor>& masks);
    torch::Tensor denseFromMasks(const torch::Tensor& masks) { return mask_downscaling->forward(masks); }
    torch::Tensor getDensePe(); // 1 x C x E x E

    PositionEmbeddingRandom pe_layer{nullptr};
    torch::nn::ModuleList point_embeddings{nullptr}; // 0 bg, 1 fg, 2 box corner 0, 3 box corner 1
    torch::nn::Embedding not_a_point_embed{nullptr}, no_mask_embed{nullptr};
    torch::nn::Sequential mask_downscaling{nullptr};

private:
    torch::Tensor pointWeight(int i);
    int64_t m_dim, m_embSize, m_inputSize;
};
TORCH_MODULE(PromptEncoder);

} // namespace samsp::model
