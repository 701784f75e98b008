#pragma once
// JSON in the model layer: nlohmann/json (vendored in third_party/, MIT), keys kept
// in insertion order (safetensors writers and readers like stable headers), plus the
// two checks the model's files need that the library leaves to its users.

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace samsp::model {

using Json = nlohmann::ordered_json;

// Member `key` of an object, or nullptr (also when `j` is no object).
inline const Json* jsonFind(const Json& j, std::string_view key)
{
    if (!j.is_object()) return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

// A number that must be integral ("3", "3.0"; not "3.5", not "x"): std::runtime_error otherwise.
inline int64_t jsonInteger(const Json& j)
{
    if (j.is_number_integer()) return j.get<int64_t>();
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<int64_t>(d);
        throw std::runtime_error("expected an integer, found " + j.dump());
    }
    throw std::runtime_error(std::string("expected an integer, found ") + j.type_name());
}

} // namespace samsp::model
