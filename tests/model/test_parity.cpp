// Parity of the C++ SAM with the public reference implementation, on the
// reference outputs in ../shared/testdata/sam (or $SAMSP_GOLDEN_DIR: any folder
// of the same layout; the architecture comes from its tiny_sam_config.json and
// the cases from its `cases` list). Tolerances are those of testdata/README.md.
// Compiled a second time with SAMSP_PARITY_MOBILESAM, the same cases check the
// TinyViT encoder against MobileSAM's reference (../shared/testdata/mobilesam or
// $SAMSP_MOBILESAM_GOLDEN_DIR, architecture from tiny_mobilesam_config.json).

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "test_helpers.h"

#include "model/checkpoint.h"
#include "model/engine.h"
#include "model/errors.h"
#include "model/sam.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <fstream>
#include <iostream>

using namespace samsp::model;

namespace {

struct Golden
{
    c10::IValue root;
    std::vector<std::string> cases;
    bool has(const std::string& k) const { return root.toGenericDict().contains(c10::IValue(k)); }
    at::Tensor t(const std::string& k) const
    {
        if (!has(k)) FAIL("golden data lacks '" << k << "'");
        return root.toGenericDict().at(c10::IValue(k)).toTensor();
    }
};

Golden& golden()
{
    static Golden g = [] {
        auto path = testsupport::paritySet().dir / "golden_io.pt";
        std::string bytes = testsupport::readText(path);
        std::vector<char> v(bytes.begin(), bytes.end());
        Golden g;
        g.root = torch::pickle_load(v);
        for (const auto& c : g.root.toGenericDict().at(c10::IValue(std::string("cases"))).toListRef())
            g.cases.push_back(c.toStringRef());
        return g;
    }();
    return g;
}

SamEngine& engine()
{
    static std::unique_ptr<SamEngine> e = [] {
        const auto set = testsupport::paritySet();
        SamConfig cfg = samConfigFromJson(testsupport::readText(set.dir / set.config));
        auto eng = SamEngine::fromCheckpoint(set.dir / set.checkpoint, EngineOptions{DeviceChoice::Cpu}, cfg);
        std::cout << "  reference set: " << set.label << " in " << set.dir << std::endl;
        return eng;
    }();
    return *e;
}

double maxDiff(const at::Tensor& a, const at::Tensor& b)
{
    REQUIRE_MESSAGE((a.sizes() == b.sizes()), "shape " << a.sizes() << " vs reference " << b.sizes());
    if (a.numel() == 0) return 0.0;
    return (a.to(torch::kFloat) - b.to(torch::kFloat)).abs().max().item<double>();
}

double agreement(const at::Tensor& a, const at::Tensor& b)
{
    REQUIRE_MESSAGE((a.sizes() == b.sizes()), "mask shape " << a.sizes() << " vs reference " << b.sizes());
    return a.eq(b).to(torch::kDouble).mean().item<double>();
}

Prompts promptsFor(const std::string& c)
{
    Golden& g = golden();
    Prompts p;
    if (g.has(c + ".point_coords")) {
        auto xy = g.t(c + ".point_coords").to(torch::kDouble);
        auto lab = g.t(c + ".point_labels").to(torch::kLong);
        for (int64_t i = 0; i < xy.size(0); ++i)
            p.points.push_back({xy[i][0].item<double>(), xy[i][1].item<double>(), static_cast<int>(lab[i].item<int64_t>())});
    }
    if (g.has(c + ".box_xyxy")) {
        auto b = g.t(c + ".box_xyxy").to(torch::kDouble).reshape({4});
        p.box = BoxF{b[0].item<double>(), b[1].item<double>(), b[2].item<double>(), b[3].item<double>()};
    }
    if (g.has(c + ".mask_input")) p.maskLogits = g.t(c + ".mask_input");
    return p;
}

Embedding goldenEmbedding()
{
    Golden& g = golden();
    auto img = g.t("image_hwc_uint8");
    Embedding e;
    e.features = g.t("image_embeddings").to(torch::kFloat);
    e.frame = ImageFrame(img.size(1), img.size(0), engine().config().imageSize, engine().config().lowResSize());
    e.modelId = "golden";
    return e;
}

} // namespace

