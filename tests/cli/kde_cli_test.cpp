// SPDX-License-Identifier: Apache-2.0
// `hotspot kde` and `hotspot evaluate` as a user meets them: outputs, bad input, edge cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/gdal_handles.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;
using namespace hotspot;
using namespace hotspot::test;

namespace {

const std::string kLsoas = " --boundaries " + source_path("shapefiles/nottinghamshire_lsoa11.shp");

// A generic CSV of `rows` points in EPSG:27700 (a header first).
std::string points_csv(const std::string& dir, const std::string& name, const std::string& rows) {
  return write_file(dir, name, "x,y\n" + rows);
}

}  // namespace

TEST_CASE("cli: kde on the example writes the surface, the hotspots and their style", "[cli][kde]") {
  const std::string dir = output_dir("cli_kde");
  const CliResult r = run_hotspot("kde" + kExampleArgs + " --wards " + source_path("shapefiles/nottinghamshire_wards2025.shp") +
                                    " --types serious-violence --cell 25 --bandwidth 150 --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("quartic kernel, bandwidth 150 m, 25 m cells") && Catch::Contains("hotspots over"));
  for (const char* f : {"density.tif", "hotspots.geojson", "hotspots.qml", "hotspots.csv", "rejects.csv", "summary.json"}) {
    CHECK(fs::exists(dir + "/" + f));
  }
  // At most --top (20) hotspots whose area is within the budget (0.25% of the study area's
  // 298,012 cells of 25 m), each named by its police.uk streets ("On or near X" -> X), its
  // ward and district.
  CHECK(r.out.find("298,012 in the study area") != std::string::npos);
  const double budget_km2 = std::floor(0.0025 * 298012) * 25.0 * 25.0 / 1e6;
  init_gdal();
  GDALDatasetUniquePtr layer(GDALDataset::Open((dir + "/hotspots.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(layer);
  OGRSpatialReference bng;
  bng.importFromEPSG(27700);
  double area_km2 = 0;
  size_t hotspots = 0;
  std::string first_street;
  for (auto& f : *layer->GetLayer(0)) {
    ++hotspots;
    OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(wkbFlatten(g->getGeometryType()) == wkbPolygon);  // one polygon an officer can walk
    REQUIRE(g->transformTo(&bng) == OGRERR_NONE);
    area_km2 += g->toPolygon()->get_Area() / 1e6;
    const std::string streets = f->GetFieldAsString("streets"), ward = f->GetFieldAsString("ward"),
                      district = f->GetFieldAsString("district");
    CHECK(!streets.empty());
    CHECK(!ward.empty());
    CHECK((district == "Ashfield" || district == "Mansfield"));
    CHECK(std::string(f->GetFieldAsString("name")) == streets + ", " + ward + ", " + district);
    CHECK(std::string(f->GetFieldAsString("main_lsoa_name")).rfind(district + " ", 0) == 0);
    if (first_street.empty()) first_street = streets.substr(0, streets.find(" / "));
  }
  CHECK(hotspots == 20);
  CHECK(area_km2 <= budget_km2 + 1e-6);
  CHECK(area_km2 > 0.5 * budget_km2);
  const std::string month = slurp(example("police-uk/2024-06/2024-06-nottinghamshire-street.csv")) +
                            slurp(example("police-uk/2023-07/2023-07-nottinghamshire-street.csv"));
  CHECK_THAT(month, Catch::Contains("On or near " + first_street));
  CHECK_THAT(slurp(dir + "/hotspots.csv"), Catch::StartsWith("rank,name,streets,ward,ward_code,district,"));
  GDALDatasetUniquePtr tif(GDALDataset::Open((dir + "/density.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  REQUIRE(tif);
  GDALRasterBand* band = tif->GetRasterBand(1);
  CHECK(band->GetRasterDataType() == GDT_Float32);
  int has_nodata = 0;
  CHECK(band->GetNoDataValue(&has_nodata) == -9999.0);
  CHECK(has_nodata);
  CHECK(std::string(band->GetUnitType()) == "incidents per km2");
  CHECK(std::string(tif->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")) == "DEFLATE");
  CHECK(std::string(tif->GetMetadataItem("HOTSPOT_KERNEL")) == "quartic");
  CHECK(std::string(tif->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
  // The mean density over the study cells times their area is the number of incidents (every
  // kernel lies well inside the study area's box at 150 m, and integrates to 1).
  std::vector<float> v(static_cast<size_t>(tif->GetRasterXSize()) * tif->GetRasterYSize());
  REQUIRE(band->RasterIO(GF_Read, 0, 0, tif->GetRasterXSize(), tif->GetRasterYSize(), v.data(), tif->GetRasterXSize(),
                         tif->GetRasterYSize(), GDT_Float32, 0, 0, nullptr) == CE_None);
  double mass = 0;
  for (float x : v) mass += x > 0 ? x * 25.0 * 25.0 / 1e6 : 0.0;
  // Kernels that spill over the study area's edge lose part of their mass: a little under 9,111.
  CHECK(mass > 0.97 * 9111);
  CHECK(mass < 9111.5);
}

TEST_CASE("cli: kde refuses bad bandwidths, cells and grids, naming the flag", "[cli][kde]") {
  const std::string common = kExampleArgs + " --cell 25";
  check_refused("kde" + common + " --bandwidth 0", 1, "--bandwidth 0: must be \"auto\" or a positive number of metres");
  check_refused("kde" + common + " --bandwidth -50", 1, "--bandwidth -50: must be");
  check_refused("kde" + common + " --bandwidth wide", 1, "--bandwidth wide: must be");
  check_refused("kde" + common + " --bandwidth 90000", 1, "--bandwidth 90000: larger than the study area");
  check_refused("kde" + kExampleArgs + " --bandwidth 100 --cell 0", 1, "--cell 0: must be > 0 m");
  check_refused("kde" + kExampleArgs + " --cell -5", 1, "hotspot: --cell -5: must be > 0 m");
  check_refused("kde" + kExampleArgs + " --bandwidth 100 --cell 1 --max-cells 1000000", 1, "--cell 1: the grid over the study area would have");
  check_refused("kde" + common + " --bandwidth 100 --kernel cosine", 1, "--kernel cosine: must be one of quartic");
  check_refused("kde" + common + " --bandwidth 100 --coverage 1.5", 1, "--coverage 1.5: must be in (0, 1]");
  check_refused("kde" + common + " --bandwidth 100 --extent 1,2,3", 1, "--extent 1,2,3: give xmin,ymin,xmax,ymax");
  check_refused("kde" + common + " --bandwidth 100 --from 2030-01", 2,
                "the period 2030-01..open holds none of them; the data's months are 2023-07..2024-06");
}

TEST_CASE("cli: kde with one incident, or all incidents at one point, gives one hotspot", "[cli][kde]") {
  const std::string in = fixture_dir("cli_kde_edge");
  const std::string one = points_csv(in, "one.csv", "452000,360000\n");
  std::string same;
  for (int i = 0; i < 50; ++i) same += "452000,360000\n";
  const std::string fifty = points_csv(in, "fifty.csv", same);
  // One kernel: the hotspot is its top cells, holding the incident(s).
  CliResult r = run_hotspot("kde --json --incidents " + one + " --x x --y y" + kLsoas + " --cell 25 --bandwidth 100 --output " +
                            in + "/one");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"hotspots\":1") && Catch::Contains("\"incidents_in_hotspots\":1"));
  // A single incident cannot be split to choose a bandwidth.
  check_refused("kde --incidents " + one + " --x x --y y" + kLsoas + " --cell 25 --bandwidth auto", 2,
                "--bandwidth auto: needs two or more incidents");
  // Fifty at one point: every candidate predicts them all, and the tie goes to the smallest, 2 cells.
  r = run_hotspot("kde --json --incidents " + fifty + " --x x --y y" + kLsoas + " --cell 25 --bandwidth auto --output " +
                  in + "/fifty");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"hotspots\":1") && Catch::Contains("\"incidents_in_hotspots\":50") &&
                        Catch::Contains("\"bandwidth_m\":50"));
}

TEST_CASE("cli: kde outside-the-study-area points are rejected and counted; a study area narrows the grid", "[cli][kde]") {
  const std::string in = fixture_dir("cli_kde_study_area");
  const std::string pts = points_csv(in, "p.csv", "452000,360000\n452010,360020\n300000,300000\n");
  const std::string area = write_file(in, "area.geojson",
                                      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},)"
                                      R"("features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",)"
                                      R"("coordinates":[[[451000,359000],[453000,359000],[453000,361000],[451000,361000],[451000,359000]]]}}]})");
  const std::string dir = in + "/out";
  const CliResult r = run_hotspot("kde --json --incidents " + pts + " --x x --y y" + kLsoas + " --study-area " + area +
                                  " --cell 25 --bandwidth 100 --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"loaded\":2") && Catch::Contains("\"outside study area\":1"));
  CHECK_THAT(r.out, Catch::Contains("\"columns\":80") && Catch::Contains("\"study_cells\":6400"));
}

TEST_CASE("cli: evaluate scores each method, and refuses periods in the wrong order", "[cli][kde]") {
  const std::string dir = output_dir("cli_evaluate");
  const CliResult r = run_hotspot("evaluate" + kExampleArgs + " --types serious-violence --train-from 2023-07 --train-to 2023-12"
                                  " --test-from 2024-01 --test-to 2024-06 --method kde,grid,lsoa --bandwidth 100 --curve"
                                  " --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("backtest:") && Catch::Contains("PAI") && Catch::Contains("lsoa"));
  const std::string csv = slurp(dir + "/evaluation.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3 * 4);  // header, 3 methods x 4 coverages
  const std::string curve = slurp(dir + "/pai_curve.csv");
  CHECK(std::count(curve.begin(), curve.end(), '\n') == 1 + 3 * 200);
  const std::string periods = kExampleArgs + " --train-from 2023-07 --train-to 2023-12";
  check_refused("evaluate" + periods + " --test-from 2023-12 --test-to 2024-06", 1, "--test-from 2023-12: the test months must come after the training months (train_to 2023-12)");
  check_refused("evaluate" + periods + " --test-from 2024-01 --test-to 2024-06 --method hexbin", 1, "--method hexbin: must be one of kde, grid, lsoa");
  check_refused("evaluate" + periods + " --test-from 2024-01 --test-to 2024-06 --coverages 0", 1, "--coverages 0: must be in (0, 1]");
  check_refused("evaluate" + periods + " --test-from 2025-01 --test-to 2025-06", 2, "no incidents in the test months");
}

TEST_CASE("cli: on 2023-07..12 against 2024-01..06, the auto bandwidth's PAI at 1% is within 5% of the best fixed one",
          "[cli][kde][shared]") {
  const std::string dir = output_dir("cli_evaluate_notts");
  const CliResult r = run_hotspot("evaluate --incidents " + shared_path("police-uk") + " --types serious-violence" + kLsoas +
                                  " --train-from 2023-07 --train-to 2023-12 --test-from 2024-01 --test-to 2024-06"
                                  " --method kde,grid,lsoa --bandwidth auto,50,150,300 --cell 25 --grid-cell 250 --output " +
                                  dir);
  REQUIRE(r.exit_code == 0);
  init_gdal();
  GDALDatasetUniquePtr ds = open_vector(dir + "/evaluation.csv", "evaluation");
  double auto_pai = 0, best_fixed = 0;
  int rows = 0;
  for (auto& f : *pick_layer(*ds, "", dir)) {
    ++rows;
    if (std::string(f->GetFieldAsString("method")) != "kde" || std::string(f->GetFieldAsString("coverage")) != "0.0100") continue;
    const double pai = f->GetFieldAsDouble("pai");
    if (std::string(f->GetFieldAsString("bandwidth")) == "auto") {
      auto_pai = pai;
    } else {
      best_fixed = std::max(best_fixed, pai);
    }
  }
  CHECK(rows == 6 * 4);  // kde x 4 bandwidths, grid and lsoa, at 4 coverages
  INFO("auto " << auto_pai << ", best fixed " << best_fixed);
  CHECK(best_fixed > 0);
  CHECK(auto_pai >= 0.95 * best_fixed);
}
