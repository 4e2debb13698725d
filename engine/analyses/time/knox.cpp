// SPDX-License-Identifier: Apache-2.0
#include "analyses/time/knox.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "core/point_index.hpp"
#include "core/seeds.hpp"

namespace hotspot {
namespace {

// The band [b_k, b_k+1) holding v, or -1.
int band_of(const std::vector<double>& b, double v) {
  if (v < b.front() || v >= b.back()) return -1;
  return static_cast<int>(std::upper_bound(b.begin(), b.end(), v) - b.begin()) - 1;
}

struct ClosePair {
  uint32_t i, j;
};

constexpr size_t kLanes = 32;  // permutations counted in one pass over the pairs

// A uniform draw in [0, bound) from the generator's high 32 bits, exact (Lemire's multiply with
// rejection), and the same on every platform, unlike std::uniform_int_distribution.
uint32_t below(std::mt19937_64& rng, uint32_t bound) {
  uint64_t m = (rng() >> 32) * bound;
  if (static_cast<uint32_t>(m) < bound) {
    const uint32_t threshold = (0u - bound) % bound;
    while (static_cast<uint32_t>(m) < threshold) m = (rng() >> 32) * bound;
  }
  return static_cast<uint32_t>(m >> 32);
}

using Lane = int16_t;  // a day, from the first one

KnoxResult knox_in_order(const std::vector<double>& x, const std::vector<double>& y, const std::vector<Lane>& day,
                         const KnoxOptions& o, const std::vector<Lane>& cuts, const Progress& progress);

}  // namespace

std::string knox_band_problem(const std::vector<double>& b, bool distance) {
  if (b.size() < 2) return "give at least two breaks (e.g. 0,100,200)";
  for (size_t i = 0; i < b.size(); ++i) {
    if (std::isnan(b[i]) || b[i] < 0) return "breaks must be numbers >= 0";
    if (i && !(b[i] > b[i - 1])) return "breaks must ascend";
  }
  if (distance && !std::isfinite(b.back())) return "the last break must be finite (pairs are found within it)";
  return "";
}

KnoxResult knox_test(const std::vector<double>& x, const std::vector<double>& y, const std::vector<int32_t>& day,
                     const KnoxOptions& o, const Progress& progress) {
  for (const bool distance : {true, false}) {
    const std::string problem = knox_band_problem(distance ? o.distance_bands : o.time_bands, distance);
    if (!problem.empty()) throw UsageError(std::string(distance ? "distance" : "time") + " bands: " + problem);
  }
  if (o.permutations < 2) throw UsageError("permutations: at least 2 are needed");
  const size_t n = x.size();
  if (n > std::numeric_limits<uint32_t>::max()) throw UsageError("knox: more than 4,294,967,295 events");
  if (o.time_bands.size() > 128) throw UsageError("time bands: at most 127 bands");
  // Days from the first day, in 16 bits; whole days apart d lie in time band t when
  // cut[t] <= d < cut[t + 1] (whole days, so a break of 7.5 acts as 8; a cut beyond the span as the span + 1).
  int32_t first_day = 0, last_day = 0;
  if (n) {
    first_day = *std::min_element(day.begin(), day.end());
    last_day = *std::max_element(day.begin(), day.end());
  }
  if (static_cast<int64_t>(last_day) - first_day > 32766) throw UsageError("knox: the dates span more than 89 years");
  std::vector<Lane> cuts;
  for (double b : o.time_bands) cuts.push_back(static_cast<Lane>(std::min(std::ceil(b), 32767.0)));
  // The events in the order of a Z-curve over cells of the largest distance, so that the events
  // of a close pair lie near one another in memory (the counting below reads both at random
  // otherwise). The counts do not depend on the order; the permutations are drawn in it.
  std::vector<uint32_t> order(n);
  {
    double x0 = 0, y0 = 0;
    if (n) {
      x0 = *std::min_element(x.begin(), x.end());
      y0 = *std::min_element(y.begin(), y.end());
    }
    const double reach = o.distance_bands.back() > 0 ? o.distance_bands.back() : 1;
    std::vector<uint64_t> key(n);
    for (size_t i = 0; i < n; ++i) {
      const auto cell = [&](double v, double v0) {
        return static_cast<uint64_t>(std::min(std::max((v - v0) / reach, 0.0), 4294967295.0));
      };
      const uint64_t cx = cell(x[i], x0), cy = cell(y[i], y0);
      uint64_t z = 0;
      for (int b = 0; b < 32; ++b) z |= ((cx >> b) & 1) << (2 * b) | ((cy >> b) & 1) << (2 * b + 1);
      key[i] = z;
    }
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  }
  std::vector<double> sx(n), sy(n);
  std::vector<Lane> sday(n);
  for (size_t i = 0; i < n; ++i) {
    sx[i] = x[order[i]];
    sy[i] = y[order[i]];
    sday[i] = static_cast<Lane>(day[order[i]] - first_day);
  }
  return knox_in_order(sx, sy, sday, o, cuts, progress);
}

namespace {

KnoxResult knox_in_order(const std::vector<double>& x, const std::vector<double>& y, const std::vector<Lane>& day,
                         const KnoxOptions& o, const std::vector<Lane>& cuts, const Progress& progress) {
  const size_t n = x.size();
  const size_t nd = o.distance_bands.size() - 1, nt = o.time_bands.size() - 1;
  const size_t first_cut = cuts.front() == 0 ? 1 : 0;  // no pair is less than 0 days apart
  // The close pairs, found once: each event's neighbours within the largest distance (for the
  // Manhattan metric too, since |dx| + |dy| >= the Euclidean distance), grouped by distance band,
  // in index order.
  report(progress, "near repeats: pairs", 0);
  const double reach = o.distance_bands.back();
  const PointIndex index(x, y);
  const size_t workers = worker_count(n, 4096, o.threads);
  std::vector<std::vector<std::vector<ClosePair>>> found(workers, std::vector<std::vector<ClosePair>>(nd));
  parallel_for(workers, [&](size_t w) {
    for (size_t i = slice_begin(n, w, workers); i < slice_begin(n, w + 1, workers); ++i) {
      index.within(x[i], y[i], reach * reach, [&](uint32_t j, double d2) {
        if (j <= i) return;
        const double d = o.metric == KnoxMetric::euclidean ? std::sqrt(d2) : std::abs(x[i] - x[j]) + std::abs(y[i] - y[j]);
        const int band = band_of(o.distance_bands, d);
        if (band >= 0) found[w][static_cast<size_t>(band)].push_back({static_cast<uint32_t>(i), j});
      });
    }
  });
  std::vector<std::vector<ClosePair>> pairs(nd);
  uint64_t close_pairs = 0;
  for (size_t band = 0; band < nd; ++band) {
    for (auto& f : found) {
      std::sort(f[band].begin(), f[band].end(), [](const ClosePair& a, const ClosePair& b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
      pairs[band].insert(pairs[band].end(), f[band].begin(), f[band].end());
      std::vector<ClosePair>().swap(f[band]);
    }
    close_pairs += pairs[band].size();
  }

  // Counts kLanes day arrays at once (lanes[i * kLanes + k]: event i's day, from the first day, in
  // array k), so that each pass over the pairs serves kLanes permutations, 16-bit lanes in vector
  // registers: table[(band * nt + t) * kLanes + k].
  const auto count = [&](const std::vector<Lane>& lanes, std::vector<uint64_t>& table) {
    std::fill(table.begin(), table.end(), 0);
    const size_t m_cuts = cuts.size();
    std::vector<uint64_t> under(m_cuts * kLanes);  // pairs with d < cut[m], per lane
    for (size_t band = 0; band < nd; ++band) {
      std::fill(under.begin(), under.end(), 0);
      alignas(64) Lane acc[128][kLanes] = {};
      const auto flush = [&] {
        for (size_t m = 0; m < m_cuts; ++m) {
          for (size_t k = 0; k < kLanes; ++k) {
            under[m * kLanes + k] += static_cast<uint64_t>(acc[m][k]);
            acc[m][k] = 0;
          }
        }
      };
      size_t since_flush = 0;
      for (const ClosePair& p : pairs[band]) {
        const Lane* a = lanes.data() + static_cast<size_t>(p.i) * kLanes;
        const Lane* b = lanes.data() + static_cast<size_t>(p.j) * kLanes;
        alignas(64) Lane apart[kLanes];
        for (size_t k = 0; k < kLanes; ++k) {
          const Lane v = static_cast<Lane>(a[k] - b[k]);
          apart[k] = static_cast<Lane>(v < 0 ? -v : v);
        }
        for (size_t m = first_cut; m < m_cuts; ++m) {
          const Lane cut = cuts[m];
          for (size_t k = 0; k < kLanes; ++k) acc[m][k] = static_cast<Lane>(acc[m][k] + (apart[k] < cut));
        }
        if (++since_flush == 32767) {  // before a 16-bit count can overflow
          flush();
          since_flush = 0;
        }
      }
      flush();
      for (size_t t = 0; t < nt; ++t) {
        for (size_t k = 0; k < kLanes; ++k) {
          table[(band * nt + t) * kLanes + k] = under[(t + 1) * kLanes + k] - under[t * kLanes + k];
        }
      }
    }
  };
  std::vector<uint64_t> table(nd * nt * kLanes);
  std::vector<Lane> lanes(n * kLanes);
  for (size_t i = 0; i < n; ++i) {
    std::fill(lanes.begin() + static_cast<std::ptrdiff_t>(i * kLanes), lanes.begin() + static_cast<std::ptrdiff_t>((i + 1) * kLanes), day[i]);
  }
  count(lanes, table);
  std::vector<uint64_t> observed(nd * nt);
  for (size_t c = 0; c < nd * nt; ++c) observed[c] = table[c * kLanes];

  // Permutation r shuffles the days with its own generator seeded from (seed, r), and blocks of
  // kLanes permutations are counted together: the tables do not depend on the thread count.
  std::vector<uint64_t> simulated(static_cast<size_t>(o.permutations) * nd * nt);
  const uint64_t blocks = (o.permutations + kLanes - 1) / kLanes;
  std::atomic<uint64_t> next{0}, done{0};
  const size_t perm_workers = worker_count(static_cast<size_t>(blocks), 1, o.threads);
  parallel_for(perm_workers, [&](size_t w) {
    std::vector<Lane> days(n), block_lanes(n * kLanes);
    std::vector<uint64_t> block_table(nd * nt * kLanes);
    for (uint64_t b; (b = next++) < blocks;) {
      for (size_t k = 0; k < kLanes; ++k) {
        const uint64_t r = std::min<uint64_t>(b * kLanes + k, o.permutations - 1);  // the last block's spare lanes repeat
        std::mt19937_64 rng(splitmix64(o.seed ^ splitmix64(r + 1)));
        days = day;
        for (size_t i = n; i > 1; --i) std::swap(days[i - 1], days[below(rng, static_cast<uint32_t>(i))]);
        for (size_t i = 0; i < n; ++i) block_lanes[i * kLanes + k] = days[i];
      }
      count(block_lanes, block_table);
      for (size_t k = 0; k < kLanes && b * kLanes + k < o.permutations; ++k) {
        const uint64_t r = b * kLanes + k;
        for (size_t c = 0; c < nd * nt; ++c) simulated[r * nd * nt + c] = block_table[c * kLanes + k];
      }
      const uint64_t d = ++done;
      if (w == 0) report(progress, "near repeats: permutations", static_cast<double>(d) / static_cast<double>(blocks));
    }
  });

  KnoxResult result;
  result.events = n;
  result.close_pairs = close_pairs;
  for (size_t c = 0; c < nd * nt; ++c) {
    KnoxCell cell;
    cell.distance_band = c / nt;
    cell.time_band = c % nt;
    cell.observed = observed[c];
    double sum = 0;
    for (uint64_t r = 0; r < o.permutations; ++r) {
      const uint64_t v = simulated[r * nd * nt + c];
      sum += static_cast<double>(v);
      cell.at_least += v >= cell.observed;
    }
    cell.expected = sum / static_cast<double>(o.permutations);
    if (cell.expected > 0) cell.ratio = static_cast<double>(cell.observed) / cell.expected;
    cell.p_value = static_cast<double>(cell.at_least + 1) / static_cast<double>(o.permutations + 1);
    result.cells.push_back(cell);
  }
  return result;
}

}  // namespace

}  // namespace hotspot
