// SPDX-License-Identifier: Apache-2.0
// The Knox test of near repeats with 999 permutations on 50,000 events, a year of a force's
// violence: the first 50,000 of the shared benchmark points (snapped police.uk locations, so many
// share a point) with days drawn uniformly over a year (seeded), bands 0,100,200,400 m (Manhattan)
// and 0,7,14,30 days; on both cores and on one.
#include <benchmark/benchmark.h>

#include <random>

#include "analyses/time/knox.hpp"
#include "bench_data.hpp"

using namespace hotspot;

namespace {

struct Events {
  std::vector<double> x, y;
  std::vector<int32_t> day;
};

const Events& year_of_violence() {
  static const Events e = [] {
    const Incidents& inc = bench::benchmark_points();
    Events out;
    std::mt19937_64 rng(2024);
    for (size_t i = 0; i < 50000 && i < inc.size(); ++i) {
      out.x.push_back(inc.x[i]);
      out.y.push_back(inc.y[i]);
      out.day.push_back(static_cast<int32_t>(rng() % 365));
    }
    return out;
  }();
  return e;
}

void run(benchmark::State& state) {
  const Events& e = year_of_violence();
  KnoxOptions o;
  o.distance_bands = {0, 100, 200, 400};
  o.time_bands = {0, 7, 14, 30};
  o.permutations = 999;
  o.threads = static_cast<unsigned>(state.range(0));
  uint64_t pairs = 0;
  for (auto _ : state) {
    const KnoxResult r = knox_test(e.x, e.y, e.day, o);
    pairs = r.close_pairs;
    benchmark::DoNotOptimize(r.cells.data());
  }
  state.counters["events"] = static_cast<double>(e.x.size());
  state.counters["close_pairs"] = static_cast<double>(pairs);
}

}  // namespace

BENCHMARK(run)->Name("BM_Knox999_50k")->Arg(2)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
