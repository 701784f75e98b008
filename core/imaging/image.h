#pragma once
// The image document model shared by the studio, the batch pipeline and
// training: the decoded pixels at their native depth, the window that maps them
// to 8 bits, and the 8-bit RGB view the model encodes.
//
// Conventions: `pixels` is an OpenCV matrix in RGB(A) order (never BGR: the
// loader converts), 8-bit, 16-bit or 32-bit float, 1, 3 or 4 channels.

#include <opencv2/core.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace samsp::imaging {

// A load failure: names the file and the reason.
// What went wrong, for messages in the interface's language (the text of what() is
// English, for logs and the command line).
enum class ImageProblem
{
    Other,               // see what()
    Missing,             // the file does not exist
    Folder,              // a folder, not a file
    Empty,               // 0 bytes
    Unopenable,          // cannot be opened for reading (permissions)
    NotAnImage,          // not a readable image (unknown format, corrupt or truncated)
    NoSuchFrame,         // frame index() of count() requested
    NotDicom,            // not a readable DICOM file; detail(): the library's reason
    NoPixelData,         // DICOM without Pixel Data: not an image
    UnsupportedEncoding, // the transfer syntax cannot be decoded; detail(): which
    Truncated,           // Pixel Data shorter than Rows x Columns x Frames
};

class ImageError : public std::runtime_error
{
public:
    ImageError(const std::filesystem::path& file, const std::string& why, ImageProblem problem = ImageProblem::Other,
               std::string detail = {}, int count = 0, int index = 0)
        : std::runtime_error("'" + file.string() + "': " + why), m_file(file), m_why(why), m_problem(problem),
          m_detail(std::move(detail)), m_count(count), m_index(index)
    {
    }
    const std::filesystem::path& file() const { return m_file; }
    const std::string& why() const { return m_why; }
    ImageProblem problem() const { return m_problem; }
    const std::string& detail() const { return m_detail; }
    int count() const { return m_count; }
    int index() const { return m_index; }

private:
    std::filesystem::path m_file;
    std::string m_why;
    ImageProblem m_problem;
    std::string m_detail;
    int m_count, m_index;
};

struct Window
{
    double center = 127.5;
    double width = 255.0;
    double low() const { return center - width / 2.0; }
    double high() const { return center + width / 2.0; }
    bool operator==(const Window&) const = default;
};

struct ImageInfo
{
    std::string format;       // "PNG", "JPEG", "TIFF", ...
    int width = 0, height = 0;
    int frames = 1;
    int bitDepth = 8;
    int channels = 3;
    std::string colour;       // "grey", "RGB", "RGBA"
};

struct Image
{
    std::filesystem::path source;
    int frameIndex = 0;
    cv::Mat pixels;           // RGB(A) or grey, 8U / 16U / 32F
    Window window;            // maps pixels to 0..255 (identity for 8-bit)
    bool invert = false;      // MONOCHROME1: high values dark
    ImageInfo info;

    int width() const { return pixels.cols; }
    int height() const { return pixels.rows; }
};

// Percentile window (default 0.5 % .. 99.5 %) over all channels; identity for 8-bit.
Window autoWindow(const cv::Mat& pixels, double lowPct = 0.5, double highPct = 99.5);
// 8-bit RGB (3 channels, continuous) for the model: window applied, grey replicated, alpha dropped.
cv::Mat toRgb8(const cv::Mat& pixels, const Window& w, bool invert = false);

} // namespace samsp::imaging
