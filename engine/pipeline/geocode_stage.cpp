// SPDX-License-Identifier: Apache-2.0
#include "pipeline/geocode_stage.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <optional>

#include <fmt/format.h>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/version.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/address_fields.hpp"
#include "inputs/boundaries.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/imd.hpp"
#include "inputs/personal_columns.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/numbers.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/postgis_pack.hpp"
#include "outputs/run_record.hpp"
#include "places/area_locator.hpp"

namespace hotspot {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The fields of these names, in order; a name the input lacks is a usage error naming `flag`.
std::vector<int> fields_named(const OGRFeatureDefn& defn, const std::vector<std::string>& names, const char* flag,
                              const std::string& input) {
  std::vector<int> fields;
  for (const auto& name : names) {
    const int i = find_field(defn, {name});
    if (i < 0) throw UsageError(std::string(flag) + " '" + name + "': no such column in '" + input + "'");
    fields.push_back(i);
  }
  return fields;
}

// The input fields geocoded.csv copies, in input order (GeocodeParams: drop_address,
// personal_columns, keep_columns); the names of those left out go into the report.
std::vector<int> copied_fields(const GeocodeParams& p, const OGRFeatureDefn& defn, const std::vector<int>& address_fields,
                               GeocodeReport& report) {
  const std::vector<int> keep = fields_named(defn, p.keep_columns, "--keep-columns", p.input);
  const std::vector<int> personal = fields_named(defn, p.personal_columns, "--personal-columns", p.input);
  const auto in = [](const std::vector<int>& list, int i) { return std::find(list.begin(), list.end(), i) != list.end(); };
  std::vector<int> kept;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const char* name = defn.GetFieldDefn(i)->GetNameRef();
    const bool copy = !keep.empty() ? in(keep, i)
                      : p.drop_address ? !in(address_fields, i) && !in(personal, i) && !looks_personal(name)
                                       : true;
    if (copy) {
      kept.push_back(i);
    } else {
      report.columns_left_out.emplace_back(name);
    }
  }
  return kept;
}

}  // namespace

