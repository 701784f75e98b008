// Checkpoint reader/writer: official-format .pth, safetensors, round trips,
// wrong kinds of file, truncation, and strict loading errors.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "test_helpers.h"

#include "model/checkpoint.h"
#include "model/engine.h"
#include "model/errors.h"
#include "model/sam.h"

#include <torch/torch.h>

#include <algorithm>
#include <functional>

#include <filesystem>
#include <fstream>
#include <random>

using namespace samsp::model;
namespace fs = std::filesystem;

namespace {

fs::path tmpDir()
{
    static fs::path d = [] {
        auto p = fs::temp_directory_path() / ("samsp_ckpt_test_" + std::to_string(::getpid()));
        fs::create_directories(p);
        return p;
    }();
    return d;
}

void writeBytes(const fs::path& p, const std::string& bytes)
{
    std::ofstream o(p, std::ios::binary);
    o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

fs::path tinyPth() { return testsupport::goldenDir() / "tiny_sam.pth"; }

SamConfig tinyConfig() { return samConfigFromJson(testsupport::readText(testsupport::goldenDir() / "tiny_sam_config.json")); }

} // namespace

TEST_CASE("reads_official_format_pth")
{
    Checkpoint ck = loadCheckpoint(tinyPth());
    REQUIRE((ck.format == "torch-zip"));
    const at::Tensor* pos = ck.find("image_encoder.pos_embed");
    REQUIRE((pos != nullptr));
    REQUIRE((pos->sizes() == at::IntArrayRef({1, 64, 64, 64})));
    REQUIRE((pos->scalar_type() == at::kFloat));
    // Every tensor of the model is there, nothing else.
    Sam sam(tinyConfig());
    REQUIRE((ck.tensors.size() == sam->stateDict().size()));
    sam->loadStateDict(ck.tensors, "tiny");
}

TEST_CASE("infers_config_from_tensor_shapes")
{
    SamConfig c = inferConfig(loadCheckpoint(tinyPth()));
    SamConfig want = tinyConfig();
    REQUIRE((c.embedDim == want.embedDim));
    REQUIRE((c.depth == want.depth));
    REQUIRE((c.numHeads == want.numHeads));
    REQUIRE((c.globalAttnIndexes == want.globalAttnIndexes));
    REQUIRE((c.imageSize == want.imageSize));
    REQUIRE((c.loraRank == 0));
}

TEST_CASE("iou_calibration_follows_how_the_model_was_trained")
{
    // Official checkpoints (SAM was trained with an IoU loss): calibrated, clamped to [0, 1].
    auto official = SamEngine::fromCheckpoint(tinyPth(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32}, tinyConfig());
    REQUIRE((official->iouCalibrated()));
    REQUIRE((*official->calibratedIou(-0.08f) == 0.0 && *official->calibratedIou(1.3f) == 1.0));
    REQUIRE((std::abs(*official->calibratedIou(0.7f) - 0.7) < 1e-6));
    // Our fine-tunes say in their training metadata whether the IoU head was trained.
    torch::NoGradGuard ng;
    Sam sam(tinyConfig());
    const auto dir = fs::temp_directory_path();
    for (const auto& [train, want] : std::vector<std::pair<std::string, bool>>{
             {"{\"lr\": 0.001}", false}, {"{\"iou_weight\": 0}", false}, {"{\"iou_weight\": 1.0}", true}}) {
        const fs::path p = dir / ("samsp_iou_" + std::to_string(::getpid()) + ".safetensors");
        saveSafetensors(p, sam->stateDict(), {{"samsp.config", samConfigToJson(tinyConfig())}, {"samsp.train", train}});
        auto e = SamEngine::fromCheckpoint(p, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
        REQUIRE_MESSAGE((e->iouCalibrated() == want), train);
        REQUIRE((e->calibratedIou(0.5f).has_value() == want));
        fs::remove(p);
    }
    // Random weights: not calibrated.
    SamEngine random(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    REQUIRE((!random.iouCalibrated()));
}

TEST_CASE("a_lone_click_uses_the_mask_token_the_model_was_trained_for")
{
    std::vector<uint8_t> img(48 * 40 * 3);
    std::mt19937 rng(4);
    for (auto& v : img) v = static_cast<uint8_t>(rng() % 256);
    Prompts click;
    click.points.push_back({20.0, 18.0, 1});
    auto check = [&](SamEngine& e, bool wantMulti) {
        REQUIRE((e.loneClickMultimask() == wantMulti));
        const Embedding emb = e.encode(ImageU8{img.data(), 48, 40, 48 * 3});
        const Prediction got = e.decodeInteractive(emb, click, false);
        const Prediction single = e.decode(emb, click, false, false);
        const Prediction three = e.decode(emb, click, true, false);
        REQUIRE((three.iou.size() == 3));
        const size_t best = size_t(std::max_element(three.iou.begin(), three.iou.end()) - three.iou.begin());
        const at::Tensor want = wantMulti ? three.lowResLogits[int64_t(best)] : single.lowResLogits[0];
        REQUIRE((got.lowResLogits.size(0) == 1 && torch::allclose(got.lowResLogits[0], want)));
        // The random tokens differ, so the check can tell the two paths apart.
        REQUIRE((!torch::allclose(single.lowResLogits[0], three.lowResLogits[int64_t(best)])));
        // With a mask as input the prompt is not ambiguous: one mask either way.
        Prompts more = click;
        more.maskLogits = single.lowResLogits;
        REQUIRE((torch::allclose(e.decodeInteractive(emb, more, false).lowResLogits[0], e.decode(emb, more, false, false).lowResLogits[0])));
    };
    // Official checkpoints: SAM's three masks, the best kept.
    auto official = SamEngine::fromCheckpoint(tinyPth(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32}, tinyConfig());
    check(*official, true);
    // Our fine-tunes: the single-mask token, unless the record says the three were trained.
    torch::NoGradGuard ng;
    Sam sam(tinyConfig());
    for (const auto& [train, want] : std::vector<std::pair<std::string, bool>>{
             {"{\"iou_weight\": 1.0}", false}, {"{\"multimask_trained\": true}", true}}) {
        const fs::path p = fs::temp_directory_path() / ("samsp_lone_" + std::to_string(::getpid()) + ".safetensors");
        saveSafetensors(p, sam->stateDict(), {{"samsp.config", samConfigToJson(tinyConfig())}, {"samsp.train", train}});
        auto e = SamEngine::fromCheckpoint(p, EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
        fs::remove(p);
        check(*e, want);
    }
}

TEST_CASE("infers_the_encoder_kind_from_tensors_alone")
{
    // A tiny ViT (the SAM reference set), a TinyViT (the MobileSAM reference set),
    // and the official ViT-B / vit_t layouts, told apart with no metadata.
    const SamConfig tinyVit = inferConfig(loadCheckpoint(tinyPth()));
    REQUIRE((tinyVit.encoder == "vit" && tinyVit.embedDim == 64));

    const auto msDir = testsupport::mobileSamGoldenDir();
    const SamConfig ms = inferConfig(loadCheckpoint(msDir / "tiny_mobilesam.pth"));
    const SamConfig msWant = samConfigFromJson(testsupport::readText(msDir / "tiny_mobilesam_config.json"));
    REQUIRE((ms.encoder == "tiny_vit"));
    REQUIRE((ms.tvEmbedDims == msWant.tvEmbedDims && ms.tvDepths == msWant.tvDepths && ms.tvWindowSizes == msWant.tvWindowSizes));
    REQUIRE((std::equal(ms.tvNumHeads.begin() + 1, ms.tvNumHeads.end(), msWant.tvNumHeads.begin() + 1)));
    REQUIRE((ms.imageSize == 1024 && ms.embeddingSize() == 64));

    torch::NoGradGuard ng;
    for (const std::string v : {"vit_b", "vit_t"}) {
        Checkpoint ck;
        ck.tensors = Sam(samConfigForVariant(v))->stateDict();
        const SamConfig c = inferConfig(ck);
        REQUIRE_MESSAGE((c.variant == v), "inferred " << c.variant << " for " << v);
        REQUIRE((c.encoder == samConfigForVariant(v).encoder));
    }
    // Neither kind: a clear error naming what was looked for.
    Checkpoint none;
    none.tensors.emplace_back("mask_decoder.iou_token.weight", torch::zeros({1, 256}));
    REQUIRE_THROWS_WITH_AS(inferConfig(none), doctest::Contains("TinyViT"), CheckpointError);
}

TEST_CASE("safetensors_round_trip_keeps_values_dtypes_and_metadata")
{
    NamedTensors t{{"f32", torch::randn({3, 4})},
                   {"f16", torch::randn({5}).to(torch::kHalf)},
                   {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
                   {"i64", torch::arange(7)},
                   {"bool", torch::tensor({true, false, true})},
                   {"strided", torch::randn({4, 6}).t()}, // non-contiguous source
                   {"empty", torch::zeros({0, 3})}};
    auto path = tmpDir() / "rt.safetensors";
    saveSafetensors(path, t, {{"samsp.note", "hello \"world\"\n"}});
    Checkpoint ck = loadCheckpoint(path);
    REQUIRE((ck.format == "safetensors"));
    REQUIRE((ck.metadata.at("samsp.note") == "hello \"world\"\n"));
    REQUIRE((ck.tensors.size() == t.size()));
    for (size_t i = 0; i < t.size(); ++i) {
        REQUIRE((ck.tensors[i].first == t[i].first));
        REQUIRE((ck.tensors[i].second.scalar_type() == t[i].second.scalar_type()));
        REQUIRE((ck.tensors[i].second.sizes() == t[i].second.sizes()));
        REQUIRE((torch::equal(ck.tensors[i].second, t[i].second)));
    }
}

TEST_CASE("torch_zip_writer_round_trips_through_the_reader")
{
    NamedTensors t{{"a.weight", torch::randn({3, 4})},
                   {"b", torch::randn({6}).to(torch::kHalf)},
                   {"c", torch::arange(5).to(torch::kLong)},
                   {"d", torch::tensor({true, false})}};
    auto path = tmpDir() / "rt.pth";
    saveTorchZip(path, t);
    Checkpoint ck = loadCheckpoint(path);
    REQUIRE((ck.format == "torch-zip"));
    REQUIRE((ck.tensors.size() == 4));
    for (size_t i = 0; i < t.size(); ++i) REQUIRE((torch::equal(ck.tensors[i].second, t[i].second)));
}

TEST_CASE("official_checkpoint_converts_to_safetensors_losslessly")
{
    Checkpoint a = loadCheckpoint(tinyPth());
    auto path = tmpDir() / "tiny.safetensors";
    saveSafetensors(path, a.tensors);
    Checkpoint b = loadCheckpoint(path);
    REQUIRE((a.tensors.size() == b.tensors.size()));
    for (size_t i = 0; i < a.tensors.size(); ++i) {
        REQUIRE((a.tensors[i].first == b.tensors[i].first));
        REQUIRE((torch::equal(a.tensors[i].second.contiguous(), b.tensors[i].second)));
    }
}

TEST_CASE("convert_to_fp16_keeps_names_configuration_and_training_record")
{
    // `samsp convert --fp16`: half the bytes, every floating tensor half, values within
    // half-float rounding, the "samsp.*" metadata as it was (not a new training record);
    // an official .pth gains its inferred configuration; a tensor file that is no SAM is refused.
    torch::NoGradGuard ng;
    torch::manual_seed(3);
    Sam sam(tinyConfig());
    const std::map<std::string, std::string> md{{"samsp.config", samConfigToJson(tinyConfig())},
                                                {"samsp.train", "{\"iou_weight\": 1.0, \"epochs\": 17}"},
                                                {"samsp.history", "[{\"epoch\": 1}]"}};
    const auto src = tmpDir() / "fp32.safetensors", dst = tmpDir() / "fp16.safetensors";
    saveSafetensors(src, sam->stateDict(), md);
    const auto r = convertCheckpoint(src, dst, true);
    REQUIRE((r.config.embedDim == tinyConfig().embedDim));
    REQUIRE((r.bytes == fs::file_size(dst)));
    REQUIRE((r.bytes < fs::file_size(src) * 6 / 10));
    const Checkpoint a = loadCheckpoint(src), b = loadCheckpoint(dst);
    REQUIRE((b.metadata == md));
    REQUIRE((a.tensors.size() == b.tensors.size()));
    int64_t values = 0;
    for (size_t i = 0; i < a.tensors.size(); ++i) {
        REQUIRE((a.tensors[i].first == b.tensors[i].first));
        const auto& x = a.tensors[i].second;
        const auto& y = b.tensors[i].second;
        values += y.numel();
        if (x.is_floating_point()) {
            REQUIRE((y.scalar_type() == torch::kHalf));
            REQUIRE((torch::allclose(x, y.to(torch::kFloat), 1e-3, 1e-4)));
        } else {
            REQUIRE((torch::equal(x, y)));
        }
    }
    REQUIRE((r.values == values));
    REQUIRE((SamEngine::fromCheckpoint(dst, EngineOptions{DeviceChoice::Cpu, Precision::Fp32})->iouCalibrated()));

    const auto fromPth = tmpDir() / "official.safetensors";
    convertCheckpoint(tinyPth(), fromPth, false);
    REQUIRE((samConfigFromJson(loadCheckpoint(fromPth).metadata.at("samsp.config")).embedDim == tinyConfig().embedDim));

    const auto other = tmpDir() / "other.safetensors";
    saveSafetensors(other, {{"x", torch::ones({2})}});
    REQUIRE_THROWS_AS(convertCheckpoint(other, tmpDir() / "never.safetensors", true), CheckpointError);
    REQUIRE((!fs::exists(tmpDir() / "never.safetensors")));
}

TEST_CASE("wrong_kinds_of_file_give_clear_errors")
{
    auto empty = tmpDir() / "empty.pth";
    writeBytes(empty, "");
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(empty), doctest::Contains("is empty"), CheckpointError);
    auto text = tmpDir() / "notes.pth";
    writeBytes(text, "this is a text file, not a checkpoint at all\n");
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(text), doctest::Contains("neither a PyTorch zip checkpoint nor a safetensors"), CheckpointError);
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(tmpDir() / "missing.pth"), doctest::Contains("cannot be opened"), CheckpointError);
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(tmpDir()), doctest::Contains("is a folder"), CheckpointError);
    auto legacy = tmpDir() / "legacy.pth";
    writeBytes(legacy, std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14));
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(legacy), doctest::Contains("legacy"), CheckpointError);
    // A zip that is not a torch checkpoint.
    auto zipOnly = tmpDir() / "other.zip";
    saveTorchZip(zipOnly, {{"x", torch::ones({1})}});
    std::string bytes = testsupport::readText(zipOnly);
    auto pos = bytes.find("archive/data.pkl");
    REQUIRE((pos != std::string::npos));
    for (size_t p = 0; (p = bytes.find("data.pkl", p)) != std::string::npos; p += 8) bytes.replace(p, 8, "other.pk");
    writeBytes(zipOnly, bytes);
    REQUIRE_THROWS_WITH_AS(loadCheckpoint(zipOnly), doctest::Contains("no data.pkl"), CheckpointError);
}

