// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hotspot {

// A box in EPSG:27700 metres.
struct Extent {
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

}  // namespace hotspot