const OptionSet<GeocodeParams>& geocode_options() {
  static const OptionSet<GeocodeParams> set = [] {
    OptionSet<GeocodeParams> s;
    using P = GeocodeParams;
    const std::string in = "Input", gz = "Gazetteers", places = "Places", match = "Matching", out = "Output";
    s.add({.section = "geocode", .key = "input", .flag = "--input", .kind = Kind::path, .required = true,
           .help = "Table of addresses: CSV or any OGR source", .example = "custody.csv", .group = in},
          [](P& p) -> auto& { return p.input; });
    s.add({.section = "geocode", .key = "layer", .flag = "--layer", .default_text = "the first",
           .help = "Layer of a multi-layer input", .example = "custody", .group = in},
          [](P& p) -> auto& { return p.layer; });
    s.add_custom({.section = "geocode", .key = "address_column", .flag = "--address-column",
                  .help = "The column holding the whole address", .example = "address", .group = in},
                 [](P& p, const Value& v) {
                   p.address_columns.insert(p.address_columns.begin(), std::get<std::string>(v.v));
                 });
    s.add_custom({.section = "geocode", .key = "address_columns", .flag = "--address-columns", .kind = Kind::texts,
                  .help = "Columns holding parts of the address, in order", .example = "street,town,postcode",
                  .group = in},
                 [](P& p, const Value& v) {
                   for (const auto& a : std::get<std::vector<std::string>>(v.v)) p.address_columns.push_back(a);
                 });
    s.add({.section = "geocode", .key = "postcodes", .flag = "--postcodes", .kind = Kind::path, .required = true,
           .help = "Postcode units: OS Code-Point Open CSV (no header) or an ONSPD-style CSV",
           .example = "codepoint-open/ng.csv", .group = gz},
          [](P& p) -> auto& { return p.postcodes; });
    s.add({.section = "geocode", .key = "postcode_column", .flag = "--postcode-column",
           .help = "Postcode column of a postcode table with a header", .example = "pcds", .group = gz},
          [](P& p) -> auto& { return p.postcode_columns.postcode; });
    s.add({.section = "geocode", .key = "streets", .flag = "--streets", .kind = Kind::path,
           .help = "Street points or lines (see 'hotspot gazetteer streets')", .example = "streets.csv", .group = gz},
          [](P& p) -> auto& { return p.streets; });
    s.add({.section = "geocode", .key = "addresses", .flag = "--addresses", .kind = Kind::path,
           .help = "Full addresses (UPRN, SAO, PAO, street, locality, town, postcode, x, y)", .example = "addresses.csv",
           .group = gz},
          [](P& p) -> auto& { return p.addresses; });
    s.add({.section = "geocode", .key = "localities", .flag = "--localities", .kind = Kind::path,
           .help = "Ward and district names (Code-Point Open codelist.csv): town words",
           .example = "codepoint-open/codelist.csv", .group = gz},
          [](P& p) -> auto& { return p.localities; });
    s.add({.section = "geocode", .key = "boundaries", .flag = "--boundaries", .kind = Kind::path,
           .help = "LSOA polygons: adds each row's lsoa_code", .example = "shapefiles/nottinghamshire_lsoa11.shp",
           .group = places},
          [](P& p) -> auto& { return p.boundaries; });
    s.add({.section = "geocode", .key = "imd", .flag = "--imd", .kind = Kind::path,
           .help = "IoD2019 File_1: adds each row's imd_decile (needs --boundaries)",
           .example = "imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv", .group = places},
          [](P& p) -> auto& { return p.imd; });
    s.add({.section = "geocode", .key = "min_score", .flag = "--min-score", .kind = Kind::whole, .min = 0, .max = 100,
           .help = "Rows scoring less are rejected (town 30, sector 50, postcode 75-80, ...)", .example = "60",
           .group = match},
          [](P& p) -> auto& { return p.min_score; });
    s.add({.section = "geocode", .key = "max_street_distance", .flag = "--max-street-distance", .kind = Kind::number,
           .unit = "m", .min = 0, .min_open = true,
           .help = "A street matches within a postcode only this close to it; farther is flagged", .example = "500",
           .group = match},
          [](P& p) -> auto& { return p.options.street_postcode_max_m; });
    s.add({.section = "geocode", .key = "drop_address", .flag = "--drop-address", .kind = Kind::flag,
           .help = "Leave personal data out of geocoded.csv: the address column(s), every column whose name says it "
                   "holds a name, date of birth, identifying number, phone, e-mail, address or postcode, and those named "
                   "(--personal-columns)",
           .example = "true", .group = out},
          [](P& p) -> auto& { return p.drop_address; });
    s.add({.section = "geocode", .key = "personal_columns", .flag = "--personal-columns", .kind = Kind::texts,
           .default_text = "none", .help = "More columns --drop-address leaves out", .example = "nickname_1,gang",
           .group = out},
          [](P& p) -> auto& { return p.personal_columns; });
    s.add({.section = "geocode", .key = "keep_columns", .flag = "--keep-columns", .kind = Kind::texts,
           .default_text = "all", .help = "Copy only these input columns into geocoded.csv (then the added ones)",
           .example = "crime_ref,offence", .group = out},
          [](P& p) -> auto& { return p.keep_columns; });
    s.add({.section = "geocode", .key = "rejects_with_address", .flag = "--rejects-with-address", .kind = Kind::flag,
           .help = "Also write the address into rejects.csv (a private copy for fixing them)", .example = "true",
           .group = out},
          [](P& p) -> auto& { return p.rejects_with_address; });
    return s;
  }();
  return set;
}

void check_geocode_params(const GeocodeParams& p) {
  if (p.input.empty()) throw UsageError("--input: name the table of addresses");
  if (p.address_columns.empty()) throw UsageError("--address-column or --address-columns: name the address column(s)");
  if (p.postcodes.empty()) throw UsageError("--postcodes: name a postcode gazetteer (Code-Point Open or ONSPD)");
  if (p.min_score < 0 || p.min_score > 100) throw OptionError("geocode.min_score", std::to_string(p.min_score), "must be in [0, 100]");
  if (!p.imd.empty() && p.boundaries.empty()) throw UsageError("--imd: needs --boundaries to find each row's LSOA");
}

