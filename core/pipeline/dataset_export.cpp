#include "dataset_export.h"
#include "format_registry.h"

#include "formats/atomic_file.h"
#include "formats/coco.h"
#include "formats/png_mask.h"
#include "formats/voc.h"
#include "formats/yolo.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "imaging/dicom.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>
#include <set>

namespace samsp::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
const std::array<std::string, 3> kSplits{"train", "val", "test"};

} // namespace

std::string groupOf(const ProjectItem& item)
{
    return item.patientId.empty() ? "file:" + item.file : "patient:" + item.patientId;
}

std::map<std::string, std::string> splitByGroup(const std::vector<const ProjectItem*>& items,
                                                const std::array<double, 3>& ratios, uint64_t seed)
{
    double sum = 0;
    for (double r : ratios) {
        if (r < 0) throw std::invalid_argument("split ratios must not be negative");
        sum += r;
    }
    if (sum <= 0) throw std::invalid_argument("split ratios add up to zero");
    std::map<std::string, std::vector<const ProjectItem*>> groups;
    for (const auto* i : items) groups[groupOf(*i)].push_back(i);
    std::vector<std::string> order;
    for (const auto& [g, members] : groups) order.push_back(g);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    // Larger groups first (stable, so equal sizes keep the shuffled order): small ones fill the gaps.
    std::stable_sort(order.begin(), order.end(),
                     [&](const std::string& a, const std::string& b) { return groups[a].size() > groups[b].size(); });
    const double total = static_cast<double>(items.size());
    std::array<double, 3> count{0, 0, 0};
    std::map<std::string, std::string> out;
    for (const auto& g : order) {
        int best = 0;
        double bestDeficit = -1e300;
        for (int s = 0; s < 3; ++s) {
            if (ratios[static_cast<size_t>(s)] <= 0) continue;
            const double deficit = ratios[static_cast<size_t>(s)] / sum * total - count[static_cast<size_t>(s)];
            if (deficit > bestDeficit) bestDeficit = deficit, best = s;
        }
        count[static_cast<size_t>(best)] += static_cast<double>(groups[g].size());
        for (const auto* i : groups[g]) out[i->key] = kSplits[static_cast<size_t>(best)];
    }
    return out;
}

