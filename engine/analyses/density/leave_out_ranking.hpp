// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "analyses/density/kernel_density.hpp"

namespace hotspot {

// The top cells of leave-some-out surfaces, without making them. The surface of all incidents is
// summed once and its cells ranked. Leaving incidents out never raises a cell (kernels are never
// negative, and rounding to float keeps the order), so a surface without some incidents has its n
// highest cells among the whole's highest, down to its own n-th value: only those are summed, at
// the cost of the left-out kernels that reach them. The bandwidth search asks this of each fold.
class LeaveOutRanking {
 public:
  LeaveOutRanking(const KernelCentres& all, const Grid& grid, std::vector<uint8_t> mask, const DensityParams& params);

  // The same grid and mask for another set of centres or kernel: the sums and the ranking start
  // again in the memory of the last (a county's grid is tens of MB, made for every bandwidth).
  void reset(const KernelCentres& all, const DensityParams& params);

  const Grid& grid() const { return surface_.grid; }
  int64_t study_cells() const { return surface_.study_cells; }

  // The whole's cells with a positive value: at least those of any surface less some incidents.
  int64_t positive_cells() const { return static_cast<int64_t>(surface_.value.size()) - buckets_[0]; }

  // top_cells(s, n), s the surface of all the incidents less `less` (some of them, as centres),
  // masked and in float, each cell float(kernel_sums(all) - kernel_sums(less)) there. Exactly that,
  // ties included. Safe to call from many threads at once.
  std::vector<int64_t> top_without(const KernelCentres& less, int64_t n) const;

 private:
  struct Ranked {
    std::vector<int64_t> cells;  // the whole's top cells, highest first
    std::vector<std::pair<int64_t, uint32_t>> by_index;  // (cell, its place in `cells`), by cell
    bool all = false;            // every cell with a positive value is among them
  };
  // The whole's top cells, at least m of them unless there are fewer.
  std::shared_ptr<const Ranked> whole_top(int64_t m) const;

  DensityParams params_;
  CellVector<double> whole_;  // kernel_sums of all, per cell
  DensitySurface surface_;     // whole_ in float, masked
  std::vector<int64_t> buckets_;  // count_buckets of surface_
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Ranked> ranked_;  // the longest ranking made so far
};

}  // namespace hotspot
