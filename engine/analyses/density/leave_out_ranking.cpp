// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/leave_out_ranking.hpp"

#include <algorithm>
#include <utility>

#include "analyses/density/cell_ranking.hpp"

namespace hotspot {

LeaveOutRanking::LeaveOutRanking(const KernelCentres& all, const Grid& grid, std::vector<uint8_t> mask,
                                 const DensityParams& params)
    : params_(params), whole_(kernel_sums(all, grid, params)) {
  surface_.grid = grid;
  surface_.mask = std::move(mask);
  surface_.value.resize(whole_.size());
  for (size_t c = 0; c < whole_.size(); ++c) {
    surface_.value[c] = surface_.mask[c] ? static_cast<float>(whole_[c]) : 0.0f;
    surface_.study_cells += surface_.mask[c] != 0;
  }
}

std::shared_ptr<const LeaveOutRanking::Ranked> LeaveOutRanking::whole_top(int64_t m) const {
  const std::lock_guard lock(mutex_);
  if (!ranked_ || (!ranked_->all && static_cast<int64_t>(ranked_->cells.size()) < m)) {
    auto r = std::make_shared<Ranked>();
    r->cells = top_cells(surface_, m);
    r->all = static_cast<int64_t>(r->cells.size()) < m;
    r->by_index.reserve(r->cells.size());
    for (size_t k = 0; k < r->cells.size(); ++k) r->by_index.push_back({r->cells[k], static_cast<uint32_t>(k)});
    std::sort(r->by_index.begin(), r->by_index.end());
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
    const auto before = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    const size_t want = static_cast<size_t>(std::min<int64_t>(n, static_cast<int64_t>(top.size())));
    if (want > 0 && want < top.size()) std::nth_element(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(want - 1), top.end(), before);
    top.resize(want);
    std::sort(top.begin(), top.end(), before);
    if (!all) {
      // A cell not among the candidates is at most the last candidate's whole value; the top n are
      // all here once that is below the n-th value found.
      if (want < static_cast<size_t>(n)) continue;
      if (!(surface_.value[static_cast<size_t>(ranked->cells[len - 1])] < top[want - 1].first)) continue;
    }
    std::vector<int64_t> out(want);
    for (size_t k = 0; k < want; ++k) out[k] = top[k].second;
    return out;
  }
}

}  // namespace hotspot
