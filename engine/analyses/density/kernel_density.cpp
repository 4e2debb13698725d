// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/kernel_density.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/locations.hpp"
#include "core/point_index.hpp"
#include "core/parallel.hpp"

namespace hotspot {
namespace {

// Distance from each centre to its k-th nearest other incident (other incidents at the same
// location count first, at distance 0).
std::vector<double> kth_neighbour_distance(const std::vector<double>& x, const std::vector<double>& y,
                                           const std::vector<double>& count, int k) {
  const PointIndex index(x, y);
  std::vector<double> out(x.size());
  std::vector<uint32_t> near;
  std::vector<double> d2;
  for (size_t i = 0; i < x.size(); ++i) {
    double have = count[i] - 1;
    double d = 0;
    // k other incidents need at most k + 1 locations, this one included.
    index.nearest(x[i], y[i], static_cast<size_t>(k) + 1, near, d2);
    for (size_t j = 0; j < near.size() && have < k; ++j) {
      if (near[j] == i) continue;
      have += count[near[j]];
      d = std::sqrt(d2[j]);
    }
    out[i] = d;
  }
  return out;
}

// f(std::integral_constant<Kernel, kernel>{}): the kernel as a template argument.
template <typename F>
decltype(auto) with_kernel(Kernel kernel, F&& f) {
  switch (kernel) {
    case Kernel::quartic: return f(std::integral_constant<Kernel, Kernel::quartic>{});
    case Kernel::epanechnikov: return f(std::integral_constant<Kernel, Kernel::epanechnikov>{});
    case Kernel::triangular: return f(std::integral_constant<Kernel, Kernel::triangular>{});
    case Kernel::uniform: return f(std::integral_constant<Kernel, Kernel::uniform>{});
    case Kernel::gaussian: break;
  }
  return f(std::integral_constant<Kernel, Kernel::gaussian>{});
}

// For each centre i in [first, last) and each grid row in [row0, row_last] within its reach that
// wanted(row) accepts, calls run(row, c0, c1, px, dy2, scale, inv_h2): the cells c0..c1 of the
// row (none when c0 > c1) are those whose centres lie within reach, and each gets
// scale * k((dx^2 + dy2) * inv_h2).
template <Kernel K, typename Wanted, typename Run>
void for_each_run(const KernelCentres& kc, const Grid& g, bool raw, size_t first, size_t last, int64_t row0,
                  int64_t row_last, Wanted&& wanted, Run&& run) {
  const double constant = kernel_constant(K) * 1e6;
  const double reach = kernel_reach(K);
  for (size_t i = first; i < last; ++i) {
    const double px = kc.x[i], py = kc.y[i], h = kc.bandwidth_of(i);
    const double inv_h2 = 1.0 / (h * h);
    const double r = reach * h, r2 = r * r;
    const double scale = raw ? kc.weight[i] : kc.weight[i] * constant * inv_h2;
    // Candidate rows and columns are taken one wider than the reach; the d2 <= r2 test decides.
    const int64_t ra = std::max(row0, static_cast<int64_t>(std::floor((g.north - py - r) / g.cell - 0.5)) - 1);
    const int64_t rb = std::min(row_last, static_cast<int64_t>(std::ceil((g.north - py + r) / g.cell - 0.5)) + 1);
    for (int64_t row = ra; row <= rb; ++row) {
      if (!wanted(row)) continue;
      const double dy = g.centre_y(row) - py;
      const double dy2 = dy * dy;
      if (dy2 > r2) continue;
      const double half = std::sqrt(r2 - dy2);
      const int64_t ca = std::max<int64_t>(0, static_cast<int64_t>(std::floor((px - half - g.west) / g.cell - 0.5)) - 1);
      const int64_t cb =
          std::min<int64_t>(g.cols - 1, static_cast<int64_t>(std::ceil((px + half - g.west) / g.cell - 0.5)) + 1);
      // d2 grows with the distance from the incident's column, also in floating point, so the
      // cells with d2 <= r2 form one run: trim the candidates to it.
      const auto d2_at = [&](int64_t col) {
        const double dx = g.centre_x(col) - px;
        return dx * dx + dy2;
      };
      int64_t c0 = ca, c1 = cb;
      while (c0 <= c1 && d2_at(c0) > r2) ++c0;
      while (c1 >= c0 && d2_at(c1) > r2) --c1;
      run(row, c0, c1, px, dy2, scale, inv_h2);
    }
  }
}

// One kernel's term at column `col` of a run: every sum adds exactly this, so that sums over
// the same centres agree to the bit whichever cells they are made for.
template <Kernel K>
inline double kernel_term(double west, double cell, double col, double px, double dy2, double scale, double inv_h2) {
  const double dx = (west + (col + 0.5) * cell) - px;
  return scale * kernel_profile(K, (dx * dx + dy2) * inv_h2);
}

template <Kernel K>
void add_kernels_of(const KernelCentres& kc, const Grid& g, bool raw, size_t first, size_t last, int64_t row0,
                    int64_t nrows, double* out) {
  const double west = g.west, cell = g.cell;  // locals: stores to `out` cannot alias them
  const int64_t cols = g.cols;
  for_each_run<K>(kc, g, raw, first, last, row0, row0 + nrows - 1, [](int64_t) { return true; },
                  [&](int64_t row, int64_t c0, int64_t c1, double px, double dy2, double scale, double inv_h2) {
                    double* line = out + (row - row0) * cols;
                    // A 32-bit column (grids are far narrower), so that the loop vectorises.
                    for (int32_t col = static_cast<int32_t>(c0); col <= static_cast<int32_t>(c1); ++col) {
                      line[col] += kernel_term<K>(west, cell, static_cast<double>(col), px, dy2, scale, inv_h2);
                    }
                  });
}

// The centres [first, last) that may reach grid rows row_first .. row_last (centres are sorted by y).
std::pair<size_t, size_t> centres_reaching(const KernelCentres& kc, const Grid& g, int64_t row_first, int64_t row_last) {
  const double y_low = g.centre_y(row_last) - kc.max_reach, y_high = g.centre_y(row_first) + kc.max_reach;
  return {static_cast<size_t>(std::lower_bound(kc.y.begin(), kc.y.end(), y_low) - kc.y.begin()),
          static_cast<size_t>(std::upper_bound(kc.y.begin(), kc.y.end(), y_high) - kc.y.begin())};
}

// The sums at `cells` (sorted by index) only: per row, the run's cells found by binary search.
// The cells' columns are held as doubles, so that the loop over a run's cells vectorises.
template <Kernel K>
std::vector<double> kernel_sums_at_of(const KernelCentres& kc, const Grid& g, bool raw, const std::vector<int64_t>& cells) {
  std::vector<double> out(cells.size(), 0.0);
  if (cells.empty()) return out;
  const int64_t first_row = cells.front() / g.cols, last_row = cells.back() / g.cols;
  std::vector<size_t> row_start(static_cast<size_t>(last_row - first_row + 2), 0);  // cells of row r: [start[r], start[r + 1])
  std::vector<double> col(cells.size());
  for (size_t k = 0; k < cells.size(); ++k) {
    ++row_start[static_cast<size_t>(cells[k] / g.cols - first_row) + 1];
    col[k] = static_cast<double>(cells[k] % g.cols);
  }
  for (size_t r = 1; r < row_start.size(); ++r) row_start[r] += row_start[r - 1];
  const auto [first, last] = centres_reaching(kc, g, first_row, last_row);
  const double west = g.west, cell = g.cell;
  double* const sums = out.data();
  const double* const cols = col.data();
  // Rows without any of the cells are skipped before their run is worked out: the cells asked
  // for (a ranking's top) gather in towns, and most rows a wide kernel reaches hold none.
  const auto has_cells = [&](int64_t row) {
    const size_t r = static_cast<size_t>(row - first_row);
    return row_start[r] != row_start[r + 1];
  };
  for_each_run<K>(kc, g, raw, first, last, first_row, last_row, has_cells,
                  [&](int64_t row, int64_t c0, int64_t c1, double px, double dy2, double scale, double inv_h2) {
                    const size_t r = static_cast<size_t>(row - first_row);
                    if (c0 > c1) return;
                    const int64_t base = row * g.cols;
                    const auto begin = cells.begin() + static_cast<std::ptrdiff_t>(row_start[r]);
                    const auto end = cells.begin() + static_cast<std::ptrdiff_t>(row_start[r + 1]);
                    const auto a = std::lower_bound(begin, end, base + c0);
                    const size_t k0 = static_cast<size_t>(a - cells.begin());
                    const size_t k1 = static_cast<size_t>(std::upper_bound(a, end, base + c1) - cells.begin());
                    for (size_t k = k0; k < k1; ++k) sums[k] += kernel_term<K>(west, cell, cols[k], px, dy2, scale, inv_h2);
                  });
  return out;
}

}  // namespace

CentreGroups::CentreGroups(const std::vector<double>& x, const std::vector<double>& y) {
  // One centre per location, in the (y, x) order add_kernels needs.
  const Locations loc = distinct_locations(x, y);
  std::vector<uint32_t> order(loc.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return loc.y[a] < loc.y[b] || (loc.y[a] == loc.y[b] && loc.x[a] < loc.x[b]); });
  std::vector<uint32_t> rank(loc.size());
  auto xy = std::make_shared<Coordinates>();
  xy->x.reserve(loc.size());
  xy->y.reserve(loc.size());
  count_.reserve(loc.size());
  for (uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    xy->x.push_back(loc.x[order[r]]);
    xy->y.push_back(loc.y[order[r]]);
    count_.push_back(static_cast<double>(loc.weight[order[r]]));
  }
  xy_ = std::move(xy);
  of_point_.resize(loc.of_point.size());
  for (size_t i = 0; i < of_point_.size(); ++i) of_point_[i] = rank[loc.of_point[i]];
}

