#pragma once
// Typed errors of the model layer. Every message names what failed and why
// (file, tensor name and shape, setting), so callers can show it as is.

#include <array>
#include <stdexcept>
#include <string>

namespace samsp::model {

// What went wrong, for messages in the interface's language (what() stays English,
// for logs and the command line).
enum class ModelProblem
{
    Other,          // see what()
    GpuOutOfMemory, // step(): "encode" or "decode"; detail(): LibTorch's own text
};

class ModelError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
    ModelError(const std::string& what, ModelProblem problem, std::string step, std::string detail)
        : std::runtime_error(what), m_problem(problem), m_step(std::move(step)), m_detail(std::move(detail))
    {
    }
    ModelProblem problem() const { return m_problem; }
    const std::string& step() const { return m_step; }
    const std::string& detail() const { return m_detail; }

private:
    ModelProblem m_problem = ModelProblem::Other;
    std::string m_step, m_detail;
};

// What went wrong with a checkpoint, for messages in the interface's language (what()
// is English, for logs and the command line).
enum class CheckpointProblem
{
    Other,          // see what()
    Folder,         // a folder, not a file
    Unopenable,     // cannot be opened; detail(): the system's reason
    Empty,          // 0 bytes
    Legacy,         // the pre-1.6 PyTorch format
    NotACheckpoint, // neither a PyTorch zip checkpoint nor safetensors; detail(): the reader's reason, if any
    Truncated,      // the file ends early
    NotSam,         // no SAM image encoder in it
    DoesNotFit,     // tensors missing, unexpected or of the wrong shape; detail(): which
};

// A checkpoint file could not be read or does not fit the model.
class CheckpointError : public ModelError
{
public:
    explicit CheckpointError(const std::string& what, CheckpointProblem problem = CheckpointProblem::Other, std::string file = {},
                             std::string detail = {}, std::array<int, 3> counts = {})
        : ModelError(what), m_problem(problem), m_file(std::move(file)), m_detail(std::move(detail)), m_counts(counts)
    {
    }
    CheckpointProblem problem() const { return m_problem; }
    const std::string& file() const { return m_file; }
    const std::string& detail() const { return m_detail; }
    // DoesNotFit: how many tensors are missing, unexpected and of the wrong shape.
    const std::array<int, 3>& counts() const { return m_counts; }

private:
    CheckpointProblem m_problem;
    std::string m_file, m_detail;
    std::array<int, 3> m_counts;
};

} // namespace samsp::model
