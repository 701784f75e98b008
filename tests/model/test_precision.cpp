// The precision policy and the CPU probe: every branch is checked on any
// machine, by feeding the policy the CPU it would see elsewhere (a Zen 3 with
// AVX2 only, a Sapphire Rapids with AVX512_BF16 and AMX) and by forcing the
// probe's answer for a real engine. The bf16 run itself happens only where bf16
// is native (test_model_parity); here the refusal is what runs everywhere.

#include "minitest.h"

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

TEST_CASE(cpuinfo_is_parsed_into_the_flags_that_matter)
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    VERIFY(zen.model == "AMD EPYC 7B13");
    VERIFY(zen.avx2 && zen.fma && !zen.avx512f && !zen.avx512bf16 && !zen.amxBf16);
    VERIFY(!zen.nativeBf16());
    VERIFY_MSG(zen.summary().find("no native bf16") != std::string::npos, zen.summary());
    VERIFY_MSG(zen.summary().find("no AVX-512") != std::string::npos, zen.summary());

    const CpuFeatures spr = cpuFeaturesFromCpuinfo(kSapphire);
    VERIFY(spr.avx512f && spr.avx512bf16 && spr.amxBf16 && spr.nativeBf16());
    const auto names = spr.flagNames();
    VERIFY(names == (std::vector<std::string>{"AVX2", "FMA", "AVX-512", "AVX512_BF16", "AMX_BF16"}));

    // AVX-512 alone is not native bf16.
    const CpuFeatures sky = cpuFeaturesFromCpuinfo(kSkylake);
    VERIFY(sky.avx512f && !sky.nativeBf16());
    // Nothing readable: an unknown CPU with no flags, not a crash.
    const CpuFeatures none = cpuFeaturesFromCpuinfo("");
    VERIFY(none.model == "unknown CPU" && !none.avx2 && !none.nativeBf16());
}

TEST_CASE(this_machine_is_described)
{
    const CpuFeatures& here = cpuFeatures();
    std::cout << "  this CPU: " << here.summary() << std::endl;
    VERIFY(!here.model.empty());
    const RuntimeInfo info = runtimeInfo();
    const std::string text = runtimeSummary(info);
    VERIFY_MSG(text.find("CPU: ") != std::string::npos && text.find("Precision (auto): ") != std::string::npos, text);
    // Auto never picks bf16 where it is not native.
    if (!here.nativeBf16()) VERIFY(info.autoPrecision.precision == Precision::Fp32);
}

TEST_CASE(policy_on_an_avx2_only_cpu)
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    const PrecisionChoice a = choosePrecision(Precision::Auto, false, zen, false, std::nullopt);
    VERIFY(a.precision == Precision::Fp32);
    VERIFY_MSG(a.reason.find("AVX512_BF16") != std::string::npos && a.reason.find("AMD EPYC 7B13") != std::string::npos,
               a.reason);
    VERIFY(choosePrecision(Precision::Fp32, false, zen, false, std::nullopt).precision == Precision::Fp32);
    // Explicit bf16 is refused, naming what the CPU lacks and what to use instead.
    VERIFY_THROWS(choosePrecision(Precision::Bf16, false, zen, false, std::nullopt), ModelError, "AMX_BF16");
    VERIFY_THROWS(choosePrecision(Precision::Bf16, false, zen, false, std::nullopt), ModelError, "use fp32 or auto");
    // A probe figure is irrelevant where bf16 is not native.
    VERIFY(choosePrecision(Precision::Auto, false, zen, false, 5.0).precision == Precision::Fp32);
}

TEST_CASE(policy_on_a_native_bf16_cpu)
{
    const CpuFeatures spr = cpuFeaturesFromCpuinfo(kSapphire);
    const PrecisionChoice fast = choosePrecision(Precision::Auto, false, spr, false, 2.0);
    VERIFY(fast.precision == Precision::Bf16);
    VERIFY_MSG(fast.reason.find("2.00x") != std::string::npos, fast.reason);
    // Native but not measured faster: fp32, and the reason says so.
    const PrecisionChoice slow = choosePrecision(Precision::Auto, false, spr, false, 1.05);
    VERIFY(slow.precision == Precision::Fp32);
    VERIFY_MSG(slow.reason.find("1.05x") != std::string::npos, slow.reason);
    VERIFY(choosePrecision(Precision::Auto, false, spr, false, std::nullopt).precision == Precision::Fp32);
    // Explicit bf16 is honoured where native, even if the probe was not run.
    VERIFY(choosePrecision(Precision::Bf16, false, spr, false, std::nullopt).precision == Precision::Bf16);
}

