// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstddef>
#include <functional>

namespace hotspot {

// The number of threads worth using for `items` items of which each thread should get at least
// `min_per_thread`: at least 1, at most the machine's cores (or `limit` when it is not 0).
size_t worker_count(size_t items, size_t min_per_thread = 1, size_t limit = 0);

// Runs work(0) .. work(workers - 1) at once, work(0) on the calling thread, and returns when
// all have ended. An exception thrown by a worker never ends the process: the first one, in
// worker order, is rethrown here once every worker has stopped.
void parallel_for(size_t workers, const std::function<void(size_t worker)>& work);

// The half-open slice [begin, end) of 0..n that worker `w` of `workers` takes.
inline size_t slice_begin(size_t n, size_t w, size_t workers) { return n * w / workers; }

}  // namespace hotspot
