// SAM-SP training: loss terms, the stop-gradient on the distillation teacher,
// a short run that learns, and checkpoint round trips.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "test_helpers.h"

#include "model/checkpoint.h"
#include "model/engine.h"
#include "model/errors.h"
#include "model/train.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <cmath>

#include <filesystem>
#include <random>

using namespace samsp::model;
namespace F = torch::nn::functional;

namespace {

SamConfig smallConfig()
{
    SamConfig c = samConfigForVariant("tiny");
    c.imageSize = 64; // 4 x 4 tokens, 16 x 16 low-res logits: quick on a CPU
    c.loraRank = 2;
    return c;
}

// Bright discs on a dark background, with their masks (model frame, normalised).
Batch discs(int n, int64_t S, uint64_t seed)
{
    torch::manual_seed(static_cast<int64_t>(seed));
    auto yy = torch::arange(S).view({S, 1}).to(torch::kFloat), xx = torch::arange(S).view({1, S}).to(torch::kFloat);
    std::vector<torch::Tensor> xs, ys;
    for (int i = 0; i < n; ++i) {
        const double cx = S * (0.35 + 0.3 * torch::rand({1}).item<double>()), cy = S * (0.35 + 0.3 * torch::rand({1}).item<double>());
        const double r = S * (0.15 + 0.1 * torch::rand({1}).item<double>());
        auto m = ((xx - cx).pow(2) + (yy - cy).pow(2)).le(r * r).to(torch::kFloat);
        auto img = (m * 1.5 - 0.7 + 0.1 * torch::randn({S, S})).unsqueeze(0).expand({3, S, S});
        xs.push_back(img.unsqueeze(0));
        ys.push_back(m.view({1, 1, S, S}));
    }
    return {torch::cat(xs), torch::cat(ys)};
}

// Two equally bright discs; the mask is the first one only. Without a prompt the
// target is ambiguous; a click on it tells which.
Batch twoDiscs(int n, int64_t S, uint64_t seed)
{
    torch::manual_seed(static_cast<int64_t>(seed));
    auto yy = torch::arange(S).view({S, 1}).to(torch::kFloat), xx = torch::arange(S).view({1, S}).to(torch::kFloat);
    std::vector<torch::Tensor> xs, ys;
    for (int i = 0; i < n; ++i) {
        const bool leftFirst = torch::rand({1}).item<double>() < 0.5;
        const double r = S * 0.14;
        const double ax = S * (leftFirst ? 0.28 : 0.72), bx = S * (leftFirst ? 0.72 : 0.28);
        const double ay = S * (0.3 + 0.4 * torch::rand({1}).item<double>()), by = S * (0.3 + 0.4 * torch::rand({1}).item<double>());
        auto a = ((xx - ax).pow(2) + (yy - ay).pow(2)).le(r * r).to(torch::kFloat);
        auto b = ((xx - bx).pow(2) + (yy - by).pow(2)).le(r * r).to(torch::kFloat);
        auto img = ((a + b).clamp_max(1) * 1.5 - 0.7 + 0.1 * torch::randn({S, S})).unsqueeze(0).expand({3, S, S});
        xs.push_back(img.unsqueeze(0));
        ys.push_back(a.view({1, 1, S, S}));
    }
    return {torch::cat(xs), torch::cat(ys)};
}

// A small TinyViT (MobileSAM's encoder) at 64 px: 4 x 4 tokens after the last stage.
SamConfig smallTinyVitConfig()
{
    SamConfig c = samConfigForVariant("vit_t");
    c.variant = "custom";
    c.imageSize = 64;
    c.tvEmbedDims = {16, 32, 48, 320};
    c.tvDepths = {1, 1, 1, 1};
    c.tvNumHeads = {1, 2, 2, 4};
    c.tvWindowSizes = {7, 7, 7, 7};
    c.outChans = 32;
    return c;
}

} // namespace

TEST_CASE("seg_loss_matches_hand_computed_value")
{
    // logits 0, target 1 on 16 pixels: BCE = ln 2; Dice = 1 - (2*8 + 1) / (8 + 16 + 1) = 0.32.
    auto l = segLoss(torch::zeros({1, 1, 4, 4}), torch::ones({1, 1, 4, 4}));
    const double want = 0.2 * std::log(2.0) + 0.8 * (1.0 - 17.0 / 25.0);
    REQUIRE_MESSAGE((std::abs(l.item<double>() - want) < 1e-6), l.item<double>() << " vs " << want);
    // A confident correct prediction costs almost nothing.
    REQUIRE((segLoss(torch::full({1, 1, 4, 4}, 20.0), torch::ones({1, 1, 4, 4})).item<double>() < 0.01));
}

