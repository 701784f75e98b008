#pragma once
// Every file the product writes goes through here: the bytes go to a temporary
// file in the destination folder, which is renamed over the target only when
// complete. A failure leaves any existing file untouched and names the path.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace samsp::formats {

// What went wrong with a file, for messages in the interface's language; what()
// stays English, for logs and the command line.
enum class FileProblem
{
    Other,      // why() says it
    NoFolder,   // the destination folder does not exist; detail(): the folder
    NotAFolder, // the path exists but is not a folder
    System,     // the operating system refused; errorNumber(): errno (0: unknown)
    Missing,    // no such file
    NotJson,    // the file is not JSON
    Format,     // not valid as (or cannot be written as) format(); detail(): the technical reason
    NotOnSeries, // a volume that does not lie on the series it is laid over; detail(): how
    NoOutput,   // the writer (a library) produced no file
    Encoding,   // encoding the image failed
};

class FileError : public std::runtime_error
{
public:
    FileError(bool writing, const std::filesystem::path& p, const std::string& why, FileProblem problem = FileProblem::Other,
              std::string detail = {}, std::string format = {}, int errorNumber = 0)
        : std::runtime_error((writing ? "cannot write '" : "cannot read '") + p.string() + "': " + why), m_writing(writing),
          m_file(p), m_why(why), m_problem(problem), m_detail(std::move(detail)), m_format(std::move(format)),
          m_errno(errorNumber)
    {
    }
    bool writing() const { return m_writing; }
    const std::filesystem::path& file() const { return m_file; }
    const std::string& why() const { return m_why; }
    FileProblem problem() const { return m_problem; }
    const std::string& detail() const { return m_detail; }
    const std::string& format() const { return m_format; }
    int errorNumber() const { return m_errno; }

private:
    bool m_writing;
    std::filesystem::path m_file;
    std::string m_why;
    FileProblem m_problem;
    std::string m_detail, m_format;
    int m_errno;
};

class WriteError : public FileError
{
public:
    WriteError(const std::filesystem::path& p, const std::string& why, FileProblem problem = FileProblem::Other,
               std::string detail = {}, std::string format = {}, int errorNumber = 0)
        : FileError(true, p, why, problem, std::move(detail), std::move(format), errorNumber)
    {
    }
    // errno's reason (strerror), kept as a number for the interface.
    static WriteError system(const std::filesystem::path& p, int errorNumber, const std::string& context = {});
    static WriteError noFolder(const std::filesystem::path& p, const std::filesystem::path& folder);
    // `format` cannot hold what was asked (the reason in `why`).
    static WriteError cannotHold(const std::filesystem::path& p, const std::string& format, const std::string& why);
};

// A file that exists but cannot be read as the format it should be: names the file and why.
class ReadError : public FileError
{
public:
    ReadError(const std::filesystem::path& p, const std::string& why, FileProblem problem = FileProblem::Other,
              std::string detail = {}, std::string format = {}, int errorNumber = 0)
        : FileError(false, p, why, problem, std::move(detail), std::move(format), errorNumber)
    {
    }
    static ReadError system(const std::filesystem::path& p, int errorNumber);
    static ReadError missing(const std::filesystem::path& p);
    static ReadError notJson(const std::filesystem::path& p);
    // Not a valid `format` file (the technical reason in `why`).
    static ReadError invalid(const std::filesystem::path& p, const std::string& format, const std::string& why);
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
