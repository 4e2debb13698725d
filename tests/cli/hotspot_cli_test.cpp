// SPDX-License-Identifier: Apache-2.0
// The hotspot binary as a user meets it: exit codes, messages, atomic outputs, determinism.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include <cpl_json.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "core/gdal_handles.hpp"
#include "outputs/numbers.hpp"
#include "brief_tables.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;
using namespace hotspot;

using test::check_refused;
using test::example;
using test::kExampleArgs;
using test::run_hotspot;
using test::slurp;
using Result = test::CliResult;

TEST_CASE("cli: every verb has --help with an example", "[cli]") {
  for (const char* verb : {"areas", "cluster", "stats", "kde", "evaluate", "geocode", "gazetteer streets", "run"}) {
    const Result r = run_hotspot(std::string(verb) + " --help");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Example") && Catch::Contains(std::string("hotspot ") + verb));
  }
  CHECK(run_hotspot("--help").exit_code == 0);
}

TEST_CASE("cli: usage errors exit 1 and name the flag", "[cli]") {
  CHECK(run_hotspot("").exit_code == 1);
  CHECK(run_hotspot("areas --bogus").exit_code == 1);
  // A misspelt flag is named with the flag meant, before any complaint about required ones.
  check_refused("kde --boundries x", 1, "hotspot: unknown flag --boundries (did you mean --boundaries?)");
  check_refused("areas" + kExampleArgs + " --distrcts E07000170", 1, "unknown flag --distrcts (did you mean --districts?)");
  check_refused("areas" + kExampleArgs + " --from 2024-13", 1, "hotspot: --from 2024-13: not a month YYYY-MM");
  check_refused("areas" + kExampleArgs + " --types ';'", 1, "--types");
}

TEST_CASE("cli: a data error exits 2, names the file and leaves no output", "[cli]") {
  const std::string dir = test::fixture_dir("cli_data_error");
  const std::string bad_imd = test::write_file(dir, "imd.csv", "\xEF\xBB\xBFLSOA code (2011),x\nE01000001,1\n");
  const Result r = run_hotspot("areas --incidents " + example("police-uk") + " --boundaries " +
                           test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --imd " + bad_imd +
                           " --output " + dir + "/out");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.out, Catch::Contains("imd.csv") && Catch::Contains("Index of Multiple Deprivation (IMD) Rank"));
  CHECK_FALSE(fs::exists(dir + "/out"));
}

