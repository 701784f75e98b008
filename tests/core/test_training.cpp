// Training and evaluation pipeline: metrics worked out by hand, a tiny
// end-to-end training with resume, cancellation and determinism, and eval output.

#include "formats/png_mask.h"
#include "model/checkpoint.h"
#include "model/precision.h"
#include "model/train.h"
#include "model/durable.h"
#include "pipeline/evaluate.h"
#include "pipeline/loop.h"
#include "pipeline/metrics.h"
#include "pipeline/synth.h"
#include "pipeline/train_driver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <sstream>

using namespace samsp;

namespace {
std::string slurp(const std::string& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

class TestTraining : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_data;

    pipeline::TrainJob job(const std::string& out, int epochs)
    {
        pipeline::TrainJob j;
        j.data = m_data;
        j.out = out;
        j.config = "tiny";
        j.imageSize = 64;
        j.loraRank = 2;
        j.epochs = epochs;
        j.batchSize = 2;
        j.valFraction = 0.25;
        j.settings.encoder = model::EncoderTraining::Full;
        j.settings.seed = 3;
        j.settings.warmupSteps = 2;
        j.device = model::DeviceChoice::Cpu;
        return j;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.path().toStdString() + "/data";
        pipeline::SynthOptions o;
        o.seed = 5;
        o.count = 8;
        o.width = o.height = 64;
        pipeline::writeSynthDataset(m_data, o);
    }

    void metricsByHand()
    {
        cv::Mat a = cv::Mat::zeros(40, 40, CV_8UC1), b = a.clone();
        a(cv::Rect(10, 10, 10, 10)).setTo(255); // 100 px
        b(cv::Rect(13, 10, 10, 10)).setTo(255); // shifted 3 px right: overlap 70
        auto m = pipeline::segMetrics(a, b);
        QVERIFY(std::abs(m.dice - 140.0 / 200.0) < 1e-12);
        QVERIFY(std::abs(m.iou - 70.0 / 130.0) < 1e-12);
        QVERIFY2(std::abs(m.hd95 - 3.0) < 1e-6, qPrintable(QString::number(m.hd95)));
        auto same = pipeline::segMetrics(a, a);
        QCOMPARE(same.dice, 1.0);
        QCOMPARE(same.hd95, 0.0);
        auto none = pipeline::segMetrics(cv::Mat::zeros(40, 40, CV_8UC1), a);
        QCOMPARE(none.dice, 0.0);
        QVERIFY(std::abs(none.hd95 - std::hypot(40.0, 40.0)) < 1e-9);
        QCOMPARE(pipeline::segMetrics(cv::Mat::zeros(5, 5, CV_8UC1), cv::Mat::zeros(5, 5, CV_8UC1)).dice, 1.0);
    }

    void trainsResumesAndWritesMetadata()
    {
        const std::string out = m_dir.path().toStdString() + "/m.safetensors";
        auto sum = pipeline::runTraining(job(out, 2));
        QCOMPARE(int(sum.epochs.size()), 2);
        QCOMPARE(sum.trainImages + sum.valImages, 8);
        QVERIFY(!sum.cancelled);
        QVERIFY(sum.stepsPerS > 0);
        auto ck = model::loadCheckpoint(out);
        QCOMPARE(ck.metadata.at("samsp.epoch"), std::string("2"));
        auto cfg = nlohmann::json::parse(ck.metadata.at("samsp.config"));
        QCOMPARE(cfg["image_size"].get<int>(), 64);
        QCOMPARE(cfg["lora_rank"].get<int>(), 2);
        QVERIFY(nlohmann::json::parse(ck.metadata.at("samsp.train")).contains("beta"));
        QVERIFY(std::filesystem::exists(out + ".optim"));

        // The optimizer state carries its step count (2 epochs x 2 steps of batch 4 on 7 or 8 pairs).
        const int64_t stepAt2 = model::SamSpTrainer::optimizerStep(out + ".optim");
        QVERIFY(stepAt2 > 0);
        const std::string optimAt2 = slurp(out + ".optim");

        // Resume to 3 epochs: one more epoch, history kept.
        auto j = job(out, 3);
        j.resume = true;
        auto more = pipeline::runTraining(j);
        QCOMPARE(int(more.epochs.size()), 3);
        QCOMPARE(more.epochs.front().epoch, 1);
        QCOMPARE(model::loadCheckpoint(out).metadata.at("samsp.epoch"), std::string("3"));
        QVERIFY(model::SamSpTrainer::optimizerStep(out + ".optim") > stepAt2);

        // A crash between the two writes leaves weights of epoch 3 beside the optimizer of
        // epoch 2: resuming ignores that optimizer (its step is not epoch 3's) and goes on.
        {
            std::ofstream o(out + ".optim", std::ios::binary | std::ios::trunc);
            o << optimAt2;
        }
        QCOMPARE(model::SamSpTrainer::optimizerStep(out + ".optim"), stepAt2);
        auto j4 = job(out, 4);
        j4.resume = true;
        QCOMPARE(int(pipeline::runTraining(j4).epochs.size()), 4);
        QVERIFY(model::SamSpTrainer::optimizerStep(out + ".optim") > stepAt2);

        // Cancel in the first step of a new epoch: the last good checkpoint stays byte for byte.
        const std::string before = slurp(out);
        auto k = job(out, 6);
        k.resume = true;
        auto cancelled = pipeline::runTraining(k, [](const pipeline::TrainProgress&) { return false; });
        QVERIFY(cancelled.cancelled);
        QCOMPARE(slurp(out), before);
    }

    void inputSizeDefaultsToTheStartCheckpoints()
    {
        // No --image-size: a fine-tune keeps its start checkpoint's input size (the bundled
        // model's is not 256); a random start takes 256; an explicit size always wins.
        const std::string dir = m_dir.path().toStdString();
        const auto sizeOf = [](const std::string& f) {
            return nlohmann::json::parse(model::loadCheckpoint(f).metadata.at("samsp.config"))["image_size"].get<int>();
        };
        auto start = job(dir + "/size96.safetensors", 0);
        start.imageSize = 96;
        pipeline::runTraining(start);
        QCOMPARE(sizeOf(dir + "/size96.safetensors"), 96);
        auto fine = job(dir + "/size_kept.safetensors", 0);
        fine.init = dir + "/size96.safetensors";
        fine.imageSize = 0;
        pipeline::runTraining(fine);
        QCOMPARE(sizeOf(dir + "/size_kept.safetensors"), 96);
        fine.out = dir + "/size_set.safetensors";
        fine.imageSize = 64;
        pipeline::runTraining(fine);
        QCOMPARE(sizeOf(dir + "/size_set.safetensors"), 64);
        auto fresh = job(dir + "/size_fresh.safetensors", 0);
        fresh.imageSize = 0;
        pipeline::runTraining(fresh);
        QCOMPARE(sizeOf(dir + "/size_fresh.safetensors"), 256);
    }

    void validationLeavesBatchNormStatisticsAlone()
    {
        // TinyViT has BatchNorm. Its running statistics are training's: each step adds one
        // batch; validating (every epoch, and the untrained baseline) adds none. Before the
        // fix every validation image was normalised by itself and folded in.
        const std::string cfgPath = m_dir.path().toStdString() + "/tv.json";
        {
            std::ofstream c(cfgPath);
            c << R"({"encoder": "tiny_vit", "embed_dims": [16, 24, 32, 320], "depths": [1, 1, 1, 1], "num_heads": [1, 1, 2, 4], "window_sizes": [7, 7, 7, 7], "out_chans": 32})";
        }
        auto tracked = [](const std::string& file) {
            for (const auto& [name, t] : model::loadCheckpoint(file).tensors)
                if (name.find("num_batches_tracked") != std::string::npos) return t.item<int64_t>();
            return int64_t(-1);
        };
        const std::string out = m_dir.path().toStdString() + "/tv.safetensors";
        auto j = job(out, 0);
        j.config = cfgPath;
        pipeline::runTraining(j);
        QCOMPARE(tracked(out), int64_t(0));
        j.epochs = 2;
        const auto sum = pipeline::runTraining(j);
        QCOMPARE(int(sum.epochs.size()), 2);
        QCOMPARE(tracked(out), int64_t(2 * ((sum.trainImages + j.batchSize - 1) / j.batchSize)));
    }

    void spearmanByHand()
    {
        QCOMPARE(pipeline::spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
        QCOMPARE(pipeline::spearman({1, 2, 3, 4}, {9, 3, 2, 1}), -1.0);
        QCOMPARE(pipeline::spearman({1, 1, 1}, {1, 2, 3}), 0.0); // constant
        // ties get average ranks: a = (1, 2, 2, 3) -> ranks 1, 2.5, 2.5, 4; b ranks 1..4
        const double r = pipeline::spearman({1, 2, 2, 3}, {1, 2, 3, 4});
        QVERIFY2(std::abs(r - 4.5 / std::sqrt(4.5 * 5.0)) < 1e-12, qPrintable(QString::number(r)));
        // the report carries the check
        const std::string out = m_dir.path().toStdString() + "/u.safetensors";
        pipeline::runTraining(job(out, 1));
        auto eng = model::SamEngine::fromCheckpoint(out, model::EngineOptions{model::DeviceChoice::Cpu});
        const auto rep = pipeline::evaluate(*eng, pipeline::findLabelledPairs(m_data).pairs, {});
        const auto j = nlohmann::json::parse(pipeline::evalReportJson(rep));
        QVERIFY(j["uncertainty_vs_error"]["spearman"].contains("pass_disagreement"));
        QVERIFY(j["rows"][0].contains("entropy"));
        for (const auto& row : rep.rows) QVERIFY(row.entropy >= 0 && row.entropy <= 1 && row.passDisagreement >= 0 && row.passDisagreement <= 1);
    }

    void timeBudgetStopsTrainingAndDecaysTheRate()
    {
        // A 30-second budget with room for 1000 epochs, on a simulated clock that advances
        // half a second whenever it is read (so the test does not depend on this machine's
        // speed or load): training stops when the budget is spent, saves what it reached,
        // and the learning rate has decayed towards 0 by then (the schedule follows the
        // time, not the 1000 epochs).
        const std::string out = m_dir.path().toStdString() + "/budget.safetensors";
        auto j = job(out, 1000);
        j.minutes = 0.5;
        j.settings.warmupSteps = 1;
        double simulated = 0;
        j.clock = [&simulated] { return simulated += 0.5; };
        double lastLr = -1, firstLr = -1;
        auto sum = pipeline::runTraining(j, [&](const pipeline::TrainProgress& p) {
            if (firstLr < 0 && p.step > 1) firstLr = p.lr;
            lastLr = p.lr;
            return true;
        });
        qInfo("budget run: %zu epoch(s), %.2f s, lr first %g last %g", sum.epochs.size(), sum.seconds, firstLr, lastLr);
        QVERIFY(sum.budgetSpent);
        QVERIFY(!sum.cancelled);
        QVERIFY(!sum.epochs.empty());
        QVERIFY(int(sum.epochs.size()) < 1000);
        QVERIFY(sum.seconds <= 31.0);
        QVERIFY(std::filesystem::exists(out));
        QCOMPARE(model::loadCheckpoint(out).metadata.at("samsp.epoch"), std::to_string(sum.epochs.size()));
        QVERIFY2(lastLr < 0.5 * j.settings.lr, qPrintable(QString("last lr %1 of %2").arg(lastLr).arg(j.settings.lr)));
        QVERIFY(nlohmann::json::parse(model::loadCheckpoint(out).metadata.at("samsp.train")).at("minutes").get<double>() > 0);

        j.minutes = -1;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, pipeline::runTraining(j));
    }

    void trainingPrecisionFollowsTheCpu()
    {
        // On a CPU without native bf16 (an AVX2-only Zen 3, forced), auto trains in
        // fp32 and an explicit bf16 is refused with the reason; on one with AMX (forced),
        // explicit bf16 trains in mixed precision and says so in the checkpoint.
        const std::string out = m_dir.path().toStdString() + "/prec.safetensors";
        model::setCpuFeaturesOverride(model::cpuFeaturesFromCpuinfo(
            "model name\t: AMD EPYC 7B13\nflags\t\t: fpu sse2 fma avx f16c avx2\n"));
        auto j = job(out, 1);
        j.precision = model::Precision::Auto;
        auto sum = pipeline::runTraining(j);
        QCOMPARE(QString::fromStdString(sum.precision), QString("fp32"));
        QVERIFY(!nlohmann::json::parse(model::loadCheckpoint(out).metadata.at("samsp.train")).at("bf16_autocast").get<bool>());
        j.precision = model::Precision::Bf16;
        try {
            pipeline::runTraining(j);
            QFAIL("bf16 training was not refused on an AVX2-only CPU");
        } catch (const std::exception& e) {
            QVERIFY2(QString(e.what()).contains("AMD EPYC 7B13") && QString(e.what()).contains("bf16"), e.what());
        }
        model::setCpuFeaturesOverride(model::cpuFeaturesFromCpuinfo(
            "model name\t: Intel(R) Xeon(R) Platinum 8481C\nflags\t\t: fpu fma avx avx2 avx512f avx512_bf16 amx_bf16\n"));
        sum = pipeline::runTraining(j);
        model::setCpuFeaturesOverride(std::nullopt);
        QCOMPARE(QString::fromStdString(sum.precision), QString("bf16"));
        QVERIFY(nlohmann::json::parse(model::loadCheckpoint(out).metadata.at("samsp.train")).at("bf16_autocast").get<bool>());
        QVERIFY(std::isfinite(sum.epochs.back().trainLoss));
    }

    void loopRoundTrainsOnAcceptedAndReproposesTheRest()
    {
        // A project of the 8 synthetic images: 5 accepted (ground-truth masks), 1 proposed
        // and then edited by a person, 2 new. A round trains on the 5, becomes the
        // project's model with its own identity, proposes the 2 new ones again with it,
        // and leaves the edited and accepted ones alone.
        QTemporaryDir pdir;
        const std::filesystem::path dir = pdir.path().toStdString();
        const std::string start = (dir / "start.safetensors").string();
        pipeline::runTraining(job(start, 0)); // untrained weights of the tiny model
        pipeline::Project project;
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(m_data + "/images")) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        QCOMPARE(names.size(), size_t(8));
        cv::Mat edited;
        for (size_t i = 0; i < names.size(); ++i) {
            pipeline::ProjectItem it;
            it.key = names[i];
            it.file = m_data + "/images/" + names[i];
            const cv::Mat gt = cv::imread(m_data + "/masks/" + names[i], cv::IMREAD_GRAYSCALE);
            it.annotation.image = it.key;
            it.annotation.width = gt.cols, it.annotation.height = gt.rows;
            if (i < 5) {
                it.state = pipeline::ItemState::Accepted;
                it.annotation.addInstance(gt, 1, annotation::Source::Manual);
            } else if (i == 5) {
                it.state = pipeline::ItemState::Proposed;
                edited = cv::Mat::zeros(gt.size(), CV_8UC1);
                edited(cv::Rect(3, 3, 9, 9)).setTo(255);
                it.annotation.addInstance(edited, 1, annotation::Source::Edited);
            }
            project.items.push_back(it);
        }
        const std::filesystem::path pfile = dir / "project.samsp.json";
        project.save(pfile);

        pipeline::LoopOptions lo;
        lo.project = pfile;
        lo.startModel = start;
        lo.training = job("", 1);
        lo.training.imageSize = 0; // the start model's own
        std::vector<std::string> phases;
        auto r1 = pipeline::runLoopRound(lo, [&](const pipeline::LoopProgress& p) {
            if (phases.empty() || phases.back() != p.phase) phases.push_back(p.phase);
            return true;
        });
        QCOMPARE(phases, (std::vector<std::string>{"export", "train", "propose"}));
        QCOMPARE(r1.round, 1);
        QVERIFY(!r1.cancelled);
        QVERIFY(std::filesystem::exists(dir / "models/round-1.safetensors"));
        QCOMPARE(r1.trainedOn.size(), size_t(5));
        QVERIFY(!r1.modelId.empty() && r1.modelId != r1.previousModelId);
        const auto rec = nlohmann::json::parse(slurp((dir / "models/round-1.json").string()));
        QCOMPARE(rec.at("model_id").get<std::string>(), r1.modelId);
        QCOMPARE(rec.at("trained_on").size(), size_t(5));
        QCOMPARE(r1.reproposed, 2);
        QCOMPARE(r1.skipped, 1);
        for (const auto& e : std::filesystem::directory_iterator(dir / "models"))
            QVERIFY2(e.path().filename().string().find(model::kTempMarker) == std::string::npos, e.path().c_str());
        {
            const auto p = pipeline::Project::load(pfile);
            QCOMPARE(p.model.checkpoint, std::string("models/round-1.safetensors"));
            QCOMPARE(p.model.modelId, r1.modelId);
            for (size_t i = 0; i < 8; ++i) {
                const auto& it = p.items[i];
                if (i < 5) {
                    QCOMPARE(it.state, pipeline::ItemState::Accepted);
                    QCOMPARE(it.annotation.instances.front().source, annotation::Source::Manual);
                } else if (i == 5) {
                    QCOMPARE(cv::countNonZero(annotation::rleDecodeMat(it.annotation.instances.front().mask) != edited), 0);
                } else {
                    QCOMPARE(it.state, pipeline::ItemState::Proposed);
                    for (const auto& in : it.annotation.instances) QVERIFY(in.traceId.ends_with("@" + r1.modelId));
                }
            }
        }
        // Round 2 starts from round 1 (the project's model now) and is told apart from it.
        lo.startModel.clear();
        auto r2 = pipeline::runLoopRound(lo);
        QCOMPARE(r2.round, 2);
        QCOMPARE(r2.previousModelId, r1.modelId);
        QVERIFY(r2.modelId != r1.modelId);
        QCOMPARE(pipeline::loopRounds(dir), (std::vector<int>{1, 2}));
        // A round cancelled while training leaves the project and its model as they were.
        auto r3 = pipeline::runLoopRound(lo, [](const pipeline::LoopProgress& p) { return p.phase != "train"; });
        QVERIFY(r3.cancelled);
        QVERIFY(!std::filesystem::exists(dir / "models/round-3.safetensors"));
        QCOMPARE(pipeline::Project::load(pfile).model.modelId, r2.modelId);
        // Fewer than 2 accepted items: a clear error.
        pipeline::Project few = pipeline::Project::load(pfile);
        for (size_t i = 1; i < few.items.size(); ++i) few.items[i].state = pipeline::ItemState::New;
        few.save(pfile);
        try {
            pipeline::runLoopRound(lo);
            QFAIL("a round with 1 accepted item did not fail");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("at least 2 accepted"), e.what());
        }
    }

    void sameSeedSameWeights()
    {
        const std::string a = m_dir.path().toStdString() + "/a.safetensors", b = m_dir.path().toStdString() + "/b.safetensors";
        pipeline::runTraining(job(a, 1));
        pipeline::runTraining(job(b, 1));
        auto ca = model::loadCheckpoint(a), cb = model::loadCheckpoint(b);
        QCOMPARE(ca.tensors.size(), cb.tensors.size());
        for (size_t i = 0; i < ca.tensors.size(); ++i)
            QVERIFY2(torch::equal(ca.tensors[i].second, cb.tensors[i].second), ca.tensors[i].first.c_str());
    }

    void evalReportsPass0AndSamsp()
    {
        const std::string out = m_dir.path().toStdString() + "/e.safetensors";
        pipeline::runTraining(job(out, 1));
        auto eng = model::SamEngine::fromCheckpoint(out, model::EngineOptions{model::DeviceChoice::Cpu});
        auto scan = pipeline::findLabelledPairs(m_data);
        auto rep = pipeline::evaluate(*eng, scan.pairs, {});
        QCOMPARE(int(rep.rows.size()), 8);
        auto j = nlohmann::json::parse(pipeline::evalReportJson(rep));
        for (const char* k : {"pass0", "samsp"})
            for (const char* m : {"dice", "iou", "hd95"}) QVERIFY(j[k].contains(m));
        QCOMPARE(int(j["rows"].size()), 8);
        QVERIFY(j["grid_ceiling"].contains("mean_iou"));

        // The mask-grid ceiling: a large square on the cells' edges survives the model's low-res grid almost
        // whole; a line one pixel wide falls between its cells and cannot be reached at all.
        const std::string hand = m_dir.path().toStdString() + "/ceiling";
        std::filesystem::create_directories(hand + "/images");
        std::filesystem::create_directories(hand + "/masks");
        cv::Mat img(256, 256, CV_8UC3, cv::Scalar(60, 90, 120)), square = cv::Mat::zeros(256, 256, CV_8UC1), line = square.clone();
        cv::rectangle(square, cv::Rect(32, 32, 192, 192), cv::Scalar(255), cv::FILLED);
        cv::line(line, cv::Point(10, 131), cv::Point(245, 131), cv::Scalar(255), 1);
        for (const auto& [name, m] : {std::pair<std::string, cv::Mat>{"square.png", square}, {"line.png", line}}) {
            QVERIFY(cv::imwrite(hand + "/images/" + name, img));
            QVERIFY(cv::imwrite(hand + "/masks/" + name, m));
        }
        const auto hr = pipeline::evaluate(*eng, pipeline::findLabelledPairs(hand).pairs, {});
        QCOMPARE(int(hr.rows.size()), 2);
        for (const auto& row : hr.rows) {
            if (row.name.rfind("square", 0) == 0) QVERIFY2(row.gridCeilingIou > 0.95, qPrintable(QString::number(row.gridCeilingIou)));
            else QVERIFY2(row.gridCeilingIou < 0.5, qPrintable(QString::number(row.gridCeilingIou)));
        }
        QCOMPARE(hr.gridCeilingBelow90, 1);
    }

    void badDataFolderIsAClearError()
    {
        pipeline::TrainJob j = job(m_dir.path().toStdString() + "/x.safetensors", 1);
        j.data = m_dir.path().toStdString() + "/nowhere";
        try {
            pipeline::runTraining(j);
            QFAIL("no error");
        } catch (const std::exception& e) {
            QVERIFY(QString(e.what()).contains("images/ and masks/"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
