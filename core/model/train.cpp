#include "train.h"

#include "durable.h"

#include "errors.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <cmath>

namespace samsp::model {

namespace F = torch::nn::functional;

torch::Tensor segLoss(const torch::Tensor& logits, const torch::Tensor& target)
{
    auto bce = F::binary_cross_entropy_with_logits(logits, target);
    auto p = torch::sigmoid(logits).flatten(1);
    auto t = target.flatten(1);
    auto inter = (p * t).sum(1);
    auto dice = 1.0 - (2.0 * inter + 1.0) / (p.sum(1) + t.sum(1) + 1.0);
    return 0.2 * bce + 0.8 * dice.mean();
}

torch::Tensor distillLoss(const torch::Tensor& student, const torch::Tensor& teacher, double T)
{
    auto soft = torch::sigmoid(teacher.detach() / T);
    return T * T * F::binary_cross_entropy_with_logits(student / T, soft);
}

torch::Tensor erosionDepth(const torch::Tensor& masks)
{
    auto cur = masks.to(torch::kCPU, torch::kFloat).unsqueeze(1);
    auto depth = torch::zeros_like(cur);
    while (cur.any().item<bool>()) {
        depth.add_(cur);
        // A 3 x 3 minimum over a zero-padded copy: the border erodes like background.
        auto padded = F::pad(cur, F::PadFuncOptions({1, 1, 1, 1}).value(0.0));
        cur = -F::max_pool2d(-padded, F::MaxPool2dFuncOptions(3).stride(1));
    }
    return depth.squeeze(1);
}

std::pair<torch::Tensor, torch::Tensor> sampleClicks(const torch::Tensor& target, const torch::Tensor& pred,
                                                     std::mt19937_64& rng, ClickSampling mode)
{
    auto t = target.to(torch::kCPU, torch::kBool).contiguous();
    auto p = pred.to(torch::kCPU, torch::kBool).contiguous();
    const int64_t N = t.size(0);
    auto coords = torch::zeros({N, 1, 2});
    auto labels = torch::full({N, 1}, -1, torch::kLong);
    auto errors = t.logical_xor(p);
    const auto errDepth = mode == ClickSampling::Interior ? erosionDepth(errors) : torch::Tensor();
    for (int64_t i = 0; i < N; ++i) {
        const bool anyError = errors[i].any().item<bool>();
        torch::Tensor from;
        if (mode == ClickSampling::Interior) {
            // Without an error (rare: a perfect mask) the click goes to the target's middle.
            auto d = anyError ? errDepth[i] : erosionDepth(t[i].unsqueeze(0))[0];
            from = (d * 2 > d.max()).nonzero(); // empty when d is all 0
        } else {
            from = (anyError ? errors[i] : t[i]).nonzero(); // K x 2 (y, x)
        }
        if (from.size(0) == 0) continue; // nothing to click: padding
        std::uniform_int_distribution<int64_t> pick(0, from.size(0) - 1);
        const int64_t k = pick(rng);
        const int64_t y = from[k][0].item<int64_t>(), x = from[k][1].item<int64_t>();
        coords[i][0][0] = double(x), coords[i][0][1] = double(y);
        labels[i][0] = t[i][y][x].item<bool>() ? 1 : 0;
    }
    return {coords, labels};
}

torch::Tensor iouHeadLoss(const torch::Tensor& predictedIou, const torch::Tensor& logits, const torch::Tensor& target)
{
    torch::Tensor trueIou;
    {
        torch::NoGradGuard ng;
        auto m = logits.detach().gt(0);
        auto y = target.gt(0.5);
        auto inter = m.logical_and(y).flatten(1).sum(1).to(torch::kFloat);
        auto uni = m.logical_or(y).flatten(1).sum(1).to(torch::kFloat);
        trueIou = torch::where(uni > 0, inter / uni.clamp_min(1), torch::ones_like(uni)).view({-1, 1});
    }
    return F::mse_loss(predictedIou.view({-1, 1}).to(torch::kFloat), trueIou.to(predictedIou.device()));
}

SamSpTrainer::SamSpTrainer(Sam model, const TrainSettings& s, c10::Device device)
    : m_model(std::move(model)), m_s(s), m_device(device), m_rng(s.seed * 7919 + 1)
{
    // TinyViT has no LoRA (see tiny_vit.h): "LoRA only" trains it fully instead.
    if (m_s.encoder == EncoderTraining::LoraOnly && !m_model->image_encoder->supportsLora() && m_model->config().isTinyViT())
        m_s.encoder = EncoderTraining::Full;
    m_model->to(m_device);
    // A frozen encoder keeps BatchNorm statistics fixed too (TinyViT).
    m_model->image_encoder->setFrozenExceptLora(m_s.encoder != EncoderTraining::Full);
    m_model->train();
    std::vector<torch::Tensor> params;
    for (auto& p : m_model->named_parameters(true)) {
        const std::string& n = p.key();
        const bool enc = n.rfind("image_encoder.", 0) == 0;
        const bool lora = n.find(".lora_") != std::string::npos;
        bool train = !enc;
        if (enc) {
            if (m_s.encoder == EncoderTraining::Full) train = true;
            else if (m_s.encoder == EncoderTraining::LoraOnly) train = lora;
            else train = false;
        }
        p.value().set_requires_grad(train);
        if (train) params.push_back(p.value());
    }
    if (params.empty()) throw ModelError("training: no trainable parameters (LoRA-only training needs lora_rank > 0)");
    m_opt = std::make_unique<torch::optim::AdamW>(
        params, torch::optim::AdamWOptions(m_s.lr).weight_decay(m_s.weightDecay));
}

double SamSpTrainer::currentLr() const
{
    const double t = double(m_step);
    if (m_s.warmupSteps > 0 && t < double(m_s.warmupSteps)) return m_s.lr * (t + 1) / double(m_s.warmupSteps);
    const double span = std::max<double>(1.0, double(m_s.totalSteps - m_s.warmupSteps));
    const double frac = std::clamp((t - double(m_s.warmupSteps)) / span, 0.0, 1.0);
    return m_s.lr * std::pow(1.0 - frac, m_s.polyPower);
}

torch::Tensor perturbMaskLogits(const torch::Tensor& logits, double share, std::mt19937_64& rng, std::vector<int>* radii)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::uniform_int_distribution<int> radius(1, 3);
    auto out = logits.clone();
    if (radii) radii->assign(static_cast<size_t>(logits.size(0)), 0);
    for (int64_t i = 0; i < logits.size(0); ++i) {
        if (u(rng) >= share) continue;
        const int r = radius(rng);
        const bool grow = u(rng) < 0.5;
        auto x = logits.slice(0, i, i + 1);
        auto opts = F::MaxPool2dFuncOptions(2 * r + 1).stride(1).padding(r);
        out.slice(0, i, i + 1).copy_(grow ? F::max_pool2d(x, opts) : -F::max_pool2d(-x, opts));
        if (radii) (*radii)[static_cast<size_t>(i)] = grow ? r : -r;
    }
    return out;
}

