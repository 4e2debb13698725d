// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/cell_vector.hpp"
#include "core/grid.hpp"
#include "analyses/density/kernel.hpp"
#include "core/progress.hpp"

namespace hotspot {

struct DensityParams {
  Kernel kernel = Kernel::quartic;
  double bandwidth_m = 0;  // the bandwidth; with adaptive_k, the smallest bandwidth a location may get
  int adaptive_k = 0;      // > 0: each location's bandwidth is the distance to its k-th nearest other incident
  bool raw = false;        // the plain kernel sum (QGIS heatmap "Raw"); otherwise incidents per km2
};

// The incidents as kernel centres: one per distinct location (police.uk snaps many incidents
// to one point), carrying the number of incidents there. Summing a location's kernel once,
// scaled by that number, is exact: it is the same sum grouped. Sorted by y, then x.
// The coordinates are shared with the CentreGroups they come from (a national year's centres are
// millions, and a run makes several surfaces of them); a fixed bandwidth is held once.
struct KernelCentres {
  std::span<const double> x, y;
  std::vector<double> weight;
  std::vector<double> bandwidth;  // per centre with adaptive bandwidths; else empty, each `fixed_bandwidth`
  double fixed_bandwidth = 0;
  double max_reach = 0;  // the largest kernel reach in metres
  std::shared_ptr<const void> keep;  // what x and y point into
  size_t size() const { return x.size(); }
  double bandwidth_of(size_t i) const { return bandwidth.empty() ? fixed_bandwidth : bandwidth[i]; }
};

// Throws UsageError when the bandwidth is not positive or adaptive_k is negative.
// With `point_weight` (one per point), a centre weighs its points' weights instead of their number.
KernelCentres kernel_centres(const std::vector<double>& x, const std::vector<double>& y, const DensityParams& params,
                             const std::vector<double>* point_weight = nullptr);

// The points grouped into kernel centres once, for the centres of several surfaces of the same
// points (other bandwidths, other weights): centres(params, w) is kernel_centres(x, y, params, w).
class CentreGroups {
 public:
  CentreGroups(const std::vector<double>& x, const std::vector<double>& y);
  KernelCentres centres(const DensityParams& params, const std::vector<double>* point_weight = nullptr) const;

 private:
  struct Coordinates {
    std::vector<double> x, y;
  };
  std::shared_ptr<const Coordinates> xy_;  // per centre, sorted by y, then x
  std::vector<double> count_;              // per centre, its points
  std::vector<uint32_t> of_point_;     // per point, its centre
};

// Adds every centre's kernel value at every cell centre within its reach, for grid rows
// row0 .. row0 + nrows - 1, to out[(row - row0) * grid.cols + col]: cell c gets
//   sum over centres i with d2 <= (reach * h_i)^2 of  scale_i * k(d2 / h_i^2),
//   d2 = (centre_x(col) - x_i)^2 + (centre_y(row) - y_i)^2,
//   scale_i = weight_i (raw) or weight_i * C / h_i^2 * 1e6 (incidents per km2),
// with the centres taken in their sorted order, so the sums do not depend on threads.
void add_kernels(const KernelCentres& centres, const Grid& grid, const DensityParams& params, int64_t row0,
                 int64_t nrows, double* out);

// A density surface on `grid`: value[cell] for cells with mask[cell] != 0 (the study area),
// 0 elsewhere. Values are stored as float, as written to the GeoTIFF.
struct DensitySurface {
  Grid grid;
  CellVector<float> value;
  std::vector<uint8_t> mask;
  int64_t study_cells = 0;  // cells with mask != 0
};

// The surface over the whole grid, in bands of rows on every core; memory beyond the
// surface itself is one band per thread.
DensitySurface density_surface(const KernelCentres& centres, const Grid& grid, std::vector<uint8_t> mask,
                               const DensityParams& params, const Progress& progress = {});

// The kernel sums of `centres` at every cell of the grid (no mask), in double, on every core.
std::vector<double> kernel_sums(const KernelCentres& centres, const Grid& grid, const DensityParams& params);
// The same into `out` (resized to the grid), reusing its memory.
void kernel_sums(const KernelCentres& centres, const Grid& grid, const DensityParams& params, CellVector<double>& out);

// The kernel sums of `centres` at `cells` only (sorted by cell index, no mask), each exactly as
// kernel_sums gives it there: the same kernels added in the same order. Costs the cells the
// centres reach, not the grid.
std::vector<double> kernel_sums_at(const KernelCentres& centres, const Grid& grid, const DensityParams& params,
                                   const std::vector<int64_t>& cells);

}  // namespace hotspot
