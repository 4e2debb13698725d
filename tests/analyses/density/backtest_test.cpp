// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/density/backtest.hpp"
#include "analyses/density/cell_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace hotspot;

TEST_CASE("backtest: hit rate, PAI, PEI and RRI by hand", "[kde][backtest]") {
  // Ten equal cells of 1 m2. Training counts rank cells 0, 1, 2, ...; the test period's incidents
  // sit mostly in cell 3. 20 training and 10 test incidents in all (2 test ones outside any cell).
  BacktestUnits u;
  u.area_m2.assign(10, 1.0);
  u.train = {8, 5, 3, 1, 1, 1, 1, 0, 0, 0};
  u.test = {2, 1, 0, 4, 0, 0, 0, 1, 0, 0};
  u.ranking = {0, 1, 2, 3, 4, 5, 6};  // cells with training incidents, best first
  u.study_area_m2 = 10;
  u.train_total = 20;
  u.test_total = 10;
  const auto rows = backtest(u, {0.1, 0.2, 0.4, 0.9});
  // 10%: cell 0. Hit rate 2/10, area share 0.1, PAI 2. The best single cell holds 4: PEI 2/4.
  // RRI = (2 test / 8 training) / (10 / 20) = 0.5.
  CHECK(rows[0].units == 1);
  CHECK(rows[0].hit_rate == Approx(0.2));
  CHECK(*rows[0].pai == Approx(2.0));
  CHECK(*rows[0].pei == Approx(0.5));
  CHECK(*rows[0].rri == Approx(0.5));
  // 20%: cells 0, 1 hold 3; the best two (3, 0) hold 6: PEI 0.5; PAI 0.3 / 0.2 = 1.5.
  CHECK(rows[1].test_hits == 3);
  CHECK(*rows[1].pai == Approx(1.5));
  CHECK(*rows[1].pei == Approx(0.5));
  // 40%: cells 0-3 hold 7 of the 8 any four cells could: PEI 7/8.
  CHECK(rows[2].test_hits == 7);
  CHECK(*rows[2].pei == Approx(7.0 / 8.0));
  CHECK(rows[2].train_hits == 17);
  CHECK(*rows[2].rri == Approx((7.0 / 17.0) / 0.5));
  // 90%: the ranking runs out after 7 cells (70%): PAI = 0.7 / 0.7 = 1; the best 7 cells hold 8.
  CHECK(rows[3].units == 7);
  CHECK(rows[3].area_share == Approx(0.7));
  CHECK(*rows[3].pai == Approx(1.0));
  CHECK(*rows[3].pei == Approx(7.0 / 8.0));
}

TEST_CASE("backtest: unequal areas are taken until the coverage is reached", "[kde][backtest]") {
  BacktestUnits u;
  u.area_m2 = {2, 3, 5};
  u.train = {4, 3, 1};
  u.test = {1, 3, 1};
  u.ranking = {0, 1, 2};
  u.study_area_m2 = 10;
  u.train_total = 8;
  u.test_total = 5;
  const auto rows = backtest(u, {0.25});  // 2.5 m2: unit 0 (2 m2) is not enough, units 0 and 1 (5 m2) are
  CHECK(rows[0].units == 2);
  CHECK(rows[0].area_share == Approx(0.5));
  CHECK(*rows[0].pai == Approx(0.8 / 0.5));
  // The perfect ranking by test density: unit 1 (1 per m2) then 0 (0.5): also 5 m2 and 4 hits.
  CHECK(*rows[0].pei == Approx(1.0));
}

TEST_CASE("cells: the top cells by value, ties by index, and their 4-connected groups", "[kde]") {
  DensitySurface s;
  s.grid = Grid{0, 40, 10, 4, 4};
  s.value = {5, 5, 0, 1,  //
             4, 0, 0, 9,  //
             0, 0, 3, 9,  //
             2, 0, 0, 0};
  s.mask.assign(16, 1);
  s.mask[3] = 0;  // outside the study area: never a hotspot
  s.study_cells = 15;
  CHECK(top_cells(s, 3) == std::vector<int64_t>{7, 11, 0});
  CHECK(top_cells(s, 4) == std::vector<int64_t>{7, 11, 0, 1});
  CHECK(top_cells(s, 100).size() == 7);  // only cells with a positive value
  CHECK(cells_for_coverage(0.2, 15) == 3);
  CHECK(cells_for_coverage(0.0001, 15) == 1);
  CHECK(cells_at_or_above(s, 4) == std::vector<int64_t>{0, 1, 4, 7, 11});
  const auto groups = connected_groups(s.grid, {7, 0, 11, 1, 4, 10});
  // 7-11 and 10-11 share edges, as do 0-1 and 0-4; groups come in the order of their first cell.
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == std::vector<int64_t>{7, 10, 11});
  CHECK(groups[1] == std::vector<int64_t>{0, 1, 4});
  // Cells touching only at a corner are apart; the last column does not wrap to the next row.
  CHECK(connected_groups(s.grid, {0, 5}).size() == 2);
  CHECK(connected_groups(s.grid, {3, 4}).size() == 2);
}

