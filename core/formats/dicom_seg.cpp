#include "dicom_seg.h"

#include "atomic_file.h"
#include "common/version.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/cielabutil.h>
#include <dcmtk/dcmiod/iodutil.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>
#include <dcmtk/oflog/oflog.h>

#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace samsp::formats {

using annotation::ImageAnnotation;
using annotation::LabelSet;
using annotation::Source;

namespace {
std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v); // DS: at most 16 characters
    return buf;
}

void check(const OFCondition& c, const std::filesystem::path& p, const std::string& what)
{
    if (c.bad()) throw WriteError(p, what + ": " + c.text());
}

void quietDcmtk()
{
    static const bool once = [] {
        OFLog::configure(OFLogger::ERROR_LOG_LEVEL);
        return true;
    }();
    (void)once;
}

CodeSequenceMacro code(const annotation::CodedConcept& c, const annotation::CodedConcept& fallback)
{
    const auto& x = c.empty() ? fallback : c;
    return CodeSequenceMacro(x.value.c_str(), x.scheme.c_str(), x.meaning.c_str());
}
} // namespace

void writeDicomSeg(const std::filesystem::path& p, const std::vector<imaging::SeriesSlice>& slices,
                   const std::vector<ImageAnnotation>& perSlice, const LabelSet& labels, const DicomSegOptions& opts)
{
    quietDcmtk();
    if (slices.empty()) throw WriteError(p, "DICOM SEG needs at least one DICOM source image");
    if (slices.size() != perSlice.size()) throw WriteError(p, "one annotation per source slice is needed");
    const auto& first = slices.front().info;
    const int rows = first.rows, cols = first.columns;
    if (rows <= 0 || cols <= 0 || rows > 65535 || cols > 65535) throw WriteError(p, "source image has no valid size");
    for (size_t i = 0; i < slices.size(); ++i) {
        if (slices[i].info.rows != rows || slices[i].info.columns != cols)
            throw WriteError(p, "source slices differ in size ('" + slices[i].info.file.string() + "')");
        if (perSlice[i].width != cols || perSlice[i].height != rows)
            throw WriteError(p, "annotation of '" + slices[i].info.file.string() + "' is " +
                                    std::to_string(perSlice[i].width) + "x" + std::to_string(perSlice[i].height) +
                                    ", the image " + std::to_string(cols) + "x" + std::to_string(rows));
    }

    // Classes present, and how their masks came about.
    std::map<int, std::set<Source>> used;
    for (const auto& a : perSlice)
        for (const auto& in : a.instances)
            if (in.area() > 0) used[in.labelId].insert(in.source);
    if (used.empty() && !labels.classes.empty()) used[labels.classes.front().id] = {Source::Automatic};
    if (used.empty()) throw WriteError(p, "no label class to write");

    IODGeneralEquipmentModule::EquipmentInfo eq(SAMSP_APP_NAME, "SAM-SP", "1", SAMSP_VERSION);
    ContentIdentificationMacro ci("1", opts.contentLabel.c_str(), opts.seriesDescription.c_str(), opts.creator.c_str());
    DcmSegmentation* rawSeg = nullptr;
    check(DcmSegmentation::createBinarySegmentation(rawSeg, static_cast<Uint16>(rows), static_cast<Uint16>(cols), eq, ci),
          p, "creating the segmentation");
    std::unique_ptr<DcmSegmentation> seg(rawSeg);
    check(seg->importFromSourceImage(first.file.c_str()), p, "copying patient/study from '" + first.file.string() + "'");
    seg->getSeries().setSeriesDescription(opts.seriesDescription.c_str());
    seg->getSeries().setSeriesNumber(std::to_string(opts.seriesNumber).c_str());
    char uid[100];
    seg->getSeries().setSeriesInstanceUID(dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
    if (!first.frameOfReferenceUid.empty())
        seg->getFrameOfReference().setFrameOfReferenceUID(first.frameOfReferenceUid.c_str());

    // Segments.
    std::map<int, Uint16> segmentOf;
    for (const auto& [labelId, sources] : used) {
        const auto* cls = labels.find(labelId);
        const std::string name = cls ? cls->name : "label " + std::to_string(labelId);
        DcmSegTypes::E_SegmentAlgoType algo = DcmSegTypes::SAT_SEMIAUTOMATIC;
        if (sources == std::set<Source>{Source::Automatic}) algo = DcmSegTypes::SAT_AUTOMATIC;
        if (sources == std::set<Source>{Source::Manual}) algo = DcmSegTypes::SAT_MANUAL;
        const annotation::CodedConcept tissue{"85756007", "SCT", "Tissue"};
        DcmSegment* segment = nullptr;
        check(DcmSegment::create(segment, name.c_str(), code(cls ? cls->category : tissue, tissue),
                                 code(cls ? cls->type : tissue, tissue), algo,
                                 algo == DcmSegTypes::SAT_MANUAL ? "" : opts.algorithmName.c_str()),
              p, "creating segment '" + name + "'");
        if (cls) {
            double L = 0, a = 0, b = 0;
            IODCIELabUtil::rgb2DicomLab(L, a, b, cls->color[0] / 255.0, cls->color[1] / 255.0, cls->color[2] / 255.0);
            segment->setRecommendedDisplayCIELabValue(static_cast<Uint16>(L), static_cast<Uint16>(a),
                                                      static_cast<Uint16>(b));
        }
        Uint16 number = 0;
        const OFCondition added = seg->addSegment(segment, number);
        if (added.bad()) {
            delete segment;
            check(added, p, "adding segment '" + name + "'");
        }
        segmentOf[labelId] = number;
    }

    // Geometry shared by every frame.
    FGPixelMeasures measures;
    measures.setPixelSpacing((num(first.pixelSpacing[0]) + "\\" + num(first.pixelSpacing[1])).c_str());
    if (first.sliceThickness > 0) measures.setSliceThickness(num(first.sliceThickness).c_str());
    check(seg->addForAllFrames(measures), p, "pixel measures");
    if (first.orientation) {
        const auto& o = *first.orientation;
        std::unique_ptr<FGPlaneOrientationPatient> orient(FGPlaneOrientationPatient::createMinimal(
            num(o[0]).c_str(), num(o[1]).c_str(), num(o[2]).c_str(), num(o[3]).c_str(), num(o[4]).c_str(),
            num(o[5]).c_str()));
        if (!orient) throw WriteError(p, "invalid Image Orientation (Patient)");
        check(seg->addForAllFrames(*orient), p, "plane orientation");
    }

    // Dimensions: segment, then position along the series.
    char dimUid[100];
    dcmGenerateUniqueIdentifier(dimUid, SITE_INSTANCE_UID_ROOT);
    auto& dims = seg->getDimensions();
    check(dims.addDimensionIndex(DCM_ReferencedSegmentNumber, dimUid, DCM_SegmentIdentificationSequence,
                                 "ReferencedSegmentNumber"),
          p, "dimension index");
    if (first.position)
        check(dims.addDimensionIndex(DCM_ImagePositionPatient, dimUid, DCM_PlanePositionSequence,
                                     "ImagePositionPatient"),
              p, "dimension index");

    // Frames: every (segment, slice) with pixels; at least one frame in all.
    IODReferences refs;
    std::vector<uint8_t> pix(static_cast<size_t>(rows) * static_cast<size_t>(cols));
    size_t framesAdded = 0;
    for (const auto& [labelId, number] : segmentOf) {
        for (size_t i = 0; i < slices.size(); ++i) {
            cv::Mat m = perSlice[i].unionMask(labelId);
            const bool empty = cv::countNonZero(m) == 0;
            const bool lastChance = framesAdded == 0 && labelId == segmentOf.rbegin()->first && i + 1 == slices.size();
            if (empty && !lastChance) continue;
            std::memcpy(pix.data(), m.data, pix.size());
            const auto& src = slices[i].info;
            OFVector<FGBase*> perFrame;
            FGFrameContent content;
            content.setDimensionIndexValues(number, 0);
            if (first.position) content.setDimensionIndexValues(static_cast<Uint32>(i + 1), 1);
            perFrame.push_back(&content);
            std::unique_ptr<FGPlanePosPatient> pos;
            if (src.position) {
                const auto& q = *src.position;
                pos.reset(FGPlanePosPatient::createMinimal(num(q[0]).c_str(), num(q[1]).c_str(), num(q[2]).c_str()));
                perFrame.push_back(pos.get());
            }
            OFVector<ImageSOPInstanceReferenceMacro> derivation(1);
            derivation[0].setReferencedSOPClassUID(src.sopClassUid.c_str());
            derivation[0].setReferencedSOPInstanceUID(src.sopInstanceUid.c_str());
            if (src.frames > 1) derivation[0].addReferencedFrameNumber(static_cast<Uint16>(slices[i].frame + 1));
            std::unique_ptr<FGDerivationImage> deriv(
                DcmSegmentation::createDerivationImageFG(derivation, "Segmentation by SAM-SP"));
            if (deriv) perFrame.push_back(deriv.get());
            check(seg->addFrame(pix.data(), number, perFrame), p, "adding a frame");
            ++framesAdded;
            refs.add(new IODImageReference(src.patientId.c_str(), src.studyInstanceUid.c_str(),
                                           src.seriesInstanceUid.c_str(), src.sopInstanceUid.c_str(),
                                           src.sopClassUid.c_str()));
        }
    }
    seg->getCommonInstanceReference().addReferences(refs, first.studyInstanceUid.c_str());

    TempFile tmp(p, ".dcm");
    check(seg->saveFile(tmp.path().c_str(), EXS_LittleEndianExplicit), p, "saving");
    tmp.commit();
}

DicomSegObject readDicomSeg(const std::filesystem::path& p)
{
    quietDcmtk();
    DcmFileFormat ff;
    OFCondition c = ff.loadFile(p.c_str());
    if (c.bad()) throw ReadError(p, std::string("not a readable DICOM file: ") + c.text());
    OFString sopClass;
    ff.getDataset()->findAndGetOFString(DCM_SOPClassUID, sopClass);
    if (sopClass != UID_SegmentationStorage) throw ReadError(p, "not a DICOM Segmentation object (SOP class " + std::string(sopClass.c_str()) + ")");
    DcmSegmentation* raw = nullptr;
    c = DcmSegmentation::loadDataset(*ff.getDataset(), raw);
    if (c.bad() || !raw) throw ReadError(p, std::string("not a valid DICOM Segmentation: ") + c.text());
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (seg->getSegmentationType() != DcmSegTypes::ST_BINARY) throw ReadError(p, "only binary segmentations are read");

    DicomSegObject out;
    DcmDataset& ds = *ff.getDataset();
    auto str = [&](const DcmTagKey& k) {
        OFString v;
        ds.findAndGetOFString(k, v);
        return std::string(v.c_str());
    };
    Uint16 r = 0, cl = 0;
    ds.findAndGetUint16(DCM_Rows, r);
    ds.findAndGetUint16(DCM_Columns, cl);
    out.rows = r;
    out.columns = cl;
    out.patientId = str(DCM_PatientID);
    out.studyInstanceUid = str(DCM_StudyInstanceUID);
    out.seriesInstanceUid = str(DCM_SeriesInstanceUID);
    out.sopInstanceUid = str(DCM_SOPInstanceUID);
    out.frameOfReferenceUid = str(DCM_FrameOfReferenceUID);
    for (auto* item : seg->getCommonInstanceReference().getReferencedSeriesItems()) {
        OFString uid;
        item->getSeriesInstanceUID(uid);
        out.referencedSeries.push_back(uid.c_str());
    }
    for (size_t s = 1; s <= seg->getNumberOfSegments(); ++s) {
        DcmSegment* segment = seg->getSegment(s);
        if (!segment) continue;
        DicomSegSegment d;
        d.number = static_cast<int>(s);
        OFString v;
        segment->getSegmentLabel(v);
        d.label = v.c_str();
        segment->getSegmentAlgorithmName(v);
        d.algorithmName = v.c_str();
        d.algorithmType = DcmSegTypes::algoType2OFString(segment->getSegmentAlgorithmType()).c_str();
        auto toConcept = [](CodeSequenceMacro& m) {
            OFString a, b, cm;
            m.getCodeValue(a);
            m.getCodingSchemeDesignator(b);
            m.getCodeMeaning(cm);
            return annotation::CodedConcept{a.c_str(), b.c_str(), cm.c_str()};
        };
        d.category = toConcept(segment->getSegmentedPropertyCategoryCode());
        d.type = toConcept(segment->getSegmentedPropertyTypeCode());
        out.segments.push_back(std::move(d));
    }
    FGInterface& fg = seg->getFunctionalGroups();
    const size_t n = seg->getNumberOfFrames();
    for (size_t f = 0; f < n; ++f) {
        const DcmIODTypes::Frame* packed = seg->getFrame(f);
        if (!packed) throw ReadError(p, "frame " + std::to_string(f + 1) + " is missing");
        std::unique_ptr<DcmIODTypes::Frame> bits(DcmSegUtils::unpackBinaryFrame(packed, r, cl));
        if (!bits) throw ReadError(p, "frame " + std::to_string(f + 1) + " cannot be unpacked");
        DicomSegFrame frame;
        frame.mask = cv::Mat(r, cl, CV_8UC1);
        for (size_t k = 0; k < static_cast<size_t>(r) * cl; ++k) frame.mask.data[k] = bits->pixData[k] ? 255 : 0;
        if (auto* s = dynamic_cast<FGSegmentation*>(fg.get(static_cast<Uint32>(f), DcmFGTypes::EFG_SEGMENTATION))) {
            Uint16 num = 0;
            s->getReferencedSegmentNumber(num);
            frame.segment = num;
        }
        if (auto* pp = dynamic_cast<FGPlanePosPatient*>(fg.get(static_cast<Uint32>(f), DcmFGTypes::EFG_PLANEPOSPATIENT))) {
            Float64 x = 0, y = 0, z = 0;
            if (pp->getImagePositionPatient(x, y, z).good()) frame.position = std::array<double, 3>{x, y, z};
        }
        if (auto* d = dynamic_cast<FGDerivationImage*>(fg.get(static_cast<Uint32>(f), DcmFGTypes::EFG_DERIVATIONIMAGE))) {
            auto& items = d->getDerivationImageItems();
            if (!items.empty() && !items[0]->getSourceImageItems().empty()) {
                OFString uid;
                items[0]->getSourceImageItems()[0]->getImageSOPInstanceReference().getReferencedSOPInstanceUID(uid);
                frame.referencedSopInstanceUid = uid.c_str();
            }
        }
        out.frames.push_back(std::move(frame));
    }
    return out;
}

std::vector<ImageAnnotation> dicomSegToAnnotations(const DicomSegObject& seg, const std::vector<imaging::SeriesSlice>& slices,
                                                   LabelSet& labels)
{
    std::vector<ImageAnnotation> out(slices.size());
    std::map<std::string, std::vector<size_t>> byUid;
    for (size_t i = 0; i < slices.size(); ++i) {
        out[i].image = slices[i].info.file.string();
        out[i].frame = slices[i].frame;
        out[i].width = slices[i].info.columns;
        out[i].height = slices[i].info.rows;
        byUid[slices[i].info.sopInstanceUid].push_back(i);
    }
    std::map<int, int> labelOf;
    std::map<int, Source> sourceOf;
    for (const auto& s : seg.segments) {
        const std::string name = s.label.empty() ? "segment " + std::to_string(s.number) : s.label;
        if (!labels.findByName(name)) {
            auto& c = labels.add(name);
            if (!s.category.empty()) c.category = s.category;
            if (!s.type.empty()) c.type = s.type;
        }
        labelOf[s.number] = labels.findByName(name)->id;
        sourceOf[s.number] = s.algorithmType == "AUTOMATIC" ? Source::Automatic
                             : s.algorithmType == "MANUAL" ? Source::Manual : Source::Edited;
    }
    for (const auto& f : seg.frames) {
        auto it = byUid.find(f.referencedSopInstanceUid);
        if (it == byUid.end() || !labelOf.count(f.segment)) continue;
        for (size_t i : it->second) {
            if (f.mask.cols != out[i].width || f.mask.rows != out[i].height) continue;
            if (cv::countNonZero(f.mask) == 0) continue;
            out[i].addInstance(f.mask, labelOf[f.segment], sourceOf[f.segment], 1.0);
        }
    }
    return out;
}

} // namespace samsp::formats
