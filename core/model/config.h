#pragma once
// SAM architecture settings and the registry of known variants
// (vit_b / vit_l / vit_h as published, or any custom size from JSON).

#include <cstdint>
#include <string>
#include <vector>

namespace samsp::model {

struct SamConfig
{
    std::string variant = "vit_b";
    // The image encoder's kind (encoder.h's registry): "vit" (SAM's ViT, the fields
    // embedDim .. adapter below) or "tiny_vit" (MobileSAM's TinyViT, the tv* fields).
    std::string encoder = "vit";
    int64_t embedDim = 768;
    int64_t depth = 12;
    int64_t numHeads = 12;
    std::vector<int64_t> globalAttnIndexes{2, 5, 8, 11};
    // Side of the square model input. 1024 for official checkpoints; smaller sizes
    // interpolate pos_embed and the global blocks' rel-pos tables at load time.
    int64_t imageSize = 1024;
    int64_t patchSize = 16;
    int64_t windowSize = 14;
    int64_t outChans = 256;     // neck output = prompt embedding dim
    double mlpRatio = 4.0;
    int64_t loraRank = 0;       // 0: no LoRA parameters
    // SAM-Med2D's per-block adapter (blocks.N.Adapter.*): channel attention + strided
    // conv/transposed conv, added beside the MLP. Detected from checkpoint tensor names.
    bool adapter = false;

    // TinyViT (encoder "tiny_vit"): four stages, the first convolutional (MBConv).
    // MobileSAM's vit_t: 64/128/160/320, 2/2/6/2, 2/4/5/10, 7/7/14/7.
    std::vector<int64_t> tvEmbedDims{64, 128, 160, 320};
    std::vector<int64_t> tvDepths{2, 2, 6, 2};
    std::vector<int64_t> tvNumHeads{2, 4, 5, 10};
    std::vector<int64_t> tvWindowSizes{7, 7, 14, 7};

    // Detail fusion (TinyViT only): the mask decoder adds the encoder's stride-4
    // features (the first stage, S/4 x S/4), projected by a zero-initialised 1x1 conv
    // to outChans/8 channels, to its upscaled embedding before the last GELU, so the
    // mask's own S/4 grid sees image detail finer than the S/16 tokens (as SAM-HQ
    // fuses early ViT features). Off: SAM's decoder, unchanged. "detail_fusion" in JSON.
    bool detailFusion = false;

    bool isTinyViT() const { return encoder == "tiny_vit"; }

    // The embedding grid: S / 16 for both encoders (patchSize is TinyViT's total stride).
    int64_t embeddingSize() const { return imageSize / patchSize; } // 64 at 1024
    int64_t lowResSize() const { return embeddingSize() * 4; }      // 256 at 1024

    // Throws ModelError naming the bad field.
    void validate() const;
};

// "vit_b", "vit_l", "vit_h", "tiny" (the test config), "vit_t" (MobileSAM's TinyViT).
// Throws ModelError for others.
SamConfig samConfigForVariant(const std::string& name);
std::vector<std::string> knownVariants();

// Reads {"embed_dim":..,"depth":..,"num_heads":..,"global_attn_indexes":[..],"image_size":..}
// plus optional "variant", "patch_size", "window_size", "out_chans", "lora_rank" (ViT), or
// {"encoder":"tiny_vit","embed_dims":[..],"depths":[..],"num_heads":[..],"window_sizes":[..]}
// (TinyViT; "embed_dims" alone also means TinyViT, as MobileSAM's configs are written).
SamConfig samConfigFromJson(const std::string& text);
std::string samConfigToJson(const SamConfig& cfg);

} // namespace samsp::model