TEST_CASE("checkpoint_errors_say_what_kind_of_problem")
{
    // The kind travels with the error, so the studio can say it in the user's language.
    auto kindOf = [](const std::function<void()>& f) {
        try {
            f();
        } catch (const CheckpointError& e) {
            return e.problem();
        }
        return CheckpointProblem::Other;
    };
    auto empty = tmpDir() / "empty2.pth";
    writeBytes(empty, "");
    auto text = tmpDir() / "notes2.pth";
    writeBytes(text, "this is a text file, not a checkpoint at all\n");
    auto legacy = tmpDir() / "legacy2.pth";
    writeBytes(legacy, std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14));
    REQUIRE((kindOf([&] { loadCheckpoint(empty); }) == CheckpointProblem::Empty));
    REQUIRE((kindOf([&] { loadCheckpoint(text); }) == CheckpointProblem::NotACheckpoint));
    REQUIRE((kindOf([&] { loadCheckpoint(legacy); }) == CheckpointProblem::Legacy));
    REQUIRE((kindOf([&] { loadCheckpoint(tmpDir()); }) == CheckpointProblem::Folder));
    REQUIRE((kindOf([&] { loadCheckpoint(tmpDir() / "missing2.pth"); }) == CheckpointProblem::Unopenable));
    std::string bytes = testsupport::readText(tinyPth());
    REQUIRE((kindOf([&] { loadCheckpointFromMemory(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size() / 2, "cut"); }) !=
             CheckpointProblem::Other));
    // A checkpoint of another architecture: which tensors do not fit, counted.
    try {
        Sam sam(tinyConfig());
        Checkpoint ck = loadCheckpoint(tinyPth());
        ck.tensors.erase(ck.tensors.begin());
        sam->loadStateDict(ck.tensors, "fit");
        FAIL("no error");
    } catch (const CheckpointError& e) {
        REQUIRE((e.problem() == CheckpointProblem::DoesNotFit));
        REQUIRE((e.counts()[0] == 1));
    }
}

