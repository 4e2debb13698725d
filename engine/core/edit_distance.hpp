// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string_view>

namespace hotspot {

// Edits (insertions, deletions, substitutions, swaps of neighbours) to turn a into b, or
// limit + 1 when more than `limit` are needed. Used for every candidate name when geocoding, so
// it stops as soon as the limit is passed and reuses its buffers per thread.
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace hotspot
