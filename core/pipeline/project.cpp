#include "project.h"

#include "formats/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace samsp::model {
using nlohmann::json;
void to_json(json& j, const SelfPromptSettings& s)
{
    j = {{"passes", s.passes},         {"box", s.useBox},
         {"point", s.usePoint},        {"mask", s.useMask},
         {"largest_component", s.largestComponent}, {"min_island_fraction", s.minIslandFraction},
         {"early_stop_iou", s.earlyStopIou}, {"keep", keepPassName(s.keep)}};
}
void from_json(const json& j, SelfPromptSettings& s)
{
    s.passes = j.value("passes", s.passes);
    s.useBox = j.value("box", s.useBox);
    s.usePoint = j.value("point", s.usePoint);
    s.useMask = j.value("mask", s.useMask);
    s.largestComponent = j.value("largest_component", s.largestComponent);
    s.minIslandFraction = j.value("min_island_fraction", s.minIslandFraction);
    s.earlyStopIou = j.value("early_stop_iou", s.earlyStopIou);
    if (j.contains("keep")) {
        const auto name = j.at("keep").get<std::string>();
        const auto k = parseKeepPass(name);
        if (!k) throw std::invalid_argument("SAM-SP setting \"keep\" must be \"last\" or \"best-iou\", not \"" + name + "\"");
        s.keep = *k;
    }
}

} // namespace samsp::model

