// SPDX-License-Identifier: Apache-2.0
#include "inputs/row_account.hpp"

namespace hotspot {

void RowAccount::reject(uint32_t file, uint64_t line, std::string column, std::string_view reason) {
  rejects.push_back({file, line, std::move(column), reason});
}

std::map<std::string, uint64_t> RowAccount::rejected_by_reason() const {
  std::map<std::string, uint64_t> by_reason;
  for (const auto& r : rejects) ++by_reason[std::string(r.reason)];
  return by_reason;
}

}  // namespace hotspot
