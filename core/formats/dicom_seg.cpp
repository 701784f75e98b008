#include "dicom_seg.h"

#include "atomic_file.h"
#include "common/version.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmdata/dcpxitem.h>
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

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
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
    if (c.bad()) throw WriteError::cannotHold(p, "DICOM SEG", what + ": " + c.text());
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
    if (slices.empty()) throw WriteError::cannotHold(p, "DICOM SEG", "DICOM SEG needs at least one DICOM source image");
    if (slices.size() != perSlice.size()) throw WriteError::cannotHold(p, "DICOM SEG", "one annotation per source slice is needed");
    const auto& first = slices.front().info;
    const int rows = first.rows, cols = first.columns;
    if (rows <= 0 || cols <= 0 || rows > 65535 || cols > 65535) throw WriteError::cannotHold(p, "DICOM SEG", "source image has no valid size");
    for (size_t i = 0; i < slices.size(); ++i) {
        if (slices[i].info.rows != rows || slices[i].info.columns != cols)
            throw WriteError::cannotHold(p, "DICOM SEG", "source slices differ in size ('" + slices[i].info.file.string() + "')");
        if (perSlice[i].width != cols || perSlice[i].height != rows)
            throw WriteError::cannotHold(p, "DICOM SEG", "annotation of '" + slices[i].info.file.string() + "' is " +
                                    std::to_string(perSlice[i].width) + "x" + std::to_string(perSlice[i].height) +
                                    ", the image " + std::to_string(cols) + "x" + std::to_string(rows));
    }

    // Classes present, and how their masks came about.
    std::map<int, std::set<Source>> used;
    for (const auto& a : perSlice)
        for (const auto& in : a.instances)
            if (in.area() > 0) used[in.labelId].insert(in.source);
    if (used.empty() && !labels.classes.empty()) used[labels.classes.front().id] = {Source::Automatic};
    if (used.empty()) throw WriteError::cannotHold(p, "DICOM SEG", "no label class to write");

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
        if (!orient) throw WriteError::cannotHold(p, "DICOM SEG", "invalid Image Orientation (Patient)");
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
    for (const auto& d : opts.derivedFrom)
        refs.add(new IODImageReference(d.patientId.c_str(), d.studyInstanceUid.c_str(), d.seriesInstanceUid.c_str(),
                                       d.sopInstanceUid.c_str(), d.sopClassUid.c_str()));
    seg->getCommonInstanceReference().addReferences(refs, first.studyInstanceUid.c_str());

    TempFile tmp(p, ".dcm");
    check(seg->saveFile(tmp.path().c_str(), EXS_LittleEndianExplicit), p, "saving");
    tmp.commit();
}