TEST_CASE("click_sampler_places_clicks_in_the_error_region")
{
    std::mt19937_64 rng(3);
    // Image 0: target = left half, prediction = top half -> errors: bottom-left (missed), top-right (false).
    // Image 1: prediction equals the target -> a positive point inside the target.
    // Image 2: empty target and prediction -> padding.
    auto target = torch::zeros({3, 8, 8}, torch::kBool), pred = torch::zeros({3, 8, 8}, torch::kBool);
    target[0].slice(1, 0, 4).fill_(true);
    pred[0].slice(0, 0, 4).fill_(true);
    target[1].slice(0, 2, 5).slice(1, 2, 5).fill_(true);
    pred[1] = target[1].clone();
    int positives = 0, negatives = 0;
    for (int trial = 0; trial < 200; ++trial) {
        auto [c, l] = sampleClicks(target, pred, rng);
        REQUIRE((c.sizes() == at::IntArrayRef({3, 1, 2}) && l.sizes() == at::IntArrayRef({3, 1})));
        const int64_t x = c[0][0][0].item<int64_t>(), y = c[0][0][1].item<int64_t>(), lab = l[0][0].item<int64_t>();
        if (lab == 1) {
            ++positives;
            REQUIRE_MESSAGE((x < 4 && y >= 4), "positive click outside the missed region: " << x << "," << y);
        } else {
            ++negatives;
            REQUIRE_MESSAGE((lab == 0 && x >= 4 && y < 4), "negative click outside the false region: " << x << "," << y);
        }
        const int64_t x1 = c[1][0][0].item<int64_t>(), y1 = c[1][0][1].item<int64_t>();
        REQUIRE((l[1][0].item<int64_t>() == 1 && x1 >= 2 && x1 < 5 && y1 >= 2 && y1 < 5));
        REQUIRE((l[2][0].item<int64_t>() == -1));
    }
    // Both error kinds are sampled (uniformly over 32 missed and 32 false pixels).
    REQUIRE_MESSAGE((positives > 60 && negatives > 60), positives << " positive, " << negatives << " negative");
}

TEST_CASE("interior_click_sampling_clicks_the_middle_of_the_widest_error")
{
    // erosionDepth: a 5 x 5 block in the middle of 9 x 9 is 3 deep at its centre and 1
    // on its edge; a block touching the image border erodes from the border too.
    auto m = torch::zeros({2, 9, 9}, torch::kBool);
    m[0].slice(0, 2, 7).slice(1, 2, 7).fill_(true);
    m[1].slice(0, 0, 3).slice(1, 0, 3).fill_(true);
    auto d = erosionDepth(m);
    REQUIRE((d[0][4][4].item<float>() == 3.0f && d[0][2][2].item<float>() == 1.0f && d[0][0][0].item<float>() == 0.0f));
    REQUIRE((d[1][1][1].item<float>() == 2.0f && d[1][0][0].item<float>() == 1.0f));

    // Image 0: an 8 x 8 missed block (rows and columns 4-11) and a one-pixel false line
    // (row 14). Interior clicks land only in the block's middle (depth 3-4: rows and
    // columns 6-9), positive; uniform clicks also hit the line.
    // Image 1: no error -> a positive click in the middle of the target (rows 2-5, columns
    // 2-5: depth 2 of 2; the 2 x 2 centre).
    auto target = torch::zeros({2, 16, 16}, torch::kBool), pred = torch::zeros({2, 16, 16}, torch::kBool);
    target[0].slice(0, 4, 12).slice(1, 4, 12).fill_(true);
    pred[0][14].fill_(true);
    target[1].slice(0, 2, 6).slice(1, 2, 6).fill_(true);
    pred[1] = target[1].clone();
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 100; ++trial) {
        auto [c, l] = sampleClicks(target, pred, rng, ClickSampling::Interior);
        const int64_t x = c[0][0][0].item<int64_t>(), y = c[0][0][1].item<int64_t>();
        REQUIRE_MESSAGE((l[0][0].item<int64_t>() == 1 && x >= 6 && x <= 9 && y >= 6 && y <= 9),
                        "interior click at " << x << "," << y << " label " << l[0][0].item<int64_t>());
        const int64_t x1 = c[1][0][0].item<int64_t>(), y1 = c[1][0][1].item<int64_t>();
        REQUIRE_MESSAGE((l[1][0].item<int64_t>() == 1 && x1 >= 3 && x1 <= 4 && y1 >= 3 && y1 <= 4),
                        "click without error at " << x1 << "," << y1);
    }
    int onLine = 0;
    for (int trial = 0; trial < 200; ++trial) {
        auto [c, l] = sampleClicks(target, pred, rng, ClickSampling::Uniform);
        if (l[0][0].item<int64_t>() == 0) {
            REQUIRE((c[0][0][1].item<int64_t>() == 14));
            ++onLine;
        }
    }
    REQUIRE_MESSAGE((onLine > 10), onLine << " of 200 uniform clicks on the false line (16 of its 80 error pixels)");
}

