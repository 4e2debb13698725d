// SPDX-License-Identifier: Apache-2.0
#include "study_options.hpp"

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot::cli {
namespace {

int month_flag(const std::string& value, const std::string& flag) {
  if (value.empty()) return 0;
  const int m = parse_month(value);
  if (!m) throw UsageError(flag + " '" + value + "': not a month YYYY-MM");
  return m;
}

}  // namespace

void StudyOptions::add_to(CLI::App& app, bool imd_required) {
  StudyInputs& in = inputs;
  app.add_option("--incidents", in.incidents,
                 "Incident sources: police.uk CSV files, folders of monthly folders, globs, or any OGR point "
                 "source (GeoPackage, Shapefile, GeoJSON, PG:connection)")
      ->required()->group("Inputs");
  app.add_option("--x", in.columns.x, "Projected X column of a generic CSV (CRS from --crs, default EPSG:27700)")->group("Inputs");
  app.add_option("--y", in.columns.y, "Projected Y column of a generic CSV")->group("Inputs");
  app.add_option("--lon", in.columns.lon, "Longitude column (default for police.uk: Longitude, EPSG:4326)")->group("Inputs");
  app.add_option("--lat", in.columns.lat, "Latitude column (default for police.uk: Latitude)")->group("Inputs");
  app.add_option("--crs", in.columns.crs, "CRS of the coordinate columns, or of a layer that has none")->group("Inputs");
  app.add_option("--layer", in.columns.layer, "Layer of a multi-layer incident source (default: the first)")->group("Inputs");
  app.add_option("--month-column", in.columns.month, "Month column, YYYY-MM")->capture_default_str()->group("Inputs");
  app.add_option("--type-column", in.columns.type, "Crime type column")->capture_default_str()->group("Inputs");

  app.add_option("--boundaries", in.boundaries, "Area polygons (any OGR source; reprojected to EPSG:27700)")
      ->required()->group("Study area");
  app.add_option("--code-field", in.boundary_options.code_field, "Area code field (default: LSOA11CD, LSOA21CD, ... auto-detected)")->group("Study area");
  app.add_option("--name-field", in.boundary_options.name_field, "Area name field (default: auto-detected)")->group("Study area");
  app.add_option("--district-field", in.boundary_options.district_field, "District code field (default: LADCD_ACTIVE, LADCD, ... auto-detected)")->group("Study area");
  app.add_option("--boundaries-crs", in.boundary_options.crs, "CRS of a boundary source that declares none")->group("Study area");
  app.add_option("--study-area", in.study_area,
                 "Polygons bounding the study within the boundaries (any OGR source); incidents outside are "
                 "rejected and density grids cover it only (default: the boundaries)")->group("Study area");
  app.add_option("--districts", in.boundary_options.districts, "Keep only areas of these district codes, e.g. E07000170,E07000174")
      ->delimiter(',')->group("Study area");

  app.add_option("--imd", in.imd, "IoD2019 File_1 (IMD rank and decile) CSV")->required(imd_required)->group("Deprivation");
  app.add_option("--imd-domains", in.imd_domains, "IoD2019 File_2 (domain deciles) CSV")->group("Deprivation");
  app.add_option("--population", in.population, "IoD2019 File_6 (population denominators) CSV")->group("Deprivation");

  app.add_option("--types", types, "Crime types: all, serious-violence (= Violence and sexual offences; Robbery; Possession of weapons), "
                 "or a list \"T1;T2\" that may include serious-violence")
      ->capture_default_str()->group("Filters");
  app.add_option("--from", from, "First month, YYYY-MM (inclusive)")->group("Filters");
  app.add_option("--to", to, "Last month, YYYY-MM (inclusive)")->group("Filters");
}

void StudyOptions::finish() {
  inputs.filter.types = parse_crime_types(types, "--types");
  inputs.filter.from_month = month_flag(from, "--from");
  inputs.filter.to_month = month_flag(to, "--to");
  if (inputs.filter.from_month && inputs.filter.to_month && inputs.filter.from_month > inputs.filter.to_month) {
    throw UsageError("--from '" + from + "' is after --to '" + to + "'");
  }
}

RunPlan StudyOptions::single_step_plan(const std::string& step, const std::string& output) const {
  RunPlan plan;
  plan.command = step;
  plan.inputs = inputs;
  plan.types_spec = types;
  plan.steps = {step};
  plan.output_dir = output;
  plan.step_folders = false;
  return plan;
}

}  // namespace hotspot::cli
