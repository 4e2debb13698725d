// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "pipeline/geocode_stage.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/street_gazetteer.hpp"
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
      "Example:\n"
      "  hotspot geocode --input custody.csv --address-column address \\\n"
      "    --postcodes codepoint-open/ng.csv --localities codepoint-open/codelist.csv \\\n"
      "    --streets streets.csv --boundaries shapefiles/nottinghamshire_lsoa11.shp --output out/geocoded");
  auto p = std::make_shared<GeocodeParams>();
  auto column = std::make_shared<std::string>();
  verb->add_option("--input", p->input, "Table of addresses: CSV or any OGR source")->required()->group("Input");
  verb->add_option("--layer", p->layer, "Layer of a multi-layer input")->group("Input");
  verb->add_option("--address-column", *column, "The column holding the whole address")->group("Input");
  verb->add_option("--address-columns", p->address_columns, "Columns holding parts of the address, in order, comma-separated")
      ->delimiter(',')->group("Input");
  verb->add_option("--postcodes", p->postcodes, "Postcode units: OS Code-Point Open CSV (no header) or ONSPD-style CSV")
      ->required()->group("Gazetteers");
  verb->add_option("--postcode-column", p->postcode_columns.postcode, "Postcode column of a postcode table with a header")
      ->group("Gazetteers");
  verb->add_option("--streets", p->streets, "Street points or lines (see 'hotspot gazetteer streets')")->group("Gazetteers");
  verb->add_option("--addresses", p->addresses, "Full addresses (UPRN, SAO, PAO, street, locality, town, postcode, x, y)")
      ->group("Gazetteers");
  verb->add_option("--localities", p->localities, "Ward and district names (Code-Point Open codelist.csv): town words")
      ->group("Gazetteers");
  verb->add_option("--boundaries", p->boundaries, "LSOA polygons: adds each row's lsoa_code")->group("Places");
  verb->add_option("--imd", p->imd, "IoD2019 File_1: adds each row's imd_decile (needs --boundaries)")->group("Places");
  verb->add_option("--min-score", p->min_score, "Rows scoring less are rejected (town 30, sector 50, postcode 75-80, ...)")
      ->capture_default_str()->group("Matching");
  verb->add_option("--max-street-distance", p->options.street_postcode_max_m,
                   "A street matches within a postcode only this close to it (metres); farther is flagged")
      ->capture_default_str()->group("Matching");
  verb->add_flag("--drop-address", p->drop_address, "Leave the address column(s) out of geocoded.csv")->group("Output");
  verb->add_flag("--rejects-with-address", p->rejects_with_address,
                 "Also write the address into rejects.csv (a private copy for fixing them)")->group("Output");
  verb->add_option("--output", p->output_dir, "Output folder (created; files replaced atomically)")->required()->group("Output");
  return [verb, p, column, &flags] {
    if (!*verb) return;
    if (!column->empty()) p->address_columns.insert(p->address_columns.begin(), *column);
    const GeocodeReport r = run_geocode(*p, terminal_progress(flags));
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
      "  hotspot gazetteer streets --incidents police-uk \\\n"
      "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output streets.csv");
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
    const StreetGazetteer g = build_street_gazetteer(*sources, *boundaries);
    const std::filesystem::path target(*output);
    OutputFolder out(target.parent_path().empty() ? "." : target.parent_path().string());
    write_street_gazetteer(out.stage(target.filename().string()), g);
    const auto paths = out.commit();
    if (flags.quiet) return;
    fmt::print("rows read {}: {} street points used; skipped {} without a location, {} generic places, {} without "
               "coordinates, {} outside the boundaries\n{} streets at {} distinct points\nwrote {}\n",
               g.rows, g.used, g.no_location, g.not_a_street, g.no_coordinates, g.outside, g.streets, g.points.size(),
               paths.front());
  };
}

}  // namespace hotspot::cli
