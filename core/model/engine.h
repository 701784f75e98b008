#pragma once
// SamEngine: loaded SAM weights on a device plus the predictor API
// (SAM's set_image / predict split): encode an image once into an Embedding,
// then decode prompts against it many times.
//
// Threading: weights are read-only after construction. encode() and decode()
// only read them, yet the engine is meant to be owned by one worker thread
// (the GUI's inference worker, the batch pipeline); calls from several threads
// at once are not supported. Training on the shared model needs exclusive access.
//
// Conventions at this boundary:
//  - images: RGB (not BGR), uint8, HWC with a row stride in bytes;
//  - prompts: original-image pixel coordinates, x then y; labels 1 fg / 0 bg;
//  - mask prompts and low-res logits: 1 x L x L float logits, L = config().lowResSize();
//  - masks: H x W bool at the original size (bilinear upsampling, threshold 0).

#include "config.h"
#include "mask_resize.h"
#include "precision.h"
#include "runtime_info.h"
#include "sam.h"
#include "transforms.h"

#include <ATen/Tensor.h>
#include <c10/core/Device.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace samsp::model {

enum class DeviceChoice { Auto, Cpu, Cuda };

struct EngineOptions
{
    DeviceChoice device = DeviceChoice::Auto;
    // The library's default is exact fp32; the CLI, the studio and batch default to
    // Auto (see precision.h). Bf16 where the hardware lacks it throws ModelError.
    Precision precision = Precision::Fp32;
    int threads = 0; // 0: physical core count
};

struct ImageU8
{
    const uint8_t* data = nullptr;
    int64_t width = 0, height = 0;
    int64_t stride = 0; // bytes per row; 0 means width * 3
};

struct Embedding
{
    at::Tensor features; // 1 x C x E x E, fp32, on the engine's device
    // Detail fusion models only (config.h): the decoder's projection of the encoder's
    // stride-4 features, 1 x C/8 x 4E x 4E fp32; undefined for other models.
    at::Tensor detail;
    ImageFrame frame;
    std::string modelId;
    double encodeMs = 0;
    bool valid() const { return features.defined(); }
};

struct PromptPoint
{
    double x = 0, y = 0;
    int label = 1; // 1 foreground, 0 background
};

struct Prompts
{
    std::vector<PromptPoint> points;
    std::optional<BoxF> box;
    at::Tensor maskLogits; // optional 1 x L x L (or 1 x 1 x L x L)
};

struct Prediction
{
    at::Tensor lowResLogits;  // M x L x L float, CPU
    std::vector<float> iou;   // M predicted IoUs
    at::Tensor masks;         // M x H x W bool, CPU (undefined when not asked for)
    double decodeMs = 0;
};

class SamEngine
{
public:
    // Random weights (tests, benchmarks, training from scratch).
    SamEngine(const SamConfig& cfg, const EngineOptions& opts = {});
    // Wraps an existing model (shares its weights), e.g. to validate during training.
    SamEngine(Sam model, const EngineOptions& opts);
    // Official SAM/MedSAM/SAM-Med2D .pth or our .safetensors; the config is inferred.
    static std::unique_ptr<SamEngine> fromCheckpoint(const std::filesystem::path& path, const EngineOptions& opts = {},
                                                     std::optional<SamConfig> config = std::nullopt);
    // Engines alive in this process (a copy of the weights each; the studio keeps one).
    static int alive();

    const SamConfig& config() const { return m_cfg; }
    c10::Device device() const { return m_device; }
    // The precision in use (never Auto) and why it was chosen.
    Precision precision() const { return m_precision; }
    const std::string& precisionReason() const { return m_precisionReason; }
    // The model's identity: a digest of its weights, plus the precision and input
    // size they run at ("3f9c0a1b2c3d4e5f-fp32-1024"). Two files with the same
    // weights share it; one changed weight changes it. Keys embedding caches, batch
    // resume and proposal traces, so results of another model are never reused.
    const std::string& modelId() const { return m_modelId; }
    // Whether the IoU head was trained, so predicted IoU means something: official
    // SAM / MobileSAM checkpoints (trained with an IoU loss) and our fine-tunes with
    // an IoU weight > 0 ("iou_weight" in samsp.train); not random weights, nor our
    // models trained before the IoU loss existed.
    bool iouCalibrated() const { return m_iouCalibrated; }
    // Whether a lone click asks for SAM's three masks: official checkpoints (SAM trained
    // its three ambiguity tokens) and fine-tunes that say "multimask_trained": true. Our
    // trainer teaches a lone click to the single-mask token only, so its models (a
    // samsp.train record without that key) answer a lone click with that token: their
    // three ambiguity tokens and IoU outputs keep their random start.
    bool loneClickMultimask() const { return m_loneClickMultimask; }
    // A predicted IoU as shown and exported: clamped to [0, 1], or none when uncalibrated.
    std::optional<double> calibratedIou(float raw) const;
    void setModelId(std::string id) { m_modelId = std::move(id); }
    std::string deviceDescription() const;
    Sam& model() { return m_sam; }