TEST_CASE("truncated_checkpoints_fail_cleanly_at_every_length")
{
    std::string bytes = testsupport::readText(tinyPth());
    // A spread of cut points, including inside the pickle, the data and the directory.
    int failures = 0;
    for (size_t cut : {size_t(1), size_t(4), size_t(30), size_t(100), size_t(5000), size_t(26600), bytes.size() / 3,
                       bytes.size() / 2, bytes.size() - 5000, bytes.size() - 23, bytes.size() - 1}) {
        try {
            loadCheckpointFromMemory(reinterpret_cast<const uint8_t*>(bytes.data()), cut, "cut");
        } catch (const CheckpointError& e) {
            ++failures;
            REQUIRE((std::string(e.what()).find("'cut'") != std::string::npos));
        }
    }
    REQUIRE((failures == 11));
}

TEST_CASE("corrupted_bytes_never_crash")
{
    std::string bytes = testsupport::readText(tinyPth());
    std::mt19937 rng(7);
    int errors = 0, loaded = 0;
    for (int i = 0; i < 200; ++i) {
        std::string b = bytes.substr(0, 40000); // pickle + a few records + no directory
        if (i % 2) b = bytes;
        for (int k = 0; k < 8; ++k) b[rng() % std::min<size_t>(b.size(), 27000)] = static_cast<char>(rng());
        try {
            loadCheckpointFromMemory(reinterpret_cast<const uint8_t*>(b.data()), b.size(), "fuzz");
            ++loaded;
        } catch (const CheckpointError&) {
            ++errors;
        }
    }
    REQUIRE((errors + loaded == 200));
    REQUIRE((errors >= 100)); // every truncated copy must fail
}

