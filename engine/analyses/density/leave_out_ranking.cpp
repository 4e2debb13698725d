// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/leave_out_ranking.hpp"

#include <algorithm>
#include <utility>

#include "analyses/density/cell_ranking.hpp"
#include "core/parallel.hpp"

namespace hotspot {

LeaveOutRanking::LeaveOutRanking(const KernelCentres& all, const Grid& grid, std::vector<uint8_t> mask,
                                 const DensityParams& params) {
  surface_.grid = grid;
  surface_.mask = std::move(mask);
  surface_.study_cells = std::count_if(surface_.mask.begin(), surface_.mask.end(), [](uint8_t m) { return m != 0; });
  reset(all, params);
}

void LeaveOutRanking::reset(const KernelCentres& all, const DensityParams& params) {
  params_ = params;
  kernel_sums(all, surface_.grid, params, whole_);
  // The floats and their value buckets (top_cells' first pass, once per surface rather than per
  // ranking) on every core, each a slice of at least 8,192 cells (a county grid has millions).
  const size_t cells = whole_.size(), workers = worker_count(cells, size_t{1} << 13);
  surface_.value.resize(cells);
  std::vector<std::vector<int64_t>> counts(workers);
  parallel_for(workers, [&](size_t w) {
    const size_t first = slice_begin(cells, w, workers), last = slice_begin(cells, w + 1, workers);
    for (size_t c = first; c < last; ++c) surface_.value[c] = surface_.mask[c] ? static_cast<float>(whole_[c]) : 0.0f;
    count_buckets(surface_, first, last, counts[w]);
  });
  buckets_ = std::move(counts[0]);
  for (size_t w = 1; w < workers; ++w) {
    for (size_t b = 0; b < buckets_.size(); ++b) buckets_[b] += counts[w][b];
  }
  const std::lock_guard lock(mutex_);
  ranked_.reset();
}

std::shared_ptr<const LeaveOutRanking::Ranked> LeaveOutRanking::whole_top(int64_t m) const {
  const std::lock_guard lock(mutex_);
  if (!ranked_ || (!ranked_->all && static_cast<int64_t>(ranked_->cells.size()) < m)) {
    auto r = std::make_shared<Ranked>();
    r->cells = top_cells(surface_, m, buckets_);
    r->all = static_cast<int64_t>(r->cells.size()) < m;
    r->by_index.reserve(r->cells.size());
    for (size_t k = 0; k < r->cells.size(); ++k) r->by_index.push_back({r->cells[k], static_cast<uint32_t>(k)});
    sort_by_cell(r->by_index.begin(), r->by_index.end());
    ranked_ = std::move(r);
  }
  return ranked_;
}

std::vector<int64_t> LeaveOutRanking::top_without(const KernelCentres& less, int64_t n) const {
  if (n <= 0) return {};
  for (int64_t m = 2 * n;; m *= 4) {
    const std::shared_ptr<const Ranked> ranked = whole_top(m);
    const size_t len = std::min(ranked->cells.size(), static_cast<size_t>(m));
    const bool all = ranked->all && ranked->cells.size() <= len;  // every positive cell is a candidate
    std::vector<int64_t> by_index;  // the candidates, the first len of the ranking, by cell
    by_index.reserve(len);
    for (const auto& [cell, place] : ranked->by_index) {
      if (place < len) by_index.push_back(cell);
    }
    const std::vector<double> left_out = kernel_sums_at(less, surface_.grid, params_, by_index);
    std::vector<std::pair<float, int64_t>> top;  // (value, cell) of the candidates with a positive value
    for (size_t k = 0; k < by_index.size(); ++k) {
      const float v = static_cast<float>(whole_[static_cast<size_t>(by_index[k])] - left_out[k]);
      if (v > 0) top.push_back({v, by_index[k]});
    }
    std::vector<int64_t> out = highest_cells(top, static_cast<size_t>(n));
    if (!all) {
      // A cell not among the candidates is at most the last candidate's whole value; the top n are
      // all here once that is below the n-th value found.
      if (out.size() < static_cast<size_t>(n)) continue;
      const size_t last = static_cast<size_t>(std::lower_bound(by_index.begin(), by_index.end(), out.back()) - by_index.begin());
      const float nth = static_cast<float>(whole_[static_cast<size_t>(out.back())] - left_out[last]);
      if (!(surface_.value[static_cast<size_t>(ranked->cells[len - 1])] < nth)) continue;
    }
    return out;
  }
}

}  // namespace hotspot