TEST_CASE("cells: top cells equal a full sort, ties and all, on random surfaces", "[kde]") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 30; ++round) {
    DensitySurface s;
    s.grid = Grid{0, 1000, 10, 50, 40};
    s.value.resize(2000);
    s.mask.resize(2000);
    // Values over many orders of magnitude (many radix buckets), with ties and zeros.
    std::uniform_int_distribution<int> level(0, round % 2 ? 30 : 3000);
    std::uniform_real_distribution<double> exponent(-42, 4);
    std::vector<float> levels(3001);
    for (auto& v : levels) v = static_cast<float>(std::pow(10.0, exponent(rng)));
    for (size_t c = 0; c < 2000; ++c) {
      const int l = level(rng);
      s.value[c] = l % 7 == 0 ? 0.0f : levels[static_cast<size_t>(l)];
      if (l % 7 == 1) s.value[c] = std::numeric_limits<float>::denorm_min() * static_cast<float>(1 + l % 3);  // subnormal
      s.mask[c] = c % 13 != 0;
    }
    std::vector<int64_t> oracle;  // positive study cells by value, then index
    for (int64_t c = 0; c < 2000; ++c) {
      if (s.mask[c] && s.value[c] > 0) oracle.push_back(c);
    }
    std::stable_sort(oracle.begin(), oracle.end(), [&](int64_t a, int64_t b) { return s.value[a] > s.value[b]; });
    for (int64_t n : {int64_t{1}, int64_t{2}, int64_t{17}, int64_t{400}, static_cast<int64_t>(oracle.size()) - 1,
                      static_cast<int64_t>(oracle.size()), int64_t{5000}}) {
      std::vector<int64_t> want(oracle.begin(), oracle.begin() + std::min<int64_t>(n, static_cast<int64_t>(oracle.size())));
      CHECK(top_cells(s, n) == want);
    }
  }
}

TEST_CASE("cells: top cells of a grid of millions (gathered a slice per core) equal a full sort", "[kde]") {
  // 3 M cells: past the 2^20 cells per slice at which top_cells gathers on more than one core.
  // 40 values only, so that every value ties across the slices' boundaries.
  std::mt19937_64 rng(11);
  DensitySurface s;
  s.grid = Grid{0, 3000, 1, 1000, 3000};
  const size_t cells = 3'000'000;
  s.value.resize(cells);
  s.mask.resize(cells);
  std::uniform_int_distribution<int> level(0, 39);
  for (size_t c = 0; c < cells; ++c) {
    const int l = level(rng);
    s.value[c] = l < 4 ? 0.0f : static_cast<float>(l) * 0.25f;
    s.mask[c] = c % 101 != 0;
  }
  std::vector<int64_t> oracle;  // positive study cells by value, then index
  for (int64_t c = 0; c < static_cast<int64_t>(cells); ++c) {
    if (s.mask[c] && s.value[c] > 0) oracle.push_back(c);
  }
  std::stable_sort(oracle.begin(), oracle.end(), [&](int64_t a, int64_t b) { return s.value[a] > s.value[b]; });
  for (int64_t n : {int64_t{1}, int64_t{50'000}, int64_t{75'001}, int64_t{1'000'000}, static_cast<int64_t>(oracle.size())}) {
    const std::vector<int64_t> want(oracle.begin(), oracle.begin() + n);
    CHECK((top_cells(s, n) == want));  // not decomposed: Catch would print a million cells
  }
}

TEST_CASE("cells: the highest (value, cell) pairs in rank order, with cell numbers past 32 bits too", "[kde]") {
  std::mt19937_64 rng(11);
  for (const int64_t base : {int64_t{0}, int64_t{1} << 33}) {  // the radix keys, then the comparison sort
    std::vector<std::pair<float, int64_t>> pairs;
    for (int64_t c = 0; c < 3000; ++c) pairs.push_back({static_cast<float>(1 + rng() % 50) * 0.125f, base + c * 7});
    std::shuffle(pairs.begin(), pairs.end(), rng);
    std::vector<std::pair<float, int64_t>> oracle = pairs;
    std::sort(oracle.begin(), oracle.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (const size_t n : {size_t{1}, size_t{10}, size_t{2999}, size_t{3000}, size_t{4000}}) {
      std::vector<std::pair<float, int64_t>> work = pairs;
      const std::vector<int64_t> got = highest_cells(work, n);
      REQUIRE(got.size() == std::min(n, oracle.size()));
      for (size_t k = 0; k < got.size(); ++k) REQUIRE(got[k] == oracle[k].second);
    }
  }
}
