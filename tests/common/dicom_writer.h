#pragma once
// Tests only: writes a small CT slice with DCMTK (uncompressed, explicit little
// endian) from stored values, for generated series (shuffled, oblique, phantoms).

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace samsp::testing {

struct TestCtSlice
{
    int rows = 8, columns = 8;
    std::vector<int> stored;                      // rows x columns, row-major (empty: no Pixel Data)
    std::array<double, 3> position{0, 0, 0};
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
    int instance = 1;
    double pixelSpacing = 0.5, thickness = 2.5, intercept = -1024;
    bool signedPixels = true;
    std::optional<std::array<double, 2>> window;  // centre, width
    std::string studyUid = "1.2.826.0.1.3680043.2.1125.99.1";
    std::string frameOfReferenceUid = "1.2.826.0.1.3680043.2.1125.99.2";
    std::string patientId = "P1";
};

inline void writeTestCtSlice(const std::filesystem::path& file, const std::string& seriesUid, const TestCtSlice& s)
{
    DcmFileFormat ff;
    DcmDataset* ds = ff.getDataset();
    char uid[100];
    char buf[256];
    ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    ds->putAndInsertString(DCM_StudyInstanceUID, s.studyUid.c_str());
    ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
    ds->putAndInsertString(DCM_FrameOfReferenceUID, s.frameOfReferenceUid.c_str());
    ds->putAndInsertString(DCM_PatientID, s.patientId.c_str());
    ds->putAndInsertString(DCM_PatientName, "Test^Patient");
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_InstanceNumber, std::to_string(s.instance).c_str());
    std::snprintf(buf, sizeof buf, "%.4f\\%.4f\\%.4f", s.position[0], s.position[1], s.position[2]);
    ds->putAndInsertString(DCM_ImagePositionPatient, buf);
    const auto& o = s.orientation;
    std::snprintf(buf, sizeof buf, "%.6f\\%.6f\\%.6f\\%.6f\\%.6f\\%.6f", o[0], o[1], o[2], o[3], o[4], o[5]);
    ds->putAndInsertString(DCM_ImageOrientationPatient, buf);
    std::snprintf(buf, sizeof buf, "%g\\%g", s.pixelSpacing, s.pixelSpacing);
    ds->putAndInsertString(DCM_PixelSpacing, buf);
    ds->putAndInsertString(DCM_SliceThickness, std::to_string(s.thickness).c_str());
    ds->putAndInsertString(DCM_RescaleIntercept, std::to_string(s.intercept).c_str());
    ds->putAndInsertString(DCM_RescaleSlope, "1");
    if (s.window) {
        ds->putAndInsertString(DCM_WindowCenter, std::to_string((*s.window)[0]).c_str());
        ds->putAndInsertString(DCM_WindowWidth, std::to_string((*s.window)[1]).c_str());
    }
    ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(s.rows));
    ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(s.columns));
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, s.signedPixels ? 1 : 0);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    if (!s.stored.empty()) {
        std::vector<Uint16> px(s.stored.size());
        for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<Uint16>(s.stored[i]);
        ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
    }
    const OFCondition st = ff.saveFile(file.c_str(), EXS_LittleEndianExplicit);
    if (st.bad()) throw std::runtime_error(std::string("cannot write test DICOM: ") + st.text());
}

} // namespace samsp::testing