TEST_CASE("iou_head_loss_is_the_squared_error_to_the_true_iou")
{
    // Prediction covers 4 of the target's 8 cells and 4 others: IoU = 4 / 12.
    auto target = torch::zeros({1, 1, 4, 4});
    target.view(-1).slice(0, 0, 8).fill_(1);
    auto logits = torch::full({1, 1, 4, 4}, -5.0);
    logits.view(-1).slice(0, 4, 12).fill_(5.0);
    auto pred = torch::full({1, 1}, 0.5, torch::requires_grad());
    auto l = iouHeadLoss(pred, logits, target);
    const double want = std::pow(0.5 - 4.0 / 12.0, 2);
    REQUIRE_MESSAGE((std::abs(l.item<double>() - want) < 1e-6), l.item<double>() << " vs " << want);
    l.backward();
    REQUIRE((pred.grad().defined() && std::abs(pred.grad().item<double>() - 2 * (0.5 - 4.0 / 12.0)) < 1e-5));
    // The target IoU carries no gradient into the logits.
    auto lg = logits.clone().requires_grad_(true);
    auto l2 = iouHeadLoss(pred.detach(), lg, target);
    REQUIRE((!l2.requires_grad()));
}

TEST_CASE("interactive_passes_train_the_click_embeddings")
{
    // SAM-SP's two passes never show the model a click (pass 1 gets a box and a mask),
    // so the positive / negative point embeddings stay as initialised; with the
    // interactive passes they are trained. (Whether clicks then help is measured by
    // `samsp eval --interactive` on real data, not in a unit test.)
    auto pointEmbeddingsChange = [](int passes) {
        torch::manual_seed(21);
        TrainSettings s;
        s.encoder = EncoderTraining::Full;
        s.lr = 2e-3, s.warmupSteps = 1, s.totalSteps = 5;
        s.interactivePasses = passes;
        Sam sam(smallConfig());
        auto before = sam->prompt_encoder->named_parameters()["point_embeddings.1.weight"].clone();
        auto negBefore = sam->prompt_encoder->named_parameters()["point_embeddings.0.weight"].clone();
        SamSpTrainer tr(sam, s, c10::kCPU);
        for (int i = 0; i < 5; ++i) tr.step(twoDiscs(4, 64, 100 + static_cast<uint64_t>(i)));
        auto after = sam->prompt_encoder->named_parameters()["point_embeddings.1.weight"];
        auto negAfter = sam->prompt_encoder->named_parameters()["point_embeddings.0.weight"];
        return std::make_pair(!torch::equal(before, after), !torch::equal(negBefore, negAfter));
    };
    const auto [posOff, negOff] = pointEmbeddingsChange(0);
    REQUIRE_MESSAGE((!posOff && !negOff), "without interactive passes a click embedding changed");
    const auto [posOn, negOn] = pointEmbeddingsChange(2);
    REQUIRE_MESSAGE((posOn && negOn), "with interactive passes the click embeddings stayed untouched (positive " << posOn
                                                                                                        << ", negative " << negOn << ")");
}

