// SPDX-License-Identifier: Apache-2.0
// The boundary reader on any bytes as a GeoJSON file (first byte even) or a CSV with WKT
// geometries (odd): field detection, reprojection to EPSG:27700 and polygon repair.
#include "core/errors.hpp"
#include "inputs/boundaries.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace hotspot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool csv = data[0] % 2;
  const fuzz::MemoryFile file(csv ? "/vsimem/fuzz/boundaries.csv" : "/vsimem/fuzz/boundaries.geojson", data + 1, size - 1);
  BoundaryOptions options;
  options.crs = "EPSG:27700";  // for a source that declares none
  HOTSPOT_FUZZ_EXPECTED_ERRORS({
    const Boundaries b = read_boundaries(file.path(), options);
    for (const Area& a : b.areas) {
      if (!a.geometry) __builtin_trap();  // every area read has a polygon
    }
    b.extent();
  });
  return 0;
}
