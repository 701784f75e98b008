// The studio's main window driven like a user: open the bundled samples, see an
// image, step with N/P, open About, and get a clear message for a broken file.

#include "about_dialog.h"
#include "image_canvas.h"
#include "main_window.h"
#include "batch_dialog.h"
#include "annotation_document.h"
#include "image_browser.h"
#include "pass_viewer.h"
#include "settings_dialog.h"
#include "qt_convert.h"
#include "slice_strip.h"

#include "formats/atomic_file.h"
#include "model/checkpoint.h"
#include "model/engine.h"
#include "model/errors.h"
#include "model/precision.h"
#include "pipeline/interactive.h"
#include "pipeline/project.h"
#include "model/selfprompt.h"

#include <cerrno>

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMimeData>
#include <QUrl>
#include <QDir>
#include <QDirIterator>
#include <QPushButton>
#include <QFile>
#include <QKeySequenceEdit>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QUndoStack>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "dicom_writer.h"

#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <QElapsedTimer>
#include <opencv2/imgcodecs.hpp>

#include <fstream>

#include "imaging/dicom.h"
#include "imaging/image.h"
#include <QSettings>
#include <QScopeGuard>
#include <QWheelEvent>

using namespace samsp::ui;

namespace {
// A mouse drag on the canvas between two image positions.
void dragOnCanvas(ImageCanvas* c, const QPointF& fromImage, const QPointF& toImage, Qt::MouseButton button = Qt::LeftButton)
{
    const QPoint a = c->mapFromImage(fromImage), b = c->mapFromImage(toImage);
    QTest::mousePress(c->viewport(), button, {}, a);
    QMouseEvent move(QEvent::MouseMove, QPointF(b), c->viewport()->mapToGlobal(QPointF(b)), Qt::NoButton, button, Qt::NoModifier);
    QApplication::sendEvent(c->viewport(), &move);
    QTest::mouseRelease(c->viewport(), button, {}, b);
}
// Opens a folder like File > Open Folder and waits until it is listed; false when
// the folder holds nothing to open.
// A phantom CT series for propagation: `n` slices of 128 x 128 (values 0..255 with a
// window of the same range) on a textured background, with a bright disc whose radius
// follows a sphere centred on the middle slice (empty outside `radiusSlices` of it).
void writePhantomSeries(const QString& dir, int n, double radiusSlices)
{
    cv::Mat bg(128, 128, CV_32FC1);
    cv::RNG rng(7);
    rng.fill(bg, cv::RNG::NORMAL, 90, 30);
    cv::GaussianBlur(bg, bg, cv::Size(0, 0), 2.5);
    char uid[100];
    const std::string series = dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT);
    for (int k = 0; k < n; ++k) {
        cv::Mat slice = bg.clone(), disc = cv::Mat::zeros(128, 128, CV_8UC1);
        const double dz = (k - n / 2) / radiusSlices;
        if (std::abs(dz) < 1.0) cv::circle(disc, {64, 60}, cvRound(30 * std::sqrt(1 - dz * dz)), cv::Scalar(255), cv::FILLED);
        cv::Mat noise(128, 128, CV_32FC1);
        rng.fill(noise, cv::RNG::NORMAL, 0, 40);
        cv::GaussianBlur(noise, noise, cv::Size(0, 0), 2.0);
        cv::Mat lesion = bg * 0.3 + 170 + noise;
        lesion.copyTo(slice, disc);
        samsp::testing::TestCtSlice t;
        t.rows = t.columns = 128;
        for (int i = 0; i < 128 * 128; ++i) t.stored.push_back(static_cast<int>(std::clamp(slice.at<float>(i / 128, i % 128), 0.f, 255.f)));
        t.position = {0, 0, 2.0 * k};
        t.instance = k + 1;
        t.pixelSpacing = 1, t.thickness = 2, t.intercept = 0;
        t.signedPixels = false;
        t.window = std::array<double, 2>{127.5, 255};
        t.patientId = "PHANTOM";
        const QString f = dir + QStringLiteral("/ph%1.dcm").arg(k, 2, 10, QLatin1Char('0'));
        samsp::testing::writeTestCtSlice(f.toStdString(), series, t);
    }
}

// The files of `src` (not its subfolders) copied into `dst`.
void copyFiles(const QString& src, const QString& dst)
{
    QDir().mkpath(dst);
    for (const QString& f : QDir(src).entryList(QDir::Files)) QFile::copy(src + QLatin1Char('/') + f, dst + QLatin1Char('/') + f);
}

