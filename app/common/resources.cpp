#include "resources.h"

#include <filesystem>
#include <stdexcept>

namespace samsp::app {

std::string bundledModelPath()
{
    namespace fs = std::filesystem;
    const std::string rel = "models/samsp-default.safetensors";
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::string tried;
    for (const fs::path& d : {fs::path(SAMSP_SOURCE_RESOURCES), fs::path(SAMSP_INSTALLED_RESOURCES),
                              exe.parent_path() / ".." / "share" / "samsp-studio"}) {
        if (fs::exists(d / rel, ec)) return (d / rel).string();
        tried += (tried.empty() ? "" : ", ") + (d / rel).string();
    }
    throw std::runtime_error("the bundled model is missing (looked in " + tried + "); pass --model");
}

} // namespace samsp::app
