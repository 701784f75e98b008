#pragma once
// Every file the product writes goes through here: the bytes go to a temporary
// file in the destination folder, which is renamed over the target only when
// complete. A failure leaves any existing file untouched and names the path.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace samsp::formats {

class WriteError : public std::runtime_error
{
public:
    WriteError(const std::filesystem::path& p, const std::string& why)
        : std::runtime_error("cannot write '" + p.string() + "': " + why)
    {
    }
};

// A file that exists but cannot be read as the format it should be: names the file and why.
class ReadError : public std::runtime_error
{
public:
    ReadError(const std::filesystem::path& p, const std::string& why)
        : std::runtime_error("cannot read '" + p.string() + "': " + why)
    {
    }
};

// The whole file, or ReadError.
std::string readFileBytes(const std::filesystem::path& p);

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size);
inline void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes)
{
    writeFileAtomically(path, bytes.data(), bytes.size());
}

// For libraries that open the file themselves (DCMTK, libnifti): they write to
// path(), a temporary name in the destination folder ending in `suffix`; commit()
// renames it over the target. Destroyed uncommitted, the temporary file is removed.
class TempFile
{
public:
    explicit TempFile(std::filesystem::path target, const std::string& suffix = {});
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return m_tmp; }
    void commit();

private:
    std::filesystem::path m_target, m_tmp;
    bool m_done = false;
};

// Creates `dir` (and parents) or throws WriteError naming it and why.
void ensureFolder(const std::filesystem::path& dir);

} // namespace samsp::formats
