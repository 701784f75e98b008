#pragma once
// What the model runs on: LibTorch version, compute device, threads, and the
// BLAS library actually mapped into this process. Debian's LibTorch multiplies
// through whichever libblas.so.3 is selected; the reference BLAS is ~28x slower.

#include "precision.h"

#include <string>

namespace samsp::model {

struct BlasInfo
{
    std::string name;  // "OpenBLAS (pthread)", "BLIS", "reference BLAS", "MKL", "unknown"
    std::string path;  // resolved file mapped into the process, when found
    bool slowReference = false;
};

struct RuntimeInfo
{
    std::string torchVersion;
    std::string device;       // "CPU (2 threads)" or "CUDA: 1 device(s)"
    bool cudaAvailable = false;
    int threads = 0;
    BlasInfo blas;
    std::string blasWarning;  // empty unless the BLAS is the slow reference one
    CpuFeatures cpu;          // model name and the flags that matter (AVX2, AVX-512, bf16)
    PrecisionChoice autoPrecision; // what Precision::Auto picks on the default device, and why (withPrecision)
};

// Physical cores (not SMT siblings) of this machine, at least 1.
int physicalCoreCount();
// Sets LibTorch's intra-op threads (0: physical cores). Returns the count used.
int configureThreads(int threads);

BlasInfo detectBlas();

// LibTorch parallelises element-wise work with OpenMP while OpenBLAS runs its own
// thread pool for matrix products. With both pools spin-waiting on a small machine
// they steal each other's cores: on 2 cores a SAM decoder pass varied between 50
// and 230 ms (66 ms steady with passive waiting; the encoder gains ~7 %).
// libgomp reads OMP_WAIT_POLICY when it is loaded, before main(), so executables
// call this first: it re-executes the program once with OMP_WAIT_POLICY=PASSIVE
// unless the user chose a policy. Returns only when no re-exec happened.
void ensurePassiveOpenMpWait(int argc, char** argv);
// glibc returns every freed block over its mmap threshold to the kernel and maps
// fresh zero pages for the next one; a TinyViT block at 1024 input allocates tens
// of 14-64 MB activations, and the page faults doubled its time (213 -> 101 ms on
// the 2-core VM). Raises the mmap threshold to its maximum (32 MB) and keeps up to
// 512 MB of freed heap for reuse. Called first by the executables; no-op elsewhere.
void tuneAllocator();
// `withPrecision`: also work out what Precision::Auto picks (runs the bf16 probe
// once per process on CPUs with native bf16); the status bar and BLAS warnings skip it.
RuntimeInfo runtimeInfo(bool withPrecision = true);
// Multi-line human-readable summary (for --version and the About dialog).
std::string runtimeSummary(const RuntimeInfo& info);

} // namespace samsp::model
