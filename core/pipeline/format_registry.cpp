#include "format_registry.h"

#include "formats/atomic_file.h"
#include "formats/coco.h"
#include "formats/dicom_seg.h"
#include "formats/nifti.h"
#include "imaging/dicom.h"
#include "formats/indexed_png.h"
#include "formats/labelme.h"
#include "formats/png_mask.h"
#include "formats/voc.h"
#include "formats/yolo.h"

#include <map>
#include <set>

namespace samsp::pipeline {

namespace fs = std::filesystem;

namespace {
// Per DICOM series of the set: its slices in order with their annotations (an empty
// one of the slice's size where nothing was written), for the volume formats.
std::vector<std::string> forEachSeries(const AggregateInput& set, std::vector<AggregateProblem>& problems,
                                       const std::function<std::string(const std::string& uid, const imaging::DicomSeries& s,
                                                                       const std::vector<annotation::ImageAnnotation>& per)>& write)
{
    std::vector<std::string> written;
    std::map<std::string, std::vector<const ProjectItem*>> bySeries;
    for (const auto& i : set.project.items)
        if (!i.seriesInstanceUid.empty() && i.annotation.width > 0) bySeries[i.seriesInstanceUid].push_back(&i);
    for (const auto& [uid, members] : bySeries) {
        try {
            std::vector<imaging::DicomInfo> infos;
            std::set<std::string> files;
            std::map<std::pair<std::string, int>, const ProjectItem*> byFrame;
            for (const auto* m : members) {
                byFrame.emplace(std::make_pair(m->file, m->frame), m);
                if (files.insert(m->file).second) infos.push_back(imaging::readDicomInfo(m->file));
            }
            const auto series = imaging::groupSeries(infos);
            if (series.empty()) continue;
            const auto& s = series.front();
            std::vector<annotation::ImageAnnotation> per;
            for (const auto& slice : s.slices) {
                annotation::ImageAnnotation a;
                a.width = slice.info.columns;
                a.height = slice.info.rows;
                const auto hit = byFrame.find({slice.info.file.string(), slice.frame});
                if (hit != byFrame.end()) a = hit->second->annotation;
                per.push_back(std::move(a));
            }
            written.push_back(write(uid, s, per));
        } catch (const std::exception& e) {
            problems.push_back({"series " + uid, e.what()});
        }
    }
    return written;
}
} // namespace

const std::vector<OutputFormat>& outputFormats()
{
    static const std::vector<OutputFormat> list = [] {
        std::vector<OutputFormat> f;
        f.push_back({"png", "Binary mask PNG", "masks/<stem>.png", true, false, false, true,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet&) {
                         formats::ensureFolder(out / "masks");
                         formats::writeMaskPng(out / "masks" / (stem + ".png"), item.annotation.foregroundMask());
                     }});
        f.push_back({"labelmap", "Label map PNG (one value per class)", "labelmaps/<stem>.png", true, false, false, false,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet&) {
                         formats::ensureFolder(out / "labelmaps");
                         formats::writeLabelMapPng(out / "labelmaps" / (stem + ".png"), item.annotation);
                     }});
        f.push_back({"coco", "COCO instances JSON", "annotations.json", false, true, false, true, {},
                     [](const fs::path& out, const AggregateInput& set, std::vector<AggregateProblem>&) {
                         formats::writeCoco(out / "annotations.json", set.items, set.project.labels);
                         return std::vector<std::string>{(out / "annotations.json").string()};
                     }});
        f.push_back({"yolo", "YOLO segmentation", "labels/<stem>.txt, data.yaml", true, true, false, true,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet& labels) {
                         formats::ensureFolder(out / "labels");
                         formats::writeYoloLabels(out / "labels" / (stem + ".txt"), item.annotation, labels);
                     },
                     [](const fs::path& out, const AggregateInput& set, std::vector<AggregateProblem>&) {
                         formats::writeYoloDataYaml(out / "data.yaml", set.project.labels, {});
                         return std::vector<std::string>{(out / "data.yaml").string()};
                     }});
        f.push_back({"voc", "Pascal VOC", "voc/SegmentationClass, SegmentationObject, Annotations, ImageSets", true, true, false, true,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet&) {
                         formats::writeVoc(out / "voc", stem, item.annotation);
                     },
                     [](const fs::path& out, const AggregateInput& set, std::vector<AggregateProblem>&) {
                         formats::writeVocImageSets(out / "voc", {{"default", set.stems}});
                         return std::vector<std::string>{};
                     }});
        f.push_back({"labelme", "LabelMe JSON (polygons)", "labelme/<stem>.json", true, false, false, false,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet& labels) {
                         formats::ensureFolder(out / "labelme");
                         std::error_code ec;
                         const fs::path rel = fs::relative(item.file, out / "labelme", ec);
                         formats::writeLabelme(out / "labelme" / (stem + ".json"), item.annotation, labels,
                                               (ec ? fs::path(item.file) : rel).generic_string(), formats::LabelmeShape::Polygon);
                     }});
        f.push_back({"dicom-seg", "DICOM SEG (per series)", "dicom-seg/<SeriesInstanceUID>.dcm", false, true, true, false, {},
                     [](const fs::path& out, const AggregateInput& set, std::vector<AggregateProblem>& problems) {
                         return forEachSeries(set, problems, [&](const std::string& uid, const imaging::DicomSeries& s,
                                                                 const std::vector<annotation::ImageAnnotation>& per) {
                             formats::ensureFolder(out / "dicom-seg");
                             const auto p = out / "dicom-seg" / (uid + ".dcm");
                             formats::DicomSegOptions opts;
                             for (const auto& src : set.project.sources) {
                                 if (src.kind != "dicom-seg" || src.seriesInstanceUid != uid) continue;
                                 try { // the SEG it was imported from, when it is still there
                                     const auto i = imaging::readDicomInfo(src.path);
                                     opts.derivedFrom.push_back({i.patientId, i.studyInstanceUid, i.seriesInstanceUid, i.sopInstanceUid,
                                                                 i.sopClassUid});
                                 } catch (const std::exception&) {
                                 }
                             }
                             formats::writeDicomSeg(p, s.slices, per, set.project.labels, opts);
                             return p.string();
                         });
                     }});
        f.back().readOver = importDicomSeg;
        f.back().recognises = [](const fs::path& p) { return !isNiftiPath(p) && imaging::looksLikeDicom(p); };
        f.back().filePatterns = "*.dcm";
        f.push_back({"nifti", "NIfTI label volume (per series)", "nifti/<SeriesInstanceUID>.nii.gz", false, true, true, false, {},
                     [](const fs::path& out, const AggregateInput& set, std::vector<AggregateProblem>& problems) {
                         return forEachSeries(set, problems, [&](const std::string& uid, const imaging::DicomSeries& s,
                                                                 const std::vector<annotation::ImageAnnotation>& per) {
                             formats::ensureFolder(out / "nifti");
                             const auto g = imaging::geometryOf(s);
                             std::vector<cv::Mat> maps;
                             for (const auto& a : per) maps.push_back(a.labelMap());
                             const auto p = out / "nifti" / (uid + ".nii.gz");
                             formats::writeNiftiLabels(p, maps, g, imaging::gridIndices(s, g));
                             return p.string();
                         });
                     }});
        f.back().readOver = importNifti;
        f.back().recognises = isNiftiPath;
        f.back().filePatterns = "*.nii *.nii.gz";
        return f;
    }();
    return list;
}

const OutputFormat* findOutputFormat(const std::string& id)
{
    for (const auto& f : outputFormats())
        if (f.id == id) return &f;
    return nullptr;
}

const OutputFormat* findImportFormat(const std::filesystem::path& file)
{
    for (const auto& f : outputFormats())
        if (f.readOver && f.recognises && f.recognises(file)) return &f;
    return nullptr;
}

std::string outputFormatIds(bool datasetOnly)
{
    std::string s;
    for (const auto& f : outputFormats()) {
        if (datasetOnly && !f.dataset) continue;
        s += (s.empty() ? "" : ", ") + f.id;
    }
    return s;
}

} // namespace samsp::pipeline
