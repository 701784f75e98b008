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

WriteError WriteError::system(const std::filesystem::path& p, int errorNumber, const std::string& context)
{
    const std::string why = errorNumber ? std::strerror(errorNumber) : "unknown error";
    return WriteError(p, context.empty() ? why : context + ": " + why, FileProblem::System, {}, {}, errorNumber);
}

WriteError WriteError::noFolder(const std::filesystem::path& p, const std::filesystem::path& folder)
{
    return WriteError(p, "folder '" + folder.string() + "' does not exist", FileProblem::NoFolder, folder.string());
}

WriteError WriteError::cannotHold(const std::filesystem::path& p, const std::string& format, const std::string& why)
{
    return WriteError(p, why, FileProblem::Format, why, format);
}

ReadError ReadError::system(const std::filesystem::path& p, int errorNumber)
{
    return ReadError(p, errorNumber ? std::strerror(errorNumber) : "unknown error", FileProblem::System, {}, {}, errorNumber);
}

ReadError ReadError::missing(const std::filesystem::path& p)
{
    return ReadError(p, "no such file", FileProblem::Missing);
}

ReadError ReadError::notJson(const std::filesystem::path& p)
{
    return ReadError(p, "not JSON", FileProblem::NotJson);
}

ReadError ReadError::invalid(const std::filesystem::path& p, const std::string& format, const std::string& why)
{
    return ReadError(p, "not a valid " + format + " file: " + why, FileProblem::Format, why, format);
}

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size)
{
    namespace fs = std::filesystem;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw WriteError::noFolder(path, dir);
    std::random_device rd;
    const fs::path tmp = dir / ("." + path.filename().string() + model::kTempMarker + std::to_string(rd() % 1000000));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw WriteError::system(path, errno);
    const char* p = static_cast<const char*>(data);
    size_t left = size;
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            fs::remove(tmp, ec);
            throw WriteError::system(path, err);
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        fs::remove(tmp, ec);
        throw WriteError::system(path, err);
    }
    int err = 0;
    if (const std::string why = model::durableRename(tmp, path, &err); !why.empty()) {
        fs::remove(tmp, ec);
        throw WriteError(path, why, FileProblem::System, {}, {}, err);
    }
}

std::string readFileBytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        const int err = errno;
        if (!std::filesystem::exists(p)) throw ReadError::missing(p);
        throw ReadError::system(p, err ? err : EACCES);
    }
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ReadError::system(p, EIO);
    return s;
}

TempFile::TempFile(std::filesystem::path target, const std::string& suffix) : m_target(std::move(target))
{
    namespace fs = std::filesystem;
    const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw WriteError::noFolder(m_target, dir);
    if (::access(dir.c_str(), W_OK) != 0) throw WriteError::system(m_target, errno);
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
    if (!std::filesystem::exists(m_tmp, ec)) throw WriteError(m_target, "the writer produced no file", FileProblem::NoOutput);
    // The writer (DCMTK, libnifti) closed the file; flush it, rename, flush the folder.
    int err = 0;
    if (const std::string why = model::durableRename(m_tmp, m_target, &err); !why.empty())
        throw WriteError(m_target, why, FileProblem::System, {}, {}, err);
    m_done = true;
}

void ensureFolder(const std::filesystem::path& dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw WriteError::system(dir, ec.value());
    if (!std::filesystem::is_directory(dir)) throw WriteError(dir, "not a folder", FileProblem::NotAFolder);
}

} // namespace samsp::formats
