#pragma once
// The annotation model shared by the studio, the batch pipeline, training and
// every format: per image (or slice) a list of instances, each with a label
// class, a run-length-encoded mask, where it came from, a score and a link to
// the SAM-SP trace that proposed it; and the label set (names, colours,
// hotkeys and, for DICOM, coded concepts).

#include "mask.h"

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace samsp::annotation {

enum class Source
{
    Automatic, // an untouched proposal
    Edited,    // a proposal changed by a person
    Manual,    // drawn by hand
};
std::string sourceName(Source s);
Source sourceFromString(const std::string& s); // throws std::invalid_argument

// A coded concept (DICOM Code Sequence Macro): value, coding scheme, meaning.
struct CodedConcept
{
    std::string value, scheme = "SCT", meaning;
    bool empty() const { return value.empty(); }
    bool operator==(const CodedConcept&) const = default;
};

struct LabelClass
{
    int id = 1;                    // 1-based; 0 is background in label maps
    std::string name;
    std::array<uint8_t, 3> color{230, 25, 75};
    std::string hotkey;            // "1".."9" or empty
    CodedConcept category;         // e.g. 85756007 Tissue
    CodedConcept type;             // e.g. 85756007 Tissue
    bool operator==(const LabelClass&) const = default;
};

struct LabelSet
{
    std::vector<LabelClass> classes;

    const LabelClass* find(int id) const;
    const LabelClass* findByName(const std::string& name) const;
    // Adds a class with the next free id, a distinct colour and hotkey; returns it.
    LabelClass& add(const std::string& name);
    // The id of `name`, adding the class when missing.
    int ensure(const std::string& name);
    int maxId() const;
    bool operator==(const LabelSet&) const = default;

    // One class "object" coded as SNOMED CT 85756007 "Tissue".
    static LabelSet defaults();
};

// A distinct colour for the n-th class (golden-ratio hues).
std::array<uint8_t, 3> distinctColor(int n);

struct Instance
{
    int id = 0;                // unique within the image
    int labelId = 1;
    Rle mask;
    Source source = Source::Automatic;
    // Calibrated predicted IoU in [0, 1] of the proposal (1 for manual); none when the
    // model's IoU head was never trained (its raw output means nothing then).
    std::optional<double> score;
    std::string traceId;       // SAM-SP trace that proposed it (empty: none)
    int pass = -1;             // the pass used as the result (-1: none)

    uint64_t area() const { return rleArea(mask); }
    bool operator==(const Instance&) const = default;
};

struct ImageAnnotation
{
    std::string image;         // path (relative to the project or dataset root) or a key
    int frame = 0;             // frame / slice index in the source
    int width = 0, height = 0;
    std::vector<Instance> instances;

    bool operator==(const ImageAnnotation&) const = default;
    int nextInstanceId() const;
    // Adds an instance from a CV_8UC1 mask (non-zero inside); returns its id.
    int addInstance(const cv::Mat& mask, int labelId, Source source, std::optional<double> score = {}, std::string traceId = {},
                    int pass = -1);
    // Label map CV_8UC1 (or CV_16UC1 when ids exceed 255): each pixel the label id of
    // the last instance covering it (later instances are drawn over earlier ones).
    cv::Mat labelMap() const;
    // Instance map: 1-based position in `instances`, drawn in order.
    cv::Mat instanceMap() const;
    // Union of every instance of a label.
    cv::Mat unionMask(int labelId) const;
    // Union of every instance (0 / 255).
    cv::Mat foregroundMask() const;
};

void to_json(nlohmann::json& j, const CodedConcept& c);
void from_json(const nlohmann::json& j, CodedConcept& c);
void to_json(nlohmann::json& j, const LabelClass& c);
void from_json(const nlohmann::json& j, LabelClass& c);
void to_json(nlohmann::json& j, const LabelSet& s);
void from_json(const nlohmann::json& j, LabelSet& s);
void to_json(nlohmann::json& j, const Instance& i);
void from_json(const nlohmann::json& j, Instance& i);
void to_json(nlohmann::json& j, const ImageAnnotation& a);
void from_json(const nlohmann::json& j, ImageAnnotation& a);

} // namespace samsp::annotation