torch::Tensor SamSpTrainer::promptBoxes(const torch::Tensor& logits0, bool jitter)
{
    // Box of L0 > 0 per image, in input pixels; empty -> the whole image.
    const auto& cfg = m_model->config();
    const int64_t L = cfg.lowResSize(), S = cfg.imageSize;
    const double cell = double(S) / double(L);
    auto pos = logits0.detach().gt(0).squeeze(1).to(torch::kCPU); // N x L x L
    const int64_t N = pos.size(0);
    auto boxes = torch::empty({N, 4}, torch::kFloat);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int64_t i = 0; i < N; ++i) {
        auto rows = pos[i].any(1), cols = pos[i].any(0);
        double x0 = 0, y0 = 0, x1 = double(S - 1), y1 = double(S - 1);
        if (rows.any().item<bool>()) {
            auto ri = rows.nonzero(), ci = cols.nonzero();
            y0 = double(ri.min().item<int64_t>()) * cell;
            y1 = double(ri.max().item<int64_t>() + 1) * cell - 1;
            x0 = double(ci.min().item<int64_t>()) * cell;
            x1 = double(ci.max().item<int64_t>() + 1) * cell - 1;
        }
        if (jitter && m_s.boxJitter > 0) {
            const double w = x1 - x0 + 1, h = y1 - y0 + 1;
            x0 += u(m_rng) * m_s.boxJitter * w, x1 += u(m_rng) * m_s.boxJitter * w;
            y0 += u(m_rng) * m_s.boxJitter * h, y1 += u(m_rng) * m_s.boxJitter * h;
            x0 = std::clamp(x0, 0.0, double(S - 1)), x1 = std::clamp(x1, 0.0, double(S - 1));
            y0 = std::clamp(y0, 0.0, double(S - 1)), y1 = std::clamp(y1, 0.0, double(S - 1));
            if (x1 < x0) std::swap(x0, x1);
            if (y1 < y0) std::swap(y0, y1);
        }
        boxes[i][0] = x0, boxes[i][1] = y0, boxes[i][2] = x1, boxes[i][3] = y1;
    }
    return boxes.to(m_device);
}

