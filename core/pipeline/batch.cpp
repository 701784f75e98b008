#include "batch.h"

#include "common/parallel.h"
#include "format_registry.h"

#include "model/durable.h"

#include "common/log.h"
#include "formats/atomic_file.h"
#include "formats/coco.h"
#include "formats/dicom_seg.h"
#include "formats/labelme.h"
#include "formats/nifti.h"
#include "formats/png_mask.h"
#include "formats/voc.h"
#include "formats/yolo.h"
#include "imaging/dicom.h"
#include "imaging/document.h"
#include "imaging/image_io.h"
#include "dataset.h"
#include "embedding_cache.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace samsp::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string>& batchFormatNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& f : outputFormats()) n.push_back(f.id);
        n.push_back("project");
        return n;
    }();
    return names;
}

namespace {

bool isDicomCandidate(const fs::path& p)
{
    const std::string ext = imaging::lowerExtension(p);
    if (ext == ".dcm" || ext == ".dicom") return true;
    if (imaging::isSupportedImageFile(p)) return false;
    return imaging::looksLikeDicom(p);
}

} // namespace

bool inShard(const std::string& key, int index, int count)
{
    if (count <= 1) return true;
    return fnv1a(key.data(), key.size()) % static_cast<uint64_t>(count) == static_cast<uint64_t>(index);
}

ProjectItem projectItemFor(const BatchItem& it)
{
    ProjectItem pi;
    pi.key = it.key;
    pi.file = it.file.string();
    pi.frame = it.frame;
    pi.patientId = it.patientId;
    pi.seriesInstanceUid = it.seriesInstanceUid;
    return pi;
}

std::vector<BatchItem> enumerateBatchItems(const std::vector<fs::path>& inputs, std::vector<std::string>* problems)
{
    struct Cand
    {
        fs::path file;
        std::string rel;
    };
    std::vector<Cand> images, dicoms;
    auto classify = [&](const fs::path& file, const std::string& rel) {
        const std::string name = file.filename().string();
        if (name.empty() || name[0] == '.' || name == "DICOMDIR") return;
        if (isDicomCandidate(file))
            dicoms.push_back({file, rel});
        else if (imaging::isSupportedImageFile(file))
            images.push_back({file, rel});
    };
    for (const auto& in : inputs) {
        std::error_code ec;
        const fs::path abs = fs::absolute(in, ec);
        const std::string prefix = inputs.size() > 1 ? abs.filename().string() + "/" : "";
        if (fs::is_directory(abs, ec)) {
            for (fs::recursive_directory_iterator it(abs, fs::directory_options::skip_permission_denied, ec), end;
                 it != end; it.increment(ec)) {
                if (ec) break;
                const std::string name = it->path().filename().string();
                if (it->is_directory() && !name.empty() && name[0] == '.') {
                    it.disable_recursion_pending(); // .samsp state folders, hidden folders
                    continue;
                }
                if (it->is_regular_file()) classify(it->path(), prefix + it->path().lexically_relative(abs).generic_string());
            }
        }
        else if (fs::is_regular_file(abs, ec))
            classify(abs, prefix + abs.filename().string());
        else if (problems)
            problems->push_back(in.string() + ": does not exist");
    }

    std::vector<BatchItem> items;
    for (const auto& c : images) {
        int frames = 1;
        std::string err;
        const std::string ext = imaging::lowerExtension(c.file);
        if (ext == ".tif" || ext == ".tiff") {
            try {
                frames = std::max(1, imaging::probeImage(c.file).frames);
            } catch (const std::exception& e) {
                err = e.what();
            }
        }
        for (int f = 0; f < frames; ++f)
            items.push_back({c.rel + (f > 0 ? "#" + std::to_string(f) : ""), c.file, f, "", "", "", err});
    }
    // DICOM headers in parallel (they decide frames, patient and series).
    std::vector<std::optional<imaging::DicomInfo>> infos(dicoms.size());
    std::vector<std::string> errors(dicoms.size());
    {
        parallelFor(dicoms.size(), std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8), [&](size_t k) {
            try {
                infos[k] = imaging::readDicomInfo(dicoms[k].file);
            } catch (const std::exception& e) {
                errors[k] = e.what();
            }
        });
    }
    for (size_t k = 0; k < dicoms.size(); ++k) {
        if (!infos[k]) {
            items.push_back({dicoms[k].rel, dicoms[k].file, 0, "", "", "", errors[k]});
            continue;
        }
        const auto& i = *infos[k];
        for (int f = 0; f < std::max(1, i.frames); ++f)
            items.push_back({dicoms[k].rel + (f > 0 ? "#" + std::to_string(f) : ""), dicoms[k].file, f, "", i.patientId,
                             i.seriesInstanceUid, ""});
    }
    std::sort(items.begin(), items.end(), [](const BatchItem& a, const BatchItem& b) { return a.key < b.key; });
    std::vector<std::string> keys;
    for (const auto& it : items) keys.push_back(it.key);
    const auto stems = outputStems(keys);
    for (auto& it : items) it.stem = stems.at(it.key);
    return items;
}

