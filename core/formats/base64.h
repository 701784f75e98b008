#pragma once
// Base64 (RFC 4648, with padding) for images embedded in JSON (labelme).

#include <string>

namespace samsp::formats {

std::string base64Encode(const std::string& bytes);
// Ignores whitespace; throws std::runtime_error on any other invalid character.
std::string base64Decode(const std::string& text);

} // namespace samsp::formats
