// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include <ogr_feature.h>

namespace hotspot {

// The address a row holds in `fields` (one column, or its parts in order), the non-empty ones
// joined with ", " into `out` (reused, so that millions of rows allocate once).
void address_of(const OGRFeature& row, const std::vector<int>& fields, std::string& out);

}  // namespace hotspot