TEST_CASE("click_warmup_places_ungraded_clicks_before_the_graded_passes")
{
    // The warm-up draws 0..clickWarmup clicks per training forward pass (every count
    // turns up), none in evaluation, and adds no graded output: the click passes the
    // loss sees are still the lone click plus interactivePasses corrections.
    torch::manual_seed(5);
    TrainSettings s;
    s.encoder = EncoderTraining::Full;
    s.interactivePasses = 2;
    s.clickWarmup = 3;
    SamSpTrainer tr(Sam(smallConfig()), s, c10::kCPU);
    auto b = twoDiscs(2, 64, 7);
    std::vector<int> seen(4, 0);
    for (int i = 0; i < 40; ++i) {
        auto out = tr.forward(b.images, true, b.masks);
        REQUIRE((out.warmupClicks >= 0 && out.warmupClicks <= 3));
        ++seen[static_cast<size_t>(out.warmupClicks)];
        REQUIRE((out.clickLogits.size() == 3 && out.clickIou.size() == 3));
        for (const auto& c : out.clickLogits) REQUIRE(c.requires_grad());
    }
    for (int k = 0; k <= 3; ++k) REQUIRE_MESSAGE(seen[static_cast<size_t>(k)] > 0, "no forward pass drew " << k << " warm-up clicks");
    {
        torch::NoGradGuard ng;
        for (int i = 0; i < 5; ++i) REQUIRE((tr.forward(b.images, false, b.masks).warmupClicks == 0));
    }
    // A step with the warm-up trains (finite loss, the model's output moves).
    auto before = tr.forward(b.images, false).logits0.detach().clone();
    const auto l = tr.step(b);
    REQUIRE((std::isfinite(l.total) && l.interactive > 0));
    REQUIRE((!torch::equal(before, tr.forward(b.images, false).logits0)));
    s.clickWarmup = 0;
    SamSpTrainer off(Sam(smallConfig()), s, c10::kCPU);
    for (int i = 0; i < 5; ++i) REQUIRE((off.forward(b.images, true, b.masks).warmupClicks == 0));
}

TEST_CASE("distillation_sends_no_gradient_to_the_teacher")
{
    torch::manual_seed(1);
    TrainSettings s;
    s.encoder = EncoderTraining::Full;
    SamSpTrainer tr(Sam(smallConfig()), s, c10::kCPU);
    auto b = discs(2, 64, 3);
    auto out = tr.forward(b.images, true);
    REQUIRE((out.logits0.requires_grad() && out.logits1.requires_grad()));
    auto d = distillLoss(out.logits0, out.logits1, 2.0);
    auto g = torch::autograd::grad({d}, {out.logits0, out.logits1}, {}, true, false, true);
    REQUIRE((g[0].defined() && g[0].abs().sum().item<double>() > 0));
    REQUIRE_MESSAGE((!g[1].defined() || g[1].abs().sum().item<double>() == 0), "the teacher pass received a gradient");
    // beta = 0 removes the term entirely.
    s.beta = 0;
    SamSpTrainer off(Sam(smallConfig()), s, c10::kCPU);
    auto l = off.losses(off.forward(b.images, true), b.masks);
    REQUIRE((l.distill == 0.0));
}

TEST_CASE("gradients_are_deterministic")
{
    // Two identical backward passes give identical gradients (a LibTorch 1.13 CPU
    // backward through a sliced batched matmul once read uninitialised memory here).
    torch::manual_seed(12);
    TrainSettings s;
    s.encoder = EncoderTraining::Full;
    s.boxJitter = 0;
    Sam sam(smallConfig());
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 13);
    std::vector<torch::Tensor> first;
    for (int run = 0; run < 2; ++run) {
        for (auto& p : sam->parameters())
            if (p.grad().defined()) p.mutable_grad().zero_();
        torch::Tensor total;
        tr.losses(tr.forward(b.images, false), b.masks, &total);
        total.backward();
        size_t k = 0;
        for (auto& p : sam->named_parameters()) {
            if (!p.value().grad().defined()) continue;
            if (run == 0) first.push_back(p.value().grad().clone());
            else REQUIRE_MESSAGE((torch::equal(first[k], p.value().grad())), "gradient of " << p.key() << " differs between runs");
            ++k;
        }
    }
}

TEST_CASE("pass_one_is_prompted_by_pass_zero")
{
    torch::manual_seed(2);
    TrainSettings s;
    s.boxJitter = 0;
    SamSpTrainer tr(Sam(smallConfig()), s, c10::kCPU);
    auto b = discs(3, 64, 4);
    torch::NoGradGuard ng;
    auto out = tr.forward(b.images, false);
    REQUIRE((out.boxes.sizes() == at::IntArrayRef({3, 4})));
    for (int64_t i = 0; i < 3; ++i) {
        auto pos = out.logits0[i][0].gt(0);
        if (!pos.any().item<bool>()) { // empty pass 0 -> the whole image
            REQUIRE((out.boxes[i][0].item<float>() == 0 && out.boxes[i][2].item<float>() == 63));
            continue;
        }
        auto cols = pos.any(0).nonzero();
        REQUIRE((out.boxes[i][0].item<float>() == float(cols.min().item<int64_t>() * 4)));
    }
}