namespace samsp::pipeline {

using nlohmann::json;

std::string stateName(ItemState s)
{
    switch (s) {
    case ItemState::New: return "new";
    case ItemState::Proposed: return "proposed";
    case ItemState::Accepted: return "accepted";
    case ItemState::Rejected: return "rejected";
    }
    return "new";
}

ItemState stateFromName(const std::string& s)
{
    if (s == "new") return ItemState::New;
    if (s == "proposed") return ItemState::Proposed;
    if (s == "accepted") return ItemState::Accepted;
    if (s == "rejected") return ItemState::Rejected;
    throw std::invalid_argument("unknown item state '" + s + "' (new, proposed, accepted or rejected)");
}

void Project::reindex() const
{
    m_index.clear();
    m_index.reserve(items.size());
    for (size_t k = 0; k < items.size(); ++k) m_index.emplace(items[k].key, k);
    m_indexedSize = items.size();
}

ProjectItem* Project::find(const std::string& key)
{
    if (m_indexedSize != items.size()) reindex(); // grown or shrunk from outside
    auto it = m_index.find(key);
    if (it != m_index.end() && items[it->second].key != key) { // reordered from outside: a stale entry
        reindex();
        it = m_index.find(key);
    }
    return it == m_index.end() ? nullptr : &items[it->second];
}

const ProjectItem* Project::find(const std::string& key) const { return const_cast<Project*>(this)->find(key); }

ProjectItem& Project::upsert(ProjectItem item)
{
    if (auto* existing = find(item.key)) {
        *existing = std::move(item);
        return *existing;
    }
    const bool indexed = m_indexedSize == items.size();
    items.push_back(std::move(item));
    if (indexed) {
        m_index[items.back().key] = items.size() - 1;
        m_indexedSize = items.size();
    }
    return items.back();
}

void Project::sortItems()
{
    std::stable_sort(items.begin(), items.end(), [](const ProjectItem& a, const ProjectItem& b) { return a.key < b.key; });
    m_indexedSize = static_cast<size_t>(-1);
}

int Project::count(ItemState s) const
{
    return static_cast<int>(std::count_if(items.begin(), items.end(), [s](const ProjectItem& i) { return i.state == s; }));
}

void to_json(json& j, const ProjectItem& i)
{
    j = {{"key", i.key}, {"file", i.file}, {"frame", i.frame}, {"state", stateName(i.state)}};
    if (!i.hash.empty()) j["hash"] = i.hash;
    if (!i.patientId.empty()) j["patient"] = i.patientId;
    if (!i.seriesInstanceUid.empty()) j["series"] = i.seriesInstanceUid;
    if (!i.error.empty()) j["error"] = i.error;
    if (i.annotation.width > 0) j["annotation"] = i.annotation;
}
void from_json(const json& j, ProjectItem& i)
{
    i.key = j.at("key").get<std::string>();
    i.file = j.value("file", i.key);
    i.frame = j.value("frame", 0);
    i.state = stateFromName(j.value("state", "new"));
    i.hash = j.value("hash", "");
    i.patientId = j.value("patient", "");
    i.seriesInstanceUid = j.value("series", "");
    i.error = j.value("error", "");
    if (j.contains("annotation")) i.annotation = j.at("annotation").get<annotation::ImageAnnotation>();
}

json projectJson(const Project& p)
{
    json sources = json::array();
    for (const auto& s : p.sources) {
        json js = {{"kind", s.kind}, {"path", s.path}};
        if (!s.seriesInstanceUid.empty()) js["series"] = s.seriesInstanceUid;
        sources.push_back(std::move(js));
    }
    return {{"schema", "samsp-project"},
            {"version", kProjectSchemaVersion},
            {"name", p.name},
            {"sources", std::move(sources)},
            {"labels", p.labels},
            {"model", {{"checkpoint", p.model.checkpoint}, {"id", p.model.modelId}, {"selfprompt", p.model.selfPrompt}}},
            {"items", p.items}};
}

Project projectFromJson(const json& j, const std::filesystem::path& where)
{
    Project p;
    try {
        if (j.value("schema", "") != "samsp-project") throw std::runtime_error("not a SAM-SP project (no \"schema\": \"samsp-project\")");
        const int v = j.value("version", 0);
        if (v < 1 || v > kProjectSchemaVersion)
            throw std::runtime_error("project schema version " + std::to_string(v) + " is not supported (this build reads 1.." +
                                     std::to_string(kProjectSchemaVersion) + ")");
        p.name = j.value("name", "untitled");
        for (const auto& s : j.value("sources", json::array()))
            p.sources.push_back({s.at("kind").get<std::string>(), s.at("path").get<std::string>(), s.value("series", "")});
        p.labels = j.at("labels").get<annotation::LabelSet>();
        if (j.contains("model")) {
            const auto& m = j.at("model");
            p.model.checkpoint = m.value("checkpoint", "");
            p.model.modelId = m.value("id", "");
            if (m.contains("selfprompt")) p.model.selfPrompt = m.at("selfprompt").get<model::SelfPromptSettings>();
        }
        p.items = j.value("items", std::vector<ProjectItem>{});
    } catch (const std::exception& e) {
        throw formats::ReadError::invalid(where, "SAM-SP project", e.what());
    }
    return p;
}

Project Project::load(const std::filesystem::path& path)
{
    const json j = json::parse(formats::readFileBytes(path), nullptr, false);
    if (j.is_discarded()) throw formats::ReadError::notJson(path);
    return projectFromJson(j, path);
}

void Project::save(const std::filesystem::path& path) const
{
    formats::writeFileAtomically(path, projectJson(*this).dump(1));
}

namespace {
std::string sanitize(const std::string& key)
{
    std::string s;
    for (char c : key) {
        if (c == '/' || c == '\\') s += "__";
        else if (c == '#') s += "_f";
        else if (c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') s += '_';
        else s += c;
    }
    return s;
}
std::string shortStem(const std::string& key)
{
    std::string k = key;
    const auto hash = k.find('#');
    const std::string frame = hash == std::string::npos ? "" : k.substr(hash);
    if (hash != std::string::npos) k = k.substr(0, hash);
    const auto slash = k.rfind('/');
    const auto dot = k.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) k = k.substr(0, dot);
    return sanitize(k + frame);
}
} // namespace

std::map<std::string, std::string> outputStems(const std::vector<std::string>& keys)
{
    std::map<std::string, int> uses;
    for (const auto& k : keys) ++uses[shortStem(k)];
    std::map<std::string, std::string> out;
    for (const auto& k : keys) out[k] = uses[shortStem(k)] > 1 ? sanitize(k) : shortStem(k);
    return out;
}

uint64_t fnv1a(const void* data, size_t n, uint64_t h)
{
    const auto* p = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

bool touchedByAPerson(const ProjectItem& item)
{
    for (const auto& in : item.annotation.instances)
        if (in.source != annotation::Source::Automatic) return true;
    return false;
}

std::string contentHash(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (!std::filesystem::exists(path)) throw formats::ReadError::missing(path);
        throw formats::ReadError::system(path, errno ? errno : EACCES);
    }
    uint64_t h = 1469598103934665603ULL;
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        h = fnv1a(buf.data(), static_cast<size_t>(in.gcount()), h);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

} // namespace samsp::pipeline
