// SPDX-License-Identifier: Apache-2.0
#include "analyses/stats/local_statistics.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace hotspot {
namespace {


// Area a's spatial lag Σ_j w_aj v_j with its weight sum W_a and sum of squares Σ_j w_aj².
struct Lag {
  double lag = 0, sum = 0, sum_squares = 0;
};

Lag lag_of(const SpatialWeights& w, size_t a, const std::vector<double>& v) {
  Lag l;
  for (size_t k = 0; k < w.neighbours[a].size(); ++k) {
    l.lag += w.weights[a][k] * v[w.neighbours[a][k]];
    l.sum += w.weights[a][k];
    l.sum_squares += w.weights[a][k] * w.weights[a][k];
  }
  return l;
}

}  // namespace

Deviations deviations(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  Deviations d;
  for (double v : x) d.mean += v;
  d.mean /= n;
  for (double v : x) {
    const double z = v - d.mean;
    d.z.push_back(z);
    d.m2 += z * z;
    d.m4 += z * z * z * z;
  }
  d.m2 /= n;
  d.m4 /= n;
  return d;
}

bool has_variance(const std::vector<double>& x) {
  return std::any_of(x.begin(), x.end(), [&](double v) { return v != x[0]; });
}

void check_values(const SpatialWeights& w, const std::vector<double>& x) {
  if (x.size() != w.size()) {
    throw DataError(std::to_string(x.size()) + " values for " + std::to_string(w.size()) + " areas");
  }
  if (x.size() < 3) throw DataError("spatial statistics need at least 3 areas");
  if (has_variance(x)) return;
  throw DataError("every area has the same value (" + std::to_string(x[0]) + "): no variance to test");
}

std::vector<double> getis_ord_gstar(const SpatialWeights& w, const std::vector<double>& x) {
  check_values(w, x);
  const double n = static_cast<double>(x.size());
  const Deviations d = deviations(x);
  std::vector<double> z(x.size());
  for (size_t a = 0; a < x.size(); ++a) {
    const Lag l = lag_of(w, a, x);
    z[a] = (l.lag - l.sum * d.mean) / std::sqrt(d.m2 * (n * l.sum_squares - l.sum * l.sum) / (n - 1));
  }
  return z;
}

LocalMoran local_moran(const SpatialWeights& w, const std::vector<double>& x) {
  check_values(w, x);
  const size_t count = x.size();
  const double n = static_cast<double>(count);
  const Deviations d = deviations(x);
  const std::vector<double>& z = d.z;
  const double m2 = d.m2;
  LocalMoran r;
  r.i.resize(count);
  r.expected.resize(count);
  r.variance.resize(count);
  r.z.resize(count);
  r.quadrant.resize(count);
  for (size_t a = 0; a < count; ++a) {
    const Lag l = lag_of(w, a, z);
    const double z2 = z[a] * z[a];
    r.i[a] = z[a] / m2 * l.lag;
    r.expected[a] = -(z2 * l.sum) / ((n - 1) * m2);
    r.variance[a] =
        (z[a] / m2) * (z[a] / m2) * (n / (n - 2)) * (l.sum_squares - l.sum * l.sum / (n - 1)) * (m2 - z2 / (n - 1));
    r.z[a] = (r.i[a] - r.expected[a]) / std::sqrt(r.variance[a]);  // NaN for an island (no neighbours)
    r.quadrant[a] = std::string(z[a] > 0 ? "H" : "L") + (l.lag > 0 ? "H" : "L");
  }
  return r;
}

GlobalMoran global_moran(const SpatialWeights& w, const std::vector<double>& x) {
  check_values(w, x);
  const size_t count = x.size();
  const double n = static_cast<double>(count);
  const Deviations d = deviations(x);
  const std::vector<double>& z = d.z;
  // S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)².
  std::vector<double> row(count, 0.0), col(count, 0.0);
  double s0 = 0, cross = 0, s1 = 0;
  for (size_t a = 0; a < count; ++a) {
    for (size_t k = 0; k < w.neighbours[a].size(); ++k) {
      const uint32_t b = w.neighbours[a][k];
      const double wab = w.weights[a][k];
      s0 += wab;
      cross += wab * z[a] * z[b];
      row[a] += wab;
      col[b] += wab;
      const auto& nb = w.neighbours[b];
      const auto at = std::lower_bound(nb.begin(), nb.end(), static_cast<uint32_t>(a));
      const double wba = (at != nb.end() && *at == a) ? w.weights[b][static_cast<size_t>(at - nb.begin())] : 0.0;
      s1 += (wab + wba) * (wab + wba);
    }
  }
  s1 /= 2;
  double s2 = 0;
  for (size_t a = 0; a < count; ++a) s2 += (row[a] + col[a]) * (row[a] + col[a]);
  GlobalMoran g;
  g.i = n / s0 * cross / (n * d.m2);
  g.expected = -1.0 / (n - 1);
  const double k = d.m4 / (d.m2 * d.m2);
  g.variance = (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - k * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)) /
                   ((n - 1) * (n - 2) * (n - 3) * s0 * s0) -
               g.expected * g.expected;
  g.z = (g.i - g.expected) / std::sqrt(g.variance);
  return g;
}

}  // namespace hotspot
