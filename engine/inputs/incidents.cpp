// SPDX-License-Identifier: Apache-2.0
#include "inputs/incidents.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <unordered_map>

#include "core/calendar.hpp"
#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/free_memory.hpp"
#include "core/secrets.hpp"
#include "core/gdal_handles.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "inputs/address_fields.hpp"
#include "inputs/crime_types.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/number_text.hpp"
#include "inputs/police_uk_location.hpp"
#include "options/option.hpp"

namespace hotspot {
namespace {

// A month column's value in a form Excel gives a YYYY-MM month it has reformatted ("Jan-24",
// "01/01/2024", "24-Jan").
bool excel_month(const std::string& form) {
  return form == "AAA-99" || form == "99-AAA" || form == "AAA 99" || form == "99/99/9999" || form == "9/9/9999" ||
         form == "99/9/9999" || form == "9/99/9999" || form == "AAA-9999";
}

// How one source gives its coordinates, resolved against its fields.
struct CoordinateSource {
  int x_field = -1, y_field = -1;  // -1, -1: the feature geometry
  std::string x_name, y_name;
  OGRSpatialReference crs;
};


CoordinateSource resolve_coordinates(OGRLayer& layer, const IncidentColumns& c, const std::string& path) {
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  CoordinateSource out;
  if (!c.address.empty()) {  // geocoded rows come back in the working CRS
    for (const auto& name : c.address) {
      if (find_field(defn, {name}) < 0) throw DataError("incidents '" + path + "': no address column '" + name + "'");
    }
    out.crs = working_crs();
    return out;
  }
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

// FNV-1a of a Crime ID, never 0 (0 stands for no ID). Two of a national year's 6 million IDs
// share a hash with odds of about one in a million; the check it serves only counts repeats.
uint64_t id_hash(std::string_view id) {
  if (id.empty()) return 0;
  uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
  return h ? h : 1;
}

// One source read on its own (safe to run beside other sources on other threads).
struct SourceBatch {
  RowAccount account;  // counts and rejects of this source only
  std::vector<double> x, y;          // EPSG:27700
  std::vector<int32_t> month;
  std::vector<int64_t> start, end;   // with date columns only
  std::vector<uint16_t> type;        // index into type_names of this batch
  std::vector<std::string> type_names;
  std::vector<uint32_t> location;    // index into location_names of this batch
  std::vector<std::string> location_names;
  std::vector<uint64_t> line;
  // A 64-bit hash of each row's Crime ID (0: none), for the repeated Crime ID check; empty when the
  // source has no Crime ID column. police.uk's IDs are 64 characters: their text would be most of
  // the memory a national year takes.
  std::vector<uint64_t> crime_id;
};

// The share of a source read so far, for progress on one large file: from the feature count
// where the driver knows it cheaply, else from the file size and the bytes of the first rows.
class ReadFraction {
 public:
  // `rows`: the rows the source holds, when known (a CSV's scan), else 0.
  ReadFraction(OGRLayer& layer, const std::string& path, uint64_t rows) {
    if (rows > 0) {
      rows_expected_ = static_cast<double>(rows);
    } else if (layer.TestCapability(OLCFastFeatureCount)) {
      rows_expected_ = static_cast<double>(layer.GetFeatureCount(FALSE));
    }
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) == 0) file_bytes_ = static_cast<double>(stat.st_size);
  }

  // Called once a row; `feature` is looked at only for the first rows.
  bool due(const OGRFeature& feature) {
    ++rows_;
    if (rows_expected_ <= 0 && rows_ <= kSample) {
      for (int i = 0; i < feature.GetFieldCount(); ++i) sample_bytes_ += std::strlen(feature.GetFieldAsString(i)) + 1;
      if (rows_ == kSample && file_bytes_ > 0) {
        rows_expected_ = file_bytes_ / (static_cast<double>(sample_bytes_) / static_cast<double>(kSample));
      }
    }
    return rows_ % 65536 == 0;
  }