KernelCentres CentreGroups::centres(const DensityParams& params, const std::vector<double>* point_weight) const {
  if (!(params.bandwidth_m > 0) || !std::isfinite(params.bandwidth_m)) {
    throw OptionError("kde.bandwidth", fmt::format("{}", params.bandwidth_m), "must be a positive number of metres");
  }
  if (params.adaptive_k < 0) throw OptionError("kde.adaptive", std::to_string(params.adaptive_k), "must be >= 0");
  KernelCentres kc;
  kc.x = xy_->x;
  kc.y = xy_->y;
  kc.keep = xy_;
  if (point_weight) {
    kc.weight.assign(kc.size(), 0.0);
    for (size_t i = 0; i < of_point_.size(); ++i) kc.weight[of_point_[i]] += (*point_weight)[i];
  } else {
    kc.weight = count_;
  }
  kc.fixed_bandwidth = params.bandwidth_m;
  if (params.adaptive_k > 0) {
    const std::vector<double> d = kth_neighbour_distance(xy_->x, xy_->y, count_, params.adaptive_k);
    kc.bandwidth.resize(kc.size());
    for (size_t i = 0; i < kc.size(); ++i) kc.bandwidth[i] = std::max(params.bandwidth_m, d[i]);
  }
  const double reach = kernel_reach(params.kernel);
  kc.max_reach = kc.size() ? params.bandwidth_m * reach : 0.0;
  for (double h : kc.bandwidth) kc.max_reach = std::max(kc.max_reach, h * reach);
  return kc;
}

