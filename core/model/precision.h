#pragma once
// Which arithmetic the model runs in, decided from the hardware rather than
// guessed. bf16 only pays where the hardware does it natively: on x86-64 CPUs
// that means AVX512_BF16 or AMX_BF16; elsewhere LibTorch emulates it, and an
// encoder that takes 12 s in fp32 on an AVX2-only CPU takes minutes in bf16.
// On CUDA, bf16 needs compute capability 8.0 (Ampere) or newer.
//
// Policy (choosePrecision, a pure function so every branch is testable on any
// machine):
//  - Auto: bf16 where it is native *and* a short timed probe measured it faster
//    than fp32 (CPU), or where the CUDA device has native bf16; fp32 otherwise.
//  - Bf16 asked for explicitly where it is not native: refused with a ModelError
//    that says what the hardware lacks and what to use instead.
//  - Fp32: always honoured.

#include <c10/core/Device.h>

#include <optional>
#include <string>
#include <vector>

namespace samsp::model {

enum class Precision { Auto, Fp32, Bf16 };

// "auto", "fp32", "bf16".
std::string precisionName(Precision p);
// Parses "auto" / "fp32" / "bf16" (case-sensitive); throws ModelError naming the value otherwise.
Precision parsePrecision(const std::string& name);

struct CpuFeatures
{
    std::string model;   // "AMD EPYC 7B13", "Intel(R) Xeon(R) Platinum 8481C", or "unknown CPU"
    bool avx2 = false;
    bool fma = false;
    bool avx512f = false;
    bool avx512bf16 = false; // AVX512_BF16: vdpbf16ps and conversions
    bool amxBf16 = false;    // AMX tiles with bf16 (Sapphire Rapids and later)
    bool fromOverride = false; // flags came from SAMSP_CPU_FLAGS or a test override

    bool nativeBf16() const { return avx512bf16 || amxBf16; }
    // The flags that matter for the model's speed, as benchmark output names them.
    std::vector<std::string> flagNames() const;
    // "AMD EPYC 7B13 (AVX2, FMA; no AVX-512; no native bf16)".
    std::string summary() const;
};

// Parses the text of /proc/cpuinfo (first processor's "model name" and "flags").
CpuFeatures cpuFeaturesFromCpuinfo(const std::string& cpuinfo);
// This machine, read once. The environment variable SAMSP_CPU_FLAGS (a space-
// separated flag list, as in /proc/cpuinfo) replaces the flags read from the
// kernel: a way to check the AVX2-only path on any machine.
const CpuFeatures& cpuFeatures();
// Tests: replace (or, with nullopt, restore) what cpuFeatures() returns.
void setCpuFeaturesOverride(std::optional<CpuFeatures> f);

struct PrecisionChoice
{
    Precision precision = Precision::Fp32; // never Auto
    std::string reason;                    // one sentence: why this precision
};

// The policy itself. `cpuBf16Speedup`: fp32 time / bf16 time of the timed probe
// (only consulted for Auto on a CPU with native bf16). Throws ModelError when bf16
// is requested where it is not native.
PrecisionChoice choosePrecision(Precision requested, bool cuda, const CpuFeatures& cpu, bool cudaBf16,
                                std::optional<double> cpuBf16Speedup);

// Auto picks bf16 on a CPU only when the probe measured it at least this much faster.
inline constexpr double kMinBf16Speedup = 1.2;

// A short timed probe (matrix products shaped like a ViT block, ~0.1 s): fp32 time
// over bf16 time on this CPU with the current thread count. Measured once per process.
double measureCpuBf16Speedup();
// Whether the CUDA device has native bf16 (compute capability >= 8.0). False when
// this LibTorch has no CUDA.
bool cudaDeviceSupportsBf16(const c10::Device& device);

// Whether bf16 can run natively anywhere here: this CPU, or the first CUDA device.
bool nativeBf16Anywhere();

// choosePrecision on this machine for `device` (runs the probe only when needed).
PrecisionChoice resolvePrecision(Precision requested, const c10::Device& device);

} // namespace samsp::model