TEST_CASE("cli: the example run is complete, accounted for, and byte-identical when repeated", "[cli]") {
  const std::string dir = test::output_dir("cli_example_run");
  const Result first = run_hotspot("run " + example("tasking.toml") + " --output " + dir + "/first");
  REQUIRE(first.exit_code == 0);
  const Result second = run_hotspot("--quiet run " + example("tasking.toml") + " --output " + dir + "/second");
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.empty());
  for (const char* f : {"areas/lsoa.geojson", "areas/lsoa.qml", "areas/deprivation_profile.csv", "cluster/nni.csv",
                        "cluster/clusters.geojson", "cluster/clusters.qml", "cluster/points.gpkg", "stats/lsoa_stats.geojson",
                        "stats/lsoa_stats.qml", "stats/lsoa_stats.csv", "kde/density.tif", "kde/density.qml", "kde/hotspots.geojson",
                        "kde/hotspots.qml", "kde/hotspots.csv", "kde/ceased_hotspots.geojson", "kde/ceased_hotspots.csv",
                        "kde/evaluation.csv", "grid/grid_cells.geojson", "grid/grid_cells.csv",
                        "grid/ceased_grid_cells.geojson", "grid/ceased_grid_cells.csv", "rejects.csv", "summary.json",
                        "maps/hotspots.png", "maps/lsoa-rates.png", "maps/lsoa-gi.png", "maps/lsoa-emerging.png",
                        "maps/clusters.png", "maps/grid.png", "places/places.csv", "places/oak-tree.csv",
                        "places/kirkby-cross-portland.csv", "places/bellamy-estate.csv", "places/coxmoor.csv",
                        "places/places.geojson", "places/place_points.geojson", "maps/places.png", "maps/place-oak-tree.png",
                        "maps/place-coxmoor.png", "indicators/indicators.csv", "brief.html", "summary.txt", "pack.qgs"}) {
    const std::string a = slurp(dir + "/first/2024-07-01/" + f);
    CHECK_FALSE(a.empty());
    CHECK(a == slurp(dir + "/second/2024-07-01/" + f));
  }
  CHECK_THAT(first.out, Catch::Contains("loaded        9,111") && Catch::Contains("2024-07-01/summary.json"));
  // The pack's hotspots: at most 20 polygons within 0.25% of the study area's 298,012 cells of
  // 25 m, each named by a street and a ward; each hotspot and grid cell in one change class.
  init_gdal();
  GDALDatasetUniquePtr layer = open_vector(dir + "/first/2024-07-01/kde/hotspots.geojson", "hotspots");
  OGRSpatialReference bng;
  bng.importFromEPSG(27700);
  double area_m2 = 0;
  int hotspots = 0;
  std::map<std::string, int> classes;
  for (auto& f : *layer->GetLayer(0)) {
    ++hotspots;
    OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(wkbFlatten(g->getGeometryType()) == wkbPolygon);
    REQUIRE(g->transformTo(&bng) == OGRERR_NONE);
    area_m2 += g->toPolygon()->get_Area();
    CHECK(std::string(f->GetFieldAsString("streets")) != "");
    CHECK(std::string(f->GetFieldAsString("ward")) != "");
    ++classes[f->GetFieldAsString("change")];
  }
  CHECK(hotspots <= 20);
  CHECK(area_m2 <= std::floor(0.0025 * 298012) * 625 + 1);
  CPLJSONDocument summary;
  REQUIRE(summary.Load(dir + "/first/2024-07-01/summary.json"));
  const CPLJSONObject counted = summary.GetRoot().GetObj("kde/change_classes");
  for (const char* c : {"new", "persistent", "intensifying", "diminishing"}) CHECK(counted.GetInteger(c) == classes[c]);
  GDALDatasetUniquePtr ceased = open_vector(dir + "/first/2024-07-01/kde/ceased_hotspots.geojson", "ceased");
  CHECK(counted.GetInteger("ceased") == static_cast<int>(ceased->GetLayer(0)->GetFeatureCount()));
  CHECK(classes["new"] + classes["persistent"] + classes["intensifying"] + classes["diminishing"] == hotspots);
  // brief.html: every number in its tables is the pack's own figure, read back from the CSVs.
  const std::string pack = dir + "/first/2024-07-01/";
  const std::string brief = slurp(pack + "brief.html");
  CHECK(brief.find("http:") == std::string::npos);  // nothing to fetch
  CHECK(brief.find("https:") == std::string::npos);
  const auto plain = [](std::string v) {  // "36,247" -> "36247"
    v.erase(std::remove(v.begin(), v.end(), ','), v.end());
    return v;
  };
  // hotspots.csv: rank,name,streets,ward,ward_code,district,area_km2,cells,incidents,share,peak,mean,change,
  // previous_incidents,current_incidents,rate_change,...
  const auto hotspot_rows = test::brief_table(brief, "hotspots");
  const auto hotspot_csv = test::csv_rows(pack + "kde/hotspots.csv");
  REQUIRE(hotspot_rows.size() == hotspot_csv.size());
  for (size_t k = 0; k < hotspot_rows.size(); ++k) {
    const auto& b = hotspot_rows[k];
    const auto& c = hotspot_csv[k];
    REQUIRE(b.size() == 10);
    CHECK(b[0] == c[0]);
    CHECK(b[1] == c[2]);
    CHECK(b[2] == c[3]);
    CHECK(b[3] == c[5]);
    CHECK(b[4] == c[8]);
    CHECK(b[5] == c[6]);
    CHECK(b[6].rfind("<img class=\"spark\"", 0) == 0);  // the monthly sparkline, a picture
    CHECK(b[7] == c[12]);
    CHECK(b[8] == c[13]);
    if (!c[15].empty()) CHECK(std::stod(b[9]) == Approx(100 * std::stod(c[15])).margin(0.5));
  }
  // deprivation_profile.csv: imd_decile,lsoas,population,incidents,share_of_incidents,incidents_per_1000
  const auto decile_rows = test::brief_table(brief, "deprivation");
  const auto decile_csv = test::csv_rows(pack + "areas/deprivation_profile.csv");
  REQUIRE(decile_rows.size() == decile_csv.size());
  for (size_t k = 0; k < decile_rows.size(); ++k) {
    const auto& b = decile_rows[k];
    const auto& c = decile_csv[k];
    CHECK(b[0] == c[0]);
    CHECK(b[1] == c[1]);
    CHECK(plain(b[2]) == c[2]);
    CHECK(plain(b[3]) == c[3]);
    CHECK(std::stod(b[4]) == Approx(100 * std::stod(c[4])).margin(0.05));
    CHECK(b[5] == c[5]);
  }
  // grid_cells.csv: rank,name,streets,ward,ward_code,district,easting,northing,incidents,harm,previous_incidents,
  // previous_rank,change,...
  const auto grid_rows = test::brief_table(brief, "grid");
  const auto grid_csv = test::csv_rows(pack + "grid/grid_cells.csv");
  REQUIRE(grid_rows.size() == grid_csv.size());
  for (size_t k = 0; k < grid_rows.size(); ++k) {
    CHECK(grid_rows[k][0] == grid_csv[k][0]);
    CHECK(grid_rows[k][1] == grid_csv[k][2]);
    CHECK(grid_rows[k][2] == grid_csv[k][3]);
    CHECK(grid_rows[k][3] == grid_csv[k][8]);
    CHECK(grid_rows[k][4] == grid_csv[k][11]);
    CHECK(grid_rows[k][5] == grid_csv[k][12]);
    CHECK(grid_rows[k][6].rfind("<img class=\"spark\"", 0) == 0);
  }
  // The headline's period comparison, against the incidents' months in points.gpkg (one row each).
  size_t current = 0, previous = 0;
  GDALDatasetUniquePtr points = open_vector(pack + "cluster/points.gpkg", "points");
  for (auto& f : *points->GetLayer(0)) (std::string(f->GetFieldAsString("month")) >= "2024-01" ? current : previous) += 1;
  CHECK_THAT(brief, Catch::Contains(fmt::format("<p>January 2024 to June 2024: {} incidents, {:.0f} a month, against {:.0f} a "
                                                "month in the 6 months before ({:+.1f}% a month).",
                                                count_text(current), static_cast<double>(current) / 6.0,
                                                static_cast<double>(previous) / 6.0,
                                                100.0 * (static_cast<double>(current) / static_cast<double>(previous) - 1))));
  // clusters.geojson: the first-order clusters by rank.
  std::map<int, std::vector<std::string>> first_order;
  std::map<int, double> first_order_km2;
  GDALDatasetUniquePtr clusters = open_vector(pack + "cluster/clusters.geojson", "clusters");
  for (auto& f : *clusters->GetLayer(0)) {
    if (f->GetFieldAsInteger("order") != 1) continue;
    first_order[f->GetFieldAsInteger("rank")] = {f->GetFieldAsString("rank"), f->GetFieldAsString("streets"),
                                                 f->GetFieldAsString("ward"), f->GetFieldAsString("district"),
                                                 f->GetFieldAsString("incidents")};
    first_order_km2[f->GetFieldAsInteger("rank")] = f->GetFieldAsDouble("area_km2");
  }
  const auto cluster_rows = test::brief_table(brief, "clusters");
  REQUIRE(cluster_rows.size() == std::min<size_t>(20, first_order.size()));
  for (const auto& b : cluster_rows) {
    const int rank = std::stoi(b[0]);
    REQUIRE(first_order.count(rank));
    REQUIRE(b.size() == 6);
    CHECK(std::vector<std::string>(b.begin(), b.begin() + 5) == first_order[rank]);
    CHECK(std::stod(b[5]) == Approx(first_order_km2[rank]).margin(0.00005));
  }
  // lsoa_stats.csv: lsoa_code(0),lsoa_name,district,imd_decile(3),count(4),...,gi_z(8),...,gi_bin(11),gi_class(12),...
  std::map<std::string, std::vector<std::string>> stats_csv;
  for (const auto& row : test::csv_rows(pack + "stats/lsoa_stats.csv")) stats_csv[row[0]] = row;
  size_t hot = 0;
  for (const auto& row : stats_csv) hot += std::stoi(row.second[11]) > 0;
  const auto stats_rows = test::brief_table(brief, "lsoa-stats");
  CHECK(stats_rows.size() == hot);
  for (const auto& b : stats_rows) {
    REQUIRE(stats_csv.count(b[1]));
    const auto& c = stats_csv[b[1]];
    CHECK(b[0] == c[1]);
    CHECK(b[2] == c[4]);
    CHECK(std::stod(b[3]) == Approx(std::stod(c[8])).margin(0.005));
    CHECK(b[4] == c[12]);
    CHECK(b[5] == c[23]);  // emerging
    CHECK(b[6] == c[3]);
  }
  // The config's places and indicators, against counts made another way (point in polygon and the
  // rows' Location text on the raw CSVs) and scipy's p-values: tests/pipeline/example_reference.py.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> places;
  for (const auto& row : test::csv_rows(pack + "places/places.csv")) places[{row[0], row[2]}] = row;
  const auto places_reference = test::csv_rows(test::source_path("tests/pipeline/places_reference.csv"));
  REQUIRE(places_reference.size() == 16);
  REQUIRE(places.size() == 16);
  for (const auto& ref : places_reference) {  // place,group,baseline,current,p_value
    INFO(ref[0] << " " << ref[1]);
    REQUIRE(places.count({ref[0], ref[1]}));
    const auto& row = places[{ref[0], ref[1]}];  // place,kind,group,...,baseline(7),current(8),...,p_value(12),rag
    CHECK(row[7] == ref[2]);
    CHECK(row[8] == ref[3]);
    CHECK(std::stod(row[12]) == Approx(std::stod(ref[4])).epsilon(1e-5));
  }
  // Each profile (places/<slug>.csv: section,item,period,value) holds the same counts, and its rate is
  // its current incidents over its residents.
  const std::map<std::string, std::string> slugs = {{"Oak Tree", "oak-tree"}, {"Kirkby Cross & Portland", "kirkby-cross-portland"},
                                                    {"Bellamy estate", "bellamy-estate"}, {"Coxmoor", "coxmoor"}};
  for (const auto& ref : places_reference) {
    std::map<std::string, std::string> facts;
    for (const auto& row : test::csv_rows(pack + "places/" + slugs.at(ref[0]) + ".csv")) facts[row[0] + "|" + row[1] + "|" + row[2]] = row[3];
    INFO(ref[0] << " " << ref[1]);
    CHECK(facts["incidents|" + ref[1] + "|baseline"] == ref[2]);
    CHECK(facts["incidents|" + ref[1] + "|current"] == ref[3]);
    if (ref[1] == "all") {
      const double residents = std::stod(facts["residents|place|postcode units"]);
      CHECK(std::stod(facts["rate_per_1000|place|current"]) == Approx(1000 * std::stod(ref[3]) / residents).margin(0.01));
    }
  }
  const auto indicators = test::csv_rows(pack + "indicators/indicators.csv");
  const auto indicators_reference = test::csv_rows(test::source_path("tests/pipeline/indicators_scipy.csv"));
  REQUIRE(indicators.size() == indicators_reference.size());
  for (size_t k = 0; k < indicators.size(); ++k) {  // indicator,area,baseline_period,baseline,..,current(6),..,p_value(9)
    CHECK(indicators[k][0] == indicators_reference[k][0]);
    CHECK(indicators[k][1] == indicators_reference[k][1]);
    CHECK(indicators[k][3] == indicators_reference[k][2]);
    CHECK(indicators[k][6] == indicators_reference[k][3]);
    CHECK(std::stod(indicators[k][9]) == Approx(std::stod(indicators_reference[k][4])).epsilon(1e-5));
  }
  const auto indicator_rows = test::brief_table(brief, "indicators");
  REQUIRE(indicator_rows.size() == indicators.size());
  for (size_t k = 0; k < indicators.size(); ++k) {
    CHECK(indicator_rows[k][0] == indicators[k][0]);
    CHECK(plain(indicator_rows[k][2]) == indicators[k][3]);
    CHECK(plain(indicator_rows[k][3]) == indicators[k][6]);
    CHECK_THAT(indicator_rows[k][6], Catch::Contains(indicators[k][10]));
  }
  // summary.txt: the terminal's summary as printed, with the pack's files.
  CHECK_THAT(slurp(pack + "summary.txt"), Catch::Contains("loaded        9,111") && Catch::Contains("grid: 150 m cells") &&
                                              Catch::Contains("  brief.html\n"));
}

