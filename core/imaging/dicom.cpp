#include "dicom.h"

#include "common/parallel.h"

#include "common/log.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

namespace samsp::imaging {

namespace fs = std::filesystem;

namespace {

void initDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL); // errors reach users through ImageError, not DCMTK's logger
        DJDecoderRegistration::registerCodecs();     // JPEG baseline / extended / lossless
        DJLSDecoderRegistration::registerCodecs();   // JPEG-LS
        DcmRLEDecoderRegistration::registerCodecs(); // RLE
    });
}

} // namespace

void ensureDicomCodecs() { initDcmtk(); }

namespace {

std::string str(DcmItem* ds, const DcmTagKey& tag)
{
    OFString s;
    if (ds->findAndGetOFStringArray(tag, s).good()) return std::string(s.c_str());
    return {};
}

std::optional<double> num(DcmItem* ds, const DcmTagKey& tag, unsigned long pos = 0)
{
    Float64 v;
    if (ds->findAndGetFloat64(tag, v, pos).good()) return v;
    return std::nullopt;
}

int intOf(DcmItem* ds, const DcmTagKey& tag, int def)
{
    Sint32 v;
    if (ds->findAndGetSint32(tag, v).good()) return v;
    Uint16 u;
    if (ds->findAndGetUint16(tag, u).good()) return u;
    return def;
}

// The item of `seq` inside `group` (a functional group item), or null.
DcmItem* macro(DcmItem* group, const DcmTagKey& seq)
{
    DcmItem* item = nullptr;
    if (group && group->findAndGetSequenceItem(seq, item, 0).good()) return item;
    return nullptr;
}

// Enhanced multi-frame geometry (CT/MR/PET enhanced, SEG...): shared groups first,
// then per-frame groups (which win when a macro is in both).
void readFunctionalGroups(DcmItem* ds, DicomInfo& i)
{
    auto apply = [&](DcmItem* g, bool perFrame) {
        if (DcmItem* o = macro(g, DCM_PlaneOrientationSequence)) {
            std::array<double, 6> v{};
            bool ok = true;
            for (unsigned long k = 0; k < 6 && ok; ++k) {
                auto x = num(o, DCM_ImageOrientationPatient, k);
                ok = x.has_value();
                if (ok) v[k] = *x;
            }
            if (ok && (!perFrame || !i.orientation)) i.orientation = v;
        }
        if (DcmItem* m = macro(g, DCM_PixelMeasuresSequence)) {
            auto r = num(m, DCM_PixelSpacing, 0), c = num(m, DCM_PixelSpacing, 1);
            if (r && c && (!perFrame || !i.hasPixelSpacing)) {
                i.pixelSpacing = {*r, *c};
                i.hasPixelSpacing = true;
            }
            if (auto t = num(m, DCM_SliceThickness); t && (!perFrame || i.sliceThickness == 0)) i.sliceThickness = *t;
        }
        if (DcmItem* t = macro(g, DCM_PixelValueTransformationSequence)) {
            if (auto sl = num(t, DCM_RescaleSlope); sl && *sl != 0) i.rescaleSlope = *sl;
            if (auto ic = num(t, DCM_RescaleIntercept)) i.rescaleIntercept = *ic;
        }
        if (DcmItem* w = macro(g, DCM_FrameVOILUTSequence); w && !i.fileWindow) {
            auto wc = num(w, DCM_WindowCenter), ww = num(w, DCM_WindowWidth);
            if (wc && ww && *ww > 0) i.fileWindow = Window{*wc, *ww};
        }
    };
    DcmItem* shared = nullptr;
    if (ds->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0).good()) apply(shared, false);
    DcmSequenceOfItems* perFrame = nullptr;
    if (ds->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good() && perFrame) {
        const unsigned long n = perFrame->card();
        if (n > 0) apply(perFrame->getItem(0), true);
        std::vector<std::array<double, 3>> pos;
        for (unsigned long f = 0; f < n; ++f) {
            DcmItem* pp = macro(perFrame->getItem(f), DCM_PlanePositionSequence);
            auto x = pp ? num(pp, DCM_ImagePositionPatient, 0) : std::nullopt;
            auto y = pp ? num(pp, DCM_ImagePositionPatient, 1) : std::nullopt;
            auto z = pp ? num(pp, DCM_ImagePositionPatient, 2) : std::nullopt;
            if (!x || !y || !z) {
                pos.clear();
                break;
            }
            pos.push_back({*x, *y, *z});
        }
        if (static_cast<int>(pos.size()) == i.frames) {
            i.framePositions = std::move(pos);
            if (!i.position) i.position = i.framePositions.front();
        }
    }
}

