#include "document.h"

#include "image_io.h"

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace samsp::imaging {

ModelView makeModelView(const cv::Mat& pixels, const Window& w, bool invert, int maxSide)
{
    ModelView v;
    const int longSide = std::max(pixels.cols, pixels.rows);
    if (maxSide > 0 && longSide > maxSide) {
        v.scale = static_cast<double>(maxSide) / longSide;
        cv::Mat small;
        const cv::Size size(std::max(1, static_cast<int>(std::lround(pixels.cols * v.scale))),
                            std::max(1, static_cast<int>(std::lround(pixels.rows * v.scale))));
        cv::resize(pixels, small, size, 0, 0, cv::INTER_AREA);
        v.rgb = toRgb8(small, w, invert);
    }
    else
        v.rgb = toRgb8(pixels, w, invert);
    return v;
}

cv::Mat maskToFullResolution(const cv::Mat& viewMask, cv::Size full)
{
    if (viewMask.size() == full) return viewMask != 0;
    cv::Mat m = viewMask != 0, up;
    cv::resize(m, up, full, 0, 0, cv::INTER_LINEAR);
    cv::Mat out = up >= 128;
    return out;
}

Document Document::openFile(const std::filesystem::path& p)
{
    Document d;
    std::vector<Image> frames = loadImageFrames(p); // the file is decoded once, whatever its frame count
    const Image& first = frames.front();
    d.m_info = first.info;
    d.window = first.window;
    d.invert = first.invert;
    for (auto& f : frames) {
        d.m_frames.push_back(f.pixels);
        d.m_sources.emplace_back(p, f.frameIndex);
    }
    if (first.info.format == "DICOM") {
        const auto series = groupSeries({readDicomInfo(p)});
        if (!series.empty() && series.front().slices.size() == d.m_frames.size()) {
            // Keep the frames in spatial order (enhanced multi-frame files may not be).
            const auto& s = series.front();
            std::vector<cv::Mat> ordered;
            std::vector<std::pair<std::filesystem::path, int>> src;
            for (const auto& sl : s.slices) {
                ordered.push_back(d.m_frames[static_cast<size_t>(sl.frame)]);
                src.emplace_back(p, sl.frame);
            }
            d.m_frames = std::move(ordered);
            d.m_sources = std::move(src);
            d.m_series = s;
            d.m_geometry = geometryOf(s);
        }
    }
    return d;
}

Document Document::fromImage(const std::filesystem::path& p, Image&& img)
{
    Document d;
    d.m_info = img.info;
    d.window = img.window;
    d.invert = img.invert;
    d.m_sources.emplace_back(p, img.frameIndex);
    d.m_frames.push_back(std::move(img.pixels));
    return d;
}

Document Document::openFrame(const std::filesystem::path& p, int frame)
{
    Document d = fromImage(p, loadImage(p, frame));
    d.m_sources.front().second = frame;
    return d;
}

const Document& DocumentReader::frame(const std::filesystem::path& p, int k)
{
    if (p != m_file || m_frames.empty()) {
        m_frames.clear();
        m_file.clear();
        for (Image& img : loadImageFrames(p)) {
            m_frames.push_back(Document::fromImage(p, std::move(img)));
            m_frames.back().maxViewSide = m_maxViewSide;
        }
        m_file = p;
    }
    if (k < 0 || k >= static_cast<int>(m_frames.size()))
        throw ImageError(p, "has " + std::to_string(m_frames.size()) + " frame(s); frame " + std::to_string(k) + " requested",
                         ImageProblem::NoSuchFrame, {}, static_cast<int>(m_frames.size()), k);
    return m_frames[static_cast<size_t>(k)];
}

Document Document::openSeries(const DicomSeries& s)
{
    Document d;
    Volume v = loadVolume(s);
    d.m_frames = std::move(v.slices);
    for (const auto& sl : s.slices) d.m_sources.emplace_back(sl.info.file, sl.frame);
    d.m_series = s;
    d.m_geometry = geometryOf(s);
    if (!s.slices.empty()) {
        const auto& i = s.slices.front().info;
        d.m_info.format = "DICOM";
        d.m_info.width = i.columns;
        d.m_info.height = i.rows;
        d.m_info.frames = static_cast<int>(s.slices.size());
        d.m_info.bitDepth = i.bitsStored;
        d.m_info.channels = 1;
        d.m_info.colour = "grey";
        d.invert = i.photometric == "MONOCHROME1";
        // The file's window, else an auto window over the middle slice.
        d.window = i.fileWindow ? *i.fileWindow : autoWindow(d.m_frames[d.m_frames.size() / 2]);
    }
    return d;
}

std::filesystem::path Document::frameFile(int k) const { return m_sources.at(static_cast<size_t>(k)).first; }
int Document::frameIndexInFile(int k) const { return m_sources.at(static_cast<size_t>(k)).second; }

std::string Document::embeddingKey(int k, const std::string& modelId) const
{
    const auto& [file, frame] = m_sources.at(static_cast<size_t>(k));
    // The file's size and modification time too: an image replaced under the same name
    // never gets the old one's embedding (from the disk cache, across sessions).
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    const auto time = ec ? 0 : std::filesystem::last_write_time(file, ec).time_since_epoch().count();
    char buf[224];
    std::snprintf(buf, sizeof buf, "|%d|%llu|%lld|W%.6g/%.6g|%s|max%d|", frame, static_cast<unsigned long long>(ec ? 0 : size),
                  static_cast<long long>(time), window.center, window.width, invert ? "inv" : "pos", maxViewSide);
    return file.string() + buf + modelId;
}

} // namespace samsp::imaging
