#include "runtime_info.h"

#include "engine.h"

#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <cstdlib>
#include <malloc.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace samsp::model {

BlasInfo detectBlas()
{
    // Make sure BLAS is loaded and in use: a tiny matrix product.
    {
        c10::InferenceMode im;
        auto a = torch::ones({8, 8});
        (void)torch::mm(a, a);
    }
    BlasInfo b{"unknown", "", false};
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::string blasPath;
    bool mkl = false;
    while (std::getline(maps, line)) {
        auto p = line.find('/');
        if (p == std::string::npos) continue;
        std::string path = line.substr(p);
        const std::string file = std::filesystem::path(path).filename().string();
        if (file.rfind("libblas.so", 0) == 0 || file.rfind("libopenblas", 0) == 0 || file.rfind("libblis", 0) == 0)
            if (blasPath.empty() || file.rfind("libblas.so", 0) == 0) blasPath = path;
        if (file.rfind("libmkl", 0) == 0) mkl = true;
    }
    if (mkl) {
        b.name = "Intel MKL";
        return b;
    }
    if (blasPath.empty()) return b;
    std::error_code ec;
    auto real = std::filesystem::canonical(blasPath, ec);
    b.path = ec ? blasPath : real.string();
    const std::string& r = b.path;
    if (r.find("openblas-pthread") != std::string::npos) b.name = "OpenBLAS (pthread)";
    else if (r.find("openblas-openmp") != std::string::npos) b.name = "OpenBLAS (OpenMP)";
    else if (r.find("openblas-serial") != std::string::npos) b.name = "OpenBLAS (serial)";
    else if (r.find("openblas") != std::string::npos) b.name = "OpenBLAS";
    else if (r.find("blis") != std::string::npos) b.name = "BLIS";
    else if (r.find("atlas") != std::string::npos) b.name = "ATLAS";
    else if (r.find("/blas/") != std::string::npos) {
        b.name = "reference BLAS (netlib)";
        b.slowReference = true;
    }
    return b;
}

void tuneAllocator()
{
#if defined(__GLIBC__)
    if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return; // the user's choice
    ::mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
}

void ensurePassiveOpenMpWait(int argc, char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("SAMSP_NO_REEXEC")) return;
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::setenv("SAMSP_NO_REEXEC", "1", 1);
    std::vector<char*> args(argv, argv + argc);
    args.push_back(nullptr);
    ::execv("/proc/self/exe", args.data());
    // execv failed (no /proc): carry on with the active policy; only speed suffers.
}

RuntimeInfo runtimeInfo(bool withPrecision)
{
    RuntimeInfo i;
    i.torchVersion = TORCH_VERSION;
    i.cudaAvailable = torch::cuda::is_available();
    i.threads = at::get_num_threads();
    if (i.cudaAvailable) i.device = "CUDA (" + std::to_string(torch::cuda::device_count()) + " device(s))";
    else i.device = "CPU (" + std::to_string(i.threads) + " threads, " + std::to_string(physicalCoreCount()) + " physical cores)";
    i.blas = detectBlas();
    i.cpu = cpuFeatures();
    if (withPrecision)
        i.autoPrecision = resolvePrecision(Precision::Auto, i.cudaAvailable ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU));
    if (i.blas.slowReference)
        i.blasWarning = "The reference BLAS is selected; SAM runs ~28x slower with it. Fix: "
                        "sudo apt-get install libopenblas0-pthread && sudo update-alternatives --config "
                        "libblas.so.3-x86_64-linux-gnu (choose openblas-pthread)";
    return i;
}

std::string runtimeSummary(const RuntimeInfo& i)
{
    std::ostringstream o;
    o << "LibTorch " << i.torchVersion << "\n";
    o << "Compute device: " << i.device << "\n";
    o << "CPU: " << i.cpu.summary() << "\n";
    o << "Precision (auto): " << precisionName(i.autoPrecision.precision) << ": " << i.autoPrecision.reason << "\n";
    o << "BLAS: " << i.blas.name;
    if (!i.blas.path.empty()) o << " (" << i.blas.path << ")";
    o << "\n";
    if (!i.blasWarning.empty()) o << "WARNING: " << i.blasWarning << "\n";
    return o.str();
}

} // namespace samsp::model
