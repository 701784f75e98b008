#pragma once
// Segmentations made by other tools, brought over their DICOM series: a DICOM SEG
// (any type DCMTK decodes; frames matched to slices by reference, else position) or
// a NIfTI label volume (laid over the series when the geometry matches). The studio's
// File > Import Segmentation and `samsp import` both use this.

#include "project.h"

#include "annotation/annotation.h"
#include "imaging/dicom.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace samsp::pipeline {

struct ImportedSegmentation
{
    std::string format;                                 // "dicom-seg" or "nifti"
    std::filesystem::path file;
    imaging::DicomSeries series;                        // the series it lies on
    std::vector<annotation::ImageAnnotation> perSlice;  // in the series' order
    annotation::LabelSet labels;                        // the labels given, with the file's added
    std::string sopInstanceUid;                         // the SEG's (derivation reference on export)
    int unmatchedFrames = 0;                            // SEG frames with pixels that found no slice
    int instances() const;
    int slicesWithLabels() const;
};

// Whether `p` is a NIfTI file (.nii / .nii.gz) or else (DICOM) a SEG.
bool isNiftiPath(const std::filesystem::path& p);

// The readers (the format registry's `readOver` of "dicom-seg" and "nifti").
ImportedSegmentation importDicomSeg(const std::filesystem::path& file, const std::vector<imaging::DicomSeries>& candidates,
                                    annotation::LabelSet labels);
ImportedSegmentation importNifti(const std::filesystem::path& file, const std::vector<imaging::DicomSeries>& candidates,
                                 annotation::LabelSet labels);

// Reads `file` through the format registry's reader for it and lays it over the one of
// `candidates` it belongs to: a SEG's
// referenced series (else its Frame of Reference), or for NIfTI the only candidate or
// the first whose geometry matches. Throws std::runtime_error naming what is missing
// (the Series Instance UID a SEG needs) or why it does not fit (formats::ReadError).
ImportedSegmentation readSegmentationFor(const std::filesystem::path& file, const std::vector<imaging::DicomSeries>& candidates,
                                         annotation::LabelSet labels);

// The instances of an item after an import: what it held, less SAM-SP's untouched
// proposals, and the imported ones after them (renumbered). The state it takes:
// accepted when every instance is hand-made, else proposed (to be reviewed).
std::vector<annotation::Instance> mergeImported(const std::vector<annotation::Instance>& held,
                                                const std::vector<annotation::Instance>& imported);
ItemState importedState(const std::vector<annotation::Instance>& merged);

struct ImportReport
{
    int itemsChanged = 0, instances = 0;
    std::vector<std::string> missingItems; // slices with labels that the project has no item for
};

// Puts the imported annotations into the project's items (keys from `keyOf(file,
// frame)`), added to what those items hold except SAM-SP's untouched proposals
// (which they replace), and takes the label set. An imported SEG is recorded as a
// project source (kind "dicom-seg", its path, the series it lies on): a SEG written
// for that series later lists it among the instances it derives from. An item whose
// instances are all hand-made (MANUAL segments) becomes accepted; others proposed,
// to be reviewed — imported instances are never automatic in the project's sense
// unless the SEG says AUTOMATIC.
// Records an imported SEG among the project's sources (see applyImport).
void rememberImport(Project& project, const ImportedSegmentation& imp);
ImportReport applyImport(Project& project, const ImportedSegmentation& imp,
                         const std::function<std::string(const std::filesystem::path&, int)>& keyOf);

} // namespace samsp::pipeline
