#include "train.h"

#include "errors.h"

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

TwoPassOutput SamSpTrainer::forward(const torch::Tensor& images, bool train)
{
    auto& sam = m_model;
    auto emb = sam->image_encoder->forward(images.to(m_device));
    auto pe = sam->prompt_encoder->getDensePe();
    const int64_t N = emb.size(0);
    TwoPassOutput out;
    auto [s0, d0] = sam->prompt_encoder->forward(std::nullopt, std::nullopt, std::nullopt);
    auto sparse0 = s0.expand({N, -1, -1});
    auto dense0 = d0.expand({N, -1, -1, -1});
    out.logits0 = sam->mask_decoder->forward(emb, pe, sparse0, dense0, false).lowResLogits;

    const auto& p = m_s.prompts;
    std::optional<torch::Tensor> box, mask;
    std::optional<std::pair<torch::Tensor, torch::Tensor>> pts;
    out.boxes = promptBoxes(out.logits0, train);
    if (p.useBox) box = out.boxes;
    if (p.useMask) mask = out.logits0.detach();
    if (p.usePoint) {
        const auto& cfg = sam->config();
        const double cell = double(cfg.imageSize) / double(cfg.lowResSize());
        auto pos = out.logits0.detach().gt(0).squeeze(1).to(torch::kCPU, torch::kUInt8).contiguous();
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
    out.logits1 = sam->mask_decoder->forward(emb, pe, s1, d1, false).lowResLogits;
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
    if (totalOut) *totalOut = total;
    return {total.item<double>(), seg0.item<double>(), seg1.item<double>(), dist.item<double>(), currentLr()};
}

StepLosses SamSpTrainer::step(const Batch& b)
{
    m_model->train();
    const double lr = currentLr();
    for (auto& g : m_opt->param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
    m_opt->zero_grad();
    auto out = forward(b.images, true);
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
    const auto tmp = p.string() + ".part";
    torch::serialize::OutputArchive ar;
    m_opt->save(ar);
    ar.write("step", torch::tensor(m_step));
    ar.save_to(tmp);
    std::error_code ec;
    std::filesystem::rename(tmp, p, ec);
    if (ec) throw ModelError("cannot write '" + p.string() + "': " + ec.message());
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
