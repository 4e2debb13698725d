// SPDX-License-Identifier: Apache-2.0
// Kernel density surfaces: the 194,375 benchmark incidents on the Nottinghamshire grid (quartic,
// 300 m, 25 m cells: the QGIS comparison's case), and 5 million uniform points on a 50-million-cell
// grid (8 m cells over the county's box, 100 m bandwidth).
#include <benchmark/benchmark.h>

#include "analyses/density/kernel_density.hpp"
#include "bench_data.hpp"
#include "inputs/boundaries.hpp"
#include "places/area_raster.hpp"

using namespace hotspot;

namespace {

void run(benchmark::State& state, const std::vector<double>& x, const std::vector<double>& y, const Grid& g,
         double bandwidth) {
  DensityParams p;
  p.bandwidth_m = bandwidth;
  p.raw = true;
  const std::vector<uint8_t> mask(static_cast<size_t>(g.cells()), 1);
  for (auto _ : state) {
    DensitySurface s = density_surface(kernel_centres(x, y, p), g, mask, p);
    benchmark::DoNotOptimize(s.value.data());
  }
  state.counters["points"] = static_cast<double>(x.size());
  state.counters["cells"] = static_cast<double>(g.cells());
}

void BM_KdeSurface_Notts194k_300m_25m(benchmark::State& state) {
  const Incidents& inc = bench::benchmark_points();
  const Boundaries lsoas =
      read_boundaries(std::string(HOTSPOT_SHARED_DATA) + "/boundaries/nottinghamshire_lsoa11.geojson", {});
  run(state, inc.x, inc.y, grid_over(lsoas.extent(), 25, 200'000'000), 300);
}

void BM_KdeSurface_5Mpoints_50Mcells_100m(benchmark::State& state) {
  const auto [x, y] = bench::uniform_points(5'000'000, 11);
  const Grid g = grid_over({437000, 327000, 480000, 400000}, 8, 200'000'000);  // 5,375 x 9,125 cells
  run(state, x, y, g, 100);
}

}  // namespace

BENCHMARK(BM_KdeSurface_Notts194k_300m_25m)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_KdeSurface_5Mpoints_50Mcells_100m)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
