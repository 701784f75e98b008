#include "image_io.h"

#include "common/log.h"
#include "dicom.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <set>

namespace samsp::imaging {

namespace fs = std::filesystem;

std::string lowerExtension(const fs::path& p)
{
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return e;
}

namespace {

std::string formatName(const fs::path& p)
{
    static const std::map<std::string, std::string> names{{".png", "PNG"},  {".jpg", "JPEG"}, {".jpeg", "JPEG"},
                                                          {".tif", "TIFF"}, {".tiff", "TIFF"}, {".bmp", "BMP"},
                                                          {".webp", "WebP"}};
    auto it = names.find(lowerExtension(p));
    return it == names.end() ? "unknown" : it->second;
}

void checkReadable(const fs::path& p)
{
    std::error_code ec;
    if (!fs::exists(p, ec)) throw ImageError(p, "file does not exist", ImageProblem::Missing);
    if (fs::is_directory(p, ec)) throw ImageError(p, "is a folder, not an image", ImageProblem::Folder);
    if (fs::file_size(p, ec) == 0) throw ImageError(p, "file is empty (0 bytes)", ImageProblem::Empty);
    std::ifstream in(p, std::ios::binary);
    if (!in) throw ImageError(p, "cannot be opened for reading", ImageProblem::Unopenable);
}

cv::Mat toRgbOrder(const cv::Mat& m)
{
    cv::Mat out;
    if (m.channels() == 3) cv::cvtColor(m, out, cv::COLOR_BGR2RGB);
    else if (m.channels() == 4) cv::cvtColor(m, out, cv::COLOR_BGRA2RGBA);
    else out = m;
    return out;
}

ImageInfo infoOf(const fs::path& p, const cv::Mat& m, int frames)
{
    ImageInfo i;
    i.format = formatName(p);
    i.width = m.cols, i.height = m.rows, i.frames = frames;
    i.channels = m.channels();
    i.bitDepth = m.depth() == CV_8U ? 8 : m.depth() == CV_16U ? 16 : m.depth() == CV_32F ? 32 : 8 * int(m.elemSize1());
    i.colour = i.channels == 1 ? "grey" : i.channels == 4 ? "RGBA" : "RGB";
    return i;
}

} // namespace

bool isSupportedImageFile(const fs::path& p)
{
    static const std::set<std::string> ext{".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".dcm"};
    return ext.count(lowerExtension(p)) != 0;
}

namespace {
std::atomic<long> g_fileDecodes{0};

// The pages of an ordinary image (all of them, or only `only` >= 0), decoded once.
std::vector<Image> decodeOrdinary(const fs::path& p, int only)
{
    ++g_fileDecodes;
    std::vector<cv::Mat> pages;
    try {
        // IMREAD_UNCHANGED keeps 16-bit and alpha but ignores EXIF orientation; JPEG has no alpha, so it goes
        // through ANYDEPTH|ANYCOLOR, which applies the EXIF rotation (one decode either way).
        const int flags = formatName(p) == "JPEG" ? (cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR) : cv::IMREAD_UNCHANGED;
        if (only > 0 || formatName(p) == "TIFF") cv::imreadmulti(p.string(), pages, flags);
        if (pages.empty()) {
            cv::Mat m = cv::imread(p.string(), flags);
            if (!m.empty()) pages.push_back(m);
        }
    } catch (const cv::Exception& e) {
        throw ImageError(p, "cannot be decoded (" + std::string(e.err) + ")", ImageProblem::NotAnImage, e.err);
    }
    if (pages.empty()) throw ImageError(p, "is not a readable image (unknown format, or the file is corrupt or truncated)", ImageProblem::NotAnImage);
    const int frames = static_cast<int>(pages.size());
    if (only >= frames)
        throw ImageError(p, "has " + std::to_string(frames) + " page(s); page " + std::to_string(only) + " requested",
                         ImageProblem::NoSuchFrame, {}, frames, only);
    std::vector<Image> out;
    for (int f = only >= 0 ? only : 0; f < (only >= 0 ? only + 1 : frames); ++f) {
        cv::Mat m = pages[static_cast<size_t>(f)];
        if (m.depth() != CV_8U && m.depth() != CV_16U && m.depth() != CV_32F) {
            cv::Mat c;
            m.convertTo(c, CV_32F);
            m = c;
        }
        Image img;
        img.source = p;
        img.frameIndex = f;
        img.pixels = toRgbOrder(m);
        img.info = infoOf(p, img.pixels, frames);
        img.window = autoWindow(img.pixels);
        out.push_back(std::move(img));
    }
    log::io()->debug("loaded {} ({}x{}, {} page(s))", p.string(), out.front().info.width, out.front().info.height, frames);
    return out;
}
} // namespace

long fileDecodeCount() { return g_fileDecodes.load(); }

Image loadImage(const fs::path& p, int frame)
{
    checkReadable(p);
    if (lowerExtension(p) == ".dcm" || looksLikeDicom(p)) {
        ++g_fileDecodes;
        return loadDicomImage(p, frame);
    }
    if (frame < 0) throw ImageError(p, "page " + std::to_string(frame) + " requested");
    return std::move(decodeOrdinary(p, frame).front());
}

std::vector<Image> loadImageFrames(const fs::path& p)
{
    checkReadable(p);
    if (lowerExtension(p) == ".dcm" || looksLikeDicom(p)) {
        ++g_fileDecodes;
        return loadDicomFrames(p); // one read for every frame
    }
    return decodeOrdinary(p, -1);
}

ImageInfo probeImage(const fs::path& p)
{
    Image i = loadImage(p);
    return i.info;
}

std::vector<fs::path> listImages(const fs::path& dir, bool recursive)
{
    std::vector<fs::path> out;
    std::error_code ec;
    auto add = [&](const fs::directory_entry& e) {
        if (e.is_regular_file(ec) && isSupportedImageFile(e.path())) out.push_back(e.path());
    };
    if (recursive) {
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec))
            add(*it);
    } else {
        for (auto it = fs::directory_iterator(dir, ec); it != fs::directory_iterator(); it.increment(ec)) add(*it);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace samsp::imaging
