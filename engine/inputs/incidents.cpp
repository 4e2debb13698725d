// SPDX-License-Identifier: Apache-2.0
#include "inputs/incidents.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

// How one source gives its coordinates, resolved against its fields.
struct CoordinateSource {
  int x_field = -1, y_field = -1;  // -1, -1: the feature geometry
  std::string x_name, y_name;
  OGRSpatialReference crs;
};

enum class Parse { ok, empty, bad, non_finite };

Parse parse_number(const char* text, double& out) {
  std::string_view s(text ? text : "");
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.empty()) return Parse::empty;
  if (s.front() == '+') s.remove_prefix(1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size()) return Parse::bad;
  return std::isfinite(out) ? Parse::ok : Parse::non_finite;
}

CoordinateSource resolve_coordinates(OGRLayer& layer, const IncidentColumns& c, const std::string& path) {
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  CoordinateSource out;
  auto need = [&](const std::string& name, const char* flag) {
    const int i = find_field(defn, {name});
    if (i < 0) throw DataError("incidents '" + path + "': no column '" + name + "' (" + flag + ")");
    return i;
  };
  std::string default_crs;
  if (!c.x.empty() || !c.y.empty()) {
    if (c.x.empty() || c.y.empty()) throw UsageError("--x and --y go together");
    out.x_field = need(c.x, "--x");
    out.y_field = need(c.y, "--y");
    out.x_name = c.x;
    out.y_name = c.y;
    default_crs = kWorkingCrs;
  } else if (!c.lon.empty() || !c.lat.empty()) {
    if (c.lon.empty() || c.lat.empty()) throw UsageError("--lon and --lat go together");
    out.x_field = need(c.lon, "--lon");
    out.y_field = need(c.lat, "--lat");
    out.x_name = c.lon;
    out.y_name = c.lat;
    default_crs = "EPSG:4326";
  } else if (find_field(defn, {"Longitude"}) >= 0 && find_field(defn, {"Latitude"}) >= 0) {
    out.x_field = find_field(defn, {"Longitude"});
    out.y_field = find_field(defn, {"Latitude"});
    out.x_name = "Longitude";
    out.y_name = "Latitude";
    default_crs = "EPSG:4326";
  } else if (layer.GetGeomType() != wkbNone) {
    if (!c.crs.empty()) {
      default_crs = c.crs;
    } else if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
      out.crs = *srs;
      out.crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      return out;
    } else {
      throw DataError("incidents '" + path + "': the layer has no CRS; name it with --crs");
    }
  } else {
    throw DataError("incidents '" + path +
                    "': no coordinates: no Longitude/Latitude columns and no geometry; use --x/--y or --lon/--lat");
  }
  out.crs = crs_from_user(c.crs.empty() ? default_crs : c.crs, "--crs");
  return out;
}

class IncidentReader {
 public:
  IncidentReader(const IncidentColumns& columns, const IncidentFilter& filter)
      : columns_(columns), filter_(filter) {}

  void read_source(const std::string& path, uint32_t file_index);
  IncidentLoad finish();

 private:
  uint16_t type_index(const std::string& name);
  void note_crime_id(const char* id, double x, double y);

  const IncidentColumns& columns_;
  const IncidentFilter& filter_;
  IncidentLoad load_;
  std::unordered_map<std::string, uint16_t> type_lookup_;
  std::unordered_map<std::string, std::pair<double, double>> first_location_;
};

uint16_t IncidentReader::type_index(const std::string& name) {
  auto [it, inserted] = type_lookup_.try_emplace(name, static_cast<uint16_t>(type_lookup_.size()));
  if (inserted) {
    if (type_lookup_.size() > 65535) throw DataError("incidents: more than 65,535 distinct crime types");
    load_.incidents.type_names.push_back(name);
  }
  return it->second;
}

void IncidentReader::note_crime_id(const char* id, double x, double y) {
  if (!id || !*id) return;
  auto [it, inserted] = first_location_.try_emplace(id, x, y);
  if (inserted) return;
  if (it->second.first == x && it->second.second == y) {
    ++load_.account.repeated_ids_same_location;
  } else {
    ++load_.account.repeated_ids_other_location;
  }
}

