// SPDX-License-Identifier: Apache-2.0
// hotspot: place-based analysis of serious violence. Exit codes: 0 ok, 1 usage error, 2 data error.
#include <malloc.h>

#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "core/cell_vector.hpp"
#include "core/errors.hpp"
#include "core/network.hpp"
#include "core/secrets.hpp"
#include "core/version.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/vector_layer.hpp"
#include "pipeline/stage.hpp"
#include "app_docs.hpp"
#include "verbs.hpp"

int main(int argc, char** argv) {
  // The stages allocate and free grids of millions of cells and per-fold tables of megabytes one
  // after another, on both cores; memory that goes back to the system comes back as page faults.
  // So: grow the heap 64 MB at a time; take blocks below 4 MB from the heap rather than mmap
  // (glibc's own sliding threshold does so, but setting M_TOP_PAD turns it off); and give back a
  // heap's free top (the main one or a thread's) only past 256 MB. The county pack: system time
  // 1.4 -> 0.8 s, wall 10-15% less, peak memory the same. (A 32 MB threshold was as fast, but
  // the national year's kde held 932 MB at its peak against 850 MB so and 801 MB before.)
  // The `hotspot` launcher (tools/launcher) starts this binary with glibc.malloc.hugetlb=1, so
  // that the heaps themselves sit on transparent huge pages: a tenth of the faults again.
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(hotspot::kLargeBlock));  // LargePages puts blocks this large on huge pages
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  using namespace hotspot;
  CLI::App app{"hotspot: hotspot analysis of serious violence for tasking meetings and partnerships"};
  app.footer("Run 'hotspot VERB --help' for a verb's flags and an example.");
  app.require_subcommand(1);
  cli::CommonFlags flags;
  app.add_flag("-q,--quiet", flags.quiet, "No progress, warnings or summary on the terminal");
  app.add_flag("--json", flags.json, "Print the run summary as JSON on stdout");
  app.set_version_flag("--version", [] { return version_text(); }, "Print the version, the commit and the GDAL, GEOS and PROJ versions");
  std::vector<cli::VerbAction> verbs;
  for (const auto& name : stage_names()) {
    if (make_stage(name)->info().verb) verbs.push_back(cli::add_stage_verb(app, name, flags));
  }
  verbs.push_back(cli::add_geocode_verb(app, flags));
  verbs.push_back(cli::add_gazetteer_verb(app, flags));
  verbs.push_back(cli::add_run_verb(app, flags));
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->add_flag("-q,--quiet", flags.quiet, "No progress, warnings or summary on the terminal");
    sub->add_flag("--json", flags.json, "Print the run summary as JSON on stdout");
    sub->add_flag("--allow-network", flags.allow_network,
                  "Read sources over a network (http://, https://, /vsicurl/, /vsis3/, ...); without it only local files and "
                  "PG: databases are read");
    sub->add_option("--csv", flags.csv,
                    "Tables for Excel: 'excel' writes a byte order mark and shares as percentages (32.43%); 'plain' (the "
                    "default) UTF-8 and fractions")
        ->check(CLI::IsMember({"plain", "excel"}));
    sub->add_option("--format", flags.format,
                    "How layers are written: 'geojson' (the default) one RFC 7946 file each in EPSG:4326; 'gpkg' one "
                    "GeoPackage, pack.gpkg, with every layer and its QGIS style; 'fgb' or 'shp' one FlatGeobuf or "
                    "Shapefile each; all but GeoJSON in EPSG:27700")
        ->check(CLI::IsMember(layer_format_names()));
    sub->add_flag("--timings", flags.timings,
                  "After the run, print on stderr the wall time of each step and of each long part of one");
  }
  // The build makes the man page and the bash completion from the command line as declared.
  if (argc == 2 && (std::string(argv[1]) == "--man-page" || std::string(argv[1]) == "--bash-completion")) {
    fmt::print("{}", std::string(argv[1]) == "--man-page" ? cli::man_page(app) : cli::bash_completion(app));
    return 0;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A misspelt flag explains the other errors (a required flag "missing"): name it first.
    if (const std::string unknown = cli::unknown_flag_message(app); !unknown.empty()) {
      fmt::print(stderr, "hotspot: {}\n", unknown);
      return 1;
    }
    app.exit(e);
    return 1;
  }
  try {
    set_network_allowed(flags.allow_network);
    if (flags.csv == "excel") set_csv_style(CsvStyle::excel);
    if (!flags.format.empty()) set_layer_format(parse_layer_format(flags.format, "--format"));
    for (const auto& run : verbs) run();
  } catch (const UsageError& e) {
    fmt::print(stderr, "hotspot: {}\n", redact_secrets(e.what()));
    return 1;
  } catch (const DataError& e) {
    fmt::print(stderr, "hotspot: {}\n", redact_secrets(e.what()));
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "hotspot: internal error: {}\n", redact_secrets(e.what()));
    return 2;
  }
  return 0;
}