namespace {
std::string itemString(DcmItem* item, const DcmTagKey& k)
{
    OFString v;
    if (item) item->findAndGetOFStringArray(k, v);
    return v.c_str();
}

annotation::CodedConcept codeIn(DcmItem* item, const DcmTagKey& seq)
{
    DcmItem* c = nullptr;
    if (!item || item->findAndGetSequenceItem(seq, c, 0).bad() || !c) return {};
    return {itemString(c, DCM_CodeValue), itemString(c, DCM_CodingSchemeDesignator), itemString(c, DCM_CodeMeaning)};
}

// PackBits (DICOM PS3.5 G.3.1) into `out` until it holds `size` bytes.
void unpackBits(const Uint8* in, size_t n, std::vector<Uint8>& out, size_t size)
{
    size_t k = 0;
    while (k < n && out.size() < size) {
        const auto h = static_cast<int8_t>(in[k++]);
        if (h >= 0) {
            for (int j = 0; j <= h && k < n; ++j) out.push_back(in[k++]);
        }
        else if (h != -128 && k < n) {
            const Uint8 v = in[k++];
            for (int j = 0; j < 1 - h; ++j) out.push_back(v);
        }
    }
}

enum class FrameCodec
{
    Rle,     // PackBits segments (DCMTK's RLE decoder refuses 1-bit data)
    Deflate, // Deflated Image Frame Compression (1.2.840.10008.1.2.8.1): each frame raw deflate
};

std::vector<Uint8> inflateFrame(const Uint8* in, size_t n, size_t size, const std::filesystem::path& p, int f)
{
    std::vector<Uint8> out(size);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw ReadError::invalid(p, "DICOM SEG", "zlib cannot start");
    z.next_in = const_cast<Uint8*>(in);
    z.avail_in = static_cast<uInt>(n);
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(size);
    const int rc = inflate(&z, Z_FINISH);
    const size_t got = size - z.avail_out;
    inflateEnd(&z);
    if ((rc != Z_STREAM_END && rc != Z_BUF_ERROR && rc != Z_OK) || got < size)
        throw ReadError::invalid(p, "DICOM SEG", "deflated frame " + std::to_string(f + 1) + " is damaged or short (" + std::to_string(got) + " of " +
                               std::to_string(size) + " bytes)");
    return out;
}

std::vector<std::vector<Uint8>> decodeFrames(DcmDataset* ds, const std::filesystem::path& p, int frames, size_t frameBytes,
                                             FrameCodec codec)
{
    DcmElement* el = nullptr;
    auto* pixel = ds->findAndGetElement(DCM_PixelData, el).good() ? dynamic_cast<DcmPixelData*>(el) : nullptr;
    DcmPixelSequence* seq = nullptr;
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter* param = nullptr;
    if (!pixel) throw ReadError::invalid(p, "DICOM SEG", "Pixel Data cannot be read");
    pixel->getOriginalRepresentationKey(xfer, param);
    if (pixel->getEncapsulatedRepresentation(xfer, param, seq).bad() || !seq)
        throw ReadError::invalid(p, "DICOM SEG", "encapsulated Pixel Data has no fragments");
    if (static_cast<long>(seq->card()) < frames + 1)
        throw ReadError::invalid(p, "DICOM SEG", "encapsulated Pixel Data holds " + std::to_string(seq->card() ? seq->card() - 1 : 0) + " fragment(s) for " +
                               std::to_string(frames) + " frame(s)");
    std::vector<std::vector<Uint8>> out;
    for (int f = 0; f < frames; ++f) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (seq->getItem(item, static_cast<unsigned long>(f + 1)).bad() || !item || item->getUint8Array(data).bad() || !data)
            throw ReadError::invalid(p, "DICOM SEG", "frame " + std::to_string(f + 1) + " cannot be read");
        if (codec == FrameCodec::Deflate) {
            out.push_back(inflateFrame(data, item->getLength(), frameBytes, p, f));
            continue;
        }
        if (item->getLength() < 64) throw ReadError::invalid(p, "DICOM SEG", "RLE frame " + std::to_string(f + 1) + " has no RLE header");
        Uint32 segments = 0, offset = 0;
        std::memcpy(&segments, data, 4);
        std::memcpy(&offset, data + 4, 4);
        if (segments != 1 || offset < 64 || offset >= item->getLength())
            throw ReadError::invalid(p, "DICOM SEG", "RLE frame " + std::to_string(f + 1) + " of 1-bit data must hold one segment");
        std::vector<Uint8> bytes;
        bytes.reserve(frameBytes);
        unpackBits(data + offset, item->getLength() - offset, bytes, frameBytes);
        if (bytes.size() < frameBytes) throw ReadError::invalid(p, "DICOM SEG", "RLE frame " + std::to_string(f + 1) + " is short");
        out.push_back(std::move(bytes));
    }
    return out;
}

// The first item of sequence `seq` in the frame's per-frame group, else in the shared group.
DcmItem* functionalGroup(DcmItem* perFrame, DcmItem* shared, const DcmTagKey& seq)
{
    DcmItem* g = nullptr;
    if (perFrame && perFrame->findAndGetSequenceItem(seq, g, 0).good() && g) return g;
    if (shared && shared->findAndGetSequenceItem(seq, g, 0).good() && g) return g;
    return nullptr;
}

