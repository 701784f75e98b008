// The synthetic data generator: deterministic, one target per image, files
// written atomically with matching names.

#include "formats/atomic_file.h"
#include "formats/png_mask.h"
#include "pipeline/synth.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace samsp;

class TestSynth : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSamePixels()
    {
        pipeline::SynthOptions o;
        o.seed = 42;
        auto a = pipeline::synthSample(o, 3), b = pipeline::synthSample(o, 3);
        QVERIFY(cv::norm(a.rgb, b.rgb, cv::NORM_INF) == 0);
        QVERIFY(cv::norm(a.mask, b.mask, cv::NORM_INF) == 0);
        o.seed = 43;
        auto c = pipeline::synthSample(o, 3);
        QVERIFY(cv::norm(a.rgb, c.rgb, cv::NORM_L1) > 0);
    }

    void targetIsASizeableBlobThatDiffersFromItsSurroundings()
    {
        pipeline::SynthOptions o;
        for (int i = 0; i < 20; ++i) {
            auto s = pipeline::synthSample(o, i);
            QCOMPARE(s.rgb.type(), CV_8UC3);
            QCOMPARE(s.mask.type(), CV_8UC1);
            const double frac = cv::countNonZero(s.mask) / double(s.mask.total());
            QVERIFY2(frac > 0.03 && frac < 0.4, qPrintable(QString::number(frac)));
            cv::Mat grey;
            cv::extractChannel(s.rgb, grey, 0);
            const double in = cv::mean(grey, s.mask)[0], out = cv::mean(grey, ~s.mask)[0];
            QVERIFY2(std::abs(in - out) > 8, qPrintable(QString("contrast %1").arg(in - out)));
        }
    }

    void writesMatchingImagesAndMasks()
    {
        QTemporaryDir d;
        pipeline::SynthOptions o;
        o.count = 3;
        o.width = o.height = 64;
        int calls = 0;
        QCOMPARE(pipeline::writeSynthDataset(d.path().toStdString(), o, [&](int, int) { ++calls; }), 3);
        QCOMPARE(calls, 3);
        namespace fs = std::filesystem;
        int n = 0;
        for (const auto& e : fs::directory_iterator(d.path().toStdString() + "/images")) {
            ++n;
            QVERIFY(fs::exists(fs::path(d.path().toStdString()) / "masks" / e.path().filename()));
            auto m = formats::readMaskPng(fs::path(d.path().toStdString()) / "masks" / e.path().filename());
            QCOMPARE(m.cols, 64);
        }
        QCOMPARE(n, 3);
    }

    void unwritableFolderIsAClearErrorAndKeepsOldFile()
    {
        QTemporaryDir d;
        const std::string target = d.path().toStdString() + "/keep.bin";
        formats::writeFileAtomically(target, std::string("old"));
        try {
            formats::writeFileAtomically(d.path().toStdString() + "/missing/x.bin", std::string("new"));
            QFAIL("no error");
        } catch (const formats::WriteError& e) {
            QVERIFY(QString(e.what()).contains("does not exist"));
        }
        std::ifstream in(target);
        std::string s;
        in >> s;
        QCOMPARE(s, std::string("old"));
        // No temporary files left behind.
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(d.path().toStdString())) (void)e, ++files;
        QCOMPARE(files, 1);
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "test_synth.moc"
