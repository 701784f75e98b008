// SAM-SP self-prompting: prompts from masks, the pass trace, and LoRA identities.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "test_helpers.h"

#include "model/engine.h"
#include "model/errors.h"
#include "model/mask_prompts.h"
#include "model/mask_resize.h"
#include "model/selfprompt.h"

#include <torch/torch.h>

using namespace samsp::model;

namespace {

GridMask gridFrom(const std::vector<std::string>& rows)
{
    GridMask m{static_cast<int64_t>(rows[0].size()), static_cast<int64_t>(rows.size()), {}};
    for (const auto& r : rows)
        for (char c : r) m.data.push_back(c == '#');
    return m;
}

SamEngine& tinyEngine()
{
    static std::unique_ptr<SamEngine> e = [] {
        auto dir = testsupport::goldenDir();
        auto cfg = samConfigFromJson(testsupport::readText(dir / "tiny_sam_config.json"));
        return SamEngine::fromCheckpoint(dir / "tiny_sam.pth", EngineOptions{DeviceChoice::Cpu}, cfg);
    }();
    return *e;
}

// A 64 x 48 patterned image on which the reference weights find something.
Embedding patternedEmbedding(SamEngine& eng)
{
    std::vector<uint8_t> img(64 * 48 * 3);
    for (size_t i = 0; i < img.size(); ++i) img[i] = static_cast<uint8_t>((i * 37) % 251);
    return eng.encode(ImageU8{img.data(), 64, 48, 64 * 3});
}

} // namespace

TEST_CASE("image_frame_maps_coordinates_both_ways")
{
    // SAM's ResizeLongestSide: 480 x 640 -> 768 x 1024 (scale 1.6), int(x + 0.5) rounding.
    auto hw = ImageFrame::preprocessShape(480, 640, 1024);
    REQUIRE((hw[0] == 768 && hw[1] == 1024));
    auto odd = ImageFrame::preprocessShape(333, 500, 1024); // 681.98 -> 682
    REQUIRE((odd[0] == 682 && odd[1] == 1024));
    ImageFrame f(640, 480, 1024, 256);
    REQUIRE((f.inputW() == 1024 && f.inputH() == 768));
    REQUIRE((f.cell() == 4.0));
    REQUIRE((f.lowResValidW() == 256 && f.lowResValidH() == 192));
    auto p = f.pointToInput({100.0, 50.0});
    REQUIRE((std::abs(p.x - 160.0) < 1e-12 && std::abs(p.y - 80.0) < 1e-12));
    auto back = f.pointToOriginal(p);
    REQUIRE((std::abs(back.x - 100.0) < 1e-12 && std::abs(back.y - 50.0) < 1e-12));
    auto b = f.boxToOriginal(f.boxToInput({10, 20, 630, 470}));
    REQUIRE((std::abs(b[0] - 10) < 1e-9 && std::abs(b[3] - 470) < 1e-9));
    // A tall image: the height is the long side.
    ImageFrame t(100, 400, 256, 64);
    REQUIRE((t.inputH() == 256 && t.inputW() == 64 && t.lowResValidW() == 16));
    bool threw = false;
    try {
        ImageFrame bad(0, 10, 256, 64);
    } catch (const ModelError&) {
        threw = true;
    }
    REQUIRE((threw));
}