// Loads the bundled model into `w` on the CPU and shows the window; false when either fails.
bool loadModelAndShow(MainWindow& w)
{
    QSignalSpy ready(&w, &MainWindow::modelReady);
    w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
    if (!ready.wait(30000)) return false;
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

bool openAndWait(MainWindow& w, const QString& folder)
{
    QSignalSpy opened(&w, &MainWindow::folderOpened);
    if (!w.openFolder(folder)) return false;
    if (!opened.wait(60000)) return false;
    return opened.first().at(0).toBool();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
    const QString m_samples = QStringLiteral(SAMSP_SOURCE_DIR "/resources/samples");
    QTemporaryDir m_store; // project files of windows that open the bundled samples

private Q_SLOTS:
    void opensBundledSamplesAndShowsTheFirst()
    {
        MainWindow w;
        w.setProjectStore(m_store.path());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(openAndWait(w, m_samples));
        QVERIFY(w.browser()->count() >= 3);
        QVERIFY(shown.wait(10000));
        QVERIFY(w.canvas()->hasImage());
        QCOMPARE(w.canvas()->imageSize(), QSize(256, 256));
        QVERIFY(w.windowTitle().contains(w.browser()->text(0)));
    }

    void keyboardStepsThroughImages()
    {
        MainWindow w;
        w.setProjectStore(m_store.path());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(openAndWait(w, m_samples));
        QVERIFY(shown.wait(10000));
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_N);
        QVERIFY(shown.wait(10000));
        QCOMPARE(w.browser()->currentRow(), 1);
        QVERIFY(w.currentPath().endsWith(w.browser()->text(1)));
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(shown.wait(10000));
        QCOMPARE(w.browser()->currentRow(), 0);
        // Zoom shortcuts act on the canvas.
        const double fit = w.canvas()->zoom();
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(w.canvas()->zoom(), 1.0);
        QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(w.canvas()->zoom(), fit);
    }

    void brokenImageGivesAClearMessage()
    {
        QTemporaryDir d;
        std::ofstream((d.path() + "/broken.png").toStdString()) << "not really a png";
        MainWindow w;
        w.setProjectStore(m_store.path());
        w.show();
        QSignalSpy failed(&w, &MainWindow::imageFailed);
        QVERIFY(openAndWait(w, d.path()));
        QVERIFY(failed.wait(10000));
        const QString err = failed.first().at(1).toString();
        QVERIFY2(err.contains("broken.png") && err.contains("not a readable image"), qPrintable(err));
        QVERIFY(!w.canvas()->hasImage());
        QVERIFY(w.statusBar()->currentMessage().contains("broken.png"));
    }

    void emptyFolderIsReported()
    {
        QTemporaryDir d;
        MainWindow w;
        w.setProjectStore(m_store.path());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // First a folder with images: one is shown.
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(openAndWait(w, m_samples));
        QVERIFY(shown.wait(10000));
        QVERIFY(w.canvas()->hasImage());
        const QString previousProject = w.projectPath();
        QVERIFY(!previousProject.isEmpty());
        // Then an empty one: reported, and nothing of the previous folder stays on screen
        // or in reach of Ctrl+S.
        QVERIFY(!openAndWait(w, d.path()));
        QVERIFY(w.lastError().contains("no supported images"));
        QVERIFY(!w.canvas()->hasImage());
        QVERIFY(w.canvas()->overlayMask().isNull());
        QCOMPARE(w.passViewer()->passCount(), 0);
        QVERIFY(!w.passViewer()->useButton()->isEnabled());
        QCOMPARE(w.instanceCount(), 0);
        QCOMPARE(w.browser()->count(), 0);
        QVERIFY(w.projectPath().isEmpty());
        QVERIFY(w.currentKey().isEmpty());
        QSignalSpy saved(&w, &MainWindow::saved);
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 0);
    }

    void unreadableItemHasItsOwnStateAndLeavesNothingBehind()
    {
        QTemporaryDir d;
        QVERIFY(QFile::copy(m_samples + QStringLiteral("/synth_7_00000.png"), d.path() + QStringLiteral("/a_good.png")));
        std::ofstream((d.path() + "/b_broken.png").toStdString()) << "not really a png";
        MainWindow w;
        w.setProjectStore(m_store.path());
        QVERIFY(loadModelAndShow(w));
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        QSignalSpy failed(&w, &MainWindow::imageFailed);
        QVERIFY(openAndWait(w, d.path()));
        QVERIFY(proposed.wait(30000));
        QVERIFY(w.passViewer()->passCount() > 0);
        // The read-out names the pixel under the cursor of this image.
        auto* readout = w.findChild<QLabel*>(QStringLiteral("cursorReadout"));
        QVERIFY(readout);
        QTest::mouseMove(w.canvas()->viewport(), w.canvas()->mapFromImage(QPointF(20, 20)));
        QTRY_VERIFY(!readout->text().isEmpty());
        // The broken file: no passes of the previous image, no "Use this pass", no read-out.
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_N);
        QVERIFY(failed.wait(10000));
        QCOMPARE(w.passViewer()->passCount(), 0);
        QVERIFY(!w.passViewer()->useButton()->isEnabled());
        QVERIFY(!w.canvas()->hasImage());
        QCOMPARE(w.instanceCount(), 0);
        QVERIFY(readout->text().isEmpty());
        // Its row has a state of its own, with the reason as tooltip.
        QCOMPARE(w.browser()->rowData(1, ImageBrowser::StateRole).toString(), QStringLiteral("unreadable"));
        QVERIFY2(w.browser()->toolTip(1).contains("not a readable image"), qPrintable(w.browser()->toolTip(1)));
        QVERIFY(w.browser()->icon(1).cacheKey() != w.browser()->icon(0).cacheKey());
        QVERIFY(w.statusBar()->currentMessage().contains("b_broken.png"));
        // Back to the good image: the error does not stay in the status bar.
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(proposed.wait(30000));
        QVERIFY(!w.statusBar()->currentMessage().contains("b_broken.png"));
        QCOMPARE(w.browser()->rowData(1, ImageBrowser::StateRole).toString(), QStringLiteral("unreadable"));
    }

    void englishHasItsPluralForms()
    {
        // English needs no translation, but "%n pass(es)" reads "2 passes" through its own file.
        QTranslator tr;
        QVERIFY(tr.load(QStringLiteral("samsp_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&tr);
        QCOMPARE(QCoreApplication::translate("samsp::ui::PassViewer", "%n pass(es), all run.", nullptr, 2), QStringLiteral("2 passes, all run."));
        QCOMPARE(QCoreApplication::translate("samsp::ui::PassViewer", "%n pass(es), all run.", nullptr, 1), QStringLiteral("1 pass, all run."));
        QCoreApplication::removeTranslator(&tr);
    }

    void translationsAreBuiltIn_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << "de" << "&Datei";
        QTest::newRow("ja") << "ja" << QString::fromUtf8("ファイル(&F)");
        QTest::newRow("zh_CN") << "zh_CN" << QString::fromUtf8("文件(&F)");
    }
    void translationsAreBuiltIn()
    {
        QFETCH(QString, lang);
        QFETCH(QString, file);
        QTranslator tr;
        QVERIFY(tr.load(QLocale(lang), "samsp", "_", ":/i18n"));
        QCoreApplication::installTranslator(&tr);
        MainWindow w;
        w.setProjectStore(m_store.path());
        QCOMPARE(w.menuBar()->actions().first()->text(), file);
        QCoreApplication::removeTranslator(&tr);
    }

    void germanSentencesAreWholeNotAssembledFromEnglish()
    {
        // Sentences the window builds from numbers and states (pass summary, device) are
        // whole translated sentences with plurals, no English fragments glued in.
        QTranslator tr;
        QVERIFY(tr.load(QLocale(QStringLiteral("de")), "samsp", "_", ":/i18n"));
        QCoreApplication::installTranslator(&tr);
        {
            MainWindow w;
            w.setProjectStore(m_store.path());
            QSignalSpy ready(&w, &MainWindow::modelReady);
            QSignalSpy proposed(&w, &MainWindow::proposalShown);
            w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
            QVERIFY(ready.wait(30000));
            w.show();
            QVERIFY(openAndWait(w, m_samples));
            QVERIFY(proposed.wait(30000));
            const QString summary = w.passViewer()->findChild<QLabel*>(QStringLiteral("passSummary"))->text();
            QVERIFY2(summary.contains(QStringLiteral("Durchg")) && summary.contains(QStringLiteral("Kodieren")), qPrintable(summary));
            for (const char* english : {"pass(es)", "converged", "ran ", "Encode"})
                QVERIFY2(!summary.contains(QLatin1String(english)), qPrintable(summary));
            QString status;
            for (auto* l : w.statusBar()->findChildren<QLabel*>()) status += l->text() + QLatin1Char('|');
            QVERIFY2(status.contains(QStringLiteral("Threads")) || status.contains(QStringLiteral("Thread,")), qPrintable(status));
            QVERIFY2(!status.contains(QStringLiteral("threads")), qPrintable(status));
        }
        // File errors from the core layers are German sentences too (not English glued in),
        // and the same in the window: a broken file in a folder.
        {
            const QString missing = errorText(samsp::imaging::ImageError("/x/a.png", "file does not exist", samsp::imaging::ImageProblem::Missing));
            QVERIFY2(missing.contains(QStringLiteral("/x/a.png")) && !missing.contains(QStringLiteral("does not exist")), qPrintable(missing));
            const QString frames = errorText(samsp::imaging::ImageError("/x/b.tif", "has 3 page(s); page 5 requested",
                                                                        samsp::imaging::ImageProblem::NoSuchFrame, {}, 3, 5));
            QVERIFY2(frames.contains(QStringLiteral("3")) && frames.contains(QStringLiteral("5")) && !frames.contains(QStringLiteral("frame(s)")),
                     qPrintable(frames));
            const QString model = errorText(samsp::model::CheckpointError("checkpoint '/m/bad.pth': is neither a PyTorch zip checkpoint nor a safetensors file",
                                                                         samsp::model::CheckpointProblem::NotACheckpoint, "/m/bad.pth"));
            QVERIFY2(model.contains(QStringLiteral("/m/bad.pth")) && !model.contains(QStringLiteral("neither")), qPrintable(model));
            // Reads and writes of the formats layer: known by kind, said in German.
            namespace fmt = samsp::formats;
            const QString full = errorText(fmt::WriteError::system("/x/out.png", ENOSPC));
            QVERIFY2(full.contains(QStringLiteral("/x/out.png")) && !full.contains(QStringLiteral("cannot write")) &&
                         !full.contains(QStringLiteral("No space")) && !full.contains(QStringLiteral("disk is full")),
                     qPrintable(full));
            const QString denied = errorText(fmt::WriteError::system("/x/out.png", EACCES));
            QVERIFY2(!denied.contains(QStringLiteral("ermission denied")), qPrintable(denied));
            const QString folder = errorText(fmt::WriteError::noFolder("/x/y/out.json", "/x/y"));
            QVERIFY2(folder.contains(QStringLiteral("/x/y")) && !folder.contains(QStringLiteral("does not exist")), qPrintable(folder));
            const QString json = errorText(fmt::ReadError::notJson("/x/p.json"));
            QVERIFY2(json.contains(QStringLiteral("/x/p.json")) && !json.contains(QStringLiteral("cannot read")) &&
                         !json.contains(QStringLiteral("not JSON")),
                     qPrintable(json));
            const QString seg = errorText(fmt::ReadError::invalid("/x/s.dcm", "DICOM SEG", "Rows / Columns missing"));
            QVERIFY2(seg.contains(QStringLiteral("DICOM SEG")) && seg.contains(QStringLiteral("Rows / Columns missing")) &&
                         !seg.contains(QStringLiteral("not a valid")),
                     qPrintable(seg));
            const QString oom = errorText(samsp::model::ModelError("encode: the GPU ran out of memory (CUDA out of memory. Tried to allocate 2.00 GiB); use a smaller batch, bf16, or --device cpu",
                                                                  samsp::model::ModelProblem::GpuOutOfMemory, "encode", "CUDA out of memory. Tried to allocate 2.00 GiB"));
            QVERIFY2(oom.contains(QStringLiteral("GPU")) && oom.contains(QStringLiteral("2.00 GiB")) && !oom.contains(QStringLiteral("ran out of memory")),
                     qPrintable(oom));
            for (const QString& t : {full, denied, folder, json, seg})
                QVERIFY2(!t.contains(QStringLiteral("Cannot ")), qPrintable(t));
            QTemporaryDir d;
            std::ofstream((d.path() + "/broken.png").toStdString()) << "not really a png";
            MainWindow w;
            w.setProjectStore(m_store.path());
            QSignalSpy failed(&w, &MainWindow::imageFailed);
            QVERIFY(openAndWait(w, d.path()));
            QVERIFY(failed.count() > 0 || failed.wait(10000));
            const QString err = failed.first().at(1).toString();
            QVERIFY2(err.contains(QStringLiteral("broken.png")) && !err.contains(QStringLiteral("not a readable image")), qPrintable(err));
        }
        QCoreApplication::removeTranslator(&tr);
    }

    void proposalArrivesWithoutClicksAndPassesAreBrowsable()
    {
        const QString model = QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors");
        QVERIFY2(QFileInfo::exists(model), "the bundled default model is missing");
        QTemporaryDir store; // a project of its own: nothing proposed before (a saved proposal would be kept)
        MainWindow w;
        w.setProjectStore(store.path());
        ProposalSettings s;
        s.passes = 2;
        s.earlyStopIou = 2.0; // always run K = 2 prompted passes: K + 1 rows
        w.setProposalSettings(s);
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        QVERIFY(loadModelAndShow(w));
        QVERIFY(openAndWait(w, m_samples));
        QVERIFY(proposed.wait(30000));
        const Proposal& p = w.proposal();
        QVERIFY2(p.found, qPrintable(p.message));
        QCOMPARE(w.passViewer()->passCount(), 3);
        // The bundled model's IoU head is trained: every pass shows its predicted IoU as a
        // number in [0, 1]. A model whose head was never trained says so instead of showing
        // a meaningless (negative) number.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(p.passes[i].predictedIou.has_value());
            QVERIFY(*p.passes[i].predictedIou >= 0.0 && *p.passes[i].predictedIou <= 1.0);
            const QString row = w.passViewer()->list()->item(i)->text();
            QVERIFY2(row.contains(QString::number(*p.passes[i].predictedIou, 'f', 3)) && !row.contains(QStringLiteral("not calibrated")),
                     qPrintable(row));
        }
        {
            Proposal uncalibrated = p;
            for (auto& pass : uncalibrated.passes) pass.predictedIou.reset();
            PassViewer other;
            other.setProposal(uncalibrated);
            QVERIFY2(other.list()->item(0)->text().contains(QStringLiteral("not calibrated")), qPrintable(other.list()->item(0)->text()));
        }
        // The final pass is shown: its mask and its prompt box.
        QCOMPARE(w.passViewer()->currentPass(), 2);
        QCOMPARE(w.canvas()->overlayMask(), p.passes[2].mask);
        QVERIFY(w.canvas()->showsPromptBox());
        // Step back with the keyboard to pass 0: no prompt, pass 0's mask.
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_BracketLeft);
        QTest::keyClick(&w, Qt::Key_BracketLeft);
        QCOMPARE(w.passViewer()->currentPass(), 0);
        QCOMPARE(w.canvas()->overlayMask(), p.passes[0].mask);
        QVERIFY(!w.canvas()->showsPromptBox());
        QCOMPARE(w.canvas()->promptPointCount(), 0);
        // Clicking a row shows that pass.
        auto* list = w.passViewer()->list();
        const QRect r1 = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r1.center());
        QCOMPARE(w.passViewer()->currentPass(), 1);
        QCOMPARE(w.canvas()->overlayMask(), p.passes[1].mask);
        QVERIFY(w.canvas()->showsPromptBox());
        // The mask covers a plausible part of the image (a structure, not all or nothing).
        const double frac = double(p.passes[2].area) / (256.0 * 256.0);
        QVERIFY2(frac > 0.02 && frac < 0.6, qPrintable(QString::number(frac)));
        // Moving on drops the old proposal and makes a new one.
        proposed.clear();
        QTest::keyClick(&w, Qt::Key_N);
        QVERIFY(proposed.wait(30000));
        QVERIFY(w.proposal().path.endsWith(w.browser()->text(1)));
    }

    // The whole flow, driven with keys and mouse clicks like a user.
    void proposeRefineEditUndoAutosaveReopen()
    {
        QTemporaryDir folder;
        for (const QString& f : QDir(m_samples).entryList({QStringLiteral("*.png")}))
            QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + f, folder.path() + QLatin1Char('/') + f));
        cv::Mat proposed, refined, brushed, second;
        QString firstKey;
        {
            MainWindow w;
            ProposalSettings s;
            s.passes = 2;
            s.earlyStopIou = 2.0;
            w.setProposalSettings(s);
            QSignalSpy shown(&w, &MainWindow::proposalShown);
            QVERIFY(loadModelAndShow(w));
            QVERIFY(openAndWait(w, folder.path()));
            QCOMPARE(w.projectPath(), folder.path() + QStringLiteral("/project.samsp.json"));
            // 1. The proposal arrives without a click; K + 1 passes are listed.
            QVERIFY(shown.wait(30000));
            QVERIFY(w.proposal().found);
            QCOMPARE(w.passViewer()->passCount(), 3);
            firstKey = w.currentKey();
            proposed = w.document()->activeMask().clone();
            QVERIFY(cv::countNonZero(proposed) > 0);
            QCOMPARE(w.browser()->rowData(w.browser()->currentRow(), Qt::UserRole + 3).toString(), QStringLiteral("proposed"));
            // 2. Selecting another pass changes the overlay; the result stays the final pass.
            w.activateWindow();
            QTest::keyClick(&w, Qt::Key_BracketLeft);
            QTest::keyClick(&w, Qt::Key_BracketLeft);
            QCOMPARE(w.canvas()->overlayMask(), w.proposal().passes[0].mask);
            QTest::keyClick(&w, Qt::Key_BracketRight);
            QTest::keyClick(&w, Qt::Key_BracketRight);
            // 3. A negative point inside the mask (Points tool, right click): the mask changes.
            QTest::keyClick(&w, Qt::Key_T);
            QCOMPARE(w.canvas()->tool(), ImageCanvas::Tool::Points);
            cv::Point inside(-1, -1);
            {
                cv::Mat dist;
                cv::Mat m = proposed.clone();
                // the pixel deepest inside: far from the border of the mask
                int best = -1;
                for (int y = 0; y < m.rows; y += 2)
                    for (int x = 0; x < m.cols; x += 2) {
                        if (!m.at<uchar>(y, x)) continue;
                        int d = 0;
                        while (d < 40 && y - d >= 0 && y + d < m.rows && x - d >= 0 && x + d < m.cols && m.at<uchar>(y - d, x) &&
                               m.at<uchar>(y + d, x) && m.at<uchar>(y, x - d) && m.at<uchar>(y, x + d))
                            ++d;
                        if (d > best) best = d, inside = {x, y};
                    }
            }
            QSignalSpy refinedSpy(&w, &MainWindow::maskRefined);
            const QPoint at = w.canvas()->mapFromImage(QPointF(inside.x, inside.y));
            QTest::mouseClick(w.canvas()->viewport(), Qt::RightButton, {}, at);
            QVERIFY(refinedSpy.wait(10000));
            refined = w.document()->activeMask().clone();
            QVERIFY2(cv::countNonZero(refined != proposed) > 0, "the negative point did not change the mask");
            QCOMPARE(w.canvas()->promptPointCount(), 1);
            // 4. A brush stroke (one undo step) paints a line of pixels.
            QTest::keyClick(&w, Qt::Key_D);
            const int stepsBefore = w.document()->undoStack()->count();
            dragOnCanvas(w.canvas(), QPointF(10, 10), QPointF(60, 14));
            QCOMPARE(w.document()->undoStack()->count(), stepsBefore + 1);
            // While brushing, only the stroke's box of the overlay was repainted.
            QVERIFY2(w.canvas()->lastOverlayUpdate().width() < 100 && w.canvas()->lastOverlayUpdate().height() < 40,
                     qPrintable(QStringLiteral("%1x%2").arg(w.canvas()->lastOverlayUpdate().width()).arg(w.canvas()->lastOverlayUpdate().height())));
            brushed = w.document()->activeMask().clone();
            QVERIFY(brushed.at<uchar>(12, 35) == 255);
            // The Instances panel says so at once.
            QVERIFY2(w.instancesList()->item(0)->text().contains(QStringLiteral("edited")),
                     qPrintable(w.instancesList()->item(0)->text()));
            QVERIFY(cv::countNonZero(brushed != refined) > 0);
            // 5. Undo / redo restore exact masks.
            QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(cv::countNonZero(w.document()->activeMask() != refined), 0);
            QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(cv::countNonZero(w.document()->activeMask() != proposed), 0);
            QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(cv::countNonZero(w.document()->activeMask() != brushed), 0);
            QCOMPARE(w.canvas()->overlayMask().size(), QSize(brushed.cols, brushed.rows));
            // 5b. A second instance (A) from a box prompt; the first one is kept as it was.
            QTest::keyClick(&w, Qt::Key_A);
            QCOMPARE(w.instanceCount(), 2);
            QCOMPARE(w.activeInstance(), 1);
            QTest::keyClick(&w, Qt::Key_B);
            refinedSpy.clear();
            dragOnCanvas(w.canvas(), QPointF(5, 175), QPointF(90, 250));
            QVERIFY(refinedSpy.wait(10000));
            second = w.document()->activeMask().clone();
            QVERIFY(cv::countNonZero(second) > 0);
            QCOMPARE(w.instancesList()->count(), 2);
            // The new instance comes from its own box only: nothing outside the box (the
            // bundled model, asked with a box alone, answers with its automatic proposal).
            {
                cv::Mat outside = second.clone();
                outside(cv::Rect(5, 175, 86, 76)).setTo(0);
                QCOMPARE(cv::countNonZero(outside), 0);
            }
            // Two instances of the same label are drawn in colours one can tell apart.
            {
                auto swatch = [&](int row) { return w.instancesList()->item(row)->icon().pixmap(12, 12).toImage().pixel(6, 6); };
                QVERIFY(swatch(0) != swatch(1));
            }
            // Selecting the first instance in the list brings back its exact mask.
            QTest::mouseClick(w.instancesList()->viewport(), Qt::LeftButton, {},
                              w.instancesList()->visualItemRect(w.instancesList()->item(0)).center());
            QCOMPARE(w.activeInstance(), 0);
            QCOMPARE(cv::countNonZero(w.document()->activeMask() != brushed), 0);
            // 6. Next image (N) saves the edited mask into the project file.
            // (written on a worker a moment later, not on the key press)
            QSignalSpy savedSpy(&w, &MainWindow::saved);
            const int shownBefore = static_cast<int>(shown.count());
            QTest::keyClick(&w, Qt::Key_N);
            QVERIFY(savedSpy.count() >= 1 || savedSpy.wait(10000));
            const auto p = samsp::pipeline::Project::load(folder.path().toStdString() + "/project.samsp.json");
            const auto* item = p.find(firstKey.toStdString());
            QVERIFY(item);
            QCOMPARE(item->annotation.instances.size(), size_t(2));
            QCOMPARE(item->annotation.instances[0].source, samsp::annotation::Source::Edited);
            QCOMPARE(cv::countNonZero(samsp::annotation::rleDecodeMat(item->annotation.instances[0].mask) != brushed), 0);
            QCOMPARE(item->annotation.instances[1].source, samsp::annotation::Source::Manual);
            QCOMPARE(cv::countNonZero(samsp::annotation::rleDecodeMat(item->annotation.instances[1].mask) != second), 0);
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() > shownBefore, 30000); // the second image's proposal
            // 7. Accept (Enter) marks the second image and moves on.
            const QString second = w.currentKey();
            QTest::keyClick(&w, Qt::Key_Return);
            QCOMPARE(w.project().find(second.toStdString())->state, samsp::pipeline::ItemState::Accepted);
            // 7b. File > Export (Ctrl+E): accepted items only by default, counted as items and
            // files (the project file is not an export); then accepted and proposed.
            QTemporaryDir exportDir;
            for (const bool all : {false, true}) {
                w.setDialogHook([&](QDialog* dlg) {
                    QTimer::singleShot(0, dlg, [dlg, all, &exportDir] {
                        auto* format = dlg->findChild<QComboBox*>(QStringLiteral("exportFormat"));
                        QCOMPARE(format->itemText(format->findData(QStringLiteral("labelme"))), QStringLiteral("LabelMe JSON (polygons)"));
                        format->setCurrentIndex(format->findData(QStringLiteral("png")));
                        auto* which = dlg->findChild<QComboBox*>(QStringLiteral("exportWhich"));
                        QCOMPARE(which->currentIndex(), 0);
                        which->setCurrentIndex(all ? 1 : 0);
                        dlg->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(exportDir.path() + (all ? "/all" : "/accepted"));
                        QTest::mouseClick(dlg->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
                    });
                });
                w.activateWindow();
                QVERIFY(QTest::qWaitForWindowActive(&w));
                QSignalSpy exportedSpy(&w, &MainWindow::exported);
                QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
                QVERIFY(exportedSpy.count() >= 1 || exportedSpy.wait(30000)); // written on a worker
                const QString expect = all ? QStringLiteral("Exported 2 item(s)") : QStringLiteral("Exported 1 item(s)");
                QVERIFY2(w.lastExport().startsWith(expect), qPrintable(w.lastExport()));
                QVERIFY2(w.lastExport().contains(all ? QStringLiteral("2 file(s)") : QStringLiteral("1 file(s)")), qPrintable(w.lastExport()));
                QCOMPARE(QDir(exportDir.path() + (all ? "/all/masks" : "/accepted/masks")).entryList(QDir::Files).size(), all ? 2 : 1);
            }
            w.setDialogHook({});
        }
        // 8. Reopen: the first image shows the mask as it was left, not a new proposal.
        {
            MainWindow w;
            QSignalSpy shownImg(&w, &MainWindow::imageShown);
            w.show();
            QVERIFY(openAndWait(w, folder.path()));
            QVERIFY(shownImg.wait(10000));
            QCOMPARE(w.currentKey(), firstKey);
            QCOMPARE(cv::countNonZero(w.document()->activeMask() != brushed), 0);
            QCOMPARE(w.instanceCount(), 2);
            QVERIFY(!w.canvas()->overlayMask().isNull());
            QCOMPARE(w.browser()->rowData(1, Qt::UserRole + 3).toString(), QStringLiteral("accepted"));
        }
    }

    // Undo belongs to the image: kept when going to another image and back, and it
    // covers deleting an instance and accepting, not only mask edits.
    void studioClicksAreTheBenchmarksClicks()
    {
        // The Points tool on the proposal decodes exactly what `samsp eval --interactive`
        // measures: samsp::pipeline::ClickPrompter with the default ClickFlow (each click with the
        // previous decode's logits as mask input). Computed here a second time with the
        // engine alone, on the same model input, and compared pixel by pixel.
        QTemporaryDir folder;
        QVERIFY(QFile::copy(m_samples + QStringLiteral("/synth_7_00001.png"), folder.path() + QStringLiteral("/a.png")));
        const QString modelPath = QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors");
        // fp32 in both, so the two computations can agree to the pixel.
        QSettings().setValue(QStringLiteral("model/precision"), QStringLiteral("fp32"));
        const auto restore = qScopeGuard([] { QSettings().remove(QStringLiteral("model/precision")); });
        MainWindow w;
        ProposalSettings s;
        w.setProposalSettings(s);
        QSignalSpy shown(&w, &MainWindow::proposalShown);
        QVERIFY(loadModelAndShow(w));
        QVERIFY(openAndWait(w, folder.path()));
        QVERIFY(shown.wait(30000));
        QVERIFY(w.proposal().found);
        const cv::Mat proposed = w.document()->activeMask().clone();

        // The same start, computed apart from the studio.
        auto engine = samsp::model::SamEngine::fromCheckpoint(modelPath.toStdString(), samsp::model::EngineOptions{samsp::model::DeviceChoice::Cpu, samsp::model::parsePrecision("fp32")});
        const QImage rgb = w.document()->modelInput().convertToFormat(QImage::Format_RGB888);
        const auto emb = engine->encode(samsp::model::ImageU8{rgb.constBits(), rgb.width(), rgb.height(), rgb.bytesPerLine()});
        const auto sp = samsp::model::runSelfPrompt(*engine, emb, s, true);
        QVERIFY(sp.found);
        QCOMPARE(cv::countNonZero(samsp::pipeline::maskTensorToMat(sp.mask) != proposed), 0);

        // Two clicks: a negative one deep inside the proposal, a positive one off its edge.
        cv::Mat dist;
        cv::Mat padded;
        cv::copyMakeBorder(proposed, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
        cv::distanceTransform(padded, dist, cv::DIST_L2, 3);
        cv::Point deep;
        cv::minMaxLoc(dist, nullptr, nullptr, nullptr, &deep);
        deep -= cv::Point(1, 1);
        const cv::Rect bb = cv::boundingRect(proposed);
        const cv::Point outside(std::min(proposed.cols - 3, bb.x + bb.width + 6), deep.y);
        const at::Tensor startLogits = sp.trace[static_cast<size_t>(sp.finalPass)].lowResLogits;

        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_T);
        QSignalSpy refined(&w, &MainWindow::maskRefined);
        auto click = [&](const cv::Point& at, Qt::MouseButton b) {
            refined.clear();
            QTest::mouseClick(w.canvas()->viewport(), b, {}, w.canvas()->mapFromImage(QPointF(at.x, at.y)));
            return refined.wait(10000);
        };
        // The clicks where the studio put them (a canvas click lands on a screen pixel).
        auto placed = [&] {
            std::vector<samsp::model::PromptPoint> v;
            const auto& pr = w.document()->prompts();
            for (int i = 0; i < pr.points.size(); ++i) v.push_back({pr.points[i].x(), pr.points[i].y(), pr.labels[i]});
            return v;
        };
        // The benchmark's decode of the same clicks, one after the other.
        auto benchmark = [&](const std::vector<samsp::model::PromptPoint>& clicks, samsp::pipeline::ClickFlow flow) {
            samsp::pipeline::ClickPrompter prompter(flow, samsp::pipeline::startBoxOf(sp), startLogits);
            cv::Mat m;
            for (size_t k = 1; k <= clicks.size(); ++k) {
                const auto p = engine->decodeInteractive(emb, prompter.prompts({clicks.begin(), clicks.begin() + static_cast<std::ptrdiff_t>(k)}), true);
                prompter.decoded(p.lowResLogits);
                m = samsp::pipeline::maskTensorToMat(p.masks[0]);
            }
            return m;
        };
        QVERIFY(click(deep, Qt::RightButton));
        const auto first = placed();
        QCOMPARE(first.size(), size_t(1));
        const cv::Mat one = benchmark(first, {});
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != one), 0);
        QVERIFY(click(outside, Qt::LeftButton));
        const auto both = placed();
        QCOMPARE(both.size(), size_t(2));
        const cv::Mat two = benchmark(both, {});
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != two), 0);
        // The chain matters here: the second click decoded with the start's logits (not the
        // first click's) and the start's box, the studio's flow before, gives another mask.
        QVERIFY2(cv::countNonZero(benchmark(both, samsp::pipeline::ClickFlow{false, true}) != two) > 0,
                 "the two flows agree on this image");
        // Undo takes the second click away with its mask; redo brings both back. A new click
        // after the undo decodes from the first click's logits, as if the undone one never was.
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.canvas()->promptPointCount(), 1);
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != one), 0);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.canvas()->promptPointCount(), 2);
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != two), 0);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(click(cv::Point(std::max(2, bb.x - 6), deep.y), Qt::LeftButton));
        const auto other = placed();
        QCOMPARE(other.size(), size_t(2));
        QCOMPARE(other[0].x, first[0].x);
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != benchmark(other, {})), 0);
        // The clicks on a mask SAM-SP did not give as it stands: from its binary mask.
        auto fromMask = [&](const cv::Mat& shown, const std::vector<samsp::model::PromptPoint>& clicks) {
            const cv::Mat bytes = shown / 255;
            samsp::pipeline::ClickPrompter prompter(samsp::pipeline::ClickFlow{}, std::nullopt,
                                                    samsp::model::seedLogitsFromMask(bytes.data, bytes.cols, bytes.rows, emb.frame));
            return samsp::pipeline::maskTensorToMat(engine->decodeInteractive(emb, prompter.prompts(clicks), true).masks[0]);
        };
        // Clear the prompts (C) and click the first point again: the click corrects the mask
        // on screen (the two clicks' answer), with nothing of the cleared clicks' chain.
        QTest::keyClick(&w, Qt::Key_C);
        QCOMPARE(w.canvas()->promptPointCount(), 0);
        const cv::Mat answered = w.document()->activeMask().clone();
        QVERIFY(click(deep, Qt::RightButton));
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != fromMask(answered, placed())), 0);
        // "Use this pass" (U) on pass 0: clicks then correct pass 0, from its logits.
        QVERIFY(sp.finalPass > 0);
        QTest::keyClick(&w, Qt::Key_C);
        for (int i = 0; i < w.passViewer()->passCount(); ++i) QTest::keyClick(&w, Qt::Key_BracketLeft);
        QTest::keyClick(&w, Qt::Key_U);
        QCOMPARE(w.document()->usedPass(), 0);
        QVERIFY(click(deep, Qt::RightButton));
        const auto onPass0 = placed();
        samsp::pipeline::ClickPrompter fromPass0(samsp::pipeline::ClickFlow{}, sp.trace[0].box, sp.trace[0].lowResLogits);
        const cv::Mat pass0Click = samsp::pipeline::maskTensorToMat(engine->decodeInteractive(emb, fromPass0.prompts(onPass0), true).masks[0]);
        QVERIFY2(cv::countNonZero(pass0Click != benchmark(onPass0, {})) > 0, "pass 0 and the final pass give the same click");
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != pass0Click), 0);
        // A mask edited by hand (a brush stroke): the clicks correct the mask on screen, from
        // its binary mask, not the pass it came from.
        QTest::keyClick(&w, Qt::Key_C);
        QTest::keyClick(&w, Qt::Key_D);
        dragOnCanvas(w.canvas(), QPointF(bb.x + 2, bb.y + 2), QPointF(bb.x + bb.width / 2, bb.y + 4));
        QTest::keyClick(&w, Qt::Key_E);
        dragOnCanvas(w.canvas(), QPointF(bb.x + bb.width / 2, bb.y + bb.height - 6), QPointF(bb.x + bb.width - 4, bb.y + bb.height - 6));
        const cv::Mat edited = w.document()->activeMask().clone();
        QTest::keyClick(&w, Qt::Key_T);
        QVERIFY(click(deep, Qt::RightButton));
        const cv::Mat editedClick = fromMask(edited, placed());
        QVERIFY2(cv::countNonZero(editedClick != pass0Click) > 0, "the edit does not change the click's answer");
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != editedClick), 0);
    }

    void undoHistoryStaysWithItsImage()
    {
        QTemporaryDir folder;
        for (const QString& f : QDir(m_samples).entryList({QStringLiteral("*.png")}))
            QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + f, folder.path() + QLatin1Char('/') + f));
        MainWindow w;
        w.setProjectStore(m_store.path());
        QSignalSpy ready(&w, &MainWindow::modelReady);
        w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
        QVERIFY(ready.wait(30000));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy shown(&w, &MainWindow::proposalShown);
        QVERIFY(openAndWait(w, folder.path()));
        QVERIFY(shown.wait(30000));
        const QString first = w.currentKey();
        const cv::Mat proposed = w.document()->activeMask().clone();
        QVERIFY(cv::countNonZero(proposed) > 0);
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_D);
        dragOnCanvas(w.canvas(), QPointF(10, 10), QPointF(60, 14));
        const cv::Mat brushed = w.document()->activeMask().clone();
        QVERIFY(cv::countNonZero(brushed != proposed) > 0);
        QTest::keyClick(&w, Qt::Key_Delete, Qt::ShiftModifier); // Delete Instance
        QCOMPARE(w.instanceCount(), 0);
        // To the next image and back.
        int before = static_cast<int>(shown.count());
        QTest::keyClick(&w, Qt::Key_N);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > before, 30000);
        QVERIFY(w.currentKey() != first);
        before = static_cast<int>(shown.count());
        QTest::keyClick(&w, Qt::Key_P);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > before, 30000);
        QCOMPARE(w.currentKey(), first);
        QCOMPARE(w.instanceCount(), 0); // the proposal did not come back over the deletion
        // Ctrl+Z: the deleted instance is back as it was; again: the stroke is undone.
        QCOMPARE(w.document()->undoStack()->undoText(), QStringLiteral("Delete instance"));
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.instanceCount(), 1);
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != brushed), 0);
        QVERIFY(!w.instancesList()->item(0)->text().isEmpty());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(cv::countNonZero(w.document()->activeMask() != proposed), 0);
        // Accepting is a step too: back on the image, Ctrl+Z makes it proposed again.
        QTest::keyClick(&w, Qt::Key_Return);
        QCOMPARE(w.project().find(first.toStdString())->state, samsp::pipeline::ItemState::Accepted);
        before = static_cast<int>(shown.count());
        QTest::keyClick(&w, Qt::Key_P);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > before, 30000);
        QCOMPARE(w.currentKey(), first);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.project().find(first.toStdString())->state, samsp::pipeline::ItemState::Proposed);
        QCOMPARE(w.browser()->rowData(w.browser()->currentRow(), ImageBrowser::StateRole).toString(), QStringLiteral("proposed"));
    }

    // Opening one image opens that image: its folder is not scanned and nothing is
    // written beside it.
    void openingAFileOpensThatFileAlone()
    {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("sub")));
        const QStringList files = QDir(m_samples).entryList({QStringLiteral("*.png")});
        QVERIFY(files.size() >= 3);
        QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + files[0], folder.path() + QStringLiteral("/a.png")));
        QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + files[1], folder.path() + QStringLiteral("/b.png")));
        QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + files[2], folder.path() + QStringLiteral("/sub/c.png")));
        MainWindow w;
        w.show();
        QSignalSpy opened(&w, &MainWindow::folderOpened);
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(w.openFile(folder.path() + QStringLiteral("/b.png")));
        QVERIFY(opened.wait(30000));
        QVERIFY(opened.first().at(0).toBool());
        QCOMPARE(w.browser()->count(), 1);
        QCOMPARE(w.browser()->text(0), QStringLiteral("b.png"));
        QVERIFY(shown.count() > 0 || shown.wait(10000));
        QVERIFY(w.currentPath().endsWith(QStringLiteral("b.png")));
        QVERIFY(w.saveNow());
        QVERIFY(!QFileInfo::exists(folder.path() + QStringLiteral("/project.samsp.json")));
        QVERIFY(!w.projectPath().startsWith(folder.path()));
        QVERIFY(QFileInfo::exists(w.projectPath()));
        QFile::remove(w.projectPath());
    }

    void dicomSeriesHasSlicesWindowAndValues()
    {
        QTemporaryDir folder;
        const QString src = QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/series_ct4");
        copyFiles(src, folder.path() + QStringLiteral("/ct"));
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::imageShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, folder.path()));
        QCOMPARE(w.browser()->count(), 1);
        QVERIFY(w.browser()->text(0).contains(QStringLiteral("4 slices")));
        QVERIFY(shown.wait(20000));
        QVERIFY(w.sliceSlider()->isVisible());
        QCOMPARE(w.sliceSlider()->maximum(), 3);
        QCOMPARE(w.currentSlice(), 2);
        // The wheel steps slices.
        QWheelEvent wheel(QPointF(20, 20), w.canvas()->viewport()->mapToGlobal(QPointF(20, 20)), {}, QPoint(0, -120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.canvas()->viewport(), &wheel);
        QCOMPARE(w.currentSlice(), 3);
        QVERIFY(w.currentKey().endsWith(QString::fromStdString(
            samsp::imaging::scanDicomFolder(src.toStdString()).series[0].slices[3].info.file.filename().string())));
        // Right-drag changes the window.
        const double width = w.window().width;
        const QPoint c = w.canvas()->viewport()->rect().center();
        QTest::mousePress(w.canvas()->viewport(), Qt::RightButton, {}, c);
        QMouseEvent drag(QEvent::MouseMove, QPointF(c + QPoint(40, 0)), w.canvas()->viewport()->mapToGlobal(QPointF(c + QPoint(40, 0))),
                         Qt::NoButton, Qt::RightButton, Qt::NoModifier);
        QApplication::sendEvent(w.canvas()->viewport(), &drag);
        QTest::mouseRelease(w.canvas()->viewport(), Qt::RightButton, {}, c + QPoint(40, 0));
        QVERIFY(w.window().width > width);
        // The read-out under the cursor gives Hounsfield units and the patient position.
        const QPoint px = w.canvas()->mapFromImage(QPointF(8.5, 8.5));
        QMouseEvent hover(QEvent::MouseMove, QPointF(px), w.canvas()->viewport()->mapToGlobal(QPointF(px)), Qt::NoButton, Qt::NoButton,
                          Qt::NoModifier);
        QApplication::sendEvent(w.canvas()->viewport(), &hover);
        const auto vol = samsp::imaging::loadVolume(samsp::imaging::scanDicomFolder(src.toStdString()).series[0]);
        const float hu = vol.slices[3].at<float>(8, 8);
        QVERIFY2(w.cursorReadout().contains(QStringLiteral("%1 HU").arg(double(hu), 0, 'f', 0)), qPrintable(w.cursorReadout()));
        QVERIFY(w.cursorReadout().contains(QStringLiteral("mm")));
    }

    void segmentationMadeElsewhereOpensOverItsSeries()
    {
        // dcmqi's liver SEG (made by 3D Slicer's editor) over its three CT slices: the
        // instances, label, codes and colour arrive, one Ctrl+Z takes the whole import
        // back; a SEG of another series is refused with the UID it needs; with an
        // ordinary image on screen the import says to open the series first.
        QTemporaryDir folder;
        const QString src = QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/seg/dcmqi/ct-3slice");
        copyFiles(src, folder.path());
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::imageShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, folder.path()));
        QVERIFY(shown.wait(20000));
        QCOMPARE(w.sliceSlider()->maximum(), 2);
        QSignalSpy imported(&w, &MainWindow::segmentationImported);
        QVERIFY(w.importSegmentation(QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/seg/dcmqi/liver.dcm")));
        QVERIFY(imported.wait(20000));
        QVERIFY2(imported.first().at(0).toBool(), qPrintable(imported.first().at(1).toString()));
        QVERIFY(imported.first().at(1).toString().contains(QStringLiteral("3 instance(s) on 3 slice(s)")));
        const auto* liver = w.project().labels.findByName("Liver");
        QVERIFY(liver);
        QCOMPARE(liver->type.meaning, std::string("Liver"));
        QCOMPARE(w.labelsList()->count(), static_cast<int>(w.project().labels.classes.size()));
        // Every slice holds its part, as the file's own references say.
        int total = 0;
        for (int k = 0; k <= 2; ++k) {
            w.sliceSlider()->setValue(k);
            QCOMPARE(w.instanceCount(), 1);
            QCOMPARE(w.instancesList()->count(), 1);
            total += cv::countNonZero(w.document()->mask(0));
        }
        QCOMPARE(total, 107098);
        QVERIFY(w.document()->state(0) == samsp::pipeline::ItemState::Proposed); // SEMIAUTOMATIC: to be reviewed
        // One step back for the whole import.
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        for (int k = 0; k <= 2; ++k) {
            w.sliceSlider()->setValue(k);
            QCOMPARE(w.instanceCount(), 0);
        }
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.instanceCount(), 1);
        // Saved with the project: the masks are there after a save.
        QVERIFY(w.saveNow());
        int saved = 0;
        for (const auto& it : samsp::pipeline::Project::load(w.projectPath().toStdString()).items) saved += !it.annotation.instances.empty();
        QCOMPARE(saved, 3);

        // Dropping the file on the window does the same (beside the series on screen).
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.instanceCount(), 0);
        imported.clear();
        {
            QMimeData md;
            md.setUrls({QUrl::fromLocalFile(QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/seg/dcmqi/liver.dcm"))});
            QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &md, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&w, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &md, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&w, &drop);
        }
        QVERIFY(imported.wait(20000));
        QVERIFY(imported.first().at(0).toBool());
        QCOMPARE(w.instanceCount(), 1);

        imported.clear();
        QVERIFY(w.importSegmentation(QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/seg/highdicom/seg_image_ct_binary.dcm")));
        QVERIFY(imported.wait(20000));
        QVERIFY(!imported.first().at(0).toBool());
        QVERIFY2(imported.first().at(1).toString().contains(QStringLiteral("1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.2")),
                 qPrintable(imported.first().at(1).toString()));

        QVERIFY(openAndWait(w, m_samples));
        QVERIFY(!w.importSegmentation(QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/seg/dcmqi/liver.dcm")));
        QVERIFY(w.lastError().contains(QStringLiteral("series")));
    }

    void propagationCarriesTheMaskThroughTheVolume()
    {
        // Nine slices, a disc on slices 3-7 (1-based): from the middle slice's proposal,
        // Ctrl+Shift+P proposes the disc on the others for review, never outside the
        // object, leaves an accepted slice alone, and one Ctrl+Z takes it all back; Esc
        // stops a run with what it made so far.
        QTemporaryDir folder;
        writePhantomSeries(folder.path(), 9, 3.0);
        MainWindow w;
        QSignalSpy ready(&w, &MainWindow::modelReady);
        w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
        QVERIFY(ready.wait(30000));
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, folder.path()));
        QVERIFY(proposed.wait(30000));
        QCOMPARE(w.currentSlice(), 4);
        QVERIFY(w.document()->hasMask());
        // Slice 6 (index 5) reviewed already: accepted with nothing on it.
        w.sliceSlider()->setValue(5);
        proposed.wait(5000); // its own proposal, if one is made
        while (w.instanceCount() > 0) w.document()->deleteInstance(0);
        w.document()->setState(samsp::pipeline::ItemState::Accepted);
        w.sliceSlider()->setValue(4);
        QVERIFY(w.document()->hasMask());
        const int stepsBefore = w.document()->undoStack()->count();

        QSignalSpy done(&w, &MainWindow::propagationDone);
        QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w.isPropagating());
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("reviewed slice(s) left as they were")),
                 qPrintable(done.first().at(1).toString()));
        QCOMPARE(w.document()->undoStack()->count(), stepsBefore + 1);
        auto instancesOn = [&](int k) {
            w.sliceSlider()->setValue(k);
            return w.instanceCount();
        };
        for (int k : {2, 3, 6}) {
            QCOMPARE(instancesOn(k), 1);
            QCOMPARE(w.document()->state(k), samsp::pipeline::ItemState::Proposed); // for review, not accepted
        }
        QCOMPARE(instancesOn(5), 0); // the accepted slice kept its (empty) review
        for (int k : {0, 1, 7, 8}) QCOMPARE(instancesOn(k), 0); // outside the object: nothing
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        for (int k : {2, 3, 6}) QCOMPARE(instancesOn(k), 0);

        // Esc right after the start: stopped, with no more than it had made.
        w.sliceSlider()->setValue(4);
        done.clear();
        QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("stopped")), qPrintable(done.first().at(1).toString()));
        QVERIFY(!w.isPropagating());
    }

    void realCtSeriesOpensAndProposes()
    {
        // The real 134-slice CT: one series row, the middle slice shown in HU with its
        // proposal (whatever the bundled model makes of it), no error on the way.
        MainWindow w;
        w.setProjectStore(m_store.path()); // nothing is written beside the shared data
        QSignalSpy ready(&w, &MainWindow::modelReady);
        w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
        QVERIFY(ready.wait(30000));
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        QSignalSpy failed(&w, &MainWindow::imageFailed);
        w.show();
        QVERIFY(openAndWait(w, QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/ct134")));
        QCOMPARE(w.browser()->count(), 1);
        QVERIFY(proposed.wait(60000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(w.sliceSlider()->maximum(), 133);
        QCOMPARE(w.currentSlice(), 67);
        QCOMPARE(w.canvas()->imageSize(), QSize(512, 512));
        QVERIFY(w.proposal().passes.size() >= 1);
        QVERIFY(w.lastError().isEmpty());
    }

    void sliceRangeIsProposedForReview()
    {
        QTemporaryDir folder;
        const QString src = QStringLiteral(SAMSP_SHARED_TESTDATA "/dicom/series_ct4");
        copyFiles(src, folder.path());
        MainWindow w;
        QSignalSpy ready(&w, &MainWindow::modelReady);
        w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
        QVERIFY(ready.wait(30000));
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        w.show();
        QVERIFY(openAndWait(w, folder.path()));
        QVERIFY(proposed.wait(30000)); // the middle slice
        // Changing the display window (right-drag) changes what the user sees, not what
        // the model sees: no new proposal, the model's input window stays.
        {
            const auto modelWindow = w.modelWindow();
            const auto display = w.window();
            const QImage before = w.proposal().passes.back().mask;
            proposed.clear();
            const QPoint c = w.canvas()->viewport()->rect().center();
            QTest::mousePress(w.canvas()->viewport(), Qt::RightButton, {}, c);
            QMouseEvent drag(QEvent::MouseMove, QPointF(c + QPoint(60, 30)), w.canvas()->viewport()->mapToGlobal(QPointF(c + QPoint(60, 30))),
                             Qt::NoButton, Qt::RightButton, Qt::NoModifier);
            QApplication::sendEvent(w.canvas()->viewport(), &drag);
            QTest::mouseRelease(w.canvas()->viewport(), Qt::RightButton, {}, c + QPoint(60, 30));
            QVERIFY(w.window().width != display.width);
            QVERIFY(!proposed.wait(1500));
            QCOMPARE(w.modelWindow().width, modelWindow.width);
            QCOMPARE(w.modelWindow().center, modelWindow.center);
            QCOMPARE(w.proposal().passes.back().mask, before);
        }
        QSignalSpy done(&w, &MainWindow::sliceRangeDone);
        w.proposeSliceRange(0, 3);
        QVERIFY(done.count() > 0 || done.wait(60000));
        int proposedItems = 0, accepted = 0;
        for (const auto& it : w.project().items) {
            proposedItems += it.state == samsp::pipeline::ItemState::Proposed;
            accepted += it.state == samsp::pipeline::ItemState::Accepted;
        }
        QCOMPARE(proposedItems, 4); // every slice proposed ...
        QCOMPARE(accepted, 0);      // ... none accepted without a person
        QVERIFY2(w.lastRangeSummary().contains(QStringLiteral("Slices 1–4")), qPrintable(w.lastRangeSummary()));
        // The strip under the slider and the series row show each slice's state.
        QCOMPARE(w.sliceStrip()->states(), (QVector<int>{1, 1, 1, 1}));
        QVERIFY2(w.browser()->text(0).contains(QStringLiteral("0 accepted, 4 proposed")), qPrintable(w.browser()->text(0)));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(w.sliceSlider(), Qt::Key_Home); // slice 1
        QTRY_COMPARE(w.currentSlice(), 0);
        // Whatever the model made of these slices, a person's brush stroke gives slice 1 a
        // mask before it is accepted: the stroke lies inside the 16 x 16 slices and adds
        // pixels to whatever mask was there.
        QCOMPARE(w.canvas()->imageSize(), QSize(16, 16));
        const int beforeStroke = cv::countNonZero(w.document()->activeMask());
        QTest::keyClick(&w, Qt::Key_D);
        dragOnCanvas(w.canvas(), QPointF(2, 13), QPointF(13, 13));
        QVERIFY2(cv::countNonZero(w.document()->activeMask()) > beforeStroke, qPrintable(QString::number(beforeStroke)));
        QTest::keyClick(&w, Qt::Key_Return); // accept slice 1: on to slice 2
        QTRY_COMPARE(w.currentSlice(), 1);
        QCOMPARE(w.sliceStrip()->states().at(0), 2);
        QVERIFY2(w.browser()->text(0).contains(QStringLiteral("1 accepted, 3 proposed")), qPrintable(w.browser()->text(0)));
        QTest::keyClick(&w, Qt::Key_Return); // accept slice 2
        QTRY_COMPARE(w.currentSlice(), 2);
        QTest::keyClick(&w, Qt::Key_P); // P and N walk slices
        QTRY_COMPARE(w.currentSlice(), 1);
        QTest::keyClick(&w, Qt::Key_N, Qt::ShiftModifier); // the next unreviewed slice: 3
        QTRY_COMPARE(w.currentSlice(), 2);
        // The dialog: presets and a visible "skip" option; with it, the 4 proposed slices
        // are skipped and the summary says so, slice by slice accounted for.
        const int current = w.currentSlice() + 1;
        w.setDialogHook([current](QDialog* dlg) {
            QTimer::singleShot(0, dlg, [dlg, current] {
                QTest::mouseClick(dlg->findChild<QPushButton*>(QStringLiteral("presetCurrent")), Qt::LeftButton);
                QCOMPARE(dlg->findChild<QSpinBox*>(QStringLiteral("fromSlice"))->value(), current);
                QVERIFY(dlg->findChild<QPushButton*>(QStringLiteral("presetExtent"))->isEnabled()); // slices have masks now
                QTest::mouseClick(dlg->findChild<QPushButton*>(QStringLiteral("presetAll")), Qt::LeftButton);
                QCOMPARE(dlg->findChild<QSpinBox*>(QStringLiteral("toSlice"))->value(), 4);
                QVERIFY(dlg->findChild<QCheckBox*>(QStringLiteral("skipProposed"))->isChecked());
                QTest::mouseClick(dlg->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
            });
        });
        done.clear();
        QMetaObject::invokeMethod(&w, "proposeSliceRangeDialog");
        QVERIFY(done.count() > 0 || done.wait(60000));
        QVERIFY2(w.lastRangeSummary().contains(QStringLiteral("0 proposed")) && w.lastRangeSummary().contains(QStringLiteral("4 skipped")),
                 qPrintable(w.lastRangeSummary()));
        w.setDialogHook({});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(w.projectPath()), 10000); // written on a worker, a moment later
    }

    void labellingLoopTrainsInTheBackgroundAndSwitchesModel()
    {
        // 12 real polyp images, 8 accepted (their ground-truth masks), 4 new: a short
        // round trains while the window keeps serving events, its model becomes the one
        // in use, and the untouched items are proposed again with the new identity.
        // Cancelling a round keeps the model; an earlier model can be chosen again.
        QTemporaryDir folder;
        const QString real = QStringLiteral(SAMSP_SHARED_TESTDATA "/../realdata/polyp-kvasir");
        QStringList names = QDir(real + QStringLiteral("/images")).entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 12);
        names = names.mid(0, 12);
        samsp::pipeline::Project project;
        for (int i = 0; i < names.size(); ++i) {
            const QString dst = folder.path() + QLatin1Char('/') + names[i];
            QVERIFY(QFile::copy(real + QStringLiteral("/images/") + names[i], dst));
            samsp::pipeline::ProjectItem it;
            it.key = names[i].toStdString();
            it.file = dst.toStdString();
            if (i < 8) {
                const QString maskFile = real + QStringLiteral("/masks/") + QFileInfo(names[i]).completeBaseName() + QStringLiteral(".png");
                cv::Mat m = cv::imread(maskFile.toStdString(), cv::IMREAD_GRAYSCALE);
                QVERIFY(!m.empty());
                it.annotation.image = it.key;
                it.annotation.width = m.cols, it.annotation.height = m.rows;
                it.annotation.addInstance(m > 127, 1, samsp::annotation::Source::Manual);
                it.state = samsp::pipeline::ItemState::Accepted;
            }
            project.items.push_back(it);
        }
        project.save((folder.path() + QStringLiteral("/project.samsp.json")).toStdString());

        const QString bundled = QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors");
        MainWindow w;
        QSignalSpy ready(&w, &MainWindow::modelReady);
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        w.setModel(bundled, "cpu");
        QVERIFY(ready.wait(30000));
        const QString firstId = ready.takeFirst().first().toString();
        w.show();
        QVERIFY(openAndWait(w, folder.path()));
        w.browser()->setCurrentRow(9); // a new item
        QVERIFY(proposed.wait(30000));

        // Cancel a round: the model in use stays.
        QSignalSpy finished(&w, &MainWindow::roundFinished);
        QVERIFY(w.trainOnAccepted(5.0));
        QVERIFY(w.isTraining());
        QVERIFY(!w.trainOnAccepted(5.0)); // one round at a time
        QTimer::singleShot(1500, &w, [&w] { w.cancelTraining(); });
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(w.modelPath(), bundled);

        // A real round: the timer keeps firing while it trains (no frozen window).
        finished.clear();
        QSignalSpy background(&w, &MainWindow::reproposalsDone);
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&ticks] { ++ticks; });
        tick.start(50);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w.trainOnAccepted(0.1));
        QVERIFY(finished.wait(180000));
        const double seconds = clock.elapsed() / 1000.0;
        tick.stop();
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        QVERIFY2(ticks > seconds * 5, qPrintable(QStringLiteral("%1 ticks in %2 s").arg(ticks).arg(seconds)));
        const QString roundModel = finished.first().at(1).toString();
        QVERIFY(roundModel.endsWith(QStringLiteral("models/round-1.safetensors")));
        QCOMPARE(w.modelPath(), roundModel);
        QVERIFY(ready.wait(30000)); // the new model loaded ...
        const QString newId = ready.takeFirst().first().toString();
        QVERIFY(newId != firstId);
        QVERIFY(proposed.count() > 0 || proposed.wait(30000)); // ... and the current new item proposed by it
        const auto* current = w.project().find(w.currentKey().toStdString());
        QVERIFY(current);
        QCOMPARE(w.project().model.checkpoint, std::string("models/round-1.safetensors"));
        if (w.proposal().found) {
            w.activateWindow();
            QTest::keyClick(&w, Qt::Key_N); // commit it; its trace names the round's model
            const auto* item = w.project().find(current->key);
            QVERIFY(!item->annotation.instances.empty());
            QVERIFY2(QString::fromStdString(item->annotation.instances.front().traceId).endsWith(newId),
                     item->annotation.instances.front().traceId.c_str());
        }
        // The other untouched items are proposed again in the background by the round's
        // model (its identity in their traces), without being opened.
        QVERIFY(background.count() > 0 || background.wait(60000));
        QCOMPARE(background.first().first().toInt(), 3); // 4 new items, the one on screen proposed there
        int byNewModel = 0;
        for (const auto& it : w.project().items) {
            if (it.state == samsp::pipeline::ItemState::Accepted || it.key == current->key) continue;
            QCOMPARE(it.state, samsp::pipeline::ItemState::Proposed);
            for (const auto& in : it.annotation.instances) {
                QVERIFY2(QString::fromStdString(in.traceId).endsWith(newId), in.traceId.c_str());
                QCOMPARE(in.source, samsp::annotation::Source::Automatic);
            }
            byNewModel += !it.annotation.instances.empty();
        }
        qInfo("%d of 3 background proposals found an object", byNewModel);
        // Accepted items are untouched by the round.
        int accepted = 0;
        for (const auto& it : w.project().items) accepted += it.state == samsp::pipeline::ItemState::Accepted;
        QCOMPARE(accepted, 8);
        // Going back to the model of before: its identity is the old one again.
        w.setModel(bundled, "cpu");
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.takeFirst().first().toString(), firstId);
    }

    void browserSortsByUncertainty()
    {
        // Proposals with a lower predicted IoU come first (View > Sort Images by
        // Uncertainty, Ctrl+U); reviewed items last; off again: by name.
        QTemporaryDir folder;
        const QStringList files = QDir(m_samples).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name).mid(0, 4);
        QCOMPARE(files.size(), 4);
        samsp::pipeline::Project project;
        const double scores[4] = {0.9, 0.2, -1, 0.5}; // -1: accepted
        for (int i = 0; i < 4; ++i) {
            QVERIFY(QFile::copy(m_samples + QLatin1Char('/') + files[i], folder.path() + QLatin1Char('/') + files[i]));
            samsp::pipeline::ProjectItem it;
            it.key = files[i].toStdString();
            it.file = (folder.path() + QLatin1Char('/') + files[i]).toStdString();
            it.annotation.image = it.key;
            it.annotation.width = it.annotation.height = 256;
            cv::Mat m = cv::Mat::zeros(256, 256, CV_8UC1);
            m(cv::Rect(10, 10, 20, 20)).setTo(255);
            it.annotation.addInstance(m, 1, samsp::annotation::Source::Automatic,
                                      scores[i] >= 0 ? std::optional<double>(scores[i]) : std::nullopt);
            it.state = scores[i] >= 0 ? samsp::pipeline::ItemState::Proposed : samsp::pipeline::ItemState::Accepted;
            project.items.push_back(it);
        }
        project.save((folder.path() + QStringLiteral("/project.samsp.json")).toStdString());
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, folder.path()));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_U, Qt::ControlModifier);
        QStringList order;
        for (int r = 0; r < w.browser()->count(); ++r) order << w.browser()->text(r);
        QCOMPARE(order, (QStringList{files[1], files[3], files[0], files[2]}));
        QTest::keyClick(&w, Qt::Key_U, Qt::ControlModifier);
        order.clear();
        for (int r = 0; r < w.browser()->count(); ++r) order << w.browser()->text(r);
        QCOMPARE(order, files);
    }

    void settingsEditShortcutsAndPasses()
    {
        MainWindow w;
        w.setProjectStore(m_store.path());
        ProposalSettings s;
        s.passes = 2;
        s.largestComponent = true; // not shown in the dialog: must come back unchanged
        s.minIslandFraction = 0.1;
        QAction next;
        next.setText(QStringLiteral("&Next Image"));
        next.setObjectName(QStringLiteral("nextImageTest"));
        next.setData(QStringLiteral("N"));
        next.setShortcut(QKeySequence(Qt::Key_N));
        QAction prev;
        prev.setText(QStringLiteral("&Previous Image"));
        prev.setObjectName(QStringLiteral("previousImageTest"));
        prev.setData(QStringLiteral("P"));
        prev.setShortcut(QKeySequence(Qt::Key_P));
        SettingsDialog dlg(s, {&next, &prev});
        dlg.show();
        QCOMPARE(dlg.shortcutTable()->rowCount(), 2);
        // Precision: automatic (the default), fp32, and bf16 only where the hardware has it.
        auto* precision = dlg.findChild<QComboBox*>(QStringLiteral("precisionBox"));
        QVERIFY(precision);
        QVERIFY(precision->findData(QStringLiteral("auto")) >= 0 && precision->findData(QStringLiteral("fp32")) >= 0);
        const int bf16Row = precision->findData(QStringLiteral("bf16"));
        QVERIFY(bf16Row >= 0);
        auto bf16Enabled = [](QComboBox* box, int row) {
            return qobject_cast<QStandardItemModel*>(box->model())->item(row)->isEnabled();
        };
        QCOMPARE(bf16Enabled(precision, bf16Row), samsp::model::nativeBf16Anywhere());
        {
            // On an AVX2-only CPU (forced), bf16 is offered disabled, with the reason.
            samsp::model::setCpuFeaturesOverride(samsp::model::cpuFeaturesFromCpuinfo("model name\t: AMD EPYC 7B13\nflags\t: fpu avx2 fma\n"));
            SettingsDialog avx2(s, {});
            auto* box = avx2.findChild<QComboBox*>(QStringLiteral("precisionBox"));
            const int row = box->findData(QStringLiteral("bf16"));
            const bool cudaBf16 = samsp::model::nativeBf16Anywhere(); // a bf16 GPU would still allow it
            QCOMPARE(bf16Enabled(box, row), cudaBf16);
            if (!cudaBf16)
                QVERIFY(box->itemData(row, Qt::ToolTipRole).toString().contains(QStringLiteral("no native bf16")));
            // Help > About names the CPU and what automatic precision picks, and why.
            AboutDialog about;
            QVERIFY(about.detailsText().contains(QStringLiteral("AMD EPYC 7B13")));
            QVERIFY(about.detailsText().contains(QStringLiteral("Precision (automatic): fp32")));
            samsp::model::setCpuFeaturesOverride(std::nullopt);
        }
        dlg.passesBox()->setValue(4);
        auto* edit = static_cast<QKeySequenceEdit*>(dlg.shortcutTable()->cellWidget(0, 1));
        edit->setKeySequence(QKeySequence(Qt::Key_J));
        QCOMPARE(dlg.proposalSettings().passes, 4);
        {
            // Which pass to keep: the last one by default; the keyboard picks the IoU head's choice.
            QComboBox* keep = dlg.keepBox();
            QVERIFY(keep);
            QVERIFY(dlg.proposalSettings().keep == samsp::model::KeepPass::Last);
            keep->setFocus();
            QTest::keyClick(keep, Qt::Key_Down);
            QVERIFY(dlg.proposalSettings().keep == samsp::model::KeepPass::BestPredictedIou);
            QVERIFY(keep->currentText().contains(QStringLiteral("predicted IoU")));
            QVERIFY(dlg.proposalSettings().largestComponent);
            QCOMPARE(dlg.proposalSettings().minIslandFraction, 0.1);
        }
        dlg.applyShortcuts();
        QCOMPARE(next.shortcut(), QKeySequence(Qt::Key_J));
        // A clash is refused with a message, and the dialog stays open.
        edit->setKeySequence(QKeySequence(Qt::Key_P));
        QTimer::singleShot(0, [&] {
            QTimer* t = new QTimer(&dlg);
            QObject::connect(t, &QTimer::timeout, [&] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) box->accept();
            });
            t->start(50);
        });
        QTest::mouseClick(dlg.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(dlg.isVisible());
        QSettings().remove(QStringLiteral("shortcuts/nextImageTest"));
        QSettings().remove(QStringLiteral("shortcuts/previousImageTest"));
    }

    void embeddingsComeBackFromTheDiskCache()
    {
        QTemporaryDir folder, cache;
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        for (const QString& f : QDir(m_samples).entryList({QStringLiteral("*.png")}))
            QFile::copy(m_samples + QLatin1Char('/') + f, folder.path() + QLatin1Char('/') + f);
        bool cachedFirst = true, cachedAgain = false;
        for (int run = 0; run < 2; ++run) {
            MainWindow w;
            QSignalSpy ready(&w, &MainWindow::modelReady);
            QSignalSpy proposed(&w, &MainWindow::proposalShown);
            w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
            QVERIFY(ready.wait(30000));
            QVERIFY(openAndWait(w, folder.path()));
            QVERIFY(proposed.wait(30000));
            (run == 0 ? cachedFirst : cachedAgain) = w.proposal().embeddingCached;
        }
        QVERIFY(!cachedFirst); // encoded the first time ...
        QVERIFY(cachedAgain);  // ... read back from disk in a new window
        int embFiles = 0; // the embeddings live under the cache folder given
        for (QDirIterator it(cache.path(), {QStringLiteral("*.emb")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
            ++embFiles;
        QVERIFY(embFiles >= 1);
        qunsetenv("XDG_CACHE_HOME");
    }

    void batchAndDatasetDialogs()
    {
        QTemporaryDir tmp;
        const QString in = tmp.path() + QStringLiteral("/in"), out = tmp.path() + QStringLiteral("/out");
        QDir().mkpath(in);
        for (const QString& f : QDir(m_samples).entryList({QStringLiteral("*.png")}))
            QFile::copy(m_samples + QLatin1Char('/') + f, in + QLatin1Char('/') + f);
        std::ofstream((in + QStringLiteral("/broken.png")).toStdString()) << "not an image";
        // The studio's model serves the batch: no second engine, and the window's own
        // proposals are still answered while it runs.
        MainWindow w;
        w.setProjectStore(m_store.path());
        QSignalSpy ready(&w, &MainWindow::modelReady);
        w.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), "cpu");
        QVERIFY(ready.wait(30000));
        const int engines = samsp::model::SamEngine::alive();
        QCOMPARE(engines, 1);
        w.show();
        ProposalSettings s;
        BatchDialog dlg(in, w.inferenceService(), QStringLiteral("samsp-default.safetensors"), s);
        dlg.show();
        dlg.outputEdit()->setText(out);
        QCheckBox* yolo = dlg.formatBox(QStringLiteral("yolo"));
        QTest::mouseClick(yolo, Qt::LeftButton, {}, QPoint(8, yolo->height() / 2)); // on its box
        QVERIFY(dlg.formatBox(QStringLiteral("yolo"))->isChecked());
        QSignalSpy done(&dlg, &BatchDialog::batchFinished);
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        QTest::mouseClick(dlg.runButton(), Qt::LeftButton);
        QVERIFY(openAndWait(w, m_samples)); // the studio works on while the batch runs
        QCOMPARE(samsp::model::SamEngine::alive(), 1);
        QVERIFY(done.count() > 0 || done.wait(120000));
        QVERIFY(proposed.count() > 0 || proposed.wait(30000));
        QVERIFY2(dlg.summary().contains(QStringLiteral("5 of 6")), qPrintable(dlg.summary()));
        QCOMPARE(dlg.failures().size(), 1);
        QVERIFY(dlg.failures().first().startsWith(QStringLiteral("broken.png")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/annotations.json")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/data.yaml")));
        QCOMPARE(QDir(out + QStringLiteral("/masks")).entryList(QDir::Files).size(), 5);

        // The dataset dialog on that project: accepted items only, split, card.
        auto project = samsp::pipeline::Project::load((out + QStringLiteral("/project.samsp.json")).toStdString());
        for (auto& it : project.items)
            if (it.error.empty()) it.state = samsp::pipeline::ItemState::Accepted;
        DatasetDialog ds(project, out.toStdString());
        ds.show();
        ds.outputEdit()->setText(tmp.path() + QStringLiteral("/dataset"));
        ds.formatBox()->setCurrentText(QStringLiteral("png"));
        QSignalSpy exported(&ds, &DatasetDialog::exported);
        QTest::mouseClick(ds.exportButton(), Qt::LeftButton);
        QVERIFY(exported.count() == 1 || exported.wait(30000)); // written on a worker
        QVERIFY(QFileInfo::exists(tmp.path() + QStringLiteral("/dataset/dataset_card.md")));
        QVERIFY(!QDir(tmp.path() + QStringLiteral("/dataset/train/masks")).entryList(QDir::Files).isEmpty());
    }

    void wrongModelFileGivesAClearError()
    {
        QTemporaryDir d;
        std::ofstream((d.path() + "/bad.pth").toStdString()) << "not a checkpoint";
        MainWindow w;
        w.setProjectStore(m_store.path());
        QSignalSpy err(&w, &MainWindow::modelError);
        // The message box would block: close it as soon as it shows.
        QTimer::singleShot(0, [&] {
            QTimer* t = new QTimer(&w);
            QObject::connect(t, &QTimer::timeout, [&] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) box->accept();
            });
            t->start(50);
        });
        w.setModel(d.path() + "/bad.pth", "cpu");
        QVERIFY(err.wait(10000));
        const QString e = err.first().first().toString();
        QVERIFY2(e.contains("bad.pth") && e.contains("neither a PyTorch zip checkpoint nor a safetensors"), qPrintable(e));
        QVERIFY(!w.isModelReady());
    }

    void aboutShowsVersionsDeviceAndBlas()
    {
        AboutDialog dlg;
        QVERIFY(dlg.modelText().contains(QStringLiteral("none loaded")));
        dlg.setModel(QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors"), QStringLiteral("abc-fp32-256"));
        // Its training record, as the file says it: the number of training images.
        const auto record = nlohmann::json::parse(samsp::model::readSafetensorsMetadata(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors").at("samsp.data"));
        const QString images = QStringLiteral("%1 images").arg(record.at("train_images").get<int>());
        QVERIFY2(dlg.modelText().contains(QStringLiteral("samsp-default.safetensors")) && dlg.modelText().contains(QStringLiteral("abc-fp32-256")) &&
                     dlg.modelText().contains(images),
                 qPrintable(dlg.modelText()));
        const QString t = dlg.detailsText();
        QVERIFY2(t.contains("LibTorch: 1.") || t.contains("LibTorch: 2."), qPrintable(t));
        QVERIFY(t.contains("Compute device: CPU") || t.contains("Compute device: CUDA"));
        QVERIFY(t.contains("BLAS: "));
        // On the project's machines OpenBLAS is selected by install-deps.sh: no warning.
        QVERIFY2(!t.contains("reference BLAS") || dlg.showsBlasWarning(), qPrintable(t));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
