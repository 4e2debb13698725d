// SPDX-License-Identifier: Apache-2.0
#include "outputs/postgis_pack.hpp"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "core/secrets.hpp"
#include "outputs/output_folder.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"

namespace fs = std::filesystem;

namespace hotspot {
namespace {

class Database {
 public:
  Database(const std::string& connection, std::string schema) : connection_(connection), schema_(std::move(schema)) {
    init_gdal();
    CPLErrorReset();
    const char* options[] = {"LIST_ALL_TABLES=NO", nullptr};
    ds_.reset(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, options, nullptr));
    if (!ds_) fail("cannot connect");
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw DataError(redact_secrets("output '" + connection_ + "' schema " + schema_ + ": " + what + ": " +
                                   gdal_last_error("no message from PostgreSQL")));
  }

  // Runs a statement; throws DataError when it fails.
  void run(const std::string& sql) {
    CPLErrorReset();
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds_->ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) fail("'" + sql + "' failed");
  }

  // The first column of a one-row query, as text ("" when it returns no row).
  std::string value(const std::string& sql) {
    CPLErrorReset();
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) fail("'" + sql + "' failed");
    std::string text;
    if (OGRFeatureUniquePtr f{result->GetNextFeature()}; f && f->GetFieldCount() > 0) text = f->GetFieldAsString(0);
    ds_->ReleaseResultSet(result);
    return text;
  }

  GDALDataset& dataset() { return *ds_; }

 private:
  std::string connection_, schema_;
  GDALDatasetUniquePtr ds_;
};

void copy_layer(Database& db, OGRLayer& source, const std::string& schema, const std::string& table,
                const std::vector<const char*>& extra) {
  std::vector<const char*> options = {"LAUNDER=NO", "PRECISION=NO", "GEOMETRY_NAME=geom", "FID=fid"};
  const std::string schema_option = "SCHEMA=" + schema;
  options.push_back(schema_option.c_str());
  options.insert(options.end(), extra.begin(), extra.end());
  options.push_back(nullptr);
  CPLErrorReset();
  OGRSpatialReference* crs = source.GetSpatialRef();
  OGRLayer* target = db.dataset().CreateLayer(table.c_str(), crs, source.GetGeomType(), const_cast<char**>(options.data()));
  if (!target) db.fail("cannot create table " + table);
  OGRFeatureDefn* defn = source.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    if (target->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE) db.fail("cannot create a field of " + table);
  }
  source.ResetReading();
  for (OGRFeatureUniquePtr f{source.GetNextFeature()}; f; f.reset(source.GetNextFeature())) {
    OGRFeature copy(target->GetLayerDefn());
    copy.SetFrom(f.get(), TRUE);
    copy.SetFID(f->GetFID());
    if (target->CreateFeature(&copy) != OGRERR_NONE) db.fail("cannot write a row of " + table);
  }
  if (target->SyncToDisk() != OGRERR_NONE) db.fail("cannot write " + table);
}

}  // namespace

bool is_database_output(const std::string& output) { return output.rfind("PG:", 0) == 0 || output.rfind("pg:", 0) == 0; }

void check_schema_name(const std::string& schema, const std::string& what) {
  const bool ok = !schema.empty() && schema.size() <= 63 - 9 && (std::islower(static_cast<unsigned char>(schema[0])) || schema[0] == '_') &&
                  std::all_of(schema.begin(), schema.end(), [](char c) {
                    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                  });
  if (!ok) {
    throw UsageError(what + " '" + schema + "': not a schema name; use a lower-case letter or _, then lower-case letters, "
                     "digits or _ (at most 54)");
  }
}