// ---- outputs ---------------------------------------------------------------

namespace {

annotation::LabelSet batchLabels(const std::string& label)
{
    annotation::LabelSet s;
    s.add(label.empty() ? "object" : label);
    return s;
}

void writeItemOutputs(const fs::path& out, const std::set<std::string>& formats, const std::string& stem,
                      const ProjectItem& item, const annotation::LabelSet& labels)
{
    for (const auto& f : outputFormats())
        if (f.writeItem && formats.count(f.id)) f.writeItem(out, stem, item, labels);
}

void writeAggregates(const fs::path& out, const std::set<std::string>& formats, const Project& project,
                     std::vector<std::string>& written, std::vector<BatchFailure>& failures)
{
    std::vector<annotation::ImageAnnotation> done;
    std::vector<std::string> stems;
    std::vector<std::string> keys;
    for (const auto& i : project.items) keys.push_back(i.key);
    const auto stemOf = outputStems(keys);
    for (const auto& i : project.items)
        if (i.state != ItemState::New && i.annotation.width > 0) {
            done.push_back(i.annotation);
            done.back().image = i.key;
            stems.push_back(stemOf.at(i.key));
        }
    // Every whole-set file from the format registry's own writer.
    const AggregateInput set{project, std::move(done), std::move(stems)};
    for (const auto& f : outputFormats()) {
        if (!f.writeAggregate || !formats.count(f.id)) continue;
        std::vector<AggregateProblem> problems;
        for (auto& file : f.writeAggregate(out, set, problems)) written.push_back(std::move(file));
        for (const auto& p : problems) failures.push_back({p.what, "", p.why});
    }
    project.save(out / "project.samsp.json");
    written.push_back((out / "project.samsp.json").string());
}

// Removes temporaries a killed run left behind (".<name>.samsp-part<N>..."), and nothing else.
void removeStaleTemporaries(const fs::path& out)
{
    std::error_code ec;
    for (fs::recursive_directory_iterator it(out, ec), end; it != end; it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (it->is_regular_file() && model::isProjectTemporary(name)) fs::remove(it->path(), ec);
    }
}

// The append-only log of finished items (one JSON object per line, fsync'd).
class BatchLog
{
public:
    BatchLog(const fs::path& path, const std::string& signature, bool resume) : m_path(path)
    {
        if (resume && fs::exists(path)) {
            std::ifstream in(path);
            std::string line;
            bool first = true, valid = false;
            while (std::getline(in, line)) {
                const json j = json::parse(line, nullptr, false);
                if (j.is_discarded()) continue; // a line cut short by a kill
                if (first) {
                    valid = j.value("signature", "") == signature;
                    first = false;
                    if (!valid) break;
                    continue;
                }
                if (j.value("status", "") == "done" && j.contains("item")) {
                    try {
                        m_done[j.at("item").at("key").get<std::string>()] = j.at("item").get<ProjectItem>();
                    } catch (const std::exception&) {
                    }
                }
            }
            if (!valid) m_done.clear();
            if (valid) {
                // Rewrite compactly (drops damaged lines) before appending.
                rewrite(signature);
                openAppend();
                return;
            }
        }
        rewrite(signature);
        openAppend();
    }
    ~BatchLog()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    const ProjectItem* previous(const std::string& key) const
    {
        auto it = m_done.find(key);
        return it == m_done.end() ? nullptr : &it->second;
    }
    void append(const json& j)
    {
        const std::string line = j.dump() + "\n";
        if (::write(m_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || ::fsync(m_fd) != 0)
            throw formats::WriteError::system(m_path, errno ? errno : EIO, "cannot append to the batch log");
    }

private:
    void rewrite(const std::string& signature)
    {
        std::string text = json{{"signature", signature}}.dump() + "\n";
        for (const auto& [key, item] : m_done) text += json{{"status", "done"}, {"item", item}}.dump() + "\n";
        formats::writeFileAtomically(m_path, text);
    }
    void openAppend()
    {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        if (m_fd < 0) throw formats::WriteError::system(m_path, errno, "cannot open the batch log");
    }
    fs::path m_path;
    int m_fd = -1;
    std::map<std::string, ProjectItem> m_done;
};

struct Loaded
{
    size_t index = 0;
    std::string hash;
    cv::Mat rgb;          // the model's view (downscaled for very large images)
    cv::Size full;        // the image's own size
    std::string error;
    bool reuse = false; // unchanged since a finished earlier run
};


} // namespace

std::string BatchReport::summary() const
{
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "%s: %d of %d item(s) annotated (%d resumed, %d failed, %d with no object found) in %.1f s, %.2f "
                  "images/s (model alone %.2f images/s)",
                  cancelled ? "cancelled" : "done", processed + resumed, total, resumed,
                  static_cast<int>(failures.size()), noObject, seconds, imagesPerS, engineImagesPerS);
    return buf;
}

