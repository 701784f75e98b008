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

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size);
inline void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes)
{
    writeFileAtomically(path, bytes.data(), bytes.size());
}

} // namespace samsp::formats