KernelCentres kernel_centres(const std::vector<double>& x, const std::vector<double>& y, const DensityParams& params,
                             const std::vector<double>* point_weight) {
  return CentreGroups(x, y).centres(params, point_weight);
}

void add_kernels(const KernelCentres& kc, const Grid& g, const DensityParams& params, int64_t row0, int64_t nrows,
                 double* out) {
  // Only centres within reach of the band's rows can touch it.
  const std::pair<size_t, size_t> reaching = centres_reaching(kc, g, row0, row0 + nrows - 1);
  with_kernel(params.kernel, [&](auto k) {
    add_kernels_of<decltype(k)::value>(kc, g, params.raw, reaching.first, reaching.second, row0, nrows, out);
  });
}

namespace {

constexpr int64_t kBandRows = 32;

// Runs band_done(row0, nrows, sums) for each band of kBandRows rows, sums holding the kernel sums
// of `centres` in it, on every core; band_done is called from many threads, each band once.
template <typename BandDone>
void for_each_band(const KernelCentres& centres, const Grid& grid, const DensityParams& params, BandDone&& band_done) {
  const int64_t bands = (grid.rows + kBandRows - 1) / kBandRows;
  std::atomic<int64_t> next{0};
  auto work = [&] {
    std::vector<double> band(static_cast<size_t>(kBandRows * grid.cols));
    for (int64_t b = next++; b < bands; b = next++) {
      const int64_t row0 = b * kBandRows;
      const int64_t nrows = std::min(kBandRows, grid.rows - row0);
      std::fill(band.begin(), band.end(), 0.0);
      add_kernels(centres, grid, params, row0, nrows, band.data());
      band_done(row0, nrows, band.data());
    }
  };
  parallel_for(worker_count(static_cast<size_t>(bands)), [&](size_t) { work(); });
}

DensitySurface empty_surface(const Grid& grid, std::vector<uint8_t> mask) {
  DensitySurface s;
  s.grid = grid;
  s.mask = std::move(mask);
  s.study_cells = std::count_if(s.mask.begin(), s.mask.end(), [](uint8_t m) { return m != 0; });
  s.value.resize(static_cast<size_t>(grid.cells()));  // every cell is written by its band
  return s;
}

}  // namespace

