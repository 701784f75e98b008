// Annotation model, mask utilities and every format: round trips (exact where the
// format is lossless, IoU >= 0.98 for polygons), hand-worked COCO RLE, DICOM SEG
// validated by dciodvfy, NIfTI affine against series_ct4's patient positions, and
// failed writes that leave existing files alone.

#include "dciodvfy.h"
#include "annotation/annotation.h"
#include "annotation/mask_ops.h"
#include "formats/atomic_file.h"
#include "formats/base64.h"
#include "formats/coco.h"
#include "formats/dicom_seg.h"
#include "formats/indexed_png.h"
#include "formats/labelme.h"
#include "formats/nifti.h"
#include "formats/voc.h"
#include "formats/yolo.h"
#include "imaging/dicom.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <fstream>
#include <random>

using namespace samsp;
using namespace samsp::annotation;
using namespace samsp::formats;
namespace fs = std::filesystem;

namespace {
double iou(const cv::Mat& a, const cv::Mat& b)
{
    const double inter = cv::countNonZero(a & b), uni = cv::countNonZero(a | b);
    return uni == 0 ? 1.0 : inter / uni;
}
bool same(const cv::Mat& a, const cv::Mat& b)
{
    return a.size() == b.size() && cv::countNonZero((a != 0) != (b != 0)) == 0;
}
// A ring (disc with a hole), a square and a small blob: holes, several pieces.
cv::Mat ringMask(int h, int w)
{
    cv::Mat m(h, w, CV_8UC1, cv::Scalar(0));
    cv::circle(m, {w / 3, h / 2}, h / 4, cv::Scalar(255), cv::FILLED);
    cv::circle(m, {w / 3, h / 2}, h / 10, cv::Scalar(0), cv::FILLED);
    return m;
}
cv::Mat boxMask(int h, int w, cv::Rect r)
{
    cv::Mat m(h, w, CV_8UC1, cv::Scalar(0));
    m(r).setTo(255);
    return m;
}
ImageAnnotation sample(int h = 96, int w = 128)
{
    ImageAnnotation a;
    a.image = "images/sample.png";
    a.width = w;
    a.height = h;
    a.addInstance(ringMask(h, w), 1, Source::Automatic, 0.93, "trace-1", 2);
    a.addInstance(boxMask(h, w, {90, 10, 25, 30}), 2, Source::Edited, 0.8);
    cv::Mat blob(h, w, CV_8UC1, cv::Scalar(0));
    cv::ellipse(blob, cv::Point(100, 70), cv::Size(15, 9), 30, 0, 360, cv::Scalar(255), cv::FILLED);
    a.addInstance(blob, 2, Source::Manual, 1.0);
    return a;
}
LabelSet twoLabels()
{
    LabelSet s;
    s.add("lesion");
    s.add("organ");
    return s;
}
fs::path dicomDir() { return fs::path(SAMSP_SHARED_TESTDATA) / "dicom"; }

// The straightforward column-major encoder: what the fast one must equal.
std::vector<uint32_t> referenceCounts(const cv::Mat& m)
{
    std::vector<uint32_t> c;
    uint8_t cur = 0;
    uint32_t run = 0;
    for (int x = 0; x < m.cols; ++x)
        for (int y = 0; y < m.rows; ++y) {
            const uint8_t v = m.at<uint8_t>(y, x) != 0;
            if (v != cur) {
                c.push_back(run);
                run = 0;
                cur = v;
            }
            ++run;
        }
    c.push_back(run);
    return c;
}
} // namespace

class TestFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fastRleEqualsReferenceEncoder()
    {
        std::mt19937 rng(11);
        const std::vector<cv::Size> sizes{{1, 1}, {1, 17}, {17, 1}, {8, 8}, {33, 65}, {257, 129}};
        for (const auto& sz : sizes)
            for (int fill : {0, 1, 2, 3}) {
                cv::Mat m(sz, CV_8UC1);
                for (int y = 0; y < m.rows; ++y)
                    for (int x = 0; x < m.cols; ++x)
                        m.at<uint8_t>(y, x) = fill == 0 ? 0 : fill == 1 ? 7 : fill == 2 ? (rng() % 2) * 255 : ((x / 5 + y / 3) % 2) * 200;
                const Rle r = rleEncode(m);
                QCOMPARE(r.counts, referenceCounts(m));
                QVERIFY(same(rleDecodeMat(r), m));
                // Bounding box against OpenCV's.
                const cv::Rect b = cv::boundingRect(m != 0);
                const auto box = rleBox(r);
                QCOMPARE(box, (std::array<int64_t, 4>{b.x, b.y, b.width, b.height}));
            }
    }

    void polygonsRoundTripWithHolesAndIslands()
    {
        cv::Mat m = ringMask(120, 160);
        // An island inside the ring's hole must survive (union of pieces).
        cv::circle(m, {160 / 3, 60}, 3, cv::Scalar(255), cv::FILLED);
        const auto exact = maskToPolygons(m, 0.0, true);
        QVERIFY(std::any_of(exact.begin(), exact.end(), [](const Polygon& p) { return p.hole; }));
        QVERIFY(same(polygonsToMask(exact, m.rows, m.cols), m));
        const auto simplified = maskToPolygons(m, 1.0, true);
        QVERIFY(iou(polygonsToMask(simplified, m.rows, m.cols), m) >= 0.97);
        QVERIFY(hasHoles(m));
        QVERIFY(!hasHoles(boxMask(20, 20, {2, 2, 5, 5})));
    }

    void componentsHolesAndCleanup()
    {
        cv::Mat m = boxMask(60, 60, {5, 5, 30, 30});
        m(cv::Rect(15, 15, 4, 4)).setTo(0);   // a 16-pixel hole
        m(cv::Rect(50, 50, 2, 2)).setTo(255); // a 4-pixel island
        cv::Mat labels;
        std::vector<int> areas;
        QCOMPARE(connectedComponents(m, labels, &areas), 3);
        QCOMPARE(areas[1] + areas[2], 30 * 30 - 16 + 4);
        QCOMPARE(cv::countNonZero(largestComponent(m)), 30 * 30 - 16);
        QCOMPARE(cv::countNonZero(removeIslands(m, 5)), 30 * 30 - 16);
        QCOMPARE(cv::countNonZero(fillHoles(m)), 30 * 30 + 4);
        QCOMPARE(cv::countNonZero(fillHoles(m, 10)), 30 * 30 - 16 + 4); // hole larger than 10 stays
        const cv::Mat clean = morphologicalCleanup(m, 2);
        QCOMPARE(clean.at<uint8_t>(51, 51), uint8_t(0)); // island opened away
        QCOMPARE(clean.at<uint8_t>(16, 16), uint8_t(255)); // hole closed
    }

    void annotationJsonRoundTrip()
    {
        const ImageAnnotation a = sample();
        const LabelSet labels = twoLabels();
        nlohmann::json j = a;
        nlohmann::json jl = labels;
        const auto back = j.get<ImageAnnotation>();
        const auto labelsBack = jl.get<LabelSet>();
        QCOMPARE(labelsBack, labels);
        QCOMPARE(back.instances.size(), a.instances.size());
        for (size_t i = 0; i < a.instances.size(); ++i) {
            QCOMPARE(back.instances[i].mask.counts, a.instances[i].mask.counts);
            QCOMPARE(back.instances[i].source, a.instances[i].source);
            QCOMPARE(back.instances[i].traceId, a.instances[i].traceId);
            QCOMPARE(back.instances[i].pass, a.instances[i].pass);
        }
        QCOMPARE(labels.classes[0].category.value, std::string("85756007"));
        j["instances"][0]["counts"] = "5"; // covers 5 of 96*128 cells
        QVERIFY_THROWS_EXCEPTION(std::exception, j.get<ImageAnnotation>());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sourceFromString("guessed"));
    }

    void indexedPngRoundTrip()
    {
        QTemporaryDir tmp;
        const fs::path p = fs::path(tmp.path().toStdString()) / "labels.png";
        const ImageAnnotation a = sample();
        writeLabelMapPng(p, a);
        const IndexedImage back = readIndexedPng(p);
        QCOMPARE(cv::countNonZero(back.indices != a.labelMap()), 0);
        QVERIFY(back.palette.size() >= 3);
        QCOMPARE(back.palette[1], (std::array<uint8_t, 3>{128, 0, 0})); // VOC colour of class 1
        std::ofstream(p, std::ios::binary) << "\x89PNG\r\n\x1a\n truncated";
        QVERIFY_THROWS_EXCEPTION(imaging::ImageError, readIndexedPng(p));
    }

    void cocoRleIsPycocotoolsExact()
    {
        // The 3 x 2 mask [0 1; 1 1; 0 0]: column-major runs 1,1,1,2,1 -> "11110" (worked by hand).
        ImageAnnotation a;
        a.image = "tiny.png";
        a.width = 2;
        a.height = 3;
        cv::Mat m = (cv::Mat_<uint8_t>(3, 2) << 0, 1, 1, 1, 0, 0);
        a.addInstance(m, 1, Source::Manual, 1.0);
        const auto j = cocoJson({a}, LabelSet::defaults());
        const auto& seg = j["annotations"][0]["segmentation"];
        QCOMPARE(seg["counts"].get<std::string>(), std::string("11110"));
        QCOMPARE(seg["size"], nlohmann::json({3, 2}));
        QCOMPARE(j["annotations"][0]["area"].get<int>(), 3);
        QCOMPARE(j["annotations"][0]["bbox"], nlohmann::json({0, 0, 2, 2}));
    }

    void cocoScoresAreInUnitRangeOrAbsent()
    {
        // Other tools read "score" as a probability: an uncalibrated model writes none,
        // a calibrated one is clamped to [0, 1]; both survive the project JSON.
        ImageAnnotation a;
        a.image = "s.png";
        a.width = a.height = 4;
        cv::Mat m = cv::Mat::zeros(4, 4, CV_8UC1);
        m.at<uint8_t>(1, 1) = 1;
        a.addInstance(m, 1, Source::Automatic);           // uncalibrated: no score
        a.addInstance(m, 1, Source::Automatic, 1.2);      // above 1
        a.addInstance(m, 1, Source::Automatic, 0.83);
        const auto j = cocoJson({a}, LabelSet::defaults());
        QVERIFY(!j["annotations"][0].contains("score"));
        QCOMPARE(j["annotations"][1]["score"].get<double>(), 1.0);
        QCOMPARE(j["annotations"][2]["score"].get<double>(), 0.83);
        nlohmann::json pj = a;
        const ImageAnnotation back = pj.get<ImageAnnotation>();
        QVERIFY(!back.instances[0].score.has_value());
        QCOMPARE(*back.instances[2].score, 0.83);
    }

    void cocoRoundTrips()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const LabelSet labels = twoLabels();
        const std::vector<ImageAnnotation> images{sample(), sample(100, 136)};
        writeCoco(dir / "rle.json", images, labels);
        const CocoDataset rle = readCoco(dir / "rle.json");
        QCOMPARE(rle.labels.classes.size(), size_t(2));
        QCOMPARE(rle.labels.classes[1].name, std::string("organ"));
        QCOMPARE(rle.images.size(), size_t(2));
        for (size_t k = 0; k < images.size(); ++k)
            for (size_t i = 0; i < images[k].instances.size(); ++i) {
                const auto& want = images[k].instances[i];
                const auto& got = rle.images[k].instances[i];
                QCOMPARE(got.mask.counts, want.mask.counts);
                QCOMPARE(got.labelId, want.labelId);
                QCOMPARE(got.source, want.source);
                QCOMPARE(got.traceId, want.traceId);
            }
        CocoOptions poly;
        poly.encoding = MaskEncoding::Polygon;
        writeCoco(dir / "poly.json", images, labels, poly);
        const auto pj = nlohmann::json::parse(readFileBytes(dir / "poly.json"));
        QVERIFY(pj["annotations"][0]["segmentation"].is_object()); // the ring has a hole: RLE
        QVERIFY(pj["annotations"][1]["segmentation"].is_array());  // the box: a polygon
        const CocoDataset pd = readCoco(dir / "poly.json");
        for (size_t i = 0; i < images[0].instances.size(); ++i)
            QVERIFY2(iou(rleDecodeMat(pd.images[0].instances[i].mask), rleDecodeMat(images[0].instances[i].mask)) >= 0.98,
                     qPrintable(QString("instance %1").arg(i)));
        // Bad input names the file.
        std::ofstream(dir / "bad.json") << R"({"images": [], "annotations": [{"id": 1, "image_id": 9}], "categories": []})";
        try {
            readCoco(dir / "bad.json");
            QFAIL("no error");
        } catch (const ReadError& e) {
            QVERIFY(QString(e.what()).contains("bad.json"));
            QVERIFY(QString(e.what()).contains("unknown image 9"));
            // Known by kind, so the interface can say it in its own language.
            QVERIFY(e.problem() == FileProblem::Format);
            QCOMPARE(e.format(), std::string("COCO"));
            QVERIFY(QString::fromStdString(e.detail()).contains("unknown image 9"));
        }
        std::ofstream(dir / "notjson.json") << "{ this is not";
        try {
            readCoco(dir / "notjson.json");
            QFAIL("no error");
        } catch (const ReadError& e) {
            QVERIFY(e.problem() == FileProblem::NotJson);
        }
        try {
            readFileBytes(dir / "nothing-here.json");
            QFAIL("no error");
        } catch (const ReadError& e) {
            QVERIFY(e.problem() == FileProblem::Missing);
            QVERIFY(!e.writing());
        }
    }

    void yoloRoundTrip()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        LabelSet labels = twoLabels();
        labels.classes[1].name = "it's: quoted";
        ImageAnnotation a;
        a.width = 128;
        a.height = 96;
        a.addInstance(boxMask(96, 128, {10, 20, 40, 30}), 1, Source::Manual);
        cv::Mat e(96, 128, CV_8UC1, cv::Scalar(0));
        cv::ellipse(e, cv::Point(90, 50), cv::Size(25, 15), 20, 0, 360, cv::Scalar(255), cv::FILLED);
        a.addInstance(e, 2, Source::Manual);
        writeYoloLabels(dir / "a.txt", a, labels);
        writeYoloDataYaml(dir / "data.yaml", labels, {{"train", "images/train"}, {"val", "images/val"}});
        const auto names = readYoloNames(dir / "data.yaml");
        QCOMPARE(names, (std::vector<std::string>{"lesion", "it's: quoted"}));
        const ImageAnnotation back = readYoloLabels(dir / "a.txt", 128, 96, labels);
        QCOMPARE(back.instances.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            QCOMPARE(back.instances[i].labelId, a.instances[i].labelId);
            QVERIFY(iou(rleDecodeMat(back.instances[i].mask), rleDecodeMat(a.instances[i].mask)) >= 0.98);
        }
        std::ofstream(dir / "bad.txt") << "7 0.1 0.1 0.2 0.2 0.3 0.1\n";
        QVERIFY_THROWS_EXCEPTION(ReadError, readYoloLabels(dir / "bad.txt", 128, 96, labels));
    }

    void vocRoundTripIsExact()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const ImageAnnotation a = sample();
        writeVoc(dir, "sample", a);
        writeVocImageSets(dir, {{"train", {"sample"}}, {"val", {}}});
        QCOMPARE(readVocImageSet(dir, "train"), std::vector<std::string>{"sample"});
        const ImageAnnotation back = readVoc(dir, "sample");
        QCOMPARE(back.instances.size(), a.instances.size());
        for (size_t i = 0; i < a.instances.size(); ++i) {
            QCOMPARE(back.instances[i].labelId, a.instances[i].labelId);
            QCOMPARE(back.instances[i].mask.counts, a.instances[i].mask.counts);
        }
    }

    void labelmeRoundTrips()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const LabelSet labels = twoLabels();
        const ImageAnnotation a = sample();
        writeLabelme(dir / "mask.json", a, labels, "sample.png", LabelmeShape::Mask);
        LabelSet read;
        const ImageAnnotation back = readLabelme(dir / "mask.json", read);
        QCOMPARE(read.classes.size(), size_t(2));
        QCOMPARE(back.instances.size(), a.instances.size());
        for (size_t i = 0; i < a.instances.size(); ++i) {
            QCOMPARE(read.find(back.instances[i].labelId)->name, labels.find(a.instances[i].labelId)->name);
            QCOMPARE(back.instances[i].mask.counts, a.instances[i].mask.counts);
        }
        writeLabelme(dir / "poly.json", a, labels, "sample.png", LabelmeShape::Polygon);
        const auto pj = nlohmann::json::parse(readFileBytes(dir / "poly.json"));
        QCOMPARE(pj["shapes"][0]["shape_type"].get<std::string>(), std::string("mask")); // ring: holes
        QCOMPARE(pj["shapes"][1]["shape_type"].get<std::string>(), std::string("polygon"));
        LabelSet read2;
        const ImageAnnotation poly = readLabelme(dir / "poly.json", read2);
        QCOMPARE(poly.instances.size(), a.instances.size());
        for (size_t i = 0; i < a.instances.size(); ++i)
            QVERIFY(iou(rleDecodeMat(poly.instances[i].mask), rleDecodeMat(a.instances[i].mask)) >= 0.98);
        QCOMPARE(base64Decode(base64Encode("any carnal pleas")), std::string("any carnal pleas"));
        QCOMPARE(base64Encode("ab"), std::string("YWI="));
    }

    void dicomSegIsValidAndRoundTrips()
    {
        const auto scan = imaging::scanDicomFolder(dicomDir() / "series_ct4");
        QCOMPARE(scan.series.size(), size_t(1));
        const auto& series = scan.series[0];
        const int rows = series.slices[0].info.rows, cols = series.slices[0].info.columns;
        LabelSet labels;
        labels.add("liver");
        labels.add("lesion").category = {"49755003", "SCT", "Morphologically abnormal structure"};
        labels.classes[1].type = {"4147007", "SCT", "Mass"};
        std::vector<ImageAnnotation> per(series.slices.size());
        for (size_t i = 0; i < per.size(); ++i) {
            per[i].width = cols;
            per[i].height = rows;
            per[i].addInstance(boxMask(rows, cols, {1 + int(i), 2, 6, 5 + int(i % 2)}), 1, Source::Automatic, 0.9); // 16 x 16 slices
            if (i == 2) per[i].addInstance(ringMask(rows, cols), 2, Source::Edited, 0.7);
        }
        QTemporaryDir tmp;
        const fs::path out = fs::path(tmp.path().toStdString()) / "seg.dcm";
        writeDicomSeg(out, series.slices, per, labels);

        const auto check = samsp::testing::dciodvfy(out);
        QVERIFY2(check.ran, "dciodvfy (Debian package dicom3tools) is not installed");
        QVERIFY2(check.clean(), qPrintable(check.report));

        const DicomSegObject seg = readDicomSeg(out);
        QCOMPARE(seg.rows, rows);
        QCOMPARE(seg.segments.size(), size_t(2));
        QCOMPARE(seg.segments[0].label, std::string("liver"));
        QCOMPARE(seg.segments[0].algorithmType, std::string("AUTOMATIC"));
        QCOMPARE(seg.segments[1].algorithmType, std::string("SEMIAUTOMATIC"));
        QCOMPARE(seg.segments[1].category.value, std::string("49755003"));
        QCOMPARE(seg.segments[1].type.meaning, std::string("Mass"));
        QCOMPARE(seg.patientId, series.slices[0].info.patientId);
        QCOMPARE(seg.studyInstanceUid, series.studyInstanceUid);
        QCOMPARE(seg.referencedSeries, std::vector<std::string>{series.seriesInstanceUid});
        QCOMPARE(seg.frames.size(), series.slices.size() + 1);
        for (const auto& f : seg.frames) {
            QVERIFY(f.position.has_value());
            QVERIFY(!f.referencedSopInstanceUid.empty());
        }
        LabelSet back;
        const auto annotations = dicomSegToAnnotations(seg, series.slices, back);
        for (size_t i = 0; i < per.size(); ++i) {
            QVERIFY(same(annotations[i].unionMask(back.findByName("liver")->id), per[i].unionMask(1)));
            QVERIFY(same(annotations[i].unionMask(back.findByName("lesion")->id), per[i].unionMask(2)));
            // each frame sits at its source slice's position
        }
        for (const auto& f : seg.frames) {
            const auto it = std::find_if(series.slices.begin(), series.slices.end(), [&](const imaging::SeriesSlice& s) {
                return s.info.sopInstanceUid == f.referencedSopInstanceUid;
            });
            QVERIFY(it != series.slices.end());
            for (int a = 0; a < 3; ++a) QVERIFY(std::abs((*f.position)[a] - (*it->info.position)[a]) < 1e-3);
        }
        QVERIFY_THROWS_EXCEPTION(ReadError, readDicomSeg(dicomDir() / "CT_small.dcm"));
    }

    void niftiAffineFollowsDicomGeometry()
    {
        const auto scan = imaging::scanDicomFolder(dicomDir() / "series_ct4");
        const auto& series = scan.series[0];
        const auto g = imaging::geometryOf(series);
        const int rows = series.slices[0].info.rows, cols = series.slices[0].info.columns;
        std::vector<cv::Mat> labels;
        for (size_t k = 0; k < series.slices.size(); ++k) {
            cv::Mat m(rows, cols, CV_8UC1, cv::Scalar(0));
            m(cv::Rect(2 + int(k), 3, 6, 5)).setTo(int(k % 2) + 1);
            labels.push_back(m);
        }
        // series_ct4 has a gap of 161 missing slices: they become empty grid positions.
        const auto grid = imaging::gridIndices(series, g);
        QCOMPARE(grid.front(), 0);
        QCOMPARE(grid.back(), int(series.slices.size()) - 1 + 161);
        QTemporaryDir tmp;
        for (const char* name : {"labels.nii.gz", "labels.nii"}) {
            const fs::path out = fs::path(tmp.path().toStdString()) / name;
            writeNiftiLabels(out, labels, g, grid);
            const NiftiLabels back = readNiftiLabels(out);
            QCOMPARE(back.slices.size(), size_t(grid.back() + 1));
            for (size_t k = 0; k < labels.size(); ++k)
                QCOMPARE(cv::countNonZero(back.slices[size_t(grid[k])] != labels[k]), 0);
            size_t gapAfter = 0;
            while (grid[gapAfter + 1] == grid[gapAfter] + 1) ++gapAfter;
            QCOMPARE(cv::countNonZero(back.slices[size_t(grid[gapAfter] + 1)]), 0); // inside the gap
            for (size_t k = 0; k < series.slices.size(); ++k) {
                const auto& ipp = *series.slices[k].info.position; // LPS
                const auto& A = back.affine;
                const double z = grid[k];
                const double ras[3] = {A[0][2] * z + A[0][3], A[1][2] * z + A[1][3], A[2][2] * z + A[2][3]};
                QVERIFY2(std::abs(ras[0] + ipp[0]) < 1e-3 && std::abs(ras[1] + ipp[1]) < 1e-3 && std::abs(ras[2] - ipp[2]) < 1e-3,
                         qPrintable(QString("slice %1").arg(k)));
            }
            // A voxel off the origin: column 10, row 12 of grid slice 1.
            const auto lps = g.toPatient(10, 12, 1);
            const auto& A = back.affine;
            const double x = A[0][0] * 10 + A[0][1] * 12 + A[0][2] + A[0][3];
            const double y = A[1][0] * 10 + A[1][1] * 12 + A[1][2] + A[1][3];
            QVERIFY(std::abs(x + lps[0]) < 1e-3 && std::abs(y + lps[1]) < 1e-3);
        }
    }

    void failedWritesLeaveExistingFilesAlone()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const fs::path target = dir / "labels.nii";
        writeFileAtomically(target, std::string("precious"));
        // Mismatched slices: the write fails before anything replaces the file.
        std::vector<cv::Mat> bad{cv::Mat(4, 4, CV_8UC1, cv::Scalar(1)), cv::Mat(5, 4, CV_8UC1, cv::Scalar(1))};
        try {
            writeNiftiLabels(target, bad, {});
            QFAIL("no error");
        } catch (const WriteError& e) {
            QVERIFY(e.problem() == FileProblem::Format);
            QCOMPARE(e.format(), std::string("NIfTI"));
        }
        QCOMPARE(readFileBytes(target), std::string("precious"));
        // A folder that does not exist (its "parent" is a file): a clear error naming the path.
        try {
            writeCoco(target / "out.json", {sample()}, twoLabels());
            QFAIL("no error");
        } catch (const WriteError& e) {
            QVERIFY(QString(e.what()).contains("out.json"));
            QVERIFY(e.problem() == FileProblem::NoFolder);
            QCOMPARE(e.detail(), target.string());
            QVERIFY(e.writing());
        }
        // A folder that cannot be created (a file is in the way): the system's reason, kept as errno.
        try {
            ensureFolder(target / "sub");
            QFAIL("no error");
        } catch (const WriteError& e) {
            QVERIFY(e.problem() == FileProblem::System);
            QCOMPARE(e.errorNumber(), ENOTDIR);
        }
        // No temporary files left behind.
        int files = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
        QCOMPARE(files, 1);
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "test_formats.moc"
