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
    // Instances this segmentation derives from besides its source images (e.g. the
    // SEG it was imported from and edited): listed in its Common Instance Reference.
    struct Reference
    {
        std::string patientId, studyInstanceUid, seriesInstanceUid, sopInstanceUid, sopClassUid;
    };
    std::vector<Reference> derivedFrom;
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
    std::optional<std::array<uint8_t, 3>> color; // Recommended Display CIELab Value as sRGB
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
    std::string segmentationType; // BINARY, FRACTIONAL or LABELMAP
    std::string transferSyntax;   // its name, as DCMTK gives it
    int rows = 0, columns = 0;
    int storedFrames = 0;         // frames in the file (a LABELMAP frame may hold several segments)
    std::string patientId, studyInstanceUid, seriesInstanceUid, sopInstanceUid, frameOfReferenceUid;
    std::vector<std::string> referencedSeries;
    std::vector<DicomSegSegment> segments;
    std::vector<DicomSegFrame> frames;
};

// Any SEG DCMTK can decode: BINARY (bit-packed, frames not byte aligned included),
// FRACTIONAL (a pixel is inside when its value is at least `fractionalThreshold` of
// the Maximum Fractional Value), LABELMAP (SOP class 1.2.840.10008.5.1.4.1.1.66.7: a
// frame's pixel value is the segment number; one DicomSegFrame per segment present),
// overlapping segments, explicit / implicit little endian, big endian, deflate, RLE,
// JPEG and JPEG-LS. Frames keep their source reference and plane position; matching
// them to slices is dicomSegToAnnotations' work. Throws ReadError naming the file and
// the reason (not a SEG, JPEG 2000 and other encodings DCMTK cannot decode, short
// Pixel Data, a frame naming a segment that does not exist).
DicomSegObject readDicomSeg(const std::filesystem::path& p, double fractionalThreshold = 0.5);

// Per source slice (`slices`, a series in its order), the annotation a SEG object
// holds: one instance per segment present on the slice, label ids matched by segment
// label in `labels` (added when missing, with the segment's codes and colour);
// instance sources from the segment's algorithm type (AUTOMATIC: automatic, MANUAL:
// manual, SEMIAUTOMATIC: edited). A frame goes to the slice its Referenced SOP
// Instance UID names, else to the slice at its Image Position (Patient) (within
// `positionTolerance` mm) when the SEG and the series share the Frame of Reference;
// never by order. `unmatched` (optional) counts frames with a pixel that found no slice.
std::vector<annotation::ImageAnnotation> dicomSegToAnnotations(const DicomSegObject& seg,
                                                               const std::vector<imaging::SeriesSlice>& slices,
                                                               annotation::LabelSet& labels, int* unmatched = nullptr,
                                                               double positionTolerance = 0.05);

} // namespace samsp::formats
