#include "mask_decoder.h"

#include <torch/torch.h>

namespace samsp::model {

namespace {
// ConvTranspose2d with kernel = stride = 2 is one matrix product followed by a
// pixel shuffle: out[b, co, 2i+u, 2j+v] = sum_ci x[b, ci, i, j] W[ci, co, u, v] + bias[co].
// Same arithmetic as the convolution, but LibTorch 1.13's CPU transposed
// convolution is several times slower than the GEMM.
torch::Tensor convTranspose2x2(const torch::Tensor& x, const torch::nn::ConvTranspose2dImpl& conv)
{
    const auto& w = conv.weight; // Cin x Cout x 2 x 2
    const int64_t B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), Co = w.size(1);
    auto y = torch::mm(x.permute({0, 2, 3, 1}).contiguous().view({B * H * W, C}), w.reshape({C, Co * 4}));
    y = y.view({B, H, W, Co, 2, 2}).permute({0, 3, 1, 4, 2, 5}).contiguous().view({B, Co, 2 * H, 2 * W});
    return y + conv.bias.view({1, Co, 1, 1});
}
} // namespace

MaskDecoderImpl::MaskDecoderImpl(const SamConfig& cfg)
{
    const int64_t d = cfg.outChans;
    transformer = register_module("transformer", TwoWayTransformer(2, d, 8, 2048));
    iou_token = register_module("iou_token", torch::nn::Embedding(1, d));
    mask_tokens = register_module("mask_tokens", torch::nn::Embedding(m_numMaskTokens, d));
    using CT = torch::nn::ConvTranspose2dOptions;
    output_upscaling = register_module(
        "output_upscaling", torch::nn::Sequential(torch::nn::ConvTranspose2d(CT(d, d / 4, 2).stride(2)), LayerNorm2d(d / 4),
                                                  Gelu(), torch::nn::ConvTranspose2d(CT(d / 4, d / 8, 2).stride(2)),
                                                  Gelu()));
    output_hypernetworks_mlps = register_module("output_hypernetworks_mlps", torch::nn::ModuleList());
    for (int64_t i = 0; i < m_numMaskTokens; ++i) output_hypernetworks_mlps->push_back(MLP(d, d, d / 8, 3));
    iou_prediction_head = register_module("iou_prediction_head", MLP(d, 256, m_numMaskTokens, 3));
}

DecoderOutput MaskDecoderImpl::forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                                       const torch::Tensor& sparse, const torch::Tensor& dense, bool multimask)
{
    const int64_t B = sparse.size(0);
    auto outputTokens = torch::cat({iou_token->weight, mask_tokens->weight}, 0).unsqueeze(0).expand({B, -1, -1});
    auto tokens = torch::cat({outputTokens, sparse.to(outputTokens.dtype())}, 1);

    // One embedding per prompt set (SAM repeats the image embedding per prompt).
    auto src = imageEmbeddings.size(0) == B ? imageEmbeddings : imageEmbeddings.expand({B, -1, -1, -1});
    src = src + dense;
    auto posSrc = imagePe.expand({B, -1, -1, -1});
    const int64_t c = src.size(1), h = src.size(2), w = src.size(3);

    auto [hs, keys] = transformer->forward(src, posSrc, tokens);
    auto iouTokenOut = hs.select(1, 0);
    auto maskTokensOut = hs.slice(1, 1, 1 + m_numMaskTokens);

    // output_upscaling: ConvT(2x2) -> LayerNorm2d -> GELU -> ConvT(2x2) -> GELU
    const auto& up0 = *output_upscaling[0]->as<torch::nn::ConvTranspose2dImpl>();
    const auto& up3 = *output_upscaling[3]->as<torch::nn::ConvTranspose2dImpl>();
    auto upscaled = convTranspose2x2(keys.transpose(1, 2).contiguous().view({B, c, h, w}), up0);
    upscaled = samsp::model::gelu(output_upscaling[1]->as<LayerNorm2dImpl>()->forward(upscaled));
    upscaled = samsp::model::gelu(convTranspose2x2(upscaled, up3));

    // Only the mask tokens that are returned (token 0 single-mask, 1..3 multimask): the
    // same numbers as computing all four and slicing, less work, and it avoids a
    // LibTorch 1.13 CPU backward that read garbage through the slice of a batched
    // matmul (gradients differed run to run; see tests/model/test_train.cpp).
    const int64_t first = multimask ? 1 : 0, count = multimask ? m_numMaskTokens - 1 : 1;
    std::vector<torch::Tensor> hyper;
    for (int64_t i = first; i < first + count; ++i)
        hyper.push_back(output_hypernetworks_mlps[static_cast<size_t>(i)]->as<MLPImpl>()->forward(maskTokensOut.select(1, i)));
    auto hyperIn = torch::stack(hyper, 1);
    const int64_t uc = upscaled.size(1), uh = upscaled.size(2), uw = upscaled.size(3);
    DecoderOutput out;
    out.lowResLogits = torch::matmul(hyperIn, upscaled.view({B, uc, uh * uw})).view({B, count, uh, uw});
    out.iouPredictions = iou_prediction_head->forward(iouTokenOut).slice(1, first, first + count);
    return out;
}

} // namespace samsp::model
