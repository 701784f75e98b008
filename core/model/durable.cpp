#include "durable.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace samsp::model {

std::string fsyncPath(const std::filesystem::path& p, int* errorNumber)
{
    auto fail = [&](int err) {
        if (errorNumber) *errorNumber = err;
        return std::string(std::strerror(err));
    };
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(errno);
    std::string why;
    if (::fsync(fd) != 0 && errno != EINVAL) why = fail(errno); // EINVAL: the file system cannot sync folders
    ::close(fd);
    return why;
}

std::string durableRename(const std::filesystem::path& tmp, const std::filesystem::path& target, int* errorNumber)
{
    if (auto why = fsyncPath(tmp, errorNumber); !why.empty()) return "cannot flush '" + tmp.string() + "' to disk: " + why;
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        if (errorNumber) *errorNumber = ec.value();
        return "rename failed: " + ec.message();
    }
    const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    if (auto why = fsyncPath(dir, errorNumber); !why.empty()) return "cannot flush folder '" + dir.string() + "' to disk: " + why;
    return {};
}

bool isProjectTemporary(const std::string& name)
{
    if (name.size() < 2 || name[0] != '.') return false;
    const auto at = name.find(kTempMarker);
    if (at == std::string::npos || at == 0) return false;
    const size_t digits = at + std::strlen(kTempMarker);
    return digits < name.size() && name[digits] >= '0' && name[digits] <= '9';
}

} // namespace samsp::model
