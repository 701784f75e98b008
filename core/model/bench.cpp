#include "bench.h"

#include "json.h"
#include "runtime_info.h"
#include "selfprompt.h"

#include <torch/cuda.h>
#if __has_include(<c10/cuda/CUDACachingAllocator.h>) && __has_include(<cuda_runtime_api.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#endif
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace samsp::model {

double peakRssMb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
void sync(const c10::Device& d)
{
    if (d.is_cuda()) torch::cuda::synchronize();
}
} // namespace

BenchResult runBenchmark(const BenchOptions& o, const std::function<void(const std::string&)>& log)
{
    auto say = [&](const std::string& s) {
        if (log) log(s);
    };
    SamConfig cfg;
    if (std::filesystem::exists(o.variant)) {
        std::ifstream in(o.variant);
        std::stringstream ss;
        ss << in.rdbuf();
        cfg = samConfigFromJson(ss.str());
    } else {
        cfg = samConfigForVariant(o.variant);
    }
    cfg.imageSize = o.imageSize;
    torch::manual_seed(0);
    SamEngine eng(cfg, EngineOptions{o.device, o.precision, o.threads});
    // Random but sane weights: SAM's own init leaves the decoder near zero; that is fine for timing.
    BenchResult r;
    r.variant = cfg.variant;
    r.encoder = cfg.encoder;
    r.imageSize = cfg.imageSize;
    r.batch = std::max(1, o.batch);
    r.threads = at::get_num_threads();
    r.device = eng.device().is_cuda() ? "cuda" : "cpu";
    r.dtype = precisionName(eng.precision());
    r.dtypeRequested = precisionName(o.precision);
    r.dtypeReason = eng.precisionReason();
    r.cpu = cpuFeatures();
    auto info = runtimeInfo(false); // the engine above already resolved its precision
    r.torchVersion = info.torchVersion;
    r.blas = info.blas.name;
    if (eng.device().is_cuda()) torch::cuda::synchronize();

    // A synthetic 4:3 RGB image.
    const int64_t W = 640, H = 480;
    std::vector<uint8_t> img(static_cast<size_t>(W * H * 3));
    std::mt19937 rng(1);
    for (auto& v : img) v = static_cast<uint8_t>(rng() & 0xFF);
    ImageU8 view{img.data(), W, H, W * 3};
    std::vector<ImageU8> batch(static_cast<size_t>(r.batch), view);

    say("warm-up encode");
    auto embs = eng.encodeBatch(batch);
    sync(eng.device());
    std::vector<double> enc;
    for (int i = 0; i < std::max(1, o.encoderRuns); ++i) {
        auto t0 = std::chrono::steady_clock::now();
        embs = eng.encodeBatch(batch);
        sync(eng.device());
        enc.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        say("encode run " + std::to_string(i + 1) + ": " + std::to_string(enc.back()) + " ms");
    }
    r.encoderMs = median(enc) / r.batch;
    r.encoderImagesPerS = 1000.0 / r.encoderMs;
    const Embedding& emb = embs[0];

    Prompts p;
    p.points.push_back({W / 2.0, H / 2.0, 1});
    std::vector<double> dec, inter, sp;
    SelfPromptSettings sps;
    sps.earlyStopIou = 2.0; // always run all 3 passes
    for (int i = 0; i < 3; ++i) (void)eng.decode(emb, p, false, false); // warm-up
    for (int i = 0; i < std::max(1, o.decoderRuns); ++i) {
        auto t0 = std::chrono::steady_clock::now();
        (void)eng.decode(emb, p, false, false);
        sync(eng.device());
        auto t1 = std::chrono::steady_clock::now();
        (void)eng.decode(emb, p, true, false);
        sync(eng.device());
        auto t2 = std::chrono::steady_clock::now();
        (void)runSelfPrompt(eng, emb, sps, false);
        sync(eng.device());
        auto t3 = std::chrono::steady_clock::now();
        dec.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        inter.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        sp.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
    }
    r.decoderPassMs = median(dec);
    r.interactiveDecodeMs = median(inter);
    r.selfprompt3PassMs = median(sp);
    r.peakRssMb = peakRssMb();
#if __has_include(<c10/cuda/CUDACachingAllocator.h>) && __has_include(<cuda_runtime_api.h>)
    if (eng.device().is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(eng.device().index());
        r.peakGpuMb = double(stats.reserved_bytes[0].peak) / (1024.0 * 1024.0);
    }
#endif
    return r;
}

std::string benchResultToJson(const BenchResult& r)
{
    Json o;
    o["variant"] = r.variant;
    o["encoder"] = r.encoder;
    o["image_size"] = r.imageSize;
    o["device"] = r.device;
    o["dtype"] = r.dtype;
    o["batch"] = r.batch;
    o["threads"] = r.threads;
    o["encoder_ms"] = r.encoderMs;
    o["encoder_images_per_s"] = r.encoderImagesPerS;
    o["decoder_pass_ms"] = r.decoderPassMs;
    o["interactive_decode_ms"] = r.interactiveDecodeMs;
    o["selfprompt_3pass_ms"] = r.selfprompt3PassMs;
    o["peak_rss_mb"] = r.peakRssMb;
    o["dtype_requested"] = r.dtypeRequested;
    o["dtype_reason"] = r.dtypeReason;
    o["torch_version"] = r.torchVersion;
    o["blas"] = r.blas;
    o["cpu"] = Json{{"model", r.cpu.model},
                    {"flags", r.cpu.flagNames()},
                    {"avx2", r.cpu.avx2},
                    {"avx512", r.cpu.avx512f},
                    {"native_bf16", r.cpu.nativeBf16()},
                    {"flags_overridden", r.cpu.fromOverride}};
    if (r.peakGpuMb >= 0) o["peak_gpu_mb"] = r.peakGpuMb;
    return o.dump(2);
}

std::string benchResultToText(const BenchResult& r)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << "SAM " << r.variant << " (" << r.encoder << " encoder) @" << r.imageSize << " on " << r.device << " (" << r.dtype << ", batch " << r.batch
      << ", " << r.threads << " threads, BLAS " << r.blas << ")\n"
      << "  CPU                " << r.cpu.summary() << "\n"
      << "  precision          " << r.dtype << " (asked: " << r.dtypeRequested << "; " << r.dtypeReason << ")\n"
      << "  encoder            " << r.encoderMs << " ms/image (" << r.encoderImagesPerS << " images/s)\n"
      << "  decoder pass       " << r.decoderPassMs << " ms\n"
      << "  interactive decode " << r.interactiveDecodeMs << " ms (multimask)\n"
      << "  SAM-SP 3 passes    " << r.selfprompt3PassMs << " ms (embedding cached)\n"
      << "  peak RSS           " << r.peakRssMb << " MB\n";
    if (r.peakGpuMb >= 0) s << "  peak GPU memory    " << r.peakGpuMb << " MB\n";
    return s.str();
}

} // namespace samsp::model
