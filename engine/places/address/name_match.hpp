// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <string_view>

#include "core/edit_distance.hpp"

namespace hotspot {

// Typos allowed in a name: none below 5 letters, 1 up to 9, 2 from 10 (docs/method.md).
inline int allowed_edits(std::string_view name) { return name.size() < 5 ? 0 : name.size() < 10 ? 1 : 2; }

// The index of the candidate nearest `text` by edit distance within the allowed edits, or -1
// when none is that near or two are equally near. `name_of(i)` gives candidate i's name.
template <class NameOf>
int64_t nearest_name(std::string_view text, size_t candidates, NameOf&& name_of) {
  const int limit = allowed_edits(text);
  if (limit == 0) return -1;
  int best = limit + 1;
  int64_t found = -1;
  bool tie = false;
  for (size_t i = 0; i < candidates; ++i) {
    const int d = edit_distance(text, name_of(i), limit);
    if (d < best) {
      best = d;
      found = static_cast<int64_t>(i);
      tie = false;
    } else if (d == best && d <= limit) {
      tie = true;
    }
  }
  return tie ? -1 : found;
}

}  // namespace hotspot