json batchReportJson(const BatchReport& r)
{
    json f = json::array();
    for (const auto& x : r.failures) f.push_back({{"key", x.key}, {"file", x.file}, {"reason", x.reason}});
    return {{"total", r.total},         {"processed", r.processed},   {"resumed", r.resumed},
            {"embeddings_from_cache", r.embeddingsFromCache}, {"embeddings_pruned", r.embeddingsPruned},
            {"no_object", r.noObject},  {"failed", f},                 {"cancelled", r.cancelled},
            {"seconds", r.seconds},     {"images_per_s", r.imagesPerS}, {"engine_images_per_s", r.engineImagesPerS},
            {"outputs", r.outputs},     {"summary", r.summary()}};
}

BatchReport runBatch(model::SamEngine& engine, const BatchOptions& opts,
                     const std::function<void(const BatchProgress&)>& progress, const std::atomic<bool>* cancel)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    for (const auto& f : opts.formats)
        if (std::find(batchFormatNames().begin(), batchFormatNames().end(), f) == batchFormatNames().end())
            throw std::invalid_argument("unknown output format '" + f + "'");
    if (opts.shardCount < 1 || opts.shardIndex < 0 || opts.shardIndex >= opts.shardCount)
        throw std::invalid_argument("shard " + std::to_string(opts.shardIndex) + "/" + std::to_string(opts.shardCount) +
                                    " is not valid (0 <= i < N)");
    formats::ensureFolder(opts.out);
    formats::ensureFolder(opts.out / ".samsp");
    removeStaleTemporaries(opts.out);

    const annotation::LabelSet labels = batchLabels(opts.label);
    const std::string signature =
        json{{"model", engine.modelId()}, {"selfprompt", opts.selfPrompt}, {"label", opts.label}}.dump();
    BatchLog log(opts.out / ".samsp" / "batch-log.jsonl", signature, opts.resume);
    std::vector<std::string> problems;
    std::vector<BatchItem> all = enumerateBatchItems(opts.inputs, &problems);
    std::vector<BatchItem> items;
    for (auto& it : all)
        if (inShard(it.key, opts.shardIndex, opts.shardCount)) items.push_back(std::move(it));

    BatchReport report;
    report.total = static_cast<int>(items.size());
    for (const auto& p : problems) report.failures.push_back({p, "", "input does not exist"});
    std::optional<EmbeddingDiskCache> diskCache;
    // The cache folder stays within its bound: pruned now (an earlier run may have left more)
    // and, when the files written since push it over, down to 90 % of it, so that a folder
    // of thousands of files is not listed after every image.
    std::uintmax_t cacheBytes = 0;
    if (!opts.embeddingCache.empty()) {
        diskCache.emplace(opts.embeddingCache);
        if (opts.embeddingCacheMaxBytes > 0) report.embeddingsPruned += diskCache->prune(opts.embeddingCacheMaxBytes, &cacheBytes);
    }
    std::vector<ProjectItem> results(items.size());

    // Loader: hash, then decode and window unless the item is unchanged since a finished run.
    std::mutex mu;
    std::condition_variable queueChanged;
    std::deque<Loaded> queue;
    bool stopLoader = false;
    std::thread loader([&] {
        // The frames of a multi-frame file (and its hash) come from one read of the file,
        // not one per frame: its items follow one another in key order.
        imaging::DocumentReader frames;
        fs::path hashed;
        std::string fileHash;
        for (size_t k = 0; k < items.size(); ++k) {
            Loaded l;
            l.index = k;
            const auto& it = items[k];
            try {
                if (!it.enumerationError.empty()) throw std::runtime_error(it.enumerationError);
                if (it.file != hashed) fileHash = contentHash(it.file), hashed = it.file;
                l.hash = fileHash;
                const ProjectItem* prev = log.previous(it.key);
                if (prev && prev->hash == l.hash)
                    l.reuse = true;
                else {
                    const imaging::Document& doc = frames.frame(it.file, it.frame);
                    l.full = doc.pixels(0).size();
                    l.rgb = doc.modelView(0).rgb;
                }
            } catch (const std::exception& e) {
                l.error = e.what();
            }
            std::unique_lock lock(mu);
            queueChanged.wait(lock, [&] { return stopLoader || static_cast<int>(queue.size()) < std::max(1, opts.prefetch); });
            if (stopLoader) return;
            queue.push_back(std::move(l));
            queueChanged.notify_all();
        }
    });
    // Whatever ends the loop below (the end, a cancel, or a write error thrown out of
    // it), the loader is stopped and joined first: a joinable std::thread destroyed
    // during unwinding calls std::terminate, which killed the studio with it.
    struct LoaderStop
    {
        std::mutex& mu;
        std::condition_variable& cv;
        bool& stop;
        std::thread& thread;
        void finish()
        {
            {
                std::lock_guard lock(mu);
                stop = true;
                cv.notify_all();
            }
            if (thread.joinable()) thread.join();
        }
        ~LoaderStop() { finish(); }
    } stopLoaderOnExit{mu, queueChanged, stopLoader, loader};

    double modelSeconds = 0;
    int finished = 0;
    auto tStart = Clock::now();
    for (size_t n = 0; n < items.size(); ++n) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        Loaded l;
        {
            std::unique_lock lock(mu);
            queueChanged.wait(lock, [&] { return !queue.empty(); });
            l = std::move(queue.front());
            queue.pop_front();
            queueChanged.notify_all();
        }
        const BatchItem& it = items[l.index];
        ProjectItem& pi = results[l.index];
        pi = projectItemFor(it);
        pi.file = fs::absolute(it.file).string();
        pi.hash = l.hash;
        if (l.reuse) {
            pi = *log.previous(it.key);
            ++report.resumed;
        }
        else if (!l.error.empty()) {
            pi.error = l.error;
            report.failures.push_back({it.key, it.file.string(), l.error});
            log.append({{"status", "failed"}, {"key", it.key}, {"reason", l.error}});
        }
        else {
            try {
                const auto tm = Clock::now();
                model::ImageU8 view{l.rgb.data, l.rgb.cols, l.rgb.rows, static_cast<int64_t>(l.rgb.step)};
                // Disk cache key: the file's content, the frame and the view given to the model.
                const std::string cacheKey = l.hash + "#" + std::to_string(it.frame) + "@" + std::to_string(l.rgb.cols) + "x" +
                                             std::to_string(l.rgb.rows);
                std::optional<model::Embedding> cached;
                if (diskCache) cached = diskCache->load(cacheKey, engine);
                const model::Embedding emb = cached ? std::move(*cached) : engine.encode(view);
                if (cached)
                    ++report.embeddingsFromCache;
                else if (diskCache) {
                    cacheBytes += diskCache->store(cacheKey, emb);
                    if (opts.embeddingCacheMaxBytes > 0 && cacheBytes > opts.embeddingCacheMaxBytes)
                        report.embeddingsPruned += diskCache->prune(opts.embeddingCacheMaxBytes / 10 * 9, &cacheBytes);
                }
                const model::SelfPromptResult res = model::runSelfPrompt(engine, emb, opts.selfPrompt, true);
                modelSeconds += std::chrono::duration<double>(Clock::now() - tm).count();
                pi.annotation = {};
                pi.annotation.image = it.key;
                pi.annotation.frame = it.frame;
                pi.annotation.width = l.full.width;
                pi.annotation.height = l.full.height;
                if (res.found) {
                    const auto& last = res.trace[static_cast<size_t>(res.finalPass)];
                    pi.annotation.addInstance(imaging::maskToFullResolution(maskTensorToMat(res.mask), l.full), labels.classes.front().id, annotation::Source::Automatic,
                                              engine.calibratedIou(last.predictedIou), it.key + "@" + engine.modelId(), res.finalPass);
                }
                else
                    ++report.noObject;
                pi.state = ItemState::Proposed;
                writeItemOutputs(opts.out, opts.formats, it.stem, pi, labels);
                log.append({{"status", "done"}, {"item", pi}});
                ++report.processed;
            } catch (const formats::WriteError&) {
                throw; // the output folder is unusable: stop, everything finished so far is kept
            } catch (const std::exception& e) {
                pi.error = e.what();
                pi.state = ItemState::New;
                report.failures.push_back({it.key, it.file.string(), e.what()});
                log.append({{"status", "failed"}, {"key", it.key}, {"reason", pi.error}});
            }
        }
        ++finished;
        if (progress) {
            BatchProgress p;
            p.done = finished;
            p.total = report.total;
            p.failed = static_cast<int>(report.failures.size());
            const double el = std::chrono::duration<double>(Clock::now() - tStart).count();
            p.imagesPerS = el > 0 ? finished / el : 0;
            p.etaSeconds = p.imagesPerS > 0 ? (report.total - finished) / p.imagesPerS : 0;
            p.current = it.key;
            progress(p);
        }
    }
    stopLoaderOnExit.finish(); // stop and join the loader now

    // The shard's project holds every item (finished or not) and feeds the aggregates.
    Project project;
    project.name = opts.out.filename().string();
    for (const auto& in : opts.inputs) project.sources.push_back({fs::is_directory(in) ? "folder" : "file", fs::absolute(in).string(), ""});
    project.labels = labels;
    project.model.modelId = engine.modelId();
    project.model.selfPrompt = opts.selfPrompt;
    for (size_t k = 0; k < items.size(); ++k) {
        ProjectItem pi = results[k];
        if (pi.key.empty()) { // not reached (cancelled)
            pi.key = items[k].key;
            pi.file = fs::absolute(items[k].file).string();
            pi.frame = items[k].frame;
            pi.patientId = items[k].patientId;
            pi.seriesInstanceUid = items[k].seriesInstanceUid;
            if (const auto* prev = log.previous(items[k].key)) pi = *prev;
        }
        project.items.push_back(std::move(pi));
    }
    project.sortItems();
    writeAggregates(opts.out, opts.formats, project, report.outputs, report.failures);

    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const double loopSeconds = std::chrono::duration<double>(Clock::now() - tStart).count();
    report.imagesPerS = loopSeconds > 0 ? report.processed / loopSeconds : 0;
    report.engineImagesPerS = modelSeconds > 0 ? report.processed / modelSeconds : 0;
    formats::writeFileAtomically(opts.out / "report.json", batchReportJson(report).dump(2));
    log::pipeline()->info("{}", report.summary());
    return report;
}

