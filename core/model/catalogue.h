#pragma once
// Public checkpoints the studio's model manager and `samsp models` offer: where
// each comes from, its size and published SHA-256 where one exists, and how a
// download is verified when none is published (strict loading as its variant:
// every tensor name and shape must match).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace samsp::model {

struct KnownModel
{
    std::string name;    // "SAM ViT-B", "MobileSAM (TinyViT)"
    std::string file;    // file name in the models folder
    std::string url;     // direct download; empty: download by hand from `page`
    std::string page;    // project page
    int64_t size = 0;    // bytes; 0: not published
    std::string sha256;  // hex; empty: not published
    std::string variant; // architecture it must load as ("vit_b", "vit_t", ...)
    std::string licence;
    std::string trainedOn; // what the published weights were trained on
};

const std::vector<KnownModel>& knownModels();

// How a download of `m` is checked: "SHA-256 <hex>", or strict loading as its variant.
std::string verificationOf(const KnownModel& m);

// One line on what a checkpoint file was trained on: for SAM-SP fine-tunes, from its
// metadata (data folder, images, epochs, validation Dice, starting point); for a
// known public checkpoint (by file name), what its authors trained it on; else "unknown".
std::string describeTraining(const std::filesystem::path& path);

// Loads `path` and requires it to be a complete checkpoint of `variant` (no missing,
// extra or wrongly shaped tensor). Throws CheckpointError / ModelError naming what differs.
void verifyCheckpointIsVariant(const std::filesystem::path& path, const std::string& variant);

} // namespace samsp::model