TEST_CASE("cli: --json prints the summary with the row accounting", "[cli]") {
  const std::string dir = test::output_dir("cli_json");
  const Result r = run_hotspot("areas --json" + kExampleArgs + " --types serious-violence --from 2023-07 --to 2024-06 --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("{") && Catch::Contains("\"loaded\":9111") && Catch::Contains("\"read\":27682"));
  CHECK(slurp(dir + "/summary.json").find("\"loaded\":9111") != std::string::npos);
}

TEST_CASE("cli: dbscan on the benchmark CSV finds scikit-learn's 3,002 clusters", "[cli][shared]") {
  const std::string dir = test::output_dir("cli_dbscan");
  const Result r = run_hotspot("cluster --method dbscan --eps 100 --min-points 10 --incidents " +
                               test::shared_path("benchmarks/notts_inside_xy.csv") + " --x x --y y --crs EPSG:27700" +
                               " --boundaries " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                               " --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("dbscan: 3,002 clusters") && Catch::Contains("loaded      194,375"));
  CHECK_THAT(slurp(dir + "/summary.json"), Catch::Contains("\"core_points\":178259"));
}

TEST_CASE("cli: a 64-bit seed is used and recorded exactly", "[cli]") {
  const std::string dir = test::output_dir("cli_seed");
  const Result r = run_hotspot("cluster --method nnh --simulations 2 --seed 5000000001 --incidents " + example("police-uk") +
                               " --types Robbery --boundaries " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                               " --districts E07000170 -q --output " + dir);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(slurp(dir + "/summary.json"), Catch::Contains("\"seed\":5000000001"));
}

TEST_CASE("cli: clustering parameters out of range exit 1 and name the parameter", "[cli]") {
  const std::string common = " --incidents " + example("police-uk") + " --boundaries " +
                             test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  check_refused("cluster --method dbscan --eps 0" + common, 1, "hotspot: --eps 0: must be > 0 m");
  check_refused("cluster --method nnh --probability 1.5" + common, 1, "--probability 1.5: must be in (0, 1)");
  check_refused("cluster --method kmeans" + common, 1, "--method kmeans: must be one of nni, nnh, dbscan");
  check_refused("cluster --method nnh --shape circle" + common, 1, "--shape circle: must be one of hull, ellipse1, ellipse2");
  check_refused("cluster --method nnh --min-points 1" + common, 1, "--min-points 1: nnh needs >= 2");
}

TEST_CASE("cli: stats parameters out of range exit 1 and name the parameter", "[cli]") {
  const std::string common = " --incidents " + example("police-uk") + " --boundaries " +
                             test::source_path("shapefiles/nottinghamshire_lsoa11.shp") + " --districts E07000170";
  check_refused("stats --value density" + common, 1, "--value 'density': not count, rate or a field");
  check_refused("stats --weights bishop" + common, 1, "--weights bishop: choose queen, rook");
  check_refused("stats --weights knn:0" + common, 1, "knn:0");
  check_refused("stats --value rate" + common, 2, "no population");  // no --population
}

TEST_CASE("cli: stats on a numeric field of the boundaries", "[cli]") {
  // The shapefile's LSOA codes end in digits; any numeric field will do: make one with ogr2ogr.
  const std::string dir = test::fixture_dir("cli_stats_field");
  const std::string layer = dir + "/lsoa_value.gpkg";
  REQUIRE(std::system(("ogr2ogr -q -nlt PROMOTE_TO_MULTI -f GPKG " + layer + " " + test::source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                       " -dialect SQLite -sql \"SELECT LSOA11CD, LADCD, CAST(substr(LSOA11CD, 8, 2) AS REAL) AS score, "
                       "geometry FROM nottinghamshire_lsoa11\"").c_str()) == 0);
  const std::string out = dir + "/out";
  const Result r = run_hotspot("stats --value score --incidents " + example("police-uk") + " --boundaries " + layer +
                               " --districts E07000170 --output " + out);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("global Moran's I"));
  CHECK_THAT(slurp(out + "/summary.json"), Catch::Contains("\"value\":\"score\""));
}
