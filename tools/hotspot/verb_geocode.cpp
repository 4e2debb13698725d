// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "pipeline/geocode_stage.hpp"
#include "core/errors.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/postgis_pack.hpp"
#include "pipeline/street_gazetteer.hpp"
#include "option_flags.hpp"
#include "verbs.hpp"

namespace hotspot::cli {

VerbAction add_geocode_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("geocode", "Place addresses offline: postcodes, streets, towns (personal data stays local)");
  verb->footer(
      "Writes DIR/geocoded.csv (the input rows with x, y in EPSG:27700, lon, lat, lsoa_code and imd_decile when\n"
      "--boundaries/--imd are given, match_level, score 0..100, locality and flags), DIR/rejects.csv (line and\n"
      "reason of each row not placed; no address unless --rejects-with-address) and DIR/summary.json (match\n"
      "rate by level; a warning under 85%). Addresses never appear on the terminal or in the summary.\n"
      "The matching cascade and scores are in docs/method.md.\n\n"
      "Example (the bundled made-up addresses and the example's Code-Point Open extract):\n"
      "  hotspot geocode --input examples/ashfield-mansfield/addresses.csv --address-column address \\\n"
      "    --postcodes examples/ashfield-mansfield/codepoint-open/ng17-19.csv \\\n"
      "    --localities examples/ashfield-mansfield/codepoint-open/codelist.csv \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output out/geocoded");
  auto options = std::make_shared<OptionFlags>();
  auto output = std::make_shared<std::string>();
  options->add(*verb, geocode_options().specs());
  auto schema = std::make_shared<std::string>("hotspot_geocode");
  verb->add_option("--output", *output,
                   "Output folder (created; a rerun replaces it whole, in one atomic step), or a PostGIS database, "
                   "\"PG:dbname=... host=...\", whose --schema a rerun replaces in one transaction")
      ->required()
      ->group("Output");
  verb->add_option("--schema", *schema, "With --output PG:...: the schema written (default hotspot_geocode)")->group("Output");
  return [verb, options, output, schema, &flags] {
    if (!*verb) return;
    GeocodeParams p;
    p.output_dir = *output;
    p.schema = *schema;
    options->apply(*verb, [&](const OptionSpec& spec, const Value& v) { geocode_options().set(p, spec.qualified(), v); });
    GeocodeReport r;
    try {
      r = run_geocode(p, terminal_progress(flags));
    } catch (const OptionError& e) {
      throw UsageError(flag_message(e, geocode_options().specs()));
    }
    print_timings(flags);
    if (flags.json) {
      fmt::print("{}\n", r.summary.Format(CPLJSONObject::PrettyFormat::Pretty));
      return;
    }
    if (flags.quiet) return;
    for (const auto& w : r.warnings) fmt::print(stderr, "warning: {}\n", w);
    fmt::print("rows read  {:>10}\n  geocoded {:>10}  ({:.1f}%)\n", r.rows, r.matched,
               r.rows ? 100.0 * static_cast<double>(r.matched) / static_cast<double>(r.rows) : 0.0);
    for (const auto& [level, n] : r.by_level) fmt::print("    {:>10}  {}\n", n, level);
    fmt::print("  rejected {:>10}\n", r.rows - r.matched);
    for (const auto& [reason, n] : r.rejected_by_reason) fmt::print("    {:>10}  {}\n", n, reason);
    fmt::print("gazetteers loaded in {:.2f} s; {:.0f} rows/s\n\nwrote:\n", r.load_seconds,
               r.geocode_seconds > 0 ? static_cast<double>(r.rows) / r.geocode_seconds : 0.0);
    for (const auto& path : r.outputs) fmt::print("  {}\n", path);
  };
}

VerbAction add_gazetteer_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("gazetteer", "Build gazetteers for geocode");
  verb->require_subcommand(1);
  CLI::App* streets = verb->add_subcommand("streets", "A street gazetteer from police.uk snap points");
  streets->footer(
      "Each police.uk row's 'On or near <street>' location is a point on that street; police.uk's generic places\n"
      "(Supermarket, Parking Area, Petrol Station, names with a '/', ...) are skipped. Writes FILE (CSV: street,\n"
      "district, x, y in EPSG:27700, incidents) for geocode --streets.\n\n"
      "Example:\n"
      "  hotspot gazetteer streets --incidents examples/ashfield-mansfield/police-uk \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output out/streets.csv");
  auto sources = std::make_shared<std::vector<std::string>>();
  auto boundaries = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  streets->add_option("--incidents", *sources, "police.uk CSV files, folders or globs")->required();
  streets->add_option("--boundaries", *boundaries, "Area polygons: keep points inside, with their district code");
  streets->add_option("--output", *output, "The gazetteer CSV to write (replaced atomically)")->required();
  for (CLI::App* sub : {streets}) {
    sub->add_flag("-q,--quiet", flags.quiet, "No summary on the terminal");
  }
  return [streets, sources, boundaries, output, &flags] {
    if (!*streets) return;
    if (is_database_output(*output)) throw UsageError("--output '" + *output + "': the gazetteer is a CSV file; name one");
    const StreetGazetteer g = build_street_gazetteer(*sources, *boundaries);
    const std::filesystem::path target(*output);
    OutputFolder out(target.parent_path().empty() ? "." : target.parent_path().string(), OutputFolder::Mode::files);
    write_street_gazetteer(out.stage(target.filename().string()), g);
    const auto paths = out.commit();
    print_timings(flags);
    if (flags.quiet) return;
    fmt::print("rows read {}: {} street points used; skipped {} without a location, {} generic places, {} without "
               "coordinates, {} outside the boundaries\n{} streets at {} distinct points\nwrote {}\n",
               g.rows, g.used, g.no_location, g.not_a_street, g.no_coordinates, g.outside, g.streets, g.points.size(),
               paths.front());
  };
}

}  // namespace hotspot::cli
