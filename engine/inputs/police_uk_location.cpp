// SPDX-License-Identifier: Apache-2.0
#include "inputs/police_uk_location.hpp"

#include <algorithm>
#include <array>

namespace hotspot {
namespace {

constexpr std::array<std::string_view, 20> kPlaces = {
    "Supermarket",    "Parking Area", "Shopping Area",  "Petrol Station",        "Nightclub",   "Hospital",
    "Police Station", "Prison",       "Motorway Service Area", "Airport",        "Train Station", "Cinema",
    "Nature Reserve", "Museum",       "Marina",         "Pedestrian Subway",     "Underground Station", "Mosque",
    "Church",         "No Location"};

}  // namespace

bool is_police_uk_place(const std::string& name) {
  return name.find('/') != std::string::npos || std::find(kPlaces.begin(), kPlaces.end(), name) != kPlaces.end();
}

std::string street_of_location(std::string_view location) {
  constexpr std::string_view prefix = "On or near ";
  if (location.substr(0, prefix.size()) == prefix) location.remove_prefix(prefix.size());
  return std::string(location);
}

}  // namespace hotspot
