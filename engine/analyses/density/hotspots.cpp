// SPDX-License-Identifier: Apache-2.0
#include "analyses/density/hotspots.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "analyses/density/cell_polygons.hpp"
#include "analyses/density/cell_ranking.hpp"
#include "places/area_raster.hpp"

namespace hotspot {
namespace {

// The boundary area of each of `cells` (-1 none), from the areas burnt into their window of
// the grid.
std::vector<int32_t> areas_of(const Boundaries& boundaries, const AreaBoxes& boxes, const Grid& g,
                              const std::vector<int64_t>& cells) {
  const Window window = window_of(g, cells);
  const std::vector<int32_t> in_window = area_of_cells(boundaries, window.grid, &boxes);
  std::vector<int32_t> out;
  out.reserve(cells.size());
  for (int64_t c : cells) out.push_back(in_window[static_cast<size_t>(window.index_of(c, g.cols))]);
  return out;
}

// A hotspot's record from its cells: incidents, density, and the LSOAs its cell centres fall in.
// `incidents_in` counts the incidents of each hot cell that has any.
HotspotFeature describe(const Boundaries& boundaries, const AreaBoxes& boxes, const Imd& imd, const DensitySurface& s,
                        const std::vector<int64_t>& cells, const std::unordered_map<int64_t, uint64_t>& incidents_in) {
  HotspotFeature h;
  const Grid& g = s.grid;
  const std::vector<int32_t> area_of_cell = areas_of(boundaries, boxes, g, cells);
  h.cells = static_cast<int64_t>(cells.size());
  h.area_km2 = static_cast<double>(cells.size()) * g.cell * g.cell / 1e6;
  std::map<int32_t, int64_t> cells_in_area;
  double sum = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    const int64_t c = cells[k];
    if (const auto it = incidents_in.find(c); it != incidents_in.end()) h.incidents += it->second;
    h.peak_density = std::max(h.peak_density, static_cast<double>(s.value[c]));
    sum += s.value[c];
    if (area_of_cell[k] >= 0) ++cells_in_area[area_of_cell[k]];
  }
  h.mean_density = sum / static_cast<double>(cells.size());
  int64_t most = 0;
  for (const auto& [a, n] : cells_in_area) {
    if (n > most) {  // ties: the lower code, as areas are sorted by code
      most = n;
      h.main_lsoa = boundaries.areas[a].code;
      const ImdRecord* r = imd.find(h.main_lsoa);
      h.imd_decile = r ? std::optional<int>(r->decile) : std::nullopt;
      h.district = r ? r->district_name : boundaries.areas[a].district_code;
    }
  }
  for (const auto& [a, n] : cells_in_area) {
    const Area& area = boundaries.areas[a];
    h.lsoa_codes += (h.lsoa_codes.empty() ? "" : ";") + area.code;
    h.lsoa_names += (h.lsoa_names.empty() ? "" : ";") + area.name;
    if (area.code == h.main_lsoa) h.main_lsoa_name = area.name;
  }
  return h;
}

}  // namespace

std::vector<HotspotFeature> hotspots_of_cells(const DensitySurface& surface, const std::vector<int64_t>& hot,
                                              const Incidents& inc, const Boundaries& boundaries, const Imd& imd,
                                              const PlaceNamer& namer, const std::vector<uint8_t>& include) {
  const Grid& g = surface.grid;
  std::unordered_map<int64_t, uint64_t> incidents_in;
  incidents_in.reserve(hot.size());
  for (int64_t c : hot) incidents_in[c] = 0;
  // Each hot cell's incidents, for the hotspots' names.
  std::unordered_map<int64_t, std::vector<uint32_t>> ids_in;
  uint64_t included = 0;
  for (size_t i = 0; i < inc.size(); ++i) {
    if (!include.empty() && !include[i]) continue;
    ++included;
    const int64_t c = g.cell_of(inc.x[i], inc.y[i]);
    if (const auto it = incidents_in.find(c); it != incidents_in.end()) {
      ++it->second;
      ids_in[c].push_back(static_cast<uint32_t>(i));
    }
  }
  GEOSContextHandle_t ctx = boundaries.geos->get();
  const double incidents = static_cast<double>(std::max<uint64_t>(1, included));
  std::vector<HotspotFeature> out;
  const AreaBoxes boxes(boundaries);  // once: each hotspot looks up the areas near it
  for (const auto& cells : connected_groups(g, hot)) {
    HotspotFeature h = describe(boundaries, boxes, imd, surface, cells, incidents_in);
    h.share = static_cast<double>(h.incidents) / incidents;
    h.polygon = cells_polygon(ctx, g, cells);
    h.cell_ids = cells;
    std::vector<uint32_t> ids;
    for (int64_t c : cells) {
      if (const auto it = ids_in.find(c); it != ids_in.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    }
    h.name = namer.name(ids, h.district);
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const HotspotFeature& a, const HotspotFeature& b) {
    return a.incidents != b.incidents ? a.incidents > b.incidents : a.peak_density > b.peak_density;
  });
  for (size_t k = 0; k < out.size(); ++k) out[k].rank = static_cast<int>(k + 1);
  return out;
}

}  // namespace hotspot