TEST_CASE("strict_loading_lists_missing_unexpected_and_mismatched")
{
    Checkpoint ck = loadCheckpoint(tinyPth());
    NamedTensors t = ck.tensors;
    t.erase(t.begin() + 3);                                         // missing
    t.emplace_back("image_encoder.extra_thing", torch::zeros({2})); // unexpected
    for (auto& [n, v] : t)
        if (n == "mask_decoder.iou_token.weight") v = torch::zeros({1, 128}); // wrong shape
    Sam sam(tinyConfig());
    REQUIRE_THROWS_WITH_AS(sam->loadStateDict(t, "broken.pth"), doctest::Contains("1 missing: "), CheckpointError);
    REQUIRE_THROWS_WITH_AS(sam->loadStateDict(t, "broken.pth"), doctest::Contains("1 unexpected: image_encoder.extra_thing"), CheckpointError);
    REQUIRE_THROWS_WITH_AS(sam->loadStateDict(t, "broken.pth"), doctest::Contains("mask_decoder.iou_token.weight: file [1, 128] vs model [1, 256]"), CheckpointError);
    // The wrong architecture: vit_b config against the tiny checkpoint.
    SamConfig b = samConfigForVariant("vit_b");
    b.depth = 1, b.globalAttnIndexes = {0}; // keep the test light: shapes differ already
    Sam big(b);
    REQUIRE_THROWS_WITH_AS(big->loadStateDict(ck.tensors, "tiny_sam.pth"), doctest::Contains("does not fit SAM vit_b"), CheckpointError);
}

