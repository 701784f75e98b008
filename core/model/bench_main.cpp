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
    tuneAllocator();
    BenchOptions o;
    bool json = false;
    auto usage = [] {
        std::cout << "usage: samsp_model_bench [--variant vit_b|vit_l|vit_h|tiny|CONFIG.json] [--size N]\n"
                     "                         [--device auto|cpu|cuda] [--dtype auto|fp32|bf16] [--batch N]\n"
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
        // A whole number within [lo, hi], or exit 2 with a message naming the option.
        auto number = [&](long long lo, long long hi) -> long long {
            const std::string v = next();
            size_t used = 0;
            long long n = 0;
            try {
                n = std::stoll(v, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != v.size() || v.empty() || n < lo || n > hi) {
                std::cerr << "samsp_model_bench: " << a << " takes a whole number from " << lo << " to " << hi << ", not '"
                          << v << "'\n";
                std::exit(2);
            }
            return n;
        };
        if (a == "--variant") o.variant = next();
        else if (a == "--size") o.imageSize = number(16, 8192);
        else if (a == "--device") {
            try {
                o.device = parseDeviceChoice(next());
            } catch (const std::exception& e) {
                std::cerr << "samsp_model_bench: " << e.what() << "\n";
                return 2;
            }
        } else if (a == "--dtype") {
            try {
                o.precision = parsePrecision(next());
            } catch (const std::exception& e) {
                std::cerr << "samsp_model_bench: " << e.what() << "\n";
                return 2;
            }
        } else if (a == "--batch") o.batch = static_cast<int>(number(1, 1024));
        else if (a == "--runs") o.encoderRuns = static_cast<int>(number(1, 1000));
        else if (a == "--decoder-runs") o.decoderRuns = static_cast<int>(number(1, 100000));
        else if (a == "--threads") o.threads = static_cast<int>(number(0, 4096));
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
