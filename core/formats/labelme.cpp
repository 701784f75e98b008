#include "labelme.h"

#include "annotation/mask_ops.h"
#include "atomic_file.h"
#include "base64.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>

namespace samsp::formats {

using annotation::ImageAnnotation;
using annotation::LabelSet;
using nlohmann::json;

namespace {
json maskShape(const cv::Mat& m, const std::string& label, int group)
{
    cv::Rect box = cv::boundingRect(m);
    if (box.area() == 0) box = {0, 0, 1, 1};
    cv::Mat crop = m(box) != 0;
    crop /= 255; // labelme stores the crop as a 0/1 PNG
    std::vector<uchar> png;
    cv::imencode(".png", crop, png);
    return {{"label", label},
            {"points", {{box.x, box.y}, {box.x + box.width - 1, box.y + box.height - 1}}},
            {"group_id", group},
            {"description", ""},
            {"shape_type", "mask"},
            {"flags", json::object()},
            {"mask", base64Encode(std::string(png.begin(), png.end()))}};
}
} // namespace

json labelmeJson(const ImageAnnotation& a, const LabelSet& labels, const std::string& imagePath, LabelmeShape shape,
                 double tolerance)
{
    json shapes = json::array();
    for (const auto& in : a.instances) {
        const auto* c = labels.find(in.labelId);
        const std::string name = c ? c->name : std::to_string(in.labelId);
        const cv::Mat m = annotation::rleDecodeMat(in.mask);
        if (shape == LabelmeShape::Mask || annotation::hasHoles(m)) {
            shapes.push_back(maskShape(m, name, in.id));
            continue;
        }
        for (const auto& p : annotation::maskToPolygons(m, tolerance, false)) {
            if (p.points.size() < 3) continue;
            json pts = json::array();
            for (const auto& q : p.points) pts.push_back({q.x, q.y});
            shapes.push_back({{"label", name},
                              {"points", std::move(pts)},
                              {"group_id", in.id},
                              {"description", ""},
                              {"shape_type", "polygon"},
                              {"flags", json::object()},
                              {"mask", nullptr}});
        }
    }
    return {{"version", "5.4.1"},     {"flags", json::object()}, {"shapes", std::move(shapes)},
            {"imagePath", imagePath}, {"imageData", nullptr},    {"imageHeight", a.height},
            {"imageWidth", a.width}};
}

void writeLabelme(const std::filesystem::path& p, const ImageAnnotation& a, const LabelSet& labels,
                  const std::string& imagePath, LabelmeShape shape, double tolerance)
{
    writeFileAtomically(p, labelmeJson(a, labels, imagePath, shape, tolerance).dump(2));
}

ImageAnnotation readLabelme(const std::filesystem::path& p, LabelSet& labels)
{
    const json j = json::parse(readFileBytes(p), nullptr, false);
    if (j.is_discarded()) throw ReadError::notJson(p);
    ImageAnnotation a;
    try {
        a.image = j.value("imagePath", p.stem().string());
        a.width = j.at("imageWidth").get<int>();
        a.height = j.at("imageHeight").get<int>();
        if (a.width <= 0 || a.height <= 0) throw std::runtime_error("no image size");
        // Shapes sharing a group_id (and label) form one instance; ungrouped shapes are their own.
        std::map<std::pair<std::string, int>, cv::Mat> grouped;
        std::vector<std::pair<std::string, cv::Mat>> order;
        int ungrouped = -1;
        for (const auto& s : j.at("shapes")) {
            const std::string label = s.at("label").get<std::string>();
            const std::string type = s.value("shape_type", "polygon");
            const auto pts = s.at("points").get<std::vector<std::array<double, 2>>>();
            cv::Mat m(a.height, a.width, CV_8UC1, cv::Scalar(0));
            if (type == "mask") {
                if (pts.empty()) throw std::runtime_error("mask shape without points");
                const std::string png = base64Decode(s.at("mask").get<std::string>());
                cv::Mat crop = cv::imdecode(std::vector<uchar>(png.begin(), png.end()), cv::IMREAD_GRAYSCALE);
                if (crop.empty()) throw std::runtime_error("mask shape with an unreadable PNG");
                const cv::Rect box(static_cast<int>(pts[0][0]), static_cast<int>(pts[0][1]), crop.cols, crop.rows);
                if ((box & cv::Rect(0, 0, a.width, a.height)) != box)
                    throw std::runtime_error("mask shape outside the image");
                cv::Mat roi = m(box);
                roi.setTo(255, crop != 0);
            }
            else if (type == "polygon" || type == "rectangle" || type == "circle") {
                annotation::Polygon poly;
                if (type == "polygon")
                    for (const auto& q : pts) poly.points.emplace_back(static_cast<float>(q[0]), static_cast<float>(q[1]));
                else if (type == "rectangle" && pts.size() == 2) {
                    poly.points = {{float(pts[0][0]), float(pts[0][1])}, {float(pts[1][0]), float(pts[0][1])},
                                   {float(pts[1][0]), float(pts[1][1])}, {float(pts[0][0]), float(pts[1][1])}};
                }
                else if (type == "circle" && pts.size() == 2) {
                    const double r = std::hypot(pts[1][0] - pts[0][0], pts[1][1] - pts[0][1]);
                    cv::circle(m, {cvRound(pts[0][0]), cvRound(pts[0][1])}, cvRound(r), cv::Scalar(255), cv::FILLED);
                }
                if (!poly.points.empty()) m = annotation::polygonsToMask({poly}, a.height, a.width);
            }
            else
                continue; // points, lines: no area
            const int group = s.contains("group_id") && s["group_id"].is_number() ? s["group_id"].get<int>() : ungrouped--;
            auto key = std::make_pair(label, group);
            auto it = grouped.find(key);
            if (it == grouped.end()) {
                grouped[key] = m;
                order.emplace_back(label, m); // shares data with grouped[key]
            }
            else
                it->second |= m;
        }
        for (const auto& [label, m] : order) a.addInstance(m, labels.ensure(label), annotation::Source::Manual, 1.0);
    } catch (const ReadError&) {
        throw;
    } catch (const std::exception& e) {
        throw ReadError::invalid(p, "labelme", e.what());
    }
    return a;
}

} // namespace samsp::formats