TEST_CASE("composed_mask_resize_equals_sams_two_bilinear_steps")
{
    // MaskResizer replaces SAM's postprocess (bilinear to S x S, crop, bilinear to
    // the original size); it must give the same logits and the same masks.
    namespace F = torch::nn::functional;
    torch::manual_seed(3);
    struct Case
    {
        int64_t w, h, S, L;
    };
    for (const auto& c : {Case{640, 480, 1024, 256}, Case{1000, 750, 1024, 256}, Case{333, 500, 1024, 256},
                          Case{2048, 1536, 1024, 256}, Case{100, 400, 256, 64}, Case{257, 255, 256, 64},
                          Case{256, 192, 256, 64}}) {
        CAPTURE(c.w);
        CAPTURE(c.h);
        ImageFrame f(c.w, c.h, c.S, c.L);
        auto low = torch::randn({2, c.L, c.L}) * 4;
        auto bil = [](const at::Tensor& t, int64_t h, int64_t w) {
            return F::interpolate(t, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false));
        };
        auto ref = bil(bil(low.unsqueeze(0), c.S, c.S).slice(2, 0, f.inputH()).slice(3, 0, f.inputW()), c.h, c.w).squeeze(0);
        MaskResizer resize;
        auto got = resize(low, f);
        REQUIRE((got.sizes() == ref.sizes()));
        CHECK((got - ref).abs().max().item<float>() < 1e-4f);
        const double agree = got.gt(0).eq(ref.gt(0)).to(torch::kFloat).mean().item<double>();
        CHECK(agree > 0.99999);
        auto again = resize(low, f); // from the cache
        CHECK((again.equal(got)));
    }
}

TEST_CASE("box_from_mask_is_min_max_of_positive_cells")
{
    auto m = gridFrom({"......",
                       "..##..",
                       "..###.",
                       "......"});
    auto b = boxFromMask(m);
    REQUIRE((b.has_value()));
    REQUIRE((b->x0 == 2 && b->y0 == 1 && b->x1 == 4 && b->y1 == 2));
    REQUIRE((!boxFromMask(gridFrom({"...", "..."})).has_value()));
}

TEST_CASE("largest_component_drops_islands")
{
    auto m = gridFrom({"#.....",
                       "...###",
                       "...###",
                       "#....."});
    auto l = largestComponent(m);
    REQUIRE((l.area() == 6));
    auto b = boxFromMask(l);
    REQUIRE((b->x0 == 3 && b->y0 == 1 && b->x1 == 5 && b->y1 == 2));
    // Diagonal neighbours are connected (8-connectivity).
    REQUIRE((largestComponent(gridFrom({"#..", ".#.", "..#"})).area() == 3));
}

TEST_CASE("small_islands_are_dropped_comparable_parts_kept")
{
    // A 12-cell object, a 9-cell second part and a 1-cell island in the corner: at
    // 0.25 of the largest the island goes (the box no longer starts at x = 0) and
    // both parts stay; 0 keeps everything; 1 keeps the largest only.
    auto m = gridFrom({"#...........",
                       "............",
                       "....####....",
                       "....####.###",
                       "....####.###",
                       ".........###"});
    REQUIRE((boxFromMask(m)->x0 == 0));
    auto d = dropSmallComponents(m, 0.25);
    REQUIRE((d.area() == 21));
    REQUIRE((d.at(0, 0) == 0));
    auto b = boxFromMask(d);
    REQUIRE((b->x0 == 4 && b->y0 == 2 && b->x1 == 11 && b->y1 == 5));
    REQUIRE((dropSmallComponents(m, 0).area() == 22));
    REQUIRE((dropSmallComponents(m, 1.0).area() == 12));
    REQUIRE((dropSmallComponents(gridFrom({"...", "..."}), 0.5).area() == 0));
}

TEST_CASE("farthest_point_is_the_distance_transform_maximum")
{
    // A 5x5 square inside a 7x7 grid: the centre cell is the unique farthest one.
    auto m = gridFrom({".......",
                       ".#####.",
                       ".#####.",
                       ".#####.",
                       ".#####.",
                       ".#####.",
                       "......."});
    auto p = farthestPoint(m);
    REQUIRE((p.has_value()));
    REQUIRE((p->x == 3 && p->y == 3));
    REQUIRE((std::abs(p->distance - 3.0) < 1e-9));
    // The grid edge counts as outside: a full grid's farthest point is its centre.
    auto full = gridFrom({"#####", "#####", "#####"});
    auto q = farthestPoint(full);
    REQUIRE((q->x == 1 || q->x == 2 || q->x == 3));
    REQUIRE((q->y == 1));
    REQUIRE((!farthestPoint(gridFrom({"..", ".."})).has_value()));
}

