// DICOM: every shared test file with asserted geometry and values (independently
// parsed), decoders, errors, and generated series (shuffled, oblique, missing,
// duplicate, mixed, corrupt files).

#include "imaging/dicom.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "pipeline/dataset.h"

#include "dicom_writer.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dctk.h>

#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace samsp::imaging;
namespace fs = std::filesystem;

namespace {

fs::path dicomDir()
{
    fs::path p = fs::path(SAMSP_SHARED_TESTDATA) / "dicom";
    if (!fs::is_directory(p)) throw std::runtime_error("shared DICOM test data missing at " + p.string());
    return p;
}

struct GenSlice
{
    std::string name;
    std::array<double, 3> position;
    int instance;
    int16_t base; // stored value at (0, 0); others base + x
};

// A small CT slice (8 x 8, signed 16-bit, intercept -1024): stored value base + x.
void writeSlice(const fs::path& file, const std::string& seriesUid, const GenSlice& s, const std::array<double, 6>& iop,
                bool withPixels = true)
{
    samsp::testing::TestCtSlice t;
    t.position = s.position;
    t.orientation = iop;
    t.instance = s.instance;
    if (withPixels)
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) t.stored.push_back(s.base + x);
    samsp::testing::writeTestCtSlice(file, seriesUid, t);
}

const std::array<double, 6> kAxial{1, 0, 0, 0, 1, 0};
// Oblique: columns tilted 30 degrees about x. Normal = (0, -sin 30, cos 30).
const std::array<double, 6> kOblique{1, 0, 0, 0, std::cos(M_PI / 6), std::sin(M_PI / 6)};

std::vector<GenSlice> obliqueStack(int n, double spacing)
{
    const std::array<double, 3> normal{0, -std::sin(M_PI / 6), std::cos(M_PI / 6)};
    std::vector<GenSlice> v;
    for (int k = 0; k < n; ++k)
        v.push_back({"", {10 + k * spacing * normal[0], 20 + k * spacing * normal[1], 30 + k * spacing * normal[2]}, k + 1,
                     static_cast<int16_t>(1000 + 100 * k)});
    return v;
}

} // namespace