// A LABELMAP's Palette Color Lookup Table (PS3.3 C.7.6.3.1.5-6), as one colour per
// stored value: the colour of segment `number` is entry `number - first mapped`. Tables
// of 8- or 16-bit entries; the data may hold one byte or one 16-bit word an entry (both
// are written for 8-bit tables). Empty when the dataset has no (plain) table; segmented
// tables (0028,1221-1223) are not read, and those segments keep their default colour.
std::map<int, std::array<uint8_t, 3>> paletteColours(DcmItem* ds)
{
    std::map<int, std::array<uint8_t, 3>> out;
    const DcmTagKey desc[3] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                               DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey data[3] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                               DCM_BluePaletteColorLookupTableData};
    std::vector<uint8_t> channel[3];
    long first = 0;
    for (int c = 0; c < 3; ++c) {
        Uint16 entries = 0, firstMapped = 0, bits = 0;
        if (ds->findAndGetUint16(desc[c], entries, 0).bad() || ds->findAndGetUint16(desc[c], firstMapped, 1).bad() ||
            ds->findAndGetUint16(desc[c], bits, 2).bad())
            return {};
        const size_t n = entries == 0 ? 65536u : entries;
        if (c == 0) first = firstMapped;
        else if (firstMapped != first) return {};
        DcmElement* el = nullptr;
        Uint16* words = nullptr; // OW, in host order
        if (ds->findAndGetElement(data[c], el).bad() || !el || el->getUint16Array(words).bad() || !words) return {};
        const size_t len = el->getLength();
        channel[c].resize(n);
        if (len >= n && len < 2 * n) // one byte an entry, packed into little-endian words (padded to even)
            for (size_t k = 0; k < n; ++k) channel[c][k] = static_cast<uint8_t>(words[k / 2] >> (8 * (k % 2)));
        else if (len >= 2 * n) {
            // One word an entry. 8-bit tables put the value in the low byte, though some
            // writers use the high byte: a table with any word above 255 is read from there.
            const bool highByte = std::any_of(words, words + n, [](Uint16 w) { return w > 255; });
            const int shift = bits > 8 ? bits - 8 : (highByte ? 8 : 0);
            for (size_t k = 0; k < n; ++k) channel[c][k] = static_cast<uint8_t>(std::min<unsigned>(words[k] >> shift, 255u));
        } else
            return {};
    }
    const size_t n = std::min({channel[0].size(), channel[1].size(), channel[2].size()});
    for (size_t k = 0; k < n; ++k)
        out[static_cast<int>(first + static_cast<long>(k))] = {channel[0][k], channel[1][k], channel[2][k]};
    return out;
}
} // namespace

