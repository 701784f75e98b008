// The simulated annotator of `samsp eval --interactive`: where the next click
// lands on hand-made masks, positive vs negative, NoC when the start already
// suffices and when it never does, and a run through the real decode path.

#include "model/engine.h"
#include "pipeline/interactive.h"
#include "pipeline/loop_bench.h"
#include "pipeline/propagate.h"
#include "pipeline/synth.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

using namespace samsp;
using pipeline::Click;

class TestInteractive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missedSquareGetsAPositiveClickInItsCentre()
    {
        cv::Mat truth = cv::Mat::zeros(64, 64, CV_8UC1), pred = truth.clone();
        truth(cv::Rect(10, 20, 21, 21)).setTo(255); // x 10..30, y 20..40: centre (20, 30)
        const auto c = pipeline::nextClick(truth, pred);
        QVERIFY(c);
        QVERIFY(c->positive);
        QCOMPARE(c->x, 20);
        QCOMPARE(c->y, 30);
    }

    void theDeeperErrorWins()
    {
        // A thin missed strip (depth 1-2) and a large false blob (depth ~8): negative click in the blob.
        cv::Mat truth = cv::Mat::zeros(64, 64, CV_8UC1);
        truth(cv::Rect(0, 0, 20, 20)).setTo(255);
        cv::Mat pred = cv::Mat::zeros(64, 64, CV_8UC1);
        pred(cv::Rect(0, 0, 20, 17)).setTo(255);      // misses rows 17..19
        cv::circle(pred, cv::Point(45, 45), 8, cv::Scalar(255), cv::FILLED); // false object
        auto c = pipeline::nextClick(truth, pred);
        QVERIFY(c);
        QVERIFY(!c->positive);
        QVERIFY(std::abs(c->x - 45) <= 1 && std::abs(c->y - 45) <= 1);
        // Remove the blob: the strip is all that is wrong, so the click is positive, inside it.
        cv::circle(pred, cv::Point(45, 45), 8, cv::Scalar(0), cv::FILLED);
        c = pipeline::nextClick(truth, pred);
        QVERIFY(c && c->positive);
        QVERIFY(c->y >= 17 && c->y <= 19 && c->x < 20);
    }

    void theImageBorderCountsAsBoundary()
    {
        // A missed band along the left edge, 6 px wide: the click is in its middle, not on the edge.
        cv::Mat truth = cv::Mat::zeros(40, 40, CV_8UC1), pred = truth.clone();
        truth(cv::Rect(0, 0, 6, 40)).setTo(255);
        const auto c = pipeline::nextClick(truth, pred);
        QVERIFY(c && c->positive);
        QVERIFY2(c->x >= 2 && c->x <= 3, qPrintable(QString::number(c->x)));
        QVERIFY(c->y >= 2 && c->y <= 37); // 3 px from the top and bottom edges at the least
    }

    void aPerfectMaskNeedsNoClick()
    {
        cv::Mat truth = cv::Mat::zeros(32, 32, CV_8UC1);
        cv::circle(truth, cv::Point(16, 16), 7, cv::Scalar(255), cv::FILLED);
        QVERIFY(!pipeline::nextClick(truth, truth.clone()));
        cv::Mat ones = truth.clone();
        ones.setTo(1, truth); // any non-zero value is "inside"
        QVERIFY(!pipeline::nextClick(truth, ones));
    }

    void numberOfClicks()
    {
        QCOMPARE(pipeline::clicksToReach({0.5, 0.86, 0.91}, 0.85, 20), 1);
        QCOMPARE(pipeline::clicksToReach({0.5, 0.86, 0.91}, 0.90, 20), 2);
        QCOMPARE(pipeline::clicksToReach({0.95}, 0.90, 20), 0); // the proposal already suffices
        QCOMPARE(pipeline::clicksToReach({0.1, 0.2, 0.3}, 0.90, 20), 20); // never
        std::vector<double> late(21, 0.5);
        late[20] = 0.92;
        QCOMPARE(pipeline::clicksToReach(late, 0.90, 20), 20); // reached with the last click
        late.push_back(0.99);
        QCOMPARE(pipeline::clicksToReach(late, 0.90, 20), 20); // a 21st click does not count
    }

    void clickPrompterFollowsTheFlow()
    {
        const model::BoxF box{10, 20, 50, 60};
        const at::Tensor start = at::full({1, 8, 8}, 3.0f), after = at::full({1, 8, 8}, -2.0f);
        const std::vector<model::PromptPoint> one{{12, 25, 1}}, two{{12, 25, 1}, {40, 40, 0}};
        // The default: the previous decode's logits, no box.
        pipeline::ClickPrompter chained(pipeline::ClickFlow{}, box, start);
        auto p = chained.prompts(one);
        QVERIFY(!p.box);
        QCOMPARE(p.points.size(), size_t(1));
        QVERIFY(p.maskLogits.defined() && p.maskLogits.equal(start));
        chained.decoded(after);
        p = chained.prompts(two);
        QCOMPARE(p.points.size(), size_t(2));
        QCOMPARE(p.points[1].label, 0);
        QVERIFY(p.maskLogits.equal(after));
        // The start's logits every time, with the start's box.
        pipeline::ClickPrompter fixed(pipeline::ClickFlow{false, true}, box, start);
        fixed.decoded(after);
        p = fixed.prompts(two);
        QVERIFY(p.box && (*p.box)[0] == 10 && (*p.box)[3] == 60);
        QVERIFY(p.maskLogits.equal(start));
        // From nothing: no mask input until a decode gave one (chained), never (fixed).
        pipeline::ClickPrompter fromNothing(pipeline::ClickFlow{true, true}, std::nullopt, at::Tensor());
        QVERIFY(!fromNothing.prompts(one).maskLogits.defined());
        QVERIFY(!fromNothing.prompts(one).box);
        fromNothing.decoded(after);
        QVERIFY(fromNothing.prompts(two).maskLogits.equal(after));
        pipeline::ClickPrompter fixedNothing(pipeline::ClickFlow{false, false}, std::nullopt, at::Tensor());
        fixedNothing.decoded(after);
        QVERIFY(!fixedNothing.prompts(two).maskLogits.defined());
    }

    void theStartIsTheProposalsLogitsOrItsMask()
    {
        model::SelfPromptResult sp;
        const at::Tensor logits = at::full({1, 16, 16}, 0.5f);
        model::PassTrace t;
        t.lowResLogits = logits;
        sp.trace = {t};
        const model::ImageFrame frame(64, 64, 64, 16);
        cv::Mat mask = cv::Mat::zeros(64, 64, CV_8UC1);
        mask(cv::Rect(0, 0, 32, 64)).setTo(255); // the left half
        QVERIFY(!pipeline::startLogitsOf(sp, mask, frame, {}).defined()); // nothing found
        sp.found = true, sp.finalPass = 0;
        QVERIFY(pipeline::startLogitsOf(sp, mask, frame, {}).equal(logits));
        pipeline::ClickFlow fromMask;
        fromMask.startFromMask = true;
        const at::Tensor seeded = pipeline::startLogitsOf(sp, mask, frame, fromMask);
        QCOMPARE(seeded.size(-1), int64_t(16));
        QCOMPARE(seeded[0][5][3].item<float>(), 10.0f);   // inside
        QCOMPARE(seeded[0][5][12].item<float>(), -10.0f); // outside
    }

    void evalFlagsChooseTheClickFlow()
    {
        // `samsp eval --interactive` names the flow it measured; each flag sets its own part,
        // and a value it does not know is refused with the flag's name.
        QTemporaryDir dir;
        pipeline::SynthOptions so;
        so.seed = 4, so.count = 2, so.width = so.height = 96;
        pipeline::writeSynthDataset(dir.path().toStdString(), so);
        auto run = [&](const QStringList& extra, int* rc = nullptr, QString* err = nullptr) {
            QProcess p;
            p.start(SAMSP_CLI, QStringList{"eval", "--model", SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors",
                                           "--data", dir.path(), "--interactive", "--max-clicks", "2", "--dtype", "fp32", "--json"} +
                                   extra);
            p.waitForFinished(120000);
            if (rc) *rc = p.exitCode();
            if (err) *err = QString::fromUtf8(p.readAllStandardError());
            const QByteArray out = p.readAllStandardOutput();
            return out.isEmpty() ? nlohmann::json() : nlohmann::json::parse(out.toStdString())["interactive"]["click_flow"];
        };
        const auto plain = run({});
        QCOMPARE(plain["chain_logits"].get<bool>(), true);
        QCOMPARE(plain["keep_start_box"].get<bool>(), false);
        QCOMPARE(plain["start_from_mask"].get<bool>(), false);
        const auto all = run({"--click-mask", "start", "--click-box", "start", "--click-start", "mask"});
        QCOMPARE(all["chain_logits"].get<bool>(), false);
        QCOMPARE(all["keep_start_box"].get<bool>(), true);
        QCOMPARE(all["start_from_mask"].get<bool>(), true);
        const auto one = run({"--click-box", "start"});
        QCOMPARE(one["chain_logits"].get<bool>(), true);
        QCOMPARE(one["keep_start_box"].get<bool>(), true);
        QCOMPARE(one["start_from_mask"].get<bool>(), false);
        int rc = 0;
        QString err;
        run({"--click-box", "sideways"}, &rc, &err);
        QVERIFY(rc != 0);
        QVERIFY2(err.contains(QStringLiteral("--click-box")), qPrintable(err));
    }

    void sessionsThroughTheRealDecoder()
    {
        // The bundled model on synthetic pairs: every session has 1 + maxClicks IoUs,
        // starts at 0 from nothing and at the proposal's IoU from the proposal.
        QTemporaryDir dir;
        pipeline::SynthOptions so;
        so.seed = 3, so.count = 3, so.width = so.height = 128;
        pipeline::writeSynthDataset(dir.path().toStdString(), so);
        auto scan = pipeline::findLabelledPairs(dir.path().toStdString());
        QCOMPARE(static_cast<int>(scan.pairs.size()), 3);
        auto engine = model::SamEngine::fromCheckpoint(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors",
                                                       model::EngineOptions{model::DeviceChoice::Cpu});
        const auto rep = pipeline::evaluateInteractive(*engine, scan.pairs, model::SelfPromptSettings{}, 4);
        QVERIFY(rep.errors.empty());
        QCOMPARE(static_cast<int>(rep.fromNothing.rows.size()), 3);
        for (const auto& row : rep.fromNothing.rows) {
            QCOMPARE(static_cast<int>(row.ious.size()), 5);
            QCOMPARE(row.iou0, 0.0);
            QVERIFY(row.noc90 >= 1 && row.noc90 <= 4);
        }
        for (const auto& row : rep.fromProposal.rows) {
            QCOMPARE(static_cast<int>(row.ious.size()), 5);
            for (double v : row.ious) QVERIFY(v >= 0.0 && v <= 1.0);
        }
        const auto j = nlohmann::json::parse(pipeline::interactiveReportJson(rep));
        for (const char* k : {"noc85", "noc90", "miou_1", "miou_3", "miou_5", "failure_rate", "rows"}) {
            QVERIFY2(j["from_nothing"].contains(k), k);
            QVERIFY2(j["from_proposal"].contains(k), k);
        }
        QCOMPARE(j["clicks_saved"].get<double>(), rep.fromNothing.noc90 - rep.fromProposal.noc90);
        QCOMPARE(j["click_flow"]["chain_logits"].get<bool>(), rep.flow.chainLogits);
        QCOMPARE(j["click_flow"]["keep_start_box"].get<bool>(), rep.flow.keepStartBox);
    }

    void theBrushFinishesWhatClicksCannot()
    {
        // No clicks allowed: the brush alone (radius 2: 16 px of stroke a click). A missed
        // 40 x 40 square is one stroke about 40 px long (area / thickness): 3 clicks; a 2-pixel band along the edge of a 100 x 100 square is
        // long (300-400 px): 18-25 clicks.
        auto engine = model::SamEngine::fromCheckpoint(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors",
                                                       model::EngineOptions{model::DeviceChoice::Cpu});
        const auto emb = engine->encode(model::ImageU8{cv::Mat(128, 128, CV_8UC3, cv::Scalar(90, 90, 90)).data, 128, 128, 384});
        pipeline::AnnotatorRules rules;
        rules.maxClicks = 0;
        rules.brushRadius = 2;
        cv::Mat truth = cv::Mat::zeros(128, 128, CV_8UC1);
        truth(cv::Rect(20, 20, 40, 40)).setTo(255);
        auto s = pipeline::annotateLikeAPerson(*engine, emb, truth, cv::Mat::zeros(128, 128, CV_8UC1), {}, rules);
        QCOMPARE(s.clicks, 0);
        QCOMPARE(s.dabs, 3);
        QCOMPARE(s.finalIou, 1.0);
        QCOMPARE(cv::countNonZero(s.mask != truth), 0);

        truth.setTo(0);
        truth(cv::Rect(10, 10, 100, 100)).setTo(255);
        cv::Mat start = cv::Mat::zeros(128, 128, CV_8UC1);
        start(cv::Rect(12, 12, 96, 96)).setTo(255); // IoU 0.92: already enough
        s = pipeline::annotateLikeAPerson(*engine, emb, truth, start, {}, rules);
        QCOMPARE(s.total(), 0);
        rules.target = 0.99;
        s = pipeline::annotateLikeAPerson(*engine, emb, truth, start, {}, rules);
        QVERIFY2(s.dabs >= 14 && s.dabs <= 30, qPrintable(QString::number(s.dabs)));
        QVERIFY(s.finalIou >= 0.99);

        // With clicks: the session ends at the target, whatever mix it took.
        rules = {};
        s = pipeline::annotateLikeAPerson(*engine, emb, truth, cv::Mat::zeros(128, 128, CV_8UC1), {}, rules);
        QVERIFY(s.finalIou >= 0.90);
        QVERIFY(s.clicks >= 1 && s.clicks <= rules.maxClicks);
    }

    void propagationStaysInTheObjectAndStopsWhereItEnds()
    {
        // A volume the bundled model knows the look of: a bright textured disc that grows
        // and shrinks over 11 of 21 slices on a textured background. From the
        // middle slice's true mask, propagation covers the object's slices, never one
        // outside it, and each of its masks matches the truth there.
        cv::Mat bg(128, 128, CV_32FC1);
        cv::RNG rng(11);
        rng.fill(bg, cv::RNG::NORMAL, 90, 30);
        cv::GaussianBlur(bg, bg, cv::Size(0, 0), 2.5); // a textured background, no object in it
        std::vector<cv::Mat> volume(21, bg);
        const auto ph = pipeline::makeLesionPhantom(volume, {64, 60}, 30, 24, 10, 6.0, 140, 3);
        auto engine = model::SamEngine::fromCheckpoint(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors",
                                                       model::EngineOptions{model::DeviceChoice::Cpu});
        pipeline::PropagateOptions opts;
        const auto b = pipeline::benchPropagation(*engine, ph, imaging::Window{127.5, 255}, false, opts);
        QCOMPARE(b.objectFirst, 5);
        QCOMPARE(b.objectLast, 15);
        for (const auto& s : b.propagation.slices) {
            QVERIFY2(s.slice >= b.objectFirst && s.slice <= b.objectLast, qPrintable(QString::number(s.slice)));
        }
        QVERIFY2(b.propagatedFirst <= b.objectFirst + 2 && b.propagatedLast >= b.objectLast - 2,
                 qPrintable(QString("%1-%2").arg(b.propagatedFirst).arg(b.propagatedLast)));
        for (const auto& r : b.rows)
            if (r.propagated) QVERIFY2(r.dicePropagated > 0.6, qPrintable(QString("slice %1: %2").arg(r.slice).arg(r.dicePropagated)));
        QVERIFY(!b.propagation.stoppedUp.empty() && !b.propagation.stoppedDown.empty());
        qInfo("propagated %d-%d, mean Dice %.3f (independent %.3f); up: %s; down: %s", b.propagatedFirst, b.propagatedLast,
              b.meanDicePropagated, b.meanDiceIndependent, b.propagation.stoppedUp.c_str(), b.propagation.stoppedDown.c_str());

        // Embeddings handed in are used, and every slice encoded is handed back: the same
        // propagation with a map returns the same masks and fills the map with exactly the
        // slices it visited; a wrong embedding placed there changes what it makes.
        auto view = [&](int k) { return imaging::makeModelView(ph.slices[size_t(k)], imaging::Window{127.5, 255}, false); };
        std::map<int, model::Embedding> kept;
        const auto again = pipeline::propagateMask(*engine, 21, view, ph.slices.front().size(), 10, ph.truth[10], opts, {}, &kept);
        QCOMPARE(again.slices.size(), b.propagation.slices.size());
        for (size_t i = 0; i < again.slices.size(); ++i) {
            QCOMPARE(again.slices[i].slice, b.propagation.slices[i].slice);
            QCOMPARE(cv::countNonZero(again.slices[i].mask != b.propagation.slices[i].mask), 0);
            QVERIFY(kept.count(again.slices[i].slice) == 1);
        }
        QVERIFY(kept.size() >= again.slices.size() && kept.size() <= again.slices.size() + 2); // + where each direction stopped
        std::map<int, model::Embedding> wrong;
        cv::Mat flat(128, 128, CV_8UC3, cv::Scalar(90, 90, 90));
        wrong.emplace(11, engine->encode(model::ImageU8{flat.data, 128, 128, 128 * 3}));
        const auto off = pipeline::propagateMask(*engine, 21, view, ph.slices.front().size(), 10, ph.truth[10], opts, {}, &wrong);
        const auto at11 = [](const pipeline::PropagationResult& r) -> const pipeline::PropagatedSlice* {
            for (const auto& s : r.slices)
                if (s.slice == 11) return &s;
            return nullptr;
        };
        QVERIFY(at11(again));
        QVERIFY(!at11(off) || cv::countNonZero(at11(off)->mask != at11(again)->mask) > 0);
    }

    void theLoopBenchmarkTrainsBetweenBlocks()
    {
        // Six synthetic pairs, a round after every 3: images 4-6 come from round 1's model
        // (another identity), the loop trains on what the annotator accepted, and the
        // baseline without training never leaves round 0.
        QTemporaryDir dir;
        pipeline::SynthOptions so;
        so.seed = 5, so.count = 6, so.width = so.height = 96;
        pipeline::writeSynthDataset((dir.path() + "/data").toStdString(), so);
        pipeline::LoopBenchOptions o;
        o.pairs = pipeline::findLabelledPairs((dir.path() + "/data").toStdString()).pairs;
        o.startModel = SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors";
        o.work = (dir.path() + "/work").toStdString();
        o.every = 3;
        o.engine = model::EngineOptions{model::DeviceChoice::Cpu};
        o.training.imageSize = 0;
        o.training.epochs = 1;
        o.training.batchSize = 2;
        o.training.valFraction = 0.34;
        const auto run = pipeline::runLoopBench(o);
        QVERIFY(run.errors.empty());
        QCOMPARE(static_cast<int>(run.images.size()), 6);
        QCOMPARE(static_cast<int>(run.rounds.size()), 1);
        QCOMPARE(run.rounds[0].afterImages, 3);
        QCOMPARE(run.images[2].round, 0);
        QCOMPARE(run.images[3].round, 1);
        const auto start = model::SamEngine::fromCheckpoint(o.startModel, o.engine);
        QVERIFY(run.rounds[0].modelId != start->modelId());
        QVERIFY(std::filesystem::exists(o.work / "round-1.safetensors"));
        QCOMPARE(static_cast<int>(pipeline::findLabelledPairs(o.work / "accepted").pairs.size()), 6);
        int total = 0;
        for (const auto& i : run.images) {
            total += i.clicks + i.dabs;
            QVERIFY(i.finalIou >= 0.90);
        }
        QCOMPARE(run.totalClicks(), total);
        QVERIFY(run.humanSeconds >= 6 * o.secondsPerImage + o.secondsPerClick * total - 1e-9);

        o.mode = pipeline::LoopBenchMode::NoTraining;
        o.work = (dir.path() + "/work2").toStdString();
        const auto flat = pipeline::runLoopBench(o);
        QVERIFY(flat.rounds.empty());
        for (const auto& i : flat.images) QCOMPARE(i.round, 0);
        const auto svg = pipeline::loopBenchSvg({run, flat}, "test");
        QVERIFY(svg.rfind("<svg", 0) == 0);
        QVERIFY(svg.find("polyline") != std::string::npos);
        const cv::Mat png = pipeline::loopBenchImage({run, flat}, "test");
        QCOMPARE(png.type(), CV_8UC3);
        QVERIFY(cv::countNonZero(png.reshape(1) != 255) > 1000); // something is drawn
        QCOMPARE(pipeline::loopBenchJson(run)["rounds"].size(), size_t(1));
    }
};

QTEST_MAIN(TestInteractive)
#include "test_interactive.moc"
