#pragma once
// Speed benchmark of the engine with random weights (speed does not depend on
// values): encoder per image, one decoder pass, a 3-pass SAM-SP proposal, memory.
// Shared by `samsp bench` and the model-only `samsp_model_bench` executable.

#include "engine.h"

#include <functional>
#include <string>

namespace samsp::model {

struct BenchOptions
{
    std::string variant = "vit_b"; // or a path to a JSON config
    int64_t imageSize = 1024;
    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Auto;
    int batch = 1;
    int encoderRuns = 2;   // timed runs after one warm-up
    int decoderRuns = 20;
    int threads = 0;
};

struct BenchResult
{
    std::string variant, encoder, device, dtype;
    int64_t imageSize = 0;
    int batch = 0, threads = 0;
    double encoderMs = 0;          // per image
    double encoderImagesPerS = 0;
    double decoderPassMs = 0;      // one single-mask decode with a point prompt
    double interactiveDecodeMs = 0;// one multimask decode with a point, no upsampling to image
    double selfprompt3PassMs = 0;  // pass 0 + 2 prompted passes, embedding cached
    double peakRssMb = 0;
    double peakGpuMb = -1;         // < 0 when not on GPU
    std::string torchVersion, blas;
    // The machine, so figures from different CPUs are never compared blind.
    CpuFeatures cpu;
    std::string dtypeRequested; // "auto", "fp32" or "bf16"
    std::string dtypeReason;    // why `dtype` was used
};

BenchResult runBenchmark(const BenchOptions& o, const std::function<void(const std::string&)>& log = {});
std::string benchResultToJson(const BenchResult& r);
std::string benchResultToText(const BenchResult& r);
double peakRssMb();

} // namespace samsp::model