void IncidentReader::read_source(const std::string& path, uint32_t file_index) {
  // Every CSV column is read as text so that a bad number is a per-row reject, not a guess.
  auto ds = open_vector(path, "incidents", {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO"});
  OGRLayer* layer = pick_layer(*ds, columns_.layer, path);
  const bool is_csv = EQUAL(ds->GetDriver()->GetDescription(), "CSV");
  const CoordinateSource coords = resolve_coordinates(*layer, columns_, path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const int type_field = find_field(defn, {columns_.type});
  const int month_field = find_field(defn, {columns_.month});
  const int id_field = find_field(defn, {columns_.crime_id});
  if (filter_.types && type_field < 0) {
    throw DataError("incidents '" + path + "': no column '" + columns_.type +
                    "' to filter crime types on (--type-column, or --types all)");
  }
  const bool month_filter = filter_.from_month || filter_.to_month;
  if (month_filter && month_field < 0) {
    throw DataError("incidents '" + path + "': no column '" + columns_.month +
                    "' to filter months on (--month-column, or drop --from/--to)");
  }

  // Rows that pass the filters and parse; transformed in one batch at the end.
  std::vector<double> xs, ys;
  std::vector<int32_t> months;
  std::vector<uint16_t> types;
  std::vector<uint64_t> lines;
  RowAccount& account = load_.account;
  layer->ResetReading();
  for (auto& feature : *layer) {
    ++account.read;
    const GIntBig fid = feature->GetFID();
    const uint64_t line = static_cast<uint64_t>(is_csv ? fid + 1 : fid);
    std::string type_name;
    if (type_field >= 0) type_name = as_utf8(feature->GetFieldAsString(type_field));
    if (filter_.types && !filter_.types->count(type_name)) {
      ++account.filtered_by_type;
      continue;
    }
    int month = 0;
    if (month_field >= 0) month = parse_month(feature->GetFieldAsString(month_field));
    if (month_filter) {
      if (month == 0) {
        account.reject(path, line, columns_.month, "unparseable month (want YYYY-MM)");
        continue;
      }
      if ((filter_.from_month && month < filter_.from_month) || (filter_.to_month && month > filter_.to_month)) {
        ++account.filtered_by_month;
        continue;
      }
    }
    double x = 0, y = 0;
    if (coords.x_field >= 0) {
      const Parse px = parse_number(feature->GetFieldAsString(coords.x_field), x);
      const Parse py = parse_number(feature->GetFieldAsString(coords.y_field), y);
      if (px == Parse::empty || py == Parse::empty) {
        account.reject(path, line, px == Parse::empty ? coords.x_name : coords.y_name, "no coordinates");
        continue;
      }
      if (px != Parse::ok || py != Parse::ok) {
        const bool x_bad = px != Parse::ok;
        const Parse bad = x_bad ? px : py;
        account.reject(path, line, x_bad ? coords.x_name : coords.y_name,
                       bad == Parse::bad ? "unparseable number" : "non-finite coordinate");
        continue;
      }
    } else {
      const OGRGeometry* g = feature->GetGeometryRef();
      if (!g || g->IsEmpty()) {
        account.reject(path, line, "geometry", "no coordinates");
        continue;
      }
      if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
        account.reject(path, line, "geometry", "not a point geometry");
        continue;
      }
      x = g->toPoint()->getX();
      y = g->toPoint()->getY();
      if (!std::isfinite(x) || !std::isfinite(y)) {
        account.reject(path, line, "geometry", "non-finite coordinate");
        continue;
      }
    }
    if (id_field >= 0) note_crime_id(feature->GetFieldAsString(id_field), x, y);
    xs.push_back(x);
    ys.push_back(y);
    months.push_back(month);
    types.push_back(type_index(type_name));
    lines.push_back(line);
  }

  if (xs.empty()) return;
  const TransformPtr ct = to_working_crs(coords.crs, "incidents '" + path + "'");
  std::vector<int> ok(xs.size(), 0);
  constexpr size_t kChunk = 1 << 20;  // GDAL 3.6 takes an int count
  for (size_t at = 0; at < xs.size(); at += kChunk) {
    const int n = static_cast<int>(std::min(kChunk, xs.size() - at));
    ct->Transform(n, xs.data() + at, ys.data() + at, nullptr, ok.data() + at);
  }
  Incidents& inc = load_.incidents;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
      account.reject(path, lines[i], coords.x_field >= 0 ? coords.x_name : "geometry",
                     "coordinate transformation failed");
      continue;
    }
    inc.x.push_back(xs[i]);
    inc.y.push_back(ys[i]);
    inc.month.push_back(months[i]);
    inc.type.push_back(types[i]);
    inc.file.push_back(file_index);
    inc.line.push_back(lines[i]);
  }
}

IncidentLoad IncidentReader::finish() {
  // Sort type names so field order and type indices do not depend on the order rows came in.
  Incidents& inc = load_.incidents;
  std::vector<uint16_t> order(inc.type_names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint16_t>(i);
  std::sort(order.begin(), order.end(),
            [&](uint16_t a, uint16_t b) { return inc.type_names[a] < inc.type_names[b]; });
  std::vector<uint16_t> remap(order.size());
  std::vector<std::string> sorted;
  for (size_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank]] = static_cast<uint16_t>(rank);
    sorted.push_back(inc.type_names[order[rank]]);
  }
  for (auto& t : inc.type) t = remap[t];
  inc.type_names = std::move(sorted);

  RowAccount& account = load_.account;
  account.loaded = inc.size();
  if (account.repeated_ids_other_location) {
    account.warnings.push_back(std::to_string(account.repeated_ids_other_location) +
                               " rows repeat a Crime ID seen earlier at another location; kept");
  }
  if (filter_.types) {
    for (const auto& wanted : *filter_.types) {
      if (!type_lookup_.count(wanted)) account.warnings.push_back("crime type '" + wanted + "' matched no row");
    }
  }
  return std::move(load_);
}

}  // namespace

void Incidents::keep_only(const std::vector<char>& keep) {
  size_t out = 0;
  for (size_t i = 0; i < size(); ++i) {
    if (!keep[i]) continue;
    x[out] = x[i];
    y[out] = y[i];
    month[out] = month[i];
    type[out] = type[i];
    file[out] = file[i];
    line[out] = line[i];
    ++out;
  }
  x.resize(out);
  y.resize(out);
  month.resize(out);
  type.resize(out);
  file.resize(out);
  line.resize(out);
}

IncidentLoad read_incidents(const std::vector<std::string>& sources, const IncidentColumns& columns,
                            const IncidentFilter& filter, const Progress& progress) {
  IncidentReader reader(columns, filter);
  for (size_t i = 0; i < sources.size(); ++i) {
    report(progress, "reading incidents", static_cast<double>(i) / static_cast<double>(sources.size()));
    reader.read_source(sources[i], static_cast<uint32_t>(i));
  }
  report(progress, "reading incidents", 1.0);
  IncidentLoad load = reader.finish();
  load.incidents.files = sources;
  return load;
}

}  // namespace hotspot