  uint64_t rows() const { return rows_; }  // features read so far
  double fraction() const {
    return rows_expected_ > 0 ? std::min(0.99, static_cast<double>(rows_) / rows_expected_) : 0.0;
  }

 private:
  static constexpr uint64_t kSample = 1000;
  double rows_expected_ = 0, file_bytes_ = 0;
  uint64_t rows_ = 0, sample_bytes_ = 0;
};

// Where a source keeps its incidents' times (IncidentColumns::date ... to_time), resolved.
struct TimeFields {
  int start = -1, start_time = -1, end = -1, end_time = -1;
  std::string start_name, start_time_name, end_name, end_time_name;
  bool any() const { return start >= 0; }
};

TimeFields resolve_times(const OGRFeatureDefn& defn, const IncidentColumns& c, const std::string& path) {
  TimeFields t;
  if (!c.date.empty() && !c.from.empty()) throw UsageError("--from-column goes instead of --date-column, not with it");
  auto need = [&](const std::string& name, const char* flag, int& field, std::string& field_name) {
    if (name.empty()) return;
    field = find_field(defn, {name});
    if (field < 0) throw DataError("incidents '" + path + "': no column '" + name + "' (" + flag + ")");
    field_name = name;
  };
  need(c.date, "--date-column", t.start, t.start_name);
  need(c.from, "--from-column", t.start, t.start_name);
  need(c.time, "--time-column", t.start_time, t.start_time_name);
  need(c.to, "--to-column", t.end, t.end_name);
  need(c.to_time, "--to-time-column", t.end_time, t.end_time_name);
  return t;
}

// A date column and its time column as one moment; `reason` is set (and nullopt returned) when
// the row must be rejected, naming the column at fault in `column`.
struct Moment {
  int64_t minute = 0;
  bool has_time = false;
};

std::optional<Moment> moment_of(const OGRFeature& f, int date_field, const std::string& date_name, int time_field,
                                const std::string& time_name, std::string& column, std::string_view& reason) {
  const MomentParse p = parse_moment(f.GetFieldAsString(date_field));
  if (!p.ok) {
    column = date_name;
    reason = intern_reason(p.reason, "not a date or date-time");
    return std::nullopt;
  }
  Moment m{p.minute, p.has_time};
  if (time_field < 0) return m;
  const char* time_text = f.GetFieldAsString(time_field);
  if (!*time_text) return m;  // no time: the whole day
  const std::optional<int> clock = parse_clock(time_text);
  if (!clock) {
    column = time_name;
    reason = intern_reason("not a time of day (form '" + value_form(time_text) + "'; want hh:mm, hh:mm:ss or hhmm)",
                           "not a time of day");
    return std::nullopt;
  }
  const int64_t day_start = static_cast<int64_t>(floor_day(p.minute)) * kMinutesPerDay;
  if (p.has_time && p.minute != day_start && p.minute != day_start + *clock) {
    column = time_name;
    reason = "the date holds a time other than the time column's";
    return std::nullopt;
  }
  return Moment{day_start + *clock, true};
}

SourceBatch read_source(const std::string& path, uint32_t file, const IncidentColumns& columns,
                        const IncidentFilter& filter, const std::function<void(double)>& advanced) {
  // Every CSV column is read as text so that a bad number is a per-row reject, not a guess.
  auto ds = open_vector(path, "incidents", {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO"});
  OGRLayer* layer = pick_layer(*ds, columns.layer, path);
  const bool is_csv = EQUAL(ds->GetDriver()->GetDescription(), "CSV");
  const CoordinateSource coords = resolve_coordinates(*layer, columns, path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const int type_field = find_field(defn, {columns.type});
  const int month_field = find_field(defn, {columns.month});
  const int id_field = find_field(defn, {columns.crime_id});
  const int force_field = columns.falls_within.empty() ? -1 : find_field(defn, {columns.falls_within});
  if (!filter.force.empty() && force_field < 0) {
    throw DataError("incidents '" + path + "': no column '" + columns.falls_within + "' to keep one force on (--force)");
  }
  // Keyed by the text as read (most rows repeat a type, a force and a location), so that a row
  // costs no allocation.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::pair<bool, uint64_t>, TextHash, std::equal_to<>> forces_seen;  // Falls within as read: kept, rows loaded
  const TimeFields times = resolve_times(defn, columns, path);
  if ((filter.from_day || filter.to_day) && !times.any()) {
    throw UsageError("incidents '" + path + "': --from/--to name days, but no date column is named (--date-column)");
  }
  if (filter.types && type_field < 0) {
    throw DataError("incidents '" + path + "': no column '" + columns.type +
                    "' to filter crime types on (--type-column, or --types all)");
  }
  const bool month_filter = filter.from_month || filter.to_month;
  if (month_filter && month_field < 0 && !times.any()) {
    throw DataError("incidents '" + path + "': no column '" + columns.month +
                    "' to filter months on (--month-column, or drop --from/--to)");
  }

  std::vector<int> address_fields;
  for (const auto& name : columns.address) address_fields.push_back(find_field(defn, {name}));
  if (!address_fields.empty() && !columns.place_address) throw UsageError("incidents '" + path + "': address columns need gazetteers ([geocode])");
  std::string address;

  SourceBatch b;
  RowAccount& account = b.account;
  std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>> location_lookup;
  const int location_field = columns.location.empty() ? -1 : find_field(defn, {columns.location});
  std::set<std::string> wanted_types;  // lower case
  if (filter.types) {
    for (const auto& t : *filter.types) wanted_types.insert(lower(t));
  }
  struct TypeSeen {
    bool wanted = false;
    uint64_t rows = 0;
    int32_t index = -1;  // in b.type_names, from the first row loaded
  };
  std::unordered_map<std::string, TypeSeen, TextHash, std::equal_to<>> types_seen;
  const bool geographic = coords.x_field >= 0 && coords.crs.IsGeographic();
  // A CSV's records as GDAL splits them: true line numbers, and the lines a stray quote ran together.
  const std::optional<CsvRecords> records = is_csv ? CsvRecords::scan(path) : std::nullopt;
  const auto record_of = [&](GIntBig fid) {
    const auto id = static_cast<uint64_t>(std::max<GIntBig>(fid, 0));
    return records ? records->record(id) : CsvRecord{is_csv ? id + 1 : id, 1, false, -1};
  };
  ReadFraction read_so_far(*layer, path, records ? records->records() : 0);
  // The columns read; GDAL need not make text of the others (a police.uk row has 12, 6 of them used).
  std::vector<int> used = {type_field, month_field, id_field, force_field, location_field, coords.x_field, coords.y_field,
                           times.start, times.start_time, times.end, times.end_time};
  used.insert(used.end(), address_fields.begin(), address_fields.end());
  read_only_fields(*layer, used);
  layer->ResetReading();
  CPLErrorReset();  // GDAL ends a read early on some errors (a line over its limit): checked after the loop
  for (auto& feature : *layer) {
    ++account.read;
    if (read_so_far.due(*feature)) advanced(read_so_far.fraction());
    const CsvRecord record = record_of(feature->GetFID());
    const uint64_t line = record.first_line;
    if (record.unbalanced) {  // each line it ran together is a row, rejected
      account.read += record.lines - 1;
      const std::string_view column =
          record.field >= 0 && record.field < defn.GetFieldCount() ? defn.GetFieldDefn(record.field)->GetNameRef() : "";
      for (uint64_t l = 0; l < record.lines; ++l) {
        account.reject(file, line + l, column, kUnbalancedQuote);
      }
      continue;
    }
    const char* raw_type = type_field >= 0 ? feature->GetFieldAsString(type_field) : "";
    auto seen = types_seen.find(std::string_view(raw_type));
    if (seen == types_seen.end()) {  // crime types match whatever their case ("robbery" is "Robbery")
      const bool wanted = !filter.types || wanted_types.count(lower(trim(as_utf8(raw_type))));
      seen = types_seen.emplace(raw_type, TypeSeen{.wanted = wanted}).first;
    }
    ++seen->second.rows;
    if (!seen->second.wanted) {
      ++account.filtered_by_type;
      continue;
    }
    std::pair<bool, uint64_t>* force = nullptr;
    if (force_field >= 0) {
      const char* raw_force = feature->GetFieldAsString(force_field);
      auto at = forces_seen.find(std::string_view(raw_force));
      if (at == forces_seen.end()) {
        const bool kept = filter.force.empty() || lower(trim(as_utf8(raw_force))) == lower(trim(filter.force));
        at = forces_seen.emplace(raw_force, std::pair<bool, uint64_t>{kept, 0}).first;
      }
      if (!at->second.first) {
        ++account.filtered_by_force;
        continue;
      }
      force = &at->second;
    }
    int month = 0;
    int64_t start = 0, end = 0;
    if (times.any()) {
      std::string column;
      std::string_view reason;
      const std::optional<Moment> from =
          moment_of(*feature, times.start, times.start_name, times.start_time, times.start_time_name, column, reason);
      std::optional<Moment> to;
      if (from && times.end >= 0 && *feature->GetFieldAsString(times.end)) {
        to = moment_of(*feature, times.end, times.end_name, times.end_time, times.end_time_name, column, reason);
        if (!to) {
          account.reject(file, line, column, reason);
          continue;
        }
      }
      if (!from) {
        account.reject(file, line, column, reason);
        continue;
      }
      start = from->minute;
      const Moment& last = to ? *to : *from;
      end = last.has_time ? std::max(last.minute + (to ? 0 : 1), start + 1)
                          : (static_cast<int64_t>(floor_day(last.minute)) + 1) * kMinutesPerDay;
      if (to && last.minute < start) {
        account.reject(file, line, times.end_name, "the window ends before it starts");
        continue;
      }
      month = yyyymm_of(floor_day(start));
    } else if (month_field >= 0) {
      const char* month_text = feature->GetFieldAsString(month_field);
      month = parse_month(month_text);
      if (!month && *month_text && !account.unparsed_months++) account.unparsed_month_form = value_form(month_text);
    }
    if (month) {  // the months held, before the period filter (for why_nothing_loaded)
      account.first_month = account.first_month ? std::min(account.first_month, month) : month;
      account.last_month = std::max(account.last_month, month);
    }
    if (times.any()) {
      const int32_t day = floor_day(start);
      if ((filter.from_day && day < *filter.from_day) || (filter.to_day && day > *filter.to_day)) {
        ++account.filtered_by_month;
        continue;
      }
    }
    if (month_filter) {
      if (month == 0) {
        account.reject(file, line, columns.month,
                       excel_month(account.unparsed_month_form)
                           ? "unparseable month: Excel shows months so ('Jan-24', '01/01/2024'); save the column as text YYYY-MM"
                           : "unparseable month (want YYYY-MM)");
        continue;
      }
      if ((filter.from_month && month < filter.from_month) || (filter.to_month && month > filter.to_month)) {
        ++account.filtered_by_month;
        continue;
      }
    }
    double x = 0, y = 0;
    if (!address_fields.empty()) {
      address_of(*feature, address_fields, address);
      const PlacedAddress r = columns.place_address(address);
      if (!r.placed) {
        account.reject(file, line, columns.address.front(), r.reason);
        continue;
      }
      x = r.x;
      y = r.y;
    } else if (coords.x_field >= 0) {
      const Parse px = parse_number(feature->GetFieldAsString(coords.x_field), x);
      const Parse py = parse_number(feature->GetFieldAsString(coords.y_field), y);
      if (px == Parse::empty || py == Parse::empty) {
        account.reject(file, line, px == Parse::empty ? coords.x_name : coords.y_name, "no coordinates");
        continue;
      }
      if (geographic && x >= 49 && x <= 61 && y >= -9 && y <= 2.5) ++account.swapped_lon_lat;
      if (px != Parse::ok || py != Parse::ok) {
        const bool x_bad = px != Parse::ok;
        const Parse bad = x_bad ? px : py;
        account.reject(file, line, x_bad ? coords.x_name : coords.y_name,
                       bad == Parse::bad ? "unparseable number" : "non-finite coordinate");
        continue;
      }
    } else {
      const OGRGeometry* g = feature->GetGeometryRef();
      if (!g || g->IsEmpty()) {
        account.reject(file, line, "geometry", "no coordinates");
        continue;
      }
      if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
        account.reject(file, line, "geometry", "not a point geometry");
        continue;
      }
      x = g->toPoint()->getX();
      y = g->toPoint()->getY();
      if (!std::isfinite(x) || !std::isfinite(y)) {
        account.reject(file, line, "geometry", "non-finite coordinate");
        continue;
      }
    }
    if (seen->second.index < 0) {
      if (b.type_names.size() == 65535) throw DataError("incidents '" + path + "': more than 65,535 crime types");
      seen->second.index = static_cast<int32_t>(b.type_names.size());
      b.type_names.push_back(type_field >= 0 ? as_utf8(raw_type) : "");
    }
    b.x.push_back(x);
    b.y.push_back(y);
    if (force) ++force->second;
    b.month.push_back(month);
    if (times.any()) {
      b.start.push_back(start);
      b.end.push_back(end);
    }
    b.type.push_back(static_cast<uint16_t>(seen->second.index));
    const char* raw_location = location_field >= 0 ? feature->GetFieldAsString(location_field) : "";
    auto at = location_lookup.find(std::string_view(raw_location));
    if (at == location_lookup.end()) {
      at = location_lookup.emplace(raw_location, static_cast<uint32_t>(b.location_names.size())).first;
      b.location_names.push_back(street_of_location(as_utf8(raw_location)));
    }
    b.location.push_back(at->second);
    b.line.push_back(line);
    if (id_field >= 0) b.crime_id.push_back(id_hash(feature->GetFieldAsString(id_field)));
  }

  if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
    throw DataError("incidents '" + path + "': the read stopped after " + std::to_string(account.read) +
                    " rows, at line " + std::to_string(record_of(static_cast<GIntBig>(read_so_far.rows()) + 1).first_line) +
                    ": " + CPLGetLastErrorMsg());
  }
  for (const auto& [raw, seen] : types_seen) account.types_read[as_utf8(raw.c_str())] += seen.rows;
  for (const auto& [raw, seen] : forces_seen) {
    if (seen.second) account.forces_loaded[as_utf8(raw.c_str())] += seen.second;
  }
  if (b.x.empty()) return b;
  const TransformPtr ct = to_working_crs(coords.crs, "incidents '" + path + "'");
  std::vector<int> ok;
  transform_points(*ct, b.x, b.y, ok);
  for (size_t i = 0; i < ok.size(); ++i) {
    if (!ok[i] || !std::isfinite(b.x[i]) || !std::isfinite(b.y[i])) {
      b.x[i] = std::numeric_limits<double>::quiet_NaN();  // dropped, and rejected, at the merge
      account.reject(file, b.line[i], coords.x_field >= 0 ? coords.x_name : "geometry",
                     "coordinate transformation failed");
    }
  }
  return b;
}

// Reads the sources on up to hardware_concurrency threads; batches come back in source order.
std::vector<SourceBatch> read_sources(const std::vector<std::string>& sources, const IncidentColumns& columns,
                                      const IncidentFilter& filter, const Progress& progress) {
  std::vector<SourceBatch> batches(sources.size());
  std::vector<std::exception_ptr> errors(sources.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  std::vector<double> read_share(sources.size(), 0.0);  // per source, 0..1
  const auto advanced = [&](size_t i, double share) {
    const std::lock_guard<std::mutex> lock(progress_mutex);
    read_share[i] = share;
    double total = 0;
    for (double v : read_share) total += v;
    report(progress, "reading incidents", total / static_cast<double>(sources.size()));
  };
  const auto work = [&] {
    for (size_t i; (i = next++) < sources.size();) {
      try {
        batches[i] = read_source(sources[i], static_cast<uint32_t>(i), columns, filter,
                                 [&, i](double share) { advanced(i, share); });
      } catch (...) {
        errors[i] = std::current_exception();
      }
      advanced(i, 1.0);
    }
  };
  parallel_for(worker_count(sources.size()), [&](size_t) { work(); });
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);  // the first source, in order, that failed
  }
  return batches;
}

}  // namespace