DicomSegObject readDicomSeg(const std::filesystem::path& p, double fractionalThreshold)
{
    imaging::ensureDicomCodecs();
    quietDcmtk();
    DcmFileFormat ff;
    OFCondition c = ff.loadFile(p.c_str());
    if (c.bad()) throw ReadError::invalid(p, "DICOM SEG", std::string("not a readable DICOM file: ") + c.text());
    DcmDataset* ds = ff.getDataset();
    const std::string sopClass = itemString(ds, DCM_SOPClassUID);
    const bool labelmapClass = sopClass == "1.2.840.10008.5.1.4.1.1.66.7";
    if (sopClass != UID_SegmentationStorage && !labelmapClass)
        throw ReadError::invalid(p, "DICOM SEG", "not a DICOM Segmentation object (SOP class " + sopClass + ")");

    DicomSegObject out;
    out.segmentationType = labelmapClass ? "LABELMAP" : itemString(ds, DCM_SegmentationType);
    const bool binary = out.segmentationType == "BINARY", fractional = out.segmentationType == "FRACTIONAL",
               labelmap = out.segmentationType == "LABELMAP";
    if (!binary && !fractional && !labelmap)
        throw ReadError::invalid(p, "DICOM SEG", "Segmentation Type '" + out.segmentationType + "' is not BINARY, FRACTIONAL or LABELMAP");
    Uint16 r = 0, cl = 0, bitsAllocated = 0, maxFractional = 255;
    ds->findAndGetUint16(DCM_Rows, r);
    ds->findAndGetUint16(DCM_Columns, cl);
    ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds->findAndGetUint16(DCM_MaximumFractionalValue, maxFractional);
    Sint32 frames = 1;
    ds->findAndGetSint32(DCM_NumberOfFrames, frames);
    if (r == 0 || cl == 0) throw ReadError::invalid(p, "DICOM SEG", "Rows / Columns missing");
    if (frames < 1) throw ReadError::invalid(p, "DICOM SEG", "Number of Frames " + std::to_string(frames));
    out.rows = r;
    out.columns = cl;
    out.storedFrames = frames;
    ds->loadAllDataIntoMemory();
    const DcmXfer xf(ds->getOriginalXfer());
    const std::string tsUid = itemString(ff.getMetaInfo(), DCM_TransferSyntaxUID);
    const bool deflatedFrames = tsUid == "1.2.840.10008.1.2.8.1"; // newer than this DCMTK
    out.transferSyntax = deflatedFrames ? "Deflated Image Frame Compression" : xf.getXferName();
    // Frames DCMTK does not decode itself: 1-bit RLE (its decoder wants whole bytes) and
    // deflated frames. Each frame is one fragment, decoded here; a 1-bit frame then
    // starts on a byte of its own.
    std::vector<std::vector<Uint8>> ownFrames;
    const bool rleBits = binary && xf.getXfer() == EXS_RLELossless;
    const size_t frameBytes = binary ? (static_cast<size_t>(r) * cl + 7) / 8 : static_cast<size_t>(r) * cl * (bitsAllocated == 16 ? 2 : 1);
    if (rleBits || deflatedFrames)
        ownFrames = decodeFrames(ds, p, frames, frameBytes, deflatedFrames ? FrameCodec::Deflate : FrameCodec::Rle);
    else if (xf.isEncapsulated()) {
        c = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
        if (c.bad() || !ds->canWriteXfer(EXS_LittleEndianExplicit))
            throw ReadError::invalid(p, "DICOM SEG", "transfer syntax " + out.transferSyntax + " (" + xf.getXferID() + ") cannot be decoded (" + c.text() +
                                   "); supported: uncompressed, deflate, RLE, JPEG baseline/extended/lossless, JPEG-LS");
    }
    out.patientId = itemString(ds, DCM_PatientID);
    out.studyInstanceUid = itemString(ds, DCM_StudyInstanceUID);
    out.seriesInstanceUid = itemString(ds, DCM_SeriesInstanceUID);
    out.sopInstanceUid = itemString(ds, DCM_SOPInstanceUID);
    out.frameOfReferenceUid = itemString(ds, DCM_FrameOfReferenceUID);
    DcmSequenceOfItems* seq = nullptr;
    if (ds->findAndGetSequence(DCM_ReferencedSeriesSequence, seq).good() && seq)
        for (unsigned long k = 0; k < seq->card(); ++k) out.referencedSeries.push_back(itemString(seq->getItem(k), DCM_SeriesInstanceUID));

    std::set<int> numbers;
    if (ds->findAndGetSequence(DCM_SegmentSequence, seq).bad() || !seq || seq->card() == 0)
        throw ReadError::invalid(p, "DICOM SEG", "the Segment Sequence is missing or empty");
    for (unsigned long k = 0; k < seq->card(); ++k) {
        DcmItem* it = seq->getItem(k);
        DicomSegSegment d;
        Uint16 number = 0;
        it->findAndGetUint16(DCM_SegmentNumber, number);
        d.number = number;
        d.label = itemString(it, DCM_SegmentLabel);
        d.algorithmType = itemString(it, DCM_SegmentAlgorithmType);
        d.algorithmName = itemString(it, DCM_SegmentAlgorithmName);
        d.category = codeIn(it, DCM_SegmentedPropertyCategoryCodeSequence);
        d.type = codeIn(it, DCM_SegmentedPropertyTypeCodeSequence);
        const Uint16* lab = nullptr;
        unsigned long n = 0;
        if (it->findAndGetUint16Array(DCM_RecommendedDisplayCIELabValue, lab, &n).good() && lab && n >= 3) {
            double R = 0, G = 0, B = 0;
            IODCIELabUtil::dicomLab2RGB(R, G, B, lab[0], lab[1], lab[2]);
            auto to8 = [](double v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
            d.color = std::array<uint8_t, 3>{to8(R), to8(G), to8(B)};
        }
        numbers.insert(d.number);
        out.segments.push_back(std::move(d));
    }
    // A LABELMAP shown through a palette: its colours, for segments without a CIELab value.
    if (labelmap && itemString(ds, DCM_PhotometricInterpretation) == "PALETTE COLOR") {
        const auto palette = paletteColours(ds);
        for (auto& s : out.segments)
            if (auto it = palette.find(s.number); !s.color && it != palette.end()) s.color = it->second;
    }

    const size_t px = static_cast<size_t>(r) * cl;
    const Uint8* d8 = nullptr;
    const Uint16* d16 = nullptr;
    const bool own = !ownFrames.empty();
    if (!own) {
        DcmElement* el = nullptr;
        if (ds->findAndGetElement(DCM_PixelData, el).bad() || !el) throw ReadError::invalid(p, "DICOM SEG", "Pixel Data cannot be read");
        const size_t need = binary ? (px * static_cast<size_t>(frames) + 7) / 8 : px * static_cast<size_t>(frames) * (bitsAllocated == 16 ? 2 : 1);
        if (el->getLength() < need)
            throw ReadError::invalid(p, "DICOM SEG", "Pixel Data holds " + std::to_string(el->getLength()) + " bytes; " + std::to_string(frames) +
                                   " frame(s) of " + std::to_string(cl) + " x " + std::to_string(r) + " need " + std::to_string(need));
        if (!binary && bitsAllocated == 16) el->getUint16Array(const_cast<Uint16*&>(d16));
        else if (binary || bitsAllocated == 8) el->getUint8Array(const_cast<Uint8*&>(d8));
        else throw ReadError::invalid(p, "DICOM SEG", "Bits Allocated " + std::to_string(bitsAllocated) + " is not supported for " + out.segmentationType);
        if (!d8 && !d16) throw ReadError::invalid(p, "DICOM SEG", "Pixel Data cannot be read (" + out.transferSyntax + ")");
    }
    auto value = [&](size_t frame, size_t k) -> unsigned {
        if (own) {
            const auto& b = ownFrames[frame];
            if (binary) return (b[k >> 3] >> (k & 7)) & 1u;
            return bitsAllocated == 16 ? static_cast<unsigned>(b[2 * k] | (b[2 * k + 1] << 8)) : b[k];
        }
        const size_t at = frame * px + k;
        if (binary) return (d8[at >> 3] >> (at & 7)) & 1u; // frames follow bit after bit: not byte aligned
        return d16 ? d16[at] : d8[at];
    };

    DcmItem* shared = nullptr;
    ds->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    DcmSequenceOfItems* perFrame = nullptr;
    ds->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame);
    const unsigned threshold = static_cast<unsigned>(std::ceil(std::clamp(fractionalThreshold, 0.0, 1.0) * maxFractional));
    for (Sint32 f = 0; f < frames; ++f) {
        DcmItem* fg = perFrame && static_cast<unsigned long>(f) < perFrame->card() ? perFrame->getItem(static_cast<unsigned long>(f)) : nullptr;
        DicomSegFrame base;
        if (DcmItem* pos = functionalGroup(fg, shared, DCM_PlanePositionSequence)) {
            Float64 x = 0, y = 0, z = 0;
            if (pos->findAndGetFloat64(DCM_ImagePositionPatient, x, 0).good() && pos->findAndGetFloat64(DCM_ImagePositionPatient, y, 1).good() &&
                pos->findAndGetFloat64(DCM_ImagePositionPatient, z, 2).good())
                base.position = std::array<double, 3>{x, y, z};
        }
        if (DcmItem* der = functionalGroup(fg, shared, DCM_DerivationImageSequence)) {
            DcmItem* src = nullptr;
            if (der->findAndGetSequenceItem(DCM_SourceImageSequence, src, 0).good() && src)
                base.referencedSopInstanceUid = itemString(src, DCM_ReferencedSOPInstanceUID);
        }
        if (labelmap) {
            std::map<unsigned, cv::Mat> bySegment;
            for (size_t k = 0; k < px; ++k) {
                const unsigned v = value(static_cast<size_t>(f), k);
                if (v == 0) continue;
                cv::Mat& m = bySegment[v];
                if (m.empty()) m = cv::Mat::zeros(r, cl, CV_8UC1);
                m.data[k] = 255;
            }
            for (auto& [v, m] : bySegment) {
                if (!numbers.count(static_cast<int>(v)))
                    throw ReadError::invalid(p, "DICOM SEG", "frame " + std::to_string(f + 1) + " holds value " + std::to_string(v) + ", not a segment number");
                DicomSegFrame frame = base;
                frame.segment = static_cast<int>(v);
                frame.mask = std::move(m);
                out.frames.push_back(std::move(frame));
            }
            continue;
        }
        DicomSegFrame frame = base;
        if (DcmItem* id = functionalGroup(fg, shared, DCM_SegmentIdentificationSequence)) {
            Uint16 num = 0;
            id->findAndGetUint16(DCM_ReferencedSegmentNumber, num);
            frame.segment = num;
        }
        if (!numbers.count(frame.segment))
            throw ReadError::invalid(p, "DICOM SEG", "frame " + std::to_string(f + 1) + " names segment " + std::to_string(frame.segment) + ", which the Segment Sequence does not hold");
        frame.mask = cv::Mat(r, cl, CV_8UC1);
        for (size_t k = 0; k < px; ++k) {
            const unsigned v = value(static_cast<size_t>(f), k);
            frame.mask.data[k] = (binary ? v != 0 : (v > 0 && v >= threshold)) ? 255 : 0;
        }
        out.frames.push_back(std::move(frame));
    }
    return out;
}

