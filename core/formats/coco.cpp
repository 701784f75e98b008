#include "coco.h"

#include "annotation/mask_ops.h"
#include "atomic_file.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <map>

namespace samsp::formats {

using annotation::ImageAnnotation;
using annotation::Instance;
using annotation::LabelSet;
using nlohmann::json;

namespace {
json segmentationOf(const Instance& in, const CocoOptions& opts)
{
    if (opts.encoding == MaskEncoding::Polygon) {
        const cv::Mat m = annotation::rleDecodeMat(in.mask);
        if (!annotation::hasHoles(m)) {
            json polys = json::array();
            for (const auto& p : annotation::maskToPolygons(m, opts.tolerance, false)) {
                if (p.points.size() < 3) continue; // COCO needs at least a triangle
                json flat = json::array();
                for (const auto& q : p.points) {
                    flat.push_back(q.x);
                    flat.push_back(q.y);
                }
                polys.push_back(std::move(flat));
            }
            if (!polys.empty()) return polys;
        }
    }
    return {{"size", {in.mask.height, in.mask.width}}, {"counts", annotation::rleToString(in.mask)}};
}
} // namespace

json cocoJson(const std::vector<ImageAnnotation>& images, const LabelSet& labels, const CocoOptions& opts)
{
    json cats = json::array();
    for (const auto& c : labels.classes) cats.push_back({{"id", c.id}, {"name", c.name}, {"supercategory", "object"}});
    json imgs = json::array(), anns = json::array();
    int64_t annId = 1;
    for (size_t k = 0; k < images.size(); ++k) {
        const auto& im = images[k];
        const int64_t imageId = static_cast<int64_t>(k) + 1;
        json ji = {{"id", imageId}, {"file_name", im.image}, {"width", im.width}, {"height", im.height}};
        if (im.frame != 0) ji["frame"] = im.frame;
        imgs.push_back(std::move(ji));
        for (const auto& in : im.instances) {
            const auto box = annotation::rleBox(in.mask);
            json a = {{"id", annId++},
                      {"image_id", imageId},
                      {"category_id", in.labelId},
                      {"segmentation", segmentationOf(in, opts)},
                      {"area", in.area()},
                      {"bbox", {box[0], box[1], box[2], box[3]}},
                      {"iscrowd", 0}};
            // COCO consumers expect a score in [0, 1]: only a calibrated one is written.
            if (in.score) a["score"] = std::clamp(*in.score, 0.0, 1.0);
            json extra = {{"instance", in.id}, {"source", annotation::sourceName(in.source)}};
            if (!in.traceId.empty()) extra["trace"] = in.traceId;
            if (in.pass >= 0) extra["pass"] = in.pass;
            a["samsp"] = std::move(extra);
            anns.push_back(std::move(a));
        }
    }
    return {{"info", {{"description", opts.description}, {"version", "1.0"}}},
            {"images", std::move(imgs)},
            {"annotations", std::move(anns)},
            {"categories", std::move(cats)}};
}

std::string cocoString(const std::vector<ImageAnnotation>& images, const LabelSet& labels, const CocoOptions& opts)
{
    return cocoJson(images, labels, opts).dump();
}

void writeCoco(const std::filesystem::path& p, const std::vector<ImageAnnotation>& images, const LabelSet& labels,
               const CocoOptions& opts)
{
    writeFileAtomically(p, cocoString(images, labels, opts));
}

CocoDataset cocoFromJson(const json& j, const std::filesystem::path& where)
{
    CocoDataset d;
    try {
        for (const auto& c : j.at("categories")) {
            annotation::LabelClass lc;
            lc.id = c.at("id").get<int>();
            lc.name = c.at("name").get<std::string>();
            lc.color = annotation::distinctColor(static_cast<int>(d.labels.classes.size()));
            if (d.labels.classes.size() < 9) lc.hotkey = std::to_string(d.labels.classes.size() + 1);
            d.labels.classes.push_back(lc);
        }
        std::map<int64_t, size_t> index;
        for (const auto& im : j.at("images")) {
            ImageAnnotation a;
            a.image = im.at("file_name").get<std::string>();
            a.width = im.at("width").get<int>();
            a.height = im.at("height").get<int>();
            a.frame = im.value("frame", 0);
            if (a.width <= 0 || a.height <= 0) throw std::runtime_error("image '" + a.image + "' has no size");
            index[im.at("id").get<int64_t>()] = d.images.size();
            d.images.push_back(std::move(a));
        }
        for (const auto& an : j.at("annotations")) {
            const int64_t imageId = an.at("image_id").get<int64_t>();
            const auto it = index.find(imageId);
            if (it == index.end())
                throw std::runtime_error("annotation " + an.value("id", json(0)).dump() + " refers to unknown image " +
                                         std::to_string(imageId));
            ImageAnnotation& im = d.images[it->second];
            Instance in;
            in.labelId = an.at("category_id").get<int>();
            if (an.contains("score") && an.at("score").is_number()) in.score = an.at("score").get<double>();
            const json& seg = an.at("segmentation");
            if (seg.is_object()) {
                const auto size = seg.at("size").get<std::array<int64_t, 2>>();
                if (size[0] != im.height || size[1] != im.width)
                    throw std::runtime_error("annotation " + an.value("id", json(0)).dump() +
                                             ": RLE size differs from its image's");
                const json& counts = seg.at("counts");
                if (counts.is_string())
                    in.mask = annotation::rleFromString(counts.get<std::string>(), size[0], size[1]);
                else
                    in.mask = {size[0], size[1], counts.get<std::vector<uint32_t>>()};
                (void)annotation::rleDecodeMat(in.mask); // validates that the counts cover the mask
            }
            else {
                std::vector<annotation::Polygon> polys;
                for (const auto& flat : seg) {
                    const auto v = flat.get<std::vector<float>>();
                    if (v.size() < 6 || v.size() % 2) throw std::runtime_error("a polygon needs >= 3 x,y pairs");
                    annotation::Polygon p;
                    for (size_t i = 0; i + 1 < v.size(); i += 2) p.points.emplace_back(v[i], v[i + 1]);
                    polys.push_back(std::move(p));
                }
                in.mask = annotation::rleEncode(annotation::polygonsToMask(polys, im.height, im.width));
            }
            if (an.contains("samsp")) {
                const json& x = an.at("samsp");
                in.id = x.value("instance", 0);
                in.source = annotation::sourceFromString(x.value("source", "automatic"));
                in.traceId = x.value("trace", "");
                in.pass = x.value("pass", -1);
            }
            else
                in.source = annotation::Source::Manual;
            if (in.id <= 0) in.id = im.nextInstanceId();
            im.instances.push_back(std::move(in));
        }
    } catch (const ReadError&) {
        throw;
    } catch (const std::exception& e) {
        throw ReadError::invalid(where, "COCO", e.what());
    }
    return d;
}

CocoDataset readCoco(const std::filesystem::path& p)
{
    const std::string bytes = readFileBytes(p);
    json j = json::parse(bytes, nullptr, false);
    if (j.is_discarded()) throw ReadError::notJson(p);
    return cocoFromJson(j, p);
}

} // namespace samsp::formats
