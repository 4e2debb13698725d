// SPDX-License-Identifier: Apache-2.0
#include "outputs/run_record.hpp"

#include "core/errors.hpp"
#include "core/secrets.hpp"
#include "outputs/styles.hpp"
#include "outputs/csv_table.hpp"

namespace hotspot {

void write_rejects(const std::string& path, const RowAccount& account, const std::vector<std::string>& files) {
  CsvWriter out(path, {"file", "line", "column", "reason"});  // a row at a time: there may be millions
  std::vector<std::string> row(4);
  for (size_t i = 0; i < account.rejects.size(); ++i) {
    const RejectView r = account.rejected(i);
    row = {files[r.file], std::to_string(r.line), std::string(r.column), std::string(r.reason)};
    out.add(row);
  }
  out.close();
}

CPLJSONObject rows_json(const RowAccount& account) {
  CPLJSONObject rows;
  rows.Add("read", static_cast<GInt64>(account.read));
  CPLJSONObject filtered;
  filtered.Add("by_type", static_cast<GInt64>(account.filtered_by_type));
  filtered.Add("by_month", static_cast<GInt64>(account.filtered_by_month));
  if (account.filtered_by_force) filtered.Add("by_force", static_cast<GInt64>(account.filtered_by_force));
  if (!account.forces_loaded.empty()) {
    CPLJSONObject forces;
    for (const auto& [force, n] : account.forces_loaded) forces.Add(force, static_cast<GInt64>(n));
    rows.Add("falls_within", forces);
  }
  rows.Add("filtered", filtered);
  rows.Add("loaded", static_cast<GInt64>(account.loaded));
  CPLJSONObject rejected;
  rejected.Add("total", static_cast<GInt64>(account.rejects.size()));
  for (const auto& [reason, n] : account.rejected_by_reason()) rejected.Add(reason, static_cast<GInt64>(n));
  rows.Add("rejected", rejected);
  rows.Add("repeated_crime_ids_other_location", static_cast<GInt64>(account.repeated_ids_other_location));
  rows.Add("repeated_crime_ids_same_location", static_cast<GInt64>(account.repeated_ids_same_location));
  return rows;
}

CPLJSONArray json_strings(const std::vector<std::string>& items) {
  CPLJSONArray a;
  for (const auto& s : items) a.Add(s);
  return a;
}

std::string json_text(const CPLJSONObject& summary) {
  CPLJSONDocument doc;
  doc.SetRoot(summary);
  return redact_secrets(doc.SaveAsString()) + "\n";  // no source's password, whoever added it
}

void write_json(const std::string& path, const CPLJSONObject& summary) { write_text(path, json_text(summary)); }

}  // namespace hotspot