TEST_CASE("mask_noise_grows_or_shrinks_the_prompt_by_whole_cells")
{
    // Squares of logits +5 inside, -5 outside (10 x 10 cells at (11, 11) on a 32 x 32 grid).
    const int64_t N = 64, L = 32;
    auto logits = torch::full({N, 1, L, L}, -5.0f);
    logits.slice(2, 11, 21).slice(3, 11, 21).fill_(5.0f);
    std::mt19937_64 rng(7);
    std::vector<int> radii;
    auto out = perturbMaskLogits(logits, 0.5, rng, &radii);
    int grown = 0, shrunk = 0, kept = 0;
    for (int64_t i = 0; i < N; ++i) {
        const int r = radii[size_t(i)];
        REQUIRE((std::abs(r) <= 3));
        // The thresholded mask is the square grown or shrunk by |r| cells on every side.
        auto expect = torch::zeros({L, L}, torch::kBool);
        expect.slice(0, 11 - r, 21 + r).slice(1, 11 - r, 21 + r).fill_(true);
        REQUIRE((torch::equal(out[i][0].gt(0), expect)));
        grown += r > 0, shrunk += r < 0, kept += r == 0;
    }
    // About half untouched, the rest split between growing and shrinking (binomial, generous bounds).
    REQUIRE((kept > 16 && kept < 48));
    REQUIRE((grown > 4 && shrunk > 4));
    // Share 0 touches nothing; share 1 every image.
    REQUIRE((torch::equal(perturbMaskLogits(logits, 0.0, rng), logits)));
    perturbMaskLogits(logits, 1.0, rng, &radii);
    for (int r : radii) REQUIRE((r != 0));
}

TEST_CASE("mask_noise_only_touches_training_forward_passes")
{
    // Two trainers with the same weights, one with mask noise on every image: pass 1
    // (prompted by pass 0's continuous logits) differs in training and not otherwise.
    TrainSettings s;
    s.boxJitter = 0;
    torch::manual_seed(2);
    SamSpTrainer plain(Sam(smallConfig()), s, c10::kCPU);
    s.maskNoise = 1;
    torch::manual_seed(2);
    SamSpTrainer noisy(Sam(smallConfig()), s, c10::kCPU);
    auto b = discs(3, 64, 4);
    torch::NoGradGuard ng;
    auto p0 = plain.forward(b.images, false), n0 = noisy.forward(b.images, false);
    REQUIRE((torch::equal(p0.logits0, n0.logits0)));
    REQUIRE((torch::equal(p0.logits1, n0.logits1)));
    auto p1 = plain.forward(b.images, true), n1 = noisy.forward(b.images, true);
    REQUIRE((torch::equal(p1.logits0, n1.logits0)));
    REQUIRE((!torch::allclose(p1.logits1, n1.logits1)));
}

TEST_CASE("a_short_training_run_lowers_the_loss")
{
    torch::manual_seed(5);
    TrainSettings s;
    s.encoder = EncoderTraining::Full;
    s.lr = 2e-3;
    s.warmupSteps = 3;
    s.totalSteps = 40;
    SamSpTrainer tr(Sam(smallConfig()), s, c10::kCPU);
    auto b = discs(4, 64, 6);
    double first = 0, last = 0;
    for (int i = 0; i < 40; ++i) {
        auto l = tr.step(b);
        if (i == 0) first = l.total;
        last = l.total;
    }
    std::cout << "  loss " << first << " -> " << last << std::endl;
    REQUIRE_MESSAGE((last < 0.6 * first), "loss went from " << first << " to " << last);
    REQUIRE((tr.stepCount() == 40));
}

TEST_CASE("a_short_tiny_vit_training_run_lowers_the_loss")
{
    // "LoRA only" on TinyViT means full fine-tuning (it has no LoRA): the encoder changes.
    torch::manual_seed(15);
    TrainSettings s;
    s.interactivePasses = 0, s.iouWeight = 0; // the two-pass loss alone, comparable across runs
    s.lr = 2e-3;
    s.warmupSteps = 3;
    s.totalSteps = 40;
    Sam sam(smallTinyVitConfig());
    auto before = sam->image_encoder->named_parameters()["neck.0.weight"].clone();
    SamSpTrainer tr(sam, s, c10::kCPU);
    REQUIRE((tr.settings().encoder == EncoderTraining::Full));
    auto b = discs(4, 64, 16);
    double first = 0, last = 0;
    for (int i = 0; i < 40; ++i) {
        auto l = tr.step(b);
        if (i == 0) first = l.total;
        last = l.total;
    }
    std::cout << "  TinyViT loss " << first << " -> " << last << std::endl;
    REQUIRE_MESSAGE((last < 0.75 * first), "loss went from " << first << " to " << last);
    REQUIRE((!torch::equal(before, sam->image_encoder->named_parameters()["neck.0.weight"])));
}

