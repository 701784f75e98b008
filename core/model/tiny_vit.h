#pragma once
// MobileSAM's image encoder: TinyViT as the public MobileSAM code defines it
// (mobile_sam/modeling/tiny_vit_sam.py), with its tensor names, so the official
// `mobile_sam.pt` loads as is.
//
//   patch_embed: two 3x3 stride-2 Conv2d+BN with GELU between (S -> S/4)
//   layers.0:    MBConv blocks (1x1 expand x4, 3x3 depthwise, 1x1 project; residual)
//   layers.1..3: TinyViT blocks (windowed attention with learned per-offset biases,
//                3x3 depthwise "local conv", MLP); each of layers 0..2 ends with a
//                patch merging (1x1, 3x3 depthwise stride 2, 1x1)
//   neck:        as SAM's (1x1 conv, LayerNorm2d, 3x3 conv, LayerNorm2d) -> 256 ch
//
// The reference's quirks are kept: a patch merging whose output width is 320, 448
// or 576 uses stride 1 (so the last stage stays at S/16: a 64 x 64 grid at 1024);
// attention biases are gathered through an offset-index table that is not in the
// state dict; norm_head/head (an unused ImageNet classifier) are part of it.
// Unlike the reference, the output grid follows the input size (S/16 for any S
// that is a multiple of 64) instead of a hard-coded 64 x 64.
//
// LoRA does not apply (its qkv interleaves q, k, v per head and the encoder is
// small): fine-tuning trains it fully. BatchNorm uses running statistics in eval
// mode, and keeps them fixed while the encoder is frozen.

#include "encoder.h"
#include "layers.h"

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace samsp::model {

// "c" (Conv2d without bias) + "bn" (BatchNorm2d).
class ConvBnImpl : public torch::nn::Module
{
public:
    ConvBnImpl(int64_t in, int64_t out, int64_t kernel = 1, int64_t stride = 1, int64_t pad = 0, int64_t groups = 1);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d c{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};

private:
    int64_t m_stride, m_pad, m_groups;
};
TORCH_MODULE(ConvBn);

class TinyAttentionImpl : public torch::nn::Module
{
public:
    TinyAttentionImpl(int64_t dim, int64_t numHeads, int64_t window);
    torch::Tensor forward(const torch::Tensor& x); // B x N x C, N = window^2

    MixedLayerNorm norm{nullptr};
    torch::nn::Linear qkv{nullptr}, proj{nullptr};
    torch::Tensor attention_biases; // heads x distinct offsets

private:
    torch::Tensor m_biasIndex; // N x N offset indices (not in the state dict, as in the reference)
    int64_t m_heads, m_keyDim;
    double m_scale;
};
TORCH_MODULE(TinyAttention);

class TinyMlpImpl : public torch::nn::Module
{
public:
    TinyMlpImpl(int64_t dim, int64_t hidden);
    torch::Tensor forward(const torch::Tensor& x);

    MixedLayerNorm norm{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(TinyMlp);

// One TinyViT stage's building blocks. `forward` takes and returns the stage's
// layout: NCHW for the convolutional stage, B x L x C tokens for the others.
class MBConvImpl : public torch::nn::Module
{
public:
    MBConvImpl(int64_t dim, double expand);
    torch::Tensor forward(const torch::Tensor& x);
    ConvBn conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
};
TORCH_MODULE(MBConv);

class TinyViTBlockImpl : public torch::nn::Module
{
public:
    TinyViTBlockImpl(int64_t dim, int64_t side, int64_t numHeads, int64_t window, double mlpRatio, int64_t localConv);
    torch::Tensor forward(const torch::Tensor& x);

    TinyAttention attn{nullptr};
    TinyMlp mlp{nullptr};
    ConvBn local_conv{nullptr};

private:
    int64_t m_side, m_window;
};
TORCH_MODULE(TinyViTBlock);

class PatchMergingImpl : public torch::nn::Module
{
public:
    PatchMergingImpl(int64_t side, int64_t dim, int64_t outDim);
    torch::Tensor forward(const torch::Tensor& x); // NCHW or B x L x C in, B x L' x C' out
    int64_t stride() const { return m_stride; }

    ConvBn conv1{nullptr}, conv2{nullptr}, conv3{nullptr};

private:
    int64_t m_side, m_stride;
};
TORCH_MODULE(PatchMerging);

// The reference's stride rule for a patch merging into `outDim` channels.
int64_t tinyVitMergeStride(int64_t outDim);

class TinyViTImpl : public ImageEncoderBaseImpl
{
public:
    explicit TinyViTImpl(const SamConfig& cfg);
    torch::Tensor forward(const torch::Tensor& x) override;
    // `detail`: the first (convolutional) stage's output before its patch merging, S/4.
    torch::Tensor forwardWithDetail(const torch::Tensor& x, torch::Tensor& detail) override;
    void setFrozenExceptLora(bool frozen) override;
    void train(bool on = true) override;

    torch::nn::Sequential patchSeq{nullptr}; // "patch_embed.seq"
    torch::nn::ModuleList layers{nullptr};
    MixedLayerNorm norm_head{nullptr};
    torch::nn::Linear head{nullptr};
    torch::nn::Sequential neck{nullptr};

private:
    torch::Tensor forwardImpl(const torch::Tensor& x, torch::Tensor* detail);
    SamConfig m_cfg;
    bool m_frozen = false;
};

} // namespace samsp::model
