#pragma once
// Small building blocks shared by SAM's encoder and decoder.
// Tensor names follow segment-anything exactly so official state dicts load.

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

namespace samsp::model {

// Exact (erf) GELU. For inference it is LibTorch's fused kernel; while autograd
// records it is written out as 0.5 x (1 + erf(x / sqrt 2)), because Debian's
// LibTorch 1.13 CPU gelu backward returns garbage for a non-contiguous incoming
// gradient (found by tests/model/test_train.cpp: gradients differed run to run).
torch::Tensor gelu(const torch::Tensor& x);

class GeluImpl : public torch::nn::Module
{
public:
    torch::Tensor forward(const torch::Tensor& x) { return samsp::model::gelu(x); }
};
TORCH_MODULE(Gelu);

// torch::nn::LayerNorm that also takes an input of another floating type than its
// weights (bf16 activations under mixed-precision training, fp32 weights): the input
// is converted to the weights' type, as LibTorch's CPU kernel needs matching types.
class MixedLayerNormImpl : public torch::nn::LayerNormImpl
{
public:
    using torch::nn::LayerNormImpl::LayerNormImpl;
    torch::Tensor forward(const torch::Tensor& x)
    {
        if (weight.defined() && x.scalar_type() != weight.scalar_type())
            return torch::nn::LayerNormImpl::forward(x.to(weight.scalar_type()));
        return torch::nn::LayerNormImpl::forward(x);
    }
};
TORCH_MODULE(MixedLayerNorm);

// LayerNorm over the channel axis of an NCHW tensor (weight/bias per channel).
class LayerNorm2dImpl : public torch::nn::Module
{
public:
    explicit LayerNorm2dImpl(int64_t channels, double eps = 1e-6);
    torch::Tensor forward(const torch::Tensor& x);
    // The same normalisation on rows that hold one pixel's channels (... x C).
    torch::Tensor forwardChannelsLast(const torch::Tensor& x) const;

    torch::Tensor weight, bias;

private:
    double m_eps;
};
TORCH_MODULE(LayerNorm2d);

// Transformer feed-forward: lin1 -> activation -> lin2 (GELU in the encoder, ReLU in the decoder).
class MLPBlockImpl : public torch::nn::Module
{
public:
    MLPBlockImpl(int64_t dim, int64_t hidden, bool gelu);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear lin1{nullptr}, lin2{nullptr};

private:
    bool m_gelu;
};
TORCH_MODULE(MLPBlock);

// The decoder's small MLP (layers.0..n-1, ReLU between), optional sigmoid output.
class MLPImpl : public torch::nn::Module
{
public:
    MLPImpl(int64_t in, int64_t hidden, int64_t out, int64_t numLayers, bool sigmoidOutput = false);
    torch::Tensor forward(torch::Tensor x);

    torch::nn::ModuleList layers{nullptr};

private:
    bool m_sigmoid;
};
TORCH_MODULE(MLP);

} // namespace samsp::model
