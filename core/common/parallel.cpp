#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace samsp {

void parallelFor(size_t n, int threads, const std::function<void(size_t)>& body)
{
    if (n == 0) return;
    const int hw = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const size_t t = std::min(n, static_cast<size_t>(threads > 0 ? threads : hw));
    std::atomic<size_t> next{0};
    std::mutex m;
    size_t firstIndex = n;
    std::exception_ptr first;
    auto work = [&] {
        for (size_t k; (k = next++) < n;) {
            try {
                body(k);
            } catch (...) {
                std::lock_guard lock(m);
                if (k < firstIndex) firstIndex = k, first = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t i = 1; i < t; ++i) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    if (first) std::rethrow_exception(first);
}

} // namespace samsp
