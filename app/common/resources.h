#pragma once
// Where the bundled resources (default model, samples) are: the source tree when
// run from a build folder, else the install prefix, else next to the executable.

#include <string>

namespace samsp::app {

// The bundled default model; throws std::runtime_error naming the places searched.
std::string bundledModelPath();

} // namespace samsp::app
