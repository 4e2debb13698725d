// SPDX-License-Identifier: Apache-2.0
#include "inputs/row_account.hpp"

#include <mutex>
#include <set>

namespace hotspot {

std::string_view intern_reason(const std::string& reason, std::string_view fallback) {
  static std::mutex mutex;
  static std::set<std::string> kept;  // nodes do not move: views into them stay valid
  const std::lock_guard<std::mutex> lock(mutex);
  const auto at = kept.find(reason);
  if (at != kept.end()) return *at;
  if (kept.size() >= 1000) return fallback;
  return *kept.insert(reason).first;
}

void RowAccount::reject(uint32_t file, uint64_t line, std::string column, std::string_view reason) {
  rejects.push_back({file, line, std::move(column), reason});
}

std::map<std::string, uint64_t> RowAccount::rejected_by_reason() const {
  std::map<std::string, uint64_t> by_reason;
  for (const auto& r : rejects) ++by_reason[std::string(r.reason)];
  return by_reason;
}

}  // namespace hotspot
