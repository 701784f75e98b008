#pragma once
// Loading images: DICOM files go to dicom.h (sniffed by content, not only by
// extension); ordinary images (PNG, JPEG, TIFF incl. multi-page, BMP, WebP) use
// OpenCV: 8/16-bit and float kept at their depth, grey/RGB/RGBA, EXIF
// orientation honoured, colours converted to RGB order. Failures throw
// ImageError naming the file and the reason.

#include "image.h"

#include <filesystem>
#include <string>
#include <vector>

namespace samsp::imaging {

bool isSupportedImageFile(const std::filesystem::path& p);
// The file's extension in lower case, with its dot (".png"; "" when none).
std::string lowerExtension(const std::filesystem::path& p);
ImageInfo probeImage(const std::filesystem::path& p);
// `frame` selects a page of a multi-page TIFF or a frame of a multi-frame DICOM.
Image loadImage(const std::filesystem::path& p, int frame = 0);
// Every page / frame of a file, decoded once (not once per frame).
std::vector<Image> loadImageFrames(const std::filesystem::path& p);
// Files decoded so far by this process (tests: a multi-frame file is read once).
long fileDecodeCount();

// Lists supported image files in a folder (sorted, optionally recursive).
std::vector<std::filesystem::path> listImages(const std::filesystem::path& dir, bool recursive = false);

} // namespace samsp::imaging
