#include "train_driver.h"

#include "evaluate.h"

#include "common/log.h"
#include "model/checkpoint.h"
#include "model/errors.h"
#include "model/precision.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace samsp::pipeline {

namespace fs = std::filesystem;

namespace {

model::SamConfig configFor(const TrainJob& job)
{
    model::SamConfig cfg;
    if (fs::exists(job.config)) {
        std::ifstream in(job.config);
        std::stringstream ss;
        ss << in.rdbuf();
        cfg = model::samConfigFromJson(ss.str());
    } else {
        cfg = model::samConfigForVariant(job.config);
    }
    cfg.imageSize = job.imageSize > 0 ? job.imageSize : 256;
    if (!cfg.isTinyViT()) cfg.loraRank = job.loraRank; // TinyViT trains fully (no LoRA)
    cfg.detailFusion = job.detailFusion;
    return cfg;
}

nlohmann::json settingsJson(const TrainJob& job, bool bf16Autocast)
{
    const auto& s = job.settings;
    const char* enc = s.encoder == model::EncoderTraining::Full ? "full"
                      : s.encoder == model::EncoderTraining::Frozen ? "frozen" : "lora";
    return {{"lr", s.lr}, {"weight_decay", s.weightDecay}, {"warmup_steps", s.warmupSteps}, {"poly_power", s.polyPower},
            {"beta", s.beta}, {"temperature", s.temperature}, {"box_jitter", s.boxJitter},
            {"loss_at_full_res", s.lossAtFullRes}, {"encoder", enc}, {"seed", s.seed}, {"batch_size", job.batchSize},
            {"epochs", job.epochs}, {"minutes", job.minutes}, {"augment", job.augment}, {"bf16_autocast", bf16Autocast},
            {"interactive_passes", s.interactivePasses}, {"click_warmup", s.clickWarmup},
            {"click_sampling", s.clickSampling == model::ClickSampling::Interior ? "interior" : "uniform"},
            {"iou_weight", s.iouWeight}, {"mask_noise", s.maskNoise},
            {"prompts", {{"passes", s.prompts.passes}, {"box", s.prompts.useBox}, {"point", s.prompts.usePoint},
                         {"mask", s.prompts.useMask}, {"largest_component", s.prompts.largestComponent},
                         {"min_island_fraction", s.prompts.minIslandFraction},
                         {"early_stop_iou", s.prompts.earlyStopIou}}}};
}

} // namespace

