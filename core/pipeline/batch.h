#pragma once
// Batch auto-annotation: every image (and every DICOM frame) under the inputs is
// proposed by SAM-SP without any prompt and written in the chosen formats.
//
//  - Pipelined: a loader thread reads, hashes and windows the next items while the
//    model works on the current one.
//  - Resumable: each finished item is appended (and fsync'd) to OUT/.samsp/batch-log.jsonl
//    with its content hash; a re-run skips items whose file is unchanged and whose
//    run settings (model, SAM-SP settings, label) are the same. Every output file is
//    written to a temporary name and renamed, and stale temporaries from a killed
//    run are removed on start, so no partial file is ever left.
//  - Robust: an unreadable item is recorded with its reason and the batch goes on.
//  - Shardable: --shard i/N keeps the items whose key hashes to i (mod N), so N
//    processes split a dataset with no overlap; mergeBatchOutputs() joins them.

#include "items.h"
#include "project.h"

#include "annotation/annotation.h"
#include "model/engine.h"
#include "model/selfprompt.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace samsp::pipeline {


struct BatchOptions
{
    std::vector<std::filesystem::path> inputs;
    std::filesystem::path out;
    std::set<std::string> formats{"png", "coco"};
    model::SelfPromptSettings selfPrompt;
    std::string label = "object";
    int shardIndex = 0, shardCount = 1;
    bool resume = true;
    int prefetch = 3; // items decoded ahead of the model
    std::filesystem::path embeddingCache; // when set: embeddings kept on disk and reused
    // The cache folder's bound: the least recently used files go first (0: no bound).
    std::uintmax_t embeddingCacheMaxBytes = std::uintmax_t(2048) << 20;
};



struct BatchFailure
{
    std::string key, file, reason;
};

struct BatchProgress
{
    int done = 0, total = 0;  // items finished (incl. resumed) of this shard
    int failed = 0;
    double imagesPerS = 0, etaSeconds = 0;
    std::string current;
};

struct BatchReport
{
    int total = 0, processed = 0, resumed = 0, noObject = 0;
    int embeddingsFromCache = 0;
    int embeddingsPruned = 0; // cache files removed to keep the folder within its bound
    std::vector<BatchFailure> failures;
    bool cancelled = false;
    double seconds = 0;
    double imagesPerS = 0;        // processed items / wall time
    double engineImagesPerS = 0;  // processed items / time inside the model (encode + SAM-SP)
    std::vector<std::string> outputs;
    std::string summary() const;
};
nlohmann::json batchReportJson(const BatchReport& r);

// `cancel` is polled between items: the current item is finished, outputs written.
BatchReport runBatch(model::SamEngine& engine, const BatchOptions& opts,
                     const std::function<void(const BatchProgress&)>& progress = {},
                     const std::atomic<bool>* cancel = nullptr);


// Joins the outputs of several batch runs (shards) into `out`: one project and the
// aggregate formats (COCO, data.yaml, VOC lists). Returns the merged project.
Project mergeBatchOutputs(const std::vector<std::filesystem::path>& shardDirs, const std::filesystem::path& out,
                          const std::set<std::string>& formats);

} // namespace samsp::pipeline
