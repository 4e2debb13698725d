// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/places/period_compare.hpp"

using namespace hotspot;

TEST_CASE("places: the exact test of two Poisson counts is R's poisson.test, and the RAG heeds it", "[places]") {
  // References from scipy 1.10.1 (stats.binomtest(k, n, p), the method of R's poisson.test):
  //   binomtest(118, 262, 0.5).pvalue = 0.12230...   binomtest(5, 6, 0.5).pvalue = 0.21875
  //   binomtest(102, 239, 0.5).pvalue = 0.027648...  binomtest(30, 40, 1/3).pvalue = 8.47487803311314e-08
  const PeriodComparison a = compare_periods(144, 6, 118, 6, {});
  CHECK(a.p_value == Approx(0.122301).margin(1e-6));
  CHECK(a.rag == "amber");  // down 18% a month, but chance could give it
  CHECK(*a.change == Approx(-26.0 / 144.0));
  const PeriodComparison b = compare_periods(1, 6, 5, 6, {});
  CHECK(b.p_value == Approx(0.21875).margin(1e-9));
  CHECK(b.rag == "amber");  // +400%: "red" on % change alone, nothing at these numbers
  const PeriodComparison c = compare_periods(137, 6, 102, 6, {});
  CHECK(c.p_value == Approx(0.027648).margin(1e-6));
  CHECK(c.rag == "green");
  // Unequal periods: 10 in 6 months against 30 in 3 months is a rate six times as high.
  const PeriodComparison d = compare_periods(10, 6, 30, 3, {});
  CHECK(d.current_per_month == Approx(10.0));
  CHECK(*d.change == Approx(5.0));
  CHECK(d.p_value == Approx(8.47487803311314e-08).epsilon(1e-6));
  CHECK(d.rag == "red");
  CHECK_FALSE(compare_periods(0, 6, 3, 6, {}).change);
  CHECK(parse_period("2023-07..2023-12")->months() == 6);
  CHECK_FALSE(parse_period("2023-12..2023-07"));
  CHECK_FALSE(parse_period("2023-07"));
}
