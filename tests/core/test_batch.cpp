// Batch annotation, resume after SIGKILL, shards + merge, projects and dataset
// splits. Uses the bundled default model on the CPU.

#include "formats/atomic_file.h"
#include "formats/coco.h"
#include "formats/png_mask.h"
#include "model/checkpoint.h"
#include "model/durable.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "model/engine.h"
#include "model/sam.h"
#include "pipeline/batch.h"
#include "pipeline/embedding_cache.h"
#include "pipeline/format_registry.h"
#include "pipeline/dataset.h"
#include "pipeline/dataset_export.h"
#include "pipeline/project.h"
#include "pipeline/synth.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <csignal>
#include <fstream>
#include <thread>

using namespace samsp;
using namespace samsp::pipeline;
namespace fs = std::filesystem;

namespace {
fs::path modelPath() { return fs::path(SAMSP_SOURCE_DIR) / "resources/models/samsp-default.safetensors"; }

// n synthetic images in dir (flat), plus the given corrupt files.
void makeInputs(const fs::path& dir, int n, uint64_t seed)
{
    SynthOptions o;
    o.seed = seed;
    o.count = n;
    o.width = o.height = 128;
    const fs::path tmp = dir.parent_path() / ("synth-" + std::to_string(seed));
    writeSynthDataset(tmp, o);
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(tmp / "images")) fs::copy_file(e.path(), dir / e.path().filename());
    fs::remove_all(tmp);
}

std::map<std::string, std::string> filesUnder(const fs::path& dir)
{
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = formats::readFileBytes(e.path());
    return out;
}
// `count` generated images through the batch with an embedding cache in root/cache (one file
// each), then again with other SAM-SP settings: every item is redone, every embedding comes
// from disk, and the result equals a run without the cache. `o` ends as the cached run's options.
void cachedRunsMatchUncached(model::SamEngine& engine, const fs::path& root, int count, int seed, BatchOptions& o)
{
    makeInputs(root / "in", count, seed);
    o.inputs = {root / "in"};
    o.out = root / "a";
    o.formats = {"coco"};
    o.embeddingCache = root / "cache";
    QCOMPARE(runBatch(engine, o).embeddingsFromCache, 0);
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(root / "cache")) ++files;
    QCOMPARE(files, count);
    o.selfPrompt.passes = 1;
    o.out = root / "b";
    const BatchReport cached = runBatch(engine, o);
    QCOMPARE(cached.processed, count);
    QCOMPARE(cached.embeddingsFromCache, count);
    o.embeddingCache.clear();
    o.out = root / "c";
    runBatch(engine, o);
    QCOMPARE(formats::readFileBytes(root / "b" / "annotations.json"), formats::readFileBytes(root / "c" / "annotations.json"));
    o.embeddingCache = root / "cache";
}
// Four small embeddings k0..k3 of model `modelId`, written 10, 9, 8 and 7 minutes ago (k3 newest).
void storeAgedEmbeddings(const EmbeddingDiskCache& cache, const std::string& modelId)
{
    model::Embedding e;
    e.features = torch::ones({1, 8, 4, 4});
    e.frame = model::ImageFrame(64, 64, 64, 16);
    e.modelId = modelId;
    const auto now = fs::file_time_type::clock::now();
    for (int i = 0; i < 4; ++i) {
        cache.store("k" + std::to_string(i), e);
        fs::last_write_time(cache.pathFor("k" + std::to_string(i), modelId), now - std::chrono::minutes(10 - i));
    }
}
} // namespace

