#include "nifti.h"

#include "atomic_file.h"

#include <nifti2_io.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

namespace samsp::formats {

Affine niftiAffine(const imaging::VolumeGeometry& g)
{
    Affine a{};
    const double sign[3] = {-1, -1, 1}; // LPS -> RAS
    for (int r = 0; r < 3; ++r) {
        a[r][0] = sign[r] * g.rowDirection[r] * g.columnSpacing;
        a[r][1] = sign[r] * g.columnDirection[r] * g.rowSpacing;
        a[r][2] = sign[r] * g.sliceStep[r];
        a[r][3] = sign[r] * g.origin[r];
    }
    a[3] = {0, 0, 0, 1};
    return a;
}

namespace {
struct NimDeleter
{
    void operator()(nifti_image* n) const { nifti_image_free(n); }
};
using NimPtr = std::unique_ptr<nifti_image, NimDeleter>;

ReadError notOnSeries(const std::filesystem::path& p, const std::string& why)
{
    return ReadError(p, why, FileProblem::NotOnSeries, why);
}
} // namespace

void writeNiftiLabels(const std::filesystem::path& p, const std::vector<cv::Mat>& slices,
                      const imaging::VolumeGeometry& g, const std::vector<int>& grid)
{
    if (slices.empty()) throw WriteError::cannotHold(p, "NIfTI", "no slices");
    if (!grid.empty() && grid.size() != slices.size()) throw WriteError::cannotHold(p, "NIfTI", "one grid index per slice is needed");
    int depth = static_cast<int>(slices.size());
    for (size_t k = 0; k < grid.size(); ++k) {
        if (grid[k] < 0 || grid[k] > 100000) throw WriteError::cannotHold(p, "NIfTI", "slice grid index out of range");
        depth = std::max(depth, grid[k] + 1);
    }
    const int type = slices.front().type();
    if (type != CV_8UC1 && type != CV_16UC1) throw WriteError::cannotHold(p, "NIfTI", "label maps must be 8- or 16-bit single channel");
    for (const auto& s : slices)
        if (s.size() != slices.front().size() || s.type() != type) throw WriteError::cannotHold(p, "NIfTI", "slices differ in size or type");
    const std::string name = p.filename().string();
    const bool gz = name.size() > 7 && name.substr(name.size() - 7) == ".nii.gz";
    if (!gz && !(name.size() > 4 && name.substr(name.size() - 4) == ".nii"))
        throw WriteError::cannotHold(p, "NIfTI", "a NIfTI file name ends in .nii or .nii.gz");

    nifti_set_debug_level(0);
    const int64_t dims[8] = {3, slices.front().cols, slices.front().rows, depth, 1, 1, 1, 1};
    NimPtr nim(nifti_make_new_nim(dims, type == CV_8UC1 ? NIFTI_TYPE_UINT8 : NIFTI_TYPE_UINT16, 1));
    if (!nim) throw WriteError::cannotHold(p, "NIfTI", "cannot create the NIfTI image");
    const size_t sliceBytes = slices.front().total() * slices.front().elemSize();
    auto* data = static_cast<uint8_t*>(nim->data);
    for (size_t k = 0; k < slices.size(); ++k) {
        const cv::Mat s = slices[k].isContinuous() ? slices[k] : slices[k].clone();
        const size_t z = grid.empty() ? k : static_cast<size_t>(grid[k]);
        std::memcpy(data + z * sliceBytes, s.data, sliceBytes);
    }
    const Affine a = niftiAffine(g);
    nifti_dmat44 m;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) m.m[r][c] = a[r][c];
    nim->sto_xyz = m;
    nim->sto_ijk = nifti_dmat44_inverse(m);
    nim->sform_code = NIFTI_XFORM_SCANNER_ANAT;
    double dx = 0, dy = 0, dz = 0;
    nifti_dmat44_to_quatern(m, &nim->quatern_b, &nim->quatern_c, &nim->quatern_d, &nim->qoffset_x, &nim->qoffset_y,
                            &nim->qoffset_z, &dx, &dy, &dz, &nim->qfac);
    nim->qform_code = NIFTI_XFORM_SCANNER_ANAT;
    nim->qto_xyz = nifti_quatern_to_dmat44(nim->quatern_b, nim->quatern_c, nim->quatern_d, nim->qoffset_x,
                                           nim->qoffset_y, nim->qoffset_z, dx, dy, dz, nim->qfac);
    nim->dx = nim->pixdim[1] = dx;
    nim->dy = nim->pixdim[2] = dy;
    nim->dz = nim->pixdim[3] = dz;
    nim->xyz_units = NIFTI_UNITS_MM;
    nim->intent_code = NIFTI_INTENT_LABEL;
    std::strncpy(nim->descrip, "SAM-SP Studio labels", sizeof nim->descrip - 1);

    TempFile tmp(p, gz ? ".nii.gz" : ".nii");
    if (nifti_set_filenames(nim.get(), tmp.path().c_str(), 0, 1) != 0) throw WriteError::cannotHold(p, "NIfTI", "invalid file name");
    nifti_image_write(nim.get());
    tmp.commit();
}

