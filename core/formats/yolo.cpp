#include "yolo.h"

#include "annotation/mask_ops.h"
#include "atomic_file.h"

#include <charconv>
#include <cstdio>
#include <sstream>

namespace samsp::formats {

using annotation::ImageAnnotation;
using annotation::LabelSet;

namespace {
int classIndex(const LabelSet& labels, int labelId)
{
    for (size_t i = 0; i < labels.classes.size(); ++i)
        if (labels.classes[i].id == labelId) return static_cast<int>(i);
    return -1;
}

std::string yamlQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string yamlUnquote(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
        const char q = s.front();
        s = s.substr(1, s.size() - 2);
        if (q == '\'') {
            std::string r;
            for (size_t i = 0; i < s.size(); ++i) {
                r += s[i];
                if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
            }
            s = r;
        }
    }
    return s;
}
} // namespace

std::string yoloLabelText(const ImageAnnotation& a, const LabelSet& labels, double tolerance)
{
    std::string out;
    char buf[32];
    for (const auto& in : a.instances) {
        const int cls = classIndex(labels, in.labelId);
        if (cls < 0) throw std::invalid_argument("label id " + std::to_string(in.labelId) + " is not in the label set");
        for (const auto& p : annotation::maskToPolygons(annotation::rleDecodeMat(in.mask), tolerance, false)) {
            if (p.points.size() < 3) continue;
            out += std::to_string(cls);
            for (const auto& q : p.points) {
                std::snprintf(buf, sizeof buf, " %.6f %.6f", (q.x + 0.5) / a.width, (q.y + 0.5) / a.height);
                out += buf;
            }
            out += '\n';
        }
    }
    return out;
}

void writeYoloLabels(const std::filesystem::path& p, const ImageAnnotation& a, const LabelSet& labels, double tolerance)
{
    writeFileAtomically(p, yoloLabelText(a, labels, tolerance));
}

ImageAnnotation readYoloLabels(const std::filesystem::path& p, int width, int height, const LabelSet& labels)
{
    std::istringstream in(readFileBytes(p));
    ImageAnnotation a;
    a.image = p.stem().string();
    a.width = width;
    a.height = height;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        std::istringstream ls(line);
        int cls = -1;
        if (!(ls >> cls)) continue; // blank line
        if (cls < 0 || cls >= static_cast<int>(labels.classes.size()))
            throw ReadError::invalid(p, "YOLO", "line " + std::to_string(lineNo) + ": class " + std::to_string(cls) +
                                   " is not in the label set (" + std::to_string(labels.classes.size()) + " classes)");
        annotation::Polygon poly;
        double x = 0, y = 0;
        while (ls >> x >> y) poly.points.emplace_back(static_cast<float>(x * width - 0.5), static_cast<float>(y * height - 0.5));
        if (poly.points.size() < 3) throw ReadError::invalid(p, "YOLO", "line " + std::to_string(lineNo) + ": fewer than 3 points");
        a.addInstance(annotation::polygonsToMask({poly}, height, width), labels.classes[static_cast<size_t>(cls)].id,
                      annotation::Source::Manual, 1.0);
    }
    return a;
}

void writeYoloDataYaml(const std::filesystem::path& p, const LabelSet& labels,
                       const std::map<std::string, std::string>& splits)
{
    std::string y = "# YOLO segmentation dataset written by SAM-SP Studio\n";
    y += "path: " + yamlQuote(p.parent_path().string()) + "\n";
    for (const auto& [name, folder] : splits) y += name + ": " + yamlQuote(folder) + "\n";
    y += "names:\n";
    for (size_t i = 0; i < labels.classes.size(); ++i)
        y += "  " + std::to_string(i) + ": " + yamlQuote(labels.classes[i].name) + "\n";
    writeFileAtomically(p, y);
}

std::vector<std::string> readYoloNames(const std::filesystem::path& p)
{
    std::istringstream in(readFileBytes(p));
    std::string line;
    std::vector<std::string> names;
    bool inNames = false;
    while (std::getline(in, line)) {
        if (line.rfind("names:", 0) == 0) {
            const std::string rest = line.substr(6);
            const auto lb = rest.find('[');
            if (lb != std::string::npos) { // inline list: names: ['a', 'b']
                const auto rb = rest.rfind(']');
                std::string body = rest.substr(lb + 1, rb == std::string::npos ? std::string::npos : rb - lb - 1);
                std::stringstream ss(body);
                std::string item;
                while (std::getline(ss, item, ',')) names.push_back(yamlUnquote(item));
                return names;
            }
            inNames = true;
            continue;
        }
        if (!inNames) continue;
        if (line.empty() || (line[0] != ' ' && line[0] != '-')) break;
        std::string item = line;
        const auto dash = item.find_first_not_of(' ');
        if (dash != std::string::npos && item[dash] == '-')
            names.push_back(yamlUnquote(item.substr(dash + 1)));
        else if (const auto colon = item.find(':'); colon != std::string::npos) {
            const int idx = std::stoi(item.substr(0, colon));
            if (idx < 0 || idx > 100000) throw ReadError::invalid(p, "YOLO", "class index out of range");
            if (static_cast<size_t>(idx) >= names.size()) names.resize(static_cast<size_t>(idx) + 1);
            names[static_cast<size_t>(idx)] = yamlUnquote(item.substr(colon + 1));
        }
    }
    if (names.empty()) throw ReadError::invalid(p, "YOLO", "no class names (names:) found");
    return names;
}

} // namespace samsp::formats
