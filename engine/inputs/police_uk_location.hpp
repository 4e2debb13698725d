// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// police.uk's Location column: "On or near Coxmoor Road" -> "Coxmoor Road"; other text as it is.
std::string street_of_location(std::string_view location);

// A police.uk generic place rather than a street: "Supermarket", "Parking Area", "Petrol Station",
// ..., or a name with a '/' (a junction or shop name).
bool is_police_uk_place(const std::string& name);

}  // namespace hotspot
