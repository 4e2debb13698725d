// SPDX-License-Identifier: Apache-2.0
// Contiguity, Gi* and Moran's I against R spdep 1.2-7 on the 679 Nottinghamshire LSOAs with
// their 18-month serious-violence counts (saved by tests/analyses/stats/spdep_reference.R).
#include <catch2/catch.hpp>

#include <cmath>

#include "analyses/areas/area_counts.hpp"
#include "analyses/stats/local_statistics.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/crime_types.hpp"
#include "pipeline/study_data.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

struct Reference {
  std::vector<std::string> code, queen, rook;
  std::vector<double> x, gstar_z, ii, e_ii, var_ii, z_ii;
};

Reference read_reference() {
  Reference r;
  auto ds = open_vector(test::source_path("tests/analyses/stats/spdep_reference.csv"), "spdep reference",
                        {"AUTODETECT_TYPE=NO"});
  for (auto& f : *ds->GetLayer(0)) {
    r.code.push_back(f->GetFieldAsString("code"));
    r.queen.push_back(f->GetFieldAsString("queen"));
    r.rook.push_back(f->GetFieldAsString("rook"));
    r.x.push_back(std::stod(f->GetFieldAsString("x")));
    r.gstar_z.push_back(std::stod(f->GetFieldAsString("gstar_z")));
    r.ii.push_back(std::stod(f->GetFieldAsString("ii")));
    r.e_ii.push_back(std::stod(f->GetFieldAsString("e_ii")));
    r.var_ii.push_back(std::stod(f->GetFieldAsString("var_ii")));
    r.z_ii.push_back(std::stod(f->GetFieldAsString("z_ii")));
  }
  return r;
}

std::string codes(const Boundaries& b, const std::vector<uint32_t>& nb) {
  std::string out;
  for (uint32_t j : nb) out += (out.empty() ? "" : ";") + b.areas[j].code;
  return out;
}

}  // namespace

TEST_CASE("LSOA contiguity, Gi* and Moran's I equal R spdep for all 679 LSOAs", "[analyses][stats][shared]") {
  StudyInputs in;
  in.incidents = {test::shared_path("police-uk")};
  in.boundaries = test::shared_path("boundaries/nottinghamshire_lsoa11.geojson");
  in.filter.types = parse_crime_types("serious-violence", "--types");
  const StudyData s = load_study(in);
  const AreaCounts counts = count_by_area(s.load.incidents, s.area_of, s.boundaries.areas.size());
  std::vector<double> x(counts.total.begin(), counts.total.end());

  const Reference r = read_reference();
  REQUIRE(r.code.size() == 679);
  const SpatialWeights queen = contiguity_weights(s.boundaries, Contiguity::queen);
  const SpatialWeights rook = contiguity_weights(s.boundaries, Contiguity::rook);
  CHECK(queen.links() == 3908);  // the figure, and spdep's
  CHECK(rook.links() == 3868);
  CHECK(queen.islands().empty());
  size_t queen_differ = 0, rook_differ = 0, x_differ = 0;
  for (size_t a = 0; a < 679; ++a) {
    REQUIRE(s.boundaries.areas[a].code == r.code[a]);
    queen_differ += codes(s.boundaries, queen.neighbours[a]) != r.queen[a];
    rook_differ += codes(s.boundaries, rook.neighbours[a]) != r.rook[a];
    x_differ += x[a] != r.x[a];
  }
  CHECK(queen_differ == 0);
  CHECK(rook_differ == 0);
  CHECK(x_differ == 0);

  const std::vector<double> gstar = getis_ord_gstar(with_self(queen), x);
  const LocalMoran lm = local_moran(row_standardised(queen), x);
  double worst_g = 0, worst_i = 0, worst_z = 0, worst_e = 0, worst_var = 0;
  for (size_t a = 0; a < 679; ++a) {
    worst_g = std::max(worst_g, std::fabs(gstar[a] - r.gstar_z[a]));
    worst_i = std::max(worst_i, std::fabs(lm.i[a] - r.ii[a]));
    worst_e = std::max(worst_e, std::fabs(lm.expected[a] - r.e_ii[a]));
    worst_var = std::max(worst_var, std::fabs(lm.variance[a] - r.var_ii[a]));
    worst_z = std::max(worst_z, std::fabs(lm.z[a] - r.z_ii[a]));
  }
  CHECK(worst_g < 1e-6);
  CHECK(worst_i < 1e-6);
  CHECK(worst_e < 1e-6);
  CHECK(worst_var < 1e-6);
  CHECK(worst_z < 1e-6);

  // spdep moran.test(x, nb2listw(nb, style = "W"), randomisation = TRUE), in
  // tests/analyses/stats/spdep_reference_global.csv (0.358090 before the north-east edge rule).
  const GlobalMoran g = global_moran(row_standardised(queen), x);
  CHECK(g.i == Approx(0.358885916121).margin(1e-9));
  CHECK(g.expected == Approx(-0.001474926254).margin(1e-12));
  CHECK(g.variance == Approx(0.000491662984).margin(1e-12));
  CHECK(g.z == Approx(16.251888606049).margin(1e-6));
  CHECK(std::round(g.i * 1e6) / 1e6 == Approx(0.358886).margin(1e-12));
}

TEST_CASE("spatial statistics refuse values without variance and keep islands apart", "[analyses][stats]") {
  const std::string dir = test::fixture_dir("stats_squares");
  const Boundaries b = read_boundaries(test::two_squares(dir), {});
  const SpatialWeights w = contiguity_weights(b, Contiguity::queen);
  CHECK(w.links() == 2);
  CHECK(codes(b, w.neighbours[0]) == "E01000002");
  CHECK(contiguity_weights(b, Contiguity::rook).links() == 2);  // the whole shared edge
  const SpatialWeights self = with_self(w);
  CHECK(self.neighbours[0] == std::vector<uint32_t>{0, 1});
  CHECK_THROWS_WITH(getis_ord_gstar(self, {0, 0}), Catch::Contains("at least 3 areas"));
  CHECK_THROWS_AS(local_moran(w, {1.0}), DataError);
  SpatialWeights three = w;
  three.neighbours.push_back({});
  three.weights.push_back({});
  CHECK(three.islands() == std::vector<uint32_t>{2});
  CHECK_THROWS_WITH(global_moran(three, {0, 0, 0}), Catch::Contains("no variance"));
  const LocalMoran lm = local_moran(row_standardised(three), {1, 2, 9});
  CHECK(std::isnan(lm.z[2]));  // an island has no local Moran z
}
