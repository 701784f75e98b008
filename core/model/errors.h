#pragma once
// Typed errors of the model layer. Every message names what failed and why
// (file, tensor name and shape, setting), so callers can show it as is.

#include <stdexcept>
#include <string>

namespace samsp::model {

class ModelError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A checkpoint file could not be read or does not fit the model.
class CheckpointError : public ModelError
{
public:
    using ModelError::ModelError;
};

} // namespace samsp::model
