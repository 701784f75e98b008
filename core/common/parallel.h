#pragma once
// The one way the core layers spread independent work over threads (DICOM headers,
// series decoding, listing): indices are handed out one by one, the calling thread
// works too, and every thread is joined before it returns.

#include <cstddef>
#include <functional>

namespace samsp {

// Calls body(k) once for every k in [0, n) on up to `threads` threads (<= 0: one per
// hardware thread). If bodies throw, the others still run; the exception of the
// lowest index is rethrown once all are done.
void parallelFor(size_t n, int threads, const std::function<void(size_t)>& body);

} // namespace samsp
