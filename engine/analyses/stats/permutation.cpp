// SPDX-License-Identifier: Apache-2.0
#include "analyses/stats/permutation.hpp"

#include <algorithm>
#include <limits>
#include <random>

#include "analyses/stats/local_statistics.hpp"
#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "core/seeds.hpp"

namespace hotspot {
namespace {

// Pseudo p-values of stat_i = Σ_{j ≠ i} w_ij v_j (the part permutation changes), for every i.
std::vector<double> pseudo_p(const SpatialWeights& w, const std::vector<double>& v, const PermutationParams& params) {
  if (params.permutations < 1) throw OptionError("stats.permutations", std::to_string(params.permutations), "must be >= 1");
  const size_t n = v.size();
  std::vector<double> p(n, 1.0);
  const auto work = [&](size_t from, size_t to) {
    std::vector<uint32_t> drawn;
    for (size_t i = from; i < to; ++i) {
      std::vector<double> weights;
      double observed = 0;
      for (size_t k = 0; k < w.neighbours[i].size(); ++k) {
        if (w.neighbours[i][k] == i) continue;
        weights.push_back(w.weights[i][k]);
        observed += w.weights[i][k] * v[w.neighbours[i][k]];
      }
      if (weights.empty() || weights.size() > n - 1) {  // an island: no test
        p[i] = std::numeric_limits<double>::quiet_NaN();
        continue;
      }
      std::mt19937_64 rng(splitmix64(params.seed ^ splitmix64(i)));
      std::uniform_int_distribution<uint32_t> other(0, static_cast<uint32_t>(n - 2));
      int at_least = 0, at_most = 0;
      for (int r = 0; r < params.permutations; ++r) {
        drawn.clear();
        double s = 0;
        for (double wk : weights) {
          uint32_t j;
          do {
            j = other(rng);
            if (j >= i) ++j;  // skip area i itself
          } while (std::find(drawn.begin(), drawn.end(), j) != drawn.end());
          drawn.push_back(j);
          s += wk * v[j];
        }
        at_least += s >= observed;
        at_most += s <= observed;
      }
      p[i] = (1.0 + std::min(at_least, at_most)) / (params.permutations + 1.0);
    }
  };
  const size_t threads = worker_count(n, 1, params.threads);
  parallel_for(threads, [&](size_t k) { work(slice_begin(n, k, threads), slice_begin(n, k + 1, threads)); });
  return p;
}

}  // namespace

std::vector<double> gstar_pseudo_p(const SpatialWeights& w, const std::vector<double>& x,
                                   const PermutationParams& params) {
  check_values(w, x);
  return pseudo_p(w, x, params);  // Gi*'s mean and variance are fixed: its z is monotone in the lag
}

std::vector<double> local_moran_pseudo_p(const SpatialWeights& w, const std::vector<double>& x,
                                         const PermutationParams& params) {
  check_values(w, x);
  // I_i = (z_i / m2) Σ w_ij z_j: for fixed i a scaling of the lag, reversed when z_i < 0, which
  // the folded count absorbs.
  return pseudo_p(w, deviations(x).z, params);
}

}  // namespace hotspot