DatasetExportResult exportDataset(const Project& project, const fs::path& projectDir, const DatasetExportOptions& opts,
                                  const std::function<void(int, int)>& progress)
{
    const OutputFormat* fmt = findOutputFormat(opts.format);
    if (!fmt || !fmt->dataset)
        throw std::invalid_argument("unknown dataset format '" + opts.format + "' (" + outputFormatIds(true) + ")");
    std::vector<const ProjectItem*> items;
    for (const auto& i : project.items)
        if (i.annotation.width > 0 &&
            (i.state == ItemState::Accepted || (opts.includeProposed && i.state == ItemState::Proposed)))
            items.push_back(&i);
    if (items.empty())
        throw std::runtime_error(opts.includeProposed ? "the project has no annotated items"
                                                      : "the project has no accepted items (proposals are left out unless asked for)");
    const auto splitOf = splitByGroup(items, opts.ratios, opts.seed);
    DatasetExportResult res;
    {
        // A group (patient, else file) is never divided: with fewer groups than splits
        // asked for, some split stays empty. Say so rather than leave it to be found.
        std::set<std::string> groups;
        std::map<std::string, int> counts;
        for (const auto* i : items) groups.insert(groupOf(*i)), ++counts[splitOf.at(i->key)];
        for (size_t k = 0; k < kSplits.size(); ++k)
            if (opts.ratios[k] > 0 && counts[kSplits[k]] == 0)
                res.warnings.push_back("split '" + kSplits[k] + "' is empty although its ratio is " + json(opts.ratios[k]).dump() +
                                       ": the " + std::to_string(items.size()) + " item(s) form " + std::to_string(groups.size()) +
                                       " group(s) (patients, else source files), and a group is never divided");
    }
    std::vector<std::string> keys;
    for (const auto* i : items) keys.push_back(i->key);
    const auto stems = outputStems(keys);
    formats::ensureFolder(opts.out);

    std::map<std::string, std::vector<annotation::ImageAnnotation>> cocoImages;
    std::map<std::string, std::vector<std::string>> vocLists;
    int done = 0;
    imaging::DocumentReader frames(0); // full size: the dataset keeps the image's resolution
    for (const auto* item : items) {
        const std::string split = splitOf.at(item->key);
        const std::string stem = stems.at(item->key);
        fs::path src = item->file;
        if (src.is_relative()) src = projectDir / src;
        // Ordinary single-frame images are copied as they are; DICOM and other frames are rendered to PNG.
        const std::string ext = imaging::lowerExtension(src);
        const bool copy = item->frame == 0 && imaging::isSupportedImageFile(src) && !imaging::looksLikeDicom(src) && ext != ".dcm";
        const std::string imageName = stem + (copy ? ext : ".png");
        fs::path imageDir;
        if (opts.format == "png") imageDir = opts.out / split / "images";
        else if (opts.format == "voc") imageDir = opts.out / "JPEGImages";
        else imageDir = opts.out / "images" / split;
        try {
            formats::ensureFolder(imageDir);
            if (copy)
                formats::writeFileAtomically(imageDir / imageName, formats::readFileBytes(src));
            else {
                // A multi-frame file is decoded once; the frame is written as the model sees it.
                formats::writeRgbPng(imageDir / imageName, frames.frame(src, item->frame).modelView(0).rgb);
            }
        } catch (const formats::WriteError&) {
            throw;
        } catch (const std::exception& e) {
            res.problems.push_back(item->key + ": " + e.what());
            continue;
        }
        annotation::ImageAnnotation a = item->annotation;
        a.image = imageName;
        if (opts.format == "png") {
            formats::ensureFolder(opts.out / split / "masks");
            formats::writeMaskPng(opts.out / split / "masks" / (stem + ".png"), a.foregroundMask());
        }
        else if (opts.format == "voc") {
            formats::writeVoc(opts.out, stem, a);
            vocLists[split].push_back(stem);
        }
        else if (opts.format == "yolo") {
            formats::ensureFolder(opts.out / "labels" / split);
            formats::writeYoloLabels(opts.out / "labels" / split / (stem + ".txt"), a, project.labels);
        }
        cocoImages[split].push_back(a);
        ++res.itemsPerSplit[split];
        for (const auto& in : a.instances) {
            const auto* c = project.labels.find(in.labelId);
            ++res.instancesPerSplitAndClass[split][c ? c->name : std::to_string(in.labelId)];
        }
        if (progress) progress(++done, static_cast<int>(items.size()));
    }
    if (opts.format == "coco") {
        formats::ensureFolder(opts.out / "annotations");
        for (const auto& s : kSplits)
            formats::writeCoco(opts.out / "annotations" / ("instances_" + s + ".json"), cocoImages[s], project.labels);
    }
    if (opts.format == "voc") {
        vocLists["trainval"] = vocLists["train"];
        vocLists["trainval"].insert(vocLists["trainval"].end(), vocLists["val"].begin(), vocLists["val"].end());
        for (const auto& s : kSplits) vocLists[s];
        formats::writeVocImageSets(opts.out, vocLists);
    }
    if (opts.format == "yolo")
        formats::writeYoloDataYaml(opts.out / "data.yaml", project.labels,
                                   {{"train", "images/train"}, {"val", "images/val"}, {"test", "images/test"}});

    // Dataset card.
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    std::set<std::string> patients;
    for (const auto* i : items)
        if (!i->patientId.empty()) patients.insert(i->patientId);
    json card = {{"name", project.name},
                 {"date", date},
                 {"format", opts.format},
                 {"seed", opts.seed},
                 {"ratios", opts.ratios},
                 {"included_states", opts.includeProposed ? json{"accepted", "proposed"} : json{"accepted"}},
                 {"items_per_split", res.itemsPerSplit},
                 {"instances_per_split_and_class", res.instancesPerSplitAndClass},
                 {"patients", patients.size()},
                 {"split_by", patients.empty() ? "source file"
                              : patients.size() == items.size() || std::all_of(items.begin(), items.end(), [](const ProjectItem* i) { return !i->patientId.empty(); })
                                  ? "patient"
                                  : "patient (DICOM), else source file"},
                 {"model", {{"checkpoint", project.model.checkpoint}, {"id", project.model.modelId}}},
                 {"labels", project.labels},
                 {"problems", res.problems},
                 {"warnings", res.warnings}};
    json sources = json::array();
    for (const auto& s : project.sources) sources.push_back({{"kind", s.kind}, {"path", s.path}});
    card["sources"] = sources;
    formats::writeFileAtomically(opts.out / "dataset_card.json", card.dump(2));
    std::string md = "# Dataset card: " + project.name + "\n\n";
    md += "Created " + std::string(date) + " by SAM-SP Studio from project '" + project.name + "'.\n\n";
    md += "- Format: " + opts.format + "\n- Split seed: " + std::to_string(opts.seed) + ", ratios train/val/test " +
          json(opts.ratios).dump() + ", split by " + card["split_by"].get<std::string>() + "\n";
    md += "- Items: " + std::string(opts.includeProposed ? "accepted and proposed" : "accepted only") + "\n";
    md += "- Model: " + (project.model.modelId.empty() ? std::string("(not recorded)") : project.model.modelId) + "\n";
    md += "- Sources:\n";
    for (const auto& s : project.sources) md += "  - " + s.kind + ": " + s.path + "\n";
    md += "\n| split | items |";
    for (const auto& c : project.labels.classes) md += " " + c.name + " |";
    md += "\n|---|---|";
    for (size_t k = 0; k < project.labels.classes.size(); ++k) md += "---|";
    md += "\n";
    for (const auto& s : kSplits) {
        md += "| " + s + " | " + std::to_string(res.itemsPerSplit[s]) + " |";
        for (const auto& c : project.labels.classes) md += " " + std::to_string(res.instancesPerSplitAndClass[s][c.name]) + " |";
        md += "\n";
    }
    if (!res.warnings.empty()) {
        md += "\nWarnings:\n";
        for (const auto& w : res.warnings) md += "- " + w + "\n";
    }
    if (!res.problems.empty()) {
        md += "\nLeft out (image could not be read):\n";
        for (const auto& p : res.problems) md += "- " + p + "\n";
    }
    res.card = opts.out / "dataset_card.md";
    formats::writeFileAtomically(res.card, md);
    return res;
}

} // namespace samsp::pipeline