ProjectExport exportProject(const Project& project, const fs::path& out, const std::set<std::string>& formats,
                            bool includeProposed)
{
    for (const auto& f : formats)
        if (std::find(batchFormatNames().begin(), batchFormatNames().end(), f) == batchFormatNames().end())
            throw std::invalid_argument("unknown output format '" + f + "'");
    formats::ensureFolder(out);
    // The items asked for, in a project of their own (aggregates list exactly these).
    Project chosen = project;
    chosen.items.clear();
    for (const auto& i : project.items)
        if (i.annotation.width > 0 && (i.state == ItemState::Accepted || (includeProposed && i.state == ItemState::Proposed)))
            chosen.items.push_back(i);
    std::vector<std::string> keys;
    for (const auto& i : chosen.items) keys.push_back(i.key);
    const auto stems = outputStems(keys);
    ProjectExport res;
    std::vector<BatchFailure> failures;
    int perItemFormats = 0;
    for (const auto& f : outputFormats()) perItemFormats += f.writeItem && formats.count(f.id) ? 1 : 0;
    for (const auto& i : chosen.items) {
        try {
            writeItemOutputs(out, formats, stems.at(i.key), i, project.labels);
            ++res.items;
            res.files += perItemFormats;
        } catch (const formats::WriteError&) {
            throw;
        } catch (const std::exception& e) {
            failures.push_back({i.key, i.file, e.what()});
        }
    }
    std::vector<std::string> written;
    writeAggregates(out, formats, chosen, written, failures);
    for (const auto& w : written)
        if (fs::path(w).filename() != "project.samsp.json") res.aggregates.push_back(w), ++res.files;
    for (const auto& f : failures) res.problems.push_back(f.key + ": " + f.reason);
    return res;
}