TEST_CASE("mask_iou")
{
    auto a = gridFrom({"##..", "##.."});
    auto b = gridFrom({".##.", ".##."});
    REQUIRE((std::abs(maskIou(a, b) - 2.0 / 6.0) < 1e-12));
    REQUIRE((maskIou(gridFrom({".."}), gridFrom({".."})) == 1.0));
}

TEST_CASE("trace_has_k_plus_one_passes_with_the_method_prompts")
{
    auto& eng = tinyEngine();
    Embedding emb = patternedEmbedding(eng);
    SelfPromptSettings s;
    s.passes = 3;
    s.usePoint = true;
    s.earlyStopIou = 2.0; // never stop early
    auto r = runSelfPrompt(eng, emb, s);
    // The reference weights find something on this image; the assertions below must run.
    REQUIRE_MESSAGE((r.found), "no object found on the test image: " << r.message);
    REQUIRE((r.trace.size() == 4));
    REQUIRE((!r.trace[0].box && r.trace[0].points.empty() && !r.trace[0].maskFed));
    for (int k = 1; k <= 3; ++k) {
        const auto& pass = r.trace[static_cast<size_t>(k)];
        REQUIRE((pass.index == k));
        REQUIRE((pass.maskFed));
        REQUIRE((pass.box.has_value()));
        REQUIRE((pass.points.size() == 1));
        // The box is the previous pass's mask extent, mapped to original pixels.
        auto prev = lowResMask(r.trace[static_cast<size_t>(k - 1)].lowResLogits, emb.frame);
        auto cb = boxFromMask(prev);
        const double cell = emb.frame.cell();
        auto expect = emb.frame.boxToOriginal({cb->x0 * cell, cb->y0 * cell,
                                               std::min((cb->x1 + 1) * cell - 1, double(emb.frame.inputW() - 1)),
                                               std::min((cb->y1 + 1) * cell - 1, double(emb.frame.inputH() - 1))});
        for (int i = 0; i < 4; ++i) REQUIRE((std::abs((*pass.box)[static_cast<size_t>(i)] - expect[static_cast<size_t>(i)]) < 1e-6));
        // Prompt coordinates lie in the image.
        REQUIRE(((*pass.box)[0] >= 0 && (*pass.box)[2] <= 64 && (*pass.box)[3] <= 48));
    }
    REQUIRE((r.mask.sizes() == at::IntArrayRef({48, 64})));
    // The final mask is the last pass's logits upsampled.
    auto up = eng.upsampleLogits(r.trace.back().lowResLogits, emb.frame).squeeze(0).gt(0);
    REQUIRE((torch::equal(up, r.mask)));
}

TEST_CASE("keep_best_iou_returns_the_pass_the_iou_head_rates_highest")
{
    auto& eng = tinyEngine();
    Embedding emb = patternedEmbedding(eng);
    SelfPromptSettings s;
    s.passes = 3;
    s.earlyStopIou = 2.0;
    auto last = runSelfPrompt(eng, emb, s);
    s.keep = KeepPass::BestPredictedIou;
    auto best = runSelfPrompt(eng, emb, s);
    REQUIRE_MESSAGE((last.found && best.found), "no object found on the test image: " << last.message);
    REQUIRE((last.finalPass == 3));
    REQUIRE((best.trace.size() == last.trace.size())); // every pass still runs and is traced
    int expect = 0;
    for (int k = 0; k < int(best.trace.size()); ++k) {
        REQUIRE((best.trace[size_t(k)].predictedIou == last.trace[size_t(k)].predictedIou)); // same passes, same order
        if (best.trace[size_t(k)].predictedIou >= best.trace[size_t(expect)].predictedIou) expect = k; // later wins ties
    }
    REQUIRE((best.finalPass == expect));
    auto up = eng.upsampleLogits(best.trace[size_t(expect)].lowResLogits, emb.frame).squeeze(0).gt(0);
    REQUIRE((torch::equal(up, best.mask)));
    // The names the command line, projects and settings use, both ways; anything else is refused.
    for (auto k : {KeepPass::Last, KeepPass::BestPredictedIou}) REQUIRE((parseKeepPass(keepPassName(k)) == k));
    REQUIRE((!parseKeepPass("best").has_value()));
}

