// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "inputs/boundaries.hpp"
#include "inputs/imd.hpp"

namespace hotspot {

// How two vintages of small areas (LSOA 2011 and 2021) correspond, from their boundaries by
// overlay (docs/method.md#lsoa-vintages). A link is a pair of areas that overlap; generalised
// boundaries of two vintages differ by slivers, so a link is kept only when its overlap holds at
// least `min_share` of either area, and each area's shares are then scaled to sum to one.
// `change` is ONS's CHGIND for the pair: "U" unchanged (one to one), "S" split (the old area
// went to several new ones, each wholly from it), "M" merged (several old areas make the new
// one, each wholly in it), "X" anything else (redrawn).
struct VintageLink {
  size_t from = 0, to = 0;     // indices into the two Boundaries' areas
  double area_m2 = 0;          // the overlap
  double share_of_from = 0;    // of the old area's (kept) overlaps
  double share_of_to = 0;      // of the new area's (kept) overlaps
  char change = 'U';
};

struct VintageCorrespondence {
  std::vector<VintageLink> links;  // by from code, then to code
  std::vector<size_t> to_without_link;    // areas of `to` no area of `from` overlaps
  std::vector<size_t> from_without_link;  // areas of `from` no area of `to` overlaps
};

VintageCorrespondence overlay_vintages(const Boundaries& from, const Boundaries& to, double min_share = 0.01);

// Deprivation on the areas of `from` carried to the areas of `to`: each new area takes the rank,
// deciles and district of the old area that gives it the most residents (share_of_from times
// the old area's population, when the IMD has populations) or else the most area (share_of_to);
// its population is the sum of the old areas' populations apportioned by share_of_from
// (residents spread evenly over an area). Areas of `to` without a link get no record.
Imd carry_imd(const Imd& imd, const Boundaries& from, const Boundaries& to, const VintageCorrespondence& links);

}  // namespace hotspot
