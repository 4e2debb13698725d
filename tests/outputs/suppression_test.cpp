// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <set>

#include "outputs/suppression.hpp"

using namespace hotspot;

namespace {

// The fixture: five areas (entries 0..4) in two deciles whose totals are entries 5 (areas 0-2)
// and 6 (areas 3-4), and the grand total, always published.
const std::vector<CountGroup> kGroups = {{{0, 1, 2}, 5}, {{3, 4}, 6}, {{5, 6}, std::nullopt}, {{0, 1, 2, 3, 4}, std::nullopt}};

// What an attacker can recompute: every assignment of the blanked area counts, each in
// [low, top], whose decile totals (blanked ones in [low, top] too) and grand total agree with
// everything published; the values each blanked entry takes across them.
std::vector<std::set<uint64_t>> feasible(const std::vector<uint64_t>& counts, const std::vector<bool>& hidden,
                                         uint64_t low, uint64_t top) {
  const uint64_t total = counts[5] + counts[6];
  std::vector<std::set<uint64_t>> values(7);
  std::vector<uint64_t> guess = counts;
  std::function<void(size_t, uint64_t)> walk = [&](size_t a, uint64_t sum) {
    if (sum > total) return;
    if (a == 5) {
      guess[5] = guess[0] + guess[1] + guess[2];
      guess[6] = guess[3] + guess[4];
      for (size_t d : {5, 6}) {
        if (hidden[d] ? (guess[d] < low || guess[d] > top) : guess[d] != counts[d]) return;
      }
      if (guess[5] + guess[6] != total) return;
      for (size_t i = 0; i < 7; ++i) {
        if (hidden[i]) values[i].insert(guess[i]);
      }
      return;
    }
    if (!hidden[a]) return walk(a + 1, sum + counts[a]);
    for (uint64_t v = low; v <= top; ++v) {
      guess[a] = v;
      walk(a + 1, sum + v);
    }
  };
  walk(0, 0);
  return values;
}

}  // namespace

TEST_CASE("suppression: no blanked count can be recomputed from the published totals", "[suppression]") {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 400; ++trial) {
    const int m = 2 + trial % 4;
    std::uniform_int_distribution<int> value(0, m + 2);
    std::vector<uint64_t> counts(5);
    for (auto& c : counts) c = static_cast<uint64_t>(value(rng));
    counts.push_back(counts[0] + counts[1] + counts[2]);
    counts.push_back(counts[3] + counts[4]);
    const auto protected_counts = suppress_counts(counts, kGroups, m);
    const uint64_t total = counts[5] + counts[6];
    INFO("trial " << trial << " min_count " << m << " counts " << counts[0] << "," << counts[1] << "," << counts[2] << ","
                   << counts[3] << "," << counts[4] << " deciles " << counts[5] << "," << counts[6]);
    if (!protected_counts) continue;  // nothing can be published beside the grand total: the stage blanks all
    const std::vector<bool>& hidden = *protected_counts;
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0 && counts[i] < static_cast<uint64_t>(m)) CHECK(hidden[i]);  // primary
      if (counts[i] == 0) CHECK_FALSE(hidden[i]);
    }
    if (total < static_cast<uint64_t>(m)) continue;  // the stage publishes nothing then
    // A disclosure is a blanked count an attacker pins to its true value: one who knows blanked
    // counts are at least 1, and one who takes them all to be under min_count.
    for (const uint64_t top : {total, static_cast<uint64_t>(m - 1)}) {
      const auto values = feasible(counts, hidden, 1, top);
      for (size_t i = 0; i < counts.size(); ++i) {
        if (!hidden[i]) continue;
        INFO("entry " << i << " = " << counts[i] << ", attacker's range 1.." << top);
        CHECK_FALSE((values[i].size() == 1 && *values[i].begin() == counts[i]));
      }
    }
  }
}

TEST_CASE("suppression: one small count beside a total is protected by a second blank", "[suppression]") {
  // 3 and 12 and 0 with a total of 15 shown: the 3 alone would be 15 - 12.
  CHECK(suppress_counts({3, 12, 0}, {{{0, 1, 2}, std::nullopt}}, 5) == std::vector<bool>{true, true, false});
  // Seven blanked ones sum to 7: each would be 1; the smallest shown count joins them.
  std::vector<uint64_t> c(7, 1);
  c.push_back(9);
  c.push_back(6);
  CountGroup all;
  for (size_t i = 0; i < c.size(); ++i) all.members.push_back(i);
  const auto h = suppress_counts(c, {all}, 5);
  REQUIRE(h);
  CHECK((*h)[8]);
  CHECK_FALSE((*h)[7]);
  // Two blanked counts of 4 (min_count 5) sum to 8 = 2 x 4: each must be 4, and nothing else can go.
  CHECK_FALSE(suppress_counts({4, 4}, {{{0, 1}, std::nullopt}}, 5));
}
