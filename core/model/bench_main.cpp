// samsp_model_bench: the engine benchmark from the model layer alone, for
// machines that have LibTorch and nothing else (e.g. a GPU box with PyTorch).
// Same figures and flags as `samsp bench`.

#include "model/bench.h"
#include "model/errors.h"
#include "model/runtime_info.h"

#include <cstring>
#include <iostream>
#include <string>

using namespace samsp::model;

int main(int argc, char** argv)
{
    ensurePassiveOpenMpWait(argc, argv);
    BenchOptions o;
    bool json = false;
    auto usage = [] {
        std::cout << "usage: samsp_model_bench [--variant vit_b|vit_l|vit_h|tiny|CONFIG.json] [--size N]\n"
                     "                         [--device auto|cpu|cuda] [--dtype fp32|bf16] [--batch N]\n"
                     "                         [--runs N] [--decoder-runs N] [--threads N] [--json]\n";
    };
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "missing value for " << a << "\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--variant") o.variant = next();
        else if (a == "--size") o.imageSize = std::stoll(next());
        else if (a == "--device") {
            auto d = next();
            o.device = d == "cpu" ? DeviceChoice::Cpu : d == "cuda" ? DeviceChoice::Cuda : DeviceChoice::Auto;
        } else if (a == "--dtype") o.precision = next() == "bf16" ? Precision::Bf16 : Precision::Fp32;
        else if (a == "--batch") o.batch = std::stoi(next());
        else if (a == "--runs") o.encoderRuns = std::stoi(next());
        else if (a == "--decoder-runs") o.decoderRuns = std::stoi(next());
        else if (a == "--threads") o.threads = std::stoi(next());
        else if (a == "--json") json = true;
        else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            std::cerr << "unknown option " << a << "\n";
            usage();
            return 2;
        }
    }
    try {
        auto r = runBenchmark(o, [&](const std::string& s) {
            if (!json) std::cerr << "  " << s << "\n";
        });
        std::cout << (json ? benchResultToJson(r) + "\n" : benchResultToText(r));
    } catch (const std::exception& e) {
        std::cerr << "samsp_model_bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
