// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace hotspot {

// Whether `output` names a PostgreSQL database (GDAL's "PG:dbname=... host=..." form).
bool is_database_output(const std::string& output);

// Throws UsageError naming `what` unless `schema` is a plain PostgreSQL identifier: a lower-case
// letter or _, then up to 62 lower-case letters, digits or _ (so it needs no quoting in SQL).
void check_schema_name(const std::string& schema, const std::string& what);

// Publishes a finished pack folder (written with --format gpkg) to schema `schema` of the
// PostGIS database `connection`, replacing the schema's previous contents in one transaction:
//   - every layer of pack.gpkg as a table of the same name (EPSG:27700, geometry column geom,
//     a GiST index), features and fields as in the GeoPackage;
//   - every CSV table as a table named by its path ("kde/hotspots.csv" -> kde_hotspots_table when a
//     layer has the name kde_hotspots, else kde_hotspots), types as GDAL's CSV driver detects them;
//   - every other file (brief.html, maps, density.tif, summary.json, ...) as a row of pack_files
//     (name, content bytea).
// Everything is written into a staging schema first ("<schema>__staging"); the previous schema
// is dropped and the staging one renamed in a single transaction, so a run killed at any moment
// leaves the previous schema whole. A second run into the same schema at once is refused (an
// advisory lock). Returns the tables written, as "schema.table". Throws DataError naming the
// connection with its password masked.
std::vector<std::string> publish_to_postgis(const std::string& folder, const std::string& connection,
                                            const std::string& schema, const Progress& progress = {});

// Where a pack goes: `output` is a folder, written in place, or a PostGIS database, for which the
// pack is written in a private temporary folder (removed with this) and published into `schema`.
class PackTarget {
 public:
  PackTarget(std::string output, std::string schema);
  ~PackTarget();
  PackTarget(const PackTarget&) = delete;
  PackTarget& operator=(const PackTarget&) = delete;
  bool database() const { return !temporary_.empty(); }
  // The folder to write the pack in (OutputFolder).
  const std::string& folder() const { return folder_; }
  // Once the pack is committed: its outputs as the user sees them, the folder's files or the
  // schema's tables (published now).
  std::vector<std::string> publish(std::vector<std::string> committed, const Progress& progress = {}) const;

 private:
  std::string output_, schema_, temporary_, folder_;
};

}  // namespace hotspot