TrainSummary runTraining(const TrainJob& job, const std::function<bool(const TrainProgress&)>& progress,
                         const std::function<void(const EpochRecord&)>& epochDone)
{
    auto log = log::pipeline();
    TrainSummary sum;
    PairScan scan = findLabelledPairs(job.data);
    sum.dataProblems = scan.problems;
    if (scan.pairs.size() < 2) throw std::runtime_error("'" + job.data.string() + "' holds fewer than 2 image/mask pairs");
    Split split = splitPairs(scan.pairs, job.valFraction, job.settings.seed);
    sum.trainImages = static_cast<int>(split.train.size());
    sum.valImages = static_cast<int>(split.val.size());
    if (job.batchSize < 1) throw std::runtime_error("batch size must be at least 1");
    if (!job.out.has_filename()) throw std::runtime_error("--out must name a .safetensors file");

    // Model: resume > init checkpoint > random config.
    torch::manual_seed(static_cast<int64_t>(job.settings.seed));
    model::SamConfig cfg;
    model::Sam sam{nullptr};
    int startEpoch = 0;
    std::vector<EpochRecord> history;
    const fs::path optimPath = job.out.string() + ".optim";
    const bool resuming = job.resume && fs::exists(job.out);
    if (job.resume && !resuming) log->warn("--resume: '{}' does not exist yet; starting from the beginning", job.out.string());
    if (resuming || !job.init.empty()) {
        const fs::path src = resuming ? job.out : job.init;
        model::Checkpoint ck = model::loadCheckpoint(src);
        cfg = model::inferConfig(ck);
        if (!resuming) {
            if (job.imageSize > 0) cfg.imageSize = job.imageSize; // else the checkpoint's own
            if (cfg.loraRank == 0 && !cfg.isTinyViT()) cfg.loraRank = job.loraRank;
            if (job.detailFusion) cfg.detailFusion = true; // validated by Sam's constructor (TinyViT only)
        }
        sam = model::Sam(cfg);
        sam->loadStateDict(ck.tensors, src.string());
        if (resuming) {
            if (auto it = ck.metadata.find("samsp.epoch"); it != ck.metadata.end()) startEpoch = std::stoi(it->second);
            if (auto it = ck.metadata.find("samsp.history"); it != ck.metadata.end())
                for (const auto& e : nlohmann::json::parse(it->second))
                    history.push_back({e.at("epoch"), e.at("train_loss"), e.at("val_dice_pass0"), e.at("val_dice_samsp"),
                                       e.at("seconds")});
        }
    } else {
        cfg = configFor(job);
        sam = model::Sam(cfg);
    }
    model::configureThreads(job.threads);
    const c10::Device device = model::resolveDevice(job.device);
    const int64_t stepsPerEpoch = (static_cast<int64_t>(split.train.size()) + job.batchSize - 1) / job.batchSize;
    model::TrainSettings ts = job.settings;
    ts.totalSteps = stepsPerEpoch * job.epochs;
    const model::PrecisionChoice prec = model::resolvePrecision(job.precision, device);
    ts.bf16Autocast = prec.precision == model::Precision::Bf16;
    sum.precision = ts.bf16Autocast ? "bf16" : "fp32";
    sum.precisionReason = prec.reason;
    log->info("training precision: {} ({})", ts.bf16Autocast ? "bf16 mixed precision" : "fp32", prec.reason);
    model::SamSpTrainer trainer(sam, ts, device);
    // Weights and optimizer are two files written one after the other; after a crash
    // between the two they can disagree. The optimizer is used only when its step
    // count is the one the weights' epoch implies; otherwise training goes on from
    // the weights with a fresh optimizer (and says so).
    const int64_t expectedStep = stepsPerEpoch * startEpoch;
    if (resuming && fs::exists(optimPath) && model::SamSpTrainer::optimizerStep(optimPath) == expectedStep)
        trainer.loadOptimizer(optimPath);
    else {
        if (resuming && fs::exists(optimPath))
            log->warn("'{}' does not match the weights of epoch {} (step {} expected); resuming with a fresh optimizer",
                      optimPath.string(), startEpoch, expectedStep);
        trainer.setStepCount(expectedStep);
    }
    model::SamEngine validator(sam, model::EngineOptions{job.device, model::Precision::Fp32, job.threads});

    sum.epochs = history;
    // Checkpoint (weights with LoRA unmerged, so training can go on) + optimizer.
    auto saveCheckpoint = [&](int epochsDone, const EpochRecord& rec) {
        model::NamedTensors tensors;
        for (const auto& [n, t] : sam->stateDict()) {
            auto c = t.detach().to(torch::kCPU);
            if (job.fp16 && c.is_floating_point()) c = c.to(torch::kHalf);
            tensors.emplace_back(n, c);
        }
        nlohmann::json hist = nlohmann::json::array();
        for (const auto& e : sum.epochs)
            hist.push_back({{"epoch", e.epoch}, {"train_loss", e.trainLoss}, {"val_dice_pass0", e.valDicePass0},
                            {"val_dice_samsp", e.valDiceSamsp}, {"seconds", e.seconds}});
        std::map<std::string, std::string> md{
            {"samsp.format", "1"},
            {"samsp.config", model::samConfigToJson(cfg)},
            {"samsp.train", settingsJson(job, ts.bf16Autocast).dump()},
            {"samsp.data", nlohmann::json{{"folder", job.data.string()}, {"train_images", sum.trainImages},
                                          {"val_images", sum.valImages}, {"val_fraction", job.valFraction}}
                               .dump()},
            {"samsp.metrics", nlohmann::json{{"val_dice_pass0", rec.valDicePass0}, {"val_dice_samsp", rec.valDiceSamsp}}.dump()},
            {"samsp.history", hist.dump()},
            {"samsp.epoch", std::to_string(epochsDone)},
            {"samsp.init", job.init.string()}};
        model::saveSafetensors(job.out, tensors, md);
        trainer.saveOptimizer(optimPath);
        sum.checkpoint = job.out;
    };
    // Validation runs the model as inference does: in eval mode. In training mode BatchNorm
    // (TinyViT) would normalise each validation image by its own statistics and fold them
    // into the running statistics the checkpoint keeps. Each training step sets training
    // mode again.
    auto validate = [&] {
        sam->eval();
        return evaluate(validator, split.val, job.settings.prompts);
    };
    if (job.epochs == 0) { // the initial weights, untouched (an "untrained" baseline)
        auto report = validate();
        saveCheckpoint(0, EpochRecord{0, 0.0, report.meanPass0.dice, report.meanSamsp.dice, 0.0});
    }
    Augmentation aug;
    const auto clockStart = std::chrono::steady_clock::now();
    const auto now = [&]() -> double { // seconds since the start (a test may supply the clock)
        if (job.clock) return job.clock();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - clockStart).count();
    };
    const double tStart = now();
    if (job.minutes < 0) throw std::runtime_error("the time budget (--minutes) must not be negative");
    const bool budgeted = job.minutes > 0;
    const double budgetSeconds = job.minutes * 60.0;
    double lastValidationSeconds = 0;
    bool budgetHit = false;
    int lastEpochsShown = job.epochs;
    int64_t imagesSeen = 0, stepsRun = 0;
    double stepSeconds = 0; // optimisation only (data loading included, validation excluded)
    for (int epoch = startEpoch; epoch < job.epochs; ++epoch) {
        const double tEpoch = now();
        std::vector<size_t> order(split.train.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::mt19937_64 shuf(job.settings.seed * 1000003ull + static_cast<uint64_t>(epoch));
        std::shuffle(order.begin(), order.end(), shuf);
        double lossSum = 0;
        int64_t steps = 0;
        for (int64_t s = 0; s < stepsPerEpoch; ++s) {
            const double tStep = now();
            std::vector<at::Tensor> xs, ys;
            for (int64_t k = s * job.batchSize; k < std::min<int64_t>((s + 1) * job.batchSize, int64_t(order.size())); ++k) {
                const auto& pair = split.train[order[static_cast<size_t>(k)]];
                LoadedPair lp = loadPair(pair);
                if (job.augment) {
                    std::mt19937_64 rng(job.settings.seed ^ (static_cast<uint64_t>(epoch) << 32) ^ order[static_cast<size_t>(k)]);
                    augment(lp.rgb, lp.mask, aug, rng);
                }
                auto [x, y] = toModelTensors(lp.rgb, lp.mask, cfg.imageSize);
                xs.push_back(x), ys.push_back(y);
            }
            auto l = trainer.step({torch::cat(xs, 0), torch::cat(ys, 0)});
            stepSeconds += (now() - tStep);
            lossSum += l.total;
            ++steps, ++stepsRun;
            imagesSeen += static_cast<int64_t>(xs.size());
            const double elapsed = (now() - tStart);
            const double perStep = elapsed / double(stepsRun);
            int64_t left = (job.epochs - epoch - 1) * stepsPerEpoch + (stepsPerEpoch - s - 1);
            if (budgeted) {
                // Steps the rest of the budget holds at the pace so far (validation
                // included, since elapsed counts it); the decay ends there.
                const double remaining = budgetSeconds - elapsed - lastValidationSeconds;
                const int64_t fit = remaining > 0 ? static_cast<int64_t>(remaining / perStep) : 0;
                left = std::min(left, fit);
                trainer.setTotalSteps(trainer.stepCount() + left);
                if (left == 0) budgetHit = true;
            }
            int epochsShown = job.epochs;
            if (budgeted) { // the epochs the budget is expected to hold
                const int64_t afterThis = std::max<int64_t>(0, left - (stepsPerEpoch - s - 1));
                epochsShown = std::min<int>(job.epochs, epoch + 1 + static_cast<int>((afterThis + stepsPerEpoch - 1) / stepsPerEpoch));
            }
            lastEpochsShown = epochsShown;
            TrainProgress p{epoch + 1, epochsShown, s + 1, stepsPerEpoch, l.total, l.lr, perStep * double(left),
                            double(imagesSeen) / elapsed};
            if (progress && !progress(p)) {
                sum.cancelled = true;
                log->warn("training stopped during epoch {}; the last saved checkpoint is kept", epoch + 1);
                break;
            }
            if (budgetHit) break;
        }
        if (sum.cancelled) break;

        // Validation without prompts: pass 0 and SAM-SP.
        const double tVal = now();
        auto report = validate();
        lastValidationSeconds = (now() - tVal);
        EpochRecord rec{epoch + 1, lossSum / double(std::max<int64_t>(1, steps)), report.meanPass0.dice,
                        report.meanSamsp.dice,
                        (now() - tEpoch)};
        sum.epochs.push_back(rec);

        saveCheckpoint(epoch + 1, rec);
        log->info("epoch {}/{}: loss {:.4f}, val Dice pass0 {:.4f}, SAM-SP {:.4f}", rec.epoch,
                  budgeted ? std::string("~") + std::to_string(std::max(rec.epoch, lastEpochsShown)) : std::to_string(job.epochs),
                  rec.trainLoss,
                  rec.valDicePass0, rec.valDiceSamsp);
        if (epochDone) epochDone(rec);
        if (budgetHit) {
            sum.budgetSpent = true;
            log->info("the {:.3g}-minute budget is spent after {} step(s) of epoch {}", job.minutes, steps, epoch + 1);
            break;
        }
    }
    sum.seconds = (now() - tStart);
    if (stepsRun > 0 && stepSeconds > 0) {
        sum.stepsPerS = double(stepsRun) / stepSeconds;
        sum.imagesPerS = double(imagesSeen) / stepSeconds;
    }
    return sum;
}

} // namespace samsp::pipeline
