#include "seg_import.h"

#include "format_registry.h"

#include "formats/dicom_seg.h"
#include "formats/nifti.h"
#include "imaging/image_io.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace samsp::pipeline {

namespace fs = std::filesystem;

int ImportedSegmentation::instances() const
{
    int n = 0;
    for (const auto& a : perSlice) n += static_cast<int>(a.instances.size());
    return n;
}

int ImportedSegmentation::slicesWithLabels() const
{
    int n = 0;
    for (const auto& a : perSlice) n += !a.instances.empty();
    return n;
}

bool isNiftiPath(const fs::path& p)
{
    const std::string name = p.filename().string();
    auto ends = [&](const std::string& s) { return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    return ends(".nii") || ends(".nii.gz");
}

ImportedSegmentation importNifti(const fs::path& file, const std::vector<imaging::DicomSeries>& candidates, annotation::LabelSet labels)
{
    const formats::NiftiLabels v = formats::readNiftiLabels(file);
    std::string firstError;
    for (const auto& s : candidates) {
        std::vector<cv::Mat> maps;
        try {
            maps = formats::niftiOnSeries(v, s, file);
        } catch (const std::exception& e) {
            if (firstError.empty()) firstError = e.what();
            continue;
        }
        ImportedSegmentation imp;
        imp.format = "nifti";
        imp.file = file;
        imp.series = s;
        for (size_t k = 0; k < s.slices.size(); ++k) {
            annotation::ImageAnnotation a;
            a.image = s.slices[k].info.file.string();
            a.frame = s.slices[k].frame;
            a.width = maps[k].cols;
            a.height = maps[k].rows;
            double top = 0;
            cv::minMaxLoc(maps[k], nullptr, &top);
            for (int value = 1; value <= static_cast<int>(top); ++value) {
                const cv::Mat m = maps[k] == value;
                if (cv::countNonZero(m) == 0) continue;
                // The value is the label id (what the project's NIfTI writer stores).
                if (!labels.find(value)) {
                    auto& c = labels.add("label " + std::to_string(value));
                    c.id = value;
                }
                a.addInstance(m, value, annotation::Source::Edited, {}, "nifti:" + std::to_string(value));
            }
            imp.perSlice.push_back(std::move(a));
        }
        imp.labels = std::move(labels);
        return imp;
    }
    throw std::runtime_error(candidates.empty() ? "'" + file.string() + "': no DICOM series to lay it over" : firstError);
}

ImportedSegmentation importDicomSeg(const fs::path& file, const std::vector<imaging::DicomSeries>& candidates, annotation::LabelSet labels)
{
    const formats::DicomSegObject seg = formats::readDicomSeg(file);
    const imaging::DicomSeries* series = nullptr;
    for (const auto& s : candidates)
        for (const auto& uid : seg.referencedSeries)
            if (s.seriesInstanceUid == uid) series = &s;
    if (!series && seg.referencedSeries.empty())
        for (const auto& s : candidates)
            if (!s.slices.empty() && !seg.frameOfReferenceUid.empty() && s.slices.front().info.frameOfReferenceUid == seg.frameOfReferenceUid)
                series = &s;
    if (!series) {
        std::string want = seg.referencedSeries.empty() ? "Frame of Reference " + seg.frameOfReferenceUid : "";
        for (const auto& uid : seg.referencedSeries) want += (want.empty() ? "" : " or ") + uid;
        throw std::runtime_error("'" + file.string() + "' segments the series " + want + ", which is not open here (" +
                                 std::to_string(candidates.size()) + " other series)");
    }
    ImportedSegmentation imp;
    imp.format = "dicom-seg";
    imp.file = file;
    imp.series = *series;
    imp.sopInstanceUid = seg.sopInstanceUid;
    imp.perSlice = formats::dicomSegToAnnotations(seg, series->slices, labels, &imp.unmatchedFrames);
    imp.labels = std::move(labels);
    return imp;
}

ImportedSegmentation readSegmentationFor(const fs::path& file, const std::vector<imaging::DicomSeries>& candidates,
                                         annotation::LabelSet labels)
{
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw std::runtime_error("'" + file.string() + "' is not a file");
    const OutputFormat* f = findImportFormat(file);
    if (!f) throw std::runtime_error("'" + file.string() + "' is neither a DICOM SEG nor a NIfTI label volume (.nii, .nii.gz)");
    return f->readOver(file, candidates, std::move(labels));
}

std::vector<annotation::Instance> mergeImported(const std::vector<annotation::Instance>& held,
                                                const std::vector<annotation::Instance>& imported)
{
    std::vector<annotation::Instance> out;
    int next = 1;
    for (const auto& in : held) {
        // An untouched SAM-SP proposal gives way; a person's work and earlier imports stay.
        const bool imported = in.traceId.rfind("seg:", 0) == 0 || in.traceId.rfind("nifti:", 0) == 0;
        if (in.source == annotation::Source::Automatic && !imported) continue;
        out.push_back(in);
        next = std::max(next, in.id + 1);
    }
    for (auto in : imported) {
        in.id = next++;
        out.push_back(std::move(in));
    }
    return out;
}

ItemState importedState(const std::vector<annotation::Instance>& merged)
{
    bool allManual = !merged.empty();
    for (const auto& in : merged) allManual = allManual && in.source == annotation::Source::Manual;
    return allManual ? ItemState::Accepted : ItemState::Proposed;
}

void rememberImport(Project& project, const ImportedSegmentation& imp)
{
    if (imp.format != "dicom-seg") return;
    const std::string path = fs::absolute(imp.file).lexically_normal().string();
    const bool known = std::any_of(project.sources.begin(), project.sources.end(), [&](const ProjectSource& s) {
        return s.kind == "dicom-seg" && s.path == path && s.seriesInstanceUid == imp.series.seriesInstanceUid;
    });
    if (!known) project.sources.push_back({"dicom-seg", path, imp.series.seriesInstanceUid});
}

ImportReport applyImport(Project& project, const ImportedSegmentation& imp,
                         const std::function<std::string(const fs::path&, int)>& keyOf)
{
    ImportReport r;
    project.labels = imp.labels;
    rememberImport(project, imp);
    for (const auto& a : imp.perSlice) {
        if (a.instances.empty()) continue;
        const std::string key = keyOf(a.image, a.frame);
        ProjectItem* item = project.find(key);
        if (!item) {
            r.missingItems.push_back(key);
            continue;
        }
        annotation::ImageAnnotation merged = a;
        merged.image = key;
        merged.instances = mergeImported(item->annotation.instances, a.instances);
        item->annotation = std::move(merged);
        item->state = importedState(item->annotation.instances);
        item->error.clear();
        ++r.itemsChanged;
        r.instances += static_cast<int>(a.instances.size());
    }
    return r;
}

} // namespace samsp::pipeline
