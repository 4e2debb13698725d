// SPDX-License-Identifier: Apache-2.0
#include "outputs/suppression.hpp"

#include <algorithm>

namespace hotspot {
namespace {

struct Range {
  int64_t lo = 0, hi = 0;
};

// The tightest ranges an attacker can give each entry, by propagating every group's sum to a
// fixed point: shown entries are exact, blanked ones start at [1, top]. nullopt when no
// assignment fits (a secondary blank of min_count or more under the assumption that every blank
// is under min_count): that attacker learns nothing certain. Found by UBSan: without the check the
// ranges of an inconsistent system grew without bound and overflowed.
std::optional<std::vector<Range>> attack(const std::vector<uint64_t>& counts, const std::vector<bool>& hidden,
                                         const std::vector<CountGroup>& groups, int64_t top) {
  std::vector<Range> r(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) {
    const auto v = static_cast<int64_t>(counts[i]);
    r[i] = hidden[i] ? Range{1, top} : Range{v, v};
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const CountGroup& g : groups) {
      // total = sum of members; a group without a total entry has its (published) true sum.
      int64_t lo = 0, hi = 0;
      for (size_t i : g.members) {
        lo += r[i].lo;
        hi += r[i].hi;
      }
      Range total{0, 0};
      if (g.total) {
        total = r[*g.total];
      } else {
        for (size_t i : g.members) total.lo += static_cast<int64_t>(counts[i]);
        total.hi = total.lo;
      }
      bool empty = false;
      const auto tighten = [&](Range& x, int64_t a, int64_t b) {
        if (a > x.lo) x.lo = a, changed = true;
        if (b < x.hi) x.hi = b, changed = true;
        empty = empty || x.lo > x.hi;
      };
      if (g.total) tighten(r[*g.total], lo, hi);
      for (size_t i : g.members) {
        if (!hidden[i]) continue;
        tighten(r[i], total.lo - (hi - r[i].hi), total.hi - (lo - r[i].lo));
      }
      if (g.total) total = r[*g.total];
      if (empty) return std::nullopt;
    }
  }
  return r;
}

}  // namespace

std::optional<std::vector<bool>> suppress_counts(const std::vector<uint64_t>& counts, const std::vector<CountGroup>& groups,
                                                 int min_count) {
  const auto m = static_cast<uint64_t>(min_count);
  std::vector<bool> hidden(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) hidden[i] = counts[i] > 0 && counts[i] < m;
  int64_t grand = 0;
  for (const CountGroup& g : groups) {
    if (g.total) continue;
    int64_t sum = 0;
    for (size_t i : g.members) sum += static_cast<int64_t>(counts[i]);
    grand = std::max(grand, sum);
  }
  for (;;) {
    // Disclosures: blanked entries an attacker pins to their true values, knowing blanked counts
    // are at least 1, or taking them all to be under min_count.
    std::vector<bool> disclosed(counts.size());
    bool any = false;
    for (const int64_t top : {std::max<int64_t>(1, grand), static_cast<int64_t>(m) - 1}) {
      const std::optional<std::vector<Range>> r = attack(counts, hidden, groups, top);
      if (!r) continue;
      for (size_t i = 0; i < counts.size(); ++i) {
        const Range& x = (*r)[i];
        if (hidden[i] && x.lo == x.hi && x.lo == static_cast<int64_t>(counts[i])) any = disclosed[i] = true;
      }
      if (any) break;
    }
    if (!any) return hidden;
    // Blank the smallest shown non-zero entry sharing a group with one of them (ties: the first).
    std::optional<size_t> next;
    const auto consider = [&](size_t j) {
      if (!hidden[j] && counts[j] > 0 && (!next || counts[j] < counts[*next] || (counts[j] == counts[*next] && j < *next))) next = j;
    };
    for (const CountGroup& g : groups) {
      const bool in = std::any_of(g.members.begin(), g.members.end(), [&](size_t i) { return disclosed[i]; }) ||
                      (g.total && disclosed[*g.total]);
      if (!in) continue;
      for (size_t j : g.members) consider(j);
      if (g.total) consider(*g.total);
    }
    if (!next) return std::nullopt;
    hidden[*next] = true;
  }
}

}  // namespace hotspot