TwoPassOutput SamSpTrainer::forward(const torch::Tensor& images, bool train, const torch::Tensor& masks)
{
    auto& sam = m_model;
    torch::Tensor early;
    auto emb = sam->image_encoder->forwardWithDetail(images.to(m_device), early);
    const torch::Tensor detail = sam->mask_decoder->projectDetail(early); // undefined without detail fusion
    auto pe = sam->prompt_encoder->getDensePe();
    const int64_t N = emb.size(0);
    TwoPassOutput out;
    auto [s0, d0] = sam->prompt_encoder->forward(std::nullopt, std::nullopt, std::nullopt);
    auto sparse0 = s0.expand({N, -1, -1});
    auto dense0 = d0.expand({N, -1, -1, -1});
    {
        auto d = sam->mask_decoder->forward(emb, pe, sparse0, dense0, false, detail);
        out.logits0 = d.lowResLogits;
        out.iou0 = d.iouPredictions;
    }

    const auto& p = m_s.prompts;
    std::optional<torch::Tensor> box, mask;
    std::optional<std::pair<torch::Tensor, torch::Tensor>> pts;
    const torch::Tensor prompt0 = train && m_s.maskNoise > 0 ? perturbMaskLogits(out.logits0.detach(), m_s.maskNoise, m_rng) : out.logits0.detach();
    out.boxes = promptBoxes(prompt0, train);
    if (p.useBox) box = out.boxes;
    if (p.useMask) mask = prompt0;
    if (p.usePoint) {
        const auto& cfg = sam->config();
        const double cell = double(cfg.imageSize) / double(cfg.lowResSize());
        auto pos = prompt0.gt(0).squeeze(1).to(torch::kCPU, torch::kUInt8).contiguous();
        auto coords = torch::zeros({N, 1, 2}), labels = torch::ones({N, 1}, torch::kLong);
        for (int64_t i = 0; i < N; ++i) {
            GridMask g{cfg.lowResSize(), cfg.lowResSize(), {}};
            g.data.assign(pos[i].data_ptr<uint8_t>(), pos[i].data_ptr<uint8_t>() + pos[i].numel());
            if (auto fp = farthestPoint(g)) {
                coords[i][0][0] = (double(fp->x) + 0.5) * cell - 0.5;
                coords[i][0][1] = (double(fp->y) + 0.5) * cell - 0.5;
            } else {
                labels[i][0] = -1; // no point: a padding entry
            }
        }
        pts = std::make_pair(coords.to(m_device), labels.to(m_device));
    }
    auto [s1, d1] = sam->prompt_encoder->forward(pts, box, mask);
    {
        auto d = sam->mask_decoder->forward(emb, pe, s1, d1, false, detail);
        out.logits1 = d.lowResLogits;
        out.iou1 = d.iouPredictions;
    }
    if (!masks.defined() || m_s.interactivePasses <= 0) return out;

    // Interactive prompts: a click alone, then correction clicks in the error region.
    const auto& cfg = sam->config();
    const int64_t L = cfg.lowResSize();
    const double cell = double(cfg.imageSize) / double(L);
    auto target = F::adaptive_avg_pool2d(masks.to(torch::kFloat), F::AdaptiveAvgPool2dFuncOptions(std::vector<int64_t>{L, L}))
                      .gt(0.5)
                      .squeeze(1)
                      .to(torch::kCPU);
    auto toInput = [&](const torch::Tensor& c) { return ((c + 0.5) * cell - 0.5).to(m_device); };
    auto decodeClicks = [&](const torch::Tensor& coords, const torch::Tensor& labels, std::optional<torch::Tensor> maskIn,
                            bool graded = true) {
        std::optional<std::pair<torch::Tensor, torch::Tensor>> p = std::make_pair(toInput(coords), labels.to(m_device));
        auto [sp, dn] = sam->prompt_encoder->forward(p, std::nullopt, maskIn);
        auto d = sam->mask_decoder->forward(emb, pe, sp, dn, false, detail);
        if (graded) {
            out.clickLogits.push_back(d.lowResLogits);
            out.clickIou.push_back(d.iouPredictions);
        }
        return d.lowResLogits;
    };
    auto [c0, l0] = sampleClicks(target, torch::zeros_like(target), m_rng, m_s.clickSampling);
    (void)decodeClicks(c0, l0, std::nullopt);
    torch::Tensor coords, labels, prev = out.logits1;
    auto addClick = [&] {
        auto [c, l] = sampleClicks(target, prev.detach().gt(0).squeeze(1).to(torch::kCPU), m_rng, m_s.clickSampling);
        coords = coords.defined() ? torch::cat({coords, c}, 1) : c;
        labels = labels.defined() ? torch::cat({labels, l}, 1) : l;
    };
    const int warm = train && m_s.clickWarmup > 0 ? std::uniform_int_distribution<int>(0, m_s.clickWarmup)(m_rng) : 0;
    if (warm > 0) {
        // Clicks placed as an annotator would have placed them, without gradient: the
        // graded passes below then start from the click count and the mask they led to.
        torch::NoGradGuard noGrad;
        for (int k = 0; k < warm; ++k) {
            addClick();
            prev = decodeClicks(coords, labels, prev.detach(), false).detach();
        }
    }
    out.warmupClicks = coords.defined() ? static_cast<int>(coords.size(1)) : 0; // counted where placed, not the draw
    for (int k = 0; k < m_s.interactivePasses; ++k) {
        addClick();
        prev = decodeClicks(coords, labels, prev.detach());
    }
    return out;
}

