// Ordinary images: depths, colour orders, multi-page TIFF, EXIF orientation, and
// clear errors on bad files.

#include "common/parallel.h"

#include <atomic>
#include "imaging/document.h"
#include "imaging/image_io.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

using namespace samsp::imaging;

class TestImaging : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void sixteenBitIsWindowedNotTruncated()
    {
        cv::Mat m(32, 64, CV_16U);
        for (int y = 0; y < m.rows; ++y)
            for (int x = 0; x < m.cols; ++x) m.at<uint16_t>(y, x) = static_cast<uint16_t>(1000 + x * 300);
        QVERIFY(cv::imwrite(path("g16.png"), m));
        Image img = loadImage(path("g16.png"));
        QCOMPARE(img.info.bitDepth, 16);
        QCOMPARE(img.info.colour, std::string("grey"));
        QCOMPARE(img.pixels.depth(), CV_16U);
        QVERIFY(img.window.low() >= 1000 - 1 && img.window.high() <= 1000 + 63 * 300 + 1);
        cv::Mat rgb = toRgb8(img.pixels, img.window);
        QCOMPARE(rgb.type(), CV_8UC3);
        // Left edge dark, right edge bright, monotonic in between: the whole range is used.
        QVERIFY(rgb.at<cv::Vec3b>(0, 0)[0] <= 5);
        QVERIFY(rgb.at<cv::Vec3b>(0, 63)[0] >= 250);
        QVERIFY(rgb.at<cv::Vec3b>(0, 32)[0] > 100 && rgb.at<cv::Vec3b>(0, 32)[0] < 160);
    }

    void colourIsRgbOrderAndAlphaDropped()
    {
        cv::Mat bgra(8, 8, CV_8UC4, cv::Scalar(10, 20, 200, 128)); // B G R A: a red pixel
        QVERIFY(cv::imwrite(path("rgba.png"), bgra));
        Image img = loadImage(path("rgba.png"));
        QCOMPARE(img.info.colour, std::string("RGBA"));
        cv::Mat rgb = toRgb8(img.pixels, img.window);
        QCOMPARE(int(rgb.at<cv::Vec3b>(3, 3)[0]), 200);
        QCOMPARE(int(rgb.at<cv::Vec3b>(3, 3)[2]), 10);
    }

    void multiPageTiffFrames()
    {
        std::vector<cv::Mat> pages{cv::Mat(10, 12, CV_8U, cv::Scalar(10)), cv::Mat(10, 12, CV_8U, cv::Scalar(99)),
                                   cv::Mat(10, 12, CV_8U, cv::Scalar(200))};
        QVERIFY(cv::imwritemulti(path("multi.tif"), pages));
        Image p1 = loadImage(path("multi.tif"), 1);
        QCOMPARE(p1.info.frames, 3);
        QCOMPARE(int(p1.pixels.at<uint8_t>(5, 5)), 99);
        QVERIFY_THROWS_EXCEPTION(ImageError, loadImage(path("multi.tif"), 5));
    }

    void exifOrientationIsHonoured()
    {
        // 40 wide x 20 high, left half black; EXIF orientation 6 (rotate 90 degrees clockwise).
        cv::Mat bgr(20, 40, CV_8UC3, cv::Scalar(255, 255, 255));
        bgr(cv::Rect(0, 0, 20, 20)).setTo(cv::Scalar(0, 0, 0));
        std::vector<uchar> jpg;
        QVERIFY(cv::imencode(".jpg", bgr, jpg));
        const unsigned char exif[] = {0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00,
                                      0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00,
                                      0x00, 0x00, 0x00, 0x00, 0x00};
        std::vector<uchar> out(jpg.begin(), jpg.begin() + 2);
        out.insert(out.end(), std::begin(exif), std::end(exif));
        out.insert(out.end(), jpg.begin() + 2, jpg.end());
        std::ofstream(path("exif.jpg"), std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
        Image img = loadImage(path("exif.jpg"));
        QCOMPARE(img.width(), 20);
        QCOMPARE(img.height(), 40);
        // After a clockwise turn the black half is on top.
        cv::Mat rgb = toRgb8(img.pixels, img.window);
        QVERIFY(rgb.at<cv::Vec3b>(5, 10)[0] < 60);
        QVERIFY(rgb.at<cv::Vec3b>(35, 10)[0] > 200);
    }

    void badFilesNameTheFileAndTheReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("text") << QByteArray("hello, not an image") << "not a readable image";
        QByteArray png;
        {
            std::vector<uchar> buf;
            cv::imencode(".png", cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)), buf);
            png = QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()) / 2);
        }
        QTest::newRow("truncated png") << png << "not a readable image";
    }
    void badFilesNameTheFileAndTheReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const std::string p = path("bad.png");
        std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
        try {
            loadImage(p);
            QFAIL("no error for a bad file");
        } catch (const ImageError& e) {
            const QString w = QString::fromStdString(e.what());
            QVERIFY2(w.contains("bad.png"), qPrintable(w));
            QVERIFY2(w.contains(reason), qPrintable(w));
        }
    }

    void missingFile()
    {
        QVERIFY_THROWS_EXCEPTION(ImageError, loadImage(path("nope.png")));
    }

    void veryLargeImagesUseADownscaledModelView()
    {
        // 12 000 x 9 000, 16-bit grey: the model sees at most 4 096 px; masks return at full size.
        cv::Mat big(9000, 12000, CV_16UC1, cv::Scalar(1000));
        cv::circle(big, {6000, 4500}, 2000, cv::Scalar(30000), cv::FILLED);
        QVERIFY(cv::imwrite(path("big.png"), big, {cv::IMWRITE_PNG_COMPRESSION, 1}));
        big.release();
        const Image img = loadImage(path("big.png"));
        QCOMPARE(img.width(), 12000);
        const ModelView v = makeModelView(img.pixels, img.window, false);
        QCOMPARE(v.rgb.cols, 4096);
        QCOMPARE(v.rgb.rows, 3072);
        QCOMPARE(v.rgb.type(), CV_8UC3);
        QVERIFY(std::abs(v.scale - 4096.0 / 12000.0) < 1e-12);
        // Windowed, not truncated: the disk is bright, the background dark.
        QVERIFY(v.rgb.at<cv::Vec3b>(1536, 2048)[0] > 200);
        QVERIFY(v.rgb.at<cv::Vec3b>(10, 10)[0] < 50);
        cv::Mat grey;
        cv::extractChannel(v.rgb, grey, 0);
        const cv::Mat full = maskToFullResolution(grey > 128, img.pixels.size());
        QCOMPARE(full.size(), img.pixels.size());
        cv::Mat truth(9000, 12000, CV_8UC1, cv::Scalar(0));
        cv::circle(truth, {6000, 4500}, 2000, cv::Scalar(255), cv::FILLED);
        const double iou = double(cv::countNonZero(full & truth)) / cv::countNonZero(full | truth);
        QVERIFY2(iou > 0.995, qPrintable(QString::number(iou)));
    }

    void parallelForRunsEveryIndexOnceAndReportsTheFirstError()
    {
        std::vector<std::atomic<int>> hits(1000);
        samsp::parallelFor(hits.size(), 4, [&](size_t k) { ++hits[k]; });
        for (const auto& h : hits) QCOMPARE(h.load(), 1);
        // Errors: every index still runs, the lowest index's error comes back.
        std::atomic<int> ran{0};
        try {
            samsp::parallelFor(200, 3, [&](size_t k) {
                ++ran;
                if (k == 150 || k == 17) throw std::runtime_error("index " + std::to_string(k));
            });
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QCOMPARE(std::string(e.what()), std::string("index 17"));
        }
        QCOMPARE(ran.load(), 200);
        samsp::parallelFor(0, 4, [](size_t) { throw std::runtime_error("never"); });
    }

    void documentWindowIsPartOfTheEmbeddingKey()
    {
        std::vector<cv::Mat> pages;
        for (int i = 0; i < 3; ++i) pages.emplace_back(16, 16, CV_16UC1, cv::Scalar(100 * (i + 1)));
        QVERIFY(cv::imwritemulti(path("doc.tif"), pages));
        Document d = Document::openFile(path("doc.tif"));
        QCOMPARE(d.frameCount(), 3);
        QCOMPARE(d.frameIndexInFile(2), 2);
        const std::string k1 = d.embeddingKey(1, "model-a");
        QCOMPARE(d.embeddingKey(1, "model-a"), k1);
        QVERIFY(d.embeddingKey(2, "model-a") != k1);
        QVERIFY(d.embeddingKey(1, "model-b") != k1);
        d.window.center += 10;
        QVERIFY(d.embeddingKey(1, "model-a") != k1);
        const std::string k2 = d.embeddingKey(1, "model-a");
        d.invert = true;
        QVERIFY(d.embeddingKey(1, "model-a") != k2);
        // The same name with other content (here: more pages, another size) is another key.
        const std::string k3 = d.embeddingKey(1, "model-a");
        pages.emplace_back(16, 16, CV_16UC1, cv::Scalar(7));
        QVERIFY(cv::imwritemulti(path("doc.tif"), pages));
        QVERIFY(d.embeddingKey(1, "model-a") != k3);
        // One page alone is a document of its own, named by its page.
        const Document one = Document::openFrame(path("doc.tif"), 2);
        QCOMPARE(one.frameCount(), 1);
        QCOMPARE(one.frameIndexInFile(0), 2);
        QCOMPARE(one.pixels(0).at<uint16_t>(0, 0), uint16_t(300));
        const ModelView v = d.modelView(0);
        QCOMPARE(v.rgb.size(), cv::Size(16, 16));
        QVERIFY(!d.geometry().has_value());
    }

    void listsOnlySupportedImagesSorted()
    {
        QTemporaryDir d;
        for (const char* n : {"b.png", "a.jpg", "notes.txt", "c.TIF"}) std::ofstream((d.path() + "/" + n).toStdString()) << "x";
        auto files = listImages(d.path().toStdString());
        QCOMPARE(int(files.size()), 3);
        QCOMPARE(files[0].filename().string(), std::string("a.jpg"));
    }
};

QTEST_GUILESS_MAIN(TestImaging)
#include "test_imaging.moc"
