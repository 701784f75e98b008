#pragma once
// A disk cache of image embeddings: one file per (image content, frame, window,
// model) holding the encoder's features and the image frame they belong to.
// Files are written atomically; a damaged or foreign file is a miss, never an error.

#include "model/engine.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace samsp::pipeline {

class EmbeddingDiskCache
{
public:
    explicit EmbeddingDiskCache(std::filesystem::path dir);

    // `key`: what identifies the encoder input (content hash, frame, window, view size).
    // A hit marks the file as just used, so prune() drops the least recently used first.
    std::optional<model::Embedding> load(const std::string& key, const model::SamEngine& engine) const;
    // Returns the bytes written (0 when there was nothing to store).
    std::uintmax_t store(const std::string& key, const model::Embedding& e) const;
    std::filesystem::path pathFor(const std::string& key, const std::string& modelId) const;
    // Keeps the folder's cache files within `maxBytes`, removing the least recently written
    // or loaded first (the newest always stays). Returns how many files it removed;
    // `keptBytes`, when given, receives the size of the files that stay.
    int prune(std::uintmax_t maxBytes, std::uintmax_t* keptBytes = nullptr) const;

private:
    std::filesystem::path m_dir;
};

} // namespace samsp::pipeline
