#pragma once
// Durable replacement of a file: the new content is on disk before the rename,
// and the rename itself is on disk (the folder is fsync'd) before we say "saved".
// A crash at any point leaves either the old file or the new one, never a mix,
// and a finished write survives a power cut. Shared by the checkpoint writer
// (model layer) and every format writer (core/formats).

#include <filesystem>
#include <string>

namespace samsp::model {

// fsync of a file or folder; returns an empty string or the reason it failed.
// `errorNumber`, when given, receives errno on failure.
std::string fsyncPath(const std::filesystem::path& p, int* errorNumber = nullptr);
// fsync(tmp), rename(tmp, target) (replacing it atomically), fsync(target's folder).
// Returns an empty string or the reason; `tmp` is left in place on failure.
std::string durableRename(const std::filesystem::path& tmp, const std::filesystem::path& target, int* errorNumber = nullptr);
// The marker in every temporary file name the project writes (".NAME.samsp-part123"),
// so a sweep of stale temporaries never touches a user's own files.
inline constexpr const char* kTempMarker = ".samsp-part";
// True for names of this project's temporaries (see kTempMarker).
bool isProjectTemporary(const std::string& fileName);

} // namespace samsp::model
