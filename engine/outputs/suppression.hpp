// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace hotspot {

// Small-count suppression with secondary suppression, so that no blanked count can be worked
// out from the totals published beside it.
//
// Primary: every count from 1 to min_count - 1 is blanked (zeros stay shown). Then an attack is
// run: every group says its total (an entry, or for a group without one its true sum, published
// elsewhere such as the number of suspects placed) is the sum of its members, and the attacker
// narrows each blanked entry's range by propagating those sums to a fixed point, from [1, the
// grand total] and again from [1, min_count - 1] (the attacker who assumes every blank is small).
// While some blanked entry is pinned to its true value, the smallest shown non-zero entry sharing
// a group with it (a member or the total; ties: the first) is blanked too.
struct CountGroup {
  std::vector<size_t> members;  // indices into the counts
  std::optional<size_t> total;  // the entry holding the group's total, when it is itself a count
};

// Which counts to blank; none when a group without a total entry (the grand total) cannot be
// protected so: then no count can be published beside that total.
std::optional<std::vector<bool>> suppress_counts(const std::vector<uint64_t>& counts,
                                                 const std::vector<CountGroup>& groups, int min_count);

}  // namespace hotspot