TEST_CASE("smaller_image_size_interpolates_position_tables")
{
    SamConfig c = tinyConfig();
    c.imageSize = 256;
    auto eng = SamEngine::fromCheckpoint(tinyPth(), EngineOptions{DeviceChoice::Cpu}, c);
    REQUIRE((eng->model()->vit()->pos_embed.sizes() == at::IntArrayRef({1, 16, 16, 64})));
    // Global blocks (1, 3) now use 2*16-1 = 31 rel-pos rows; windowed blocks keep 27.
    auto blocks = eng->model()->vit()->blockList();
    REQUIRE((blocks[1]->attn->rel_pos_h.size(0) == 31));
    REQUIRE((blocks[0]->attn->rel_pos_h.size(0) == 27));
    std::vector<uint8_t> img(100 * 80 * 3, 128);
    Embedding e = eng->encode(ImageU8{img.data(), 100, 80, 300});
    REQUIRE((e.features.sizes() == at::IntArrayRef({1, 256, 16, 16})));
    Prediction p = eng->decode(e, Prompts{{{50, 40, 1}}, std::nullopt, {}}, true, true);
    REQUIRE((p.lowResLogits.sizes() == at::IntArrayRef({3, 64, 64})));
    REQUIRE((p.masks.sizes() == at::IntArrayRef({3, 80, 100})));
}