TEST_CASE("bf16_mixed_precision_training_follows_fp32")
{
    // Mixed precision (bf16 autocast) on ViT and TinyViT SAMs: the weights and the
    // optimizer stay fp32, the first loss matches fp32's to bf16 accuracy, and a short
    // run lowers the loss as fp32 does. (Runs on any CPU: emulated bf16 is slow but
    // these models are tiny; which machines may use it is precision.h's policy.)
    for (const SamConfig& cfg : {smallConfig(), smallTinyVitConfig()}) {
        TrainSettings s;
        s.encoder = EncoderTraining::Full;
        s.lr = 2e-3;
        s.warmupSteps = 3;
        s.totalSteps = 30;
        s.boxJitter = 0;
        double firstLoss[2] = {0, 0}, lastLoss[2] = {0, 0};
        for (int mixed = 0; mixed < 2; ++mixed) {
            torch::manual_seed(31);
            Sam sam(cfg);
            s.bf16Autocast = mixed == 1;
            SamSpTrainer tr(sam, s, c10::kCPU);
            auto b = discs(4, 64, 32);
            for (int i = 0; i < 30; ++i) {
                auto l = tr.step(b);
                REQUIRE((std::isfinite(l.total)));
                if (i == 0) firstLoss[mixed] = l.total;
                lastLoss[mixed] = l.total;
            }
            for (const auto& p : sam->parameters()) REQUIRE((p.scalar_type() == torch::kFloat));
            REQUIRE((!at::autocast::is_cpu_enabled())); // the guard restored the global state
        }
        std::cout << "  " << (cfg.isTinyViT() ? "TinyViT" : "ViT") << " fp32 " << firstLoss[0] << " -> " << lastLoss[0]
                  << ", bf16 mixed " << firstLoss[1] << " -> " << lastLoss[1] << std::endl;
        REQUIRE_MESSAGE((std::abs(firstLoss[1] - firstLoss[0]) < 0.03 * firstLoss[0]), "first loss fp32 " << firstLoss[0] << " vs bf16 mixed " << firstLoss[1]);
        REQUIRE_MESSAGE((lastLoss[1] < 0.8 * firstLoss[1]), "bf16 mixed loss went from " << firstLoss[1] << " to " << lastLoss[1]);
    }
}

TEST_CASE("a_frozen_tiny_vit_keeps_its_batchnorm_statistics")
{
    torch::manual_seed(17);
    TrainSettings s;
    s.encoder = EncoderTraining::Frozen;
    Sam sam(smallTinyVitConfig());
    auto stats = sam->image_encoder->named_buffers()["patch_embed.seq.0.bn.running_mean"].clone();
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 18);
    for (int i = 0; i < 2; ++i) tr.step(b);
    REQUIRE((torch::equal(stats, sam->image_encoder->named_buffers()["patch_embed.seq.0.bn.running_mean"])));
}

