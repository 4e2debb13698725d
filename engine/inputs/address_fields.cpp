// SPDX-License-Identifier: Apache-2.0
#include "inputs/address_fields.hpp"

namespace hotspot {

void address_of(const OGRFeature& row, const std::vector<int>& fields, std::string& out) {
  out.clear();
  for (int i : fields) {
    const char* part = row.IsFieldSetAndNotNull(i) ? row.GetFieldAsString(i) : "";
    if (*part == '\0') continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
}

}  // namespace hotspot