std::vector<std::string> publish_to_postgis(const std::string& folder, const std::string& connection,
                                            const std::string& schema, const Progress& progress) {
  check_schema_name(schema, "schema");
  Database db(connection, schema);
  if (db.value("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") != "1") {
    throw DataError(redact_secrets("output '" + connection + "': the database has no PostGIS; run CREATE EXTENSION postgis in it"));
  }
  // One run per schema at a time: the lock is the session's, released when the connection closes.
  if (db.value("SELECT pg_try_advisory_lock(hashtext('hotspot:" + schema + "'))") != "1") {
    throw UsageError(redact_secrets("output '" + connection + "' schema " + schema +
                                    ": another hotspot run is writing this schema; wait for it to finish"));
  }
  const std::string staging = schema + "__staging";
  db.run("DROP SCHEMA IF EXISTS " + staging + " CASCADE");  // what a killed run left
  db.run("CREATE SCHEMA " + staging);

  std::vector<std::string> tables;
  std::set<std::string> taken;
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), folder).string());
  }
  std::sort(files.begin(), files.end());
  const fs::path gpkg = fs::path(folder) / "pack.gpkg";
  size_t done = 0;
  const auto step = [&] { report(progress, "writing to PostGIS", static_cast<double>(++done) / static_cast<double>(files.size() + 1)); };
  if (fs::exists(gpkg)) {
    GDALDatasetUniquePtr pack = open_vector(gpkg.string(), "pack");
    for (int i = 0; i < pack->GetLayerCount(); ++i) {
      OGRLayer* layer = pack->GetLayer(i);
      const std::string name = layer->GetName();
      if (name == "layer_styles") continue;  // QGIS reads a database's styles from public.layer_styles, not the schema's
      copy_layer(db, *layer, staging, name, {"SPATIAL_INDEX=GIST"});
      tables.push_back(name);
      taken.insert(name);
    }
  }
  step();
  OGRLayer* stored = nullptr;
  for (const auto& rel : files) {
    const fs::path path = fs::path(folder) / rel;
    if (rel == "pack.gpkg" || rel == kPackMarker) continue;
    if (path.extension() == ".csv") {
      GDALDatasetUniquePtr csv = open_vector(path.string(), "table", {"AUTODETECT_TYPE=YES", "QUOTED_FIELDS_AS_STRING=YES", "EMPTY_STRING_AS_NULL=YES"}, {"CSV"});
      std::string name = pack_table_name(rel);
      if (taken.count(name)) name += "_table";
      copy_layer(db, *csv->GetLayer(0), staging, name, {});
      tables.push_back(name);
      taken.insert(name);
    } else {
      if (!stored) {
        const std::string schema_option = "SCHEMA=" + staging;
        const char* options[] = {"LAUNDER=NO", schema_option.c_str(), "FID=fid", nullptr};
        stored = db.dataset().CreateLayer("pack_files", nullptr, wkbNone, const_cast<char**>(options));
        if (!stored) db.fail("cannot create table pack_files");
        OGRFieldDefn name("name", OFTString), content("content", OFTBinary);
        if (stored->CreateField(&name) != OGRERR_NONE || stored->CreateField(&content) != OGRERR_NONE) {
          db.fail("cannot create the fields of pack_files");
        }
        tables.push_back("pack_files");
      }
      const std::string bytes = read_text(path.string());
      OGRFeature f(stored->GetLayerDefn());
      f.SetField("name", rel.c_str());
      f.SetField(1, static_cast<int>(bytes.size()), reinterpret_cast<const GByte*>(bytes.data()));
      if (stored->CreateFeature(&f) != OGRERR_NONE) db.fail("cannot store " + rel + " in pack_files");
    }
    step();
  }
  if (stored && stored->SyncToDisk() != OGRERR_NONE) db.fail("cannot write pack_files");
  // The swap: until this commits, the previous schema is the one readers see.
  if (db.dataset().StartTransaction() != OGRERR_NONE) db.fail("cannot start the transaction");
  db.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  db.run("ALTER SCHEMA " + staging + " RENAME TO " + schema);
  if (db.dataset().CommitTransaction() != OGRERR_NONE) db.fail("cannot commit");
  for (auto& t : tables) t = schema + "." + t;
  return tables;
}

PackTarget::PackTarget(std::string output, std::string schema) : output_(std::move(output)), schema_(std::move(schema)) {
  if (!is_database_output(output_)) {
    folder_ = output_;
    return;
  }
  check_schema_name(schema_, "schema");
  std::string pattern = (fs::temp_directory_path() / "hotspot-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw DataError("cannot create a temporary folder in " + pattern);
  temporary_ = pattern;
  folder_ = temporary_ + "/pack";
}

PackTarget::~PackTarget() {
  std::error_code ec;
  if (!temporary_.empty()) fs::remove_all(temporary_, ec);
}

std::vector<std::string> PackTarget::publish(std::vector<std::string> committed, const Progress& progress) const {
  if (!database()) return committed;
  return publish_to_postgis(folder_, output_, schema_, progress);
}

}  // namespace hotspot
