// SPDX-License-Identifier: Apache-2.0
// The example pack in other layer formats: the same analysis whatever the format (every table, map
// and page byte for byte), the same features in each format, and a GeoPackage pack that is
// byte-identical when the run is repeated.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "core/gdal_handles.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

// The pack's files by name, relative to the pack.
std::set<std::string> files_of(const std::string& pack) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(pack)) {
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), pack).string());
  }
  return out;
}

bool layer_file(const std::string& name) {
  for (const char* ext : {".gpkg", ".fgb", ".qml", ".geojson", ".qgs"}) {
    if (name.size() > std::string(ext).size() && name.compare(name.size() - std::string(ext).size(), std::string::npos, ext) == 0) {
      return true;
    }
  }
  return false;
}

// Each feature's fields as text, in feature order sorted (FlatGeobuf orders by its index).
std::multiset<std::string> rows_of(OGRLayer& layer) {
  std::multiset<std::string> rows;
  for (auto& f : layer) {
    std::string row;
    for (int i = 0; i < f->GetFieldCount(); ++i) row += std::string(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "null") + "|";
    char* wkt = nullptr;
    f->GetGeometryRef()->exportToWkt(&wkt);
    rows.insert(row + wkt);
    CPLFree(wkt);
  }
  return rows;
}

}  // namespace

TEST_CASE("cli: --format gpkg and fgb give the same pack but for its layers, the same features, and reruns byte for byte",
          "[cli][formats]") {
  const std::string dir = test::output_dir("cli_formats");
  const std::string run = "--quiet run " + test::source_path("examples/ashfield-mansfield/tasking.toml") + " --output " + dir;
  REQUIRE(test::run_hotspot(run + "/gpkg --format gpkg").exit_code == 0);
  REQUIRE(test::run_hotspot(run + "/gpkg-again --format gpkg").exit_code == 0);
  REQUIRE(test::run_hotspot(run + "/fgb --format fgb").exit_code == 0);
  const std::string gpkg = dir + "/gpkg/2024-07-01", again = dir + "/gpkg-again/2024-07-01", fgb = dir + "/fgb/2024-07-01";
  // A rerun: every file the same, the GeoPackage included.
  const std::set<std::string> names = files_of(gpkg);
  CHECK(names == files_of(again));
  for (const auto& name : names) {
    INFO(name);
    CHECK(test::slurp(gpkg + "/" + name) == test::slurp(again + "/" + name));
  }
  // One GeoPackage and no layer file beside it (density.tif and its style aside).
  CHECK(names.count("pack.gpkg"));
  for (const auto& name : names) CHECK((!layer_file(name) || name == "pack.gpkg" || name == "pack.qgs" || name == "kde/density.qml"));
  // The analysis does not depend on the format: every table, map and page is the same (the
  // summaries list the files, which differ).
  const std::set<std::string> fgb_names = files_of(fgb);
  int compared = 0;
  for (const auto& name : names) {
    if (layer_file(name) || name == "summary.txt" || name == "summary.json") continue;
    INFO(name);
    REQUIRE(fgb_names.count(name));
    CHECK(test::slurp(gpkg + "/" + name) == test::slurp(fgb + "/" + name));
    ++compared;
  }
  CHECK(compared >= 25);
  // Each layer of the GeoPackage is a FlatGeobuf of the other pack, with the same features.
  init_gdal();
  GDALDatasetUniquePtr pack = open_vector(gpkg + "/pack.gpkg", "pack");
  int layers = 0;
  for (int i = 0; i < pack->GetLayerCount(); ++i) {
    OGRLayer* layer = pack->GetLayer(i);
    std::string name = layer->GetName();
    if (name == "layer_styles") continue;
    name[name.find('_')] = '/';  // "kde_hotspots" -> "kde/hotspots"
    INFO(name);
    REQUIRE(fgb_names.count(name + ".fgb"));
    GDALDatasetUniquePtr other = open_vector(fgb + "/" + name + ".fgb", "fgb");
    CHECK(std::string(other->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    CHECK(rows_of(*layer) == rows_of(*other->GetLayer(0)));
    ++layers;
  }
  CHECK(layers >= 10);
}