TEST_CASE("wrapped_sam_med2d_style_checkpoint_loads_with_adapters_at_256")
{
    // SAM-Med2D saves {"model": state_dict, ...} at image size 256 with per-block adapters.
    SamConfig c = tinyConfig();
    c.imageSize = 256;
    c.adapter = true;
    torch::manual_seed(11);
    Sam src(c);
    auto path = tmpDir() / "sam_med2d_like.pth";
    saveTorchZip(path, src->stateDict(), "model");
    Checkpoint ck = loadCheckpoint(path);
    REQUIRE((ck.find("image_encoder.blocks.2.Adapter.spatial.2.weight") != nullptr));
    auto eng = SamEngine::fromCheckpoint(path, EngineOptions{DeviceChoice::Cpu});
    REQUIRE((eng->config().adapter));
    REQUIRE((eng->config().imageSize == 256));
    REQUIRE((eng->config().globalAttnIndexes == c.globalAttnIndexes));
    // Loaded exactly: the engine's encoder reproduces the source model's.
    torch::NoGradGuard ng;
    auto x = torch::randn({1, 3, 256, 256});
    src->eval();
    auto want = src->image_encoder->forward(x);
    auto got = eng->encodeTensor(x);
    REQUIRE(((want - got).abs().max().item<double>() < 1e-5));
    // The adapter branch matters: dropping its tensors is a strict-loading error.
    NamedTensors t;
    for (auto& [n, v] : ck.tensors)
        if (n.find(".Adapter.") == std::string::npos) t.emplace_back(n, v);
    Sam again(c);
    REQUIRE_THROWS_WITH_AS(again->loadStateDict(t, "no_adapter.pth"), doctest::Contains("missing"), CheckpointError);
}

TEST_CASE("unwritable_destination_is_a_clear_error_and_leaves_old_file")
{
    auto path = tmpDir() / "keep.safetensors";
    saveSafetensors(path, {{"a", torch::ones({2})}});
    auto before = testsupport::readText(path);
    REQUIRE_THROWS_WITH_AS(saveSafetensors(tmpDir() / "no_such_dir" / "x.safetensors", {{"a", torch::ones({2})}}), doctest::Contains("folder does not exist"), CheckpointError);
    REQUIRE((testsupport::readText(path) == before));
}

