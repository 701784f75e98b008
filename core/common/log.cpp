#include "log.h"

#include <mutex>

namespace samsp::log {

std::shared_ptr<spdlog::logger> get(const std::string& name)
{
    static std::mutex m;
    std::lock_guard lock(m);
    if (auto l = spdlog::get(name)) return l;
    auto def = spdlog::default_logger();
    auto l = std::make_shared<spdlog::logger>(name, def->sinks().begin(), def->sinks().end());
    l->set_level(def->level());
    spdlog::register_logger(l);
    return l;
}

} // namespace samsp::log
