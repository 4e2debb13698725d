// SPDX-License-Identifier: Apache-2.0
#include "pipeline/study_options.hpp"

#include <climits>

#include "core/calendar.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {

const OptionSet<StudyConfig>& study_options() {
  static const OptionSet<StudyConfig> set = [] {
    OptionSet<StudyConfig> s;
    using C = StudyConfig;
    const std::string in = "Inputs", area = "Study area", dep = "Deprivation", filters = "Filters";
    s.add({.section = "incidents", .key = "sources", .flag = "--incidents", .kind = Kind::paths, .required = true,
           .help = "Incident sources: police.uk CSV files, folders (every *.csv below), globs, or any OGR point source "
                   "(GeoPackage, Shapefile, GeoJSON, PG:connection)",
           .example = "police-uk", .group = in},
          [](C& c) -> auto& { return c.inputs.incidents; });
    s.add({.section = "incidents", .key = "x", .flag = "--x",
           .help = "Projected X column of a generic CSV (CRS from crs, default EPSG:27700)", .example = "x", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.x; });
    s.add({.section = "incidents", .key = "y", .flag = "--y", .help = "Projected Y column of a generic CSV",
           .example = "y", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.y; });
    s.add({.section = "incidents", .key = "lon", .flag = "--lon",
           .help = "Longitude column (police.uk's Longitude is found without it; CRS default EPSG:4326)",
           .example = "Longitude", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.lon; });
    s.add({.section = "incidents", .key = "lat", .flag = "--lat", .help = "Latitude column", .example = "Latitude",
           .group = in},
          [](C& c) -> auto& { return c.inputs.columns.lat; });
    s.add({.section = "incidents", .key = "crs", .flag = "--crs",
           .help = "CRS of the coordinate columns, or of a layer that declares none", .example = "EPSG:27700",
           .group = in},
          [](C& c) -> auto& { return c.inputs.columns.crs; });
    s.add({.section = "incidents", .key = "layer", .flag = "--layer", .default_text = "the first",
           .help = "Layer of a multi-layer incident source", .example = "incidents", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.layer; });
    s.add({.section = "incidents", .key = "month_column", .flag = "--month-column", .help = "Month column, YYYY-MM",
           .example = "Month", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.month; });
    s.add({.section = "incidents", .key = "date_column", .flag = "--date-column",
           .help = "Date or date-time column (YYYY-MM-DD, DD/MM/YYYY, either with hh:mm, or an Excel serial); "
                   "its month replaces the month column",
           .example = "Date", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.date; });
    s.add({.section = "incidents", .key = "time_column", .flag = "--time-column",
           .help = "Time of day (hh:mm) of the date or from column; empty: the whole day", .example = "Time", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.time; });
    s.add({.section = "incidents", .key = "from_column", .flag = "--from-column",
           .help = "Start of the window each incident happened in (written as the date column); instead of "
                   "--date-column",
           .example = "Committed from", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.from; });
    s.add({.section = "incidents", .key = "to_column", .flag = "--to-column",
           .help = "End of the window (a date alone ends at its midnight); empty: an exact time", .example = "Committed to",
           .group = in},
          [](C& c) -> auto& { return c.inputs.columns.to; });
    s.add({.section = "incidents", .key = "to_time_column", .flag = "--to-time-column",
           .help = "Time of day of the to column", .example = "To time", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.to_time; });
    s.add({.section = "incidents", .key = "type_column", .flag = "--type-column", .help = "Crime type column",
           .example = "Crime type", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.type; });
    s.add({.section = "incidents", .key = "address_column", .flag = "--address-column",
           .help = "Address-only sources: the column holding the whole address, geocoded with [geocode] as the rows "
                   "are read",
           .example = "address", .group = in},
          [](C& c) -> auto& { return c.inputs.columns.address; });
    s.add_custom({.section = "incidents", .key = "address_columns", .flag = "--address-columns", .kind = Kind::texts,
                  .help = "Address-only sources: the columns holding parts of the address, in order", .example = "street,town",
                  .group = in},
                 [](C& c, const Value& v) {
                   for (const auto& a : std::get<std::vector<std::string>>(v.v)) c.inputs.columns.address.push_back(a);
                 });

    s.add({.section = "boundaries", .key = "source", .flag = "--boundaries", .kind = Kind::path, .required = true,
           .help = "Area polygons (any OGR source; reprojected to EPSG:27700)",
           .example = "../../shapefiles/nottinghamshire_lsoa11.shp", .group = area},
          [](C& c) -> auto& { return c.inputs.boundaries; });
    s.add({.section = "boundaries", .key = "layer", .flag = "--boundaries-layer", .default_text = "the first",
           .help = "Layer of a multi-layer boundary source", .example = "nottinghamshire_lsoa11", .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.layer; });
    s.add({.section = "boundaries", .key = "code_field", .flag = "--code-field", .default_text = "auto-detected",
           .help = "Area code field (LSOA11CD, LSOA21CD, ... are found without it)", .example = "LSOA11CD", .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.code_field; });
    s.add({.section = "boundaries", .key = "name_field", .flag = "--name-field", .default_text = "auto-detected",
           .help = "Area name field", .example = "LSOA11NM", .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.name_field; });
    s.add({.section = "boundaries", .key = "district_field", .flag = "--district-field", .default_text = "auto-detected",
           .help = "District code field (LADCD_ACTIVE, LADCD, LAD21CD, ... are found without it)",
           .example = "LADCD_ACTIVE", .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.district_field; });
    s.add({.section = "boundaries", .key = "crs", .flag = "--boundaries-crs",
           .help = "CRS of a boundary source that declares none (a Shapefile without .prj)", .example = "EPSG:27700",
           .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.crs; });
    s.add({.section = "boundaries", .key = "districts", .flag = "--districts", .kind = Kind::texts, .default_text = "all",
           .help = "Keep only the areas of these district codes", .example = "E07000170,E07000174", .group = area},
          [](C& c) -> auto& { return c.inputs.boundary_options.districts; });
    s.add({.section = "boundaries", .key = "study_area", .flag = "--study-area", .kind = Kind::path,
           .default_text = "the boundaries",
           .help = "Polygons bounding the study within the boundaries (any OGR source); incidents outside are rejected "
                   "and density grids cover it only",
           .example = "../../shapefiles/nottinghamshire_districts.shp", .group = area},
          [](C& c) -> auto& { return c.inputs.study_area; });
    s.add({.section = "boundaries", .key = "wards", .flag = "--wards", .kind = Kind::path, .default_text = "none",
           .help = "Ward polygons (any OGR source; WD25CD/WD25NM and LAD25NM, ... are found) naming hotspots, clusters "
                   "and cells by the ward holding most of their incidents",
           .example = "../../shapefiles/nottinghamshire_wards2025.shp", .group = area},
          [](C& c) -> auto& { return c.inputs.wards; });
    const std::string maps = "Maps";
    s.add({.section = "basemap", .key = "sources", .flag = "--basemap", .kind = Kind::paths, .default_text = "none",
           .help = "OGR layers the force holds (OS Open Roads, an OpenStreetMap extract, ...) drawn in grey under every "
                   "map of brief.html",
           .example = "../../shapefiles/nottinghamshire_lsoa11.shp", .group = maps},
          [](C& c) -> auto& { return c.inputs.basemap; });
    s.add({.section = "basemap", .key = "districts", .flag = "--map-districts", .kind = Kind::path, .default_text = "none",
           .help = "District polygons (LADNM, LAD25NM, ... name them) outlined and named on every map",
           .example = "../../shapefiles/nottinghamshire_districts.shp", .group = maps},
          [](C& c) -> auto& { return c.inputs.map_districts; });

    s.add({.section = "imd", .key = "ranks", .flag = "--imd", .kind = Kind::path,
           .help = "IoD2019 File_1 (IMD rank and decile) CSV",
           .example = "imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv", .group = dep},
          [](C& c) -> auto& { return c.inputs.imd; });
    s.add({.section = "imd", .key = "domains", .flag = "--imd-domains", .kind = Kind::path,
           .help = "IoD2019 File_2 (domain deciles) CSV", .example = "imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv",
           .group = dep},
          [](C& c) -> auto& { return c.inputs.imd_domains; });
    s.add({.section = "imd", .key = "population", .flag = "--population", .kind = Kind::path,
           .help = "IoD2019 File_6 (population denominators) CSV, for rates per 1,000",
           .example = "imd2019/File_6_-_IoD2019_Population_Denominators.csv", .group = dep},
          [](C& c) -> auto& { return c.inputs.population; });
    s.add({.section = "imd", .key = "areas", .flag = "--imd-areas", .kind = Kind::path, .default_text = "the boundaries",
           .help = "The areas the IMD's codes are on, when the boundaries are another vintage (IMD 2019: LSOA 2011); "
                   "deprivation is carried over by overlay (docs/method.md#lsoa-vintages)",
           .example = "../../shapefiles/nottinghamshire_lsoa11.shp", .group = dep},
          [](C& c) -> auto& { return c.inputs.imd_areas; });

    s.add({.section = "crime_types", .key = "types", .flag = "--types",
           .help = "Crime types: all, serious-violence (= Violence and sexual offences; Robbery; Possession of weapons), "
                   "or a list \"T1;T2\" that may include serious-violence",
           .example = "serious-violence", .group = filters},
          [](C& c) -> auto& { return c.types; });
    s.add({.section = "incidents", .key = "force", .flag = "--force", .default_text = "every force",
           .help = "Keep only the rows whose police.uk Falls within is this force (any case); others are filtered",
           .example = "Nottinghamshire Police", .group = filters},
          [](C& c) -> auto& { return c.inputs.filter.force; });
    s.add({.section = "period", .key = "from", .flag = "--from", .default_text = "open",
           .help = "First month (YYYY-MM) or, with a date column, first day (YYYY-MM-DD) kept, inclusive; rows outside "
                   "the period are counted as filtered",
           .example = "2023-07", .group = filters},
          [](C& c) -> auto& { return c.from; });
    s.add({.section = "period", .key = "to", .flag = "--to", .default_text = "open",
           .help = "Last month or day kept, written as --from is (inclusive)", .example = "2024-06", .group = filters},
          [](C& c) -> auto& { return c.to; });
    s.add({.section = "period", .key = "as_of", .flag = "--as-of", .kind = Kind::date,
           .default_text = "the last day with an incident",
           .help = "The day periods in days end on (\"last 28 days\" ends on it)", .example = "2024-06-30",
           .group = filters},
          [](C& c) -> auto& { return c.as_of; });

    const std::string gz = "Gazetteers";
    s.add({.section = "geocode", .key = "postcodes", .kind = Kind::path,
           .help = "Postcode units for address-only incidents and suspects: Code-Point Open CSV or an ONSPD-style table",
           .example = "codepoint-open/ng.csv", .group = gz},
          [](C& c) -> auto& { return c.inputs.geocode.postcodes; });
    s.add({.section = "geocode", .key = "streets", .kind = Kind::path,
           .help = "Street points or lines (hotspot gazetteer streets)", .example = "streets.csv", .group = gz},
          [](C& c) -> auto& { return c.inputs.geocode.streets; });
    s.add({.section = "geocode", .key = "addresses", .kind = Kind::path,
           .help = "Full addresses (UPRN, SAO, PAO, street, locality, town, postcode, x, y)", .example = "addresses.csv",
           .group = gz},
          [](C& c) -> auto& { return c.inputs.geocode.addresses; });
    s.add({.section = "geocode", .key = "localities", .kind = Kind::path,
           .help = "Ward and district names (Code-Point Open's codelist.csv): town words",
           .example = "codepoint-open/codelist.csv", .group = gz},
          [](C& c) -> auto& { return c.inputs.geocode.localities; });
    s.add({.section = "geocode", .key = "min_score", .kind = Kind::whole, .min = 0, .max = 100,
           .help = "Rows scoring less are rejected", .example = "60", .group = gz},
          [](C& c) -> auto& { return c.inputs.geocode.min_score; });
    return s;
  }();
  return set;
}