std::pair<int32_t, int32_t> Incidents::day_range() const {
  if (start.empty()) return {0, 0};
  const auto [first, last] = std::minmax_element(start.begin(), start.end());
  return {floor_day(*first), floor_day(*last)};
}

void Incidents::keep_only(const std::vector<char>& keep) {
  size_t out = 0;
  for (size_t i = 0; i < size(); ++i) {
    if (!keep[i]) continue;
    x[out] = x[i];
    y[out] = y[i];
    month[out] = month[i];
    if (dated) {
      start[out] = start[i];
      end[out] = end[i];
    }
    type[out] = type[i];
    if (!location.empty()) location[out] = location[i];
    file[out] = file[i];
    line[out] = line[i];
    ++out;
  }
  x.resize(out);
  y.resize(out);
  month.resize(out);
  if (dated) {
    start.resize(out);
    end.resize(out);
  }
  type.resize(out);
  if (!location.empty()) location.resize(out);
  file.resize(out);
  line.resize(out);
}

IncidentLoad read_incidents(const std::vector<std::string>& sources, const IncidentColumns& columns,
                            const IncidentFilter& filter, const Progress& progress) {
  std::vector<SourceBatch> batches = read_sources(sources, columns, filter, progress);
  report(progress, "merging the sources", 0.0);

  // Merge in source order, so that type indices and "seen earlier" do not depend on threads.
  IncidentLoad load;
  Incidents& inc = load.incidents;
  RowAccount& account = load.account;
  inc.dated = !columns.date.empty() || !columns.from.empty();
  std::map<std::string, uint16_t> types;  // sorted: type indices follow name order
  for (const auto& b : batches) {
    for (const auto& name : b.type_names) types.emplace(name, 0);
  }
  if (types.size() > 65535) throw DataError("incidents: more than 65,535 distinct crime types");
  for (auto& [name, index] : types) {
    index = static_cast<uint16_t>(inc.type_names.size());
    inc.type_names.push_back(name);
  }
  std::map<std::string, uint32_t> locations;  // sorted, as the types
  for (const auto& b : batches) {
    for (const auto& name : b.location_names) locations.emplace(name, 0);
  }
  for (auto& [name, index] : locations) {
    index = static_cast<uint32_t>(inc.location_names.size());
    inc.location_names.push_back(name);
  }
  std::vector<std::pair<uint64_t, uint32_t>> ids;  // (Crime ID hash, incident) for the rows with an ID
  size_t rows = 0, with_id = 0;  // room made once: growing by doubling would hold two copies at its peak
  for (const auto& b : batches) {
    rows += b.x.size();
    if (!b.crime_id.empty()) with_id += b.x.size();
  }
  for (auto* v : {&inc.x, &inc.y}) v->reserve(rows);
  inc.month.reserve(rows);
  if (inc.dated) {
    inc.start.reserve(rows);
    inc.end.reserve(rows);
  }
  inc.type.reserve(rows);
  inc.location.reserve(rows);
  inc.file.reserve(rows);
  inc.line.reserve(rows);
  ids.reserve(with_id);
  for (uint32_t f = 0; f < batches.size(); ++f) {
    SourceBatch& b = batches[f];
    account.read += b.account.read;
    account.filtered_by_type += b.account.filtered_by_type;
    account.filtered_by_month += b.account.filtered_by_month;
    for (const auto& [type, n] : b.account.types_read) account.types_read[type] += n;
    for (const auto& [force, n] : b.account.forces_loaded) account.forces_loaded[force] += n;
    account.filtered_by_force += b.account.filtered_by_force;
    if (b.account.first_month) {
      account.first_month = account.first_month ? std::min(account.first_month, b.account.first_month) : b.account.first_month;
      account.last_month = std::max(account.last_month, b.account.last_month);
    }
    if (account.unparsed_month_form.empty()) account.unparsed_month_form = b.account.unparsed_month_form;
    account.unparsed_months += b.account.unparsed_months;
    account.swapped_lon_lat += b.account.swapped_lon_lat;
    account.take_rejects(b.account);
    std::vector<uint16_t> remap;
    for (const auto& name : b.type_names) remap.push_back(types.at(name));
    std::vector<uint32_t> location_remap;
    for (const auto& name : b.location_names) location_remap.push_back(locations.at(name));
    for (size_t i = 0; i < b.x.size(); ++i) {
      if (std::isnan(b.x[i])) continue;  // rejected: transformation failed
      if (!b.crime_id.empty() && b.crime_id[i]) ids.emplace_back(b.crime_id[i], static_cast<uint32_t>(inc.x.size()));
      inc.x.push_back(b.x[i]);
      inc.y.push_back(b.y[i]);
      inc.month.push_back(b.month[i]);
      if (inc.dated) {
        inc.start.push_back(b.start[i]);
        inc.end.push_back(b.end[i]);
      }
      inc.type.push_back(remap[b.type[i]]);
      inc.location.push_back(location_remap[b.location[i]]);
      inc.file.push_back(f);
      inc.line.push_back(b.line[i]);
    }
    b = SourceBatch{};  // freed as we go (a large load's memory back to the system before the next source is copied)
    release_free_memory(rows);
  }
  // A Crime ID seen before: at the place it was first seen (in source and row order), or elsewhere.
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0, first = 0; i < ids.size(); ++i) {
    if (i == 0 || ids[i].first != ids[i - 1].first) {
      first = i;
      continue;
    }
    const uint32_t a = ids[first].second, k = ids[i].second;
    ++(inc.x[a] == inc.x[k] && inc.y[a] == inc.y[k] ? account.repeated_ids_same_location : account.repeated_ids_other_location);
  }
  ids = {};
  release_free_memory(rows);
  report(progress, "merging the sources", 1.0);
  for (const auto& source : sources) inc.files.push_back(redact_secrets(source));  // every output names them
  account.loaded = inc.size();
  if (account.repeated_ids_other_location) {
    account.warnings.push_back(std::to_string(account.repeated_ids_other_location) +
                               " rows repeat a Crime ID seen earlier at another location; kept");
  }
  if (filter.types) {
    std::set<std::string> loaded_types;
    for (const auto& [name, index] : types) loaded_types.insert(lower(name));
    for (const auto& wanted : *filter.types) {
      if (!loaded_types.count(lower(wanted))) account.warnings.push_back("crime type '" + wanted + "' matched no loaded row");
    }
  }
  if (account.forces_loaded.size() > 1) {  // other forces' files in a folder, counted where they fall inside
    std::string list;
    for (const auto& [force, n] : account.forces_loaded) list += (list.empty() ? "" : "; ") + force + " (" + count_text(n) + ")";
    account.warnings.push_back("rows of " + std::to_string(account.forces_loaded.size()) + " forces read (Falls within: " +
                               list + "); keep one with --force ([incidents] force)");
  }
  if (!filter.force.empty() && account.forces_loaded.empty() && account.filtered_by_force) {
    account.warnings.push_back("--force '" + filter.force + "' matched no row's Falls within");
  }
  if (account.unparsed_months && excel_month(account.unparsed_month_form)) {
    account.warnings.push_back(count_text(account.unparsed_months) + " months look reformatted by Excel (form '" +
                               account.unparsed_month_form + "'): save the month column as text YYYY-MM");
  }
  return load;
}

