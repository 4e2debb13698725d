// SPDX-License-Identifier: Apache-2.0
#include "analyses/stats/hot_spot_classes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hotspot {

std::vector<bool> fdr_significant(const std::vector<double>& p, double alpha) {
  const size_t m = p.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  size_t k = 0;  // the largest rank with p_(rank) <= rank/m * alpha
  for (size_t r = 1; r <= m; ++r) {
    if (p[order[r - 1]] <= static_cast<double>(r) / static_cast<double>(m) * alpha) k = r;
  }
  std::vector<bool> significant(m, false);
  for (size_t r = 0; r < k; ++r) significant[order[r]] = true;
  return significant;
}

std::vector<int> gi_bins(const std::vector<double>& z, const std::vector<double>& p_two_sided, bool fdr) {
  static constexpr double kAlpha[3] = {0.10, 0.05, 0.01};  // bins 1, 2, 3
  std::vector<int> bins(z.size(), 0);
  for (int level = 0; level < 3; ++level) {
    std::vector<bool> significant(z.size());
    if (fdr) {
      significant = fdr_significant(p_two_sided, kAlpha[level]);
    } else {
      for (size_t i = 0; i < z.size(); ++i) significant[i] = p_two_sided[i] < kAlpha[level];
    }
    for (size_t i = 0; i < z.size(); ++i) {
      if (significant[i] && !std::isnan(z[i])) bins[i] = (z[i] > 0 ? 1 : -1) * (level + 1);
    }
  }
  return bins;
}

std::string gi_bin_label(int bin) {
  static const char* kConfidence[4] = {"", "90%", "95%", "99%"};
  if (bin == 0) return "Not significant";
  return std::string(bin > 0 ? "Hot spot, " : "Cold spot, ") + kConfidence[std::abs(bin)] + " confidence";
}

std::vector<std::string> lisa_classes(const std::vector<std::string>& quadrant, const std::vector<double>& p,
                                      double alpha, bool fdr) {
  std::vector<bool> significant(p.size());
  if (fdr) {
    significant = fdr_significant(p, alpha);
  } else {
    for (size_t i = 0; i < p.size(); ++i) significant[i] = p[i] < alpha;
  }
  std::vector<std::string> out(p.size());
  for (size_t i = 0; i < p.size(); ++i) out[i] = significant[i] ? quadrant[i] : "not significant";
  return out;
}

}  // namespace hotspot
