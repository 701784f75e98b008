#pragma once
// SAM's two-way transformer: prompt tokens attend to the image embedding and
// the image embedding attends back to the tokens, `depth` times, then a final
// token-to-image attention. Token tensors are B x N x C; image tensors B x HW x C.

#include "layers.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/normalization.h>

namespace samsp::model {

// B x C x H x W -> contiguous B x HW x C (an expanded batch stays expanded).
torch::Tensor channelsLastSequence(const torch::Tensor& x);

class DecoderAttentionImpl : public torch::nn::Module
{
public:
    DecoderAttentionImpl(int64_t dim, int64_t numHeads, int64_t downsampleRate = 1);
    torch::Tensor forward(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);

    torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};

private:
    int64_t m_heads;
};
TORCH_MODULE(DecoderAttention);

class TwoWayBlockImpl : public torch::nn::Module
{
public:
    TwoWayBlockImpl(int64_t dim, int64_t numHeads, int64_t mlpDim, bool skipFirstLayerPe);
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor queries, torch::Tensor keys,
                                                    const torch::Tensor& queryPe, const torch::Tensor& keyPe);

    DecoderAttention self_attn{nullptr}, cross_attn_token_to_image{nullptr}, cross_attn_image_to_token{nullptr};
    MixedLayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr}, norm4{nullptr};
    MLPBlock mlp{nullptr};

private:
    bool m_skipFirstLayerPe;
};
TORCH_MODULE(TwoWayBlock);

class TwoWayTransformerImpl : public torch::nn::Module
{
public:
    TwoWayTransformerImpl(int64_t depth, int64_t dim, int64_t numHeads, int64_t mlpDim);
    // image: B x C x H x W, imagePe: same, tokens: B x N x C -> (tokens', image' as contiguous B x HW x C)
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& image, const torch::Tensor& imagePe,
                                                    const torch::Tensor& tokens);

    torch::nn::ModuleList layers{nullptr};
    DecoderAttention final_attn_token_to_image{nullptr};
    MixedLayerNorm norm_final_attn{nullptr};
};
TORCH_MODULE(TwoWayTransformer);

} // namespace samsp::model
