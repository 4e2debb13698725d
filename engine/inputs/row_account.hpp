// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

// One input row that was not loaded. Holds no field values: rows may be personal data. Kept
// to 16 bytes, since a large file can reject millions of rows: the column and the reason are
// indices into the account's tables (RowAccount::rejected gives them as text).
struct Reject {
  uint64_t line = 0;    // CSV: line in the file (header = 1); other sources: feature id
  uint32_t file = 0;    // index into the list of sources (Incidents::files)
  uint16_t column = 0;  // index into RowAccount::reject_columns; 0: the row as a whole
  uint16_t reason = 0;  // index into RowAccount::reject_reasons
};

// A reject as text.
struct RejectView {
  uint32_t file = 0;
  uint64_t line = 0;
  std::string_view column;  // empty when the row as a whole is at fault
  std::string_view reason;
};

// A reason made at run time (naming a value's form, never the value), kept for the life of the
// process so that rejects can point at it; after 1,000 distinct reasons, `fallback` instead.
// Safe to call from several threads.
std::string_view intern_reason(const std::string& reason, std::string_view fallback);

// Every input row ends up in exactly one of: filtered (by type or month), rejected, loaded.
struct RowAccount {
  uint64_t read = 0;
  uint64_t filtered_by_type = 0;
  uint64_t filtered_by_month = 0;
  uint64_t filtered_by_force = 0;  // police.uk's Falls within, when one force is kept
  uint64_t loaded = 0;
  std::vector<Reject> rejects;
  std::vector<std::string> reject_columns{""};
  // String literals, or reasons kept by intern_reason; the first stands for any past the 65,535th.
  std::vector<std::string_view> reject_reasons{"rejected for a reason past the 65,535th kind"};
  uint64_t repeated_ids_other_location = 0;  // police.uk Crime IDs seen again elsewhere
  uint64_t repeated_ids_same_location = 0;
  std::vector<std::string> warnings;
  // What the rows held, for saying why nothing loaded: every row's crime type as read (before the
  // type filter), the months of the rows of the types kept (before the period filter), the
  // values of the month column that are no month and the form of the first, and the rows whose
  // longitude and latitude look swapped (a latitude of Britain in the longitude column).
  std::map<std::string, uint64_t> types_read;
  int first_month = 0, last_month = 0;
  uint64_t unparsed_months = 0;
  std::string unparsed_month_form;
  uint64_t swapped_lon_lat = 0;
  std::map<std::string, uint64_t> forces_loaded;  // police.uk's Falls within of the rows past the reader's filters

  // `reason` must outlive the account: a string literal, or a view from intern_reason.
  void reject(uint32_t file, uint64_t line, std::string_view column, std::string_view reason);
  RejectView rejected(size_t i) const;
  // Appends another account's rejects (of its own tables) to these.
  void take_rejects(RowAccount& other);
  std::map<std::string, uint64_t> rejected_by_reason() const;
  uint64_t filtered() const { return filtered_by_type + filtered_by_month + filtered_by_force; }
  bool balanced() const { return read == filtered() + rejects.size() + loaded; }
};

}  // namespace hotspot
