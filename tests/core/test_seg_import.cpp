// Segmentations made by other tools: every SEG in ../shared/testdata/dicom/seg read
// (BINARY, FRACTIONAL, LABELMAP, overlapping segments, every transfer syntax there;
// JPEG 2000 refused clearly), frames laid on the right slices (by reference, else by
// position in the Frame of Reference; never by file order), a round trip through our
// writer, NIfTI volumes laid on their series or refused with the mismatch named.
//
// Expected pixel counts were computed outside this code: by counting the set bits of
// each frame of the files' uncompressed Pixel Data (LSB first, frames following bit
// after bit) with a few lines of Python.

#include "formats/atomic_file.h"
#include "formats/dicom_seg.h"
#include "formats/nifti.h"
#include "imaging/dicom.h"
#include "pipeline/format_registry.h"
#include "pipeline/items.h"
#include "pipeline/project.h"
#include "pipeline/seg_import.h"

#include "dciodvfy.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <opencv2/core.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <filesystem>
#include <optional>

using namespace samsp;
namespace fs = std::filesystem;

namespace {
fs::path segDir() { return fs::path(SAMSP_SHARED_TESTDATA) / "dicom" / "seg"; }
fs::path ct3() { return segDir() / "dcmqi" / "ct-3slice"; }

int64_t pixels(const formats::DicomSegObject& s)
{
    int64_t n = 0;
    for (const auto& f : s.frames) n += cv::countNonZero(f.mask);
    return n;
}

// Foreground pixels per slice file name.
std::map<std::string, int> perFile(const std::vector<annotation::ImageAnnotation>& anns)
{
    std::map<std::string, int> out;
    for (const auto& a : anns) {
        int n = 0;
        for (const auto& in : a.instances) n += static_cast<int>(annotation::rleArea(in.mask));
        out[fs::path(a.image).filename().string()] = n;
    }
    return out;
}

imaging::DicomSeries only(const fs::path& dir)
{
    auto scan = imaging::scanDicomFolder(dir);
    if (scan.series.size() != 1) throw std::runtime_error("expected one series in " + dir.string());
    return scan.series.front();
}
} // namespace

class TestSegImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySegOpens_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("frames");
        QTest::addColumn<qint64>("pixels");
        auto row = [](const char* f, const char* t, int s, int fr, qint64 px) {
            QTest::newRow(f) << QString(f) << QString(t) << s << fr << px;
        };
        row("dcmqi/liver.dcm", "BINARY", 1, 3, 107098);
        row("dcmqi/partial_overlaps.dcm", "BINARY", 5, 7, 43639);
        row("dcmqi/sparse-labelmap-noppv.dcm", "LABELMAP", 2, 2, 630);
        row("dcmqi/sparse-labelmap-ppv5.dcm", "LABELMAP", 2, 2, 630);
        row("pydicom-data/liver.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_expb.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_rle.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_deflate.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_nonbyte_aligned.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_nonbyte_aligned_rle.dcm", "BINARY", 1, 3, 107098);
        row("pydicom-data/liver_nonbyte_aligned_deflate.dcm", "BINARY", 1, 3, 107098);
        row("highdicom/seg_image_ct_binary.dcm", "BINARY", 1, 3, 638);
        row("highdicom/seg_image_ct_binary_single_frame.dcm", "BINARY", 1, 1, 1832);
        row("highdicom/seg_image_ct_binary_overlap.dcm", "BINARY", 2, 8, 80);
        row("highdicom/seg_image_ct_binary_fractional.dcm", "FRACTIONAL", 1, 3, 638);
        row("highdicom/seg_image_ct_true_fractional.dcm", "FRACTIONAL", 1, 3, 638);
    }

    void everySegOpens()
    {
        QFETCH(QString, file);
        QFETCH(QString, type);
        QFETCH(int, segments);
        QFETCH(int, frames);
        QFETCH(qint64, pixels);
        const auto seg = formats::readDicomSeg(segDir() / file.toStdString());
        QCOMPARE(QString::fromStdString(seg.segmentationType), type);
        QCOMPARE(static_cast<int>(seg.segments.size()), segments);
        QCOMPARE(seg.storedFrames, frames);
        QCOMPARE(static_cast<qint64>(::pixels(seg)), pixels);
        QVERIFY(!seg.referencedSeries.empty());
    }

    void theRegistryNamesTheReaders()
    {
        const auto* seg = pipeline::findImportFormat(segDir() / "dcmqi/liver.dcm");
        QVERIFY(seg);
        QCOMPARE(seg->id, std::string("dicom-seg"));
        QVERIFY(seg->aggregate && seg->volumes && seg->readOver); // written and read by one entry
        const auto* nii = pipeline::findImportFormat("/somewhere/labels.nii.gz");
        QVERIFY(nii);
        QCOMPARE(nii->id, std::string("nifti"));
        QVERIFY(!pipeline::findImportFormat(fs::path(SAMSP_SOURCE_DIR) / "resources/samples/synth_7_00000.png"));
        try {
            pipeline::readSegmentationFor(fs::path(SAMSP_SOURCE_DIR) / "CMakeLists.txt", {}, {});
            QFAIL("a text file was imported");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("neither a DICOM SEG nor a NIfTI"), e.what());
        }
    }

    void jpeg2000IsRefusedClearly()
    {
        for (const char* f : {"pydicom-data/liver_j2k.dcm", "pydicom-data/liver_nonbyte_aligned_j2k.dcm"}) {
            try {
                formats::readDicomSeg(segDir() / f);
                QFAIL("a JPEG 2000 SEG was read");
            } catch (const formats::ReadError& e) {
                const QString m = e.what();
                QVERIFY2(m.contains("JPEG 2000") && m.contains("cannot be decoded") && m.contains(f), qPrintable(m));
            }
        }
        QVERIFY_THROWS_EXCEPTION(formats::ReadError, formats::readDicomSeg(ct3() / "01.dcm")); // a CT, not a SEG
    }

    void framesGoToTheirSlicesByReferenceNotFileOrder()
    {
        // dcmqi's liver SEG lists its frames in reverse file order of the slices.
        const auto series = only(ct3());
        annotation::LabelSet labels;
        int unmatched = -1;
        const auto anns = formats::dicomSegToAnnotations(formats::readDicomSeg(segDir() / "dcmqi/liver.dcm"), series.slices, labels, &unmatched);
        QCOMPARE(unmatched, 0);
        const auto px = perFile(anns);
        QCOMPARE(px.at("03.dcm"), 36233); // the SEG's first frame
        QCOMPARE(px.at("02.dcm"), 35645);
        QCOMPARE(px.at("01.dcm"), 35220);
        const auto* liver = labels.findByName("Liver");
        QVERIFY(liver);
        QCOMPARE(liver->type.meaning, std::string("Liver"));
        QCOMPARE(anns.front().instances.front().source, annotation::Source::Edited); // SEMIAUTOMATIC
        // The same SEG in other encodings lands the same way.
        for (const char* f : {"pydicom-data/liver_rle.dcm", "pydicom-data/liver_deflate.dcm", "pydicom-data/liver_expb.dcm"}) {
            annotation::LabelSet l;
            QCOMPARE(perFile(formats::dicomSegToAnnotations(formats::readDicomSeg(segDir() / f), series.slices, l)), px);
        }
    }

    void framesWithoutReferencesGoByPosition()
    {
        // The liver SEG without its per-frame source references: matched by Image
        // Position (Patient) in the Frame of Reference; with another Frame of Reference,
        // nothing matches (never by order).
        QTemporaryDir tmp;
        const fs::path noRefs = fs::path(tmp.path().toStdString()) / "norefs.dcm";
        const fs::path otherFor = fs::path(tmp.path().toStdString()) / "otherfor.dcm";
        {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile((segDir() / "dcmqi/liver.dcm").c_str()).good());
            DcmSequenceOfItems* perFrame = nullptr;
            QVERIFY(ff.getDataset()->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good());
            for (unsigned long k = 0; k < perFrame->card(); ++k) {
                DcmItem* item = perFrame->getItem(k);
                QVERIFY(item->findAndDeleteElement(DCM_DerivationImageSequence).good());
            }
            QVERIFY(ff.saveFile(noRefs.c_str(), EXS_LittleEndianExplicit).good());
            ff.getDataset()->putAndInsertString(DCM_FrameOfReferenceUID, "1.2.826.0.1.3680043.2.1125.99.5");
            QVERIFY(ff.saveFile(otherFor.c_str(), EXS_LittleEndianExplicit).good());
        }
        const auto series = only(ct3());
        annotation::LabelSet labels;
        int unmatched = -1;
        const auto seg = formats::readDicomSeg(noRefs);
        for (const auto& f : seg.frames) QVERIFY(f.referencedSopInstanceUid.empty());
        const auto px = perFile(formats::dicomSegToAnnotations(seg, series.slices, labels, &unmatched));
        QCOMPARE(unmatched, 0);
        QCOMPARE(px.at("03.dcm"), 36233);
        QCOMPARE(px.at("02.dcm"), 35645);
        QCOMPARE(px.at("01.dcm"), 35220);
        formats::dicomSegToAnnotations(formats::readDicomSeg(otherFor), series.slices, labels, &unmatched);
        QCOMPARE(unmatched, 3);
    }

    void labelmapFractionalOverlapAndColours()
    {
        // FRACTIONAL at the default threshold: the same masks as highdicom's BINARY twin.
        const auto bin = formats::readDicomSeg(segDir() / "highdicom/seg_image_ct_binary.dcm");
        const auto frac = formats::readDicomSeg(segDir() / "highdicom/seg_image_ct_binary_fractional.dcm");
        QCOMPARE(bin.frames.size(), frac.frames.size());
        for (size_t k = 0; k < bin.frames.size(); ++k) QCOMPARE(cv::countNonZero(bin.frames[k].mask != frac.frames[k].mask), 0);
        QCOMPARE(cv::countNonZero(bin.frames[0].mask), 127);
        QCOMPARE(cv::countNonZero(bin.frames[1].mask), 256);
        // A threshold above every stored value: nothing inside.
        QCOMPARE(::pixels(formats::readDicomSeg(segDir() / "highdicom/seg_image_ct_true_fractional.dcm", 1.01)), int64_t(0));

        // Overlapping segments on one slice stay two instances.
        const auto ct4 = only(fs::path(SAMSP_SHARED_TESTDATA) / "dicom" / "series_ct4");
        annotation::LabelSet labels;
        int unmatched = -1;
        const auto anns = formats::dicomSegToAnnotations(formats::readDicomSeg(segDir() / "highdicom/seg_image_ct_binary_overlap.dcm"),
                                                         ct4.slices, labels, &unmatched);
        QCOMPARE(unmatched, 0);
        int both = 0;
        for (const auto& a : anns) {
            if (a.instances.size() != 2) continue;
            ++both;
            const cv::Mat m0 = annotation::rleDecodeMat(a.instances[0].mask), m1 = annotation::rleDecodeMat(a.instances[1].mask);
            cv::Mat overlap;
            cv::bitwise_and(m0, m1, overlap);
            QVERIFY(cv::countNonZero(overlap) > 0);
        }
        QCOMPARE(both, 4);

        // LABELMAP: the background segment (0) is not a label.
        const auto lm = formats::readDicomSeg(segDir() / "dcmqi/sparse-labelmap-ppv5.dcm");
        QCOMPARE(static_cast<int>(lm.frames.size()), 2);
        for (const auto& f : lm.frames) QCOMPARE(f.segment, 1);

        // Recommended display colours (CIELab) as RGB: dcmqi's GREEN is green, DARK_BLUE blue.
        const auto po = formats::readDicomSeg(segDir() / "dcmqi/partial_overlaps.dcm");
        for (const auto& s : po.segments) {
            QVERIFY(s.color.has_value());
            const auto c = *s.color;
            if (s.label == "GREEN") QVERIFY2(c[1] > c[0] && c[1] > c[2], s.label.c_str());
            if (s.label == "DARK_BLUE") QVERIFY2(c[2] > c[0] && c[2] > c[1], s.label.c_str());
        }
    }

    void labelmapPaletteColours()
    {
        // dcmqi's LABELMAP rewritten as PALETTE COLOR without CIELab values: segment 1
        // takes its colour from the palette (entry 1 - first mapped), as 16-bit entries,
        // as 8-bit entries one a word, and as 8-bit entries packed two a word. The
        // palette is not read for MONOCHROME2, and a segment's CIELab value wins.
        QTemporaryDir tmp;
        const auto write = [&](const char* name, const char* photometric, bool keepLab, Uint16 first, Uint16 bits,
                               const std::vector<std::array<Uint16, 3>>& table, bool packed) {
            DcmFileFormat ff;
            if (!ff.loadFile((segDir() / "dcmqi/sparse-labelmap-ppv5.dcm").c_str()).good()) return fs::path();
            DcmDataset* ds = ff.getDataset();
            DcmSequenceOfItems* segs = nullptr;
            ds->findAndGetSequence(DCM_SegmentSequence, segs);
            for (unsigned long k = 0; !keepLab && segs && k < segs->card(); ++k)
                segs->getItem(k)->findAndDeleteElement(DCM_RecommendedDisplayCIELabValue);
            ds->putAndInsertString(DCM_PhotometricInterpretation, photometric);
            const DcmTagKey desc[3] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                       DCM_BluePaletteColorLookupTableDescriptor};
            const DcmTagKey data[3] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                                       DCM_BluePaletteColorLookupTableData};
            for (int c = 0; c < 3; ++c) {
                const Uint16 d[3] = {static_cast<Uint16>(table.size()), first, bits};
                ds->putAndInsertUint16Array(desc[c], d, 3);
                std::vector<Uint16> words;
                if (packed) {
                    words.assign((table.size() + 1) / 2, 0);
                    for (size_t k = 0; k < table.size(); ++k) words[k / 2] |= static_cast<Uint16>(table[k][c] << (8 * (k % 2)));
                } else
                    for (const auto& e : table) words.push_back(e[c]);
                ds->putAndInsertUint16Array(data[c], words.data(), static_cast<unsigned long>(words.size()));
            }
            const fs::path out = fs::path(tmp.path().toStdString()) / name;
            return ff.saveFile(out.c_str(), EXS_LittleEndianExplicit).good() ? out : fs::path();
        };
        const auto colourOf = [](const fs::path& f, int number) {
            for (const auto& s : formats::readDicomSeg(f).segments)
                if (s.number == number) return s.color;
            return std::optional<std::array<uint8_t, 3>>();
        };
        using C = std::array<uint8_t, 3>;
        const std::vector<std::array<Uint16, 3>> t16 = {{0, 0, 0}, {10 << 8, 200 << 8, 30 << 8}, {1 << 8, 2 << 8, 3 << 8}};
        const std::vector<std::array<Uint16, 3>> t8 = {{0, 0, 0}, {10, 200, 30}, {1, 2, 3}};
        const std::vector<std::array<Uint16, 3>> t8first1 = {{10, 200, 30}, {1, 2, 3}, {7, 7, 7}};
        const fs::path p16 = write("p16.dcm", "PALETTE COLOR", false, 0, 16, t16, false);
        const fs::path p8 = write("p8.dcm", "PALETTE COLOR", false, 0, 8, t8, false);
        const fs::path packed = write("packed.dcm", "PALETTE COLOR", false, 1, 8, t8first1, true);
        const fs::path mono = write("mono.dcm", "MONOCHROME2", false, 0, 16, t16, false);
        const fs::path lab = write("lab.dcm", "PALETTE COLOR", true, 0, 16, t16, false);
        for (const auto& f : {p16, p8, packed, mono, lab}) QVERIFY(!f.empty());
        QCOMPARE(colourOf(p16, 1), std::optional<C>(C{10, 200, 30}));
        QCOMPARE(colourOf(p8, 1), std::optional<C>(C{10, 200, 30}));
        QCOMPARE(colourOf(packed, 1), std::optional<C>(C{10, 200, 30}));
        QVERIFY(!colourOf(mono, 1).has_value());
        const auto labColour = colourOf(lab, 1);
        QVERIFY(labColour.has_value());
        QVERIFY(*labColour != (C{10, 200, 30}));
        QCOMPARE(colourOf(lab, 1), colourOf(segDir() / "dcmqi/sparse-labelmap-ppv5.dcm", 1));
        // The masks do not change with the palette.
        const auto a = formats::readDicomSeg(p16), b = formats::readDicomSeg(segDir() / "dcmqi/sparse-labelmap-ppv5.dcm");
        QCOMPARE(a.frames.size(), b.frames.size());
        for (size_t k = 0; k < a.frames.size(); ++k) QCOMPARE(cv::countNonZero(a.frames[k].mask != b.frames[k].mask), 0);
    }

    void importEditExportImportRoundTrip()
    {
        // Into a project (the studio's keys), then written by our SEG writer and read back:
        // segments, codes and masks as they were.
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const auto series = only(ct3());
        pipeline::Project project;
        std::map<std::string, std::string> keyOf;
        for (const auto& it : pipeline::enumerateBatchItems({ct3()})) {
            keyOf[fs::absolute(it.file).lexically_normal().string()] = it.key;
            project.upsert(pipeline::projectItemFor(it));
        }
        const auto imp = pipeline::readSegmentationFor(segDir() / "dcmqi/partial_overlaps.dcm", {series}, project.labels);
        QCOMPARE(imp.format, std::string("dicom-seg"));
        const auto rep = pipeline::applyImport(project, imp, [&](const fs::path& f, int) {
            return keyOf.at(fs::absolute(f).lexically_normal().string());
        });
        QCOMPARE(rep.itemsChanged, 3);
        QCOMPARE(rep.instances, 7);
        QVERIFY(rep.missingItems.empty());
        QCOMPARE(project.find("01.dcm")->state, pipeline::ItemState::Accepted); // MANUAL segments

        std::vector<annotation::ImageAnnotation> perSlice;
        for (const auto& sl : series.slices)
            perSlice.push_back(project.find(keyOf.at(fs::absolute(sl.info.file).lexically_normal().string()))->annotation);
        const fs::path out = dir / "again.dcm";
        formats::writeDicomSeg(out, series.slices, perSlice, project.labels);
        const auto back = formats::readDicomSeg(out);
        const auto orig = formats::readDicomSeg(segDir() / "dcmqi/partial_overlaps.dcm");
        QVERIFY(back.sopInstanceUid != orig.sopInstanceUid);
        QCOMPARE(::pixels(back), ::pixels(orig));
        for (const auto& s : orig.segments) {
            const auto it = std::find_if(back.segments.begin(), back.segments.end(), [&](const auto& b) { return b.label == s.label; });
            QVERIFY2(it != back.segments.end(), s.label.c_str());
            QCOMPARE(it->type, s.type);
            QCOMPARE(it->category, s.category);
            QCOMPARE(it->algorithmType, std::string("MANUAL"));
        }
        annotation::LabelSet again = project.labels;
        QCOMPARE(perFile(formats::dicomSegToAnnotations(back, series.slices, again)), perFile(imp.perSlice));

        // Edited, then saved back through the format registry (as File > Export does): a new
        // SEG naming the imported one, the edited segment SEMIAUTOMATIC, its mask as edited.
        auto& edited = project.find("02.dcm")->annotation.instances.front();
        cv::Mat m = annotation::rleDecodeMat(edited.mask);
        const int before = cv::countNonZero(m);
        m(cv::Rect(0, 0, 10, 10)).setTo(255); // a corner the segment did not cover
        edited.mask = annotation::rleEncode(m);
        edited.source = annotation::Source::Edited;
        const int added = cv::countNonZero(m) - before;
        QVERIFY(added > 0);
        std::vector<pipeline::AggregateProblem> problems;
        const auto* fmt = pipeline::findOutputFormat("dicom-seg");
        const auto files = fmt->writeAggregate(dir / "export", pipeline::AggregateInput{project, {}, {}}, problems);
        QVERIFY(problems.empty());
        QCOMPARE(files.size(), size_t(1));
        {
            // A valid Segmentation IOD, the derivation reference included.
            const auto check = samsp::testing::dciodvfy(files.front());
            QVERIFY2(check.ran, "dciodvfy (Debian package dicom3tools) is not installed");
            QVERIFY2(check.clean(), qPrintable(check.report));
        }
        const auto saved = formats::readDicomSeg(files.front());
        QCOMPARE(::pixels(saved), ::pixels(orig) + added);
        const std::string editedLabel = project.labels.find(edited.labelId)->name;
        for (const auto& sg : saved.segments)
            QCOMPARE(sg.algorithmType, std::string(sg.label == editedLabel ? "SEMIAUTOMATIC" : "MANUAL"));
        QVERIFY2(std::find(saved.referencedSeries.begin(), saved.referencedSeries.end(), orig.seriesInstanceUid) != saved.referencedSeries.end(),
                 "the saved SEG does not reference the imported SEG's series");
        {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(files.front().c_str()).good());
            OFString text;
            DcmStack stack;
            bool found = false;
            while (ff.getDataset()->search(DCM_ReferencedSOPInstanceUID, stack, ESM_afterStackTop, OFTrue).good()) {
                static_cast<DcmElement*>(stack.top())->getOFString(text, 0);
                found = found || text.c_str() == orig.sopInstanceUid;
            }
            QVERIFY2(found, "the imported SEG's SOP Instance UID is not referenced");
        }
        // Read back once more over the series: the edit is there, the other slices as imported.
        annotation::LabelSet l2 = project.labels;
        const auto again2 = perFile(formats::dicomSegToAnnotations(saved, series.slices, l2));
        auto expect = perFile(imp.perSlice);
        QCOMPARE(again2.at("01.dcm"), expect.at("01.dcm"));
        QCOMPARE(again2.at("03.dcm"), expect.at("03.dcm"));

        // A SEG of a series that is not here: the series it needs, by UID.
        try {
            pipeline::readSegmentationFor(segDir() / "highdicom/seg_image_ct_binary.dcm", {series}, {});
            QFAIL("a SEG of another series was laid on this one");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.2"), e.what());
        }
    }

    void niftiLiesOnItsSeriesOrIsRefused()
    {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const auto series = only(ct3());
        const auto g = imaging::geometryOf(series);
        std::vector<cv::Mat> maps;
        for (int k = 0; k < 3; ++k) {
            cv::Mat m = cv::Mat::zeros(512, 512, CV_8UC1);
            m(cv::Rect(100 + 20 * k, 200, 50, 40)).setTo(2);
            m(cv::Rect(300, 300, 10, 10)).setTo(5);
            maps.push_back(m);
        }
        formats::writeNiftiLabels(dir / "labels.nii.gz", maps, g, imaging::gridIndices(series, g));
        const auto imp = pipeline::readSegmentationFor(dir / "labels.nii.gz", {series}, annotation::LabelSet::defaults());
        QCOMPARE(imp.format, std::string("nifti"));
        QCOMPARE(imp.instances(), 6);
        QVERIFY(imp.labels.find(2) && imp.labels.find(5));
        for (size_t k = 0; k < series.slices.size(); ++k) {
            const auto& a = imp.perSlice[k];
            QCOMPARE(static_cast<int>(a.instances.size()), 2);
            QCOMPARE(cv::countNonZero(a.labelMap() != maps[k]), 0); // slice k of the volume on slice k of the series
        }

        auto refusal = [&](const imaging::VolumeGeometry& wrong, const char* name) {
            formats::writeNiftiLabels(dir / name, maps, wrong, imaging::gridIndices(series, g));
            try {
                pipeline::readSegmentationFor(dir / name, {series}, {});
            } catch (const std::exception& e) {
                return QString(e.what());
            }
            return QString();
        };
        auto shifted = g;
        shifted.origin[0] += 5.0;
        QVERIFY2(refusal(shifted, "shifted.nii").contains("origin mismatch"), qPrintable(refusal(shifted, "shifted.nii")));
        auto spaced = g;
        spaced.rowSpacing *= 1.5;
        QVERIFY(refusal(spaced, "spaced.nii").contains("spacing mismatch"));
        auto turned = g;
        std::swap(turned.rowDirection, turned.columnDirection);
        QVERIFY(refusal(turned, "turned.nii").contains("orientation mismatch"));
        formats::writeNiftiLabels(dir / "short.nii", {maps[0], maps[1]}, g);
        try {
            pipeline::readSegmentationFor(dir / "short.nii", {series}, {});
            QFAIL("a 2-slice volume was laid on 3 slices");
        } catch (const std::exception& e) {
            QVERIFY2(QString(e.what()).contains("size mismatch") && QString(e.what()).contains("512 x 512 x 2"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestSegImport)
#include "test_seg_import.moc"
