// samsp: the command line of SAM-SP Studio (everything that is not the GUI).
// Links core only, so it runs on servers with no display.

#include "common/logging_setup.h"
#include "common/resources.h"
#include "common/version.h"
#include "imaging/dicom.h"
#include "formats/atomic_file.h"
#include "formats/dicom_seg.h"
#include "formats/nifti.h"
#include "formats/formats_bench.h"
#include "imaging/dicom_bench.h"
#include "imaging/image_io.h"
#include "model/bench.h"
#include "model/catalogue.h"
#include "model/errors.h"
#include "model/runtime_info.h"
#include "model/engine.h"
#include "pipeline/batch.h"
#include "pipeline/dataset_export.h"
#include "pipeline/evaluate.h"
#include "pipeline/format_registry.h"
#include "pipeline/interactive.h"
#include "pipeline/loop.h"
#include "pipeline/loop_bench.h"
#include "pipeline/project.h"
#include "pipeline/items.h"
#include "pipeline/seg_import.h"
#include "pipeline/propagate.h"
#include "formats/png_mask.h"
#include "pipeline/synth.h"
#include "pipeline/train_driver.h"

#include <CLI/CLI.hpp>
#include <opencv2/imgproc.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <map>
#include <optional>
#include <atomic>
#include <set>
#include <sstream>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace {

std::atomic<bool> g_stop{false};
extern "C" void onSigint(int)
{
    if (g_stop.exchange(true)) std::_Exit(130); // a second Ctrl+C quits at once
}

