#pragma once
// Shared helpers for the model tests: where the reference data lives.

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace testsupport {

// The shared testdata folder (CMake cache SAMSP_SHARED_TESTDATA, compiled in).
// Missing data is a failure, never a skip.
inline std::filesystem::path sharedTestdata()
{
    std::filesystem::path p = SAMSP_SHARED_TESTDATA;
    if (!std::filesystem::is_directory(p))
        throw std::runtime_error("shared test data not found at '" + p.string() +
                                 "' (set -DSAMSP_SHARED_TESTDATA=...)");
    return p;
}

inline std::filesystem::path goldenDir()
{
    if (const char* env = std::getenv("SAMSP_GOLDEN_DIR"); env && *env) return env;
    return sharedTestdata() / "sam";
}

inline std::filesystem::path mobileSamGoldenDir()
{
    if (const char* env = std::getenv("SAMSP_MOBILESAM_GOLDEN_DIR"); env && *env) return env;
    return sharedTestdata() / "mobilesam";
}

// One reference set for the parity tests: SAM (ViT) by default; MobileSAM
// (TinyViT) when the test is compiled with SAMSP_PARITY_MOBILESAM.
struct ParitySet
{
    std::filesystem::path dir;
    std::string checkpoint, config, label;
};

inline ParitySet paritySet()
{
#ifdef SAMSP_PARITY_MOBILESAM
    return {mobileSamGoldenDir(), "tiny_mobilesam.pth", "tiny_mobilesam_config.json", "MobileSAM (TinyViT)"};
#else
    return {goldenDir(), "tiny_sam.pth", "tiny_sam_config.json", "SAM (ViT)"};
#endif
}

inline std::string readText(const std::filesystem::path& p)
{
    FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot read '" + p.string() + "'");
    std::string s;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
    return s;
}

} // namespace testsupport
