// SPDX-License-Identifier: Apache-2.0
// Ingest and point-in-LSOA timings on the 18 months of police.uk data and on a synthetic
// 2-million-point set, with a naive baseline (STRtree + unprepared GEOSCovers per point, no
// de-duplication) measured in the same run. Run with bench/run.sh.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "inputs/boundaries.hpp"
#include "inputs/incidents.hpp"
#include "inputs/source_list.hpp"
#include "places/area_locator.hpp"
#include "bench_data.hpp"

using namespace hotspot;

namespace {

std::string shared(const std::string& p) { return std::string(HOTSPOT_SHARED_DATA) + "/" + p; }

const Boundaries& county() {
  static const Boundaries b = read_boundaries(shared("boundaries/nottinghamshire_lsoa11.geojson"), {});
  return b;
}

const Incidents& police_uk() {
  static const Incidents inc =
      read_incidents(expand_sources({shared("police-uk")}, "--incidents"), {}, {}).incidents;
  return inc;
}

// Uniform points over the county's bounding box, seeded: about 40% fall outside the county.
const std::pair<std::vector<double>, std::vector<double>>& synthetic() {
  static const auto pts = bench::uniform_points(2'000'000, 42);
  return pts;
}

// The baseline: what a straightforward GEOS program does per point.
std::vector<int32_t> naive_locate(const Boundaries& b, const std::vector<double>& x, const std::vector<double>& y) {
  GEOSContextHandle_t ctx = b.geos->get();
  StrTreePtr tree(GEOSSTRtree_create_r(ctx, 10), StrTreeDeleter{ctx});
  std::vector<size_t> ids(b.areas.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    ids[i] = i;
    GEOSSTRtree_insert_r(ctx, tree.get(), b.areas[i].geometry.get(), &ids[i]);
  }
  std::vector<int32_t> out(x.size(), -1);
  struct Query {
    GEOSContextHandle_t ctx;
    const Boundaries* b;
    const GEOSGeometry* point;
    int32_t found;
  };
  for (size_t i = 0; i < x.size(); ++i) {
    GeomPtr p(GEOSGeom_createPointFromXY_r(ctx, x[i], y[i]), GeomDeleter{ctx});
    Query q{ctx, &b, p.get(), -1};
    GEOSSTRtree_query_r(
        ctx, tree.get(), p.get(),
        [](void* item, void* data) {
          auto* query = static_cast<Query*>(data);
          const size_t a = *static_cast<size_t*>(item);
          if (query->found < 0 && GEOSCovers_r(query->ctx, query->b->areas[a].geometry.get(), query->point) == 1) {
            query->found = static_cast<int32_t>(a);
          }
        },
        &q);
    out[i] = q.found;
  }
  return out;
}

void BM_ReadPoliceUk18Months(benchmark::State& state) {
  const auto sources = expand_sources({shared("police-uk")}, "--incidents");
  for (auto _ : state) benchmark::DoNotOptimize(read_incidents(sources, {}, {}).incidents.size());
  state.counters["rows"] = 197026;
}

void BM_LocatePoliceUk(benchmark::State& state) {
  const Incidents& inc = police_uk();
  for (auto _ : state) {
    const AreaLocator locator(county());
    benchmark::DoNotOptimize(locator.locate_all(inc.x, inc.y).area.data());
  }
  state.counters["points"] = static_cast<double>(inc.size());
}

void BM_LocatePoliceUkNaive(benchmark::State& state) {
  const Incidents& inc = police_uk();
  for (auto _ : state) benchmark::DoNotOptimize(naive_locate(county(), inc.x, inc.y).data());
  state.counters["points"] = static_cast<double>(inc.size());
}

// The synthetic points written once as a generic x,y CSV, read back as hotspot reads any CSV.
void BM_ReadSynthetic2M(benchmark::State& state) {
  const auto& [x, y] = synthetic();
  const std::string path = "synthetic_2m.csv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("x,y\n", f);
    for (size_t i = 0; i < x.size(); ++i) std::fprintf(f, "%.1f,%.1f\n", x[i], y[i]);
    std::fclose(f);
  }
  IncidentColumns columns;
  columns.x = "x";
  columns.y = "y";
  columns.crs = "EPSG:27700";
  for (auto _ : state) benchmark::DoNotOptimize(read_incidents({path}, columns, {}).incidents.size());
  state.counters["rows"] = static_cast<double>(x.size());
  std::remove(path.c_str());
}

void BM_LocateSynthetic2M(benchmark::State& state) {
  const auto& [x, y] = synthetic();
  for (auto _ : state) {
    const AreaLocator locator(county());
    benchmark::DoNotOptimize(locator.locate_all(x, y).area.data());
  }
  state.counters["points"] = static_cast<double>(x.size());
}

void BM_LocateSynthetic2MNaive(benchmark::State& state) {
  const auto& [x, y] = synthetic();
  for (auto _ : state) benchmark::DoNotOptimize(naive_locate(county(), x, y).data());
  state.counters["points"] = static_cast<double>(x.size());
}

}  // namespace

BENCHMARK(BM_ReadPoliceUk18Months)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_LocatePoliceUk)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_LocatePoliceUkNaive)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReadSynthetic2M)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_LocateSynthetic2M)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_LocateSynthetic2MNaive)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
