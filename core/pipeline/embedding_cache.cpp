#include "embedding_cache.h"

#include "formats/atomic_file.h"
#include "project.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>
#include <vector>

namespace samsp::pipeline {

namespace {
// Version 2 adds the detail-fusion features (Embedding::detail) after the embedding;
// their dims are all 0 for a model without. Version-1 files (no detail) are misses now.
constexpr char kMagic[8] = {'S', 'A', 'M', 'S', 'P', 'E', 'M', '2'};
struct Header
{
    char magic[8];
    int64_t origW, origH, inputSize, lowRes;
    int64_t dims[4];
    uint64_t modelHash;
    int64_t detailDims[4];
};

// A float tensor of `dims` read from `in`; undefined on bad dims or a short file.
at::Tensor readFloats(std::ifstream& in, const int64_t (&dims)[4])
{
    int64_t n = 1;
    for (int64_t d : dims) {
        if (d <= 0 || d > 1 << 16) return {};
        n *= d;
    }
    at::Tensor f = torch::empty({dims[0], dims[1], dims[2], dims[3]}, torch::kFloat);
    if (!in.read(reinterpret_cast<char*>(f.data_ptr<float>()), static_cast<std::streamsize>(n * 4))) return {};
    return f;
}
} // namespace

EmbeddingDiskCache::EmbeddingDiskCache(std::filesystem::path dir) : m_dir(std::move(dir)) { formats::ensureFolder(m_dir); }

std::filesystem::path EmbeddingDiskCache::pathFor(const std::string& key, const std::string& modelId) const
{
    const std::string full = key + "|" + modelId;
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.emb", static_cast<unsigned long long>(fnv1a(full.data(), full.size())));
    return m_dir / name;
}

std::optional<model::Embedding> EmbeddingDiskCache::load(const std::string& key, const model::SamEngine& engine) const
{
    const auto p = pathFor(key, engine.modelId());
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    Header h{};
    if (!in.read(reinterpret_cast<char*>(&h), sizeof h) || std::memcmp(h.magic, kMagic, 8) != 0) return std::nullopt;
    if (h.modelHash != fnv1a(engine.modelId().data(), engine.modelId().size())) return std::nullopt;
    const at::Tensor f = readFloats(in, h.dims);
    if (!f.defined()) return std::nullopt;
    model::Embedding e;
    e.features = f.to(engine.device());
    if (h.detailDims[0] != 0) {
        const at::Tensor d = readFloats(in, h.detailDims);
        if (!d.defined()) return std::nullopt;
        e.detail = d.to(engine.device());
    }
    e.frame = model::ImageFrame(h.origW, h.origH, h.inputSize, h.lowRes);
    e.modelId = engine.modelId();
    e.encodeMs = 0;
    std::error_code ec; // a read-only cache still serves hits; it only ages them wrongly
    std::filesystem::last_write_time(p, std::filesystem::file_time_type::clock::now(), ec);
    return e;
}

std::uintmax_t EmbeddingDiskCache::store(const std::string& key, const model::Embedding& e) const
{
    if (!e.valid() || e.features.dim() != 4) return 0;
    const at::Tensor f = e.features.to(torch::kCPU).to(torch::kFloat).contiguous();
    Header h{};
    std::memcpy(h.magic, kMagic, 8);
    h.origW = e.frame.origW();
    h.origH = e.frame.origH();
    h.inputSize = e.frame.inputSize();
    h.lowRes = e.frame.lowResSize();
    for (int i = 0; i < 4; ++i) h.dims[i] = f.size(i);
    h.modelHash = fnv1a(e.modelId.data(), e.modelId.size());
    at::Tensor d;
    if (e.detail.defined() && e.detail.dim() == 4) {
        d = e.detail.to(torch::kCPU).to(torch::kFloat).contiguous();
        for (int i = 0; i < 4; ++i) h.detailDims[i] = d.size(i);
    }
    const size_t fBytes = static_cast<size_t>(f.numel()) * 4, dBytes = d.defined() ? static_cast<size_t>(d.numel()) * 4 : 0;
    std::string bytes(sizeof h + fBytes + dBytes, '\0');
    std::memcpy(bytes.data(), &h, sizeof h);
    std::memcpy(bytes.data() + sizeof h, f.data_ptr<float>(), fBytes);
    if (dBytes) std::memcpy(bytes.data() + sizeof h + fBytes, d.data_ptr<float>(), dBytes);
    formats::writeFileAtomically(pathFor(key, e.modelId), bytes);
    return bytes.size();
}

int EmbeddingDiskCache::prune(std::uintmax_t maxBytes, std::uintmax_t* keptBytes) const
{
    struct Entry
    {
        std::filesystem::path path;
        std::filesystem::file_time_type written;
        std::uintmax_t bytes;
    };
    std::vector<Entry> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(m_dir, ec)) {
        if (!e.is_regular_file(ec) || e.path().extension() != ".emb") continue;
        const auto t = e.last_write_time(ec);
        if (ec) continue;
        const auto n = e.file_size(ec);
        if (!ec) files.push_back({e.path(), t, n});
    }
    std::sort(files.begin(), files.end(), [](const Entry& a, const Entry& b) { return a.written > b.written; });
    std::uintmax_t kept = 0, staying = 0;
    int removed = 0;
    for (size_t i = 0; i < files.size(); ++i) {
        kept += files[i].bytes;
        if (i > 0 && kept > maxBytes && std::filesystem::remove(files[i].path, ec))
            ++removed;
        else
            staying += files[i].bytes;
    }
    if (keptBytes) *keptBytes = staying;
    return removed;
}

} // namespace samsp::pipeline