void fillInfo(DcmFileFormat& ff, const fs::path& p, DicomInfo& i)
{
    DcmDataset* ds = ff.getDataset();
    i.file = p;
    i.sopInstanceUid = str(ds, DCM_SOPInstanceUID);
    i.sopClassUid = str(ds, DCM_SOPClassUID);
    i.seriesInstanceUid = str(ds, DCM_SeriesInstanceUID);
    i.studyInstanceUid = str(ds, DCM_StudyInstanceUID);
    i.frameOfReferenceUid = str(ds, DCM_FrameOfReferenceUID);
    i.patientId = str(ds, DCM_PatientID);
    i.patientName = str(ds, DCM_PatientName);
    i.modality = str(ds, DCM_Modality);
    i.seriesDescription = str(ds, DCM_SeriesDescription);
    i.rows = intOf(ds, DCM_Rows, 0);
    i.columns = intOf(ds, DCM_Columns, 0);
    i.frames = std::max(1, intOf(ds, DCM_NumberOfFrames, 1));
    i.bitsAllocated = intOf(ds, DCM_BitsAllocated, 0);
    i.bitsStored = intOf(ds, DCM_BitsStored, i.bitsAllocated);
    i.samplesPerPixel = intOf(ds, DCM_SamplesPerPixel, 1);
    i.signedPixels = intOf(ds, DCM_PixelRepresentation, 0) == 1;
    i.photometric = str(ds, DCM_PhotometricInterpretation);
    if (i.photometric.empty()) i.photometric = i.samplesPerPixel == 3 ? "RGB" : "MONOCHROME2";
    if (ds->tagExists(DCM_InstanceNumber)) {
        i.instanceNumber = intOf(ds, DCM_InstanceNumber, 0);
        if (Sint32 acq = 0; ds->findAndGetSint32(DCM_AcquisitionNumber, acq).good()) i.acquisitionNumber = static_cast<int>(acq);
        i.hasInstanceNumber = true;
    }
    i.rescaleSlope = num(ds, DCM_RescaleSlope).value_or(1.0);
    i.rescaleIntercept = num(ds, DCM_RescaleIntercept).value_or(0.0);
    if (i.rescaleSlope == 0) i.rescaleSlope = 1.0;
    auto wc = num(ds, DCM_WindowCenter), ww = num(ds, DCM_WindowWidth);
    if (wc && ww && *ww > 0) i.fileWindow = Window{*wc, *ww};
    if (auto x = num(ds, DCM_ImagePositionPatient, 0)) {
        auto y = num(ds, DCM_ImagePositionPatient, 1), z = num(ds, DCM_ImagePositionPatient, 2);
        if (y && z) i.position = std::array<double, 3>{*x, *y, *z};
    }
    std::array<double, 6> o{};
    bool ok = true;
    for (unsigned long k = 0; k < 6 && ok; ++k) {
        auto v = num(ds, DCM_ImageOrientationPatient, k);
        ok = v.has_value();
        if (ok) o[k] = *v;
    }
    if (ok) i.orientation = o;
    auto r = num(ds, DCM_PixelSpacing, 0), c = num(ds, DCM_PixelSpacing, 1);
    if (r && c) {
        i.pixelSpacing = {*r, *c};
        i.hasPixelSpacing = true;
    }
    i.sliceThickness = num(ds, DCM_SliceThickness).value_or(0.0);
    // Transfer syntax: the meta header's, else how the dataset was read.
    OFString ts;
    if (ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, ts).good() && !ts.empty()) {
        i.transferSyntaxUid = ts.c_str();
    } else {
        i.transferSyntaxUid = DcmXfer(ds->getOriginalXfer()).getXferID();
    }
    DcmXfer xf(i.transferSyntaxUid.c_str());
    i.transferSyntaxName = xf.getXfer() == EXS_Unknown ? std::string("unknown transfer syntax") : xf.getXferName();
    i.hasPixelData = i.rows > 0 && i.columns > 0;
    readFunctionalGroups(ds, i);
}

} // namespace

