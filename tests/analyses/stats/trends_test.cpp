// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cmath>

#include "analyses/stats/trends.hpp"

using namespace hotspot;

TEST_CASE("Mann-Kendall and Sen's slope by hand", "[analyses][stats][trends]") {
  // 1..5: S = 10, Var = 5·4·15/18 = 16.667, z = (10 − 1)/4.0825 = 2.2045, p = 0.0275, slope 1.
  const MannKendall up = mann_kendall({1, 2, 3, 4, 5});
  CHECK(up.s == 10);
  CHECK(up.variance == Approx(50.0 / 3));
  CHECK(up.z == Approx(2.20454).epsilon(1e-5));
  CHECK(up.p == Approx(0.027486).epsilon(1e-4));
  CHECK(up.sen_slope == Approx(1.0));
  // Ties: 3, 3, 1, 1: S = −4, ties term 2·(2·1·9) = 36, Var = (4·3·13 − 36)/18 = 6.667,
  // z = (−4 + 1)/2.582 = −1.1619; slopes −2, −1, −1, −2/3, 0, 0: median (−1 − 2/3)/2 = −0.8333.
  const MannKendall down = mann_kendall({3, 3, 1, 1});
  CHECK(down.s == -4);
  CHECK(down.variance == Approx(120.0 / 18));
  CHECK(down.z == Approx(-1.161895).epsilon(1e-5));
  CHECK(down.sen_slope == Approx(-5.0 / 6));
  const MannKendall flat = mann_kendall({2, 2, 2, 2});
  CHECK(flat.z == 0);
  CHECK(flat.p == 1);
  CHECK(mann_kendall({1, 2}).p == 1);
}

TEST_CASE("emerging hot spot categories, one per rule", "[analyses][stats][trends]") {
  const MannKendall none{};
  MannKendall rising;
  rising.z = 3;
  rising.p = 0.003;
  MannKendall falling;
  falling.z = -3;
  falling.p = 0.003;
  const std::vector<int> all_hot(10, 2);
  CHECK(emerging_category({0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, none) == "new hot spot");
  CHECK(emerging_category({0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, none) == "consecutive hot spot");
  CHECK(emerging_category(all_hot, rising) == "intensifying hot spot");
  CHECK(emerging_category(all_hot, none) == "persistent hot spot");
  CHECK(emerging_category(all_hot, falling) == "diminishing hot spot");
  CHECK(emerging_category({0, 1, 0, 0, 2, 0, 0, 0, 0, 1}, none) == "sporadic hot spot");
  CHECK(emerging_category({0, -1, 0, 0, 2, 0, 0, 0, 0, 1}, none) == "oscillating hot spot");
  CHECK(emerging_category({2, 2, 2, 2, 2, 2, 2, 2, 2, 0}, none) == "historical hot spot");
  CHECK(emerging_category({0, 0, 0, 0, 0, 0, 0, 0, 0, -2}, none) == "new cold spot");
  CHECK(emerging_category(std::vector<int>(10, -3), falling) == "intensifying cold spot");
  CHECK(emerging_category(std::vector<int>(10, 0), none) == "no pattern");
}
