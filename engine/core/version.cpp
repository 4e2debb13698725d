// SPDX-License-Identifier: Apache-2.0
#include "core/version.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include <fmt/format.h>

namespace hotspot {

std::string_view version() { return HOTSPOT_VERSION; }

std::string version_text() {
  return fmt::format("hotspot {} (commit {})\nGDAL {}, GEOS {}, PROJ {}", version(), build_commit(),
                     GDALVersionInfo("RELEASE_NAME"), GEOSversion(), proj_info().version);
}

}  // namespace hotspot
