#include "layers.h"

#include <torch/nn/functional/activation.h>
#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

torch::Tensor gelu(const torch::Tensor& x)
{
    if (!torch::GradMode::is_enabled() || !x.requires_grad()) return torch::gelu(x);
    return 0.5 * x * (1.0 + torch::erf(x * M_SQRT1_2));
}

LayerNorm2dImpl::LayerNorm2dImpl(int64_t channels, double eps) : m_eps(eps)
{
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

torch::Tensor LayerNorm2dImpl::forward(const torch::Tensor& x)
{
    // Same arithmetic as the reference (mean, biased variance over C), so results match bit-closely.
    auto u = x.mean(1, true);
    auto d = x - u;
    auto s = d.pow(2).mean(1, true);
    auto y = d / torch::sqrt(s + m_eps);
    return weight.view({1, -1, 1, 1}) * y + bias.view({1, -1, 1, 1});
}

torch::Tensor LayerNorm2dImpl::forwardChannelsLast(const torch::Tensor& x) const
{
    // As forward(): an input of another precision is normalised in the weight's.
    return torch::layer_norm(x.to(weight.scalar_type()), {weight.size(0)}, weight, bias, m_eps);
}

MLPBlockImpl::MLPBlockImpl(int64_t dim, int64_t hidden, bool gelu) : m_gelu(gelu)
{
    lin1 = register_module("lin1", torch::nn::Linear(dim, hidden));
    lin2 = register_module("lin2", torch::nn::Linear(hidden, dim));
}

torch::Tensor MLPBlockImpl::forward(const torch::Tensor& x)
{
    auto h = lin1->forward(x);
    h = m_gelu ? samsp::model::gelu(h) : torch::relu(h);
    return lin2->forward(h);
}

MLPImpl::MLPImpl(int64_t in, int64_t hidden, int64_t out, int64_t numLayers, bool sigmoidOutput)
    : m_sigmoid(sigmoidOutput)
{
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < numLayers; ++i) {
        int64_t a = i == 0 ? in : hidden;
        int64_t b = i == numLayers - 1 ? out : hidden;
        layers->push_back(torch::nn::Linear(a, b));
    }
}

torch::Tensor MLPImpl::forward(torch::Tensor x)
{
    const size_t n = layers->size();
    for (size_t i = 0; i < n; ++i) {
        x = layers[i]->as<torch::nn::Linear>()->forward(x);
        if (i + 1 < n) x = torch::relu(x);
    }
    return m_sigmoid ? torch::sigmoid(x) : x;
}

} // namespace samsp::model
