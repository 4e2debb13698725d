// SPDX-License-Identifier: Apache-2.0
#include "pipeline/study_grid.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "places/area_raster.hpp"

namespace hotspot {

DensitySurface study_grid(const StudyData& study, double cell_m, const std::optional<Extent>& extent,
                          int64_t max_cells, const std::string& cell_key) {
  const Boundaries& area = study.study_area ? *study.study_area : study.boundaries;
  Extent e = area.extent();
  if (extent) {
    e = {std::max(e.xmin, extent->xmin), std::max(e.ymin, extent->ymin), std::min(e.xmax, extent->xmax),
         std::min(e.ymax, extent->ymax)};
    if (!(e.xmax > e.xmin && e.ymax > e.ymin)) {
      throw OptionError(cell_key.substr(0, cell_key.rfind('.') + 1) + "extent",
                        fmt::format("{},{},{},{}", extent->xmin, extent->ymin, extent->xmax, extent->ymax),
                        "does not overlap the study area");
    }
  }
  DensitySurface s;
  s.grid = grid_over(e, cell_m, max_cells, cell_key);
  s.mask = cells_in_areas(area, s.grid);
  s.study_cells = std::count(s.mask.begin(), s.mask.end(), uint8_t{1});
  if (s.study_cells == 0) throw OptionError(cell_key, fmt::format("{}", cell_m), "no cell centre falls inside the study area");
  return s;
}

std::vector<int64_t> incident_cells(const StudyData& study, const Grid& grid) {
  const Incidents& inc = study.load.incidents;
  std::vector<int64_t> out(inc.size());
  for (size_t i = 0; i < inc.size(); ++i) out[i] = grid.cell_of(inc.x[i], inc.y[i]);
  return out;
}

}  // namespace hotspot
