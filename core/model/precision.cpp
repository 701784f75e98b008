#include "precision.h"

#include "errors.h"

#include <torch/cuda.h>
#include <torch/torch.h>
#if __has_include(<ATen/cuda/CUDAContext.h>) && __has_include(<cuda_runtime_api.h>)
#include <ATen/cuda/CUDAContext.h>
#define SAMSP_HAVE_CUDA_HEADERS 1
#endif

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

namespace samsp::model {

std::string precisionName(Precision p)
{
    switch (p) {
    case Precision::Auto: return "auto";
    case Precision::Fp32: return "fp32";
    case Precision::Bf16: return "bf16";
    }
    return "fp32";
}

Precision parsePrecision(const std::string& name)
{
    if (name == "auto") return Precision::Auto;
    if (name == "fp32") return Precision::Fp32;
    if (name == "bf16") return Precision::Bf16;
    throw ModelError("unknown precision '" + name + "' (use auto, fp32 or bf16)");
}

std::vector<std::string> CpuFeatures::flagNames() const
{
    std::vector<std::string> v;
    if (avx2) v.emplace_back("AVX2");
    if (fma) v.emplace_back("FMA");
    if (avx512f) v.emplace_back("AVX-512");
    if (avx512bf16) v.emplace_back("AVX512_BF16");
    if (amxBf16) v.emplace_back("AMX_BF16");
    return v;
}

std::string CpuFeatures::summary() const
{
    std::ostringstream o;
    o << model << " (";
    const auto names = flagNames();
    for (size_t i = 0; i < names.size(); ++i) o << (i ? ", " : "") << names[i];
    if (names.empty()) o << "no AVX2";
    if (!avx512f) o << "; no AVX-512";
    o << (nativeBf16() ? "; native bf16" : "; no native bf16");
    if (fromOverride) o << "; flags overridden";
    o << ")";
    return o.str();
}

CpuFeatures cpuFeaturesFromCpuinfo(const std::string& text)
{
    CpuFeatures f;
    std::istringstream in(text);
    std::string line, flags;
    bool haveModel = false, haveFlags = false;
    auto value = [](const std::string& l) {
        auto p = l.find(':');
        if (p == std::string::npos) return std::string();
        auto v = l.substr(p + 1);
        v.erase(0, v.find_first_not_of(" \t"));
        return v;
    };
    while (std::getline(in, line) && !(haveModel && haveFlags)) {
        if (!haveModel && line.rfind("model name", 0) == 0) {
            f.model = value(line);
            haveModel = true;
        } else if (!haveFlags && line.rfind("flags", 0) == 0) {
            flags = value(line);
            haveFlags = true;
        }
    }
    if (f.model.empty()) f.model = "unknown CPU";
    std::set<std::string> set;
    std::istringstream fs(flags);
    for (std::string w; fs >> w;) set.insert(w);
    f.avx2 = set.count("avx2") > 0;
    f.fma = set.count("fma") > 0;
    f.avx512f = set.count("avx512f") > 0;
    f.avx512bf16 = set.count("avx512_bf16") > 0;
    f.amxBf16 = set.count("amx_bf16") > 0;
    return f;
}

namespace {
std::mutex g_cpuMutex;
std::optional<CpuFeatures> g_cpuOverride;

CpuFeatures readThisCpu()
{
    std::ifstream in("/proc/cpuinfo");
    std::stringstream ss;
    ss << in.rdbuf();
    CpuFeatures f = cpuFeaturesFromCpuinfo(ss.str());
    if (const char* env = std::getenv("SAMSP_CPU_FLAGS")) {
        const std::string model = f.model;
        f = cpuFeaturesFromCpuinfo("flags\t: " + std::string(env) + "\n");
        f.model = model;
        f.fromOverride = true;
    }
    return f;
}
} // namespace

const CpuFeatures& cpuFeatures()
{
    static const CpuFeatures real = readThisCpu();
    std::lock_guard<std::mutex> lock(g_cpuMutex);
    return g_cpuOverride ? *g_cpuOverride : real;
}

void setCpuFeaturesOverride(std::optional<CpuFeatures> f)
{
    std::lock_guard<std::mutex> lock(g_cpuMutex);
    if (f) f->fromOverride = true;
    g_cpuOverride = std::move(f);
}

PrecisionChoice choosePrecision(Precision requested, bool cuda, const CpuFeatures& cpu, bool cudaBf16,
                                std::optional<double> speedup)
{
    if (requested == Precision::Fp32) return {Precision::Fp32, "fp32 was asked for"};
    if (cuda) {
        if (cudaBf16)
            return {Precision::Bf16, requested == Precision::Bf16
                                         ? "bf16 was asked for; the CUDA device has native bf16"
                                         : "the CUDA device has native bf16 (compute capability 8.0 or newer)"};
        if (requested == Precision::Bf16)
            throw ModelError("bf16 was requested, but this CUDA device has no native bf16 (it needs compute capability "
                             "8.0 or newer); use fp32 or auto");
        return {Precision::Fp32, "the CUDA device has no native bf16 (compute capability below 8.0)"};
    }
    if (!cpu.nativeBf16()) {
        const std::string lacks = "this CPU, " + cpu.summary() + ", has neither AVX512_BF16 nor AMX_BF16, so bf16 "
                                  "would be emulated and run many times slower than fp32";
        if (requested == Precision::Bf16) throw ModelError("bf16 was requested, but " + lacks + "; use fp32 or auto");
        return {Precision::Fp32, lacks};
    }
    if (requested == Precision::Bf16) return {Precision::Bf16, "bf16 was asked for; this CPU has native bf16"};
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(2);
    if (speedup && *speedup >= kMinBf16Speedup) {
        o << "native on this CPU and measured " << *speedup << "x faster than fp32";
        return {Precision::Bf16, o.str()};
    }
    if (speedup) o << "bf16 is native on this CPU but measured only " << *speedup << "x fp32's speed here";
    else o << "bf16 is native on this CPU but its speed was not measured";
    return {Precision::Fp32, o.str()};
}

double measureCpuBf16Speedup()
{
    static const double speedup = [] {
        c10::InferenceMode im;
        // A ViT-B projection on 512 tokens: the shape that dominates the encoder
        // (~0.3 GFLOP: milliseconds where bf16 is native).
        auto x = torch::full({512, 768}, 0.01f);
        auto w = torch::full({768, 768}, 0.02f);
        auto best = [&](at::ScalarType t) {
            auto xt = x.to(t), wt = w.to(t);
            double b = 1e30;
            for (int i = 0; i < 6; ++i) {
                auto t0 = std::chrono::steady_clock::now();
                auto y = torch::gelu(torch::mm(xt, wt));
                (void)y.sum().item<float>();
                const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                if (i >= 2) b = std::min(b, ms); // the first runs warm up caches and kernels
            }
            return b;
        };
        const double fp32 = best(at::kFloat);
        const double bf16 = best(at::kBFloat16);
        return bf16 > 0 ? fp32 / bf16 : 0.0;
    }();
    return speedup;
}

bool cudaDeviceSupportsBf16(const c10::Device& device)
{
    if (!device.is_cuda() || !torch::cuda::is_available()) return false;
#ifdef SAMSP_HAVE_CUDA_HEADERS
    const auto* props = at::cuda::getDeviceProperties(device.has_index() ? device.index() : 0);
    return props && props->major >= 8;
#else
    return false;
#endif
}

bool nativeBf16Anywhere()
{
    return cpuFeatures().nativeBf16() ||
           (torch::cuda::is_available() && cudaDeviceSupportsBf16(c10::Device(c10::kCUDA, 0)));
}

PrecisionChoice resolvePrecision(Precision requested, const c10::Device& device)
{
    const bool cuda = device.is_cuda();
    const CpuFeatures& cpu = cpuFeatures();
    const bool cudaBf16 = cuda && cudaDeviceSupportsBf16(device);
    std::optional<double> speedup;
    if (requested == Precision::Auto && !cuda && cpu.nativeBf16()) speedup = measureCpuBf16Speedup();
    return choosePrecision(requested, cuda, cpu, cudaBf16, speedup);
}

} // namespace samsp::model