void finish_study(StudyConfig& c) {
  try {
    c.inputs.filter.types = parse_crime_types(c.types, "crime_types.types");
  } catch (const UsageError& e) {
    throw OptionError("crime_types.types", c.types, "names no crime type");
  }
  IncidentColumns& cols = c.inputs.columns;
  const bool dated = !cols.date.empty() || !cols.from.empty();
  if (!dated) {
    for (const auto& [key, value] : {std::pair{"time_column", cols.time}, {"to_column", cols.to}, {"to_time_column", cols.to_time}}) {
      if (!value.empty()) throw OptionError(std::string("incidents.") + key, value, "needs incidents.date_column or from_column");
    }
  }
  if (!cols.to_time.empty() && cols.to.empty()) throw OptionError("incidents.to_time_column", cols.to_time, "needs incidents.to_column");
  IncidentFilter& f = c.inputs.filter;
  const auto bound = [&](const std::string& key, const std::string& text, int& month, std::optional<int32_t>& day) {
    if (text.empty() || text == "open") return;
    if ((month = parse_month(text))) return;
    if (!(day = parse_iso_date(text))) throw OptionError(key, text, "not a month YYYY-MM or a date YYYY-MM-DD");
    if (!dated) throw OptionError(key, text, "is a day: name the incidents' date column (incidents.date_column)");
  };
  bound("period.from", c.from, f.from_month, f.from_day);
  bound("period.to", c.to, f.to_month, f.to_day);
  const int32_t first = f.from_day ? *f.from_day : f.from_month ? first_day_of_month(f.from_month) : INT32_MIN;
  const int32_t last = f.to_day ? *f.to_day : f.to_month ? last_day_of_month(f.to_month) : INT32_MAX;
  if (first > last) throw OptionError("period.from", c.from, "is after period.to " + c.to);
  if (dated) {  // with dates, months filter as the days they hold
    if (f.from_month) f.from_day = first;
    if (f.to_month) f.to_day = last;
    f.from_month = f.to_month = 0;
  }
  if (!c.as_of.empty()) c.inputs.as_of = parse_iso_date(c.as_of);
  if (!c.inputs.columns.address.empty() && !c.inputs.geocode.given()) {
    throw OptionError("geocode.postcodes", "", "address columns need gazetteers: name [geocode] postcodes");
  }
}

}  // namespace hotspot