Project mergeBatchOutputs(const std::vector<fs::path>& shardDirs, const fs::path& out, const std::set<std::string>& formats)
{
    if (shardDirs.empty()) throw std::invalid_argument("nothing to merge");
    Project merged;
    bool first = true;
    for (const auto& dir : shardDirs) {
        const fs::path file = fs::is_directory(dir) ? dir / "project.samsp.json" : dir;
        if (!fs::exists(file))
            throw formats::ReadError(file, "no project file: did the batch in '" + dir.string() + "' finish?");
        Project p = Project::load(file);
        if (first) {
            merged.name = out.filename().string();
            merged.labels = p.labels;
            merged.model = p.model;
            first = false;
        }
        else if (!(p.labels == merged.labels))
            throw formats::ReadError(file, "its label set differs from the first shard's");
        for (const auto& s : p.sources)
            if (std::none_of(merged.sources.begin(), merged.sources.end(),
                             [&](const ProjectSource& x) { return x.path == s.path && x.kind == s.kind; }))
                merged.sources.push_back(s);
        for (auto& item : p.items) {
            const ProjectItem* existing = merged.find(item.key);
            // Shards do not overlap; when runs do, a finished item wins over an unfinished one.
            if (!existing || (existing->state == ItemState::New && item.state != ItemState::New)) merged.upsert(std::move(item));
        }
    }
    merged.sortItems();
    formats::ensureFolder(out);
    std::vector<std::string> written;
    std::vector<BatchFailure> failures;
    writeAggregates(out, formats, merged, written, failures);
    for (const auto& f : failures) log::pipeline()->warn("merge: {}: {}", f.key, f.reason);
    return merged;
}

} // namespace samsp::pipeline
