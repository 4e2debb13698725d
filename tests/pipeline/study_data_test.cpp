// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fstream>

#include "outputs/output_folder.hpp"
#include "pipeline/areas_stage.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("an IMD file missing codes: the areas are reported and kept", "[pipeline]") {
  const std::string dir = test::fixture_dir("study_missing_imd");
  StudyInputs in;
  in.boundaries = test::two_squares(dir);
  in.imd = test::imd_file(dir, "E01000001,West 001A,E07000170,Ashfield,\"1,000\",1\n");
  in.incidents = {test::write_file(dir, "points.csv", "x,y\n450050,360050\n450150,360050\n450150,360060\n")};
  in.columns.x = "x";
  in.columns.y = "y";
  const StudyData s = load_study(in);
  CHECK(s.codes_without_imd == std::vector<std::string>{"E01000002"});
  REQUIRE(s.warnings.size() == 1);
  CHECK_THAT(s.warnings[0], Catch::Contains("E01000002") && Catch::Contains("no IMD row"));

  const AreasResult r = analyse_areas(s);
  REQUIRE(r.profile.size() == 11);
  CHECK(r.profile[0].incidents == 1);
  CHECK(r.profile[10].decile == 0);
  CHECK(r.profile[10].incidents == 2);

  const std::string out_dir = test::output_dir("study_missing_imd");
  OutputFolder out(out_dir);
  write_areas(s, r, out);
  out.commit();
  std::ifstream in_layer(out_dir + "/lsoa.geojson");
  const std::string text((std::istreambuf_iterator<char>(in_layer)), {});
  // The area without IMD is in the layer, with its count and null IMD fields.
  const size_t at = text.find("\"lsoa_code\": \"E01000002\"");
  REQUIRE(at != std::string::npos);
  const std::string feature = text.substr(at, text.find("geometry", at) - at);
  CHECK_THAT(feature, Catch::Contains("\"incidents\": 2") && Catch::Contains("\"imd_decile\": null"));
}

TEST_CASE("a study on 2021 LSOAs takes IMD 2019 through [imd] areas: every LSOA has a decile, residents counted once",
          "[pipeline]") {
  StudyInputs in;
  in.incidents = {test::source_path("examples/ashfield-mansfield/police-uk/2024-06")};
  in.boundaries = test::source_path("shapefiles/nottinghamshire_lsoa21.shp");
  in.boundary_options.districts = {"E07000170", "E07000174"};
  const std::string imd = test::source_path("examples/ashfield-mansfield/imd2019/");
  in.imd = imd + "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv";
  in.population = imd + "File_6_-_IoD2019_Population_Denominators.csv";
  const StudyData without = load_study(in);
  CHECK(without.codes_without_imd.size() > 0);  // the new 2021 codes: IMD 2019 has no row for them
  in.imd_areas = test::source_path("shapefiles/nottinghamshire_lsoa11.shp");
  const StudyData s = load_study(in);
  CHECK(s.codes_without_imd.empty());
  // The two districts' residents, from the 2011 LSOAs, are the 2021 LSOAs' apportioned populations.
  const Imd imd11 = read_imd(in.imd, {}, in.population);
  double residents11 = 0, residents21 = 0;
  for (const auto& [code, r] : imd11.by_code) {
    if (r.district_code == "E07000170" || r.district_code == "E07000174") residents11 += *r.population;
  }
  for (const Area& a : s.boundaries.areas) residents21 += *s.imd.find(a.code)->population;
  CHECK(residents21 == Approx(residents11).epsilon(1e-6));
  const AreasResult r = analyse_areas(s);
  CHECK(r.profile.back().decile == 10);  // no "no IMD" row
}
