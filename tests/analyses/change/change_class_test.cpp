// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <stdexcept>

#include "analyses/change/change_class.hpp"

using namespace hotspot;

// Reference p-values: sum over x of C(n,x) p^x (1-p)^(n-x) for the outcomes no more likely than
// k, in exact rational arithmetic (Python's math.comb), as R's binom.test(k, n, p)$p.value.
TEST_CASE("binomial two-sided p agrees with the exact sum (R's binom.test)", "[change]") {
  CHECK(binomial_two_sided_p(30, 40, 0.5) == Approx(0.0022214337732293643).epsilon(1e-9));
  CHECK(binomial_two_sided_p(10, 40, 0.5) == Approx(0.0022214337732293643).epsilon(1e-9));
  CHECK(binomial_two_sided_p(20, 40, 0.5) == 1.0);
  CHECK(binomial_two_sided_p(1, 3, 2.0 / 3) == Approx(7.0 / 27).epsilon(1e-12));
  CHECK(binomial_two_sided_p(15, 15, 0.5) == Approx(6.103515625e-05).epsilon(1e-9));
  CHECK(binomial_two_sided_p(0, 12, 0.5) == Approx(0.00048828125).epsilon(1e-9));
  CHECK(binomial_two_sided_p(7, 10, 0.3) == Approx(0.0105920784).epsilon(1e-8));
  CHECK(binomial_two_sided_p(0, 0, 0.5) == 1.0);
}

TEST_CASE("change classes: each rule by hand", "[change]") {
  const ChangeRule rule;  // 20%, p <= 0.05
  const auto cls = [&](uint64_t before, uint64_t now, bool hot_before, bool hot_now, double months_before = 6,
                       double months_now = 6) {
    return classify_change({before, now, hot_before, hot_now}, months_before, months_now, rule).change;
  };
  CHECK(cls(0, 15, false, true) == ChangeClass::new_hotspot);
  CHECK(cls(12, 0, true, false) == ChangeClass::ceased);
  CHECK(cls(10, 30, true, true) == ChangeClass::intensifying);  // +200%, p 0.0022
  CHECK(cls(30, 10, true, true) == ChangeClass::diminishing);
  CHECK(cls(20, 20, true, true) == ChangeClass::persistent);
  CHECK(cls(3, 9, true, true) == ChangeClass::persistent);      // +200% but p = 0.146: not enough to say
  CHECK(cls(100, 118, true, true) == ChangeClass::persistent);  // +18%: under the threshold
  // Rates per month: 30 in 12 months against 30 in 6 is a doubling, significant at these counts.
  CHECK(cls(30, 30, true, true, 12, 6) == ChangeClass::intensifying);
  const Change c = classify_change({10, 30, true, true}, 6, 6, rule);
  REQUIRE(c.rate_change);
  CHECK(*c.rate_change == Approx(2.0));
  CHECK(c.p_value == Approx(0.0022214337732293643).epsilon(1e-9));
  CHECK_FALSE(classify_change({0, 15, false, true}, 6, 6, rule).rate_change);
  CHECK_THROWS_AS(classify_change({1, 1, false, false}, 6, 6, rule), std::invalid_argument);
  const auto counts = count_classes({ChangeClass::new_hotspot, ChangeClass::ceased, ChangeClass::new_hotspot});
  CHECK(counts == std::vector<std::pair<std::string, uint64_t>>{
                      {"new", 2}, {"persistent", 0}, {"intensifying", 0}, {"diminishing", 0}, {"ceased", 1}});
}