class TestDicom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ctSmallGeometryAndHounsfieldUnits()
    {
        const fs::path f = dicomDir() / "CT_small.dcm";
        QVERIFY(looksLikeDicom(f));
        DicomInfo i = readDicomInfo(f);
        QCOMPARE(i.rows, 128);
        QCOMPARE(i.columns, 128);
        QCOMPARE(i.modality, std::string("CT"));
        QVERIFY(i.signedPixels);
        QCOMPARE(i.rescaleIntercept, -1024.0);
        QVERIFY(i.position.has_value());
        QVERIFY(std::abs((*i.position)[2] - (-75.699997)) < 1e-4);
        QVERIFY(std::abs(i.pixelSpacing[0] - 0.661468) < 1e-6);
        QCOMPARE(i.transferSyntaxUid, std::string("1.2.840.10008.1.2.1"));
        QVERIFY(!i.sopInstanceUid.empty() && !i.seriesInstanceUid.empty() && !i.studyInstanceUid.empty());
        DicomPixels px = readDicomPixels(f);
        QCOMPARE(int(px.frames.size()), 1);
        const cv::Mat& m = px.frames[0];
        // Values parsed independently (stored value + intercept -1024).
        QCOMPARE(m.at<float>(0, 0), -849.0f);
        QCOMPARE(m.at<float>(10, 20), -839.0f);
        QCOMPARE(m.at<float>(64, 64), 904.0f);
        QCOMPARE(m.at<float>(127, 127), -115.0f);
    }

    void mrSmallSameValuesInEveryLosslessEncoding()
    {
        const cv::Mat ref = readDicomPixels(dicomDir() / "MR_small.dcm").frames[0];
        QCOMPARE(ref.at<float>(0, 0), 905.0f);
        QCOMPARE(ref.at<float>(10, 20), 316.0f);
        QCOMPARE(ref.at<float>(32, 32), 182.0f);
        QCOMPARE(ref.at<float>(63, 63), 862.0f);
        for (const char* name : {"MR_small_bigendian.dcm", "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm"}) {
            DicomPixels px = readDicomPixels(dicomDir() / name);
            QVERIFY2(cv::norm(px.frames[0], ref, cv::NORM_INF) == 0, name);
        }
        QVERIFY(readDicomInfo(dicomDir() / "MR_small_RLE.dcm").transferSyntaxName.find("RLE") != std::string::npos);
    }

    void jpeg2000IsAClearErrorNamingTheTransferSyntax()
    {
        try {
            readDicomPixels(dicomDir() / "MR_small_jp2klossless.dcm");
            QFAIL("JPEG 2000 decoded without a decoder?");
        } catch (const ImageError& e) {
            const QString w = e.what();
            QVERIFY2(w.contains("MR_small_jp2klossless.dcm") && w.contains("JPEG 2000") && w.contains("1.2.840.10008.1.2.4.90"),
                     qPrintable(w));
        }
        // The header is still readable (samsp info can describe the file).
        QCOMPARE(readDicomInfo(dicomDir() / "MR_small_jp2klossless.dcm").rows, 64);
    }

    void jpegExtendedTwelveBit()
    {
        DicomPixels px = readDicomPixels(dicomDir() / "JPEG-lossy.dcm");
        QCOMPARE(px.info.modality, std::string("NM"));
        QCOMPARE(px.frames[0].rows, px.info.rows);
        QCOMPARE(px.frames[0].cols, px.info.columns);
        QCOMPARE(px.info.columns * px.info.rows, 1024 * 256);
        double lo, hi;
        cv::minMaxLoc(px.frames[0], &lo, &hi);
        QVERIFY(lo >= 0 && hi <= 4095 && hi > lo);
    }

    void colourRleAndJpegAgree()
    {
        DicomPixels rle = readDicomPixels(dicomDir() / "SC_rgb_rle.dcm");
        DicomPixels jpg = readDicomPixels(dicomDir() / "SC_rgb_jpeg_dcmtk.dcm");
        QCOMPARE(rle.frames[0].type(), CV_8UC3);
        QCOMPARE(jpg.frames[0].size(), rle.frames[0].size());
        // Same picture: lossless RLE vs lossy JPEG (YBR) differ only by compression noise.
        cv::Mat diff;
        cv::absdiff(rle.frames[0], jpg.frames[0], diff);
        const double meanDiff = cv::mean(diff)[0];
        QVERIFY2(meanDiff < 6.0, qPrintable(QString::number(meanDiff)));
        // Not a grey picture: the colour conversion happened.
        cv::Mat ch[3];
        cv::split(rle.frames[0], ch);
        QVERIFY(cv::norm(ch[0], ch[2], cv::NORM_L1) > 0);
    }

    void seriesCt4IsOrderedAlongTheNormalAndTheGapIsReported()
    {
        DicomScan scan = scanDicomFolder(dicomDir() / "series_ct4");
        QVERIFY(scan.errors.empty());
        QCOMPARE(int(scan.series.size()), 1);
        const DicomSeries& s = scan.series[0];
        QCOMPARE(s.orderedBy, std::string("position along the slice normal"));
        QCOMPARE(int(s.slices.size()), 4);
        const char* order[] = {"17106", "17136", "17166", "17196"};
        for (int k = 0; k < 4; ++k) QCOMPARE(s.slices[size_t(k)].info.file.filename().string(), std::string(order[k]));
        QVERIFY(std::abs(s.spacing - 1.25) < 1e-3);
        bool gap = false;
        for (const auto& w : s.warnings) gap = gap || w.find("missing") != std::string::npos;
        QVERIFY(gap); // slice 18 at z=-99.48 is 202.5 mm from the others
        Volume v = loadVolume(s);
        QCOMPARE(int(v.slices.size()), 4);
        QCOMPARE(v.slices[0].type(), CV_32FC1);
    }

    void generatedObliqueSeriesInShuffledFiles()
    {
        QTemporaryDir d;
        auto stack = obliqueStack(6, 2.5);
        std::vector<int> names{4, 0, 5, 2, 1, 3}; // file names unrelated to the order
        for (size_t k = 0; k < stack.size(); ++k)
            writeSlice(d.path().toStdString() + "/IM" + std::to_string(names[k]), "1.2.3.4.100", stack[k], kOblique);
        DicomScan scan = scanDicomFolder(d.path().toStdString());
        QCOMPARE(int(scan.series.size()), 1);
        const auto& s = scan.series[0];
        QCOMPARE(s.orderedBy, std::string("position along the slice normal"));
        QVERIFY2(s.warnings.empty(), s.warnings.empty() ? "" : s.warnings[0].c_str());
        QVERIFY(std::abs(s.spacing - 2.5) < 1e-3);
        for (size_t k = 0; k < 6; ++k) QCOMPARE(s.slices[k].info.instanceNumber, int(k + 1));
        Volume v = loadVolume(s);
        for (size_t k = 0; k < 6; ++k) QCOMPARE(v.slices[k].at<float>(3, 5), float(1000 + 100 * int(k) + 5 - 1024));
    }

    void enhancedMultiFrameUsesPerFrameGeometry()
    {
        // An enhanced CT object: geometry only in the functional groups, frames stored
        // out of spatial order (z = 10, 6, 8).
        QTemporaryDir d;
        const fs::path file = fs::path(d.path().toStdString()) / "enhanced.dcm";
        DcmFileFormat ff;
        DcmDataset* ds = ff.getDataset();
        char uid[100];
        ds->putAndInsertString(DCM_SOPClassUID, UID_EnhancedCTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
        ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.99.7");
        ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.2.1125.99.8");
        ds->putAndInsertString(DCM_Modality, "CT");
        ds->putAndInsertString(DCM_PatientID, "P9");
        ds->putAndInsertString(DCM_NumberOfFrames, "3");
        ds->putAndInsertUint16(DCM_Rows, 4);
        ds->putAndInsertUint16(DCM_Columns, 6);
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 16);
        ds->putAndInsertUint16(DCM_HighBit, 15);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        DcmItem* shared = nullptr;
        ds->findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
        DcmItem* it = nullptr;
        shared->findOrCreateSequenceItem(DCM_PlaneOrientationSequence, it, 0);
        it->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
        shared->findOrCreateSequenceItem(DCM_PixelMeasuresSequence, it, 0);
        it->putAndInsertString(DCM_PixelSpacing, "0.7\\0.6");
        it->putAndInsertString(DCM_SliceThickness, "2");
        shared->findOrCreateSequenceItem(DCM_PixelValueTransformationSequence, it, 0);
        it->putAndInsertString(DCM_RescaleIntercept, "-1024");
        it->putAndInsertString(DCM_RescaleSlope, "1");
        const double z[3] = {10, 6, 8};
        for (int f = 0; f < 3; ++f) {
            DcmItem* frame = nullptr;
            ds->findOrCreateSequenceItem(DCM_PerFrameFunctionalGroupsSequence, frame, f);
            frame->findOrCreateSequenceItem(DCM_PlanePositionSequence, it, 0);
            const std::string ipp = "-5\\-7\\" + std::to_string(int(z[f]));
            it->putAndInsertString(DCM_ImagePositionPatient, ipp.c_str());
        }
        std::vector<Uint16> px(4 * 6 * 3);
        for (int f = 0; f < 3; ++f)
            for (int k = 0; k < 24; ++k) px[size_t(f * 24 + k)] = Uint16(1000 + 100 * f + k);
        ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
        QVERIFY(ff.saveFile(file.c_str(), EXS_LittleEndianExplicit).good());

        const DicomInfo info = readDicomInfo(file);
        QCOMPARE(info.frames, 3);
        QCOMPARE(info.framePositions.size(), size_t(3));
        QVERIFY(info.orientation.has_value());
        QCOMPARE(info.pixelSpacing[0], 0.7);
        QCOMPARE(info.pixelSpacing[1], 0.6);
        QCOMPARE(info.sliceThickness, 2.0);
        QCOMPARE(info.rescaleIntercept, -1024.0);
        const auto series = groupSeries({info});
        QCOMPARE(series.size(), size_t(1));
        const auto& s = series[0];
        QCOMPARE(s.orderedBy, std::string("position along the slice normal"));
        QCOMPARE(s.slices.size(), size_t(3));
        const int wantFrame[3] = {1, 2, 0}; // z = 6, 8, 10
        for (size_t k = 0; k < 3; ++k) {
            QCOMPARE(s.slices[k].frame, wantFrame[k]);
            QCOMPARE((*s.slices[k].info.position)[2], 6.0 + 2.0 * double(k));
        }
        QVERIFY2(s.warnings.empty(), s.warnings.empty() ? "" : s.warnings[0].c_str());
        QVERIFY(std::abs(s.spacing - 2.0) < 1e-9);
        const Volume v = loadVolume(s);
        for (size_t k = 0; k < 3; ++k) // HU: raw - 1024, frame-specific values
            QCOMPARE(v.slices[k].at<float>(1, 2), float(1000 + 100 * wantFrame[k] + 8 - 1024));
        const VolumeGeometry g = geometryOf(s);
        const auto p = g.toPatient(2, 1, 2);
        QVERIFY(std::abs(p[0] - (-5 + 2 * 0.6)) < 1e-9 && std::abs(p[1] - (-7 + 1 * 0.7)) < 1e-9 && std::abs(p[2] - 10) < 1e-9);
    }

    void missingAndDuplicateSlicesAreReported()
    {
        QTemporaryDir d;
        auto stack = obliqueStack(6, 2.5);
        for (size_t k = 0; k < stack.size(); ++k) {
            if (k == 3) continue; // missing
            writeSlice(d.path().toStdString() + "/s" + std::to_string(k), "1.2.3.4.200", stack[k], kOblique);
        }
        writeSlice(d.path().toStdString() + "/dup", "1.2.3.4.200", stack[1], kOblique); // duplicate position
        DicomScan scan = scanDicomFolder(d.path().toStdString());
        QCOMPARE(int(scan.series.size()), 1);
        bool missing = false, dup = false;
        for (const auto& w : scan.series[0].warnings) {
            missing = missing || w.find("1 slice(s) missing") != std::string::npos;
            dup = dup || w.find("duplicate") != std::string::npos;
        }
        QVERIFY(missing);
        QVERIFY(dup);
    }

    void mixedSeriesAndABadFileInOneFolder()
    {
        QTemporaryDir d;
        auto a = obliqueStack(3, 2.5);
        for (size_t k = 0; k < 3; ++k) writeSlice(d.path().toStdString() + "/a" + std::to_string(k), "1.2.3.4.300", a[k], kOblique);
        for (size_t k = 0; k < 2; ++k) {
            GenSlice s{"", {0, 0, double(k) * 5}, int(k) + 1, 10};
            writeSlice(d.path().toStdString() + "/b" + std::to_string(k), "1.2.3.4.301", s, kAxial);
        }
        // A corrupt file that claims to be DICOM, and a text file that does not.
        std::string junk(128, '\0');
        junk += "DICM";
        junk += std::string(40, '\x7f');
        std::ofstream(d.path().toStdString() + "/broken.dcm", std::ios::binary) << junk;
        std::ofstream(d.path().toStdString() + "/notes.txt") << "not an image";
        DicomScan scan = scanDicomFolder(d.path().toStdString());
        QCOMPARE(int(scan.series.size()), 2); // the caller chooses
        QCOMPARE(int(scan.errors.size()), 1);
        QVERIFY(QString::fromStdString(scan.errors[0]).contains("broken.dcm"));
        QCOMPARE(scan.filesRead, 5);
    }

    void missingPixelDataAndTruncatedFiles()
    {
        QTemporaryDir d;
        GenSlice s{"", {0, 0, 0}, 1, 0};
        const std::string noPix = d.path().toStdString() + "/nopix.dcm";
        writeSlice(noPix, "1.2.3.4.400", s, kAxial, false);
        try {
            readDicomPixels(noPix);
            QFAIL("no error");
        } catch (const ImageError& e) {
            QVERIFY2(QString(e.what()).contains("nopix.dcm") && QString(e.what()).contains("no Pixel Data"), e.what());
        }
        // CT_small cut in half: the pixel data is short.
        std::ifstream in(dicomDir() / "CT_small.dcm", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        const std::string cut = d.path().toStdString() + "/cut.dcm";
        std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        try {
            readDicomPixels(cut);
            QFAIL("no error for a truncated file");
        } catch (const ImageError& e) {
            QVERIFY2(QString(e.what()).contains("cut.dcm"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ImageError, readDicomInfo(d.path().toStdString() + "/absent.dcm"));
    }

    void dicomdirIsFollowed()
    {
        QTemporaryDir d;
        const fs::path root = d.path().toStdString();
        fs::create_directories(root / "IMAGES");
        auto stack = obliqueStack(3, 2.5);
        for (size_t k = 0; k < stack.size(); ++k)
            writeSlice(root / "IMAGES" / ("IM" + std::to_string(k)), "1.2.3.4.500", stack[k], kOblique);
        // A decoy outside the DICOMDIR: a DICOMDIR-listed folder reads only what it lists.
        writeSlice(root / "DECOY", "1.2.3.4.501", GenSlice{"", {0, 0, 0}, 1, 0}, kAxial);
        {
            DicomDirInterface dd;
            dd.enableInventMode(OFTrue); // fill type-1 directory attributes the test files do not carry
            QVERIFY(dd.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, (root / "DICOMDIR").c_str(), "SAMSPTEST").good());
            for (int k = 0; k < 3; ++k) {
                OFCondition st = dd.addDicomFile(("IMAGES/IM" + std::to_string(k)).c_str(), root.c_str());
                QVERIFY2(st.good(), st.text());
            }
            QVERIFY(dd.writeDicomDir().good());
        }
        auto files = dicomdirFiles(root / "DICOMDIR");
        QCOMPARE(int(files.size()), 3);
        for (const auto& f : files) QVERIFY2(fs::exists(f), f.c_str());
        DicomScan scan = scanDicomFolder(root);
        QCOMPARE(int(scan.series.size()), 1);
        QCOMPARE(scan.series[0].seriesInstanceUid, std::string("1.2.3.4.500"));
        QCOMPARE(int(scan.series[0].slices.size()), 3);
        QVERIFY_THROWS_EXCEPTION(ImageError, dicomdirFiles(root / "IMAGES" / "IM0"));
    }

    void dicomImageDocumentUsesTheFileWindow()
    {
        Image img = loadDicomImage(dicomDir() / "CT_small.dcm");
        QCOMPARE(img.info.format, std::string("DICOM"));
        QCOMPARE(img.pixels.type(), CV_32FC1);
        cv::Mat rgb = toRgb8(img.pixels, img.window, img.invert);
        QCOMPARE(rgb.type(), CV_8UC3);
        QVERIFY(windowPreset("lung").has_value());
        QCOMPARE(windowPreset("lung")->center, -600.0);
        QVERIFY(!windowPreset("nonsense"));
    }

    void everyPathGivesTheModelTheStudiosView()
    {
        // A MONOCHROME1 slice (bright = low values): the studio inverts it for the model;
        // training / evaluation pairs (loadPair), the batch and dataset export read their
        // pixels through the same imaging::Document, so they do too (loadPair did not).
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const fs::path f = dir / "mono1.dcm";
        writeSlice(f, "1.2.826.0.1.3680043.2.1125.99.77", {"", {0, 0, 0}, 1, 100}, kAxial);
        {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(f.c_str()).good());
            ff.getDataset()->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME1");
            ff.getDataset()->putAndInsertString(DCM_WindowCenter, "-920");
            ff.getDataset()->putAndInsertString(DCM_WindowWidth, "8");
            QVERIFY(ff.saveFile(f.c_str(), EXS_LittleEndianExplicit).good());
        }
        const cv::Mat mask = cv::Mat::zeros(8, 8, CV_8UC1);
        QVERIFY(cv::imwrite((dir / "mono1_mask.png").string(), mask));

        Document studio = Document::openFrame(f, 0);
        QVERIFY(studio.invert);
        studio.maxViewSide = 0;
        const cv::Mat view = studio.modelView(0).rgb;
        // Inverted: the lowest value (x = 0) is the brightest.
        QVERIFY(view.at<cv::Vec3b>(0, 0)[0] > view.at<cv::Vec3b>(0, 7)[0]);

        const samsp::pipeline::LoadedPair lp = samsp::pipeline::loadPair({"mono1", f, dir / "mono1_mask.png"});
        QCOMPARE(cv::norm(lp.rgb, view, cv::NORM_INF), 0.0);
        DocumentReader reader(0);
        QCOMPARE(cv::norm(reader.frame(f, 0).modelView(0).rgb, view, cv::NORM_INF), 0.0);
        QCOMPARE(reader.frame(f, 0).embeddingKey(0, "m"), studio.embeddingKey(0, "m"));
    }
};

QTEST_GUILESS_MAIN(TestDicom)
#include "test_dicom.moc"
