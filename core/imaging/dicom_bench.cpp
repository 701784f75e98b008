#include "dicom_bench.h"

#include "dicom.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>

#include <chrono>
#include <fstream>
#include <cmath>
#include <mutex>
#include <numeric>
#include <random>
#include <stdexcept>

namespace samsp::imaging {

namespace fs = std::filesystem;

void writeSyntheticCtSeries(const fs::path& dir, int n, int size, const std::string& encoding,
                            const std::function<void(int, int)>& progress)
{
    static std::once_flag once;
    std::call_once(once, [] {
        DcmRLEEncoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
    });
    fs::create_directories(dir);
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(42);
    std::shuffle(order.begin(), order.end(), rng); // file k holds slice order[k]
    char series[100], study[100], frame[100];
    dcmGenerateUniqueIdentifier(series, SITE_SERIES_UID_ROOT);
    dcmGenerateUniqueIdentifier(study, SITE_STUDY_UID_ROOT);
    dcmGenerateUniqueIdentifier(frame, SITE_INSTANCE_UID_ROOT);
    std::vector<Uint16> px(static_cast<size_t>(size) * static_cast<size_t>(size));
    for (int k = 0; k < n; ++k) {
        const int z = order[static_cast<size_t>(k)];
        // A phantom: body ellipse (~40 HU) with a bone ring (~700 HU) and air outside.
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const double u = (x - size / 2.0) / (size * 0.4), v = (y - size / 2.0) / (size * 0.3);
                const double r = std::sqrt(u * u + v * v);
                int hu = r < 1.0 ? 40 + ((x * 7 + y * 3 + z) % 21) - 10 : -1000;
                if (r > 0.9 && r < 1.0) hu = 700;
                px[static_cast<size_t>(y * size + x)] = static_cast<Uint16>(static_cast<int16_t>(hu + 1024));
            }
        DcmFileFormat ff;
        DcmDataset* ds = ff.getDataset();
        char uid[100];
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
        ds->putAndInsertString(DCM_StudyInstanceUID, study);
        ds->putAndInsertString(DCM_SeriesInstanceUID, series);
        ds->putAndInsertString(DCM_FrameOfReferenceUID, frame);
        ds->putAndInsertString(DCM_PatientID, "BENCH");
        ds->putAndInsertString(DCM_Modality, "CT");
        ds->putAndInsertString(DCM_InstanceNumber, std::to_string(z + 1).c_str());
        ds->putAndInsertString(DCM_ImagePositionPatient, ("-250\\-250\\" + std::to_string(z * 1.25)).c_str());
        ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
        ds->putAndInsertString(DCM_PixelSpacing, "0.9765625\\0.9765625");
        ds->putAndInsertString(DCM_SliceThickness, "1.25");
        ds->putAndInsertString(DCM_RescaleIntercept, "-1024");
        ds->putAndInsertString(DCM_RescaleSlope, "1");
        ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(size));
        ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(size));
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 16);
        ds->putAndInsertUint16(DCM_HighBit, 15);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
        E_TransferSyntax xfer = EXS_LittleEndianExplicit;
        if (encoding == "rle") xfer = EXS_RLELossless;
        else if (encoding == "jpeg-ls") xfer = EXS_JPEGLSLossless;
        else if (encoding != "uncompressed") throw std::runtime_error("unknown encoding '" + encoding + "'");
        if (xfer != EXS_LittleEndianExplicit) {
            OFCondition st = ds->chooseRepresentation(xfer, nullptr);
            if (st.bad()) throw std::runtime_error(std::string("cannot encode ") + encoding + ": " + st.text());
        }
        const fs::path file = dir / ("IM" + std::to_string(100000 + (k * 7919) % 900000));
        OFCondition st = ff.saveFile(file.c_str(), xfer);
        if (st.bad()) throw std::runtime_error("cannot write '" + file.string() + "': " + st.text());
        if (progress) progress(k + 1, n);
    }
}

DicomBenchResult runDicomBenchmark(const DicomBenchOptions& o, const std::function<void(const std::string&)>& log)
{
    using clock = std::chrono::steady_clock;
    auto say = [&](const std::string& s) {
        if (log) log(s);
    };
    DicomBenchResult r;
    for (const auto& enc : o.encodings) {
        const fs::path dir = o.workDir / ("ct_" + enc);
        if (!fs::exists(dir / "done")) {
            say("writing " + std::to_string(o.slices) + " " + enc + " slices to " + dir.string());
            fs::remove_all(dir);
            writeSyntheticCtSeries(dir, o.slices, o.size, enc);
            std::ofstream(dir / "done") << "ok";
        }
        double mb = 0;
        for (const auto& e : fs::directory_iterator(dir)) mb += double(e.file_size()) / 1048576.0;
        // Warm the file cache once (the figure is for a warm cache, as the reference).
        (void)scanDicomFolder(dir, o.threads);
        const auto t0 = clock::now();
        DicomScan scan = scanDicomFolder(dir, o.threads);
        if (scan.series.size() != 1) throw std::runtime_error("benchmark series did not group into one series");
        Volume v = loadVolume(scan.series[0], o.threads);
        const double s = std::chrono::duration<double>(clock::now() - t0).count();
        if (static_cast<int>(v.slices.size()) != o.slices) throw std::runtime_error("benchmark volume is incomplete");
        r.loads.push_back({enc, s, double(o.slices) / s, mb});
        say(enc + ": " + std::to_string(o.slices) + " slices in " + std::to_string(s) + " s");
    }
    if (o.listFiles > 0) {
        const fs::path dir = o.workDir / "list";
        if (!fs::exists(dir / "done")) {
            say("writing " + std::to_string(o.listFiles) + " small files for the listing figure");
            fs::remove_all(dir);
            // Many series of small slices: listing cost is the header parsing, not pixels.
            const int perSeries = 100;
            for (int s = 0; s * perSeries < o.listFiles; ++s)
                writeSyntheticCtSeries(dir / ("series" + std::to_string(s)), std::min(perSeries, o.listFiles - s * perSeries), 64,
                                       "uncompressed");
            std::ofstream(dir / "done") << "ok";
        }
        (void)scanDicomFolder(dir, o.threads);
        const auto t0 = clock::now();
        DicomScan scan = scanDicomFolder(dir, o.threads);
        r.listSeconds = std::chrono::duration<double>(clock::now() - t0).count();
        r.listFiles = scan.filesRead;
        r.listFilesPerS = double(scan.filesRead) / r.listSeconds;
    }
    return r;
}

} // namespace samsp::imaging
