#include "mask_decoder.h"

#include <torch/torch.h>

namespace samsp::model {

namespace {
// A ConvTranspose2d with kernel = stride = 2 maps each input pixel to its own
// 2 x 2 output block, so output_upscaling (ConvT, LayerNorm2d, GELU, ConvT, GELU)
// works pixel by pixel: one matrix product per ConvT on channels-last rows, with
// the weight's columns ordered (u, v, c_out) so that every row of the result is
// again one output pixel with its channels contiguous. Nothing is transposed until
// the final, small mask. LibTorch 1.13's CPU transposed convolution, and the
// NCHW <-> NHWC copies around a plain GEMM, cost more than the GEMMs themselves.
// rows: N x Cin -> (N * 4) x Cout, row order (n, u, v).
torch::Tensor convTranspose2x2Rows(const torch::Tensor& rows, const torch::nn::ConvTranspose2dImpl& conv)
{
    const auto& w = conv.weight; // Cin x Cout x 2 x 2
    const int64_t Cin = w.size(0), Cout = w.size(1);
    auto wRows = w.permute({0, 2, 3, 1}).reshape({Cin, 4 * Cout});
    auto y = torch::addmm(conv.bias.repeat({4}), rows, wRows);
    return y.view({-1, Cout});
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
    if (cfg.detailFusion) {
        // Zero-initialised: a decoder that gains detail fusion computes what it did without
        // it until training moves these weights.
        detail_proj = register_module("detail_proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(cfg.tvEmbedDims[0], d / 8, 1)));
        torch::NoGradGuard ng;
        detail_proj->weight.zero_();
        detail_proj->bias.zero_();
    }
}

torch::Tensor MaskDecoderImpl::projectDetail(const torch::Tensor& encoderDetail)
{
    if (!hasDetailFusion()) return {};
    TORCH_CHECK(encoderDetail.defined() && encoderDetail.dim() == 4, "detail fusion needs the encoder's stride-4 features");
    return detail_proj->forward(encoderDetail.to(detail_proj->weight.scalar_type()));
}

DecoderOutput MaskDecoderImpl::forward(const torch::Tensor& imageEmbeddings, const torch::Tensor& imagePe,
                                       const torch::Tensor& sparse, const torch::Tensor& dense, bool multimask,
                                       const torch::Tensor& detail)
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

    // output_upscaling: ConvT(2x2) -> LayerNorm2d -> GELU -> ConvT(2x2) -> GELU, per pixel
    // (see convTranspose2x2Rows). Row order after both: (b, i, j, u1, v1, u2, v2).
    const auto& up0 = *output_upscaling[0]->as<torch::nn::ConvTranspose2dImpl>();
    const auto& ln = *output_upscaling[1]->as<LayerNorm2dImpl>();
    const auto& up3 = *output_upscaling[3]->as<torch::nn::ConvTranspose2dImpl>();
    auto rows = convTranspose2x2Rows(keys.reshape({B * h * w, c}), up0);
    rows = samsp::model::gelu(ln.forwardChannelsLast(rows));
    rows = convTranspose2x2Rows(rows, up3);
    const int64_t uc = rows.size(1);
    if (hasDetailFusion()) {
        TORCH_CHECK(detail.defined() && detail.dim() == 4 && detail.size(1) == uc && detail.size(2) == 4 * h &&
                        detail.size(3) == 4 * w && (detail.size(0) == 1 || detail.size(0) == B),
                    "detail fusion: the detail features must be 1 or ", B, " x ", uc, " x ", 4 * h, " x ", 4 * w);
        // NCHW pixel (4i+2u1+u2, 4j+2v1+v2) into the rows' order (b, i, j, u1, v1, u2, v2).
        auto dr = detail.to(rows.scalar_type()).view({detail.size(0), uc, h, 2, 2, w, 2, 2}).permute({0, 2, 5, 3, 6, 4, 7, 1});
        rows = (rows.view({B, h * w * 16, uc}) + dr.reshape({detail.size(0), h * w * 16, uc})).view({-1, uc});
    }
    rows = samsp::model::gelu(rows);

    // Only the mask tokens that are returned (token 0 single-mask, 1..3 multimask): the
    // same numbers as computing all four and slicing, less work, and it avoids a
    // LibTorch 1.13 CPU backward that read garbage through the slice of a batched
    // matmul (gradients differed run to run; see tests/model/test_train.cpp).
    const int64_t first = multimask ? 1 : 0, count = multimask ? m_numMaskTokens - 1 : 1;
    std::vector<torch::Tensor> hyper;
    for (int64_t i = first; i < first + count; ++i)
        hyper.push_back(output_hypernetworks_mlps[static_cast<size_t>(i)]->as<MLPImpl>()->forward(maskTokensOut.select(1, i)));
    auto hyperIn = torch::stack(hyper, 1); // B x count x uc
    // (B x 16hw x uc) @ (B x uc x count), then the pixels into place: row 4i+2u1+u2, column 4j+2v1+v2.
    auto m = torch::matmul(rows.view({B, h * w * 16, uc}), hyperIn.transpose(1, 2));
    m = m.view({B, h, w, 2, 2, 2, 2, count}).permute({0, 7, 1, 3, 5, 2, 4, 6});
    DecoderOutput out;
    out.lowResLogits = m.reshape({B, count, 4 * h, 4 * w});
    out.iouPredictions = iou_prediction_head->forward(iouTokenOut).slice(1, first, first + count);
    return out;
}

} // namespace samsp::model