StepLosses SamSpTrainer::losses(const TwoPassOutput& out, const torch::Tensor& masks, torch::Tensor* totalOut)
{
    const int64_t L = out.logits0.size(-1);
    auto y = masks.to(m_device, torch::kFloat);
    torch::Tensor l0 = out.logits0, l1 = out.logits1;
    if (m_s.lossAtFullRes) {
        auto up = [&](const torch::Tensor& t) {
            return F::interpolate(t, F::InterpolateFuncOptions().size(std::vector<int64_t>{y.size(2), y.size(3)})
                                         .mode(torch::kBilinear).align_corners(false));
        };
        l0 = up(l0), l1 = up(l1);
    } else {
        y = F::adaptive_avg_pool2d(y, F::AdaptiveAvgPool2dFuncOptions(std::vector<int64_t>{L, L}));
    }
    auto seg0 = segLoss(l0, y), seg1 = segLoss(l1, y);
    auto total = seg0 + seg1;
    torch::Tensor dist = torch::zeros({}, total.options());
    if (m_s.beta > 0) {
        dist = distillLoss(out.logits0, out.logits1, m_s.temperature);
        total = total + m_s.beta * dist;
    }
    torch::Tensor inter = torch::zeros({}, total.options()), iou = torch::zeros({}, total.options());
    if (!out.clickLogits.empty()) {
        for (const auto& c : out.clickLogits) {
            auto lc = m_s.lossAtFullRes ? F::interpolate(c, F::InterpolateFuncOptions()
                                                                .size(std::vector<int64_t>{y.size(2), y.size(3)})
                                                                .mode(torch::kBilinear)
                                                                .align_corners(false))
                                        : c;
            inter = inter + segLoss(lc, y);
        }
        inter = inter / double(out.clickLogits.size());
        total = total + inter;
    }
    if (m_s.iouWeight > 0 && out.iou0.defined()) {
        // The IoU head learns the true IoU of each pass's mask (at the logits' resolution).
        auto yL = m_s.lossAtFullRes ? F::adaptive_avg_pool2d(y, F::AdaptiveAvgPool2dFuncOptions(std::vector<int64_t>{L, L})) : y;
        iou = iouHeadLoss(out.iou0, out.logits0, yL) + iouHeadLoss(out.iou1, out.logits1, yL);
        int n = 2;
        for (size_t i = 0; i < out.clickLogits.size(); ++i, ++n) iou = iou + iouHeadLoss(out.clickIou[i], out.clickLogits[i], yL);
        iou = iou / double(n);
        total = total + m_s.iouWeight * iou;
    }
    if (totalOut) *totalOut = total;
    StepLosses r{total.item<double>(), seg0.item<double>(), seg1.item<double>(), dist.item<double>(), 0, 0, currentLr()};
    r.interactive = inter.item<double>();
    r.iou = iou.item<double>();
    return r;
}

