#include "format_registry.h"

#include "formats/atomic_file.h"
#include "formats/indexed_png.h"
#include "formats/labelme.h"
#include "formats/png_mask.h"
#include "formats/voc.h"
#include "formats/yolo.h"

namespace samsp::pipeline {

namespace fs = std::filesystem;

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
        f.push_back({"coco", "COCO instances JSON", "annotations.json", false, true, false, true, {}});
        f.push_back({"yolo", "YOLO segmentation", "labels/<stem>.txt, data.yaml", true, true, false, true,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet& labels) {
                         formats::ensureFolder(out / "labels");
                         formats::writeYoloLabels(out / "labels" / (stem + ".txt"), item.annotation, labels);
                     }});
        f.push_back({"voc", "Pascal VOC", "voc/SegmentationClass, SegmentationObject, Annotations, ImageSets", true, true, false, true,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet&) {
                         formats::writeVoc(out / "voc", stem, item.annotation);
                     }});
        f.push_back({"labelme", "LabelMe JSON (polygons)", "labelme/<stem>.json", true, false, false, false,
                     [](const fs::path& out, const std::string& stem, const ProjectItem& item, const annotation::LabelSet& labels) {
                         formats::ensureFolder(out / "labelme");
                         std::error_code ec;
                         const fs::path rel = fs::relative(item.file, out / "labelme", ec);
                         formats::writeLabelme(out / "labelme" / (stem + ".json"), item.annotation, labels,
                                               (ec ? fs::path(item.file) : rel).generic_string(), formats::LabelmeShape::Polygon);
                     }});
        f.push_back({"dicom-seg", "DICOM SEG (per series)", "dicom-seg/<SeriesInstanceUID>.dcm", false, true, true, false, {}});
        f.push_back({"nifti", "NIfTI label volume (per series)", "nifti/<SeriesInstanceUID>.nii.gz", false, true, true, false, {}});
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
