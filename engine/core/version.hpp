// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// The project's version (CMake's project version), e.g. "0.1.0".
std::string_view version();
// The commit the binary was built from ("3bdf8f8a1c", "-modified" when the work tree differed), or "unknown".
std::string_view build_commit();
// `hotspot --version`: the version, the commit, and the GDAL, GEOS and PROJ versions it runs with.
std::string version_text();

}  // namespace hotspot