std::optional<std::array<double, 3>> DicomInfo::normal() const
{
    if (!orientation) return std::nullopt;
    const auto& o = *orientation;
    std::array<double, 3> n{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    const double len = std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    if (len < 1e-6) return std::nullopt;
    for (auto& v : n) v /= len;
    return n;
}

bool looksLikeDicom(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    char buf[132];
    if (!in.read(buf, 132)) return false;
    return std::memcmp(buf + 128, "DICM", 4) == 0;
}

DicomInfo readDicomInfo(const fs::path& p)
{
    initDcmtk();
    std::error_code ec;
    if (!fs::exists(p, ec)) throw ImageError(p, "file does not exist", ImageProblem::Missing);
    if (fs::file_size(p, ec) == 0) throw ImageError(p, "file is empty (0 bytes)", ImageProblem::Empty);
    DcmFileFormat ff;
    OFCondition st = ff.loadFileUntilTag(p.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
    if (st.bad()) throw ImageError(p, std::string("is not a readable DICOM file (") + st.text() + ")", ImageProblem::NotDicom, st.text());
    DicomInfo i;
    fillInfo(ff, p, i);
    if (i.sopInstanceUid.empty() && i.rows == 0 && i.seriesInstanceUid.empty())
        throw ImageError(p, "is not a DICOM file (no SOP Instance UID, no image attributes)", ImageProblem::NotDicom);
    return i;
}

DicomPixels readDicomPixels(const fs::path& p)
{
    initDcmtk();
    std::error_code ec;
    if (!fs::exists(p, ec)) throw ImageError(p, "file does not exist", ImageProblem::Missing);
    DcmFileFormat ff;
    OFCondition st = ff.loadFile(p.c_str());
    if (st.bad()) throw ImageError(p, std::string("is not a readable DICOM file (") + st.text() + ")", ImageProblem::NotDicom, st.text());
    DicomPixels out;
    fillInfo(ff, p, out.info);
    DicomInfo& i = out.info;
    DcmDataset* ds = ff.getDataset();
    if (!ds->tagExists(DCM_PixelData)) throw ImageError(p, "has no Pixel Data (7FE0,0010): not an image", ImageProblem::NoPixelData);
    if (i.rows <= 0 || i.columns <= 0) throw ImageError(p, "has Pixel Data but no valid Rows/Columns");
    const std::string tsText = "transfer syntax " + i.transferSyntaxName + " (" + i.transferSyntaxUid + ")";
    DcmXfer xf(ds->getOriginalXfer());
    if (xf.isEncapsulated()) {
        st = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
        if (st.bad() || !ds->canWriteXfer(EXS_LittleEndianExplicit))
            throw ImageError(p, tsText + " cannot be decoded (" + st.text() + "); supported: uncompressed, RLE, "
                                 "JPEG baseline/extended/lossless, JPEG-LS",
                             ImageProblem::UnsupportedEncoding, tsText);
    }
    const size_t px = static_cast<size_t>(i.rows) * static_cast<size_t>(i.columns);
    if (i.isColour()) {
        DicomImage img(ds, EXS_LittleEndianExplicit, CIF_UsePartialAccessToPixelData, 0, static_cast<unsigned long>(i.frames));
        if (img.getStatus() != EIS_Normal)
            throw ImageError(p, std::string("colour pixel data cannot be decoded (") + DicomImage::getString(img.getStatus()) +
                                    ", " + tsText + ")");
        for (unsigned long f = 0; f < img.getFrameCount(); ++f) {
            const void* data = img.getOutputData(8, f, 0);
            if (!data) throw ImageError(p, "frame " + std::to_string(f) + " cannot be rendered");
            cv::Mat m(i.rows, i.columns, CV_8UC3);
            std::memcpy(m.data, data, px * 3);
            out.frames.push_back(m);
        }
        return out;
    }
    DcmElement* el = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, el).bad() || !el) throw ImageError(p, "Pixel Data cannot be read");
    const unsigned long bytes = el->getLength();
    const size_t need = px * static_cast<size_t>(i.frames) * static_cast<size_t>(std::max(1, i.bitsAllocated / 8));
    if (bytes < need)
        throw ImageError(p, "Pixel Data holds " + std::to_string(bytes) + " bytes but Rows x Columns x Frames needs " +
                                std::to_string(need) + " (truncated file?)",
                         ImageProblem::Truncated);
    const int stored = std::clamp(i.bitsStored, 1, i.bitsAllocated > 0 ? i.bitsAllocated : 16);
    const uint32_t mask = stored >= 32 ? 0xFFFFFFFFu : ((1u << stored) - 1u);
    const uint32_t sign = 1u << (stored - 1);
    auto value = [&](uint32_t raw) -> float {
        uint32_t v = raw & mask;
        double s = (i.signedPixels && (v & sign)) ? double(int64_t(v) - (int64_t(1) << stored)) : double(v);
        return static_cast<float>(s * i.rescaleSlope + i.rescaleIntercept);
    };
    const Uint8* d8 = nullptr;
    const Uint16* d16 = nullptr;
    const Uint32* d32 = nullptr;
    if (i.bitsAllocated == 8) el->getUint8Array(const_cast<Uint8*&>(d8));
    else if (i.bitsAllocated == 16) el->getUint16Array(const_cast<Uint16*&>(d16));
    else if (i.bitsAllocated == 32) el->getUint32Array(const_cast<Uint32*&>(d32));
    else throw ImageError(p, "Bits Allocated " + std::to_string(i.bitsAllocated) + " is not supported");
    if (!d8 && !d16 && !d32) throw ImageError(p, "Pixel Data cannot be read (" + tsText + ")");
    for (int f = 0; f < i.frames; ++f) {
        cv::Mat m(i.rows, i.columns, CV_32FC1);
        float* dst = m.ptr<float>();
        const size_t off = px * static_cast<size_t>(f);
        for (size_t k = 0; k < px; ++k)
            dst[k] = value(d8 ? d8[off + k] : d16 ? d16[off + k] : d32[off + k]);
        out.frames.push_back(m);
    }
    return out;
}

