// The precision policy and the CPU probe: every branch is checked on any
// machine, by feeding the policy the CPU it would see elsewhere (a Zen 3 with
// AVX2 only, a Sapphire Rapids with AVX512_BF16 and AMX) and by forcing the
// probe's answer for a real engine. The bf16 run itself happens only where bf16
// is native (test_model_parity); here the refusal is what runs everywhere.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "model/config.h"
#include "model/engine.h"
#include "model/errors.h"
#include "model/precision.h"
#include "model/runtime_info.h"

#include <torch/torch.h>

#include <algorithm>
#include <iostream>

using namespace samsp::model;

namespace {

// Excerpts of /proc/cpuinfo as the kernel prints them.
const char* kZen3 = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                    "flags\t\t: fpu vme de pse sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2 sha_ni\n"
                    "processor\t: 1\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu avx2\n";
const char* kSapphire = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8481C\n"
                        "flags\t\t: fpu sse2 fma avx avx2 avx512f avx512dq avx512bw avx512vl avx512_bf16 amx_bf16 "
                        "amx_tile amx_int8\n";
const char* kSkylake = "model name\t: Intel(R) Xeon(R) Gold 6148\nflags\t\t: fpu fma avx avx2 avx512f avx512bw\n";

SamConfig tinyConfig()
{
    SamConfig c = samConfigForVariant("tiny");
    c.imageSize = 128;
    return c;
}

struct CpuOverride
{
    explicit CpuOverride(const CpuFeatures& f) { setCpuFeaturesOverride(f); }
    ~CpuOverride() { setCpuFeaturesOverride(std::nullopt); }
};

} // namespace

TEST_CASE("cpuinfo_is_parsed_into_the_flags_that_matter")
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    REQUIRE((zen.model == "AMD EPYC 7B13"));
    REQUIRE((zen.avx2 && zen.fma && !zen.avx512f && !zen.avx512bf16 && !zen.amxBf16));
    REQUIRE((!zen.nativeBf16()));
    REQUIRE_MESSAGE((zen.summary().find("no native bf16") != std::string::npos), zen.summary());
    REQUIRE_MESSAGE((zen.summary().find("no AVX-512") != std::string::npos), zen.summary());

    const CpuFeatures spr = cpuFeaturesFromCpuinfo(kSapphire);
    REQUIRE((spr.avx512f && spr.avx512bf16 && spr.amxBf16 && spr.nativeBf16()));
    const auto names = spr.flagNames();
    REQUIRE((names == (std::vector<std::string>{"AVX2", "FMA", "AVX-512", "AVX512_BF16", "AMX_BF16"})));

    // AVX-512 alone is not native bf16.
    const CpuFeatures sky = cpuFeaturesFromCpuinfo(kSkylake);
    REQUIRE((sky.avx512f && !sky.nativeBf16()));
    // Nothing readable: an unknown CPU with no flags, not a crash.
    const CpuFeatures none = cpuFeaturesFromCpuinfo("");
    REQUIRE((none.model == "unknown CPU" && !none.avx2 && !none.nativeBf16()));
}

TEST_CASE("this_machine_is_described")
{
    const CpuFeatures& here = cpuFeatures();
    std::cout << "  this CPU: " << here.summary() << std::endl;
    REQUIRE((!here.model.empty()));
    const RuntimeInfo info = runtimeInfo();
    const std::string text = runtimeSummary(info);
    REQUIRE_MESSAGE((text.find("CPU: ") != std::string::npos && text.find("Precision (auto): ") != std::string::npos), text);
    // Auto never picks bf16 where it is not native.
    if (!here.nativeBf16()) REQUIRE((info.autoPrecision.precision == Precision::Fp32));
}

TEST_CASE("policy_on_an_avx2_only_cpu")
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    const PrecisionChoice a = choosePrecision(Precision::Auto, false, zen, false, std::nullopt);
    REQUIRE((a.precision == Precision::Fp32));
    REQUIRE_MESSAGE((a.reason.find("AVX512_BF16") != std::string::npos && a.reason.find("AMD EPYC 7B13") != std::string::npos), a.reason);
    REQUIRE((choosePrecision(Precision::Fp32, false, zen, false, std::nullopt).precision == Precision::Fp32));
    // Explicit bf16 is refused, naming what the CPU lacks and what to use instead.
    REQUIRE_THROWS_WITH_AS(choosePrecision(Precision::Bf16, false, zen, false, std::nullopt), doctest::Contains("AMX_BF16"), ModelError);
    REQUIRE_THROWS_WITH_AS(choosePrecision(Precision::Bf16, false, zen, false, std::nullopt), doctest::Contains("use fp32 or auto"), ModelError);
    // A probe figure is irrelevant where bf16 is not native.
    REQUIRE((choosePrecision(Precision::Auto, false, zen, false, 5.0).precision == Precision::Fp32));
}

TEST_CASE("policy_on_a_native_bf16_cpu")
{
    const CpuFeatures spr = cpuFeaturesFromCpuinfo(kSapphire);
    const PrecisionChoice fast = choosePrecision(Precision::Auto, false, spr, false, 2.0);
    REQUIRE((fast.precision == Precision::Bf16));
    REQUIRE_MESSAGE((fast.reason.find("2.00x") != std::string::npos), fast.reason);
    // Native but not measured faster: fp32, and the reason says so.
    const PrecisionChoice slow = choosePrecision(Precision::Auto, false, spr, false, 1.05);
    REQUIRE((slow.precision == Precision::Fp32));
    REQUIRE_MESSAGE((slow.reason.find("1.05x") != std::string::npos), slow.reason);
    REQUIRE((choosePrecision(Precision::Auto, false, spr, false, std::nullopt).precision == Precision::Fp32));
    // Explicit bf16 is honoured where native, even if the probe was not run.
    REQUIRE((choosePrecision(Precision::Bf16, false, spr, false, std::nullopt).precision == Precision::Bf16));
}

