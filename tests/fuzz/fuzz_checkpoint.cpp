// libFuzzer target for the checkpoint reader (PyTorch zip + pickle, safetensors).
// Any outcome other than success or a CheckpointError is a finding: a crash,
// a sanitizer report, or another exception type (an unclear error for users).
#include "model/checkpoint.h"
#include "model/errors.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        samsp::model::loadCheckpointFromMemory(data, size, "fuzz");
    } catch (const samsp::model::CheckpointError&) {
    } catch (const std::exception& e) {
        std::fprintf(stderr, "unexpected exception type: %s\n", e.what());
        std::abort();
    }
    return 0;
}
