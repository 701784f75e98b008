#include "loop.h"

#include "dataset.h"
#include "dataset_export.h"

#include "common/log.h"
#include "formats/atomic_file.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "model/durable.h"
#include "model/engine.h"
#include "model/selfprompt.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <regex>

namespace fs = std::filesystem;

namespace samsp::pipeline {

namespace {

// Lower first: the proposal the model was least sure of (no calibrated score counts
// as least sure, items never proposed come first of all).
double certainty(const ProjectItem& it)
{
    if (it.state == ItemState::New || it.annotation.instances.empty()) return -2.0;
    double s = 1.0;
    for (const auto& in : it.annotation.instances) s = std::min(s, in.score ? *in.score : -1.0);
    return s;
}

fs::path resolve(const fs::path& p, const fs::path& dir) { return p.is_absolute() ? p : dir / p; }

} // namespace

FrameProposal proposeFrame(model::SamEngine& engine, const fs::path& file, int frame, const model::SelfPromptSettings& settings)
{
    const imaging::Document doc = imaging::Document::openFrame(file, frame);
    const imaging::ModelView view = doc.modelView(0);
    const model::Embedding emb =
        engine.encode(model::ImageU8{view.rgb.data, view.rgb.cols, view.rgb.rows, static_cast<int64_t>(view.rgb.step)});
    const model::SelfPromptResult res = model::runSelfPrompt(engine, emb, settings, true);
    FrameProposal fp;
    fp.size = doc.pixels(0).size();
    fp.found = res.found;
    fp.finalPass = res.finalPass;
    if (res.found) {
        fp.mask = imaging::maskToFullResolution(maskTensorToMat(res.mask), fp.size);
        fp.score = engine.calibratedIou(res.trace[static_cast<size_t>(res.finalPass)].predictedIou);
    }
    return fp;
}

std::vector<int> loopRounds(const fs::path& projectDir)
{
    std::vector<int> rounds;
    std::error_code ec;
    const std::regex name("round-([0-9]+)\\.safetensors");
    for (fs::directory_iterator it(projectDir / "models", ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string f = it->path().filename().string();
        if (std::regex_match(f, m, name)) rounds.push_back(std::stoi(m[1].str()));
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds;
}

LoopRound runLoopRound(const LoopOptions& opts, const std::function<bool(const LoopProgress&)>& progressIn)
{
    const auto progress = [&](const LoopProgress& p) {
        if (opts.cancel && opts.cancel->load()) return false;
        return !progressIn || progressIn(p);
    };
    auto log = samsp::log::get("pipeline");
    if (!fs::exists(opts.project)) throw std::runtime_error("'" + opts.project.string() + "': no such project file");
    Project project = Project::load(opts.project);
    const fs::path dir = fs::absolute(opts.project).parent_path();
    LoopRound round;
    const auto rounds = loopRounds(dir);
    round.round = rounds.empty() ? 1 : rounds.back() + 1;
    const fs::path models = dir / "models";
    formats::ensureFolder(models);
    round.model = models / ("round-" + std::to_string(round.round) + ".safetensors");
    round.record = models / ("round-" + std::to_string(round.round) + ".json");

    fs::path start = opts.startModel;
    if (start.empty() && !project.model.checkpoint.empty()) start = resolve(project.model.checkpoint, dir);
    if (start.empty()) throw std::runtime_error("the project names no model to start from; give one (--model)");
    if (!fs::exists(start)) throw std::runtime_error("'" + start.string() + "': the model to start from does not exist");

    // 1. The accepted items as a training folder (the project's own dataset export).
    std::vector<std::string> accepted;
    for (const auto& it : project.items)
        if (it.state == ItemState::Accepted && !it.annotation.instances.empty()) accepted.push_back(it.key);
    if (accepted.size() < 2)
        throw std::runtime_error("a training round needs at least 2 accepted items with a mask; the project has " +
                                 std::to_string(accepted.size()));
    if (!progress({"export", 0, static_cast<int>(accepted.size()), nullptr})) {
        round.cancelled = true;
        return round;
    }
    const fs::path data = models / (".round-" + std::to_string(round.round) + "-data" + std::string(model::kTempMarker));
    std::error_code ec;
    fs::remove_all(data, ec);
    struct RemoveOnExit
    {
        fs::path p;
        ~RemoveOnExit()
        {
            std::error_code e;
            fs::remove_all(p, e);
        }
    } cleanup{data};
    DatasetExportOptions ex;
    ex.out = data;
    ex.format = "png";
    ex.ratios = {1.0, 0.0, 0.0};
    const DatasetExportResult exported = exportDataset(project, dir, ex);
    for (const auto& p : exported.problems) log->warn("loop: {}", p);
    round.trainedOn = accepted;

    // 2. Fine-tune from the current model.
    TrainJob job = opts.training;
    job.data = data / "train";
    job.out = round.model;
    job.init = start;
    job.resume = false;
    {
        // The start model's identity, as the new one's below (same precision). Its input size
        // carries over by itself (TrainJob::imageSize 0 keeps the --init checkpoint's).
        const auto previous = model::SamEngine::fromCheckpoint(start, model::EngineOptions{job.device, job.precision, job.threads});
        round.previousModelId = previous->modelId();
    }
    round.training = runTraining(job, [&](const TrainProgress& p) {
        return progress({"train", static_cast<int>(p.step), static_cast<int>(p.stepsPerEpoch), &p});
    }, opts.epochDone);
    if (round.training.cancelled || round.training.epochs.empty()) {
        // Abandoned: the project keeps its model; a partial round file is not left behind.
        fs::remove(round.model, ec);
        fs::remove(round.model.string() + ".optim", ec);
        round.cancelled = true;
        return round;
    }
    fs::remove(round.model.string() + ".optim", ec); // a round is a version, not a resumable run

    // 3. The new version: identity, record, the project's model.
    auto engine = model::SamEngine::fromCheckpoint(round.model, model::EngineOptions{job.device, job.precision, job.threads});
    round.modelId = engine->modelId();
    const auto& last = round.training.epochs.back();
    const nlohmann::json record{
        {"round", round.round},
        {"model", round.model.filename().string()},
        {"model_id", round.modelId},
        {"started_from", start.string()},
        {"started_from_id", round.previousModelId},
        {"trained_on", round.trainedOn},
        {"train_images", round.training.trainImages},
        {"val_images", round.training.valImages},
        {"epochs", round.training.epochs.size()},
        {"seconds", round.training.seconds},
        {"precision", round.training.precision},
        {"val_dice_pass0", last.valDicePass0},
        {"val_dice_samsp", last.valDiceSamsp}};
    formats::writeFileAtomically(round.record, record.dump(2) + "\n");
    if (!opts.updateProject) return round;
    project.model.checkpoint = fs::relative(round.model, dir).generic_string();
    project.model.modelId = round.modelId;
    project.save(opts.project);
    log->info("loop round {}: {} trained on {} item(s), val Dice {:.3f}", round.round, round.modelId, accepted.size(),
              last.valDiceSamsp);

    // 4. Propose again what nobody has touched, the least certain first.
    if (!opts.repropose) return round;
    std::vector<size_t> todo;
    for (size_t i = 0; i < project.items.size(); ++i) {
        const auto& it = project.items[i];
        if (it.state != ItemState::New && it.state != ItemState::Proposed) continue;
        if (touchedByAPerson(it)) {
            ++round.skipped;
            continue;
        }
        todo.push_back(i);
    }
    std::stable_sort(todo.begin(), todo.end(),
                     [&](size_t a, size_t b) { return certainty(project.items[a]) < certainty(project.items[b]); });
    const int labelId = project.labels.classes.empty() ? 1 : project.labels.classes.front().id;
    const auto settings = project.model.selfPrompt;
    for (size_t n = 0; n < todo.size(); ++n) {
        if (!progress({"propose", static_cast<int>(n), static_cast<int>(todo.size()), nullptr})) {
            round.cancelled = true;
            break;
        }
        ProjectItem& it = project.items[todo[n]];
        try {
            const FrameProposal fp = proposeFrame(*engine, resolve(it.file, dir), it.frame, settings);
            annotation::ImageAnnotation a;
            a.image = it.key;
            a.frame = it.frame;
            a.width = fp.size.width;
            a.height = fp.size.height;
            if (fp.found)
                a.addInstance(fp.mask, labelId, annotation::Source::Automatic, fp.score, it.key + "@" + round.modelId, fp.finalPass);
            it.annotation = std::move(a);
            it.state = ItemState::Proposed;
            it.error.clear();
            ++round.reproposed;
        } catch (const std::exception& e) {
            it.error = e.what();
            ++round.failed;
            log->warn("loop: cannot propose {}: {}", it.key, e.what());
        }
    }
    project.save(opts.project);
    return round;
}

} // namespace samsp::pipeline
