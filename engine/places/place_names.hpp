// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "inputs/boundaries.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// Up to three street names for a place from its incidents' police.uk locations: the streets with
// the most incidents, each at least a quarter of the first's, ties by name; police.uk's generic
// places ("Supermarket", "Parking Area") only when no street is there. "" without locations.
std::string street_names(const std::map<uint32_t, uint64_t>& incidents_by_location, const Incidents& incidents);

// A place's name, made from its incidents, so that officers recognise it.
struct PlaceName {
  std::string streets;          // street_names
  std::string ward, ward_code;  // the ward holding most of its incidents (ties: the lower code); "" without wards
  std::string district;         // that ward's district name, else the fallback given
  std::string full;             // "Coxmoor Road / Kingsway, Kirkby Cross & Portland, Ashfield": the parts there are
};

class PlaceNamer {
 public:
  // `ward_of` gives each incident's ward in `wards` (-1 none); without wards (null), names have none.
  PlaceNamer(const Incidents& incidents, const Boundaries* wards, const std::vector<int32_t>& ward_of)
      : incidents_(incidents), wards_(wards), ward_of_(ward_of) {}

  PlaceName name(const std::vector<uint32_t>& incidents, const std::string& district_fallback) const;

 private:
  const Incidents& incidents_;
  const Boundaries* wards_;
  const std::vector<int32_t>& ward_of_;
};

}  // namespace hotspot