    // 1 x 3 x S x S normalised input (resize longest side, normalise, pad), on the device.
    at::Tensor preprocess(const ImageU8& image, ImageFrame* frame = nullptr) const;
    Embedding encode(const ImageU8& image);
    std::vector<Embedding> encodeBatch(const std::vector<ImageU8>& images);
    // Encoder on an already preprocessed N x 3 x S x S tensor -> N x C x E x E fp32;
    // with `detail`, also Embedding::detail's N x C/8 x 4E x 4E (undefined without fusion).
    at::Tensor encodeTensor(const at::Tensor& input, at::Tensor* detail = nullptr);

    Prediction decode(const Embedding& emb, const Prompts& prompts, bool multimask, bool withMasks = true);
    // Same with prompts already in the model's input frame (used by SAM-SP's loop).
    Prediction decodeInputFrame(const Embedding& emb, const std::vector<PromptPoint>& points,
                                const std::optional<BoxF>& box, const at::Tensor& maskLogits, bool multimask,
                                bool withMasks);
    // The interactive decode the studio and the simulated annotator share: the prompts
    // (clicks, box, previous low-res logits as mask input) on the cached embedding; a
    // lone point with nothing else is ambiguous, so SAM's three masks are asked for and
    // the one with the highest predicted IoU is kept — where the model was trained to
    // give three (loneClickMultimask); otherwise its single mask. Returns that one mask:
    // lowResLogits 1 x L x L, iou {best}, masks 1 x H x W (when withMasks).
    Prediction decodeInteractive(const Embedding& emb, const Prompts& prompts, bool withMasks = true);
    // Low-res logits (M x L x L or 1 x M x L x L) -> M x H x W float logits at the original size.
    at::Tensor upsampleLogits(const at::Tensor& lowRes, const ImageFrame& frame) const;

    // Re-applies the precision setting (after weights changed in fp32).
    void applyPrecision();
    // Resolves `requested` for this engine's device (may throw) and applies it.
    void setPrecision(Precision requested);

private:
    struct AliveCounter
    {
        AliveCounter();
        AliveCounter(const AliveCounter&);
        ~AliveCounter();
    } m_alive;
    Embedding encodeImpl(const ImageU8& image);
    std::vector<Embedding> encodeBatchImpl(const std::vector<ImageU8>& images);
    Prediction decodeImpl(const Embedding& emb, const std::vector<PromptPoint>& points, const std::optional<BoxF>& box,
                          const at::Tensor& maskLogits, bool multimask, bool withMasks);

    SamConfig m_cfg;
    Sam m_sam{nullptr};
    c10::Device m_device{c10::kCPU};
    Precision m_precision = Precision::Fp32;
    std::string m_precisionReason = "fp32 was asked for";
    std::string m_modelId;
    std::string m_weightsDigest;
    bool m_iouCalibrated = false;
    bool m_loneClickMultimask = true;
    at::Tensor m_densePe; // cached 1 x C x E x E
    std::shared_ptr<MaskResizer> m_maskResizer = std::make_shared<MaskResizer>();
};

// 16 hex digits over every tensor's name, shape, dtype and values (as fp32).
std::string weightsDigest(const NamedTensors& tensors);

c10::Device resolveDevice(DeviceChoice choice);
// "auto", "cpu", "cuda" (the one parser for every command line and setting);
// throws ModelError naming the value otherwise.
DeviceChoice parseDeviceChoice(const std::string& name);

// The model input for an RGB uint8 image (resize longest side to `imageSize`,
// round to 8 bits, normalise, pad): 1 x 3 x S x S float on `device`. Training and
// inference share it so the model sees the same pixels in both.
at::Tensor preprocessImage(const ImageU8& image, int64_t imageSize, int64_t lowResSize, c10::Device device,
                           ImageFrame* frame = nullptr);
// A binary mask (row-major, non-zero inside, `width` x `height`) in the same
// frame: 1 x 1 x S x S float in [0, 1] (bilinear resize, zero padding).
at::Tensor preprocessMask(const uint8_t* mask, int64_t width, int64_t height, int64_t imageSize);

} // namespace samsp::model
