#include "encoder.h"

#include "checkpoint.h"
#include "errors.h"
#include "image_encoder.h"
#include "tiny_vit.h"

#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

void ImageEncoderBaseImpl::setFrozenExceptLora(bool frozen)
{
    for (auto& p : named_parameters(true))
        p.value().set_requires_grad(!frozen || p.key().find("lora_") != std::string::npos);
}

at::ScalarType ImageEncoderBaseImpl::dtype() const
{
    const auto ps = parameters(true);
    return ps.empty() ? at::kFloat : ps.front().scalar_type();
}

namespace {

// SAM's ViT: pos_embed gives the grid and width, blocks the depth, rel-pos tables
// which blocks are global.
bool detectVit(const Checkpoint& ck, SamConfig& c)
{
    const at::Tensor* pos = ck.find("image_encoder.pos_embed");
    const at::Tensor* patch = ck.find("image_encoder.patch_embed.proj.weight");
    if (!pos || pos->dim() != 4 || !patch || patch->dim() != 4) return false;
    c.encoder = "vit";
    c.embedDim = pos->size(3);
    c.patchSize = patch->size(2);
    c.imageSize = pos->size(1) * c.patchSize;
    int64_t depth = 0;
    while (ck.find("image_encoder.blocks." + std::to_string(depth) + ".attn.qkv.weight")) ++depth;
    if (depth == 0) throw CheckpointError("checkpoint holds no image encoder blocks");
    c.depth = depth;
    c.globalAttnIndexes.clear();
    const int64_t windowLen = 2 * c.windowSize - 1;
    for (int64_t i = 0; i < depth; ++i) {
        const at::Tensor* rp = ck.find("image_encoder.blocks." + std::to_string(i) + ".attn.rel_pos_h");
        if (!rp || rp->dim() != 2) throw CheckpointError("checkpoint block " + std::to_string(i) + " has no rel_pos_h");
        if (i == 0) c.numHeads = c.embedDim / rp->size(1);
        if (rp->size(0) != windowLen) c.globalAttnIndexes.push_back(i);
    }
    if (const at::Tensor* lin1 = ck.find("image_encoder.blocks.0.mlp.lin1.weight"))
        c.mlpRatio = double(lin1->size(0)) / double(c.embedDim);
    if (const at::Tensor* la = ck.find("image_encoder.blocks.0.attn.lora_a_q")) c.loraRank = la->size(0);
    c.adapter = ck.find("image_encoder.blocks.0.Adapter.norm.weight") != nullptr;
    return true;
}

// MobileSAM's TinyViT: stage widths from the first block of each stage, depths by
// counting blocks, heads and windows from the attention-bias tables (heads x w^2).
// The input size is not in the tensors (no position embedding): 1024, as MobileSAM.
bool detectTinyVit(const Checkpoint& ck, SamConfig& c)
{
    if (!ck.find("image_encoder.patch_embed.seq.0.c.weight")) return false;
    c.encoder = "tiny_vit";
    c.imageSize = 1024;
    c.patchSize = 16;
    c.tvEmbedDims.clear(), c.tvDepths.clear(), c.tvNumHeads.clear(), c.tvWindowSizes.clear();
    for (int stage = 0;; ++stage) {
        const std::string pre = "image_encoder.layers." + std::to_string(stage) + ".blocks.";
        int64_t depth = 0;
        while (ck.find(pre + std::to_string(depth) + (stage == 0 ? ".conv1.c.weight" : ".attn.qkv.weight"))) ++depth;
        if (depth == 0) break;
        c.tvDepths.push_back(depth);
        if (stage == 0) {
            const at::Tensor* w = ck.find(pre + "0.conv1.c.weight"); // hidden x dim x 1 x 1
            c.tvEmbedDims.push_back(w->size(1));
            c.tvNumHeads.push_back(1); // unused by the convolutional stage
            c.tvWindowSizes.push_back(7);
            continue;
        }
        const at::Tensor* norm = ck.find(pre + "0.attn.norm.weight");
        const at::Tensor* bias = ck.find(pre + "0.attn.attention_biases");
        if (!norm || !bias || bias->dim() != 2)
            throw CheckpointError("TinyViT stage " + std::to_string(stage) + " lacks attn.norm / attention_biases");
        c.tvEmbedDims.push_back(norm->size(0));
        c.tvNumHeads.push_back(bias->size(0));
        const auto w = static_cast<int64_t>(std::lround(std::sqrt(double(bias->size(1)))));
        if (w * w != bias->size(1))
            throw CheckpointError("TinyViT stage " + std::to_string(stage) + ": " + std::to_string(bias->size(1)) +
                                  " attention offsets is not a square window");
        c.tvWindowSizes.push_back(w);
        if (const at::Tensor* fc1 = ck.find(pre + "0.mlp.fc1.weight")) c.mlpRatio = double(fc1->size(0)) / double(norm->size(0));
    }
    if (c.tvDepths.empty()) throw CheckpointError("TinyViT checkpoint holds no stages");
    c.loraRank = 0;
    c.adapter = false;
    c.detailFusion = ck.find("mask_decoder.detail_proj.weight") != nullptr;
    return true;
}

} // namespace

const std::vector<EncoderKind>& encoderKinds()
{
    static const std::vector<EncoderKind> kinds{
        {"vit", [](const SamConfig& c) -> std::shared_ptr<ImageEncoderBaseImpl> { return std::make_shared<ImageEncoderImpl>(c); },
         detectVit},
        {"tiny_vit", [](const SamConfig& c) -> std::shared_ptr<ImageEncoderBaseImpl> { return std::make_shared<TinyViTImpl>(c); },
         detectTinyVit},
    };
    return kinds;
}

const EncoderKind& encoderKind(const std::string& name)
{
    for (const auto& k : encoderKinds())
        if (k.name == name) return k;
    throw ModelError("unknown image encoder '" + name + "'");
}

std::shared_ptr<ImageEncoderBaseImpl> makeImageEncoder(const SamConfig& cfg) { return encoderKind(cfg.encoder).make(cfg); }

} // namespace samsp::model