class TestBatch : public QObject
{
    Q_OBJECT
    std::unique_ptr<model::SamEngine> m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        m_engine = model::SamEngine::fromCheckpoint(modelPath(), model::EngineOptions{model::DeviceChoice::Cpu});
    }

    void corruptInputsAreReportedAndTheRestIsWritten()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 6, 3);
        std::ofstream(root / "in" / "not_an_image.png") << "hello";
        {
            const std::string png = formats::readFileBytes(fs::directory_iterator(root / "in")->path());
            std::ofstream(root / "in" / "truncated.png", std::ios::binary) << png.substr(0, png.size() / 3);
        }
        std::ofstream(root / "in" / "empty.jpg");
        std::ofstream(root / "in" / "notes.txt") << "not an image: ignored";
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png", "coco", "labelme"};
        const BatchReport r = runBatch(*m_engine, o);
        std::set<std::string> failed;
        for (const auto& f : r.failures) failed.insert(f.key);
        QCOMPARE(failed, (std::set<std::string>{"empty.jpg", "not_an_image.png", "truncated.png"}));
        for (const auto& f : r.failures) QVERIFY2(QString::fromStdString(f.reason).contains(QString::fromStdString(f.key)), f.reason.c_str());
        QCOMPARE(r.total, 9);
        QCOMPARE(r.processed, 6);
        const auto coco = formats::readCoco(o.out / "annotations.json");
        QCOMPARE(coco.images.size(), size_t(6));
        int masks = 0;
        for (const auto& e : fs::directory_iterator(o.out / "masks")) {
            const cv::Mat m = formats::readMaskPng(e.path());
            QCOMPARE(m.cols, 128);
            ++masks;
        }
        QCOMPARE(masks, 6);
        // The synthetic images hold one bright object: every proposal finds it.
        QCOMPARE(r.noObject, 0);
        const auto report = nlohmann::json::parse(formats::readFileBytes(o.out / "report.json"));
        QCOMPARE(report["failed"].size(), size_t(3));
        const Project p = Project::load(o.out / "project.samsp.json");
        QCOMPARE(p.count(ItemState::Proposed), 6);
        QCOMPARE(p.find("truncated.png")->error.empty(), false);
    }

    void largeImagesGetFullResolutionMasks()
    {
        // 5 000 x 5 000 from a synthetic image scaled up: the model sees a 4 096-px view,
        // the mask comes back at the image's own size and still matches the object.
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        SynthOptions so;
        so.seed = 21;
        so.count = 1;
        so.width = so.height = 256;
        so.colourFraction = 0;
        writeSynthDataset(root / "synth", so);
        const fs::path img = fs::directory_iterator(root / "synth" / "images")->path();
        const fs::path msk = root / "synth" / "masks" / (img.stem().string() + ".png");
        cv::Mat big, truth;
        cv::resize(cv::imread(img.string()), big, {5000, 5000}, 0, 0, cv::INTER_LINEAR);
        cv::resize(formats::readMaskPng(msk), truth, {5000, 5000}, 0, 0, cv::INTER_NEAREST);
        fs::create_directories(root / "in");
        QVERIFY(cv::imwrite((root / "in" / "big.png").string(), big, {cv::IMWRITE_PNG_COMPRESSION, 1}));
        // The same image at its own size, for the reference answer of the model.
        fs::copy_file(img, root / "in" / "small.png");
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png"};
        const BatchReport r = runBatch(*m_engine, o);
        QCOMPARE(r.processed, 2);
        const cv::Mat m = formats::readMaskPng(o.out / "masks" / "big.png");
        QCOMPARE(m.cols, 5000);
        QCOMPARE(m.rows, 5000);
        const double iou = double(cv::countNonZero(m & truth)) / std::max(1, cv::countNonZero(m | truth));
        const cv::Mat s = formats::readMaskPng(o.out / "masks" / "small.png");
        cv::Mat sTruth = formats::readMaskPng(msk);
        const double iouSmall = double(cv::countNonZero(s & sTruth)) / std::max(1, cv::countNonZero(s | sTruth));
        QVERIFY2(iou > iouSmall - 0.05, qPrintable(QString("large %1, small %2").arg(iou).arg(iouSmall)));
        QVERIFY2(iou > 0.7, qPrintable(QString::number(iou)));
    }

    void aMultiPageFileIsDecodedOncePerRun()
    {
        // Six pages: every page is an item, but the file is read once by the batch (and
        // once more when it is listed), not once per page (that made it O(pages^2)).
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        fs::create_directories(root / "in");
        std::vector<cv::Mat> pages;
        for (int i = 0; i < 6; ++i) {
            cv::Mat m(96, 96, CV_8UC1, cv::Scalar(30));
            cv::circle(m, {30 + 6 * i, 48}, 18, cv::Scalar(220), cv::FILLED);
            pages.push_back(m);
        }
        QVERIFY(cv::imwritemulti((root / "in" / "stack.tif").string(), pages));
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png"};
        const long before = imaging::fileDecodeCount();
        const BatchReport r = runBatch(*m_engine, o);
        const long decodes = imaging::fileDecodeCount() - before;
        QCOMPARE(r.processed, 6);
        QVERIFY2(decodes <= 2, qPrintable(QString::number(decodes)));
        // The masks are the pages' own (page 5's object is further right than page 0's).
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(o.out / "masks")) names.push_back(e.path().filename().string());
        QCOMPARE(names.size(), size_t(6));
        // A document of the whole file: one decode too, every page in order.
        const long beforeDoc = imaging::fileDecodeCount();
        const imaging::Document d = imaging::Document::openFile(root / "in" / "stack.tif");
        QCOMPARE(imaging::fileDecodeCount() - beforeDoc, 1L);
        QCOMPARE(d.frameCount(), 6);
        QCOMPARE(d.pixels(5).at<uchar>(48, 60), uchar(220));
        QCOMPARE(d.pixels(0).at<uchar>(48, 60), uchar(30));
    }

    void killedRunResumesToTheSameOutputs()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 40, 5);
        const QStringList common{"annotate", QString::fromStdString((root / "in").string()), "--model",
                                 QString::fromStdString(modelPath().string()), "--device", "cpu", "--dtype", "fp32", "--format",
                                 "png,coco,yolo,labelme"};
        // Uninterrupted reference run.
        QProcess ref;
        ref.start(SAMSP_CLI, common + QStringList{"--out", QString::fromStdString((root / "ref").string())});
        QVERIFY(ref.waitForFinished(300000));
        QCOMPARE(ref.exitCode(), 0);
        // A run killed once at least 8 items are logged.
        const fs::path out = root / "killed";
        QProcess p;
        p.start(SAMSP_CLI, common + QStringList{"--out", QString::fromStdString(out.string())});
        QVERIFY(p.waitForStarted());
        const fs::path logFile = out / ".samsp" / "batch-log.jsonl";
        int lines = 0;
        for (int i = 0; i < 3000 && lines < 9; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            std::ifstream in(logFile);
            lines = 0;
            for (std::string l; std::getline(in, l);) ++lines;
        }
        QVERIFY2(lines >= 9, "the batch did not log items in time");
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished();
        QVERIFY(!fs::exists(out / "annotations.json")); // aggregates come at the end: it really was cut short
        QProcess resumed;
        resumed.start(SAMSP_CLI, common + QStringList{"--out", QString::fromStdString(out.string()), "--json"});
        QVERIFY(resumed.waitForFinished(300000));
        QCOMPARE(resumed.exitCode(), 0);
        const auto rep = nlohmann::json::parse(resumed.readAllStandardOutput().toStdString());
        QVERIFY(rep["resumed"].get<int>() >= 8);
        QCOMPARE(rep["resumed"].get<int>() + rep["processed"].get<int>(), 40);
        auto a = filesUnder(root / "ref"), b = filesUnder(out);
        for (auto* m : {&a, &b}) {
            m->erase(".samsp/batch-log.jsonl"); // order and resume history differ by design
            m->erase("report.json");
            m->erase("project.samsp.json"); // these two hold the output folder's name
            m->erase("data.yaml");
        }
        QCOMPARE(a.size(), b.size());
        for (const auto& [name, bytes] : a) {
            QVERIFY2(b.count(name), name.c_str());
            QVERIFY2(b[name] == bytes, name.c_str());
        }
        for (const auto& [name, bytes] : b)
            QVERIFY2(name.find(model::kTempMarker) == std::string::npos, name.c_str()); // no temporaries left
        // A changed input is redone on the next run; the others are not (the in-process
        // engine is fp32 like the CLI runs: the model identity includes the precision).
        const auto first = fs::directory_iterator(root / "in")->path();
        cv::Mat img = cv::imread(first.string());
        img.setTo(cv::Scalar(0, 0, 0));
        cv::imwrite(first.string(), img);
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = out;
        o.formats = {"png", "coco", "yolo", "labelme"};
        const BatchReport again = runBatch(*m_engine, o);
        QCOMPARE(again.processed, 1);
        QCOMPARE(again.resumed, 39);
    }

    void aWriteErrorStopsTheBatchCleanlyAndKeepsFinishedItems()
    {
        // After 3 items the masks folder becomes a plain file, so the next write fails.
        // Before the fix the loader thread was still joinable when the error left
        // runBatch: std::terminate (and the studio's Annotate Folder died with it).
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 8, 11);
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png"};
        bool broke = false;
        try {
            runBatch(*m_engine, o, [&](const BatchProgress& p) {
                if (p.done == 3 && !broke) {
                    fs::remove_all(o.out / "masks");
                    std::ofstream(o.out / "masks") << "in the way";
                    broke = true;
                }
            });
            QFAIL("the batch did not report the write error");
        } catch (const formats::WriteError& e) {
            QVERIFY2(std::string(e.what()).find("masks") != std::string::npos, e.what());
        }
        QVERIFY(broke);
        // The 3 finished items are in the log, so a re-run (with a usable folder) resumes them.
        fs::remove(o.out / "masks");
        const BatchReport again = runBatch(*m_engine, o);
        QCOMPARE(again.resumed, 3);
        QCOMPARE(again.processed, 5);
    }

    void aRetrainedModelAtTheSamePathIsNotResumed()
    {
        // The model's identity is its weights: new weights under the old file name redo every item.
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 3, 12);
        const fs::path modelFile = root / "model.safetensors";
        fs::copy_file(modelPath(), modelFile);
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png"};
        {
            auto e = model::SamEngine::fromCheckpoint(modelFile, model::EngineOptions{model::DeviceChoice::Cpu, model::Precision::Fp32});
            QCOMPARE(runBatch(*e, o).processed, 3);
            QCOMPARE(runBatch(*e, o).resumed, 3); // same model: resumed
        }
        {
            auto ck = model::loadCheckpoint(modelFile);
            for (auto& [name, t] : ck.tensors)
                if (name == "mask_decoder.iou_token.weight") t = t.to(torch::kFloat) + 0.01;
            model::saveSafetensors(modelFile, ck.tensors, ck.metadata);
        }
        auto retrained = model::SamEngine::fromCheckpoint(modelFile, model::EngineOptions{model::DeviceChoice::Cpu, model::Precision::Fp32});
        const BatchReport r = runBatch(*retrained, o);
        QCOMPARE(r.resumed, 0);
        QCOMPARE(r.processed, 3);
    }

    void staleTemporarySweepSparesUserFiles()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 1, 13);
        fs::create_directories(root / "out" / "masks");
        std::ofstream(root / "out" / ".notes.part2.txt") << "a user's file";
        std::ofstream(root / "out" / "masks" / (std::string(".x.png") + model::kTempMarker + "123")) << "left by a killed run";
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        o.formats = {"png"};
        runBatch(*m_engine, o);
        QVERIFY(fs::exists(root / "out" / ".notes.part2.txt"));
        QVERIFY(!fs::exists(root / "out" / "masks" / (std::string(".x.png") + model::kTempMarker + "123")));
    }

    void shardsMergedEqualOneRun()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 12, 7);
        BatchOptions o;
        o.inputs = {root / "in"};
        o.formats = {"coco"};
        o.out = root / "all";
        runBatch(*m_engine, o);
        std::set<std::string> seen;
        for (int s = 0; s < 2; ++s) {
            o.out = root / ("shard" + std::to_string(s));
            o.shardIndex = s;
            o.shardCount = 2;
            const BatchReport r = runBatch(*m_engine, o);
            QVERIFY(r.total > 0 && r.total < 12);
            const Project p = Project::load(o.out / "project.samsp.json");
            for (const auto& i : p.items) QVERIFY2(seen.insert(i.key).second, "an item is in two shards");
        }
        QCOMPARE(seen.size(), size_t(12));
        const Project merged = mergeBatchOutputs({root / "shard0", root / "shard1"}, root / "merged", {"coco"});
        QCOMPARE(merged.items.size(), size_t(12));
        QCOMPARE(formats::readFileBytes(root / "merged" / "annotations.json"),
                 formats::readFileBytes(root / "all" / "annotations.json"));
        QVERIFY_THROWS_EXCEPTION(formats::ReadError, mergeBatchOutputs({root / "in"}, root / "m2", {"coco"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, [&] {
            BatchOptions bad = o;
            bad.shardIndex = 2;
            runBatch(*m_engine, bad);
        }());
    }

    void embeddingsAreReusedFromTheDiskCache()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        BatchOptions o;
        cachedRunsMatchUncached(*m_engine, root, 5, 13, o);
        if (QTest::currentTestFailed()) return;
        // A damaged cache file is a miss, not an error.
        for (const auto& e : fs::directory_iterator(root / "cache")) std::ofstream(e.path(), std::ios::binary) << "junk";
        o.out = root / "d";
        const BatchReport third = runBatch(*m_engine, o);
        QCOMPARE(third.embeddingsFromCache, 0);
        QCOMPARE(third.processed, 5);
    }

    void detailFeaturesSurviveTheDiskCache()
    {
        // A model with detail fusion (a small TinyViT, its projection made non-zero so the
        // detail features change the masks): embeddings read back from the cache carry
        // their detail features, and the run from the cache equals one without it.
        model::SamConfig c = model::samConfigForVariant("vit_t");
        c.variant = "custom", c.imageSize = 64, c.outChans = 32, c.detailFusion = true;
        c.tvEmbedDims = {16, 32, 48, 320}, c.tvDepths = {1, 1, 1, 1}, c.tvNumHeads = {1, 2, 2, 4};
        torch::manual_seed(5);
        model::Sam sam(c);
        {
            torch::NoGradGuard ng;
            sam->mask_decoder->detail_proj->weight.normal_(0, 0.5);
        }
        sam->eval();
        model::SamEngine engine(sam, model::EngineOptions{model::DeviceChoice::Cpu, model::Precision::Fp32});
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        BatchOptions o;
        cachedRunsMatchUncached(engine, root, 3, 17, o);
        if (QTest::currentTestFailed()) return;
        // A cache file cut inside its detail features is a miss.
        for (const auto& e : fs::directory_iterator(root / "cache")) {
            const std::string bytes = formats::readFileBytes(e.path());
            std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 100);
        }
        o.out = root / "d";
        QCOMPARE(runBatch(engine, o).embeddingsFromCache, 0);
    }

    void diskCachePrunesTheOldestFilesToItsByteBudget()
    {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "cache";
        EmbeddingDiskCache cache(dir);
        storeAgedEmbeddings(cache, "m");
        const auto one = fs::file_size(cache.pathFor("k0", "m"));
        QCOMPARE(cache.prune(4 * one), 0);          // within budget: nothing goes
        QCOMPARE(cache.prune(2 * one + one / 2), 2); // room for two: the two oldest go
        QVERIFY(!fs::exists(cache.pathFor("k0", "m")) && !fs::exists(cache.pathFor("k1", "m")));
        QVERIFY(fs::exists(cache.pathFor("k2", "m")) && fs::exists(cache.pathFor("k3", "m")));
        QCOMPARE(cache.prune(0), 1); // the newest always stays
        QVERIFY(fs::exists(cache.pathFor("k3", "m")));
        std::ofstream(dir / "notes.txt") << "not a cache file";
        QCOMPARE(cache.prune(0), 0);
        QVERIFY(fs::exists(dir / "notes.txt"));
    }

    void aLoadedEmbeddingCountsAsRecentlyUsed()
    {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "cache";
        EmbeddingDiskCache cache(dir);
        model::Embedding e;
        e.modelId = m_engine->modelId();
        storeAgedEmbeddings(cache, e.modelId);
        QVERIFY(cache.load("k0", *m_engine)); // the oldest written, used just now
        const auto one = fs::file_size(cache.pathFor("k0", e.modelId));
        std::uintmax_t kept = 0;
        QCOMPARE(cache.prune(2 * one + one / 2, &kept), 2);
        QCOMPARE(kept, 2 * one);
        QVERIFY(fs::exists(cache.pathFor("k0", e.modelId)) && fs::exists(cache.pathFor("k3", e.modelId)));
        QVERIFY(!fs::exists(cache.pathFor("k1", e.modelId)) && !fs::exists(cache.pathFor("k2", e.modelId)));
    }

    void theBatchKeepsItsEmbeddingCacheWithinItsBound()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 5, 23);
        makeInputs(root / "one", 1, 24);
        BatchOptions o;
        o.formats = {"coco"};
        o.embeddingCache = root / "cache";
        // One embedding's size, from a run of one other image (its file stays in the folder).
        o.inputs = {root / "one"};
        o.out = root / "probe";
        QCOMPARE(runBatch(*m_engine, o).processed, 1);
        std::uintmax_t one = 0;
        for (const auto& f : fs::directory_iterator(o.embeddingCache)) one = f.file_size();
        QVERIFY(one > 0);
        o.inputs = {root / "in"};
        // Room for two and a half: five are written, the folder never holds more than the bound.
        o.embeddingCacheMaxBytes = 2 * one + one / 2;
        o.out = root / "a";
        const BatchReport r = runBatch(*m_engine, o);
        QCOMPARE(r.processed, 5);
        std::uintmax_t bytes = 0;
        int files = 0;
        for (const auto& f : fs::directory_iterator(o.embeddingCache)) bytes += f.file_size(), ++files;
        QVERIFY2(bytes <= o.embeddingCacheMaxBytes, qPrintable(QString::number(bytes)));
        QCOMPARE(files, 2);
        QCOMPARE(r.embeddingsFromCache, 0);
        QCOMPARE(r.embeddingsPruned, 5 + 1 - files); // five written and the probe's, two stay
        QCOMPARE(nlohmann::json::parse(formats::readFileBytes(o.out / "report.json"))["embeddings_pruned"].get<int>(), r.embeddingsPruned);
        // No bound: nothing goes.
        o.embeddingCacheMaxBytes = 0;
        o.out = root / "b";
        o.selfPrompt.passes = 1;
        const BatchReport u = runBatch(*m_engine, o);
        QCOMPARE(u.embeddingsPruned, 0);
        files = 0;
        for ([[maybe_unused]] const auto& f : fs::directory_iterator(o.embeddingCache)) ++files;
        QCOMPARE(files, 5);
    }

    void projectRoundTripAndBadFiles()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        Project p;
        p.name = "liver";
        p.labels.add("lesion");
        p.model.selfPrompt.passes = 4;
        ProjectItem it;
        it.key = "a.png";
        it.file = "a.png";
        it.state = ItemState::Accepted;
        it.annotation.width = 4;
        it.annotation.height = 3;
        it.annotation.addInstance(cv::Mat::ones(3, 4, CV_8UC1), 2, annotation::Source::Edited, 0.5);
        p.upsert(it);
        p.save(root / "p.json");
        const Project q = Project::load(root / "p.json");
        QCOMPARE(q.name, std::string("liver"));
        QCOMPARE(q.model.selfPrompt.passes, 4);
        QVERIFY(q.model.selfPrompt.keep == model::KeepPass::Last);
        QCOMPARE(q.labels, p.labels);
        QCOMPARE(q.items.size(), size_t(1));
        QCOMPARE(q.items[0].annotation.instances[0].mask.counts, it.annotation.instances[0].mask.counts);
        auto j = nlohmann::json::parse(formats::readFileBytes(root / "p.json"));
        {
            // Which pass to keep travels with the project; a misspelt name is refused, named.
            auto k = j;
            k["model"]["selfprompt"]["keep"] = "best-iou";
            formats::writeFileAtomically(root / "keep.json", k.dump());
            QVERIFY(Project::load(root / "keep.json").model.selfPrompt.keep == model::KeepPass::BestPredictedIou);
            k["model"]["selfprompt"]["keep"] = "best";
            formats::writeFileAtomically(root / "keep.json", k.dump());
            try {
                Project::load(root / "keep.json");
                QFAIL("no error");
            } catch (const formats::ReadError& e) {
                QVERIFY2(QString(e.what()).contains("\"best\""), e.what());
                QVERIFY(QString(e.what()).contains("keep.json"));
            }
        }
        j["version"] = 99;
        formats::writeFileAtomically(root / "newer.json", j.dump());
        try {
            Project::load(root / "newer.json");
            QFAIL("no error");
        } catch (const formats::ReadError& e) {
            QVERIFY(QString(e.what()).contains("newer.json"));
            QVERIFY(QString(e.what()).contains("version 99"));
            QVERIFY(e.problem() == formats::FileProblem::Format);
        }
        formats::writeFileAtomically(root / "cut.json", formats::readFileBytes(root / "p.json").substr(0, 50));
        try {
            Project::load(root / "cut.json");
            QFAIL("no error");
        } catch (const formats::ReadError& e) {
            QVERIFY(e.problem() == formats::FileProblem::NotJson);
        }
    }

    void splitKeepsPatientsTogetherAndHonoursRatios()
    {
        // Items without patients: every split within one item of its share.
        for (int n : {10, 37, 101})
            for (uint64_t seed : {0ULL, 1ULL, 42ULL}) {
                std::vector<ProjectItem> items(static_cast<size_t>(n));
                std::vector<const ProjectItem*> ptrs;
                for (int i = 0; i < n; ++i) {
                    items[static_cast<size_t>(i)].key = items[static_cast<size_t>(i)].file = "img" + std::to_string(i) + ".png";
                    ptrs.push_back(&items[static_cast<size_t>(i)]);
                }
                const std::array<double, 3> ratios{0.7, 0.15, 0.15};
                const auto split = splitByGroup(ptrs, ratios, seed);
                std::map<std::string, int> count;
                for (const auto& [k, s] : split) ++count[s];
                QVERIFY(std::abs(count["train"] - 0.7 * n) <= 1.0);
                QVERIFY(std::abs(count["val"] - 0.15 * n) <= 1.0);
                QVERIFY(std::abs(count["test"] - 0.15 * n) <= 1.0);
                QCOMPARE(splitByGroup(ptrs, ratios, seed), split); // deterministic
            }
        // Patients with several slices each: never split across sets.
        std::vector<ProjectItem> items;
        for (int p = 0; p < 30; ++p)
            for (int s = 0; s < 1 + p % 4; ++s) {
                ProjectItem i;
                i.key = i.file = "p" + std::to_string(p) + "/s" + std::to_string(s) + ".dcm";
                i.patientId = "P" + std::to_string(p);
                items.push_back(i);
            }
        std::vector<const ProjectItem*> ptrs;
        for (const auto& i : items) ptrs.push_back(&i);
        const auto split = splitByGroup(ptrs, {0.6, 0.2, 0.2}, 9);
        std::map<std::string, std::set<std::string>> setsOfPatient;
        std::map<std::string, int> count;
        for (const auto& i : items) {
            setsOfPatient[i.patientId].insert(split.at(i.key));
            ++count[split.at(i.key)];
        }
        for (const auto& [patient, sets] : setsOfPatient) QCOMPARE(sets.size(), size_t(1));
        const double total = static_cast<double>(items.size());
        QVERIFY(std::abs(count["train"] - 0.6 * total) <= 4.0); // within the largest patient (4 slices)
        QVERIFY(std::abs(count["val"] - 0.2 * total) <= 4.0);
    }

    void exportedPngDatasetFeedsTraining()
    {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        makeInputs(root / "in", 10, 11);
        BatchOptions o;
        o.inputs = {root / "in"};
        o.out = root / "out";
        runBatch(*m_engine, o);
        Project p = Project::load(o.out / "project.samsp.json");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, exportDataset(p, o.out, {root / "none"})); // nothing accepted
        for (auto& i : p.items) i.state = ItemState::Accepted;
        DatasetExportOptions d;
        d.out = root / "ds";
        d.format = "png";
        d.ratios = {0.8, 0.2, 0.0};
        const auto res = exportDataset(p, o.out, d);
        QCOMPARE(res.itemsPerSplit.at("train"), 8);
        QCOMPARE(res.itemsPerSplit.at("val"), 2);
        const auto pairs = findLabelledPairs(root / "ds" / "train");
        QCOMPARE(pairs.pairs.size(), size_t(8));
        QVERIFY(pairs.problems.empty());
        const auto card = nlohmann::json::parse(formats::readFileBytes(root / "ds" / "dataset_card.json"));
        QCOMPARE(card["items_per_split"]["train"].get<int>(), 8);
        QCOMPARE(card["instances_per_split_and_class"]["val"]["object"].get<int>(), 2);
        QVERIFY(res.warnings.empty());

        // One patient: every item in one split, and the empty ones are said to be empty.
        for (auto& i : p.items) i.patientId = "P1";
        d.out = root / "ds1";
        d.ratios = {0.7, 0.15, 0.15};
        const auto one = exportDataset(p, o.out, d);
        QCOMPARE(one.warnings.size(), size_t(2));
        QVERIFY2(one.warnings[0].find("1 group(s)") != std::string::npos, one.warnings[0].c_str());

        // Every format of the registry writes something for an accepted item; File > Export
        // counts items and files, not the project file, and leaves proposals out unless asked.
        for (const auto& f : outputFormats()) {
            if (f.volumes) continue; // needs a DICOM series (tests/core/test_formats.cpp)
            const fs::path dir = root / ("fmt-" + f.id);
            const auto ex = exportProject(p, dir, {f.id});
            QCOMPARE(ex.items, 10);
            QVERIFY2(ex.files > 0, f.id.c_str());
            int files = 0;
            for (const auto& e : fs::recursive_directory_iterator(dir))
                files += e.is_regular_file() && e.path().filename() != "project.samsp.json";
            QVERIFY2(files >= ex.files, f.id.c_str());
        }
        p.items.front().state = ItemState::Proposed;
        QCOMPARE(exportProject(p, root / "acc", {"png"}).items, 9);
        QCOMPARE(exportProject(p, root / "all", {"png"}, true).items, 10);
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "test_batch.moc"
