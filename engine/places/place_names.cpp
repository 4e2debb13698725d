// SPDX-License-Identifier: Apache-2.0
#include "places/place_names.hpp"

#include <algorithm>

#include "inputs/police_uk_location.hpp"

namespace hotspot {

std::string street_names(const std::map<uint32_t, uint64_t>& by_location, const Incidents& inc) {
  std::vector<std::pair<uint64_t, std::string>> streets, places;  // (incidents, name)
  for (const auto& [location, n] : by_location) {
    const std::string& name = inc.location_names[location];
    if (name.empty() || name == "No Location") continue;
    (is_police_uk_place(name) ? places : streets).emplace_back(n, name);
  }
  std::vector<std::pair<uint64_t, std::string>>& from = streets.empty() ? places : streets;
  std::sort(from.begin(), from.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::string out;
  for (size_t k = 0; k < from.size() && k < 3 && from[k].first * 4 >= from.front().first; ++k) {
    out += (out.empty() ? "" : " / ") + from[k].second;
  }
  return out;
}

PlaceName PlaceNamer::name(const std::vector<uint32_t>& incidents, const std::string& district_fallback) const {
  PlaceName n;
  std::map<uint32_t, uint64_t> by_location;
  std::map<int32_t, uint64_t> by_ward;
  for (uint32_t i : incidents) {
    if (!incidents_.location.empty()) ++by_location[incidents_.location[i]];
    if (wards_ && !ward_of_.empty() && ward_of_[i] >= 0) ++by_ward[ward_of_[i]];
  }
  n.streets = street_names(by_location, incidents_);
  uint64_t most = 0;
  for (const auto& [w, count] : by_ward) {  // wards are sorted by code: ties go to the lower
    if (count > most) {
      most = count;
      const Area& ward = wards_->areas[static_cast<size_t>(w)];
      n.ward = ward.name.empty() ? ward.code : ward.name;
      n.ward_code = ward.code;
      n.district = ward.district_name;
    }
  }
  if (n.district.empty()) n.district = district_fallback;
  for (const std::string* part : {&n.streets, &n.ward, &n.district}) {
    if (!part->empty()) n.full += (n.full.empty() ? "" : ", ") + *part;
  }
  return n;
}

}  // namespace hotspot
