#include "voc.h"

#include "atomic_file.h"
#include "imaging/image.h"
#include "indexed_png.h"

#include <sstream>

namespace samsp::formats {

using annotation::ImageAnnotation;

namespace {
cv::Mat as8Bit(const cv::Mat& m, const std::filesystem::path& p, const char* what)
{
    if (m.type() != CV_8UC1) throw WriteError::cannotHold(p, "VOC", std::string("more than 254 ") + what + " do not fit a VOC palette PNG");
    double maxV = 0;
    cv::minMaxLoc(m, nullptr, &maxV);
    if (maxV >= 255) throw WriteError::cannotHold(p, "VOC", std::string("index 255 is VOC's boundary colour; too many ") + what);
    return m;
}
} // namespace

void writeLabelMapPng(const std::filesystem::path& p, const ImageAnnotation& a)
{
    writeIndexedPng(p, as8Bit(a.labelMap(), p, "classes"), vocPalette());
}

void writeVoc(const std::filesystem::path& root, const std::string& stem, const ImageAnnotation& a)
{
    ensureFolder(root / "SegmentationClass");
    ensureFolder(root / "SegmentationObject");
    const auto cls = root / "SegmentationClass" / (stem + ".png");
    const auto obj = root / "SegmentationObject" / (stem + ".png");
    writeIndexedPng(cls, as8Bit(a.labelMap(), cls, "classes"), vocPalette());
    writeIndexedPng(obj, as8Bit(a.instanceMap(), obj, "instances"), vocPalette());
}

void writeVocImageSets(const std::filesystem::path& root, const std::map<std::string, std::vector<std::string>>& splits)
{
    const auto dir = root / "ImageSets" / "Segmentation";
    ensureFolder(dir);
    for (const auto& [name, stems] : splits) {
        std::string text;
        for (const auto& s : stems) text += s + "\n";
        writeFileAtomically(dir / (name + ".txt"), text);
    }
}

ImageAnnotation readVoc(const std::filesystem::path& root, const std::string& stem)
{
    const auto clsPath = root / "SegmentationClass" / (stem + ".png");
    const auto objPath = root / "SegmentationObject" / (stem + ".png");
    const cv::Mat cls = readIndexedPng(clsPath).indices;
    ImageAnnotation a;
    a.image = stem;
    a.width = cls.cols;
    a.height = cls.rows;
    if (!std::filesystem::exists(objPath)) {
        // Class maps alone: one instance per class present.
        for (int c = 1; c < 255; ++c) {
            cv::Mat m = cls == c;
            if (cv::countNonZero(m) > 0) a.addInstance(m, c, annotation::Source::Manual, 1.0);
        }
        return a;
    }
    const cv::Mat obj = readIndexedPng(objPath).indices;
    if (obj.size() != cls.size()) throw ReadError::invalid(objPath, "VOC", "size differs from " + clsPath.string());
    for (int k = 1; k < 255; ++k) {
        cv::Mat m = obj == k;
        if (cv::countNonZero(m) == 0) continue;
        int hist[256] = {0};
        for (int y = 0; y < m.rows; ++y) {
            const uint8_t* mp = m.ptr<uint8_t>(y);
            const uint8_t* cp = cls.ptr<uint8_t>(y);
            for (int x = 0; x < m.cols; ++x)
                if (mp[x]) ++hist[cp[x]];
        }
        int best = 1;
        for (int c = 1; c < 255; ++c)
            if (hist[c] > hist[best]) best = c;
        a.addInstance(m, best, annotation::Source::Manual, 1.0);
    }
    return a;
}

std::vector<std::string> readVocImageSet(const std::filesystem::path& root, const std::string& split)
{
    std::istringstream in(readFileBytes(root / "ImageSets" / "Segmentation" / (split + ".txt")));
    std::vector<std::string> stems;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) stems.push_back(line);
    return stems;
}

} // namespace samsp::formats
