#include "engine.h"

#include <atomic>

#include "errors.h"
#include "json.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <thread>

namespace samsp::model {

namespace F = torch::nn::functional;

namespace {
// c10::Error carries a long backtrace; callers get a ModelError naming the step
// and the reason (and what to do about an out-of-memory GPU).
template <typename Fn>
auto translated(const char* step, Fn&& fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const c10::Error& e) {
        std::string why = e.what_without_backtrace();
        if (why.find("out of memory") != std::string::npos)
            throw ModelError(std::string(step) + ": the GPU ran out of memory (" + why.substr(0, 200) +
                                 "); use a smaller batch, bf16, or --device cpu",
                             ModelProblem::GpuOutOfMemory, step, why.substr(0, 200));
        throw ModelError(std::string(step) + ": " + why);
    }
}

// Module::to(dtype) in LibTorch casts every tensor, integer buffers too (BatchNorm's
// num_batches_tracked would become float); PyTorch casts floating-point ones only.
void castFloating(torch::nn::Module& m, at::ScalarType t)
{
    for (auto& p : m.parameters(true))
        if (p.is_floating_point() && p.scalar_type() != t) p.set_data(p.data().to(t));
    for (auto& b : m.buffers(true))
        if (b.is_floating_point() && b.scalar_type() != t) b.set_data(b.to(t));
}

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

int physicalCoreCount()
{
    std::ifstream in("/proc/cpuinfo");
    std::set<std::pair<std::string, std::string>> cores;
    std::string line, phys = "0";
    while (std::getline(in, line)) {
        auto value = [&] { auto p = line.find(':'); return p == std::string::npos ? std::string() : line.substr(p + 2); };
        if (line.rfind("physical id", 0) == 0) phys = value();
        else if (line.rfind("core id", 0) == 0) cores.emplace(phys, value());
    }
    int n = static_cast<int>(cores.size());
    if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
    return std::max(1, n);
}

int configureThreads(int threads)
{
    const int n = threads > 0 ? threads : physicalCoreCount();
    if (at::get_num_threads() != n) at::set_num_threads(n);
    return n;
}

c10::Device resolveDevice(DeviceChoice choice)
{
    if (choice == DeviceChoice::Cpu) return c10::kCPU;
    const bool cuda = torch::cuda::is_available();
    if (choice == DeviceChoice::Cuda && !cuda)
        throw ModelError("CUDA was requested but no CUDA device is available to this LibTorch build");
    return cuda ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
}

std::string weightsDigest(const NamedTensors& tensors)
{
    // 64-bit FNV-1a over names and shapes, and a multiply-xor over the values'
    // 8-byte words (fast enough for ViT-H's 2.5 GB); the order is the names' order.
    uint64_t h = 1469598103934665603ull;
    auto mixBytes = [&](const void* p, size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    auto mixWord = [&](uint64_t w) {
        h ^= w + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        h *= 0xff51afd7ed558ccdull;
    };
    std::vector<const std::pair<std::string, at::Tensor>*> order;
    for (const auto& nt : tensors) order.push_back(&nt);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (const auto* nt : order) {
        const std::string& name = nt->first;
        const at::Tensor& t0 = nt->second;
        mixBytes(name.data(), name.size());
        for (auto d : t0.sizes()) mixWord(static_cast<uint64_t>(d));
        if (!t0.is_floating_point()) continue; // counters such as num_batches_tracked carry no weights
        at::Tensor t = t0.detach().to(c10::kCPU, at::kFloat).contiguous();
        const auto* w = reinterpret_cast<const uint32_t*>(t.data_ptr<float>());
        const size_t n = static_cast<size_t>(t.numel());
        size_t i = 0;
        for (; i + 1 < n; i += 2) mixWord(uint64_t(w[i]) | (uint64_t(w[i + 1]) << 32));
        if (i < n) mixWord(w[i]);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

DeviceChoice parseDeviceChoice(const std::string& name)
{
    if (name == "auto" || name.empty()) return DeviceChoice::Auto;
    if (name == "cpu") return DeviceChoice::Cpu;
    if (name == "cuda") return DeviceChoice::Cuda;
    throw ModelError("unknown device '" + name + "' (use auto, cpu or cuda)");
}

namespace {
std::atomic<int> g_aliveEngines{0};
}
SamEngine::AliveCounter::AliveCounter() { ++g_aliveEngines; }
SamEngine::AliveCounter::AliveCounter(const AliveCounter&) { ++g_aliveEngines; }
SamEngine::AliveCounter::~AliveCounter() { --g_aliveEngines; }
int SamEngine::alive() { return g_aliveEngines.load(); }

SamEngine::SamEngine(const SamConfig& cfg, const EngineOptions& opts)
    : m_cfg(cfg), m_device(resolveDevice(opts.device))
{
    configureThreads(opts.threads);
    m_sam = Sam(cfg);
    m_sam->eval();
    m_weightsDigest = weightsDigest(m_sam->stateDict());
    setPrecision(opts.precision);
}

SamEngine::SamEngine(Sam model, const EngineOptions& opts)
    : m_cfg(model->config()), m_sam(std::move(model)), m_device(resolveDevice(opts.device))
{
    configureThreads(opts.threads);
    m_modelId = m_cfg.variant + "-shared";
    setPrecision(opts.precision);
}

std::unique_ptr<SamEngine> SamEngine::fromCheckpoint(const std::filesystem::path& path, const EngineOptions& opts,
                                                     std::optional<SamConfig> config)
{
    // Refuse an impossible precision before reading a possibly large file.
    (void)resolvePrecision(opts.precision, resolveDevice(opts.device));
    Checkpoint ck = loadCheckpoint(path);
    SamConfig cfg = config ? *config : inferConfig(ck);
    if (config && config->loraRank == 0) {
        if (const at::Tensor* la = ck.find("image_encoder.blocks.0.attn.lora_a_q")) cfg.loraRank = la->size(0);
    }
    // Built around the model (not from the config): no digest of the random initial weights.
    Sam sam(cfg);
    sam->eval();
    auto eng = std::make_unique<SamEngine>(sam, EngineOptions{DeviceChoice::Cpu, Precision::Fp32, opts.threads});
    eng->m_sam->loadStateDict(ck.tensors, path.string());
    eng->m_sam->mergeLora();
    eng->m_device = resolveDevice(opts.device);
    eng->m_weightsDigest = weightsDigest(eng->m_sam->stateDict());
    eng->m_iouCalibrated = true; // a foreign checkpoint: SAM's training included the IoU loss
    if (auto it = ck.metadata.find("samsp.train"); it != ck.metadata.end()) {
        eng->m_iouCalibrated = false;
        eng->m_loneClickMultimask = false;
        try {
            const Json v = Json::parse(it->second);
            if (const Json* w = jsonFind(v, "iou_weight"); w && w->is_number()) eng->m_iouCalibrated = w->get<double>() > 0;
            if (const Json* m = jsonFind(v, "multimask_trained"); m && m->is_boolean()) eng->m_loneClickMultimask = m->get<bool>();
        } catch (const std::exception&) {
            // unreadable training metadata: treat the head as uncalibrated
        }
    }
    eng->setPrecision(opts.precision);
    return eng;
}

std::optional<double> SamEngine::calibratedIou(float raw) const
{
    if (!m_iouCalibrated) return std::nullopt;
    return std::clamp(static_cast<double>(raw), 0.0, 1.0);
}

void SamEngine::setPrecision(Precision requested)
{
    const PrecisionChoice c = resolvePrecision(requested, m_device);
    m_precision = c.precision;
    m_precisionReason = c.reason;
    if (!m_weightsDigest.empty())
        m_modelId = m_weightsDigest + "-" + precisionName(m_precision) + "-" + std::to_string(m_cfg.imageSize);
    applyPrecision();
}

void SamEngine::applyPrecision()
{
    torch::NoGradGuard ng;
    m_sam->to(m_device);
    castFloating(*m_sam, torch::kFloat);
    if (m_precision == Precision::Bf16) {
        castFloating(*m_sam->image_encoder, torch::kBFloat16);
        // Debian's CPU LibTorch lacks bf16 conv_transpose2d: keep the decoder fp32 on CPU.
        if (m_device.is_cuda()) {
            castFloating(*m_sam->prompt_encoder, torch::kBFloat16);
            castFloating(*m_sam->mask_decoder, torch::kBFloat16);
        }
    }
    c10::InferenceMode im;
    m_densePe = m_sam->prompt_encoder->getDensePe();
}

std::string SamEngine::deviceDescription() const
{
    std::string d = m_device.is_cuda() ? "CUDA:" + std::to_string(m_device.index()) : "CPU";
    if (m_device.is_cpu()) d += " (" + std::to_string(at::get_num_threads()) + " threads)";
    d += m_precision == Precision::Bf16 ? ", bf16" : ", fp32";
    return d;
}

at::Tensor preprocessImage(const ImageU8& image, int64_t S, int64_t lowRes, c10::Device device, ImageFrame* frameOut)
{
    if (!image.data || image.width <= 0 || image.height <= 0) throw ModelError("encode: the image is empty");
    ImageFrame frame(image.width, image.height, S, lowRes);
    const int64_t stride = image.stride > 0 ? image.stride : image.width * 3;
    auto hwc = torch::from_blob(const_cast<uint8_t*>(image.data), {image.height, image.width, 3}, {stride, 3, 1},
                                torch::kUInt8);
    auto x = hwc.to(device).permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
    if (frame.inputH() != image.height || frame.inputW() != image.width) {
        const bool down = frame.inputH() < image.height;
        // Bilinear, antialiased when shrinking, then rounded to 8 bits: what PIL's resize does in SAM.
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{frame.inputH(), frame.inputW()})
                                  .mode(torch::kBilinear)
                                  .align_corners(false)
                                  .antialias(down));
        x = x.round().clamp(0, 255);
    }
    auto opts = torch::TensorOptions().dtype(torch::kFloat).device(device);
    auto mean = torch::tensor({kPixelMean[0], kPixelMean[1], kPixelMean[2]}, opts).view({1, 3, 1, 1});
    auto std = torch::tensor({kPixelStd[0], kPixelStd[1], kPixelStd[2]}, opts).view({1, 3, 1, 1});
    x = (x - mean) / std;
    x = F::pad(x, F::PadFuncOptions({0, S - frame.inputW(), 0, S - frame.inputH()}));
    if (frameOut) *frameOut = frame;
    return x;
}

at::Tensor preprocessMask(const uint8_t* mask, int64_t width, int64_t height, int64_t S)
{
    ImageFrame frame(width, height, S, S / 4);
    auto m = torch::from_blob(const_cast<uint8_t*>(mask), {1, 1, height, width}, torch::kUInt8).ne(0).to(torch::kFloat);
    m = F::interpolate(m, F::InterpolateFuncOptions()
                              .size(std::vector<int64_t>{frame.inputH(), frame.inputW()})
                              .mode(torch::kBilinear)
                              .align_corners(false)
                              .antialias(frame.inputH() < height));
    return F::pad(m, F::PadFuncOptions({0, S - frame.inputW(), 0, S - frame.inputH()}));
}

at::Tensor SamEngine::preprocess(const ImageU8& image, ImageFrame* frameOut) const
{
    return preprocessImage(image, m_cfg.imageSize, m_cfg.lowResSize(), m_device, frameOut);
}

Prediction SamEngine::decodeInteractive(const Embedding& emb, const Prompts& prompts, bool withMasks)
{
    const bool multi = m_loneClickMultimask && prompts.points.size() == 1 && !prompts.box && !prompts.maskLogits.defined();
    auto t0 = std::chrono::steady_clock::now();
    // Only the mask that is kept is brought up to image size (a third of the work
    // when a single click asks for three).
    Prediction p = decode(emb, prompts, multi, false);
    int64_t best = 0;
    for (size_t i = 1; i < p.iou.size(); ++i)
        if (p.iou[i] > p.iou[static_cast<size_t>(best)]) best = static_cast<int64_t>(i);
    Prediction out;
    out.lowResLogits = p.lowResLogits.slice(0, best, best + 1).contiguous();
    out.iou = {p.iou.empty() ? 0.0f : p.iou[static_cast<size_t>(best)]};
    if (withMasks)
        out.masks = translated("decode", [&] { return upsampleLogits(out.lowResLogits.to(m_device), emb.frame).gt(0).to(torch::kCPU); });
    out.decodeMs = msSince(t0);
    return out;
}

at::Tensor SamEngine::encodeTensor(const at::Tensor& input, at::Tensor* detail)
{
    c10::InferenceMode im;
    auto& enc = m_sam->image_encoder;
    at::Tensor early;
    auto features = enc->forwardWithDetail(input.to(m_device, enc->dtype()), early).to(torch::kFloat);
    if (detail) {
        *detail = m_sam->mask_decoder->projectDetail(early); // undefined without detail fusion
        if (detail->defined()) *detail = detail->to(torch::kFloat).contiguous();
    }
    return features;
}

Embedding SamEngine::encode(const ImageU8& image)
{
    return translated("encode", [&] { return encodeImpl(image); });
}

Embedding SamEngine::encodeImpl(const ImageU8& image)
{
    auto t0 = std::chrono::steady_clock::now();
    c10::InferenceMode im;
    Embedding e;
    auto x = preprocess(image, &e.frame);
    e.features = encodeTensor(x, &e.detail);
    e.modelId = m_modelId;
    e.encodeMs = msSince(t0);
    return e;
}

std::vector<Embedding> SamEngine::encodeBatch(const std::vector<ImageU8>& images)
{
    return translated("encode", [&] { return encodeBatchImpl(images); });
}

std::vector<Embedding> SamEngine::encodeBatchImpl(const std::vector<ImageU8>& images)
{
    auto t0 = std::chrono::steady_clock::now();
    c10::InferenceMode im;
    std::vector<Embedding> out(images.size());
    std::vector<at::Tensor> inputs;
    for (size_t i = 0; i < images.size(); ++i) inputs.push_back(preprocess(images[i], &out[i].frame));
    if (inputs.empty()) return out;
    at::Tensor detail;
    auto feats = encodeTensor(torch::cat(inputs, 0), &detail);
    const double each = msSince(t0) / double(images.size());
    for (size_t i = 0; i < images.size(); ++i) {
        out[i].features = feats.slice(0, static_cast<int64_t>(i), static_cast<int64_t>(i) + 1);
        if (detail.defined()) out[i].detail = detail.slice(0, static_cast<int64_t>(i), static_cast<int64_t>(i) + 1);
        out[i].modelId = m_modelId;
        out[i].encodeMs = each;
    }
    return out;
}

Prediction SamEngine::decode(const Embedding& emb, const Prompts& prompts, bool multimask, bool withMasks)
{
    std::vector<PromptPoint> pts;
    for (const auto& p : prompts.points) {
        auto q = emb.frame.pointToInput({p.x, p.y});
        pts.push_back(PromptPoint{q.x, q.y, p.label});
    }
    std::optional<BoxF> box;
    if (prompts.box) box = emb.frame.boxToInput(*prompts.box);
    return decodeInputFrame(emb, pts, box, prompts.maskLogits, multimask, withMasks);
}

Prediction SamEngine::decodeInputFrame(const Embedding& emb, const std::vector<PromptPoint>& points,
                                       const std::optional<BoxF>& box, const at::Tensor& maskLogits, bool multimask,
                                       bool withMasks)
{
    return translated("decode", [&] { return decodeImpl(emb, points, box, maskLogits, multimask, withMasks); });
}

Prediction SamEngine::decodeImpl(const Embedding& emb, const std::vector<PromptPoint>& points,
                                 const std::optional<BoxF>& box, const at::Tensor& maskLogits, bool multimask,
                                 bool withMasks)
{
    if (!emb.valid()) throw ModelError("decode: the embedding is empty (encode the image first)");
    if (emb.features.size(1) != m_cfg.outChans || emb.features.size(2) != m_cfg.embeddingSize())
        throw ModelError("decode: the embedding does not come from this model (shape mismatch)");
    if (m_sam->mask_decoder->hasDetailFusion() && !emb.detail.defined())
        throw ModelError("decode: this model fuses the encoder's detail features, and the embedding has none "
                         "(it was encoded by another model or read from an older cache)");
    auto t0 = std::chrono::steady_clock::now();
    c10::InferenceMode im;
    auto fopts = torch::TensorOptions().dtype(torch::kFloat).device(m_device);
    std::optional<std::pair<at::Tensor, at::Tensor>> pts;
    if (!points.empty()) {
        std::vector<float> xy;
        std::vector<int64_t> labels;
        for (const auto& p : points) {
            xy.push_back(static_cast<float>(p.x));
            xy.push_back(static_cast<float>(p.y));
            labels.push_back(p.label);
        }
        pts = std::make_pair(torch::tensor(xy, fopts).view({1, -1, 2}),
                             torch::tensor(labels, torch::TensorOptions().dtype(torch::kLong).device(m_device)).view({1, -1}));
    }
    std::optional<at::Tensor> boxT;
    if (box) boxT = torch::tensor({float((*box)[0]), float((*box)[1]), float((*box)[2]), float((*box)[3])}, fopts).view({1, 4});
    std::optional<at::Tensor> maskT;
    if (maskLogits.defined()) {
        const int64_t L = m_cfg.lowResSize();
        if (maskLogits.numel() != L * L)
            throw ModelError("decode: mask prompt must be " + std::to_string(L) + " x " + std::to_string(L) + " logits");
        maskT = maskLogits.reshape({1, 1, L, L}).to(fopts);
    }
    auto [sparse, dense] = m_sam->prompt_encoder->forward(pts, boxT, maskT);
    auto ddtype = m_sam->mask_decoder->iou_token->weight.scalar_type();
    auto out = m_sam->mask_decoder->forward(emb.features.to(ddtype), m_densePe.to(ddtype), sparse, dense, multimask,
                                            emb.detail.defined() ? emb.detail.to(m_device, ddtype) : at::Tensor());

    Prediction p;
    p.lowResLogits = out.lowResLogits.squeeze(0).to(torch::kCPU, torch::kFloat);
    auto iou = out.iouPredictions.squeeze(0).to(torch::kCPU, torch::kFloat).contiguous();
    p.iou.assign(iou.data_ptr<float>(), iou.data_ptr<float>() + iou.numel());
    if (withMasks) p.masks = upsampleLogits(out.lowResLogits.to(torch::kFloat), emb.frame).gt(0).to(torch::kCPU);
    p.decodeMs = msSince(t0);
    return p;
}

at::Tensor SamEngine::upsampleLogits(const at::Tensor& lowRes, const ImageFrame& frame) const
{
    c10::InferenceMode im;
    auto x = lowRes.dim() == 3 ? lowRes.unsqueeze(0) : lowRes;
    x = x.to(torch::kFloat);
    if (!x.is_cuda()) return (*m_maskResizer)(x.squeeze(0), frame); // the same resize, composed (mask_resize.h)
    const int64_t S = frame.inputSize();
    auto bil = [](const at::Tensor& t, int64_t h, int64_t w) {
        return F::interpolate(t, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false));
    };
    x = bil(x, S, S);
    x = x.slice(2, 0, frame.inputH()).slice(3, 0, frame.inputW());
    x = bil(x, frame.origH(), frame.origW());
    return x.squeeze(0);
}

} // namespace samsp::model
