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

namespace {

// The index of `text` in a small table, added when new; the last one found is tried first (rows
// that fail tend to fail alike). Past 65,535 entries, `full` (a table never grows that far here:
// its entries are column names and fixed reasons).
template <typename Table>
uint16_t index_in(Table& table, std::string_view text, uint16_t& last, uint16_t full) {
  if (last < table.size() && table[last] == text) return last;
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] == text) return last = static_cast<uint16_t>(i);
  }
  if (table.size() >= 65535) return full;
  table.emplace_back(text);
  return last = static_cast<uint16_t>(table.size() - 1);
}

}  // namespace

void RowAccount::reject(uint32_t file, uint64_t line, std::string_view column, std::string_view reason) {
  static thread_local uint16_t last_column = 0, last_reason = 0;
  const uint16_t c = column.empty() ? 0 : index_in(reject_columns, column, last_column, 0);
  const uint16_t r = index_in(reject_reasons, reason, last_reason, 0);
  rejects.push_back({line, file, c, r});
}

RejectView RowAccount::rejected(size_t i) const {
  const Reject& r = rejects[i];
  return {r.file, r.line, reject_columns[r.column], reject_reasons[r.reason]};
}

void RowAccount::take_rejects(RowAccount& other) {
  rejects.reserve(rejects.size() + other.rejects.size());
  for (size_t i = 0; i < other.rejects.size(); ++i) {
    const RejectView v = other.rejected(i);
    reject(v.file, v.line, v.column, v.reason);
  }
  other.rejects = {};
}

std::map<std::string, uint64_t> RowAccount::rejected_by_reason() const {
  std::vector<uint64_t> n(reject_reasons.size());
  for (const auto& r : rejects) ++n[r.reason];
  std::map<std::string, uint64_t> by_reason;
  for (size_t i = 0; i < n.size(); ++i) {
    if (n[i]) by_reason[std::string(reject_reasons[i])] += n[i];
  }
  return by_reason;
}

}  // namespace hotspot
