#pragma once
// SAM's ViT image encoder: patch embedding, absolute position embedding,
// transformer blocks with windowed or global attention and decomposed relative
// position bias, and a convolutional neck to `outChans` channels.
//
// Input:  N x 3 x S x S float, normalised with SAM's pixel mean/std, S = imageSize.
// Output: N x outChans x S/16 x S/16 float (the image embedding).
//
// LoRA (SAM-SP): on every block's attn.qkv, for its q and v parts:
// q += B_q A_q x, v += B_v A_v x with rank r; A kaiming-uniform, B zero.

#include "config.h"
#include "encoder.h"
#include "layers.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

namespace samsp::model {

class EncoderAttentionImpl : public torch::nn::Module
{
public:
    EncoderAttentionImpl(int64_t dim, int64_t numHeads, int64_t relPosSize, int64_t loraRank);
    // x: B x H x W x C
    torch::Tensor forward(const torch::Tensor& x);

    void mergeLora();   // folds B A into qkv.weight; LoRA then contributes nothing
    void unmergeLora(); // the inverse
    bool loraMerged() const { return m_merged; }

    torch::nn::Linear qkv{nullptr}, proj{nullptr};
    torch::Tensor rel_pos_h, rel_pos_w;
    torch::Tensor lora_a_q, lora_b_q, lora_a_v, lora_b_v; // undefined without LoRA

private:
    torch::Tensor loraDelta(bool sign) const;
    int64_t m_heads, m_dim;
    double m_scale;
    bool m_merged = false;
};
TORCH_MODULE(EncoderAttention);

// SAM-Med2D's adapter on a block's normalised input (B x H x W x C in and out):
// channel attention (mean over H, W -> MLP -> sigmoid) scales the features, a
// stride-2 3x3 conv and a 4x4 stride-2 transposed conv add a spatial path, and a
// LayerNorm closes it.
class BlockAdapterImpl : public torch::nn::Module
{
public:
    explicit BlockAdapterImpl(int64_t dim, double ratio = 0.25);
    torch::Tensor forward(const torch::Tensor& x);

    MixedLayerNorm norm{nullptr};
    torch::nn::Sequential channel{nullptr}, spatial{nullptr};
};
TORCH_MODULE(BlockAdapter);

class EncoderBlockImpl : public torch::nn::Module
{
public:
    EncoderBlockImpl(int64_t dim, int64_t numHeads, double mlpRatio, int64_t windowSize, int64_t inputSize,
                     int64_t loraRank, bool adapter);
    torch::Tensor forward(const torch::Tensor& x);

    MixedLayerNorm norm1{nullptr}, norm2{nullptr};
    EncoderAttention attn{nullptr};
    MLPBlock mlp{nullptr};
    BlockAdapter adapter{nullptr}; // "Adapter" (SAM-Med2D), null otherwise
    int64_t windowSize() const { return m_window; }

private:
    int64_t m_window;
};
TORCH_MODULE(EncoderBlock);

class ImageEncoderImpl : public ImageEncoderBaseImpl
{
public:
    explicit ImageEncoderImpl(const SamConfig& cfg);
    torch::Tensor forward(const torch::Tensor& x) override;
    bool supportsLora() const override { return m_cfg.loraRank > 0; }
    void mergeLora() override;
    void unmergeLora() override;

    torch::nn::Conv2d patchEmbed{nullptr}; // "patch_embed.proj"
    torch::Tensor pos_embed;               // 1 x E x E x C
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::Sequential neck{nullptr};

    std::vector<EncoderBlock> blockList() const;

private:
    SamConfig m_cfg;
};
TORCH_MODULE(ImageEncoder);

// Reference helpers, exposed for tests.
// Relative positions for q_size x k_size, interpolating `relPos` linearly when its length differs.
torch::Tensor getRelPos(int64_t qSize, int64_t kSize, const torch::Tensor& relPos);

} // namespace samsp::model
