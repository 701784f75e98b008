#pragma once
// The assembled Segment Anything model (image encoder + prompt encoder + mask
// decoder) and everything about its weights: strict loading with one clear
// error, image-size adaptation (pos_embed / global rel-pos interpolation),
// config inference from a checkpoint, LoRA merge/unmerge.

#include "checkpoint.h"
#include "config.h"
#include "image_encoder.h"
#include "mask_decoder.h"
#include "prompt_encoder.h"

namespace samsp::model {

class SamImpl : public torch::nn::Module
{
public:
    explicit SamImpl(const SamConfig& cfg);

    // Copies `tensors` into the model. Missing, unexpected and wrongly shaped tensors
    // are all listed in one CheckpointError. LoRA and detail-fusion tensors may be absent
    // (fresh LoRA; a zero detail projection, as a model gaining detail fusion starts).
    // pos_embed and global-attention rel-pos tables of another image size are interpolated.
    void loadStateDict(const NamedTensors& tensors, const std::string& label);
    NamedTensors stateDict() const;
    // Parameters SAM-SP trains: LoRA, prompt encoder, mask decoder.
    std::vector<torch::Tensor> trainableParameters() const;
    void setEncoderFrozenExceptLora();

    void mergeLora();
    void unmergeLora();

    const SamConfig& config() const { return m_cfg; }

    // The image encoder behind the seam (encoder.h): SAM's ViT or MobileSAM's TinyViT.
    std::shared_ptr<ImageEncoderBaseImpl> image_encoder;
    // The ViT encoder, or nullptr for another kind (pos_embed, blocks, LoRA tables).
    ImageEncoderImpl* vit() const;
    PromptEncoder prompt_encoder{nullptr};
    MaskDecoder mask_decoder{nullptr};

private:
    SamConfig m_cfg;
};
TORCH_MODULE(Sam);

// Works out the architecture from tensor shapes (embed dim, depth, heads, global
// blocks, image size, LoRA rank), or from "samsp.config" metadata when present.
SamConfig inferConfig(const Checkpoint& ck);

// Writes the checkpoint `in` (.pth or .safetensors) again as .safetensors at `out`, tensor
// names, configuration and training record ("samsp.*" metadata) unchanged; with `fp16`
// floating tensors are stored as half floats (half the size). A source without
// "samsp.config" gets the configuration inferred from its tensors. Refuses a file that is
// no SAM checkpoint (CheckpointError) and writes atomically.
struct ConvertedCheckpoint
{
    SamConfig config;
    int64_t values = 0;     // numbers in all tensors
    uintmax_t bytes = 0;    // size of the written file
};
ConvertedCheckpoint convertCheckpoint(const std::filesystem::path& in, const std::filesystem::path& out, bool fp16);

// Pixel normalisation constants of SAM (RGB, 0..255 scale).
inline constexpr float kPixelMean[3] = {123.675f, 116.28f, 103.53f};
inline constexpr float kPixelStd[3] = {58.395f, 57.12f, 57.375f};

} // namespace samsp::model