TEST_CASE("tiny_vit_checkpoint_round_trip_through_safetensors")
{
    // A trained TinyViT SAM-SP checkpoint: saved as safetensors with its config,
    // loaded by inferring nothing from names, gives the same embeddings and decodes.
    torch::manual_seed(19);
    TrainSettings s;
    s.totalSteps = 3;
    Sam sam(smallTinyVitConfig());
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 20);
    for (int i = 0; i < 3; ++i) tr.step(b);
    auto path = std::filesystem::temp_directory_path() / ("samsp_tinyvit_rt_" + std::to_string(::getpid()) + ".safetensors");
    saveSafetensors(path, sam->stateDict(), {{"samsp.config", samConfigToJson(sam->config())}});
    Checkpoint ck = loadCheckpoint(path);
    const at::Tensor* nbt = ck.find("image_encoder.patch_embed.seq.0.bn.num_batches_tracked");
    REQUIRE((nbt && nbt->scalar_type() == at::kLong && nbt->item<int64_t>() > 0)); // counted while training, kept as an integer
    auto loaded = SamEngine::fromCheckpoint(path, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    REQUIRE((loaded->config().isTinyViT() && loaded->config().tvEmbedDims == smallTinyVitConfig().tvEmbedDims));
    sam->eval();
    SamEngine live(sam, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    auto x = b.images.slice(0, 0, 1);
    auto e1 = live.encodeTensor(x), e2 = loaded->encodeTensor(x);
    double d = (e1 - e2).abs().max().item<double>();
    REQUIRE_MESSAGE((d < 1e-5), "TinyViT embeddings differ by " << d << " after save/load");
    // Same weights, another file: the same identity.
    auto copy = path;
    copy.replace_filename("samsp_tinyvit_copy_" + std::to_string(::getpid()) + ".safetensors");
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
    auto again = SamEngine::fromCheckpoint(copy, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    REQUIRE((again->modelId() == loaded->modelId()));
    std::filesystem::remove(path);
    std::filesystem::remove(copy);
}

TEST_CASE("lora_only_training_changes_only_lora_prompt_and_decoder")
{
    torch::manual_seed(7);
    TrainSettings s; // LoRA-only by default
    Sam sam(smallConfig());
    auto before = sam->vit()->blockList()[0]->attn->qkv->weight.clone();
    auto loraBBefore = sam->vit()->blockList()[0]->attn->lora_b_q.clone();
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 8);
    for (int i = 0; i < 3; ++i) tr.step(b);
    REQUIRE((torch::equal(before, sam->vit()->blockList()[0]->attn->qkv->weight)));
    REQUIRE((!torch::equal(loraBBefore, sam->vit()->blockList()[0]->attn->lora_b_q)));
}

TEST_CASE("trained_checkpoint_round_trip_reproduces_outputs")
{
    torch::manual_seed(9);
    TrainSettings s;
    Sam sam(smallConfig());
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 10);
    for (int i = 0; i < 3; ++i) tr.step(b);
    auto path = std::filesystem::temp_directory_path() / ("samsp_train_rt_" + std::to_string(::getpid()) + ".safetensors");
    saveSafetensors(path, sam->stateDict(), {{"samsp.config", samConfigToJson(sam->config())}});
    auto loaded = SamEngine::fromCheckpoint(path, EngineOptions{DeviceChoice::Cpu});
    REQUIRE((loaded->config().loraRank == 2));
    SamEngine live(sam, EngineOptions{DeviceChoice::Cpu});
    auto x = b.images.slice(0, 0, 1);
    auto e1 = live.encodeTensor(x), e2 = loaded->encodeTensor(x);
    double d = (e1 - e2).abs().max().item<double>();
    REQUIRE_MESSAGE((d < 1e-4), "embeddings differ by " << d << " after save/load (LoRA merged on load)");
    std::filesystem::remove(path);
}


