// SPDX-License-Identifier: Apache-2.0
#include "pipeline/study_data.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <future>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "inputs/source_list.hpp"
#include "outputs/numbers.hpp"
#include "places/area_locator.hpp"
#include "places/place_incidents.hpp"

namespace hotspot {

std::shared_ptr<const Geocoder> load_geocoder(const GeocodeGazetteers& g) {
  return std::make_shared<const Geocoder>(
      read_postcodes(g.postcodes, {}), g.streets.empty() ? std::vector<StreetRecord>{} : read_streets(g.streets),
      g.addresses.empty() ? std::vector<AddressRecord>{} : read_addresses(g.addresses),
      g.localities.empty() ? AreaNames{} : read_area_names(g.localities));
}

namespace {

// A missing input file is a usage error naming its option and path (a connection string or a
// GDAL virtual path is left to GDAL).
void require_files(const StudyInputs& in) {
  std::vector<std::pair<const char*, std::string>> files = {
      {"boundaries.source", in.boundaries},  {"boundaries.study_area", in.study_area}, {"boundaries.wards", in.wards},
      {"basemap.districts", in.map_districts}, {"imd.ranks", in.imd},                 {"imd.domains", in.imd_domains},
      {"imd.population", in.population},     {"imd.areas", in.imd_areas},             {"geocode.postcodes", in.geocode.postcodes},
      {"geocode.streets", in.geocode.streets}, {"geocode.addresses", in.geocode.addresses},
      {"geocode.localities", in.geocode.localities}};
  for (const auto& source : in.basemap) files.emplace_back("basemap.sources", source);
  for (const auto& [key, path] : files) {
    if (path.empty() || path.rfind("/vsi", 0) == 0 || path.find(':') != std::string::npos) continue;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw OptionError(key, path, "no such file or folder");
  }
}

}  // namespace

StudyData load_study(const StudyInputs& inputs, const Progress& progress, const PlacesReady& places_ready) {
  require_files(inputs);
  const std::vector<std::string> sources = expand_sources(inputs.incidents, "--incidents");
  StudyData study;
  // The areas, deprivation and study area are read on another thread while the incidents are;
  // `places_read` says when they are, so that the incidents are placed while that thread goes on
  // with places_ready (a stage's grid).
  std::promise<void> places_read;
  auto places = std::async(std::launch::async, [&] {
    try {
      if (!inputs.boundaries.empty()) study.boundaries = read_boundaries(inputs.boundaries, inputs.boundary_options);
      if (!inputs.imd.empty()) {
        study.imd = read_imd(inputs.imd, inputs.imd_domains, inputs.population);
        if (!inputs.imd_areas.empty()) {
          BoundaryOptions options;
          options.crs = inputs.boundary_options.crs;
          study.imd_areas = read_boundaries(inputs.imd_areas, options);
          study.imd_links = overlay_vintages(*study.imd_areas, study.boundaries);
          study.imd = carry_imd(study.imd, *study.imd_areas, study.boundaries, study.imd_links);
        }
        for (const auto& area : study.boundaries.areas) {
          if (!study.imd.find(area.code)) study.codes_without_imd.push_back(area.code);
        }
      }
      if (!inputs.study_area.empty()) {
        BoundaryOptions options;
        options.code_required = false;
        options.crs = inputs.boundary_options.crs;
        study.study_area = read_boundaries(inputs.study_area, options);
      }
      if (!inputs.wards.empty()) {
        BoundaryOptions options;
        options.crs = inputs.boundary_options.crs;
        study.wards = read_boundaries(inputs.wards, options);
      }
      if (!inputs.map_districts.empty()) {
        BoundaryOptions options;
        options.code_required = false;
        options.crs = inputs.boundary_options.crs;
        study.map_districts = read_boundaries(inputs.map_districts, options);
      }
    } catch (...) {
      places_read.set_exception(std::current_exception());
      return;
    }
    places_read.set_value();
    if (places_ready) places_ready(study);
  });
  std::exception_ptr incidents_error;
  try {
    IncidentColumns columns = inputs.columns;
    if (inputs.geocode.given()) {
      study.geocoder = load_geocoder(inputs.geocode);
      study.place_address = study.geocoder->placer(inputs.geocode.min_score);
      columns.place_address = study.place_address;
    }
    study.load = read_incidents(sources, columns, inputs.filter, progress);
  } catch (...) {
    incidents_error = std::current_exception();
  }
  places_read.get_future().get();  // a bad boundary or IMD file is reported first, as it is named first
  if (incidents_error) std::rethrow_exception(incidents_error);
  // The study area first, so that area_of lines up with the incidents kept.
  if (study.study_area) place_incidents(study.load, *study.study_area, progress);
  if (inputs.boundaries.empty()) {  // a verb that needs no areas (nearrepeat)
    study.area_of.assign(study.load.incidents.size(), -1);
  } else {
    study.area_of = place_incidents(study.load, study.boundaries, progress, &study.incidents_on_edges);
  }
  // A run that loads nothing is an error that says why (the types or months the data hold, ...).
  if (study.load.incidents.size() == 0) throw DataError("incidents: " + why_nothing_loaded(study.load.account, inputs.filter));
  if (study.wards) study.ward_of = AreaLocator(*study.wards).locate_all(study.load.incidents.x, study.load.incidents.y).area;
  places.get();  // places_ready's errors

  study.as_of = inputs.as_of ? inputs.as_of : inputs.filter.to_day;
  study.warnings = study.boundaries.warnings;
  if (study.study_area) {
    for (const auto& w : study.study_area->warnings) study.warnings.push_back("study area: " + w);
  }
  if (study.wards) {
    for (const auto& w : study.wards->warnings) study.warnings.push_back("wards: " + w);
    if (std::count(study.ward_of.begin(), study.ward_of.end(), -1) == static_cast<std::ptrdiff_t>(study.ward_of.size()) &&
        !study.ward_of.empty()) {
      study.warnings.push_back("wards '" + inputs.wards + "': no incident lies in any of its wards; places are named without wards");
    }
  }
  if (!study.codes_without_imd.empty()) {
    std::string list;
    for (size_t i = 0; i < study.codes_without_imd.size() && i < 10; ++i) list += (i ? ", " : "") + study.codes_without_imd[i];
    if (study.codes_without_imd.size() > 10) list += ", ...";
    study.warnings.push_back(std::to_string(study.codes_without_imd.size()) + " area codes have no IMD row (" + list +
                             "); kept with empty IMD fields");
  }
  study.warnings.insert(study.warnings.end(), study.load.account.warnings.begin(), study.load.account.warnings.end());
  if (!inputs.columns.address.empty()) {  // address-only incidents: a low hit rate can move hotspots
    const RowAccount& a = study.load.account;
    const uint64_t rows = a.read - a.filtered();
    const double rate = rows ? static_cast<double>(a.loaded) / static_cast<double>(rows) : 0.0;
    if (rows && rate < kReliableHitRate) {
      study.warnings.push_back(fmt::format("only {:.1f}% of incident addresses placed, under the 85% commonly cited as "
                                           "the minimum for reliable crime mapping (Ratcliffe 2004): the rows left out "
                                           "can move hotspots",
                                           100.0 * rate));
    }
  }
  return study;
}

}  // namespace hotspot
