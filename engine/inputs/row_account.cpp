// SPDX-License-Identifier: Apache-2.0
#include "inputs/row_account.hpp"

namespace hotspot {

void RowAccount::reject(std::string file, uint64_t line, std::string column, std::string reason) {
  rejects.push_back({std::move(file), line, std::move(column), std::move(reason)});
}

std::map<std::string, uint64_t> RowAccount::rejected_by_reason() const {
  std::map<std::string, uint64_t> by_reason;
  for (const auto& r : rejects) ++by_reason[r.reason];
  return by_reason;
}

}  // namespace hotspot
