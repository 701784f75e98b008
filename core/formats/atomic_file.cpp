#include "atomic_file.h"

#include "model/durable.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <random>
#include <unistd.h>

namespace samsp::formats {

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size)
{
    namespace fs = std::filesystem;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw WriteError(path, "folder '" + dir.string() + "' does not exist");
    std::random_device rd;
    const fs::path tmp = dir / ("." + path.filename().string() + model::kTempMarker + std::to_string(rd() % 1000000));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw WriteError(path, std::strerror(errno));
    const char* p = static_cast<const char*>(data);
    size_t left = size;
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            fs::remove(tmp, ec);
            throw WriteError(path, why);
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        fs::remove(tmp, ec);
        throw WriteError(path, why);
    }
    if (const std::string why = model::durableRename(tmp, path); !why.empty()) {
        fs::remove(tmp, ec);
        throw WriteError(path, why);
    }
}

std::string readFileBytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in) throw ReadError(p, std::filesystem::exists(p) ? "permission denied" : "no such file");
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ReadError(p, "I/O error");
    return s;
}

TempFile::TempFile(std::filesystem::path target, const std::string& suffix) : m_target(std::move(target))
{
    namespace fs = std::filesystem;
    const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw WriteError(m_target, "folder '" + dir.string() + "' does not exist");
    if (::access(dir.c_str(), W_OK) != 0) throw WriteError(m_target, std::strerror(errno));
    std::random_device rd;
    m_tmp = dir / ("." + m_target.filename().string() + model::kTempMarker + std::to_string(rd() % 1000000) + suffix);
}

TempFile::~TempFile()
{
    if (!m_done) {
        std::error_code ec;
        std::filesystem::remove(m_tmp, ec);
    }
}

void TempFile::commit()
{
    std::error_code ec;
    if (!std::filesystem::exists(m_tmp, ec)) throw WriteError(m_target, "the writer produced no file");
    // The writer (DCMTK, libnifti) closed the file; flush it, rename, flush the folder.
    if (const std::string why = model::durableRename(m_tmp, m_target); !why.empty()) throw WriteError(m_target, why);
    m_done = true;
}

void ensureFolder(const std::filesystem::path& dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir)) throw WriteError(dir, ec ? ec.message() : "not a folder");
}

} // namespace samsp::formats
