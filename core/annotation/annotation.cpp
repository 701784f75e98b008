#include "annotation.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace samsp::annotation {

std::string sourceName(Source s)
{
    switch (s) {
    case Source::Automatic: return "automatic";
    case Source::Edited: return "edited";
    case Source::Manual: return "manual";
    }
    return "automatic";
}

Source sourceFromString(const std::string& s)
{
    if (s == "automatic") return Source::Automatic;
    if (s == "edited") return Source::Edited;
    if (s == "manual") return Source::Manual;
    throw std::invalid_argument("unknown annotation source '" + s + "' (automatic, edited or manual)");
}

std::array<uint8_t, 3> distinctColor(int n)
{
    // Hue steps of the golden ratio keep neighbours apart; fixed saturation and value.
    const double h = std::fmod(0.95 + n * 0.618033988749895, 1.0) * 6.0;
    const double s = 0.75, v = 0.95;
    const int i = static_cast<int>(h);
    const double f = h - i, p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
    double r = v, g = t, b = p;
    switch (i % 6) {
    case 0: r = v, g = t, b = p; break;
    case 1: r = q, g = v, b = p; break;
    case 2: r = p, g = v, b = t; break;
    case 3: r = p, g = q, b = v; break;
    case 4: r = t, g = p, b = v; break;
    default: r = v, g = p, b = q; break;
    }
    auto c = [](double x) { return static_cast<uint8_t>(std::lround(x * 255)); };
    return {c(r), c(g), c(b)};
}

const LabelClass* LabelSet::find(int id) const
{
    for (const auto& c : classes)
        if (c.id == id) return &c;
    return nullptr;
}

const LabelClass* LabelSet::findByName(const std::string& name) const
{
    for (const auto& c : classes)
        if (c.name == name) return &c;
    return nullptr;
}

int LabelSet::maxId() const
{
    int m = 0;
    for (const auto& c : classes) m = std::max(m, c.id);
    return m;
}

LabelClass& LabelSet::add(const std::string& name)
{
    LabelClass c;
    c.id = maxId() + 1;
    c.name = name;
    c.color = distinctColor(static_cast<int>(classes.size()));
    if (classes.size() < 9) c.hotkey = std::to_string(classes.size() + 1);
    c.category = {"85756007", "SCT", "Tissue"};
    c.type = {"85756007", "SCT", "Tissue"};
    classes.push_back(c);
    return classes.back();
}

int LabelSet::ensure(const std::string& name)
{
    if (const auto* c = findByName(name)) return c->id;
    return add(name).id;
}

LabelSet LabelSet::defaults()
{
    LabelSet s;
    s.add("object");
    return s;
}

int ImageAnnotation::nextInstanceId() const
{
    int m = 0;
    for (const auto& i : instances) m = std::max(m, i.id);
    return m + 1;
}

int ImageAnnotation::addInstance(const cv::Mat& mask, int labelId, Source source, std::optional<double> score, std::string traceId,
                                 int pass)
{
    if (width == 0 && height == 0) {
        width = mask.cols;
        height = mask.rows;
    }
    if (mask.cols != width || mask.rows != height)
        throw std::invalid_argument("mask size " + std::to_string(mask.cols) + "x" + std::to_string(mask.rows) +
                                    " differs from the image's " + std::to_string(width) + "x" +
                                    std::to_string(height));
    Instance in;
    in.id = nextInstanceId();
    in.labelId = labelId;
    in.mask = rleEncode(mask);
    in.source = source;
    in.score = score;
    in.traceId = std::move(traceId);
    in.pass = pass;
    instances.push_back(std::move(in));
    return instances.back().id;
}

cv::Mat ImageAnnotation::labelMap() const
{
    int maxLabel = 0;
    for (const auto& i : instances) maxLabel = std::max(maxLabel, i.labelId);
    cv::Mat m(height, width, maxLabel > 255 ? CV_16UC1 : CV_8UC1, cv::Scalar(0));
    for (const auto& i : instances) m.setTo(cv::Scalar(i.labelId), rleDecodeMat(i.mask));
    return m;
}

cv::Mat ImageAnnotation::instanceMap() const
{
    cv::Mat m(height, width, instances.size() > 255 ? CV_16UC1 : CV_8UC1, cv::Scalar(0));
    for (size_t k = 0; k < instances.size(); ++k)
        m.setTo(cv::Scalar(static_cast<double>(k + 1)), rleDecodeMat(instances[k].mask));
    return m;
}

