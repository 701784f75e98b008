#pragma once
// Named loggers for core code ("io", "model", "pipeline"). Sinks are configured
// by the application (app/); until then these loggers share the default sink.

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace samsp::log {

// Returns the logger `name`, creating it with the default logger's sinks.
std::shared_ptr<spdlog::logger> get(const std::string& name);
inline std::shared_ptr<spdlog::logger> io() { return get("io"); }
inline std::shared_ptr<spdlog::logger> model() { return get("model"); }
inline std::shared_ptr<spdlog::logger> pipeline() { return get("pipeline"); }

} // namespace samsp::log
