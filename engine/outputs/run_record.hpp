// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include <cpl_json.h>

#include "inputs/row_account.hpp"

namespace hotspot {

// rejects.csv: file, line, column, reason for every row not loaded (no field values); `files`
// names the sources the rejects' file indices refer to.
void write_rejects(const std::string& path, const RowAccount& account, const std::vector<std::string>& files);

// The "rows" block of summary.json: read, filtered, loaded, rejected by reason.
CPLJSONObject rows_json(const RowAccount& account);

// A JSON array of the texts, in order.
CPLJSONArray json_strings(const std::vector<std::string>& items);

// `summary` as indented JSON, any source's password masked.
std::string json_text(const CPLJSONObject& summary);

// Writes json_text(summary).
void write_json(const std::string& path, const CPLJSONObject& summary);

}  // namespace hotspot
