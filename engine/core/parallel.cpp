// SPDX-License-Identifier: Apache-2.0
#include "core/parallel.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace hotspot {

size_t worker_count(size_t items, size_t min_per_thread, size_t limit) {
  const size_t cores = limit ? limit : std::max(1u, std::thread::hardware_concurrency());
  const size_t useful = items / std::max<size_t>(min_per_thread, 1);
  return std::max<size_t>(1, std::min(cores, std::max<size_t>(useful, 1)));
}

void parallel_for(size_t workers, const std::function<void(size_t)>& work) {
  workers = std::max<size_t>(workers, 1);
  std::vector<std::exception_ptr> errors(workers);
  const auto guarded = [&](size_t w) {
    try {
      work(w);
    } catch (...) {
      errors[w] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(guarded, w);
  guarded(0);
  for (auto& t : pool) t.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace hotspot
