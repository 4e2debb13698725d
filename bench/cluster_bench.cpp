// SPDX-License-Identifier: Apache-2.0
// DBSCAN (eps 100 m, min 10), NNI and NNH timings on the 194,375 shared benchmark points and on
// 5 million synthetic points; scikit-learn's DBSCAN on the same points is timed by
// bench/sklearn_dbscan.py in the same bench/run.sh. Points are loaded once, outside the timing.
#include <benchmark/benchmark.h>

#include "analyses/cluster/dbscan.hpp"
#include "analyses/cluster/nearest_neighbour_index.hpp"
#include "analyses/cluster/nnh.hpp"
#include "bench_data.hpp"

using namespace hotspot;

namespace {

constexpr double kCountyArea_m2 = 2159.436e6;  // Nottinghamshire LSOA 2011 layer

using bench::benchmark_points;

// 5 million points uniform over the county's bounding box: about 50 within 100 m of each.
const std::pair<std::vector<double>, std::vector<double>>& five_million() {
  static const auto pts = bench::uniform_points(5'000'000, 7);
  return pts;
}

void BM_Dbscan194k(benchmark::State& state) {
  const Incidents& p = benchmark_points();
  for (auto _ : state) benchmark::DoNotOptimize(dbscan(p.x, p.y, {100.0, 10}).clusters);
  state.counters["points"] = static_cast<double>(p.size());
}

void BM_Nni194k(benchmark::State& state) {
  const Incidents& p = benchmark_points();
  for (auto _ : state) benchmark::DoNotOptimize(nearest_neighbour_index(p.x, p.y, kCountyArea_m2).ratio);
}

void BM_Nnh194k(benchmark::State& state) {
  const Incidents& p = benchmark_points();
  NnhParams params;
  params.probability = 0.01;
  for (auto _ : state) benchmark::DoNotOptimize(nnh(p.x, p.y, kCountyArea_m2, params).clusters.size());
}

void BM_Dbscan5M(benchmark::State& state) {
  const auto& [x, y] = five_million();
  for (auto _ : state) benchmark::DoNotOptimize(dbscan(x, y, {100.0, 10}).clusters);
  state.counters["points"] = static_cast<double>(x.size());
}

}  // namespace

BENCHMARK(BM_Dbscan194k)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Nni194k)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Nnh194k)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Dbscan5M)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
