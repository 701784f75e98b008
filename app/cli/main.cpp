// samsp: the command line of SAM-SP Studio (everything that is not the GUI).
// Links core only, so it runs on servers with no display.

#include "common/logging_setup.h"
#include "common/version.h"
#include "imaging/image_io.h"
#include "model/bench.h"
#include "model/errors.h"
#include "model/runtime_info.h"
#include "pipeline/synth.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace {

// A one-line terminal progress bar (stderr, only on a terminal).
class ProgressBar
{
public:
    explicit ProgressBar(std::string label) : m_label(std::move(label)), m_tty(::isatty(2)) {}
    void update(int done, int total)
    {
        if (!m_tty || total <= 0) return;
        const int width = 30, fill = done * width / total;
        std::fprintf(stderr, "\r%s [%.*s%*s] %d/%d", m_label.c_str(), fill, "##############################",
                     width - fill, "", done, total);
        if (done == total) std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }

private:
    std::string m_label;
    bool m_tty;
};

std::string versionText()
{
    auto info = samsp::model::runtimeInfo();
    return std::string("samsp ") + SAMSP_VERSION + "\n" + samsp::model::runtimeSummary(info);
}

int runInfo(const std::vector<std::string>& paths, bool json)
{
    nlohmann::json out = nlohmann::json::array();
    int failures = 0;
    for (const auto& p : paths) {
        nlohmann::json e{{"path", p}};
        try {
            auto img = samsp::imaging::loadImage(p);
            const auto& i = img.info;
            e["kind"] = "image";
            e["format"] = i.format;
            e["width"] = i.width;
            e["height"] = i.height;
            e["frames"] = i.frames;
            e["bit_depth"] = i.bitDepth;
            e["colour"] = i.colour;
            e["default_window"] = {{"center", img.window.center}, {"width", img.window.width}};
            if (!json)
                std::cout << p << ": " << i.format << ", " << i.width << " x " << i.height << ", " << i.frames
                          << " frame(s), " << i.bitDepth << "-bit " << i.colour << ", window " << img.window.center
                          << "/" << img.window.width << "\n";
        } catch (const std::exception& ex) {
            ++failures;
            e["error"] = ex.what();
            if (!json) std::cerr << "samsp info: " << ex.what() << "\n";
        }
        out.push_back(e);
    }
    if (json) std::cout << out.dump(2) << "\n";
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    samsp::model::ensurePassiveOpenMpWait(argc, argv);
    samsp::model::configureThreads(0); // physical cores, before any LibTorch work
    CLI::App app{"samsp: SAM-SP Studio on the command line (self-prompting Segment Anything)"};
    app.require_subcommand(0, 1);
    bool verbose = false;
    std::string logFile;
    app.add_flag("-v,--verbose", verbose, "Log debug messages to the console");
    app.add_option("--log-file", logFile, "Write the log to this file (default: the user's data folder)");
    app.set_version_flag("-V,--version", versionText);

    // info
    auto* info = app.add_subcommand("info", "Describe images: size, frames, bit depth, colour, default window");
    std::vector<std::string> infoPaths;
    bool infoJson = false;
    info->add_option("paths", infoPaths, "Image files")->required();
    info->add_flag("--json", infoJson, "Machine-readable output");

    // bench
    auto* bench = app.add_subcommand("bench", "Benchmark the SAM engine (random weights): encoder, decoder, SAM-SP");
    samsp::model::BenchOptions bo;
    std::string device = "auto", dtype = "fp32";
    bool benchJson = false;
    bench->add_option("--variant", bo.variant, "vit_b, vit_l, vit_h, tiny, or a JSON config file")->capture_default_str();
    bench->add_option("--size", bo.imageSize, "Model input size")->capture_default_str();
    bench->add_option("--device", device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    bench->add_option("--dtype", dtype, "fp32 or bf16")->check(CLI::IsMember({"fp32", "bf16"}))->capture_default_str();
    bench->add_option("--batch", bo.batch, "Images per encoder batch")->check(CLI::Range(1, 1024))->capture_default_str();
    bench->add_option("--runs", bo.encoderRuns, "Timed encoder runs (median)")->check(CLI::Range(1, 1000))->capture_default_str();
    bench->add_option("--decoder-runs", bo.decoderRuns, "Timed decoder runs (median)")->check(CLI::Range(1, 100000))->capture_default_str();
    bench->add_option("--threads", bo.threads, "CPU threads (0: physical cores)")->capture_default_str();
    bench->add_flag("--json", benchJson, "Print a JSON object");

    // synth
    auto* synth = app.add_subcommand("synth", "Write deterministic synthetic images and masks (DIR/images, DIR/masks)");
    samsp::pipeline::SynthOptions so;
    std::string synthOut;
    synth->add_option("--seed", so.seed, "Random seed")->capture_default_str();
    synth->add_option("--count", so.count, "Number of images")->check(CLI::Range(1, 10000000))->capture_default_str();
    synth->add_option("--size", so.width, "Image side in pixels")->check(CLI::Range(32, 8192))->capture_default_str();
    synth->add_option("--out", synthOut, "Output folder")->required();

    CLI11_PARSE(app, argc, argv);
    samsp::app::setupLogging({verbose, logFile, true});

    try {
        if (info->parsed()) return runInfo(infoPaths, infoJson);
        if (bench->parsed()) {
            bo.device = device == "cpu" ? samsp::model::DeviceChoice::Cpu
                        : device == "cuda" ? samsp::model::DeviceChoice::Cuda : samsp::model::DeviceChoice::Auto;
            bo.precision = dtype == "bf16" ? samsp::model::Precision::Bf16 : samsp::model::Precision::Fp32;
            auto blas = samsp::model::detectBlas();
            if (blas.slowReference) std::cerr << "WARNING: " << samsp::model::runtimeInfo().blasWarning << "\n";
            auto r = samsp::model::runBenchmark(bo, [&](const std::string& s) {
                if (!benchJson) std::cerr << "  " << s << "\n";
            });
            std::cout << (benchJson ? samsp::model::benchResultToJson(r) + "\n" : samsp::model::benchResultToText(r));
            return 0;
        }
        if (synth->parsed()) {
            so.height = so.width;
            ProgressBar bar("synth");
            int n = samsp::pipeline::writeSynthDataset(synthOut, so, [&](int d, int t) { bar.update(d, t); });
            std::cout << "wrote " << n << " images and masks to " << synthOut << "\n";
            return 0;
        }
        std::cout << app.help();
        if (samsp::model::detectBlas().slowReference)
            std::cout << "\nWARNING: " << samsp::model::runtimeInfo().blasWarning << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "samsp: " << e.what() << "\n";
        return 1;
    }
}