TEST_CASE(policy_on_cuda)
{
    const CpuFeatures zen = cpuFeaturesFromCpuinfo(kZen3);
    // The GPU decides, not the host CPU.
    VERIFY(choosePrecision(Precision::Auto, true, zen, true, std::nullopt).precision == Precision::Bf16);
    VERIFY(choosePrecision(Precision::Bf16, true, zen, true, std::nullopt).precision == Precision::Bf16);
    VERIFY(choosePrecision(Precision::Auto, true, zen, false, std::nullopt).precision == Precision::Fp32);
    VERIFY_THROWS(choosePrecision(Precision::Bf16, true, zen, false, std::nullopt), ModelError, "compute capability");
}

TEST_CASE(precision_and_device_names_parse)
{
    VERIFY(parsePrecision("auto") == Precision::Auto);
    VERIFY(parsePrecision("fp32") == Precision::Fp32);
    VERIFY(parsePrecision("bf16") == Precision::Bf16);
    VERIFY_THROWS(parsePrecision("fp16"), ModelError, "fp16");
    for (auto p : {Precision::Auto, Precision::Fp32, Precision::Bf16}) VERIFY(parsePrecision(precisionName(p)) == p);
    VERIFY(parseDeviceChoice("cpu") == DeviceChoice::Cpu);
    VERIFY(parseDeviceChoice("cuda") == DeviceChoice::Cuda);
    VERIFY(parseDeviceChoice("auto") == DeviceChoice::Auto);
    VERIFY_THROWS(parseDeviceChoice("gpu0"), ModelError, "gpu0");
}

TEST_CASE(engine_on_a_forced_avx2_only_cpu_refuses_bf16_and_auto_runs_fp32)
{
    // Whatever this machine is, the engine must behave as on an AVX2-only one.
    CpuOverride force(cpuFeaturesFromCpuinfo(kZen3));
    VERIFY(!cpuFeatures().nativeBf16() && cpuFeatures().fromOverride);
    VERIFY_THROWS(SamEngine(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Bf16}), ModelError,
                  "bf16 was requested");
    SamEngine eng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Auto});
    VERIFY(eng.precision() == Precision::Fp32);
    VERIFY_MSG(eng.precisionReason().find("AVX512_BF16") != std::string::npos, eng.precisionReason());
    VERIFY(eng.model()->image_encoder->dtype() == at::kFloat);
    VERIFY(eng.deviceDescription().find("fp32") != std::string::npos);
    // And it works: an encode runs.
    std::vector<uint8_t> img(64 * 48 * 3, 128);
    Embedding e = eng.encode(ImageU8{img.data(), 64, 48, 64 * 3});
    VERIFY(e.valid());
}

TEST_CASE(engine_on_a_forced_native_cpu_follows_the_policy)
{
    // With native bf16 forced, explicit bf16 is accepted and the encoder converts
    // (nothing is encoded: on a CPU without bf16 that would be the slow path).
    CpuOverride force(cpuFeaturesFromCpuinfo(kSapphire));
    SamEngine eng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Bf16});
    VERIFY(eng.precision() == Precision::Bf16);
    VERIFY(eng.model()->image_encoder->dtype() == at::kBFloat16);
    VERIFY(eng.deviceDescription().find("bf16") != std::string::npos);
    // Auto: bf16 exactly when the probe measured it fast enough on this machine.
    SamEngine autoEng(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Auto});
    const double speedup = measureCpuBf16Speedup();
    std::cout << "  probe: bf16 is " << speedup << "x fp32 here; auto chose " << precisionName(autoEng.precision())
              << " (" << autoEng.precisionReason() << ")" << std::endl;
    VERIFY((autoEng.precision() == Precision::Bf16) == (speedup >= kMinBf16Speedup));
}

TEST_CASE(model_identity_is_the_weights_not_the_name)
{
    torch::manual_seed(3);
    SamEngine a(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    auto sd = a.model()->stateDict();
    const std::string d1 = weightsDigest(sd);
    VERIFY(d1.size() == 16);
    VERIFY_MSG(a.modelId().rfind(d1, 0) == 0, a.modelId());
    VERIFY_MSG(a.modelId().find("-fp32-128") != std::string::npos, a.modelId());
    // Same weights in another order: same digest.
    auto reversed = sd;
    std::reverse(reversed.begin(), reversed.end());
    VERIFY(weightsDigest(reversed) == d1);
    // One changed weight: another digest.
    auto changed = sd;
    for (auto& [name, t] : changed)
        if (name == "mask_decoder.iou_token.weight") {
            t = t.clone();
            t.view(-1)[0] += 1e-3f;
        }
    VERIFY(weightsDigest(changed) != d1);
    // Different random weights: another identity.
    torch::manual_seed(4);
    SamEngine c(tinyConfig(), EngineOptions{DeviceChoice::Cpu, Precision::Fp32});
    VERIFY(c.modelId() != a.modelId());
}

MINITEST_MAIN()
