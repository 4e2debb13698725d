// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <atomic>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "core/cell_vector.hpp"
#include "core/parallel.hpp"

using namespace hotspot;

TEST_CASE("parallel_for passes a worker's exception to the caller instead of ending the process") {
  std::atomic<int> finished{0};
  const auto throw_in = [&](size_t bad) {
    parallel_for(4, [&](size_t w) {
      if (w == bad) throw std::runtime_error("worker " + std::to_string(w));
      ++finished;
    });
  };
  // A worker on another thread, then the caller's own (worker 0): both come back as exceptions,
  // after the other workers have finished.
  REQUIRE_THROWS_WITH(throw_in(2), "worker 2");
  CHECK(finished == 3);
  finished = 0;
  REQUIRE_THROWS_WITH(throw_in(0), "worker 0");
  CHECK(finished == 3);
}

TEST_CASE("parallel_for rethrows the first failing worker in worker order, and runs each worker once") {
  std::atomic<int> runs{0};
  REQUIRE_THROWS_WITH(parallel_for(3,
                                   [&](size_t w) {
                                     ++runs;
                                     if (w >= 1) throw std::runtime_error("worker " + std::to_string(w));
                                   }),
                      "worker 1");
  CHECK(runs == 3);
  std::vector<int> seen(5, 0);
  parallel_for(5, [&](size_t w) { ++seen[w]; });
  CHECK(seen == std::vector<int>(5, 1));
}

TEST_CASE("slices of a range cover it exactly once") {
  const size_t n = 103, workers = 4;
  size_t covered = 0;
  for (size_t w = 0; w < workers; ++w) covered += slice_begin(n, w + 1, workers) - slice_begin(n, w, workers);
  CHECK(covered == n);
  CHECK(slice_begin(n, 0, workers) == 0);
  CHECK(worker_count(0) == 1);
  CHECK(worker_count(10, 1, 3) == 3);
  CHECK(worker_count(10, 100) == 1);
}

TEST_CASE("fill_cells writes every element, over slices of every size, into memory that held other values") {
  for (const size_t n : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{2 * 65536 + 3}, size_t{1000003}}) {
    CellVector<int64_t> v;
    fill_cells(v, n, int64_t{-5});
    REQUIRE(v.size() == n);
    CHECK(std::count(v.begin(), v.end(), int64_t{-5}) == static_cast<std::ptrdiff_t>(n));
    v.clear();
    fill_cells(v, n, int64_t{9});  // the same memory again: no element keeps the old value
    CHECK(std::count(v.begin(), v.end(), int64_t{9}) == static_cast<std::ptrdiff_t>(n));
  }
}