TEST_CASE("detail_fusion_starts_as_the_model_without_it")
{
    // A model gaining detail fusion loads the plain model's weights (its projection
    // starts at zero) and decodes exactly what the plain model decodes.
    torch::manual_seed(31);
    Sam plain(smallTinyVitConfig());
    SamConfig fc = smallTinyVitConfig();
    fc.detailFusion = true;
    Sam fused(fc);
    REQUIRE_NOTHROW(fused->loadStateDict(plain->stateDict(), "plain"));
    plain->eval(), fused->eval();
    SamEngine ep(plain, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    SamEngine ef(fused, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    auto x = discs(1, 64, 32).images;
    at::Tensor dp, df;
    Embedding a, b;
    a.features = ep.encodeTensor(x, &dp);
    b.features = ef.encodeTensor(x, &df);
    REQUIRE((!dp.defined()));
    REQUIRE((df.defined() && df.sizes() == at::IntArrayRef({1, fc.outChans / 8, 16, 16})));
    b.detail = df;
    a.frame = b.frame = ImageFrame(64, 64, 64, 16);
    const BoxF box{10, 12, 40, 44};
    auto pa = ep.decodeInputFrame(a, {}, box, {}, false, false), pb = ef.decodeInputFrame(b, {}, box, {}, false, false);
    const double d = (pa.lowResLogits - pb.lowResLogits).abs().max().item<double>();
    REQUIRE_MESSAGE((d == 0.0), "a fresh detail projection changed the logits by " << d);
    // The fused model refuses an embedding without its detail features, with a clear error.
    b.detail = at::Tensor();
    REQUIRE_THROWS_WITH_AS(ef.decodeInputFrame(b, {}, box, {}, false, false), doctest::Contains("detail features"), ModelError);
}

TEST_CASE("detail_fusion_puts_each_detail_pixel_on_its_own_mask_pixel")
{
    // The decoder's upscaled rows are ordered (i, j, u1, v1, u2, v2); the detail map is a
    // plain NCHW image. Changing one detail pixel must change that one logit pixel only.
    torch::manual_seed(33);
    SamConfig fc = smallTinyVitConfig();
    fc.detailFusion = true;
    Sam sam(fc);
    sam->eval();
    torch::NoGradGuard ng;
    auto& dec = sam->mask_decoder;
    dec->detail_proj->weight.normal_(0, 1.0);
    const int64_t E = fc.embeddingSize(), uc = fc.outChans / 8;
    auto emb = torch::randn({1, fc.outChans, E, E});
    auto pe = sam->prompt_encoder->getDensePe();
    auto [sp, dn] = sam->prompt_encoder->forward(std::nullopt, std::nullopt, std::nullopt);
    auto detail = dec->projectDetail(torch::randn({1, fc.tvEmbedDims[0], 4 * E, 4 * E}));
    REQUIRE((detail.sizes() == at::IntArrayRef({1, uc, 4 * E, 4 * E})));
    auto base = dec->forward(emb, pe, sp, dn, false, detail).lowResLogits;
    for (auto [y, x] : {std::pair<int64_t, int64_t>{5, 9}, {0, 15}, {14, 3}}) {
        auto moved = detail.clone();
        moved.select(2, y).select(2, x).add_(5.0);
        auto out = dec->forward(emb, pe, sp, dn, false, moved).lowResLogits;
        auto changed = (out - base).abs().gt(1e-6).squeeze();
        REQUIRE((changed[y][x].item<bool>()));
        REQUIRE_MESSAGE((changed.sum().item<int64_t>() == 1), "moving detail pixel (" << y << ", " << x << ") changed "
                                                                 << changed.sum().item<int64_t>() << " logits");
    }
    // Without the detail features the fused decoder refuses to run.
    REQUIRE_THROWS(dec->forward(emb, pe, sp, dn, false));
}

TEST_CASE("detail_fusion_is_trained_and_round_trips_through_checkpoints")
{
    torch::manual_seed(35);
    SamConfig fc = smallTinyVitConfig();
    fc.detailFusion = true;
    Sam sam(fc);
    REQUIRE((sam->mask_decoder->detail_proj->weight.abs().max().item<double>() == 0.0));
    TrainSettings s;
    s.totalSteps = 3;
    s.warmupSteps = 0;
    SamSpTrainer tr(sam, s, c10::kCPU);
    auto b = discs(2, 64, 36);
    for (int i = 0; i < 3; ++i) tr.step(b);
    REQUIRE((sam->mask_decoder->detail_proj->weight.abs().max().item<double>() > 0.0));
    sam->eval();

    // The configuration says so in its metadata; without metadata the tensors say so.
    auto path = std::filesystem::temp_directory_path() / ("samsp_detail_" + std::to_string(::getpid()) + ".safetensors");
    saveSafetensors(path, sam->stateDict(), {{"samsp.config", samConfigToJson(sam->config())}});
    auto loaded = SamEngine::fromCheckpoint(path, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    REQUIRE((loaded->config().detailFusion));
    saveSafetensors(path, sam->stateDict(), {});
    REQUIRE((inferConfig(loadCheckpoint(path)).detailFusion));
    std::filesystem::remove(path);
    REQUIRE((!inferConfig(Checkpoint{Sam(smallTinyVitConfig())->stateDict(), {}}).detailFusion));

    // The loaded model decodes as the trained one.
    SamEngine live(sam, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    auto x = b.images.slice(0, 0, 1);
    Embedding e1, e2;
    e1.features = live.encodeTensor(x, &e1.detail);
    e2.features = loaded->encodeTensor(x, &e2.detail);
    e1.frame = e2.frame = ImageFrame(64, 64, 64, 16);
    auto p1 = live.decodeInputFrame(e1, {}, std::nullopt, {}, false, false);
    auto p2 = loaded->decodeInputFrame(e2, {}, std::nullopt, {}, false, false);
    REQUIRE(((p1.lowResLogits - p2.lowResLogits).abs().max().item<double>() < 1e-4));

    // Only TinyViT has the stride-4 stage.
    SamConfig vit = smallConfig();
    vit.detailFusion = true;
    REQUIRE_THROWS_WITH_AS(vit.validate(), doctest::Contains("TinyViT"), ModelError);
}
