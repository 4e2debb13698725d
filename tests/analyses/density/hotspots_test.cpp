// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "analyses/density/hotspots.hpp"
#include "inputs/police_uk_location.hpp"

using namespace hotspot;

TEST_CASE("hotspot street names: the top streets by incidents, a quarter of the first at least, places only alone",
          "[kde][names]") {
  Incidents inc;
  inc.location_names = {"", "Coxmoor Road", "Kingsway", "Parking Area", "Station Street", "Supermarket", "Zeta Close"};
  // Coxmoor Road 8, Kingsway 3, Station Street 2 (under a quarter of 8), Zeta Close 3 (ties by name).
  CHECK(street_names({{1, 8}, {2, 3}, {4, 2}, {6, 3}, {3, 20}, {0, 5}}, inc) == "Coxmoor Road / Kingsway / Zeta Close");
  CHECK(street_names({{1, 8}, {4, 1}}, inc) == "Coxmoor Road");
  // Generic places only where no street is named; then by the same rule.
  CHECK(street_names({{3, 5}, {5, 4}}, inc) == "Parking Area / Supermarket");
  CHECK(street_names({{0, 5}}, inc).empty());
  CHECK(street_of_location("On or near Coxmoor Road") == "Coxmoor Road");
  CHECK(street_of_location("Supermarket") == "Supermarket");
}
