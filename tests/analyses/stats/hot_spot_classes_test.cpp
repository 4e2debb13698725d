// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/stats/hot_spot_classes.hpp"

using namespace hotspot;

TEST_CASE("Benjamini-Hochberg by hand", "[analyses][stats][classes]") {
  // m = 5, alpha 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05. Sorted p 0.001, 0.015, 0.035,
  // 0.041, 0.3: the largest rank under its threshold is 2 (0.015 <= 0.02; 0.035 > 0.03, 0.041
  // > 0.04), so the two smallest are significant.
  const std::vector<double> p = {0.3, 0.041, 0.001, 0.035, 0.015};
  CHECK(fdr_significant(p, 0.05) == std::vector<bool>{false, false, true, false, true});
  // Step-up: a later rank under its threshold carries the earlier ones with it.
  CHECK(fdr_significant({0.04, 0.045, 0.049}, 0.05) == std::vector<bool>{true, true, true});
}

TEST_CASE("Gi* bins and LISA classes", "[analyses][stats][classes]") {
  const std::vector<double> z = {3.0, -2.0, 1.7, 0.5, -2.7};
  const std::vector<double> p = {0.0027, 0.0455, 0.0891, 0.617, 0.0069};
  CHECK(gi_bins(z, p, false) == std::vector<int>{3, -2, 1, 0, -3});
  CHECK(gi_bin_label(3) == "Hot spot, 99% confidence");
  CHECK(gi_bin_label(-1) == "Cold spot, 90% confidence");
  CHECK(gi_bin_label(0) == "Not significant");
  // With FDR over these five (sorted 0.0027, 0.0069, 0.0455, 0.0891, 0.617): at 0.01 the thresholds
  // start 0.002, 0.004: none pass; at 0.05 (0.01, 0.02, 0.03, ...) two; at 0.10 (0.02, 0.04, 0.06,
  // 0.08) three.
  CHECK(gi_bins(z, p, true) == std::vector<int>{2, -1, 0, 0, -2});
  CHECK(lisa_classes({"HH", "LL", "HL", "LH", "HH"}, {0.001, 0.2, 0.04, 0.06, 0.01}, 0.05, false) ==
        std::vector<std::string>{"HH", "not significant", "HL", "not significant", "HH"});
}