std::vector<ImageAnnotation> dicomSegToAnnotations(const DicomSegObject& seg, const std::vector<imaging::SeriesSlice>& slices,
                                                   LabelSet& labels, int* unmatched, double positionTolerance)
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
    // A slice's position: its frame's (enhanced multi-frame) or the file's.
    auto positionOf = [&](size_t i) -> std::optional<std::array<double, 3>> {
        const auto& info = slices[i].info;
        if (slices[i].frame < static_cast<int>(info.framePositions.size())) return info.framePositions[static_cast<size_t>(slices[i].frame)];
        return info.position;
    };
    std::map<int, int> labelOf;
    std::map<int, Source> sourceOf;
    for (const auto& s : seg.segments) {
        if (s.number <= 0) continue; // a LABELMAP's background
        const std::string name = s.label.empty() ? "segment " + std::to_string(s.number) : s.label;
        if (!labels.findByName(name)) {
            auto& c = labels.add(name);
            if (!s.category.empty()) c.category = s.category;
            if (!s.type.empty()) c.type = s.type;
            if (s.color) c.color = *s.color;
        }
        labelOf[s.number] = labels.findByName(name)->id;
        sourceOf[s.number] = s.algorithmType == "AUTOMATIC" ? Source::Automatic
                             : s.algorithmType == "MANUAL" ? Source::Manual : Source::Edited;
    }
    int lost = 0;
    for (const auto& f : seg.frames) {
        if (cv::countNonZero(f.mask) == 0) continue;
        std::vector<size_t> targets;
        if (auto it = byUid.find(f.referencedSopInstanceUid); !f.referencedSopInstanceUid.empty() && it != byUid.end())
            targets = it->second;
        else if (f.position) {
            for (size_t i = 0; i < slices.size(); ++i) {
                const auto pos = positionOf(i);
                if (!pos || (!seg.frameOfReferenceUid.empty() && !slices[i].info.frameOfReferenceUid.empty() &&
                             seg.frameOfReferenceUid != slices[i].info.frameOfReferenceUid))
                    continue;
                const double d = std::hypot((*pos)[0] - (*f.position)[0], (*pos)[1] - (*f.position)[1], (*pos)[2] - (*f.position)[2]);
                if (d <= positionTolerance) targets.push_back(i);
            }
        }
        bool placed = false;
        for (size_t i : targets) {
            if (f.mask.cols != out[i].width || f.mask.rows != out[i].height) continue;
            // Overlapping segments stay separate instances; a segment split over frames of
            // one slice (it should not be) is joined into one.
            bool joined = false;
            for (auto& in : out[i].instances)
                if (in.labelId == labelOf[f.segment] && in.traceId == "seg:" + std::to_string(f.segment)) {
                    cv::Mat m = annotation::rleDecodeMat(in.mask);
                    cv::bitwise_or(m, f.mask, m);
                    in.mask = annotation::rleEncode(m);
                    joined = true;
                }
            if (!joined) {
                out[i].addInstance(f.mask, labelOf[f.segment], sourceOf[f.segment], {}, "seg:" + std::to_string(f.segment));
            }
            placed = true;
        }
        if (!placed) ++lost;
    }
    if (unmatched) *unmatched = lost;
    return out;
}

} // namespace samsp::formats
