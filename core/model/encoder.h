#pragma once
// The image-encoder seam. Everything downstream of the encoder (prompt encoder,
// mask decoder, SAM-SP, the embedding cache, training) sees only this interface:
// N x 3 x S x S normalised input -> N x outChans x S/16 x S/16 embedding.
//
// Adding an encoder: one file (a class deriving from ImageEncoderBaseImpl, its
// tensor names as the reference's state dict has them) plus one line in the
// registry in encoder.cpp; SamConfig::encoder names it, inferConfig recognises its
// tensors through EncoderKind::detect.

#include "config.h"

#include <torch/nn/module.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace samsp::model {

struct Checkpoint;

class ImageEncoderBaseImpl : public torch::nn::Module
{
public:
    ~ImageEncoderBaseImpl() override = default;
    virtual torch::Tensor forward(const torch::Tensor& x) = 0;
    // The embedding, and in `detail` the encoder's stride-4 features (N x C0 x S/4 x S/4)
    // for the decoder's detail fusion (config.h). An encoder without such a stage leaves
    // `detail` undefined (the default).
    virtual torch::Tensor forwardWithDetail(const torch::Tensor& x, torch::Tensor& detail)
    {
        detail = torch::Tensor();
        return forward(x);
    }

    // LoRA (SAM-SP's parameter-efficient fine-tuning) where the encoder has it.
    virtual bool supportsLora() const { return false; }
    virtual void mergeLora() {}
    virtual void unmergeLora() {}
    // Freeze everything but LoRA; encoders with BatchNorm also keep their running
    // statistics fixed while frozen (a frozen encoder must not drift in train mode).
    virtual void setFrozenExceptLora(bool frozen);

    // The dtype the encoder computes in (its first parameter's), so inputs can follow it.
    at::ScalarType dtype() const;
};

// One registered encoder kind.
struct EncoderKind
{
    std::string name; // SamConfig::encoder: "vit", "tiny_vit"
    std::function<std::shared_ptr<ImageEncoderBaseImpl>(const SamConfig&)> make;
    // Recognises a checkpoint of this kind by its tensor names alone and fills the
    // architecture fields of `cfg` from their shapes (encoder, sizes). False when not this kind.
    std::function<bool(const Checkpoint&, SamConfig& cfg)> detect;
};

const std::vector<EncoderKind>& encoderKinds();
const EncoderKind& encoderKind(const std::string& name); // throws ModelError for unknown names
std::shared_ptr<ImageEncoderBaseImpl> makeImageEncoder(const SamConfig& cfg);

} // namespace samsp::model