NiftiLabels readNiftiLabels(const std::filesystem::path& p)
{
    if (!std::filesystem::exists(p)) throw ReadError::missing(p);
    nifti_set_debug_level(0);
    NimPtr nim(nifti_image_read(p.c_str(), 1));
    if (!nim || !nim->data) throw ReadError::invalid(p, "NIfTI", "libnifti cannot read it");
    int type = -1;
    if (nim->datatype == NIFTI_TYPE_UINT8) type = CV_8UC1;
    if (nim->datatype == NIFTI_TYPE_UINT16) type = CV_16UC1;
    if (type < 0) throw ReadError::invalid(p, "NIfTI", "labels must be unsigned 8- or 16-bit (datatype " + std::to_string(nim->datatype) + ")");
    if (nim->nx <= 0 || nim->ny <= 0 || nim->nz <= 0 || nim->nx > 1 << 16 || nim->ny > 1 << 16)
        throw ReadError::invalid(p, "NIfTI", "invalid dimensions");
    NiftiLabels out;
    const size_t sliceBytes = static_cast<size_t>(nim->nx * nim->ny) * static_cast<size_t>(nim->nbyper);
    for (int64_t k = 0; k < nim->nz; ++k) {
        cv::Mat s(static_cast<int>(nim->ny), static_cast<int>(nim->nx), type);
        std::memcpy(s.data, static_cast<uint8_t*>(nim->data) + static_cast<size_t>(k) * sliceBytes, sliceBytes);
        out.slices.push_back(s);
    }
    const nifti_dmat44& m = nim->sform_code > 0 ? nim->sto_xyz : nim->qto_xyz;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) out.affine[r][c] = m.m[r][c];
    return out;
}

std::vector<cv::Mat> niftiOnSeries(const NiftiLabels& v, const imaging::DicomSeries& s, const std::filesystem::path& p,
                                   double toleranceMm)
{
    if (s.slices.empty()) throw notOnSeries(p, "the series has no slices");
    if (v.slices.empty()) throw ReadError::invalid(p, "NIfTI", "the volume has no slices");
    const imaging::VolumeGeometry g = imaging::geometryOf(s);
    const std::vector<int> grid = imaging::gridIndices(s, g);
    const int depth = grid.empty() ? 0 : *std::max_element(grid.begin(), grid.end()) + 1;
    const auto& first = s.slices.front().info;
    auto text = [](double x) {
        char b[32];
        std::snprintf(b, sizeof b, "%.4g", x);
        return std::string(b);
    };
    if (v.slices.front().cols != first.columns || v.slices.front().rows != first.rows || static_cast<int>(v.slices.size()) != depth)
        throw notOnSeries(p, "size mismatch: the volume is " + std::to_string(v.slices.front().cols) + " x " +
                               std::to_string(v.slices.front().rows) + " x " + std::to_string(v.slices.size()) + ", the series " +
                               std::to_string(first.columns) + " x " + std::to_string(first.rows) + " x " + std::to_string(depth));
    const Affine want = niftiAffine(g);
    const char* axes[3] = {"column", "row", "slice"};
    for (int c = 0; c < 3; ++c) {
        double nv = 0, ns = 0;
        for (int r = 0; r < 3; ++r) nv += v.affine[r][c] * v.affine[r][c], ns += want[r][c] * want[r][c];
        nv = std::sqrt(nv), ns = std::sqrt(ns);
        if (std::abs(nv - ns) > toleranceMm)
            throw notOnSeries(p, std::string("spacing mismatch: ") + axes[c] + " spacing " + text(nv) + " mm in the volume, " + text(ns) +
                                   " mm in the series");
        for (int r = 0; r < 3; ++r)
            if (std::abs(v.affine[r][c] - want[r][c]) > toleranceMm)
                throw notOnSeries(p, std::string("orientation mismatch: the ") + axes[c] + " axis points (" + text(v.affine[0][c]) + ", " +
                                       text(v.affine[1][c]) + ", " + text(v.affine[2][c]) + ") in the volume, (" + text(want[0][c]) +
                                       ", " + text(want[1][c]) + ", " + text(want[2][c]) + ") in the series (RAS mm)");
    }
    const double d = std::hypot(v.affine[0][3] - want[0][3], v.affine[1][3] - want[1][3], v.affine[2][3] - want[2][3]);
    if (d > toleranceMm)
        throw notOnSeries(p, "origin mismatch: the volume starts at (" + text(v.affine[0][3]) + ", " + text(v.affine[1][3]) + ", " +
                               text(v.affine[2][3]) + "), the series at (" + text(want[0][3]) + ", " + text(want[1][3]) + ", " +
                               text(want[2][3]) + ") (RAS mm), " + text(d) + " mm apart");
    std::vector<cv::Mat> out;
    for (size_t k = 0; k < s.slices.size(); ++k) {
        cv::Mat m;
        v.slices[static_cast<size_t>(grid[k])].convertTo(m, CV_16UC1);
        out.push_back(m);
    }
    return out;
}

} // namespace samsp::formats
