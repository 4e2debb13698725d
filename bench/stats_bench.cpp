// SPDX-License-Identifier: Apache-2.0
// Queen weights + Gi* + local Moran with 999 permutations each, on the 679 Nottinghamshire
// LSOAs (their 18-month serious-violence counts) and on a synthetic layer of 35,000 squares,
// about England's number of LSOAs.
#include <benchmark/benchmark.h>

#include <random>

#include "analyses/areas/area_counts.hpp"
#include "analyses/stats/local_statistics.hpp"
#include "analyses/stats/permutation.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/study_data.hpp"

using namespace hotspot;

namespace {

struct Layer {
  Boundaries boundaries;
  std::vector<double> x;
};

const Layer& nottinghamshire() {
  static const Layer layer = [] {
    StudyInputs in;
    in.incidents = {std::string(HOTSPOT_SHARED_DATA) + "/police-uk"};
    in.boundaries = std::string(HOTSPOT_SHARED_DATA) + "/boundaries/nottinghamshire_lsoa11.geojson";
    in.filter.types = parse_crime_types("serious-violence", "--types");
    StudyData s = load_study(in);
    const AreaCounts c = count_by_area(s.load.incidents, s.area_of, s.boundaries.areas.size());
    return Layer{std::move(s.boundaries), std::vector<double>(c.total.begin(), c.total.end())};
  }();
  return layer;
}

const Layer& synthetic_35k() {  // 187 x 188 squares of 500 m, Poisson(20) values, seeded
  static const Layer layer = [] {
    Layer l;
    l.boundaries.geos = std::make_shared<GeosContext>();
    GEOSContextHandle_t ctx = l.boundaries.geos->get();
    std::mt19937_64 rng(35000);
    std::poisson_distribution<int> counts(20);
    for (int r = 0; r < 187; ++r) {
      for (int c = 0; c < 188; ++c) {
        Area a;
        a.code = std::to_string(r * 188 + c);
        a.geometry = GeomPtr(GEOSGeom_createRectangle_r(ctx, c * 500.0, r * 500.0, (c + 1) * 500.0, (r + 1) * 500.0),
                             GeomDeleter{ctx});
        l.boundaries.areas.push_back(std::move(a));
        l.x.push_back(counts(rng));
      }
    }
    return l;
  }();
  return layer;
}

void run_all(const Layer& layer) {
  const SpatialWeights queen = contiguity_weights(layer.boundaries, Contiguity::queen);
  const SpatialWeights self = with_self(queen), row = row_standardised(queen);
  benchmark::DoNotOptimize(getis_ord_gstar(self, layer.x).data());
  benchmark::DoNotOptimize(local_moran(row, layer.x).z.data());
  benchmark::DoNotOptimize(gstar_pseudo_p(self, layer.x).data());
  benchmark::DoNotOptimize(local_moran_pseudo_p(row, layer.x).data());
}

void BM_WeightsGiMoran999_Lsoa679(benchmark::State& state) {
  for (auto _ : state) run_all(nottinghamshire());
}

void BM_WeightsGiMoran999_Synthetic35k(benchmark::State& state) {
  for (auto _ : state) run_all(synthetic_35k());
}

}  // namespace

BENCHMARK(BM_WeightsGiMoran999_Lsoa679)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_WeightsGiMoran999_Synthetic35k)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
