#pragma once
// DICOM Segmentation objects (binary) through DCMTK's dcmseg: one segment per
// label class with its coded concepts; one frame per (segment, source slice)
// that holds any pixel, each with its plane position and a reference to the
// source image; patient and study copied from the source; Segment Algorithm
// Type AUTOMATIC while every mask of the class is an untouched proposal,
// MANUAL when all are hand-drawn, SEMIAUTOMATIC otherwise.

#include "annotation/annotation.h"
#include "imaging/dicom.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samsp::formats {

struct DicomSegOptions
{
    std::string seriesDescription = "SAM-SP segmentation";
    std::string contentLabel = "SAMSP";
    std::string creator = "SAM-SP^Studio"; // a DICOM person name (PN)
    std::string algorithmName = "SAM-SP";
    int seriesNumber = 901;
};

// `slices[i]` is the source image of `perSlice[i]` (same rows and columns).
void writeDicomSeg(const std::filesystem::path& p, const std::vector<imaging::SeriesSlice>& slices,
                   const std::vector<annotation::ImageAnnotation>& perSlice, const annotation::LabelSet& labels,
                   const DicomSegOptions& opts = {});

struct DicomSegSegment
{
    int number = 0;
    std::string label;
    annotation::CodedConcept category, type;
    std::string algorithmType; // AUTOMATIC, SEMIAUTOMATIC, MANUAL
    std::string algorithmName;
};

struct DicomSegFrame
{
    int segment = 0;
    std::string referencedSopInstanceUid;
    std::optional<std::array<double, 3>> position;
    cv::Mat mask; // CV_8UC1 0 / 255
};

struct DicomSegObject
{
    int rows = 0, columns = 0;
    std::string patientId, studyInstanceUid, seriesInstanceUid, sopInstanceUid, frameOfReferenceUid;
    std::vector<std::string> referencedSeries;
    std::vector<DicomSegSegment> segments;
    std::vector<DicomSegFrame> frames;
};

// Throws ReadError naming the file and the reason.
DicomSegObject readDicomSeg(const std::filesystem::path& p);

// Per source slice (by SOP Instance UID and frame order of `slices`), the annotation a
// SEG object holds: one instance per segment, label ids matched by segment label in
// `labels` (added when missing).
std::vector<annotation::ImageAnnotation> dicomSegToAnnotations(const DicomSegObject& seg,
                                                               const std::vector<imaging::SeriesSlice>& slices,
                                                               annotation::LabelSet& labels);

} // namespace samsp::formats
