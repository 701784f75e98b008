#include "logging_setup.h"

#include "common/log.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <cstdlib>
#include <filesystem>

namespace samsp::app {

std::string defaultLogFile()
{
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".local" / "share";
    else base = fs::temp_directory_path();
    return (base / "samsp-studio" / "logs" / "samsp.log").string();
}

std::string setupLogging(const LoggingOptions& o)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (o.console) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(o.verbose ? spdlog::level::debug : spdlog::level::warn);
        console->set_pattern("%^[%n %l]%$ %v");
        sinks.push_back(console);
    }
    std::string file = o.logFile.empty() ? defaultLogFile() : o.logFile;
    std::string problem;
    try {
        std::filesystem::create_directories(std::filesystem::path(file).parent_path());
        auto rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 5 * 1024 * 1024, 3);
        rotating->set_level(spdlog::level::debug);
        rotating->set_pattern("%Y-%m-%d %H:%M:%S.%e [%n] [%l] %v");
        sinks.push_back(rotating);
    } catch (const std::exception& e) {
        problem = e.what();
        file.clear();
    }
    auto def = std::make_shared<spdlog::logger>("samsp", sinks.begin(), sinks.end());
    def->set_level(spdlog::level::debug);
    spdlog::drop_all();
    spdlog::set_default_logger(def);
    for (const char* name : {"io", "model", "pipeline", "ui", "cli"}) log::get(name);
    spdlog::flush_on(spdlog::level::warn);
    if (!problem.empty()) spdlog::warn("log file could not be opened: {}", problem);
    return file;
}

} // namespace samsp::app
