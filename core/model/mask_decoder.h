#pragma once
// SAM's mask decoder: output tokens (IoU + 4 mask tokens) and prompt tokens run
// through the two-way transformer with the image embedding; the embedding is
// upscaled 4x and dotted with per-token hypernetwork MLP outputs to give mask
// logits; an MLP on the IoU token predicts each mask's quality.

#include "config.h"
#include "transformer.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>

namespace samsp::model {

struct DecoderOutput
{
    torch::Tensor lowResLogits; // B x M x 4E x 4E (M = 1, or 3 with multimask)
    torch::Tensor iouPredictions; // B x M
};

class MaskDecoderImpl : public torch::nn::Module
{
public:
    explicit MaskDecoderImpl(const SamConfig& cfg);
    // imageEmbeddings: 1 x C x E x E (shared by all prompts) or B x C x E x E;
    // imagePe: 1 x C x E x E; sparse: B x N x C; dense: B x C x E x E.
    // detail: projectDetail's output (1 or B x C/8 x 4E x 4E), required with detail
    // fusion (config.h), ignored without.
    DecoderOutput forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe, const torch::Tensor& sparse,
                          const torch::Tensor& dense, bool multimask, const torch::Tensor& detail = {});
    // The encoder's stride-4 features (N x C0 x 4E x 4E) through detail_proj; undefined
    // when the decoder has no detail fusion (whatever `encoderDetail` is). Per image, so it can be computed once and
    // cached beside the embedding.
    torch::Tensor projectDetail(const torch::Tensor& encoderDetail);
    bool hasDetailFusion() const { return !detail_proj.is_empty(); }

    TwoWayTransformer transformer{nullptr};
    torch::nn::Embedding iou_token{nullptr}, mask_tokens{nullptr};
    torch::nn::Sequential output_upscaling{nullptr};
    torch::nn::ModuleList output_hypernetworks_mlps{nullptr};
    MLP iou_prediction_head{nullptr};
    torch::nn::Conv2d detail_proj{nullptr}; // detail fusion only

private:
    int64_t m_numMaskTokens = 4;
};
TORCH_MODULE(MaskDecoder);

} // namespace samsp::model