DensitySurface density_surface(const KernelCentres& centres, const Grid& grid, std::vector<uint8_t> mask,
                               const DensityParams& params, const Progress& progress) {
  DensitySurface s = empty_surface(grid, std::move(mask));
  const int64_t bands = (grid.rows + kBandRows - 1) / kBandRows;
  int64_t done = 0;  // under progress_mutex
  std::mutex progress_mutex;
  for_each_band(centres, grid, params, [&](int64_t row0, int64_t nrows, const double* band) {
    const size_t offset = static_cast<size_t>(row0 * grid.cols);
    for (size_t k = 0; k < static_cast<size_t>(nrows * grid.cols); ++k) {
      s.value[offset + k] = s.mask[offset + k] ? static_cast<float>(band[k]) : 0.0f;
    }
    if (progress) {
      const std::lock_guard lock(progress_mutex);
      report(progress, "kernel density", static_cast<double>(++done) / static_cast<double>(bands));
    }
  });
  return s;
}

std::vector<double> kernel_sums(const KernelCentres& centres, const Grid& grid, const DensityParams& params) {
  CellVector<double> out;
  kernel_sums(centres, grid, params, out);
  return {out.begin(), out.end()};
}

void kernel_sums(const KernelCentres& centres, const Grid& grid, const DensityParams& params, CellVector<double>& out) {
  out.resize(static_cast<size_t>(grid.cells()));  // every cell is written below: each band in full
  for_each_band(centres, grid, params, [&](int64_t row0, int64_t nrows, const double* band) {
    std::copy(band, band + nrows * grid.cols, out.begin() + row0 * grid.cols);
  });
}

std::vector<double> kernel_sums_at(const KernelCentres& centres, const Grid& grid, const DensityParams& params,
                                   const std::vector<int64_t>& cells) {
  return with_kernel(params.kernel, [&](auto k) { return kernel_sums_at_of<decltype(k)::value>(centres, grid, params.raw, cells); });
}

}  // namespace hotspot