std::string hms(double s)
{
    const int t = static_cast<int>(s + 0.5);
    char b[32];
    std::snprintf(b, sizeof b, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    return b;
}

// A one-line terminal progress bar (stderr, only on a terminal).
class ProgressBar
{
public:
    explicit ProgressBar(std::string label) : m_label(std::move(label)), m_tty(::isatty(2)) {}
    void update(int done, int total, const std::string& extra = {})
    {
        if (!m_tty || total <= 0) return;
        const int width = 30, fill = done * width / total;
        std::fprintf(stderr, "\r%s [%.*s%*s] %d/%d %s\033[K", m_label.c_str(), fill, "##############################",
                     width - fill, "", done, total, extra.c_str());
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

nlohmann::json segJson(const samsp::formats::DicomSegObject& seg)
{
    auto code = [](const samsp::annotation::CodedConcept& c) {
        return nlohmann::json{{"value", c.value}, {"scheme", c.scheme}, {"meaning", c.meaning}};
    };
    nlohmann::json segments = nlohmann::json::array();
    for (const auto& s : seg.segments) {
        int frames = 0;
        int64_t pixels = 0;
        for (const auto& f : seg.frames)
            if (f.segment == s.number) ++frames, pixels += cv::countNonZero(f.mask);
        segments.push_back({{"number", s.number},
                            {"label", s.label},
                            {"category", code(s.category)},
                            {"type", code(s.type)},
                            {"algorithm_type", s.algorithmType},
                            {"algorithm_name", s.algorithmName},
                            {"color", s.color ? nlohmann::json(*s.color) : nlohmann::json()},
                            {"frames", frames},
                            {"pixels", pixels}});
    }
    return {{"kind", "dicom-seg"},
            {"segmentation_type", seg.segmentationType},
            {"transfer_syntax", seg.transferSyntax},
            {"width", seg.columns},
            {"height", seg.rows},
            {"frames", seg.storedFrames},
            {"sop_instance_uid", seg.sopInstanceUid},
            {"series_instance_uid", seg.seriesInstanceUid},
            {"frame_of_reference_uid", seg.frameOfReferenceUid},
            {"referenced_series", seg.referencedSeries},
            {"segments", segments}};
}

nlohmann::json dicomJson(const samsp::imaging::DicomInfo& i)
{
    nlohmann::json j{{"path", i.file.string()},
                     {"kind", "dicom"},
                     {"modality", i.modality},
                     {"width", i.columns},
                     {"height", i.rows},
                     {"frames", i.frames},
                     {"bits_allocated", i.bitsAllocated},
                     {"bits_stored", i.bitsStored},
                     {"signed", i.signedPixels},
                     {"photometric_interpretation", i.photometric},
                     {"transfer_syntax", i.transferSyntaxName},
                     {"transfer_syntax_uid", i.transferSyntaxUid},
                     {"pixel_spacing", i.pixelSpacing},
                     {"slice_thickness", i.sliceThickness},
                     {"rescale", {{"slope", i.rescaleSlope}, {"intercept", i.rescaleIntercept}}},
                     {"series_instance_uid", i.seriesInstanceUid},
                     {"study_instance_uid", i.studyInstanceUid},
                     {"sop_instance_uid", i.sopInstanceUid}};
    if (i.position) j["image_position"] = *i.position;
    if (i.orientation) j["image_orientation"] = *i.orientation;
    if (i.fileWindow) j["default_window"] = {{"center", i.fileWindow->center}, {"width", i.fileWindow->width}};
    return j;
}

nlohmann::json seriesJson(const samsp::imaging::DicomSeries& s)
{
    const auto& f = s.slices.front().info;
    nlohmann::json j{{"kind", "dicom-series"},
                     {"series_instance_uid", s.seriesInstanceUid},
                     {"description", s.description},
                     {"modality", s.modality},
                     {"patient_id", s.patientId},
                     {"slices", s.slices.size()},
                     {"width", f.columns},
                     {"height", f.rows},
                     {"bits_stored", f.bitsStored},
                     {"photometric_interpretation", f.photometric},
                     {"transfer_syntax", f.transferSyntaxName},
                     {"pixel_spacing", f.pixelSpacing},
                     {"slice_spacing", s.spacing},
                     {"ordered_by", s.orderedBy},
                     {"warnings", s.warnings}};
    if (f.orientation) j["image_orientation"] = *f.orientation;
    if (f.fileWindow) j["default_window"] = {{"center", f.fileWindow->center}, {"width", f.fileWindow->width}};
    // The slices in the order the series is read (what a script checks or uses).
    nlohmann::json list = nlohmann::json::array();
    for (size_t k = 0; k < s.slices.size(); ++k) {
        const auto& sl = s.slices[k];
        nlohmann::json e{{"index", k},
                         {"file", sl.info.file.string()},
                         {"frame", sl.frame},
                         {"instance_number", sl.info.hasInstanceNumber ? nlohmann::json(sl.info.instanceNumber) : nlohmann::json()},
                         {"sop_instance_uid", sl.info.sopInstanceUid},
                         {"location", sl.location},
                         {"acquisition_number", sl.info.acquisitionNumber ? nlohmann::json(*sl.info.acquisitionNumber) : nlohmann::json()}};
        list.push_back(e);
    }
    j["slice_list"] = list;
    return j;
}

int runInfo(const std::vector<std::string>& paths, bool json, bool slices)
{
    namespace fs = std::filesystem;
    nlohmann::json out = nlohmann::json::array();
    int failures = 0;
    auto fail = [&](const std::string& path, const std::string& why) {
        ++failures;
        out.push_back({{"path", path}, {"error", why}});
        if (!json) std::cerr << "samsp info: " << why << "\n";
    };
    for (const auto& p : paths) {
        try {
            const bool dir = fs::is_directory(p);
            const bool dicomdir = !dir && fs::path(p).filename() == "DICOMDIR";
            if (dir || dicomdir) {
                auto scan = dicomdir ? samsp::imaging::scanDicomFiles(samsp::imaging::dicomdirFiles(p))
                                     : samsp::imaging::scanDicomFolder(p);
                for (const auto& s : scan.series) {
                    auto j = seriesJson(s);
                    j["path"] = p;
                    out.push_back(j);
                    if (!json) {
                        std::cout << p << ": series " << s.seriesInstanceUid << " (" << s.modality << ", \""
                                  << s.description << "\"): " << s.slices.size() << " slice(s) of "
                                  << j["width"] << " x " << j["height"] << ", " << j["bits_stored"] << "-bit "
                                  << std::string(j["photometric_interpretation"]) << ", "
                                  << std::string(j["transfer_syntax"]) << ", spacing " << s.spacing << " mm, ordered by "
                                  << s.orderedBy << "\n";
                        for (const auto& w : s.warnings) std::cout << "  warning: " << w << "\n";
                        if (slices)
                            for (const auto& e : j["slice_list"])
                                std::cout << "  " << e["index"].get<size_t>() + 1 << ": " << e["file"].get<std::string>()
                                          << (e["frame"].get<int>() > 0 ? " #" + std::to_string(e["frame"].get<int>()) : std::string())
                                          << ", instance " << (e["instance_number"].is_null() ? std::string("-") : e["instance_number"].dump())
                                          << ", at " << e["location"].get<double>() << " mm, SOP " << e["sop_instance_uid"].get<std::string>()
                                          << (e["acquisition_number"].is_null() ? std::string() : ", acquisition " + e["acquisition_number"].dump())
                                          << "\n";
                    }
                }
                for (const auto& e : scan.errors) fail(p, e);
                if (scan.series.empty() && scan.errors.empty()) fail(p, "'" + p + "' holds no DICOM files");
                continue;
            }
            const std::string ext = samsp::imaging::lowerExtension(p);
            if (ext == ".pth" || ext == ".pt" || ext == ".safetensors") {
                // A model checkpoint: its architecture (from tensors or metadata) and identity.
                auto ck = samsp::model::loadCheckpoint(p);
                const auto cfg = samsp::model::inferConfig(ck);
                int64_t params = 0;
                for (const auto& [name, t] : ck.tensors) params += t.numel();
                const std::string digest = samsp::model::weightsDigest(ck.tensors);
                nlohmann::json j{{"path", p},
                                 {"kind", "checkpoint"},
                                 {"format", ck.format},
                                 {"variant", cfg.variant},
                                 {"encoder", cfg.encoder},
                                 {"image_size", cfg.imageSize},
                                 {"lora_rank", cfg.loraRank},
                                 {"tensors", ck.tensors.size()},
                                 {"values", params},
                                 {"weights_digest", digest},
                                 {"trained_on", samsp::model::describeTraining(p)},
                                 {"config", nlohmann::json::parse(samsp::model::samConfigToJson(cfg))}};
                out.push_back(j);
                if (!json)
                    std::cout << p << ": SAM checkpoint (" << ck.format << "), " << cfg.variant << ", " << cfg.encoder
                              << " encoder" << (cfg.detailFusion ? " with detail fusion" : "") << ", input " << cfg.imageSize << " px, " << ck.tensors.size() << " tensors, " << params
                              << " values, weights " << digest << "\n  trained on: " << samsp::model::describeTraining(p) << "\n";
                continue;
            }
            if (samsp::imaging::looksLikeDicom(p) || fs::path(p).extension() == ".dcm") {
                auto i = samsp::imaging::readDicomInfo(p);
                if (i.sopClassUid == "1.2.840.10008.5.1.4.1.1.66.4" || i.sopClassUid == "1.2.840.10008.5.1.4.1.1.66.7") {
                    auto j = segJson(samsp::formats::readDicomSeg(p));
                    j["path"] = p;
                    out.push_back(j);
                    if (!json) {
                        std::cout << p << ": DICOM SEG (" << j["segmentation_type"].get<std::string>() << ", "
                                  << j["transfer_syntax"].get<std::string>() << "), " << j["segments"].size() << " segment(s), "
                                  << j["frames"] << " frame(s) of " << j["width"] << " x " << j["height"] << ", of series "
                                  << (j["referenced_series"].empty() ? std::string("?") : j["referenced_series"][0].get<std::string>())
                                  << "\n";
                        for (const auto& sg : j["segments"])
                            std::cout << "  " << sg["number"] << ": \"" << sg["label"].get<std::string>() << "\" ("
                                      << sg["type"]["meaning"].get<std::string>() << ", " << sg["algorithm_type"].get<std::string>()
                                      << "): " << sg["frames"] << " frame(s), " << sg["pixels"] << " pixel(s)\n";
                    }
                    continue;
                }
                out.push_back(dicomJson(i));
                if (!json)
                    std::cout << p << ": DICOM " << i.modality << ", " << i.columns << " x " << i.rows << ", " << i.frames
                              << " frame(s), " << i.bitsStored << "-bit " << i.photometric << ", " << i.transferSyntaxName
                              << ", spacing " << i.pixelSpacing[0] << " x " << i.pixelSpacing[1] << " mm"
                              << (i.fileWindow ? ", window " + std::to_string(i.fileWindow->center) + "/" +
                                                     std::to_string(i.fileWindow->width)
                                               : std::string())
                              << "\n";
                continue;
            }
            auto img = samsp::imaging::loadImage(p);
            const auto& i = img.info;
            out.push_back({{"path", p},
                           {"kind", "image"},
                           {"format", i.format},
                           {"width", i.width},
                           {"height", i.height},
                           {"frames", i.frames},
                           {"bit_depth", i.bitDepth},
                           {"colour", i.colour},
                           {"default_window", {{"center", img.window.center}, {"width", img.window.width}}}});
            if (!json)
                std::cout << p << ": " << i.format << ", " << i.width << " x " << i.height << ", " << i.frames
                          << " frame(s), " << i.bitDepth << "-bit " << i.colour << ", window " << img.window.center << "/"
                          << img.window.width << "\n";
        } catch (const std::exception& ex) {
            fail(p, ex.what());
        }
    }
    if (json) std::cout << out.dump(2) << "\n";
    return failures == 0 ? 0 : 1;
}

void addKeepOption(CLI::App* cmd, samsp::model::SelfPromptSettings& s)
{
    std::map<std::string, samsp::model::KeepPass> names;
    for (auto k : {samsp::model::KeepPass::Last, samsp::model::KeepPass::BestPredictedIou}) names[samsp::model::keepPassName(k)] = k;
    cmd->add_option("--keep", s.keep,
                    "Which pass is the result: last (the final pass, as the method defines it) or best-iou (the pass "
                    "with the highest predicted IoU)")
        ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
        ->default_str("last");
}

// A flag of two named values: `on` sets it, `off` clears it.
void addTwoWayOption(CLI::App* cmd, const std::string& name, bool& flag, const std::string& on, const std::string& off,
                     const std::string& help)
{
    cmd->add_option_function<std::string>(name, [&flag, on](const std::string& v) { flag = v == on; }, help)
        ->check(CLI::IsMember({on, off}))
        ->default_str(flag ? on : off);
}

// What goes with the simulated annotator's clicks (the studio's flow by default).
void addClickFlowOptions(CLI::App* cmd, samsp::pipeline::ClickFlow& f)
{
    addTwoWayOption(cmd, "--click-mask", f.chainLogits, "previous", "start",
                    "Mask input with each click: previous (the last decode's logits) or start (always the proposal's; "
                    "none from nothing)");
    addTwoWayOption(cmd, "--click-box", f.keepStartBox, "start", "none",
                    "Box with each click from the proposal: start (the box SAM-SP's final pass was prompted with) or none");
    addTwoWayOption(cmd, "--click-start", f.startFromMask, "mask", "logits",
                    "The proposal as the first click's mask input: logits (SAM-SP's) or mask (its binary mask, as for a "
                    "mask edited by hand)");
}

} // namespace

int main(int argc, char** argv)
{
    samsp::model::ensurePassiveOpenMpWait(argc, argv);
    samsp::model::tuneAllocator();
    samsp::model::configureThreads(0); // physical cores, before any LibTorch work
    CLI::App app{"samsp: SAM-SP Studio on the command line (self-prompting Segment Anything)"};
    app.require_subcommand(0, 1);
    bool verbose = false;
    std::string logFile;
    app.add_flag("-v,--verbose", verbose, "Log debug messages to the console");
    app.add_option("--log-file", logFile, "Write the log to this file (default: the user's data folder)");
    app.set_version_flag("-V,--version", versionText);

    // info
    auto* info = app.add_subcommand("info", "Describe images, DICOM files, folders of DICOM series, DICOMDIRs and model checkpoints");
    std::vector<std::string> infoPaths;
    bool infoJson = false;
    info->add_option("paths", infoPaths, "Image or DICOM files, folders, DICOMDIR files")->required();
    info->add_flag("--json", infoJson, "Machine-readable output (a series lists its slices in order under slice_list)");
    bool infoSlices = false;
    info->add_flag("--slices", infoSlices, "Text output: list each series' slices in order (file, instance number, position, SOP UID)");

    // bench
    auto* bench = app.add_subcommand("bench", "Benchmark the SAM engine (random weights): encoder, decoder, SAM-SP");
    samsp::model::BenchOptions bo;
    std::string device = "auto", dtype = "auto";
    bool benchJson = false;
    bench->add_option("--variant", bo.variant, "vit_b, vit_l, vit_h, tiny, or a JSON config file")->capture_default_str();
    bench->add_option("--size", bo.imageSize, "Model input size")->capture_default_str();
    bench->add_option("--device", device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    bench->add_option("--dtype", dtype, "auto (bf16 only where the hardware has it natively and it measures faster), fp32 or bf16")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->capture_default_str();
    bench->add_option("--batch", bo.batch, "Images per encoder batch")->check(CLI::Range(1, 1024))->capture_default_str();
    bench->add_option("--runs", bo.encoderRuns, "Timed encoder runs (median)")->check(CLI::Range(1, 1000))->capture_default_str();
    bench->add_option("--decoder-runs", bo.decoderRuns, "Timed decoder runs (median)")->check(CLI::Range(1, 100000))->capture_default_str();
    bench->add_option("--threads", bo.threads, "CPU threads (0: physical cores)")->capture_default_str();
    bench->add_flag("--json", benchJson, "Print a JSON object");
    bool benchDicom = false;
    samsp::imaging::DicomBenchOptions dbo;
    dbo.workDir = std::filesystem::temp_directory_path() / "samsp-dicom-bench";
    bool benchFormats = false;
    bench->add_flag("--formats", benchFormats, "Benchmark masks and formats instead: RLE 4096^2, polygons, COCO export");
    bench->add_flag("--dicom", benchDicom, "Benchmark DICOM reading instead: series load (HU) and folder listing");
    bench->add_option("--dicom-dir", dbo.workDir, "Where the generated DICOM files go (reused when present)")->capture_default_str();
    bench->add_option("--slices", dbo.slices, "Slices of the generated CT series")->capture_default_str();
    bench->add_option("--slice-size", dbo.size, "Rows and columns of each slice")->capture_default_str();
    bench->add_option("--list-files", dbo.listFiles, "Files for the folder-listing figure (0: skip)")->capture_default_str();

    // synth
    auto* synth = app.add_subcommand("synth", "Write deterministic synthetic images and masks (DIR/images, DIR/masks)");
    samsp::pipeline::SynthOptions so;
    std::string synthOut;
    synth->add_option("--seed", so.seed, "Random seed")->capture_default_str();
    synth->add_option("--count", so.count, "Number of images")->check(CLI::Range(1, 10000000))->capture_default_str();
    synth->add_option("--size", so.width, "Image side in pixels")->check(CLI::Range(32, 8192))->capture_default_str();
    synth->add_option("--out", synthOut, "Output folder")->required();

    // train
    auto* train = app.add_subcommand("train", "Fine-tune SAM-SP (self-prompting + self-distillation) on images + masks");
    samsp::pipeline::TrainJob job;
    std::string trainDevice = "auto", encoderMode = "auto";
    bool noAugment = false, noBox = false, noMask = false, usePoint = false;
    train->add_option("--data", job.data, "Folder with images/ and masks/ (same file names)")->required();
    train->add_option("--out", job.out, "The .safetensors checkpoint to write (after every epoch)")->required();
    train->add_option("--init", job.init, "Start from this checkpoint (.pth or .safetensors)");
    train->add_option("--config", job.config, "Random start: variant (tiny, vit_b, vit_t = MobileSAM's TinyViT, ...) or JSON config "
                      "(ViT: embed_dim/depth/...; TinyViT: \"encoder\": \"tiny_vit\", embed_dims/depths/num_heads/window_sizes)")->capture_default_str();
    train->add_option("--image-size", job.imageSize, "Model input size (default: the --init checkpoint's, 256 from a random start)")
        ->check(CLI::Range(0, 4096));
    train->add_option("--lora-rank", job.loraRank, "LoRA rank on the encoder's q and v")->capture_default_str();
    train->add_flag("--detail-fusion", job.detailFusion,
                    "TinyViT only: the mask decoder also reads the encoder's stride-4 features (a 1x1 projection, zero at "
                    "first, so an --init model starts from what it computed)");
    auto* epochsOpt = train->add_option("--epochs", job.epochs, "Epochs (0: write the initial weights untouched)")->check(CLI::Range(0, 100000))->capture_default_str();
    train->add_option("--minutes", job.minutes,
                      "Wall-clock budget: train until it is spent (validation included), the learning rate decaying "
                      "over the time rather than the steps; --epochs becomes an upper bound (default then: none)")
        ->check(CLI::Range(0.0, 1.0e6));
    train->add_option("--batch", job.batchSize, "Images per step")->check(CLI::Range(1, 4096))->capture_default_str();
    train->add_option("--lr", job.settings.lr, "Peak learning rate (AdamW)")->capture_default_str();
    train->add_option("--weight-decay", job.settings.weightDecay, "AdamW weight decay")->capture_default_str();
    train->add_option("--warmup", job.settings.warmupSteps, "Warm-up steps")->capture_default_str();
    train->add_option("--beta", job.settings.beta, "Self-distillation weight (0: off)")->capture_default_str();
    train->add_option("--temperature", job.settings.temperature, "Distillation temperature")->capture_default_str();
    train->add_option("--val-fraction", job.valFraction, "Share of pairs held out for validation")->capture_default_str();
    train->add_option("--seed", job.settings.seed, "Seed (split, order, augmentation, init)")->capture_default_str();
    train->add_option("--encoder", encoderMode, "Encoder training: lora, full, frozen (auto: full for a random start, else lora; TinyViT has no LoRA and "
                      "trains fully)")
        ->check(CLI::IsMember({"auto", "lora", "full", "frozen"}))->capture_default_str();
    train->add_option("--device", trainDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    train->add_option("--threads", job.threads, "CPU threads (0: physical cores)");
    std::string trainDtype = "auto";
    train->add_option("--dtype", trainDtype,
                      "fp32, bf16 (mixed precision: bf16 products, fp32 weights and losses; only where bf16 is native) or "
                      "auto (bf16 where native and measured faster)")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->capture_default_str();
    train->add_flag("--resume", job.resume, "Continue from --out (weights, optimizer, epoch)");
    train->add_flag("--no-augment", noAugment, "No flips / rotations / intensity / scale augmentation");
    train->add_flag("--no-box", noBox, "Pass 1 gets no box prompt");
    train->add_flag("--no-mask", noMask, "Pass 1 gets no mask prompt");
    train->add_flag("--point", usePoint, "Pass 1 also gets the farthest-from-border point");
    train->add_option("--interactive-passes", job.settings.interactivePasses,
                      "Click passes per step (a click alone, then correction clicks in the error region) so the model "
                      "answers clicks; 0: off")
        ->check(CLI::Range(0, 8))
        ->capture_default_str();
    train->add_option("--click-warmup", job.settings.clickWarmup,
                      "Up to N clicks (drawn per step) placed without gradient before the click passes, so the model "
                      "also answers an annotator's later clicks; 0: off")
        ->check(CLI::Range(0, 24))
        ->capture_default_str();
    std::string clickSampling = "interior";
    train->add_option("--click-sampling", clickSampling,
                      "Where training clicks land: interior (the middle of the error, as an annotator clicks) or uniform "
                      "(anywhere in it)")
        ->check(CLI::IsMember({"interior", "uniform"}))
        ->capture_default_str();
    train->add_option("--mask-noise", job.settings.maskNoise,
                      "Share of images whose pass-1 prompt comes from pass 0 dilated or eroded by 1-3 cells, so pass 1 "
                      "learns to correct rather than copy; 0: off")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    train->add_option("--iou-weight", job.settings.iouWeight, "Weight of the IoU head's loss (predicted vs true IoU); 0: off")
        ->check(CLI::Range(0.0, 100.0))
        ->capture_default_str();
    train->add_flag("--fp16", job.fp16, "Store weights as fp16 (half the size)");

    // annotate
    auto* annotate = app.add_subcommand("annotate", "Propose masks for every image / DICOM frame of folders or files (no prompts)");
    samsp::pipeline::BatchOptions bopt;
    std::vector<std::string> annInputs;
    std::string annModel, annFormats = "png,coco", annShard, annDevice = "auto", annDtype = "auto";
    bool annNoResume = false, annJson = false;
    annotate->add_option("inputs", annInputs, "Image or DICOM files and folders (searched recursively)")->required();
    annotate->add_option("--model", annModel, "Checkpoint (.pth or .safetensors); default: the bundled model");
    annotate->add_option("--out", bopt.out, "Output folder (created; holds the resume log)")->required();
    annotate->add_option("--format", annFormats, "Comma-separated: " + samsp::pipeline::outputFormatIds())->capture_default_str();
    annotate->add_option("--label", bopt.label, "Class name of the proposed masks")->capture_default_str();
    annotate->add_option("--shard", annShard, "i/N: process the i-th of N deterministic parts (0-based)");
    annotate->add_option("--passes", bopt.selfPrompt.passes, "SAM-SP passes after pass 0")->capture_default_str();
    addKeepOption(annotate, bopt.selfPrompt);
    annotate->add_option("--device", annDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    annotate->add_option("--dtype", annDtype, "auto, fp32 or bf16 (bf16 is refused where the hardware lacks it)")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->capture_default_str();
    annotate->add_flag("--no-resume", annNoResume, "Redo every item even when an earlier run finished it");
    annotate->add_option("--embedding-cache", bopt.embeddingCache, "Keep image embeddings in this folder and reuse them (e.g. for a re-run with other SAM-SP settings)");
    annotate
        ->add_option_function<std::uintmax_t>(
            "--embedding-cache-max-mb", [&bopt](std::uintmax_t mb) { bopt.embeddingCacheMaxBytes = mb << 20; },
            "Bound of the embedding cache folder in MiB; the least recently used embeddings go first (0: no bound)")
        ->check(CLI::Range(std::uintmax_t(0), std::uintmax_t(1) << 30))
        ->default_str(std::to_string(bopt.embeddingCacheMaxBytes >> 20));
    annotate->add_flag("--json", annJson, "Print the report as JSON");

    // merge
    auto* merge = app.add_subcommand("merge", "Join the outputs of sharded annotate runs into one project and COCO file");
    std::vector<std::string> mergeInputs;
    std::string mergeOut, mergeFormats = "coco";
    merge->add_option("shards", mergeInputs, "Output folders (or project files) of the shards")->required();
    merge->add_option("--out", mergeOut, "Folder for the merged project.samsp.json and formats")->required();
    merge->add_option("--format", mergeFormats, "Comma-separated aggregate formats: coco, yolo, voc, dicom-seg, nifti")->capture_default_str();

    // models
    auto* models = app.add_subcommand("models", "List the bundled model and the public checkpoints the studio can download");
    bool modelsJson = false;
    models->add_flag("--json", modelsJson, "Machine-readable output");

    // convert
    auto* convert = app.add_subcommand("convert", "Write a checkpoint (.pth or .safetensors) again as .safetensors, its "
                                                  "configuration and training record kept; --fp16 halves its size");
    std::string convertIn, convertOut;
    bool convertFp16 = false, convertJson = false;
    convert->add_option("checkpoint", convertIn, "The checkpoint to read")->required()->check(CLI::ExistingFile);
    convert->add_option("--out", convertOut, "The .safetensors file to write (atomically)")->required();
    convert->add_flag("--fp16", convertFp16, "Store floating tensors as half floats");
    convert->add_flag("--json", convertJson, "Machine-readable output");

    // loop
    auto* loop = app.add_subcommand("loop", "One round of the labelling loop: fine-tune the project's model on its accepted items "
                                            "(models/round-N.safetensors), make it current, propose again what nobody touched");
    samsp::pipeline::LoopOptions loopOpts;
    std::string loopModel, loopDevice = "auto", loopDtype = "auto";
    bool loopJson = false, loopNoRepropose = false;
    loopOpts.training.epochs = 100000;
    loopOpts.training.minutes = 10;
    loopOpts.training.batchSize = 8;
    loopOpts.training.settings.lr = 1e-3;
    loopOpts.training.settings.beta = 0;
    loopOpts.training.valFraction = 0.15;
    loop->add_option("project", loopOpts.project, "The project file (project.samsp.json)")->required();
    loop->add_option("--model", loopModel, "Start from this checkpoint instead of the project's current model (default: the project's, "
                                           "else the bundled model)");
    loop->add_option("--minutes", loopOpts.training.minutes, "Training budget of the round")->check(CLI::Range(0.0, 1.0e5))->capture_default_str();
    loop->add_option("--epochs", loopOpts.training.epochs, "At most this many epochs")->check(CLI::Range(1, 100000));
    loop->add_option("--batch", loopOpts.training.batchSize, "Images per step")->check(CLI::Range(1, 4096))->capture_default_str();
    loop->add_option("--lr", loopOpts.training.settings.lr, "Peak learning rate")->capture_default_str();
    loop->add_option("--beta", loopOpts.training.settings.beta, "Self-distillation weight")->capture_default_str();
    loop->add_option("--seed", loopOpts.training.settings.seed, "Seed")->capture_default_str();
    loop->add_option("--device", loopDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    loop->add_option("--dtype", loopDtype, "fp32, bf16 or auto (as for train)")->check(CLI::IsMember({"auto", "fp32", "bf16"}))->capture_default_str();
    loop->add_option("--threads", loopOpts.training.threads, "CPU threads (0: physical cores)");
    loop->add_flag("--no-repropose", loopNoRepropose, "Train only; leave the proposals as they are");
    loop->add_flag("--json", loopJson, "Print the round as a JSON object");

    // import
    auto* imp = app.add_subcommand("import", "Bring a DICOM SEG or NIfTI label volume made by another tool into a project over its "
                                             "DICOM series");
    std::string impFile, impSeries, impOut;
    bool impJson = false;
    imp->add_option("file", impFile, "The DICOM SEG (.dcm) or NIfTI label volume (.nii, .nii.gz)")->required();
    imp->add_option("--series", impSeries, "Folder holding the DICOM series it segments")->required();
    imp->add_option("--out", impOut, "Project folder (project.samsp.json is created or updated there)")->required();
    imp->add_flag("--json", impJson, "Print the result as a JSON object");

    // propagate
    auto* prop = app.add_subcommand("propagate", "Propagate a mask through the slices of a DICOM series (each slice prompted by its "
                                                 "neighbour's mask, then SAM-SP); --phantom measures it on a synthetic lesion");
    std::string propSeries, propMask, propOut, propModel, propDevice = "auto", propDtype = "auto";
    int propSlice = 0;
    bool propJson = false, propPhantom = false;
    samsp::pipeline::PropagateOptions propOpts;
    prop->add_option("--series", propSeries, "Folder holding the DICOM series")->required();
    prop->add_option("--mask", propMask, "The accepted mask (PNG, the slice's size) to start from");
    prop->add_option("--slice", propSlice, "The slice of --mask, 1 = the first in the series' order")->check(CLI::Range(1, 1000000));
    prop->add_option("--out", propOut, "Folder for the propagated masks (masks/slice_NNNN.png) and propagation.json");
    prop->add_option("--model", propModel, "Checkpoint (default: the bundled model)");
    prop->add_option("--max-slices", propOpts.maxSlices, "At most this many slices each way (0: no limit)")->capture_default_str();
    prop->add_option("--min-iou", propOpts.minPredictedIou, "Stop below this predicted IoU")->capture_default_str();
    prop->add_option("--max-drop", propOpts.maxIouDrop, "Stop when the predicted IoU falls this far below the first slice's")->capture_default_str();
    prop->add_option("--max-growth", propOpts.maxGrowth, "Stop when the mask grows past this many times its neighbour's (0: never)")->capture_default_str();
    prop->add_option("--min-overlap", propOpts.minOverlap, "Stop when a slice's mask overlaps its neighbour's less (IoU; 0: never)")->capture_default_str();
    prop->add_option("--max-mean-shift", propOpts.maxMeanShift, "Stop when the mean grey level under the mask moves this far from the neighbour's (0: never)")->capture_default_str();
    prop->add_flag("--point", propOpts.selfPrompt.usePoint, "Also prompt with the neighbour's farthest-from-border point");
    uint64_t propPhantomSeed = 2026;
    std::string propPhantomExport;
    prop->add_option("--phantom-seed", propPhantomSeed, "The phantom's seed: its texture, and its place (one of four in the body) "
                                                        "and centre slice")->capture_default_str();
    prop->add_option("--phantom-export", propPhantomExport, "Write the phantom's lesion slices as a training set "
                                                            "(DIR/images, DIR/masks: the model's view and the truth) and stop");
    std::string propTruth;
    prop->add_option("--truth", propTruth, "A DICOM SEG / NIfTI of the series: propagate from its mask on --slice and score every "
                                           "slice against it (Dice), against independent proposals");
    prop->add_flag("--phantom", propPhantom, "Measure on a synthetic ellipsoid lesion painted into the series (Dice per slice, "
                                             "propagation vs independent proposals)");
    prop->add_option("--device", propDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    prop->add_option("--dtype", propDtype, "fp32, bf16 or auto")->check(CLI::IsMember({"auto", "fp32", "bf16"}))->capture_default_str();
    prop->add_flag("--json", propJson, "Print the result as a JSON object");

    // loop-bench
    auto* lb = app.add_subcommand("loop-bench",
                                  "The labelling benchmark: a simulated annotator labels real images one by one (clicks, a brush "
                                  "when clicks stall) from nothing, from proposals, and with training rounds between; clicks, "
                                  "time and a plot");
    std::string lbData, lbModel, lbOut, lbModes = "from-nothing,no-training,loop", lbEvery = "25", lbDevice = "auto",
                                         lbDtype = "auto", lbTitle;
    int lbCount = 200;
    uint64_t lbOrderSeed = 2026;
    bool lbJson = false;
    samsp::pipeline::LoopBenchOptions lbo;
    lbo.training = loopOpts.training;
    lbo.training.minutes = 3;
    lb->add_option("--data", lbData, "Folder with images/ and masks/ (labelled in a fixed order: by SHA of seed:name)")->required();
    lb->add_option("--model", lbModel, "Start model (default: the bundled model)");
    lb->add_option("--out", lbOut, "Folder for the results (loop-bench.json, loop-bench.svg) and the rounds' models")->required();
    lb->add_option("--count", lbCount, "Images to label (the first N in the fixed order)")->check(CLI::Range(1, 1000000))->capture_default_str();
    lb->add_option("--order-seed", lbOrderSeed, "Seed of the labelling order")->capture_default_str();
    lb->add_option("--modes", lbModes, "Comma-separated: from-nothing, no-training, loop")->capture_default_str();
    lb->add_option("--every", lbEvery, "Loop: a training round after every R accepted images (comma-separated: one loop run each)")
        ->capture_default_str();
    lb->add_option("--minutes", lbo.training.minutes, "Training budget of each round")->check(CLI::Range(0.05, 600.0))->capture_default_str();
    lb->add_option("--batch", lbo.training.batchSize, "Images per training step")->check(CLI::Range(1, 4096))->capture_default_str();
    lb->add_option("--lr", lbo.training.settings.lr, "Peak learning rate of a round")->capture_default_str();
    lb->add_option("--max-clicks", lbo.annotator.maxClicks, "Clicks before the brush at the latest")->check(CLI::Range(1, 100))->capture_default_str();
    addClickFlowOptions(lb, lbo.clickFlow);
    lb->add_option("--target", lbo.annotator.target, "IoU at which the annotator accepts")->check(CLI::Range(0.5, 1.0))->capture_default_str();
    lb->add_option("--seconds-per-click", lbo.secondsPerClick, "A person's time per click or brush dab")->capture_default_str();
    lb->add_option("--seconds-per-image", lbo.secondsPerImage, "A person's time to look at and accept an image")->capture_default_str();
    lb->add_option("--threads", lbo.training.threads, "CPU threads (0: physical cores)");
    lb->add_option("--device", lbDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    lb->add_option("--dtype", lbDtype, "fp32, bf16 or auto")->check(CLI::IsMember({"auto", "fp32", "bf16"}))->capture_default_str();
    lb->add_option("--title", lbTitle, "Title of the plot");
    lb->add_flag("--json", lbJson, "Print the results as a JSON object");
    bool lbReplot = false;
    lb->add_flag("--replot", lbReplot, "Only draw loop-bench.svg / .png again from the --out folder's loop-bench.json");

    // dataset
    auto* dataset = app.add_subcommand("dataset", "Create datasets from projects");
    auto* dsExport = dataset->add_subcommand("export", "Split a project (by patient) and write a dataset with a dataset card");
    dataset->require_subcommand(1);
    samsp::pipeline::DatasetExportOptions dso;
    std::string dsProject, dsSplit = "0.7/0.15/0.15";
    dsExport->add_option("project", dsProject, "Project file (project.samsp.json) or the folder holding it")->required();
    dsExport->add_option("--out", dso.out, "Dataset folder")->required();
    dsExport->add_option("--split", dsSplit, "train/val/test ratios")->capture_default_str();
    dsExport->add_option("--seed", dso.seed, "Split seed")->capture_default_str();
    std::vector<std::string> datasetFormats;
    for (const auto& f : samsp::pipeline::outputFormats())
        if (f.dataset) datasetFormats.push_back(f.id);
    dsExport->add_option("--format", dso.format, samsp::pipeline::outputFormatIds(true))->check(CLI::IsMember(datasetFormats))->capture_default_str();
    dsExport->add_flag("--include-proposed", dso.includeProposed, "Also export proposals nobody accepted yet");

    // eval
    auto* ev = app.add_subcommand("eval", "Dice / IoU / HD95 without prompts: pass 0 and SAM-SP; --interactive adds the simulated annotator (NoC, mIoU per click)");
    std::string evModel, evData, evDevice = "auto", evDtype = "auto";
    bool evJson = false;
    samsp::model::SelfPromptSettings evS;
    ev->add_option("--model", evModel, "Checkpoint (.pth or .safetensors)")->required();
    ev->add_option("--data", evData, "Folder with images/ and masks/")->required();
    ev->add_option("--passes", evS.passes, "SAM-SP passes after pass 0")->capture_default_str();
    ev->add_option("--early-stop-iou", evS.earlyStopIou, "Stop when consecutive masks reach this IoU")->capture_default_str();
    addKeepOption(ev, evS);
    ev->add_flag("!--no-box", evS.useBox, "No box prompts");
    ev->add_flag("!--no-mask", evS.useMask, "No mask prompts");
    ev->add_flag("--point", evS.usePoint, "Add the farthest-from-border point");
    ev->add_flag("--largest-component", evS.largestComponent, "Prompts from the largest connected component only");
    ev->add_option("--min-island", evS.minIslandFraction,
                   "Prompts ignore components smaller than this share of the largest (0: keep all)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    bool evInteractive = false;
    int evMaxClicks = 20;
    ev->add_flag("--interactive", evInteractive,
                 "Also run the simulated annotator (clicks at the worst error's interior, up to --max-clicks): NoC@85/90, "
                 "mIoU after 1/3/5 clicks, failure rate, from nothing and from the SAM-SP proposal");
    ev->add_option("--max-clicks", evMaxClicks, "Clicks per image for --interactive")->check(CLI::Range(1, 100))->capture_default_str();
    samsp::pipeline::ClickFlow evFlow;
    addClickFlowOptions(ev, evFlow);
    ev->add_option("--device", evDevice, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    ev->add_option("--dtype", evDtype, "auto, fp32 or bf16 (bf16 is refused where the hardware lacks it)")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->capture_default_str();
    ev->add_flag("--json", evJson, "Print a JSON object (means under pass0 / samsp, per-image rows)");

    CLI11_PARSE(app, argc, argv);
    samsp::app::setupLogging({verbose, logFile, true});

    try {
        if (info->parsed()) return runInfo(infoPaths, infoJson, infoSlices);
        if (convert->parsed()) {
            const auto r = samsp::model::convertCheckpoint(convertIn, convertOut, convertFp16);
            const std::string enc = r.config.encoder;
            if (convertJson)
                std::cout << nlohmann::json{{"out", convertOut}, {"encoder", enc}, {"image_size", r.config.imageSize},
                                            {"values", r.values}, {"bytes", r.bytes}, {"fp16", convertFp16}}
                                 .dump(2)
                          << "\n";
            else
                std::printf("%s: %s encoder, input %d, %.2f M values, %.1f MB%s\n", convertOut.c_str(), enc.c_str(),
                            r.config.imageSize, r.values / 1e6, r.bytes / 1e6, convertFp16 ? " (fp16)" : "");
            return 0;
        }
        if (models->parsed()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& m : samsp::model::knownModels())
                list.push_back({{"name", m.name},
                                {"file", m.file},
                                {"url", m.url},
                                {"page", m.page},
                                {"size", m.size > 0 ? nlohmann::json(m.size) : nlohmann::json(nullptr)},
                                {"sha256", m.sha256.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.sha256)},
                                {"variant", m.variant},
                                {"encoder", samsp::model::samConfigForVariant(m.variant).encoder},
                                {"licence", m.licence},
                                {"verification", samsp::model::verificationOf(m)}});
            const std::string bundled = samsp::app::bundledModelPath();
            if (modelsJson) {
                std::cout << nlohmann::json{{"bundled", bundled}, {"known", list}}.dump(2) << "\n";
            } else {
                std::cout << "bundled default model: " << bundled << "\n";
                for (const auto& m : samsp::model::knownModels())
                    std::cout << "  " << m.name << " (" << m.variant << ", "
                              << (m.size > 0 ? std::to_string(m.size / 1000000) + " MB" : std::string("size not published"))
                              << "): " << (m.url.empty() ? "download by hand from " + m.page : m.url) << "\n      "
                              << samsp::model::verificationOf(m) << "\n";
            }
            return 0;
        }
        if (bench->parsed() && benchFormats) {
            samsp::formats::FormatsBenchOptions fo;
            const auto r = samsp::formats::runFormatsBenchmark(fo);
            nlohmann::json j{{"mask_size", fo.maskSize},
                             {"rle_encode_ms", r.rleEncodeMs},
                             {"rle_decode_ms", r.rleDecodeMs},
                             {"rle_round_trip_ms", r.rleRoundTripMs},
                             {"rle_counts", r.rleCounts},
                             {"mask_to_polygon_ms", r.polygonMs},
                             {"polygon_points", r.polygonPoints},
                             {"coco_images", fo.cocoImages},
                             {"coco_instances_per_image", fo.cocoInstances},
                             {"coco_rle_export_ms", r.cocoRleMs},
                             {"coco_polygon_export_ms", r.cocoPolygonMs},
                             {"coco_rle_megabytes", r.cocoMegabytes}};
            if (benchJson)
                std::cout << j.dump(2) << "\n";
            else
                std::printf("RLE %d x %d: encode %.1f ms + decode %.1f ms = %.1f ms round trip (%zu counts)\n"
                            "mask to polygons: %.1f ms (%zu points)\n"
                            "COCO export of %d images x %d instances (%d px): RLE %.0f ms (%.1f MB), polygons %.0f ms\n",
                            fo.maskSize, fo.maskSize, r.rleEncodeMs, r.rleDecodeMs, r.rleRoundTripMs, r.rleCounts,
                            r.polygonMs, r.polygonPoints, fo.cocoImages, fo.cocoInstances, fo.cocoImageSize, r.cocoRleMs,
                            r.cocoMegabytes, r.cocoPolygonMs);
            return 0;
        }
        if (bench->parsed() && benchDicom) {
            dbo.threads = bo.threads;
            auto r = samsp::imaging::runDicomBenchmark(dbo, [&](const std::string& m) {
                if (!benchJson) std::cerr << "  " << m << "\n";
            });
            nlohmann::json j{{"slices", dbo.slices}, {"slice_size", dbo.size}};
            for (const auto& row : r.loads)
                j["load"][row.encoding] = {{"seconds", row.seconds}, {"slices_per_s", row.slicesPerS}, {"megabytes", row.megabytes}};
            j["list"] = {{"files", r.listFiles}, {"seconds", r.listSeconds}, {"files_per_s", r.listFilesPerS}};
            if (benchJson) {
                std::cout << j.dump(2) << "\n";
            } else {
                for (const auto& row : r.loads)
                    std::printf("load %-12s %d x %d x %d: %.2f s, %.0f slices/s\n", row.encoding.c_str(), dbo.size, dbo.size,
                                dbo.slices, row.seconds, row.slicesPerS);
                if (r.listFiles > 0)
                    std::printf("list %d files into series (headers only): %.2f s, %.0f files/s\n", r.listFiles, r.listSeconds,
                                r.listFilesPerS);
            }
            return 0;
        }
        if (bench->parsed()) {
            bo.device = samsp::model::parseDeviceChoice(device);
            bo.precision = samsp::model::parsePrecision(dtype);
            auto blas = samsp::model::detectBlas();
            if (blas.slowReference) std::cerr << "WARNING: " << samsp::model::runtimeInfo(false).blasWarning << "\n";
            auto r = samsp::model::runBenchmark(bo, [&](const std::string& s) {
                if (!benchJson) std::cerr << "  " << s << "\n";
            });
            std::cout << (benchJson ? samsp::model::benchResultToJson(r) + "\n" : samsp::model::benchResultToText(r));
            return 0;
        }
        auto deviceOf = [](const std::string& d) { return samsp::model::parseDeviceChoice(d); };
        if (train->parsed()) {
            job.device = deviceOf(trainDevice);
            if (job.minutes > 0 && epochsOpt->count() == 0) job.epochs = 100000; // the budget decides
            job.precision = samsp::model::parsePrecision(trainDtype);
            job.augment = !noAugment;
            job.settings.prompts.useBox = !noBox;
            job.settings.clickSampling = clickSampling == "uniform" ? samsp::model::ClickSampling::Uniform
                                                                     : samsp::model::ClickSampling::Interior;
            job.settings.prompts.useMask = !noMask;
            job.settings.prompts.usePoint = usePoint;
            if (encoderMode == "auto") encoderMode = job.init.empty() && !job.resume ? "full" : "lora";
            job.settings.encoder = encoderMode == "full" ? samsp::model::EncoderTraining::Full
                                   : encoderMode == "frozen" ? samsp::model::EncoderTraining::Frozen
                                                             : samsp::model::EncoderTraining::LoraOnly;
            std::signal(SIGINT, onSigint);
            ProgressBar bar("train");
            auto sum = samsp::pipeline::runTraining(
                job,
                [&](const samsp::pipeline::TrainProgress& p) {
                    char extra[160];
                    std::snprintf(extra, sizeof extra, "epoch %d/%d loss %.4f %.1f img/s ETA %s", p.epoch, p.epochs, p.loss,
                                  p.imagesPerS, hms(p.etaSeconds).c_str());
                    bar.update(static_cast<int>(p.step), static_cast<int>(p.stepsPerEpoch), extra);
                    return !g_stop.load();
                },
                [&](const samsp::pipeline::EpochRecord& e) {
                    std::fprintf(stderr, "\n");
                    std::printf("epoch %d: loss %.4f  val Dice pass0 %.4f  SAM-SP %.4f  (%.0f s)\n", e.epoch, e.trainLoss,
                                e.valDicePass0, e.valDiceSamsp, e.seconds);
                    std::fflush(stdout);
                });
            for (const auto& p : sum.dataProblems) std::cerr << "skipped: " << p << "\n";
            std::printf("%s after %zu epoch(s) in %.1f min%s; %d train / %d val images; %s; %.3f steps/s, %.2f images/s; checkpoint %s\n",
                        sum.cancelled ? "stopped" : "done", sum.epochs.size(), sum.seconds / 60.0,
                        sum.budgetSpent ? " (budget spent)" : "", sum.trainImages, sum.valImages, sum.precision.c_str(),
                        sum.stepsPerS, sum.imagesPerS, sum.checkpoint.empty() ? "(none yet)" : sum.checkpoint.c_str());
            return sum.cancelled ? 130 : 0;
        }
        if (loop->parsed()) {
            loopOpts.training.device = deviceOf(loopDevice);
            loopOpts.training.precision = samsp::model::parsePrecision(loopDtype);
            loopOpts.training.settings.encoder = samsp::model::EncoderTraining::LoraOnly; // TinyViT: full (it has no LoRA)
            loopOpts.repropose = !loopNoRepropose;
            loopOpts.startModel = loopModel;
            if (loopModel.empty() && std::filesystem::exists(loopOpts.project)) {
                const auto p = samsp::pipeline::Project::load(loopOpts.project);
                if (p.model.checkpoint.empty()) loopOpts.startModel = samsp::app::bundledModelPath();
            }
            std::signal(SIGINT, onSigint);
            ProgressBar bar("loop");
            auto r = samsp::pipeline::runLoopRound(loopOpts, [&](const samsp::pipeline::LoopProgress& p) {
                bar.update(p.done, std::max(1, p.total), p.phase);
                return !g_stop.load();
            });
            std::fprintf(stderr, "\n");
            if (loopJson) {
                nlohmann::json j{{"round", r.round}, {"model", r.model.string()}, {"model_id", r.modelId},
                                 {"previous_model_id", r.previousModelId}, {"trained_on", r.trainedOn.size()},
                                 {"epochs", r.training.epochs.size()}, {"seconds", r.training.seconds},
                                 {"precision", r.training.precision}, {"reproposed", r.reproposed}, {"failed", r.failed},
                                 {"skipped", r.skipped}, {"cancelled", r.cancelled}};
                if (!r.training.epochs.empty()) {
                    j["val_dice_pass0"] = r.training.epochs.back().valDicePass0;
                    j["val_dice_samsp"] = r.training.epochs.back().valDiceSamsp;
                }
                std::cout << j.dump(2) << "\n";
            } else if (r.cancelled && r.modelId.empty()) {
                std::cout << "round " << r.round << " cancelled; the project keeps its model\n";
            } else {
                std::printf("round %d: %s (%s) trained on %zu accepted item(s) in %.1f min, val Dice %.3f; proposed again: %d, "
                            "failed: %d, left alone (touched by a person): %d%s\n",
                            r.round, r.model.filename().c_str(), r.modelId.c_str(), r.trainedOn.size(), r.training.seconds / 60.0,
                            r.training.epochs.empty() ? 0.0 : r.training.epochs.back().valDiceSamsp, r.reproposed, r.failed,
                            r.skipped, r.cancelled ? " (stopped early)" : "");
            }
            return r.cancelled ? 130 : (r.failed > 0 ? 1 : 0);
        }
        if (imp->parsed()) {
            namespace fs = std::filesystem;
            const fs::path seriesDir = fs::absolute(impSeries).lexically_normal();
            if (!fs::is_directory(seriesDir)) throw std::runtime_error("--series: '" + impSeries + "' is not a folder");
            const auto scan = samsp::imaging::scanDicomFolder(seriesDir);
            const fs::path projectPath = fs::path(impOut) / "project.samsp.json";
            samsp::pipeline::Project project;
            if (fs::exists(projectPath)) project = samsp::pipeline::Project::load(projectPath);
            else {
                project.name = seriesDir.filename().string();
                project.sources.push_back({"folder", seriesDir.string(), ""});
            }
            // The items the studio lists for the folder (same keys), added where missing.
            std::map<std::pair<std::string, int>, std::string> keys;
            for (const auto& it : samsp::pipeline::enumerateBatchItems({seriesDir})) {
                keys[{fs::absolute(it.file).lexically_normal().string(), it.frame}] = it.key;
                if (!project.find(it.key)) project.upsert(samsp::pipeline::projectItemFor(it));
            }
            const auto seg = samsp::pipeline::readSegmentationFor(impFile, scan.series, project.labels);
            const auto rep = samsp::pipeline::applyImport(project, seg, [&](const fs::path& f, int frame) {
                auto it = keys.find({fs::absolute(f).lexically_normal().string(), frame});
                return it == keys.end() ? f.string() : it->second;
            });
            project.sortItems();
            samsp::formats::ensureFolder(impOut);
            project.save(projectPath);
            nlohmann::json labelsJson = nlohmann::json::array();
            for (const auto& c : project.labels.classes) labelsJson.push_back({{"id", c.id}, {"name", c.name}});
            const nlohmann::json j{{"project", projectPath.string()},
                                   {"format", seg.format},
                                   {"series_instance_uid", seg.series.seriesInstanceUid},
                                   {"slices", seg.series.slices.size()},
                                   {"slices_with_labels", seg.slicesWithLabels()},
                                   {"instances", rep.instances},
                                   {"items_changed", rep.itemsChanged},
                                   {"unmatched_frames", seg.unmatchedFrames},
                                   {"missing_items", rep.missingItems},
                                   {"labels", labelsJson}};
            if (impJson) std::cout << j.dump(2) << "\n";
            else {
                std::printf("%s: %d instance(s) on %d of %zu slice(s) of series %s -> %s\n", impFile.c_str(), rep.instances,
                            rep.itemsChanged, seg.series.slices.size(), seg.series.seriesInstanceUid.c_str(), projectPath.c_str());
                if (seg.unmatchedFrames > 0)
                    std::printf("warning: %d frame(s) with pixels matched no slice of the series\n", seg.unmatchedFrames);
                for (const auto& k : rep.missingItems) std::printf("warning: no project item for %s\n", k.c_str());
            }
            return rep.missingItems.empty() && seg.unmatchedFrames == 0 ? 0 : 1;
        }
        if (prop->parsed()) {
            namespace fs = std::filesystem;
            const auto scan = samsp::imaging::scanDicomFolder(propSeries);
            if (scan.series.empty()) throw std::runtime_error("'" + propSeries + "' holds no DICOM series");
            if (scan.series.size() > 1)
                throw std::runtime_error("'" + propSeries + "' holds " + std::to_string(scan.series.size()) + " series; give a folder with one");
            const auto doc = samsp::imaging::Document::openSeries(scan.series.front());
            auto engine = samsp::model::SamEngine::fromCheckpoint(propModel.empty() ? samsp::app::bundledModelPath() : propModel,
                                                                  samsp::model::EngineOptions{deviceOf(propDevice), samsp::model::parsePrecision(propDtype)});
            // A measurement (--truth, --phantom): Dice per slice, propagation against independent proposals.
            auto reportBench = [&](const samsp::pipeline::PropagationBench& b, const std::string& what, int seed) {
                nlohmann::json rows = nlohmann::json::array();
                for (const auto& r : b.rows)
                    rows.push_back({{"slice", r.slice + 1}, {"in_object", r.inObject}, {"propagated", r.propagated},
                                    {"dice_propagated", r.dicePropagated}, {"dice_independent", r.diceIndependent}});
                const nlohmann::json j{{"series", propSeries},
                                       {"truth", what},
                                       {"model", engine->modelId()},
                                       {"object_slices", {b.objectFirst + 1, b.objectLast + 1}},
                                       {"seed_slice", seed + 1},
                                       {"propagated_slices", {b.propagatedFirst + 1, b.propagatedLast + 1}},
                                       {"stopped_up", b.propagation.stoppedUp},
                                       {"stopped_down", b.propagation.stoppedDown},
                                       {"mean_dice_propagated", b.meanDicePropagated},
                                       {"mean_dice_independent", b.meanDiceIndependent},
                                       {"seconds", b.seconds},
                                       {"rows", rows}};
                if (propJson) {
                    std::cout << j.dump(2) << "\n";
                    return;
                }
                std::printf("%s on slices %d-%d of %d, seeded at %d; propagated to %d-%d (up: %s; down: %s)\n", what.c_str(),
                            b.objectFirst + 1, b.objectLast + 1, doc.frameCount(), seed + 1, b.propagatedFirst + 1, b.propagatedLast + 1,
                            b.propagation.stoppedUp.c_str(), b.propagation.stoppedDown.c_str());
                for (const auto& r : b.rows)
                    std::printf("slice %d (%s): propagated %.3f, independent %.3f\n", r.slice + 1, r.inObject ? "object" : "empty",
                                r.dicePropagated, r.diceIndependent);
                std::printf("mean Dice over the object's slices (seed excluded): propagation %.3f, independent proposals %.3f (%.1f s)\n",
                            b.meanDicePropagated, b.meanDiceIndependent, b.seconds);
            };
            if (!propTruth.empty()) {
                // A real segmentation as the truth: the slices as they are, the union of its
                // instances per slice, seeded on --slice (default: the slice with the most).
                const auto imp = samsp::pipeline::readSegmentationFor(propTruth, scan.series, {});
                samsp::pipeline::LesionPhantom truth;
                int best = 0, bestPixels = -1;
                for (int k = 0; k < doc.frameCount(); ++k) {
                    truth.slices.push_back(doc.pixels(k));
                    const auto& a = imp.perSlice[static_cast<size_t>(k)];
                    cv::Mat m = cv::Mat::zeros(doc.pixels(k).size(), CV_8UC1);
                    for (const auto& in : a.instances) cv::bitwise_or(m, samsp::annotation::rleDecodeMat(in.mask), m);
                    if (cv::countNonZero(m) > bestPixels) bestPixels = cv::countNonZero(m), best = k;
                    truth.truth.push_back(m);
                }
                truth.centreSlice = propSlice >= 1 ? propSlice - 1 : best;
                reportBench(samsp::pipeline::benchPropagation(*engine, truth, doc.window, doc.invert, propOpts), "truth " + propTruth,
                            truth.centreSlice);
                return 0;
            }
            if (propPhantom) {
                std::vector<cv::Mat> bg;
                for (int k = 0; k < doc.frameCount(); ++k) bg.push_back(doc.pixels(k));
                const cv::Size size = bg.front().size();
                // Four places in the body (fractions of the slice) and centre slices around the
                // middle; seed 2026 (the default, the measured one) is the first place, the middle.
                static const double places[4][2] = {{0.62, 0.55}, {0.40, 0.52}, {0.52, 0.40}, {0.45, 0.64}};
                const int variant = propPhantomSeed == 2026 ? 0 : static_cast<int>(1 + propPhantomSeed % 3);
                const int mid = std::clamp(doc.frameCount() / 2 + (variant == 0 ? 0 : static_cast<int>(propPhantomSeed % 41) - 20), 0,
                                           doc.frameCount() - 1);
                const auto ph = samsp::pipeline::makeLesionPhantom(bg, {size.width * places[variant][0], size.height * places[variant][1]},
                                                                   size.width * 0.08, size.height * 0.065, mid,
                                                                   std::max(2.0, doc.frameCount() * 0.08), 90, propPhantomSeed);
                if (!propPhantomExport.empty()) {
                    const fs::path dir(propPhantomExport);
                    samsp::formats::ensureFolder(dir / "images");
                    samsp::formats::ensureFolder(dir / "masks");
                    int written = 0;
                    for (int k = 0; k < doc.frameCount(); ++k) {
                        if (cv::countNonZero(ph.truth[static_cast<size_t>(k)]) == 0) continue;
                        char name[64];
                        std::snprintf(name, sizeof name, "phantom%llu_%04d.png", static_cast<unsigned long long>(propPhantomSeed), k + 1);
                        samsp::formats::writeRgbPng(dir / "images" / name,
                                                    samsp::imaging::makeModelView(ph.slices[static_cast<size_t>(k)], doc.window, doc.invert).rgb);
                        samsp::formats::writeMaskPng(dir / "masks" / name, ph.truth[static_cast<size_t>(k)]);
                        ++written;
                    }
                    std::printf("%d lesion slice(s) written to %s\n", written, dir.c_str());
                    return 0;
                }
                const auto b = samsp::pipeline::benchPropagation(*engine, ph, doc.window, doc.invert, propOpts);
                if (!propOut.empty()) {
                    // What the model saw around the seed: truth outlined in green, propagation in red.
                    samsp::formats::ensureFolder(propOut);
                    for (int k : {ph.centreSlice - 4, ph.centreSlice, ph.centreSlice + 4}) {
                        if (k < 0 || k >= doc.frameCount()) continue;
                        cv::Mat rgb = samsp::imaging::toRgb8(ph.slices[static_cast<size_t>(k)], doc.window, doc.invert).clone();
                        std::vector<std::vector<cv::Point>> c;
                        cv::findContours(ph.truth[static_cast<size_t>(k)].clone(), c, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
                        cv::drawContours(rgb, c, -1, cv::Scalar(0, 255, 0), 1);
                        for (const auto& s : b.propagation.slices)
                            if (s.slice == k) {
                                c.clear();
                                cv::findContours(s.mask.clone(), c, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
                                cv::drawContours(rgb, c, -1, cv::Scalar(255, 0, 0), 1);
                            }
                        char name[64];
                        std::snprintf(name, sizeof name, "phantom_slice_%04d.png", k + 1);
                        samsp::formats::writeRgbPng(fs::path(propOut) / name, rgb);
                    }
                }
                reportBench(b, "phantom lesion", ph.centreSlice);
                return 0;
            }
            if (propMask.empty() || propSlice < 1) throw std::invalid_argument("give --mask and --slice (or --phantom)");
            if (propSlice > doc.frameCount())
                throw std::invalid_argument("--slice " + std::to_string(propSlice) + ": the series has " + std::to_string(doc.frameCount()) + " slices");
            const cv::Mat start = samsp::formats::readMaskPng(propMask);
            const cv::Size full = doc.pixels(0).size();
            if (start.size() != full)
                throw std::invalid_argument("--mask is " + std::to_string(start.cols) + " x " + std::to_string(start.rows) +
                                            ", the slices " + std::to_string(full.width) + " x " + std::to_string(full.height));
            ProgressBar bar("propagate");
            const auto res = samsp::pipeline::propagateMask(*engine, doc.frameCount(), [&](int k) { return doc.modelView(k); }, full,
                                                            propSlice - 1, start, propOpts, [&](int d) {
                                                                bar.update(d, doc.frameCount());
                                                                return !g_stop.load();
                                                            });
            nlohmann::json slices = nlohmann::json::array();
            for (const auto& s : res.slices) {
                char name[64];
                std::snprintf(name, sizeof name, "slice_%04d.png", s.slice + 1);
                nlohmann::json e{{"slice", s.slice + 1}, {"pixels", cv::countNonZero(s.mask)}, {"predicted_iou", s.predictedIou}, {"passes", s.passes}};
                if (!propOut.empty()) {
                    samsp::formats::ensureFolder(fs::path(propOut) / "masks");
                    samsp::formats::writeMaskPng(fs::path(propOut) / "masks" / name, s.mask);
                    e["file"] = (fs::path(propOut) / "masks" / name).string();
                }
                slices.push_back(e);
            }
            const nlohmann::json j{{"series", propSeries}, {"start_slice", propSlice}, {"stopped_up", res.stoppedUp},
                                   {"stopped_down", res.stoppedDown}, {"cancelled", res.cancelled}, {"slices", slices}};
            if (!propOut.empty()) samsp::formats::writeFileAtomically(fs::path(propOut) / "propagation.json", j.dump(2));
            if (propJson) std::cout << j.dump(2) << "\n";
            else
                std::printf("propagated from slice %d to %zu slice(s); up: %s; down: %s\n", propSlice, res.slices.size(),
                            res.stoppedUp.c_str(), res.stoppedDown.c_str());
            return res.cancelled ? 130 : 0;
        }
        if (lb->parsed() && lbReplot) {
            namespace fs = std::filesystem;
            const auto j = nlohmann::json::parse(samsp::formats::readFileBytes(fs::path(lbOut) / "loop-bench.json"));
            std::vector<samsp::pipeline::LoopBenchRun> runs;
            for (const auto& r : j.at("runs")) {
                samsp::pipeline::LoopBenchRun run;
                const std::string mode = r.at("mode");
                run.mode = mode == "loop" ? samsp::pipeline::LoopBenchMode::Loop
                           : mode == "no-training" ? samsp::pipeline::LoopBenchMode::NoTraining
                                                   : samsp::pipeline::LoopBenchMode::FromNothing;
                run.every = r.value("every", 0);
                for (const auto& i : r.at("per_image")) {
                    samsp::pipeline::LoopBenchImage im;
                    im.proposalDice = i.value("proposal_dice", 0.0);
                    im.clicks = i.value("clicks", 0);
                    im.dabs = i.value("dabs", 0);
                    run.images.push_back(im);
                }
                runs.push_back(std::move(run));
            }
            const std::string title = lbTitle.empty() ? j.value("data", std::string()) : lbTitle;
            samsp::formats::writeFileAtomically(fs::path(lbOut) / "loop-bench.svg", samsp::pipeline::loopBenchSvg(runs, title));
            samsp::formats::writeRgbPng(fs::path(lbOut) / "loop-bench.png", samsp::pipeline::loopBenchImage(runs, title));
            return 0;
        }
        if (lb->parsed()) {
            auto scan = samsp::pipeline::findLabelledPairs(lbData);
            if (scan.pairs.empty()) throw std::runtime_error("'" + lbData + "' holds no image/mask pairs");
            auto order = [&](const samsp::pipeline::LabelledPair& p) {
                const std::string k = std::to_string(lbOrderSeed) + ":" + p.name;
                return samsp::pipeline::fnv1a(k.data(), k.size());
            };
            std::stable_sort(scan.pairs.begin(), scan.pairs.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
            if (static_cast<int>(scan.pairs.size()) > lbCount) scan.pairs.resize(static_cast<size_t>(lbCount));
            lbo.pairs = scan.pairs;
            lbo.startModel = lbModel.empty() ? samsp::app::bundledModelPath() : lbModel;
            lbo.engine = samsp::model::EngineOptions{deviceOf(lbDevice), samsp::model::parsePrecision(lbDtype)};
            lbo.training.device = deviceOf(lbDevice);
            lbo.training.precision = samsp::model::parsePrecision(lbDtype);
            lbo.training.settings.encoder = samsp::model::EncoderTraining::LoraOnly; // as `samsp loop`
            std::vector<std::pair<samsp::pipeline::LoopBenchMode, int>> runs;
            std::stringstream ms(lbModes);
            for (std::string m; std::getline(ms, m, ',');) {
                if (m == "from-nothing") runs.emplace_back(samsp::pipeline::LoopBenchMode::FromNothing, 0);
                else if (m == "no-training") runs.emplace_back(samsp::pipeline::LoopBenchMode::NoTraining, 0);
                else if (m == "loop") {
                    std::stringstream es(lbEvery);
                    for (std::string e; std::getline(es, e, ',');)
                        runs.emplace_back(samsp::pipeline::LoopBenchMode::Loop, std::stoi(e));
                }
                else if (!m.empty()) throw std::invalid_argument("--modes: unknown mode '" + m + "' (from-nothing, no-training, loop)");
            }
            const std::filesystem::path out(lbOut);
            std::filesystem::create_directories(out);
            std::vector<samsp::pipeline::LoopBenchRun> results;
            nlohmann::json all = nlohmann::json::array();
            for (const auto& [mode, every] : runs) {
                lbo.mode = mode;
                lbo.every = every;
                const std::string name = samsp::pipeline::loopBenchModeName(mode) + (every > 0 ? "-" + std::to_string(every) : "");
                lbo.work = out / name;
                std::filesystem::remove_all(lbo.work);
                ProgressBar bar(name);
                results.push_back(samsp::pipeline::runLoopBench(lbo, [&](int d, int t, const std::string& phase) {
                    bar.update(d, t, phase);
                    return !g_stop.load();
                }));
                all.push_back(samsp::pipeline::loopBenchJson(results.back()));
                const auto& r = results.back();
                if (!lbJson)
                    std::printf("%-16s %4zu images: %5d clicks (%d of them brushing), %.2f a image, proposal Dice %.3f, rounds %zu "
                                "(%.1f min training), simulated wall %.1f min\n",
                                name.c_str(), r.images.size(), r.totalClicks(), r.totalDabs(),
                                r.totalClicks() / std::max(1.0, double(r.images.size())),
                                all.back().value("mean_proposal_dice", 0.0), r.rounds.size(), r.trainSeconds / 60.0,
                                r.wallSeconds() / 60.0);
                std::fflush(stdout);
                // Written after every run, so a long benchmark keeps what it finished.
                samsp::formats::writeFileAtomically(out / "loop-bench.json",
                                                    nlohmann::json{{"data", lbData}, {"order_seed", lbOrderSeed},
                                                                   {"start_model", lbo.startModel.string()},
                                                                   {"minutes_per_round", lbo.training.minutes},
                                                                   {"cpu", samsp::model::runtimeInfo(false).cpu.model},
                                                                   {"runs", all}}.dump(2));
                samsp::formats::writeFileAtomically(out / "loop-bench.svg",
                                                    samsp::pipeline::loopBenchSvg(results, lbTitle.empty() ? lbData : lbTitle));
                samsp::formats::writeRgbPng(out / "loop-bench.png",
                                            samsp::pipeline::loopBenchImage(results, lbTitle.empty() ? lbData : lbTitle));
            }
            if (lbJson) std::cout << nlohmann::json{{"runs", all}}.dump(2) << "\n";
            return 0;
        }
        if (ev->parsed()) {
            auto engine = samsp::model::SamEngine::fromCheckpoint(evModel, samsp::model::EngineOptions{deviceOf(evDevice), samsp::model::parsePrecision(evDtype)});
            auto scan = samsp::pipeline::findLabelledPairs(evData);
            if (scan.pairs.empty()) throw std::runtime_error("'" + evData + "' holds no image/mask pairs");
            ProgressBar bar("eval");
            auto rep = samsp::pipeline::evaluate(*engine, scan.pairs, evS, [&](int d, int t) { bar.update(d, t); });
            std::optional<samsp::pipeline::InteractiveReport> inter;
            if (evInteractive) {
                ProgressBar ibar("clicks");
                inter = samsp::pipeline::evaluateInteractive(*engine, scan.pairs, evS, evMaxClicks,
                                                             [&](int d, int t) { ibar.update(d, t); }, evFlow);
            }
            if (evJson) {
                auto j = nlohmann::json::parse(samsp::pipeline::evalReportJson(rep));
                if (inter) j["interactive"] = nlohmann::json::parse(samsp::pipeline::interactiveReportJson(*inter));
                std::cout << j.dump(2) << "\n";
            } else {
                std::cout << samsp::pipeline::evalReportTable(rep);
                if (inter) std::cout << samsp::pipeline::interactiveReportTable(*inter);
            }
            return rep.errors.empty() ? 0 : 1;
        }
        auto splitList = [](const std::string& s) {
            std::set<std::string> out;
            std::stringstream ss(s);
            std::string item;
            while (std::getline(ss, item, ','))
                if (!item.empty()) out.insert(item);
            return out;
        };
        if (annotate->parsed()) {
            bopt.formats = splitList(annFormats);
            for (const auto& i : annInputs) bopt.inputs.emplace_back(i);
            bopt.resume = !annNoResume;
            if (!annShard.empty()) {
                const auto slash = annShard.find('/');
                if (slash == std::string::npos) throw std::invalid_argument("--shard takes i/N, e.g. 0/4");
                bopt.shardIndex = std::stoi(annShard.substr(0, slash));
                bopt.shardCount = std::stoi(annShard.substr(slash + 1));
            }
            const std::string modelPath = annModel.empty() ? samsp::app::bundledModelPath() : annModel;
            auto engine = samsp::model::SamEngine::fromCheckpoint(modelPath, samsp::model::EngineOptions{deviceOf(annDevice), samsp::model::parsePrecision(annDtype)});
            std::signal(SIGINT, onSigint);
            std::signal(SIGTERM, onSigint);
            ProgressBar bar("annotate");
            auto rep = samsp::pipeline::runBatch(
                *engine, bopt,
                [&](const samsp::pipeline::BatchProgress& p) {
                    char extra[200];
                    std::snprintf(extra, sizeof extra, "%.2f img/s ETA %s%s", p.imagesPerS, hms(p.etaSeconds).c_str(),
                                  p.failed ? (" " + std::to_string(p.failed) + " failed").c_str() : "");
                    bar.update(p.done, p.total, extra);
                },
                &g_stop);
            if (annJson)
                std::cout << samsp::pipeline::batchReportJson(rep).dump(2) << "\n";
            else {
                for (const auto& f : rep.failures) std::cerr << "failed: " << f.key << ": " << f.reason << "\n";
                std::cout << rep.summary() << "; report: " << (bopt.out / "report.json").string() << "\n";
            }
            return rep.cancelled ? 130 : rep.failures.empty() ? 0 : 3;
        }
        if (merge->parsed()) {
            std::vector<std::filesystem::path> dirs(mergeInputs.begin(), mergeInputs.end());
            auto project = samsp::pipeline::mergeBatchOutputs(dirs, mergeOut, splitList(mergeFormats));
            std::cout << "merged " << dirs.size() << " run(s): " << project.items.size() << " item(s), "
                      << project.count(samsp::pipeline::ItemState::Proposed) << " proposed, "
                      << project.count(samsp::pipeline::ItemState::Accepted) << " accepted -> " << mergeOut << "\n";
            return 0;
        }
        if (dsExport->parsed()) {
            std::array<double, 3> r{0, 0, 0};
            {
                std::stringstream ss(dsSplit);
                std::string part;
                size_t k = 0;
                while (std::getline(ss, part, '/')) {
                    if (k >= 3) throw std::invalid_argument("--split takes at most three ratios, e.g. 0.7/0.15/0.15");
                    r[k++] = std::stod(part);
                }
                if (k < 2) throw std::invalid_argument("--split takes train/val[/test] ratios, e.g. 0.8/0.2");
            }
            dso.ratios = r;
            std::filesystem::path pf(dsProject);
            if (std::filesystem::is_directory(pf)) pf /= "project.samsp.json";
            const auto project = samsp::pipeline::Project::load(pf);
            ProgressBar bar("export");
            const auto res = samsp::pipeline::exportDataset(project, pf.parent_path(), dso, [&](int d, int t) { bar.update(d, t); });
            for (const auto& p : res.problems) std::cerr << "left out: " << p << "\n";
            for (const auto& w : res.warnings) std::cerr << "warning: " << w << "\n";
            std::cout << "dataset (" << dso.format << ") in " << dso.out.string() << ":";
            for (const auto& [split, n] : res.itemsPerSplit) std::cout << " " << split << " " << n;
            std::cout << "; card " << res.card.string() << "\n";
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
            std::cout << "\nWARNING: " << samsp::model::runtimeInfo(false).blasWarning << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "samsp: " << e.what() << "\n";
        return 1;
    }
}