namespace {

// Autocast to bf16 on `device` for the guard's lifetime (forward only: the backward
// pass follows the dtypes the forward recorded); restores what was set before.
class Bf16Autocast
{
public:
    Bf16Autocast(bool on, const c10::Device& device) : m_on(on), m_cuda(device.is_cuda())
    {
        if (!m_on) return;
        if (m_cuda) {
            m_wasEnabled = at::autocast::is_enabled(), m_wasDtype = at::autocast::get_autocast_gpu_dtype();
            at::autocast::set_autocast_gpu_dtype(at::kBFloat16), at::autocast::set_enabled(true);
        } else {
            m_wasEnabled = at::autocast::is_cpu_enabled(), m_wasDtype = at::autocast::get_autocast_cpu_dtype();
            at::autocast::set_autocast_cpu_dtype(at::kBFloat16), at::autocast::set_cpu_enabled(true);
        }
        at::autocast::increment_nesting();
    }
    ~Bf16Autocast()
    {
        if (!m_on) return;
        if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
        if (m_cuda) at::autocast::set_enabled(m_wasEnabled), at::autocast::set_autocast_gpu_dtype(m_wasDtype);
        else at::autocast::set_cpu_enabled(m_wasEnabled), at::autocast::set_autocast_cpu_dtype(m_wasDtype);
    }
    Bf16Autocast(const Bf16Autocast&) = delete;
    Bf16Autocast& operator=(const Bf16Autocast&) = delete;

private:
    bool m_on, m_cuda, m_wasEnabled = false;
    at::ScalarType m_wasDtype = at::kBFloat16;
};

torch::Tensor asFloat(const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat) : t; }

} // namespace

StepLosses SamSpTrainer::step(const Batch& b)
{
    m_model->train();
    const double lr = currentLr();
    for (auto& g : m_opt->param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
    m_opt->zero_grad();
    TwoPassOutput out;
    {
        Bf16Autocast autocast(m_s.bf16Autocast, m_device);
        out = forward(b.images, true, b.masks);
    }
    if (m_s.bf16Autocast) { // the losses in fp32
        out.logits0 = asFloat(out.logits0), out.logits1 = asFloat(out.logits1);
        out.iou0 = asFloat(out.iou0), out.iou1 = asFloat(out.iou1);
        for (auto& t : out.clickLogits) t = asFloat(t);
        for (auto& t : out.clickIou) t = asFloat(t);
    }
    torch::Tensor total;
    StepLosses l = losses(out, b.masks, &total);
    if (!std::isfinite(l.total)) throw ModelError("training diverged: the loss is not finite at step " + std::to_string(m_step));
    total.backward();
    m_opt->step();
    ++m_step;
    l.lr = lr;
    return l;
}

void SamSpTrainer::saveOptimizer(const std::filesystem::path& p) const
{
    const std::filesystem::path tmp = p.parent_path() / ("." + p.filename().string() + kTempMarker + "0");
    torch::serialize::OutputArchive ar;
    m_opt->save(ar);
    ar.write("step", torch::tensor(m_step));
    ar.save_to(tmp.string());
    if (const std::string why = durableRename(tmp, p); !why.empty()) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw ModelError("cannot write '" + p.string() + "': " + why);
    }
}

int64_t SamSpTrainer::optimizerStep(const std::filesystem::path& p)
{
    try {
        torch::serialize::InputArchive ar;
        ar.load_from(p.string());
        torch::Tensor s;
        return ar.try_read("step", s) ? s.item<int64_t>() : -1;
    } catch (const c10::Error& e) {
        throw CheckpointError("optimizer state '" + p.string() + "' cannot be read: " + e.what_without_backtrace());
    }
}

void SamSpTrainer::loadOptimizer(const std::filesystem::path& p)
{
    try {
        torch::serialize::InputArchive ar;
        ar.load_from(p.string());
        m_opt->load(ar);
        torch::Tensor s;
        if (ar.try_read("step", s)) m_step = s.item<int64_t>();
    } catch (const c10::Error& e) {
        throw CheckpointError("optimizer state '" + p.string() + "' cannot be read: " + e.what_without_backtrace());
    }
}

} // namespace samsp::model
