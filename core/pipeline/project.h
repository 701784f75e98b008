#pragma once
// A labelling project: one JSON file (versioned schema, written atomically)
// holding the sources, the label set, every item (an image or a slice) with its
// state and annotation, and the model and SAM-SP settings used. The studio and
// the command line open the same file.

#include "annotation/annotation.h"
#include "model/selfprompt_settings.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

namespace samsp::model {
// JSON for the settings (found by ADL, so they live beside the type).
void to_json(nlohmann::json& j, const SelfPromptSettings& s);
void from_json(const nlohmann::json& j, SelfPromptSettings& s);
} // namespace samsp::model

namespace samsp::pipeline {

inline constexpr int kProjectSchemaVersion = 1;

enum class ItemState
{
    New,
    Proposed,
    Accepted,
    Rejected,
};
std::string stateName(ItemState s);
ItemState stateFromName(const std::string& s); // throws std::invalid_argument

struct ProjectSource
{
    std::string kind;   // "folder", "file", "dicom-series", "dicomdir"
    std::string path;   // as given (absolute, or relative to the project file)
    std::string seriesInstanceUid;
};

struct ProjectItem
{
    std::string key;       // unique: source-relative path, "#<frame>" for frames > 0
    std::string file;      // path of the image file (absolute or relative to the project)
    int frame = 0;
    std::string hash;      // content hash of the file when annotated ("" unknown)
    std::string patientId; // DICOM Patient ID (dataset splits keep a patient together)
    std::string seriesInstanceUid;
    ItemState state = ItemState::New;
    annotation::ImageAnnotation annotation;
    std::string error;     // why it could not be annotated ("" when fine)
    bool operator==(const ProjectItem&) const = default;
};

struct ProjectModel
{
    std::string checkpoint;
    std::string modelId;
    model::SelfPromptSettings selfPrompt;
};

class Project
{
public:
    std::string name = "untitled";
    std::vector<ProjectSource> sources;
    annotation::LabelSet labels = annotation::LabelSet::defaults();
    ProjectModel model;
    std::vector<ProjectItem> items;

    // By key in O(1): an index kept beside `items`, rebuilt when `items` grew or shrank
    // from outside or a hit finds another key there (reordered; sortItems() says so itself).
    ProjectItem* find(const std::string& key);
    const ProjectItem* find(const std::string& key) const;
    // Adds or replaces the item with the same key.
    ProjectItem& upsert(ProjectItem item);
    void sortItems(); // by key, so outputs do not depend on processing order
    int count(ItemState s) const;

    // Throws formats::ReadError naming the file: not JSON, another schema, a newer version...
    static Project load(const std::filesystem::path& p);
    void save(const std::filesystem::path& p) const; // atomic

private:
    void reindex() const;
    mutable std::unordered_map<std::string, size_t> m_index;
    mutable size_t m_indexedSize = static_cast<size_t>(-1);
};

void to_json(nlohmann::json& j, const ProjectItem& i);
void from_json(const nlohmann::json& j, ProjectItem& i);
nlohmann::json projectJson(const Project& p);
Project projectFromJson(const nlohmann::json& j, const std::filesystem::path& where);

// Output file stems for item keys: the key without its extension ('/' -> "__",
// '#' -> "_f"), or the whole key where two stems would collide.
std::map<std::string, std::string> outputStems(const std::vector<std::string>& keys);

// Whether a person has edited or drawn any of the item's instances (not only SAM-SP's
// automatic proposal): such items are never proposed over.
bool touchedByAPerson(const ProjectItem& item);

// 64-bit FNV-1a over a file's bytes, as 16 hex digits; throws formats::ReadError.
std::string contentHash(const std::filesystem::path& p);
uint64_t fnv1a(const void* data, size_t n, uint64_t seed = 1469598103934665603ULL);

} // namespace samsp::pipeline
