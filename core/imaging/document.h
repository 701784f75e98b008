#pragma once
// The image / volume document shared by the studio, the batch pipeline and
// training: the frames at their native values (HU for CT), their geometry, the
// current window, and the 8-bit RGB view the model encodes. Very large images
// are encoded from a downscaled view (at most `maxSide` pixels on the longer
// side); masks come back at full resolution. The embedding cache key names the
// source, frame, window, inversion, view size and model, so changing the window
// never reuses a stale embedding.

#include "dicom.h"
#include "image.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samsp::imaging {

struct ModelView
{
    cv::Mat rgb;        // CV_8UC3, RGB
    double scale = 1.0; // view size = original size * scale (<= 1)
};

// Downscales (area averaging, at native depth) before windowing, so a 20 000 x 20 000
// image never needs a full-size 8-bit RGB copy.
ModelView makeModelView(const cv::Mat& pixels, const Window& w, bool invert, int maxSide = 4096);
// A view-sized mask (CV_8UC1, non-zero inside) back to `full` size (bilinear, then 50 %).
cv::Mat maskToFullResolution(const cv::Mat& viewMask, cv::Size full);

class Document
{
public:
    // An ordinary image (all pages of a TIFF) or a single DICOM file (all frames).
    static Document openFile(const std::filesystem::path& p);
    // One frame (page) of a file as a document of its own (a browser item "file#frame").
    static Document openFrame(const std::filesystem::path& p, int frame);
    // A DICOM series in its sorted order, decoded in parallel.
    static Document openSeries(const DicomSeries& s);

    int frameCount() const { return static_cast<int>(m_frames.size()); }
    const cv::Mat& pixels(int k) const { return m_frames.at(static_cast<size_t>(k)); }
    std::filesystem::path frameFile(int k) const;
    int frameIndexInFile(int k) const;
    const std::optional<VolumeGeometry>& geometry() const { return m_geometry; }
    const std::optional<DicomSeries>& series() const { return m_series; }
    const ImageInfo& info() const { return m_info; }

    Window window;
    bool invert = false;
    int maxViewSide = 4096;

    ModelView modelView(int k) const { return makeModelView(pixels(k), window, invert, maxViewSide); }
    std::string embeddingKey(int k, const std::string& modelId) const;

private:
    friend class DocumentReader;
    static Document fromImage(const std::filesystem::path& p, Image&& img);

    std::vector<cv::Mat> m_frames;
    std::vector<std::pair<std::filesystem::path, int>> m_sources;
    std::optional<VolumeGeometry> m_geometry;
    std::optional<DicomSeries> m_series;
    ImageInfo m_info;
};

// Frame after frame of files as one-frame documents (what the studio opens for a
// browser item "file#frame": the frame's own window), each file decoded once: keeps
// the last file's frames, as items of one file follow one another in key order.
// Batch, dataset export and training read their pixels through this, so the model
// sees exactly the view the studio shows for the same item.
class DocumentReader
{
public:
    // maxViewSide of the documents it returns (0: the model view at full size).
    explicit DocumentReader(int maxViewSide = 4096) : m_maxViewSide(maxViewSide) {}
    const Document& frame(const std::filesystem::path& p, int k);

private:
    int m_maxViewSide;
    std::filesystem::path m_file;
    std::vector<Document> m_frames;
};

} // namespace samsp::imaging
