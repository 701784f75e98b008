#pragma once
// Logging sinks for the applications (core code only names loggers):
// console (warnings, or everything with --verbose) and a rotating file in the
// user's data folder ($XDG_DATA_HOME/samsp-studio/logs/samsp.log) or --log-file.

#include <string>

namespace samsp::app {

struct LoggingOptions
{
    bool verbose = false;
    std::string logFile; // empty: the default file in the user's data folder
    bool console = true;
};

// Returns the log file in use (empty if it could not be opened; a warning says why).
std::string setupLogging(const LoggingOptions& o);
std::string defaultLogFile();

} // namespace samsp::app
