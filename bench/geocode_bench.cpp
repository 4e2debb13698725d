// SPDX-License-Identifier: Apache-2.0
// Offline geocoding: loading the gazetteers (Code-Point Open NG, its code list, and the street
// gazetteer built from the 18 months of police.uk), and geocoding 1,000,000 messy addresses on
// one core: the 4,000 test-set addresses (tests/places/address_testset.csv.gz) with 250
// different house numbers each.
#include <benchmark/benchmark.h>

#include "core/gdal_handles.hpp"
#include "pipeline/street_gazetteer.hpp"
#include "places/geocoder.hpp"

using namespace hotspot;

namespace {

const std::string kData = HOTSPOT_SHARED_DATA;

const std::string& streets_csv() {
  static const std::string path = [] {
    const std::string p = "/tmp/hotspot_bench_streets.csv";
    write_street_gazetteer(p, build_street_gazetteer({kData + "/police-uk"}, ""));
    return p;
  }();
  return path;
}

std::unique_ptr<Geocoder> load() {
  return std::make_unique<Geocoder>(read_postcodes(kData + "/codepoint-open/ng.csv", {}), read_streets(streets_csv()),
                                    std::vector<AddressRecord>{},
                                    read_area_names(kData + "/codepoint-open/codelist.csv"));
}

void BM_GazetteerLoad(benchmark::State& state) {
  streets_csv();
  for (auto _ : state) benchmark::DoNotOptimize(load());
}

void BM_Geocode1M(benchmark::State& state) {
  init_gdal();
  const std::string path = "/vsigzip/" + std::string(HOTSPOT_SOURCE_DIR) + "/tests/places/address_testset.csv.gz";
  GDALDatasetUniquePtr ds = open_vector(path, "test set");
  std::vector<std::string> base;
  for (auto& f : *pick_layer(*ds, "", path)) base.emplace_back(f->GetFieldAsString("address"));
  std::vector<std::string> addresses;
  addresses.reserve(1'000'000);
  for (int k = 0; addresses.size() < 1'000'000; ++k) {
    for (const auto& a : base) {
      if (addresses.size() == 1'000'000) break;
      const size_t digit = a.find_first_of("0123456789");
      // Another house number where the address starts with one; others as they are.
      addresses.push_back(digit == 0 ? std::to_string(1 + (k * 7 + 3) % 250) + a.substr(a.find(' ')) : a);
    }
  }
  const std::unique_ptr<Geocoder> g = load();
  uint64_t matched = 0;
  for (auto _ : state) {
    matched = 0;
    for (const auto& a : addresses) matched += g->geocode(a).level != MatchLevel::none;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(addresses.size()));
  state.counters["matched"] = static_cast<double>(matched);
}

}  // namespace

BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_Geocode1M)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