std::optional<Window> windowPreset(const std::string& name)
{
    static const std::map<std::string, Window> presets{{"lung", {-600, 1500}},   {"mediastinum", {50, 350}},
                                                       {"bone", {400, 1800}},    {"brain", {40, 80}},
                                                       {"abdomen", {40, 400}},   {"liver", {60, 160}}};
    auto it = presets.find(name);
    if (it == presets.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> windowPresetNames() { return {"lung", "mediastinum", "bone", "brain", "abdomen", "liver"}; }

std::vector<Image> loadDicomFrames(const fs::path& p)
{
    DicomPixels px = readDicomPixels(p);
    const DicomInfo& i = px.info;
    std::vector<Image> out;
    for (size_t f = 0; f < px.frames.size(); ++f) {
        Image img;
        img.source = p;
        img.frameIndex = static_cast<int>(f);
        img.pixels = px.frames[f];
        img.info.format = "DICOM";
        img.info.width = i.columns;
        img.info.height = i.rows;
        img.info.frames = static_cast<int>(px.frames.size());
        img.info.bitDepth = i.isColour() ? 8 : i.bitsStored;
        img.info.channels = img.pixels.channels();
        img.info.colour = i.isColour() ? "RGB" : "grey";
        img.window = i.isColour() ? Window{127.5, 255.0} : i.fileWindow.value_or(autoWindow(img.pixels));
        img.invert = i.photometric == "MONOCHROME1";
        out.push_back(std::move(img));
    }
    return out;
}

Image loadDicomImage(const fs::path& p, int frame)
{
    std::vector<Image> frames = loadDicomFrames(p);
    if (frame < 0 || frame >= static_cast<int>(frames.size()))
        throw ImageError(p, "has " + std::to_string(frames.size()) + " frame(s); frame " + std::to_string(frame) + " requested",
                         ImageProblem::NoSuchFrame, {}, static_cast<int>(frames.size()), frame);
    return std::move(frames[static_cast<size_t>(frame)]);
}

// ---------------------------------------------------------------------------
std::vector<DicomSeries> groupSeries(std::vector<DicomInfo> infos)
{
    std::map<std::string, std::vector<DicomInfo>> byUid;
    for (auto& i : infos) byUid[i.seriesInstanceUid.empty() ? "(no Series Instance UID)" : i.seriesInstanceUid].push_back(std::move(i));
    std::vector<DicomSeries> out;
    for (auto& [uid, files] : byUid) {
        DicomSeries s;
        s.seriesInstanceUid = uid;
        s.description = files.front().seriesDescription;
        s.modality = files.front().modality;
        s.patientId = files.front().patientId;
        s.studyInstanceUid = files.front().studyInstanceUid;
        // Order along the slice normal when every slice has position and orientation.
        auto n = files.front().normal();
        bool byPosition = n.has_value();
        for (const auto& f : files) byPosition = byPosition && f.position && f.orientation;
        bool byInstance = true;
        for (const auto& f : files) byInstance = byInstance && f.hasInstanceNumber;
        s.orderedBy = byPosition ? "position along the slice normal" : byInstance ? "instance number" : "file name";
        for (const auto& f : files) {
            for (int fr = 0; fr < f.frames; ++fr) {
                SeriesSlice sl{f, fr, 0.0};
                const bool ownPosition = static_cast<int>(f.framePositions.size()) == f.frames;
                if (ownPosition) sl.info.position = f.framePositions[static_cast<size_t>(fr)]; // enhanced multi-frame
                if (byPosition) {
                    const auto& p = *sl.info.position;
                    sl.location = p[0] * (*n)[0] + p[1] * (*n)[1] + p[2] * (*n)[2];
                } else if (byInstance) {
                    sl.location = f.instanceNumber;
                }
                if (f.frames > 1 && !(byPosition && ownPosition))
                    sl.location += fr * (f.sliceThickness > 0 ? f.sliceThickness : 1.0);
                s.slices.push_back(std::move(sl));
            }
        }
        std::stable_sort(s.slices.begin(), s.slices.end(), [&](const SeriesSlice& a, const SeriesSlice& b) {
            if (a.location != b.location) return a.location < b.location;
            if (a.info.instanceNumber != b.info.instanceNumber) return a.info.instanceNumber < b.info.instanceNumber;
            return a.info.file < b.info.file;
        });
        // What a reader must know: duplicates, gaps, uneven spacing, mixed sizes.
        std::vector<double> gaps;
        for (size_t k = 1; k < s.slices.size(); ++k) {
            const double d = s.slices[k].location - s.slices[k - 1].location;
            if (std::abs(d) < 1e-3) {
                s.warnings.push_back("duplicate slice at " + std::to_string(s.slices[k].location) + " (" +
                                     s.slices[k - 1].info.file.filename().string() + ", " +
                                     s.slices[k].info.file.filename().string() + ")");
            } else {
                gaps.push_back(d);
            }
        }
        if (!gaps.empty()) {
            std::vector<double> sorted = gaps;
            std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
            s.spacing = sorted[sorted.size() / 2];
            for (size_t k = 0; k < gaps.size(); ++k) {
                if (gaps[k] > 1.5 * s.spacing) {
                    const int missing = static_cast<int>(std::lround(gaps[k] / s.spacing)) - 1;
                    s.warnings.push_back(std::to_string(std::max(1, missing)) + " slice(s) missing after location " +
                                         std::to_string(s.slices[k].location) + " (gap " + std::to_string(gaps[k]) +
                                         " vs spacing " + std::to_string(s.spacing) + ")");
                } else if (std::abs(gaps[k] - s.spacing) > 0.01 * s.spacing + 1e-3) {
                    s.warnings.push_back("inconsistent spacing: " + std::to_string(gaps[k]) + " after location " +
                                         std::to_string(s.slices[k].location) + " (median " + std::to_string(s.spacing) + ")");
                }
            }
        }
        for (const auto& sl : s.slices)
            if (sl.info.rows != s.slices.front().info.rows || sl.info.columns != s.slices.front().info.columns) {
                s.warnings.push_back("slices of different sizes in one series");
                break;
            }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<fs::path> dicomdirFiles(const fs::path& dicomdir)
{
    initDcmtk();
    DcmDicomDir dir(dicomdir.c_str());
    if (dir.error().bad()) throw ImageError(dicomdir, std::string("is not a readable DICOMDIR (") + dir.error().text() + ")");
    OFString sopClass;
    dir.getDirFileFormat().getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sopClass);
    if (sopClass != UID_MediaStorageDirectoryStorage)
        throw ImageError(dicomdir, "is not a DICOMDIR (Media Storage SOP Class " +
                                       std::string(sopClass.empty() ? "missing" : sopClass.c_str()) + ")");
    std::vector<fs::path> files;
    const fs::path base = dicomdir.parent_path();
    std::function<void(DcmDirectoryRecord*)> walk = [&](DcmDirectoryRecord* rec) {
        for (unsigned long k = 0; k < rec->cardSub(); ++k) {
            DcmDirectoryRecord* sub = rec->getSub(k);
            OFString id;
            if (sub->findAndGetOFStringArray(DCM_ReferencedFileID, id).good() && !id.empty()) {
                std::string rel = id.c_str();
                std::replace(rel.begin(), rel.end(), '\\', '/');
                files.push_back(base / rel);
            }
            walk(sub);
        }
    };
    walk(&dir.getRootRecord());
    return files;
}

DicomScan scanDicomFiles(const std::vector<fs::path>& files, int threads)
{
    std::vector<std::optional<DicomInfo>> infos(files.size());
    std::vector<std::string> errors(files.size());
    parallelFor(files.size(), threads, [&](size_t k) {
        try {
            infos[k] = readDicomInfo(files[k]);
        } catch (const std::exception& e) {
            errors[k] = e.what();
        }
    });
    DicomScan scan;
    std::vector<DicomInfo> ok;
    for (size_t k = 0; k < files.size(); ++k) {
        if (infos[k]) ok.push_back(std::move(*infos[k]));
        else scan.errors.push_back(errors[k]);
    }
    scan.filesRead = static_cast<int>(ok.size());
    scan.series = groupSeries(std::move(ok));
    return scan;
}

DicomScan scanDicomFolder(const fs::path& dir, int threads)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw ImageError(dir, "is not a folder");
    if (fs::exists(dir / "DICOMDIR", ec)) return scanDicomFiles(dicomdirFiles(dir / "DICOMDIR"), threads);
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto& p = it->path();
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (ext == ".dcm" || ext == ".dicom" || looksLikeDicom(p)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    return scanDicomFiles(files, threads);
}

Volume loadVolume(const DicomSeries& s, int threads)
{
    Volume v;
    v.series = s;
    v.slices.resize(s.slices.size());
    // Decode each file once (multi-frame files hold several slices).
    std::map<fs::path, std::vector<size_t>> byFile;
    for (size_t k = 0; k < s.slices.size(); ++k) byFile[s.slices[k].info.file].push_back(k);
    std::vector<std::pair<fs::path, std::vector<size_t>>> jobs(byFile.begin(), byFile.end());
    try {
        parallelFor(jobs.size(), threads, [&](size_t k) {
            DicomPixels px = readDicomPixels(jobs[k].first);
            for (size_t idx : jobs[k].second) {
                const int fr = s.slices[idx].frame;
                if (fr >= static_cast<int>(px.frames.size())) throw ImageError(jobs[k].first, "frame missing");
                v.slices[idx] = px.frames[static_cast<size_t>(fr)];
            }
        });
    } catch (const std::exception& e) {
        throw std::runtime_error("series " + s.seriesInstanceUid + ": " + e.what());
    }
    return v;
}

std::array<double, 3> VolumeGeometry::toPatient(double i, double j, double k) const
{
    std::array<double, 3> p{};
    for (int a = 0; a < 3; ++a)
        p[a] = origin[a] + i * columnSpacing * rowDirection[a] + j * rowSpacing * columnDirection[a] + k * sliceStep[a];
    return p;
}

VolumeGeometry geometryOf(const DicomSeries& s)
{
    VolumeGeometry g;
    if (s.slices.empty()) return g;
    const DicomInfo& first = s.slices.front().info;
    if (first.position) g.origin = *first.position;
    if (first.orientation) {
        const auto& o = *first.orientation;
        g.rowDirection = {o[0], o[1], o[2]};
        g.columnDirection = {o[3], o[4], o[5]};
    }
    g.rowSpacing = first.pixelSpacing[0];
    g.columnSpacing = first.pixelSpacing[1];
    const auto n = first.normal().value_or(std::array<double, 3>{0, 0, 1});
    const double thick = first.sliceThickness > 0 ? first.sliceThickness : 1.0;
    g.sliceStep = {n[0] * thick, n[1] * thick, n[2] * thick};
    const DicomInfo& last = s.slices.back().info;
    if (s.slices.size() > 1 && first.position && last.position) {
        std::array<double, 3> d{};
        double len = 0;
        for (int a = 0; a < 3; ++a) {
            d[a] = (*last.position)[a] - (*first.position)[a];
            len += d[a] * d[a];
        }
        len = std::sqrt(len);
        const double step = s.spacing > 0 ? s.spacing : len / static_cast<double>(s.slices.size() - 1);
        if (len > 0)
            for (int a = 0; a < 3; ++a) g.sliceStep[a] = d[a] / len * step;
    }
    return g;
}

std::vector<int> gridIndices(const DicomSeries& s, const VolumeGeometry& g)
{
    std::vector<int> idx(s.slices.size());
    const double step2 = g.sliceStep[0] * g.sliceStep[0] + g.sliceStep[1] * g.sliceStep[1] + g.sliceStep[2] * g.sliceStep[2];
    for (size_t i = 0; i < s.slices.size(); ++i) {
        const auto& p = s.slices[i].info.position;
        if (!p || step2 <= 0) {
            idx[i] = static_cast<int>(i);
            continue;
        }
        double t = 0;
        for (int a = 0; a < 3; ++a) t += ((*p)[a] - g.origin[a]) * g.sliceStep[a];
        idx[i] = static_cast<int>(std::lround(t / step2));
    }
    return idx;
}

} // namespace samsp::imaging
