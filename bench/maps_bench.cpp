// SPDX-License-Identifier: Apache-2.0
// Rendering every map of the bundled example's pack (brief.html's maps/*.png): the example job
// runs once into build-bench/maps-pack, then each iteration draws all its maps (on every core, as a run does) from the pack's
// files with Mapnik and frames them with cairo, PNG encoding included. The figure to quote is the
// median of the repetitions ("maps_bench ... median").
#include <benchmark/benchmark.h>

#include "outputs/maps/map_render.hpp"
#include "pipeline/run_config.hpp"

using namespace hotspot;

namespace {

const RunReport& example_pack() {
  static const RunReport report = [] {
    ConfigPlan config = load_run_config(std::string(HOTSPOT_SOURCE_DIR) + "/examples/ashfield-mansfield/tasking.toml",
                                        "2024-07-01", "build-bench/maps-pack");
    return execute(config.plan);
  }();
  return report;
}

void BM_RenderExampleMaps(benchmark::State& state) {
  const RunReport& report = example_pack();
  const std::string pack = "build-bench/maps-pack/2024-07-01/";
  std::vector<const MapSpec*> specs;
  for (const StageReport& s : report.stages) {
    for (const MapSpec& spec : s.maps) specs.push_back(&spec);
  }
  size_t maps = 0, bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    const std::vector<std::string> png = render_maps(specs, report.map_context, [&](const std::string& name) { return pack + name; });
    for (const auto& p : png) bytes += p.size();
    maps = png.size();
  }
  state.counters["maps"] = static_cast<double>(maps);
  state.counters["png_bytes"] = static_cast<double>(bytes);
}

}  // namespace

BENCHMARK(BM_RenderExampleMaps)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true)->UseRealTime();
BENCHMARK_MAIN();