TEST_CASE("encoder_matches_reference")
{
    auto out = engine().encodeTensor(golden().t("input_tensor"));
    double d = maxDiff(out, golden().t("image_embeddings"));
    std::cout << "  encoder max |diff| = " << d << std::endl;
    REQUIRE_MESSAGE((d <= 1e-3), "encoder output differs by " << d);
}

TEST_CASE("dense_pe_matches_reference")
{
    c10::InferenceMode im;
    double d = maxDiff(engine().model()->prompt_encoder->getDensePe(), golden().t("dense_pe"));
    REQUIRE_MESSAGE((d <= 1e-3), "dense PE differs by " << d);
}

TEST_CASE("prompt_embeddings_match_reference")
{
    Golden& g = golden();
    const auto& cfg = engine().config();
    auto emb = goldenEmbedding();
    for (const auto& c : g.cases) {
        Prompts p = promptsFor(c);
        c10::InferenceMode im;
        std::optional<std::pair<at::Tensor, at::Tensor>> pts;
        if (!p.points.empty()) {
            std::vector<float> xy;
            std::vector<int64_t> lab;
            for (auto& q : p.points) {
                auto t = emb.frame.pointToInput({q.x, q.y});
                xy.push_back(float(t.x)), xy.push_back(float(t.y)), lab.push_back(q.label);
            }
            pts = std::make_pair(torch::tensor(xy).view({1, -1, 2}), torch::tensor(lab).view({1, -1}));
        }
        std::optional<at::Tensor> box;
        if (p.box) {
            auto b = emb.frame.boxToInput(*p.box);
            box = torch::tensor({float(b[0]), float(b[1]), float(b[2]), float(b[3])}).view({1, 4});
        }
        std::optional<at::Tensor> mask;
        if (p.maskLogits.defined()) mask = p.maskLogits.reshape({1, 1, cfg.lowResSize(), cfg.lowResSize()});
        auto [sparse, dense] = engine().model()->prompt_encoder->forward(pts, box, mask);
        double ds = maxDiff(sparse, g.t(c + ".sparse_embeddings"));
        REQUIRE_MESSAGE((ds <= 1e-3), c << ": sparse embeddings differ by " << ds);
        if (g.has(c + ".dense_embeddings")) {
            double dd = maxDiff(dense, g.t(c + ".dense_embeddings"));
            REQUIRE_MESSAGE((dd <= 1e-3), c << ": dense embeddings differ by " << dd);
        }
    }
}

TEST_CASE("decoder_matches_reference_for_every_case")
{
    Golden& g = golden();
    REQUIRE((!g.cases.empty()));
    auto emb = goldenEmbedding();
    for (const auto& c : g.cases) {
        const bool multi = g.t(c + ".multimask_output").item<bool>();
        Prediction pr = engine().decode(emb, promptsFor(c), multi, true);
        double dl = maxDiff(pr.lowResLogits.unsqueeze(0), g.t(c + ".low_res_logits"));
        auto iouRef = g.t(c + ".iou_predictions").reshape({-1});
        REQUIRE((static_cast<int64_t>(pr.iou.size()) == iouRef.numel()));
        double di = 0;
        for (size_t i = 0; i < pr.iou.size(); ++i)
            di = std::max(di, std::abs(double(pr.iou[i]) - iouRef[static_cast<int64_t>(i)].item<double>()));
        double agree = agreement(pr.masks.unsqueeze(0), g.t(c + ".masks"));
        std::cout << "  " << c << ": logits |diff| " << dl << ", IoU |diff| " << di << ", masks agree " << agree << std::endl;
        REQUIRE_MESSAGE((dl <= 1e-3), c << ": low-res logits differ by " << dl);
        REQUIRE_MESSAGE((di <= 1e-4), c << ": IoU predictions differ by " << di);
        REQUIRE_MESSAGE((agree >= 0.999), c << ": masks agree on only " << agree);
    }
}

