// The studio's main window driven like a user: open the bundled samples, see an
// image, step with N/P, open About, and get a clear message for a broken file.

#include "about_dialog.h"
#include "image_canvas.h"
#include "main_window.h"
#include "pass_viewer.h"

#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace samsp::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
    const QString m_samples = QStringLiteral(SAMSP_SOURCE_DIR "/resources/samples");

private Q_SLOTS:
    void opensBundledSamplesAndShowsTheFirst()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(w.openFolder(m_samples));
        QVERIFY(w.browser()->count() >= 3);
        QVERIFY(shown.wait(10000));
        QVERIFY(w.canvas()->hasImage());
        QCOMPARE(w.canvas()->imageSize(), QSize(256, 256));
        QVERIFY(w.windowTitle().contains(w.browser()->item(0)->text()));
    }

    void keyboardStepsThroughImages()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy shown(&w, &MainWindow::imageShown);
        QVERIFY(w.openFolder(m_samples));
        QVERIFY(shown.wait(10000));
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_N);
        QVERIFY(shown.wait(10000));
        QCOMPARE(w.browser()->currentRow(), 1);
        QVERIFY(w.currentPath().endsWith(w.browser()->item(1)->text()));
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
        w.show();
        QSignalSpy failed(&w, &MainWindow::imageFailed);
        QVERIFY(w.openFolder(d.path()));
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
        QVERIFY(!w.openFolder(d.path()));
        QVERIFY(w.lastError().contains("no supported images"));
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
        QCOMPARE(w.menuBar()->actions().first()->text(), file);
        QCoreApplication::removeTranslator(&tr);
    }

    void proposalArrivesWithoutClicksAndPassesAreBrowsable()
    {
        const QString model = QStringLiteral(SAMSP_SOURCE_DIR "/resources/models/samsp-default.safetensors");
        QVERIFY2(QFileInfo::exists(model), "the bundled default model is missing");
        MainWindow w;
        ProposalSettings s;
        s.passes = 2;
        s.earlyStopIou = 2.0; // always run K = 2 prompted passes: K + 1 rows
        w.setProposalSettings(s);
        QSignalSpy ready(&w, &MainWindow::modelReady);
        QSignalSpy proposed(&w, &MainWindow::proposalShown);
        w.setModel(model, "cpu");
        QVERIFY(ready.wait(30000));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFolder(m_samples));
        QVERIFY(proposed.wait(30000));
        const Proposal& p = w.proposal();
        QVERIFY2(p.found, qPrintable(p.message));
        QCOMPARE(w.passViewer()->passCount(), 3);
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
        QVERIFY(w.proposal().path.endsWith(w.browser()->item(1)->text()));
    }

    void wrongModelFileGivesAClearError()
    {
        QTemporaryDir d;
        std::ofstream((d.path() + "/bad.pth").toStdString()) << "not a checkpoint";
        MainWindow w;
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