cv::Mat ImageAnnotation::unionMask(int labelId) const
{
    cv::Mat m(height, width, CV_8UC1, cv::Scalar(0));
    for (const auto& i : instances)
        if (i.labelId == labelId) m |= rleDecodeMat(i.mask);
    return m;
}

cv::Mat ImageAnnotation::foregroundMask() const
{
    cv::Mat m(height, width, CV_8UC1, cv::Scalar(0));
    for (const auto& i : instances) m |= rleDecodeMat(i.mask);
    return m;
}

// ---- JSON ---------------------------------------------------------------

void to_json(nlohmann::json& j, const CodedConcept& c)
{
    j = {{"value", c.value}, {"scheme", c.scheme}, {"meaning", c.meaning}};
}
void from_json(const nlohmann::json& j, CodedConcept& c)
{
    c.value = j.value("value", "");
    c.scheme = j.value("scheme", "SCT");
    c.meaning = j.value("meaning", "");
}

void to_json(nlohmann::json& j, const LabelClass& c)
{
    j = {{"id", c.id}, {"name", c.name}, {"color", c.color}, {"hotkey", c.hotkey}};
    if (!c.category.empty()) j["category"] = c.category;
    if (!c.type.empty()) j["type"] = c.type;
}
void from_json(const nlohmann::json& j, LabelClass& c)
{
    c.id = j.at("id").get<int>();
    c.name = j.at("name").get<std::string>();
    if (j.contains("color")) c.color = j.at("color").get<std::array<uint8_t, 3>>();
    c.hotkey = j.value("hotkey", "");
    c.category = j.contains("category") ? j.at("category").get<CodedConcept>() : CodedConcept{};
    c.type = j.contains("type") ? j.at("type").get<CodedConcept>() : CodedConcept{};
}

void to_json(nlohmann::json& j, const LabelSet& s) { j = s.classes; }
void from_json(const nlohmann::json& j, LabelSet& s) { s.classes = j.get<std::vector<LabelClass>>(); }

void to_json(nlohmann::json& j, const Instance& i)
{
    j = {{"id", i.id},
         {"label", i.labelId},
         {"size", {i.mask.height, i.mask.width}},
         {"counts", rleToString(i.mask)},
         {"source", sourceName(i.source)},
         {"score", i.score ? nlohmann::json(*i.score) : nlohmann::json(nullptr)}};
    if (!i.traceId.empty()) j["trace"] = i.traceId;
    if (i.pass >= 0) j["pass"] = i.pass;
}
void from_json(const nlohmann::json& j, Instance& i)
{
    i.id = j.at("id").get<int>();
    i.labelId = j.at("label").get<int>();
    const auto size = j.at("size").get<std::array<int64_t, 2>>();
    i.mask = rleFromString(j.at("counts").get<std::string>(), size[0], size[1]);
    uint64_t total = 0;
    for (auto c : i.mask.counts) total += c;
    if (total != static_cast<uint64_t>(size[0] * size[1]))
        throw std::runtime_error("instance " + std::to_string(i.id) + ": RLE counts do not cover " +
                                 std::to_string(size[1]) + "x" + std::to_string(size[0]));
    i.source = sourceFromString(j.value("source", "automatic"));
    if (j.contains("score") && j.at("score").is_number()) i.score = j.at("score").get<double>();
    else i.score.reset();
    i.traceId = j.value("trace", "");
    i.pass = j.value("pass", -1);
}

void to_json(nlohmann::json& j, const ImageAnnotation& a)
{
    j = {{"image", a.image}, {"frame", a.frame}, {"width", a.width}, {"height", a.height},
         {"instances", a.instances}};
}
void from_json(const nlohmann::json& j, ImageAnnotation& a)
{
    a.image = j.at("image").get<std::string>();
    a.frame = j.value("frame", 0);
    a.width = j.at("width").get<int>();
    a.height = j.at("height").get<int>();
    a.instances = j.value("instances", std::vector<Instance>{});
    for (const auto& i : a.instances)
        if (i.mask.width != a.width || i.mask.height != a.height)
            throw std::runtime_error("'" + a.image + "': instance " + std::to_string(i.id) +
                                     " has a mask of another size than the image");
}

} // namespace samsp::annotation
