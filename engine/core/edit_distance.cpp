// SPDX-License-Identifier: Apache-2.0
#include "core/edit_distance.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace hotspot {

int edit_distance(std::string_view a, std::string_view b, int limit) {
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > limit) return limit + 1;
  const size_t n = b.size();
  thread_local std::vector<int> prev2, prev, cur;  // reused: this runs for every candidate name
  prev2.assign(n + 1, 0);
  prev.assign(n + 1, 0);
  cur.assign(n + 1, 0);
  for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (size_t j = 1; j <= n; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      best = std::min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

}  // namespace hotspot