TEST_CASE("end_to_end_from_uint8_image")
{
    Golden& g = golden();
    auto img = g.t("image_hwc_uint8").contiguous();
    ImageU8 view{img.data_ptr<uint8_t>(), img.size(1), img.size(0), img.size(1) * 3};
    ImageFrame fr;
    auto input = engine().preprocess(view, &fr);
    double dIn = maxDiff(input, g.t("input_tensor"));
    std::cout << "  preprocess max |diff| vs PIL resize = " << dIn << std::endl;
    // PIL and LibTorch round a few bilinear samples differently by one grey level (~0.02 after normalising).
    REQUIRE_MESSAGE((dIn <= 0.05), "preprocessed input differs by " << dIn);
    Embedding e = engine().encode(view);
    for (const auto& c : g.cases) {
        const bool multi = g.t(c + ".multimask_output").item<bool>();
        Prediction pr = engine().decode(e, promptsFor(c), multi, true);
        double agree = agreement(pr.masks.unsqueeze(0), g.t(c + ".masks"));
        std::cout << "  " << c << " end to end: masks agree " << agree << std::endl;
        REQUIRE_MESSAGE((agree >= 0.99), c << ": end-to-end masks agree on only " << agree);
    }
}

TEST_CASE("bf16_encoder_masks_agree_with_fp32")
{
    // Precision setting: bf16 encoder (decoder fp32 on CPU). Where the CPU has native
    // bf16, masks must agree >= 99 % with fp32. Where it has not, bf16 must be refused
    // with a message naming what the CPU lacks (an emulated bf16 encoder is both slow
    // and less exact: 0.974 agreement was seen on a Zen 3).
    Golden& g = golden();
    const auto set = testsupport::paritySet();
    SamConfig cfg = samConfigFromJson(testsupport::readText(set.dir / set.config));
    if (!cpuFeatures().nativeBf16()) {
        std::cout << "  this CPU, " << cpuFeatures().summary()
                  << ", has no native bf16: the agreement check cannot run here; checking that bf16 is refused instead"
                  << std::endl;
        REQUIRE_THROWS_WITH_AS(SamEngine::fromCheckpoint(set.dir / set.checkpoint, EngineOptions{DeviceChoice::Cpu, Precision::Bf16}, cfg), doctest::Contains("neither AVX512_BF16 nor AMX_BF16"), ModelError);
        auto autoEngine =
            SamEngine::fromCheckpoint(set.dir / set.checkpoint, EngineOptions{DeviceChoice::Cpu, Precision::Auto}, cfg);
        REQUIRE((autoEngine->precision() == Precision::Fp32));
        return;
    }
    std::cout << "  this CPU, " << cpuFeatures().summary() << ", has native bf16: checking agreement" << std::endl;
    auto bf = SamEngine::fromCheckpoint(set.dir / set.checkpoint, EngineOptions{DeviceChoice::Cpu, Precision::Bf16}, cfg);
    REQUIRE((bf->model()->image_encoder->dtype() == at::kBFloat16));
    auto img = g.t("image_hwc_uint8").contiguous();
    ImageU8 view{img.data_ptr<uint8_t>(), img.size(1), img.size(0), img.size(1) * 3};
    Embedding e16 = bf->encode(view), e32 = engine().encode(view);
    REQUIRE((e16.features.scalar_type() == at::kFloat));
    for (const auto& c : g.cases) {
        const bool multi = g.t(c + ".multimask_output").item<bool>();
        auto p16 = bf->decode(e16, promptsFor(c), multi, true);
        auto p32 = engine().decode(e32, promptsFor(c), multi, true);
        double agree = agreement(p16.masks, p32.masks);
        std::cout << "  " << c << " bf16 vs fp32: masks agree " << agree << std::endl;
        REQUIRE_MESSAGE((agree >= 0.99), c << ": bf16 masks agree with fp32 on only " << agree);
    }
}

