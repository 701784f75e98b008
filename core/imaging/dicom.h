#pragma once
// DICOM with DCMTK: header reading (stops before Pixel Data), pixel decoding
// (uncompressed, big endian, RLE, JPEG baseline/extended/lossless, JPEG-LS;
// anything else is an ImageError naming the transfer syntax), the Modality LUT
// (rescale slope/intercept: Hounsfield units for CT), colour conversion, and
// grouping of a folder or DICOMDIR into series ordered along the slice normal.

#include "image.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samsp::imaging {

struct DicomInfo
{
    std::filesystem::path file;
    std::string sopInstanceUid, seriesInstanceUid, studyInstanceUid, frameOfReferenceUid;
    std::string patientId, patientName, modality, seriesDescription, sopClassUid;
    int rows = 0, columns = 0, frames = 1;
    int bitsAllocated = 0, bitsStored = 0, samplesPerPixel = 1;
    bool signedPixels = false;
    std::string photometric;
    std::string transferSyntaxUid, transferSyntaxName;
    int instanceNumber = 0;
    bool hasInstanceNumber = false;
    std::optional<int> acquisitionNumber;    // (0020,0012), when present
    double rescaleSlope = 1.0, rescaleIntercept = 0.0;
    std::optional<Window> fileWindow;        // first Window Center/Width in the file
    std::optional<std::array<double, 3>> position;    // Image Position (Patient), mm
    std::optional<std::array<double, 6>> orientation; // Image Orientation (Patient): row, column cosines
    std::array<double, 2> pixelSpacing{1.0, 1.0};     // row spacing, column spacing (mm)
    bool hasPixelSpacing = false;
    double sliceThickness = 0;
    bool hasPixelData = false;
    // Enhanced multi-frame objects: each frame's Image Position (Patient) from the
    // Per-Frame Functional Groups (empty otherwise). Orientation, spacing, thickness
    // and rescale come from the Shared (or first per-frame) groups into the fields above.
    std::vector<std::array<double, 3>> framePositions;

    bool isColour() const { return samplesPerPixel == 3 || photometric == "PALETTE COLOR"; }
    // Unit normal of the slice plane (row x column); nullopt without orientation.
    std::optional<std::array<double, 3>> normal() const;
};

// Cheap sniff: "DICM" at byte 128 (PACS exports without extension have it too).
bool looksLikeDicom(const std::filesystem::path& p);
// Registers DCMTK's decoders (JPEG, JPEG-LS, RLE) once; the readers call it.
void ensureDicomCodecs();
// Header only. Throws ImageError naming the file and the reason.
DicomInfo readDicomInfo(const std::filesystem::path& p);

struct DicomPixels
{
    DicomInfo info;
    // One per frame: CV_32FC1 in modality units (after the Modality LUT) for grey
    // images, CV_8UC3 RGB for colour ones.
    std::vector<cv::Mat> frames;
};
DicomPixels readDicomPixels(const std::filesystem::path& p);

// Window presets by name: "lung", "mediastinum", "bone", "brain", "abdomen", "liver".
std::optional<Window> windowPreset(const std::string& name);
std::vector<std::string> windowPresetNames();

// One frame of a DICOM file as an Image document (grey: float modality values with
// the file's window, or an auto window; MONOCHROME1 shown inverted).
Image loadDicomImage(const std::filesystem::path& p, int frame = 0);
// Every frame of a DICOM file from one read.
std::vector<Image> loadDicomFrames(const std::filesystem::path& p);

struct SeriesSlice
{
    DicomInfo info;
    int frame = 0;
    double location = 0; // along the slice normal (mm), or the instance number
};

struct DicomSeries
{
    std::string seriesInstanceUid, description, modality, patientId, studyInstanceUid;
    std::vector<SeriesSlice> slices; // sorted
    std::string orderedBy;           // "position along the slice normal" / "instance number" / "file name"
    double spacing = 0;              // median distance between neighbours
    std::vector<std::string> warnings; // duplicates, gaps, inconsistent spacing, mixed sizes
};

struct DicomScan
{
    std::vector<DicomSeries> series;
    std::vector<std::string> errors; // "<file>: <why>" for files that could not be read
    int filesRead = 0;
};

// Reads headers of every file below `dir` (recursively; a DICOMDIR is followed when
// present) in parallel, groups by SeriesInstanceUID and orders each series.
DicomScan scanDicomFolder(const std::filesystem::path& dir, int threads = 0);
DicomScan scanDicomFiles(const std::vector<std::filesystem::path>& files, int threads = 0);
// Files referenced by a DICOMDIR. Throws ImageError.
std::vector<std::filesystem::path> dicomdirFiles(const std::filesystem::path& dicomdir);
// Groups and orders headers already read (exposed for tests).
std::vector<DicomSeries> groupSeries(std::vector<DicomInfo> infos);

// Voxel (column i, row j, slice k) to patient coordinates (LPS, mm), as DICOM
// defines them: P = origin + i * columnSpacing * rowDirection
//                          + j * rowSpacing * columnDirection + k * sliceStep.
struct VolumeGeometry
{
    std::array<double, 3> origin{0, 0, 0};   // Image Position (Patient) of the first slice
    std::array<double, 3> rowDirection{1, 0, 0};    // along a row (increasing column)
    std::array<double, 3> columnDirection{0, 1, 0}; // along a column (increasing row)
    double rowSpacing = 1, columnSpacing = 1;        // Pixel Spacing [0], [1]
    std::array<double, 3> sliceStep{0, 0, 1};       // from one slice's position to the next
    std::array<double, 3> toPatient(double i, double j, double k) const;
};
// Slices on a regular grid: the step is the series' median spacing in the direction
// from the first slice's position to the last's (so tilted stacks are right); one
// slice: the slice thickness along the normal.
VolumeGeometry geometryOf(const DicomSeries& s);
// Each slice's index on that grid (0 for the first). Missing slices leave gaps:
// a series with a hole maps to more grid positions than it has slices.
std::vector<int> gridIndices(const DicomSeries& s, const VolumeGeometry& g);

struct Volume
{
    DicomSeries series;
    std::vector<cv::Mat> slices; // CV_32FC1 modality values (HU for CT), in series order
};
// Decodes every slice in parallel. Throws ImageError for the first failing file.
Volume loadVolume(const DicomSeries& s, int threads = 0);

} // namespace samsp::imaging
