#pragma once
// Reading and writing model weights without Python:
//  - PyTorch zip checkpoints as official SAM / MedSAM / SAM-Med2D publish them
//    (torch.save of a state dict: a zip archive holding a pickled (Ordered)Dict of
//    tensors). LibTorch's pickle_load rejects OrderedDict, so this is our own reader:
//    a bounds-checked zip directory parser plus the pickle subset that torch.save emits.
//  - safetensors (our format for fine-tunes), read and write, with string metadata.
// Every failure throws CheckpointError naming the file and the reason; malformed
// input never crashes (the reader is fuzzed, see tests/fuzz).

#include <ATen/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace samsp::model {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

struct Checkpoint
{
    NamedTensors tensors;                          // CPU tensors, file order
    std::map<std::string, std::string> metadata;   // safetensors "__metadata__"
    std::string format;                            // "torch-zip" or "safetensors"

    const at::Tensor* find(const std::string& name) const;
};

// Sniffs the format from the content, not the extension. Nested wrappers
// ({"model": ...}, {"state_dict": ...}) are unwrapped and "module." prefixes removed.
Checkpoint loadCheckpoint(const std::filesystem::path& path);
// Same from memory (fuzzing, embedded resources). `label` names the data in errors.
Checkpoint loadCheckpointFromMemory(const uint8_t* data, size_t size, const std::string& label);

// The string metadata of a safetensors file from its header alone (no tensor is
// read: quick even for gigabyte checkpoints). Empty for other formats or no metadata.
std::map<std::string, std::string> readSafetensorsMetadata(const std::filesystem::path& path);

// Writes atomically (temporary file in the same folder, then rename).
void saveSafetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                     const std::map<std::string, std::string>& metadata = {});

// Writes a PyTorch-compatible zip checkpoint (state dict as collections.OrderedDict),
// so tests can round-trip the torch format without Python. Atomic like above.
// With `wrapKey` the state dict is nested as {wrapKey: state_dict, "epoch": 1}, as training
// scripts (SAM-Med2D, MedSAM) save it.
void saveTorchZip(const std::filesystem::path& path, const NamedTensors& tensors, const std::string& wrapKey = {});

} // namespace samsp::model