GeocodeReport run_geocode(const GeocodeParams& p, const Progress& progress) {
  check_geocode_params(p);
  const auto t0 = std::chrono::steady_clock::now();
  GeocodeReport report;
  const PostcodeGazetteer postcodes = read_postcodes(p.postcodes, p.postcode_columns);
  if (postcodes.duplicates) {
    report.warnings.push_back(fmt::format("postcodes: {} rows repeat a postcode already read; the first was kept",
                                          postcodes.duplicates));
  }
  if (postcodes.unusable) {
    report.warnings.push_back(fmt::format("postcodes: {} rows without a valid postcode or coordinates skipped",
                                          postcodes.unusable));
  }
  const std::vector<StreetRecord> streets = p.streets.empty() ? std::vector<StreetRecord>{} : read_streets(p.streets);
  const std::vector<AddressRecord> addresses =
      p.addresses.empty() ? std::vector<AddressRecord>{} : read_addresses(p.addresses);
  const AreaNames names = p.localities.empty() ? AreaNames{} : read_area_names(p.localities);
  const Geocoder geocoder(postcodes, streets, addresses, names, p.options);
  std::optional<Boundaries> boundaries;
  std::optional<AreaLocator> locator;
  Imd imd;
  if (!p.boundaries.empty()) {
    boundaries = read_boundaries(p.boundaries, {});
    locator.emplace(*boundaries);
  }
  if (!p.imd.empty()) imd = read_imd(p.imd, "", "");
  report.load_seconds = seconds_since(t0);

  GDALDatasetUniquePtr in = open_vector(p.input, "input");
  OGRLayer* layer = pick_layer(*in, p.layer, p.input);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const std::vector<int> address_fields = fields_named(defn, p.address_columns, "--address-column", p.input);
  // A CSV's true line numbers for rejects.csv (after blank lines and multi-line records).
  const std::optional<CsvRecords> records =
      std::string(in->GetDriverName()) == "CSV" ? CsvRecords::scan(p.input) : std::nullopt;

  const PackTarget target(p.output_dir, p.schema);
  OutputFolder out(target.folder());
  const std::string out_path = out.stage("geocoded.csv");
  GDALDatasetUniquePtr ds = create_dataset("CSV", out_path);
  OGRLayer* out_layer = ds->CreateLayer("geocoded", nullptr, wkbNone, csv_layer_options().List());
  if (!out_layer) throw DataError("cannot create '" + out_path + "': " + gdal_last_error());
  const std::vector<int> kept = copied_fields(p, defn, address_fields, report);  // input fields copied to the output
  for (const int i : kept) {
    OGRFieldDefn f(defn.GetFieldDefn(i)->GetNameRef(), OFTString);
    out_layer->CreateField(&f);
  }
  // Added fields are text formatted here: the CSV holds the same digits, written faster.
  const char* const added[] = {"x", "y", "lon", "lat", "lsoa_code", "imd_decile", "match_level", "score", "locality", "flags"};
  const int first_added = static_cast<int>(kept.size());
  for (const char* name : added) {
    OGRFieldDefn f(name, OFTString);
    out_layer->CreateField(&f);
  }
  std::vector<int> field_map(static_cast<size_t>(defn.GetFieldCount()), -1);  // input field -> output field
  for (size_t k = 0; k < kept.size(); ++k) field_map[static_cast<size_t>(kept[k])] = static_cast<int>(k);
  const TransformPtr to_wgs84 = from_working_crs(crs_from_user("EPSG:4326", "lon/lat"), "geocoded lon/lat");

  CsvTable rejects{{"line", "reason"}, {}};
  if (p.rejects_with_address) rejects.columns.push_back("address");
  const uint64_t total = static_cast<uint64_t>(std::max<GIntBig>(0, layer->GetFeatureCount(FALSE)));
  const auto t1 = std::chrono::steady_clock::now();
  // Rows go in blocks: the geocoding (one thread) reads and places a block while a writer
  // thread transforms the previous one to lon/lat in one PROJ call and writes it. Only the
  // writer touches the output, the transformation and the LSOA locator.
  struct Block {
    std::vector<OGRFeatureUniquePtr> rows;
    std::vector<GeocodeResult> results;
  };
  constexpr size_t kBlock = 4096, kQueued = 2;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Block> queue;
  bool finished = false;
  std::exception_ptr write_error;
  auto write_block = [&](Block& b) {
    std::vector<double> lon, lat;
    for (const auto& r : b.results) lon.push_back(r.x), lat.push_back(r.y);
    if (!lon.empty()) to_wgs84->Transform(static_cast<int>(lon.size()), lon.data(), lat.data());
    for (size_t k = 0; k < b.rows.size(); ++k) {
      const GeocodeResult& r = b.results[k];
      OGRFeature o(out_layer->GetLayerDefn());
      o.SetFieldsFrom(b.rows[k].get(), field_map.data());
      for (int f = 0; f < first_added; ++f) {  // copied cells a spreadsheet would run as formulas
        if (formula_like(o.GetFieldAsString(f))) o.SetField(f, spreadsheet_safe(o.GetFieldAsString(f)).c_str());
      }
      o.SetField(first_added + 0, fmt::format("{:.1f}", r.x).c_str());
      o.SetField(first_added + 1, fmt::format("{:.1f}", r.y).c_str());
      o.SetField(first_added + 2, fmt::format("{:.6f}", lon[k]).c_str());
      o.SetField(first_added + 3, fmt::format("{:.6f}", lat[k]).c_str());
      if (locator) {
        if (const int32_t a = locator->locate(r.x, r.y); a >= 0) {
          const std::string& code = boundaries->areas[a].code;
          o.SetField(first_added + 4, code.c_str());
          if (const ImdRecord* rec = imd.find(code)) o.SetField(first_added + 5, std::to_string(rec->decile).c_str());
        }
      }
      o.SetField(first_added + 6, std::string(to_string(r.level)).c_str());
      o.SetField(first_added + 7, std::to_string(r.score).c_str());
      if (r.locality >= 0) o.SetField(first_added + 8, geocoder.locality_name(r.locality).c_str());
      o.SetField(first_added + 9, r.flags.c_str());
      if (out_layer->CreateFeature(&o) != OGRERR_NONE) throw DataError("cannot write '" + out_path + "': " + gdal_last_error());
    }
  };
  std::thread writer([&] {
    for (;;) {
      Block b;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || finished; });
        if (queue.empty()) return;
        b = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();
      try {
        write_block(b);
      } catch (...) {
        const std::lock_guard lock(mutex);
        write_error = std::current_exception();
        finished = true;
        queue.clear();
        changed.notify_all();
        return;
      }
    }
  });
  auto stop_writer = [&] {
    {
      const std::lock_guard lock(mutex);
      finished = true;
    }
    changed.notify_all();
    if (writer.joinable()) writer.join();
  };
  try {
    std::string address;
    layer->ResetReading();
    for (bool more = true; more;) {
      Block b;
      while (b.rows.size() < kBlock) {
        CPLErrorReset();
        OGRFeatureUniquePtr f(layer->GetNextFeature());
        if (!f) {
          if (CPLGetLastErrorType() >= CE_Failure) {
            throw DataError("input '" + p.input + "': the read stopped after " + std::to_string(report.rows) +
                            " rows: " + gdal_last_error());
          }
          more = false;
          break;
        }
        ++report.rows;
        if (const CsvRecord rec = records ? records->record(static_cast<uint64_t>(std::max<GIntBig>(0, f->GetFID())))
                                          : CsvRecord{};
            rec.unbalanced) {  // each line a stray quote ran together is a row, rejected
          report.rows += rec.lines - 1;
          report.rejected_by_reason[std::string(kUnbalancedQuote)] += rec.lines;
          for (uint64_t l = 0; l < rec.lines; ++l) rejects.rows.push_back({std::to_string(rec.first_line + l), std::string(kUnbalancedQuote)});
          continue;
        }
        address_of(*f, address_fields, address);
        GeocodeResult r = geocoder.geocode(address);
        if (r.level != MatchLevel::none && r.score < p.min_score) r.reason = "score below --min-score";
        if (!r.reason.empty()) {
          const auto fid = static_cast<uint64_t>(std::max<GIntBig>(0, f->GetFID()));
          const uint64_t line = records ? records->record(fid).first_line : fid;
          ++report.rejected_by_reason[std::string(r.reason)];
          rejects.rows.push_back({std::to_string(line), std::string(r.reason)});
          if (p.rejects_with_address) rejects.rows.back().push_back(address);
          continue;
        }
        ++report.matched;
        ++report.by_level[std::string(to_string(r.level))];
        b.results.push_back(std::move(r));
        b.rows.push_back(std::move(f));
      }
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return queue.size() < kQueued || finished; });
        if (write_error) break;
        queue.push_back(std::move(b));
      }
      changed.notify_all();
      if (total) hotspot::report(progress, "geocoding", std::min(1.0, static_cast<double>(report.rows) / static_cast<double>(total)));
    }
  } catch (...) {
    stop_writer();
    throw;
  }
  stop_writer();
  if (write_error) std::rethrow_exception(write_error);
  report.geocode_seconds = seconds_since(t1);
  close_dataset(ds, out_path);
  write_csv(out.stage("rejects.csv"), rejects);

  const double hit_rate = report.rows ? static_cast<double>(report.matched) / static_cast<double>(report.rows) : 0.0;
  if (report.rows && hit_rate < kReliableHitRate) {
    report.warnings.push_back(fmt::format("only {:.1f}% of rows geocoded, under the 85% commonly cited as the minimum for "
                                          "reliable crime mapping (Ratcliffe 2004): the rows left out can move hotspots",
                                          100.0 * hit_rate));
  }
  CPLJSONObject& s = report.summary;
  s.Add("hotspot", std::string(version()));
  s.Add("commit", std::string(build_commit()));
  s.Add("command", "geocode");
  CPLJSONObject gaz;
  gaz.Add("postcodes", static_cast<GInt64>(geocoder.postcode_count()));
  gaz.Add("postcode_duplicates", static_cast<GInt64>(postcodes.duplicates));
  gaz.Add("street_names", static_cast<GInt64>(geocoder.street_name_count()));
  gaz.Add("street_points", static_cast<GInt64>(streets.size()));
  gaz.Add("addresses", static_cast<GInt64>(addresses.size()));
  gaz.Add("localities", static_cast<GInt64>(geocoder.locality_count()));
  gaz.Add("load_seconds", round_to(report.load_seconds, 3));
  s.Add("gazetteers", gaz);
  CPLJSONObject rows;
  rows.Add("read", static_cast<GInt64>(report.rows));
  rows.Add("geocoded", static_cast<GInt64>(report.matched));
  rows.Add("rejected", static_cast<GInt64>(report.rows - report.matched));
  CPLJSONObject levels, reasons;
  for (const auto& [k, v] : report.by_level) levels.Add(k, static_cast<GInt64>(v));
  for (const auto& [k, v] : report.rejected_by_reason) reasons.Add(k, static_cast<GInt64>(v));
  rows.Add("by_match_level", levels);
  rows.Add("rejected_by_reason", reasons);
  rows.Add("hit_rate", round_to(hit_rate, 4));
  rows.Add("min_score", p.min_score);
  s.Add("rows", rows);
  s.Add("columns_left_out", json_strings(report.columns_left_out));  // column names only, never values
  s.Add("warnings", json_strings(report.warnings));
  CPLJSONArray outputs;
  for (const auto& n : out.staged_names()) outputs.Add(n);
  outputs.Add("summary.json");
  s.Add("outputs", outputs);
  write_json(out.stage("summary.json"), s);
  report.outputs = target.publish(out.commit(), progress);
  return report;
}

}  // namespace hotspot
