#pragma once
// NIfTI-1 label volumes (libnifti2): one integer label per voxel (x = column,
// y = row, z = slice), with qform and sform set to the DICOM geometry converted
// from DICOM's LPS patient axes to NIfTI's RAS (x and y negated).

#include "imaging/dicom.h"

#include <opencv2/core.hpp>

#include <array>
#include <filesystem>
#include <vector>

namespace samsp::formats {

using Affine = std::array<std::array<double, 4>, 4>;

// Voxel index (i, j, k) -> RAS millimetres.
Affine niftiAffine(const imaging::VolumeGeometry& g);

// `slices`: label maps CV_8UC1 or CV_16UC1, all of one size; ".nii" or ".nii.gz".
// `grid`: each slice's index on the volume's regular grid (imaging::gridIndices);
// empty means 0, 1, 2, ... Grid positions without a slice are written as 0.
void writeNiftiLabels(const std::filesystem::path& p, const std::vector<cv::Mat>& slices,
                      const imaging::VolumeGeometry& g, const std::vector<int>& grid = {});

struct NiftiLabels
{
    std::vector<cv::Mat> slices; // CV_8UC1 or CV_16UC1
    Affine affine{};             // sform when set, else qform
};
// Throws ReadError naming the file and the reason.
NiftiLabels readNiftiLabels(const std::filesystem::path& p);

// A label volume laid over a DICOM series: the volume must have the series' size
// (columns, rows, grid positions) and its affine the series' geometry within
// `toleranceMm` (spacing, direction cosines scaled to the volume, origin); otherwise
// ReadError names the mismatch (size, spacing, orientation or origin, with both
// values). Per series slice (in the series' order): the label map of its grid
// position (CV_16UC1; 0 = background).
std::vector<cv::Mat> niftiOnSeries(const NiftiLabels& v, const imaging::DicomSeries& s, const std::filesystem::path& p,
                                   double toleranceMm = 0.01);

} // namespace samsp::formats