TEST_CASE("policy_on_cuda")
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    // The GPU decides, not the host CPU.
    REQUIRE((choosePrecision(Precision::Auto, true, zen, true, std::nullopt).precision == Precision::Bf16));
    REQUIRE((choosePrecision(Precision::Bf16, true, zen, true, std::nullopt).precision == Precision::Bf16));
    REQUIRE((choosePrecision(Precision::Auto, true, zen, false, std::nullopt).precision == Precision::Fp32));
    REQUIRE_THROWS_WITH_AS(choosePrecision(Precision::Bf16, true, zen, false, std::nullopt), doctest::Contains("compute capability"), ModelError);
}

TEST_CASE("precision_and_device_names_parse")
{
    REQUIRE((parsePrecision("auto") == Precision::Auto));
    REQUIRE((parsePrecision("fp32") == Precision::Fp32));
    REQUIRE((parsePrecision("bf16") == Precision::Bf16));
    REQUIRE_THROWS_WITH_AS(parsePrecision("fp16"), doctest::Contains("fp16"), ModelError);
    for (auto p : {Precision::Auto, Precision::Fp32, Precision::Bf16}) REQUIRE((parsePrecision(precisionName(p)) == p));
    REQUIRE((parseDeviceChoice("cpu") == DeviceChoice::Cpu));
    REQUIRE((parseDeviceChoice("cuda") == DeviceChoice::Cuda));
    REQUIRE((parseDeviceChoice("auto") == DeviceChoice::Auto));
    REQUIRE_THROWS_WITH_AS(parseDeviceChoice("gpu0"), doctest::Contains("gpu0"), ModelError);
}

TEST_CASE("engine_on_a_forced_avx2_only_cpu_refuses_bf16_and_auto_runs_fp32")
{
    // Whatever this machine is, the engine must behave as on an AVX2-only one.
    CpuOverride force(cpuFeaturesFromCpuinfo(kZen3));
    REQUIRE((!cpuFeatures().nativeBf16() && cpuFeatures().fromOverride));
    REQUIRE_THROWS_WITH_AS(SamEngine(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Bf16}), doctest::Contains("bf16 was requested"), ModelError);
    SamEngine eng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Auto});
    REQUIRE((eng.precision() == Precision::Fp32));
    REQUIRE_MESSAGE((eng.precisionReason().find("AVX512_BF16") != std::string::npos), eng.precisionReason());
    REQUIRE((eng.model()->image_encoder->dtype() == at::kFloat));
    REQUIRE((eng.deviceDescription().find("fp32") != std::string::npos));
    // And it works: an encode runs.
    std::vector<uint8_t> img(64 * 48 * 3, 128);
    Embedding e = eng.encode(ImageU8{img.data(), 64, 48, 64 * 3});
    REQUIRE((e.valid()));
}

TEST_CASE("engine_on_a_forced_native_cpu_follows_the_policy")
{
    // With native bf16 forced, explicit bf16 is accepted and the encoder converts
    // (nothing is encoded: on a CPU without bf16 that would be the slow path).
    CpuOverride force(cpuFeaturesFromCpuinfo(kSapphire));
    SamEngine eng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Bf16});
    REQUIRE((eng.precision() == Precision::Bf16));
    REQUIRE((eng.model()->image_encoder->dtype() == at::kBFloat16));
    REQUIRE((eng.deviceDescription().find("bf16") != std::string::npos));
    // Auto: bf16 exactly when the probe measured it fast enough on this machine.
    SamEngine autoEng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Auto});
    const double speedup = measureCpuBf16Speedup();
    std::cout << "  probe: bf16 is " << speedup << "x fp32 here; auto chose " << precisionName(autoEng.precision())
              << " (" << autoEng.precisionReason() << ")" << std::endl;
    REQUIRE(((autoEng.precision() == Precision::Bf16) == (speedup >= kMinBf16Speedup)));
}

TEST_CASE("model_identity_is_the_weights_not_the_name")
{
    torch::manual_seed(3);
    SamEngine a(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    auto sd = a.model()->stateDict();
    const std::string d1 = weightsDigest(sd);
    REQUIRE((d1.size() == 16));
    REQUIRE_MESSAGE((a.modelId().rfind(d1, 0) == 0), a.modelId());
    REQUIRE_MESSAGE((a.modelId().find("-fp32-128") != std::string::npos), a.modelId());
    // Same weights in another order: same digest.
    auto reversed = sd;
    std::reverse(reversed.begin(), reversed.end());
    REQUIRE((weightsDigest(reversed) == d1));
    // One changed weight: another digest.
    auto changed = sd;
    for (auto& [name, t] : changed)
        if (name == "mask_decoder.iou_token.weight") {
            t = t.clone();
            t.view(-1)[0] += 1e-3f;
        }
    REQUIRE((weightsDigest(changed) != d1));
    // Different random weights: another identity.
    torch::manual_seed(4);
    SamEngine c(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    REQUIRE((c.modelId() != a.modelId()));
}