std::string why_nothing_loaded(const RowAccount& a, const IncidentFilter& filter) {
  std::string why = "no incident loaded from " + count_text(a.read) + " rows read";
  if (!a.read) return why + ": the sources hold no rows";
  if (filter.types && a.filtered_by_type == a.read) {
    std::vector<std::string> held;
    std::string list;
    for (const auto& [type, n] : a.types_read) {
      held.push_back(type);
      list += (list.empty() ? "" : "; ") + type + " (" + count_text(n) + ")";
    }
    why += ": no row is of the crime types asked for (";
    bool first = true;
    std::string hints;
    for (const auto& t : *filter.types) {
      why += (first ? "" : "; ") + t;
      first = false;
      if (t.find(',') != std::string::npos) {
        hints += " Separate crime types with ';', not ','.";
      } else if (const std::string mean = did_you_mean(t, held); !mean.empty()) {
        hints += " Did you mean '" + mean + "'?";
      }
    }
    return why + "); the data hold: " + (list.empty() ? "no crime type column values" : list) + "." + hints;
  }
  if (!filter.force.empty() && a.filtered_by_force && a.filtered_by_type + a.filtered_by_force == a.read) {
    return why + ": no row falls within the force '" + filter.force + "' (--force); the Falls within column names others";
  }
  if (a.filtered_by_month > a.rejects.size()) {  // the period is why (any rejects are the lesser part)
    const auto bound = [](int month, const std::optional<int32_t>& day) {
      return day ? date_text(*day) : month ? format_month(month) : std::string("open");
    };
    return why + ": the period " + bound(filter.from_month, filter.from_day) + ".." + bound(filter.to_month, filter.to_day) +
           " holds none of them; the data's months are " +
           (a.first_month ? format_month(a.first_month) + ".." + format_month(a.last_month) : "unknown") +
           (a.rejects.empty() ? "" : " (" + count_text(a.rejects.size()) + " other rows rejected for their values)") + ".";
  }
  why += ": every row was filtered or rejected (";
  std::vector<std::pair<uint64_t, std::string>> reasons;
  for (const auto& [reason, n] : a.rejected_by_reason()) reasons.emplace_back(n, reason);
  std::sort(reasons.rbegin(), reasons.rend());
  for (size_t k = 0; k < reasons.size() && k < 3; ++k) why += (k ? "; " : "") + reasons[k].second + ": " + count_text(reasons[k].first);
  if (a.filtered()) why += std::string(reasons.empty() ? "" : "; ") + "filtered: " + count_text(a.filtered());
  why += ")";
  if (a.swapped_lon_lat * 2 > a.read) {
    why += ". The longitude column holds values of 49 to 61 and the latitude column -9 to 2: they look swapped "
           "(--lon names the longitude column, --lat the latitude)";
  }
  const bool period = filter.from_month || filter.to_month || filter.from_day || filter.to_day;
  if (a.unparsed_months && excel_month(a.unparsed_month_form) && !period) {  // else the rejects said so
    why += ". The months look reformatted by Excel (form '" + a.unparsed_month_form + "'): save the month column as text YYYY-MM";
  }
  return why + ".";
}

}  // namespace hotspot