TEST_CASE("keep_best_iou_never_returns_a_propagation_seed")
{
    // A seed is recorded as pass 0 with predicted IoU 1; it is not a prediction and must not win.
    auto& eng = tinyEngine();
    Embedding emb = patternedEmbedding(eng);
    std::vector<uint8_t> seedMask(64 * 48, 0);
    for (int y = 10; y < 30; ++y)
        for (int x = 15; x < 45; ++x) seedMask[size_t(y * 64 + x)] = 255;
    SelfPromptSettings s;
    s.passes = 2;
    s.earlyStopIou = 2.0;
    s.keep = KeepPass::BestPredictedIou;
    auto r = runSelfPromptFrom(eng, emb, seedLogitsFromMask(seedMask.data(), 64, 48, emb.frame), s);
    REQUIRE_MESSAGE((r.found), r.message);
    REQUIRE((r.trace[0].predictedIou == 1.f));
    REQUIRE((r.finalPass >= 1));
}

TEST_CASE("early_stop_and_empty_pass")
{
    auto& eng = tinyEngine();
    std::vector<uint8_t> img(32 * 32 * 3, 90);
    Embedding emb = eng.encode(ImageU8{img.data(), 32, 32, 96});
    SelfPromptSettings s;
    s.passes = 5;
    s.earlyStopIou = 0.0; // any second pass "converges"
    auto r = runSelfPrompt(eng, emb, s);
    REQUIRE_MESSAGE((r.found), "no object found on the test image: " << r.message);
    REQUIRE((r.trace.size() == 2));
    REQUIRE((r.stoppedEarly));
    // Force an empty pass 0: a decoder whose mask bias is hugely negative.
    SamEngine blank(eng.config(), EngineOptions{DeviceChoice::Cpu});
    {
        torch::NoGradGuard ng;
        auto& up = blank.model()->mask_decoder->output_upscaling;
        for (auto& p : up->named_parameters()) p.value().zero_();
        for (auto& m : *blank.model()->mask_decoder->output_hypernetworks_mlps)
            for (auto& p : m->named_parameters()) p.value().zero_();
    }
    blank.applyPrecision();
    Embedding e2 = blank.encode(ImageU8{img.data(), 32, 32, 96});
    auto r2 = runSelfPrompt(blank, e2, s);
    REQUIRE((!r2.found));
    REQUIRE((r2.trace.size() == 1));
    REQUIRE((r2.message.find("no object found") != std::string::npos));
    REQUIRE((!r2.mask.defined()));
}

TEST_CASE("lora_with_zero_b_equals_base_and_merged_equals_unmerged")
{
    SamConfig c = samConfigForVariant("tiny");
    c.imageSize = 128;
    torch::manual_seed(3);
    Sam base(c);
    SamConfig cl = c;
    cl.loraRank = 4;
    Sam lora(cl);
    {
        torch::NoGradGuard ng;
        lora->loadStateDict(base->stateDict(), "base");
    }
    base->eval(), lora->eval();
    auto x = torch::randn({1, 3, 128, 128});
    torch::NoGradGuard ng;
    auto y0 = base->image_encoder->forward(x);
    auto y1 = lora->image_encoder->forward(x);
    REQUIRE(((y0 - y1).abs().max().item<double>() == 0.0));
    // Non-zero B: output changes; merging gives the same output as the unmerged path.
    for (auto& b : lora->vit()->blockList()) {
        b->attn->lora_b_q.normal_(0, 0.05);
        b->attn->lora_b_v.normal_(0, 0.05);
    }
    auto yUnmerged = lora->image_encoder->forward(x);
    REQUIRE(((yUnmerged - y0).abs().max().item<double>() > 1e-4));
    lora->mergeLora();
    auto yMerged = lora->image_encoder->forward(x);
    double d = (yUnmerged - yMerged).abs().max().item<double>();
    REQUIRE_MESSAGE((d < 1e-4), "merged differs from unmerged by " << d);
    lora->unmergeLora();
    auto yBack = lora->image_encoder->forward(x);
    REQUIRE(((yBack - yUnmerged).abs().max().item<double>() < 1e-4));
}

