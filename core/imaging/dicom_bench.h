#pragma once
// DICOM reading benchmark: writes a synthetic CT series (one file per slice,
// shuffled file names) uncompressed, RLE and JPEG-LS, then times loading each
// into a sorted volume in HU, and listing a large folder into series (headers only).

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace samsp::imaging {

struct DicomBenchOptions
{
    std::filesystem::path workDir;   // generated files go here
    int size = 512;
    int slices = 300;
    int listFiles = 10000;           // files for the header-listing figure (0: skip)
    int threads = 0;
    std::vector<std::string> encodings{"uncompressed", "rle", "jpeg-ls"};
};

struct DicomBenchRow
{
    std::string encoding;
    double seconds = 0, slicesPerS = 0;
    double megabytes = 0;
};

struct DicomBenchResult
{
    std::vector<DicomBenchRow> loads;
    double listSeconds = 0, listFilesPerS = 0;
    int listFiles = 0;
};

// Writes `n` CT slices of `size` x `size` (16-bit signed, intercept -1024) with
// shuffled names; `encoding` "uncompressed", "rle" or "jpeg-ls" (lossless).
void writeSyntheticCtSeries(const std::filesystem::path& dir, int n, int size, const std::string& encoding,
                            const std::function<void(int, int)>& progress = {});
DicomBenchResult runDicomBenchmark(const DicomBenchOptions& o, const std::function<void(const std::string&)>& log = {});

} // namespace samsp::imaging
