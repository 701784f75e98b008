// The annotation document without a window: undoable commands for every change,
// brush strokes merged into one step, mask edits stored as bounding-box patches,
// undo on a slice that is not on screen, the project written from the document,
// and the project saver (off the GUI thread, bursts coalesced).

#include "annotation_document.h"
#include "document_commands.h"
#include "project_saver.h"

#include "annotation/mask.h"
#include "pipeline/project.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>

using namespace samsp;
using namespace samsp::ui;

namespace {
// A project of `n` items "s0".."s{n-1}" and a document over them, with 64 x 48 pixels.
struct Fixture
{
    pipeline::Project project;
    std::unique_ptr<AnnotationDocument> doc;
    explicit Fixture(int n = 1)
    {
        std::vector<std::string> keys;
        for (int k = 0; k < n; ++k) {
            pipeline::ProjectItem it;
            it.key = "s" + std::to_string(k);
            it.file = it.key + ".png";
            project.upsert(it);
            keys.push_back(it.key);
        }
        doc = std::make_unique<AnnotationDocument>(QStringLiteral("t"), keys, n > 1, &project);
    }
};

cv::Mat disc(cv::Point c, int r)
{
    cv::Mat m = cv::Mat::zeros(48, 64, CV_8UC1);
    cv::circle(m, c, r, cv::Scalar(255), cv::FILLED);
    return m;
}

// Frame sizes come from the pixels; without them from the masks: seed a frame with a
// saved instance so the document knows its size.
void seed(pipeline::Project& p, const std::string& key, const cv::Mat& mask, pipeline::ItemState state)
{
    auto* it = p.find(key);
    it->state = state;
    it->annotation.width = mask.cols;
    it->annotation.height = mask.rows;
    annotation::Instance in;
    in.id = 1;
    in.labelId = 1;
    in.mask = annotation::rleEncode(mask);
    in.source = annotation::Source::Automatic;
    it->annotation.instances = {in};
}
} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void brushStrokeIsOneStepStoredAsBoundingBoxPatches()
    {
        Fixture f;
        const cv::Mat start = disc({20, 20}, 8);
        seed(f.project, "s0", start, pipeline::ItemState::Proposed);
        f.doc->setFrame(0);
        QCOMPARE(f.doc->instanceCount(), 1);
        f.doc->beginStroke(QStringLiteral("Brush stroke"));
        for (int x = 40; x < 60; x += 4) f.doc->strokeSegment({x, 30}, {x + 4, 30}, 2, false);
        f.doc->endStroke();
        QCOMPARE(f.doc->undoStack()->count(), 1); // five segments, one step
        const auto* cmd = dynamic_cast<const MaskPatchCommand*>(f.doc->undoStack()->command(0));
        QVERIFY(cmd);
        // The stored patch covers the stroke's box, not the image.
        QVERIFY2(cmd->rect().width <= 30 && cmd->rect().height <= 10,
                 qPrintable(QStringLiteral("%1x%2").arg(cmd->rect().width).arg(cmd->rect().height)));
        QCOMPARE(f.doc->activeMask().at<uchar>(30, 50), uchar(255));
        QCOMPARE(f.doc->instance(0).source, annotation::Source::Edited);
        // A second stroke is a second step.
        f.doc->beginStroke(QStringLiteral("Eraser stroke"));
        f.doc->strokeSegment({20, 20}, {22, 20}, 3, true);
        f.doc->endStroke();
        QCOMPARE(f.doc->undoStack()->count(), 2);
        f.doc->undoStack()->undo();
        f.doc->undoStack()->undo();
        QCOMPARE(cv::countNonZero(f.doc->activeMask() != start), 0); // exact
        QCOMPARE(f.doc->instance(0).source, annotation::Source::Automatic);
        f.doc->undoStack()->redo();
        QCOMPARE(f.doc->activeMask().at<uchar>(30, 50), uchar(255));
    }

    void undoingARefinementTakesItsClicksBackOnlyForItsInstance()
    {
        Fixture f;
        seed(f.project, "s0", disc({20, 20}, 8), pipeline::ItemState::Proposed);
        f.doc->setFrame(0);
        // Two clicks answered one at a time: each answer is one undo step with its click.
        f.doc->prompts().points = {QPointF(20, 20)};
        f.doc->prompts().labels = {0};
        f.doc->setRefinedMask(disc({20, 20}, 5), QStringLiteral("Refine"), 1);
        f.doc->prompts().points.push_back(QPointF(40, 20));
        f.doc->prompts().labels.push_back(1);
        f.doc->setRefinedMask(disc({30, 20}, 9), QStringLiteral("Refine"), 1);
        QCOMPARE(f.doc->undoStack()->count(), 2);
        f.doc->undoStack()->undo();
        QCOMPARE(f.doc->prompts().points.size(), 1);
        QCOMPARE(cv::countNonZero(f.doc->activeMask() != disc({20, 20}, 5)), 0);
        f.doc->undoStack()->redo();
        QCOMPARE(f.doc->prompts().points.size(), 2);
        // An answer that changes nothing is no step, and its click stays.
        f.doc->prompts().points.push_back(QPointF(5, 5));
        f.doc->prompts().labels.push_back(0);
        f.doc->setRefinedMask(disc({30, 20}, 9), QStringLiteral("Refine"), 1);
        QCOMPARE(f.doc->undoStack()->count(), 2);
        QCOMPARE(f.doc->prompts().points.size(), 3);
        // Another instance active: undoing the first one's refinement leaves its prompts alone.
        f.doc->addInstance(1);
        f.doc->setActive(0);
        f.doc->prompts().points = {QPointF(12, 12)};
        f.doc->prompts().labels = {1};
        f.doc->setRefinedMask(disc({14, 14}, 6), QStringLiteral("Refine"), 1);
        f.doc->setActive(1);
        f.doc->prompts().points = {QPointF(52, 40)};
        f.doc->prompts().labels = {1};
        f.doc->undoStack()->undo();
        QCOMPARE(f.doc->active(), 1);
        QCOMPARE(f.doc->prompts().points.size(), 1);
        QCOMPARE(f.doc->prompts().points[0], QPointF(52, 40));
        QCOMPARE(cv::countNonZero(f.doc->mask(0) != disc({30, 20}, 9)), 0);
    }

    void deleteLabelAcceptAndProposeAgainAreUndoable()
    {
        Fixture f;
        const cv::Mat a = disc({20, 20}, 8);
        seed(f.project, "s0", a, pipeline::ItemState::Proposed);
        f.doc->setFrame(0);
        f.doc->addInstance(2);
        QCOMPARE(f.doc->instanceCount(), 2);
        QCOMPARE(f.doc->active(), 1);
        const cv::Mat b = disc({45, 30}, 6);
        f.doc->setMask(b, QStringLiteral("Polygon"));
        f.doc->setLabel(1, 3);
        QCOMPARE(f.doc->instance(1).labelId, 3);
        f.doc->deleteInstance(1);
        QCOMPARE(f.doc->instanceCount(), 1);
        f.doc->undoStack()->undo(); // the deleted instance comes back, mask and label
        QCOMPARE(f.doc->instanceCount(), 2);
        QCOMPARE(f.doc->instance(1).labelId, 3);
        QCOMPARE(cv::countNonZero(f.doc->mask(1) != b), 0);
        f.doc->undoStack()->undo(); // the label
        QCOMPARE(f.doc->instance(1).labelId, 2);
        // Accept, then undo: the project item is proposed again.
        f.doc->setState(pipeline::ItemState::Accepted);
        QCOMPARE(f.project.find("s0")->state, pipeline::ItemState::Accepted);
        QCOMPARE(f.project.find("s0")->annotation.instances.size(), size_t(2)); // committed first
        f.doc->undoStack()->undo();
        QCOMPARE(f.project.find("s0")->state, pipeline::ItemState::Proposed);
        // Propose again drops everything; undo brings both instances back.
        f.doc->proposeAgain();
        QCOMPARE(f.doc->instanceCount(), 0);
        QCOMPARE(f.doc->state(), pipeline::ItemState::New);
        f.doc->undoStack()->undo();
        QCOMPARE(f.doc->instanceCount(), 2);
        QCOMPARE(cv::countNonZero(f.doc->mask(0) != a), 0);
        QCOMPARE(f.doc->state(), pipeline::ItemState::Proposed);
    }

    void undoOnAnotherSliceShowsItAndReachesTheProject()
    {
        Fixture f(3);
        const cv::Mat a = disc({20, 20}, 8);
        for (const char* k : {"s0", "s1", "s2"}) seed(f.project, k, a, pipeline::ItemState::Proposed);
        QSignalSpy requested(f.doc.get(), &AnnotationDocument::frameRequested);
        // The frame requested is shown by the window; here the spy does it.
        connect(f.doc.get(), &AnnotationDocument::frameRequested, f.doc.get(), [&](int k) { f.doc->setFrame(k); });
        f.doc->setFrame(0);
        f.doc->setMask(cv::Mat::zeros(48, 64, CV_8UC1), QStringLiteral("Clear mask"));
        f.doc->setFrame(2); // slice 0's edit is committed on leaving it
        QCOMPARE(f.project.find("s0")->annotation.instances.size(), size_t(0));
        f.doc->undoStack()->undo(); // acts on slice 0: it is shown first
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toInt(), 0);
        QCOMPARE(f.doc->frame(), 0);
        QCOMPARE(cv::countNonZero(f.doc->activeMask() != a), 0);
        QVERIFY(f.doc->commitAll());
        QCOMPARE(f.project.find("s0")->annotation.instances.size(), size_t(1));
    }

    void proposalNeverReplacesAPersonsWork()
    {
        Fixture f;
        f.doc->setFrame(0);
        Proposal p;
        p.found = true;
        p.finalPass = 0;
        PassView v;
        const cv::Mat m = disc({30, 24}, 10);
        v.mask = QImage(m.data, m.cols, m.rows, static_cast<int>(m.step), QImage::Format_Grayscale8).copy();
        p.passes = {v};
        QVERIFY(f.doc->takeProposal(p, 1, "trace"));
        QCOMPARE(f.doc->instanceCount(), 1);
        QCOMPARE(f.project.find("s0")->state, pipeline::ItemState::Proposed);
        // A later proposal (another model, a re-run) for an item that is proposed already: kept.
        QVERIFY(!f.doc->takeProposal(p, 1, "trace2"));
        QCOMPARE(f.doc->undoStack()->count(), 0); // a proposal is the starting point, not a step
    }

    void saverWritesOffTheCallerAndCoalescesBursts()
    {
        QTemporaryDir dir;
        pipeline::Project p;
        for (int k = 0; k < 2000; ++k) {
            pipeline::ProjectItem it;
            it.key = "img" + std::to_string(k);
            it.file = it.key + ".png";
            p.upsert(it);
        }
        ProjectSaver saver;
        QSignalSpy saved(&saver, &ProjectSaver::saved);
        const auto path = std::filesystem::path(dir.path().toStdString()) / "project.samsp.json";
        for (int k = 0; k < 10; ++k) saver.save(p, path); // ten changes in a burst
        QVERIFY(saver.busy());
        QVERIFY(saver.flush());
        QVERIFY2(saver.writes() <= 2, qPrintable(QString::number(saver.writes()))); // not ten
        QVERIFY(saver.writes() >= 1);
        QCOMPARE(pipeline::Project::load(path).items.size(), size_t(2000));
        // An unwritable place: a clear error, nothing thrown.
        std::ofstream(dir.path().toStdString() + "/file") << "x";
        QSignalSpy failed(&saver, &ProjectSaver::failed);
        saver.save(p, std::filesystem::path(dir.path().toStdString()) / "file" / "project.samsp.json");
        QString error;
        QVERIFY(!saver.flush(&error));
        QVERIFY2(!error.isEmpty(), qPrintable(error));
        QCOMPARE(failed.count(), 1);
    }

    void saverCopiesOnlyWhatChanged()
    {
        // The caller's thread copies the items that changed since the last save, not the
        // whole project; what is written is still the whole, current project.
        QTemporaryDir dir;
        pipeline::Project p;
        for (int k = 0; k < 3000; ++k) {
            pipeline::ProjectItem it;
            it.key = "img" + std::to_string(k);
            it.file = it.key + ".png";
            p.upsert(it);
        }
        const auto path = std::filesystem::path(dir.path().toStdString()) / "project.samsp.json";
        ProjectSaver saver;
        saver.save(p, path);
        QCOMPARE(saver.lastCopiedItems(), 3000); // the first save: everything
        QVERIFY(saver.flush());
        p.find("img17")->state = pipeline::ItemState::Accepted;
        cv::Mat m = cv::Mat::zeros(8, 8, CV_8UC1);
        m(cv::Rect(2, 2, 3, 3)).setTo(255);
        p.find("img2999")->annotation.addInstance(m, 1, annotation::Source::Manual);
        saver.save(p, path);
        QCOMPARE(saver.lastCopiedItems(), 2);
        // Changes queued behind a running save, an item removed, a label renamed: all reach the file.
        p.find("img5")->state = pipeline::ItemState::Rejected;
        saver.save(p, path);
        p.items.pop_back();
        p.labels.classes.front().name = "polyp";
        saver.save(p, path);
        QCOMPARE(saver.lastCopiedItems(), 0);
        QVERIFY(saver.flush());
        const pipeline::Project back = pipeline::Project::load(path);
        QCOMPARE(back.items.size(), size_t(2999));
        QCOMPARE(back.find("img17")->state, pipeline::ItemState::Accepted);
        QCOMPARE(back.find("img5")->state, pipeline::ItemState::Rejected);
        QVERIFY(!back.find("img2999"));
        QCOMPARE(back.labels.classes.front().name, std::string("polyp"));
        for (size_t i = 0; i < back.items.size(); ++i) QVERIFY(back.items[i] == p.items[i]);
        // Another project file: written whole, not as a difference to the first.
        const auto other = std::filesystem::path(dir.path().toStdString()) / "other.samsp.json";
        saver.save(p, other);
        QCOMPARE(saver.lastCopiedItems(), 2999);
        QVERIFY(saver.flush());
        QCOMPARE(pipeline::Project::load(other).items.size(), size_t(2999));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "test_document.moc"
