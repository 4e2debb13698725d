// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// A small table written through GDAL's CSV driver (quoting is GDAL's, line ends are LF).
struct CsvTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Writes the table as RFC 4180 CSV (LF line ends, quotes where needed). A cell a spreadsheet
// would run as a formula (starting with =, +, -, @, a tab or a CR, and not a number) is written
// with a leading apostrophe, as OWASP advises against CSV injection.
void write_csv(const std::string& path, const CsvTable& table);

// Whether a spreadsheet would take the cell for a formula.
bool formula_like(const char* cell);

// The cell as write_csv writes it: "'=HYPERLINK(...)" for a formula, else unchanged.
std::string spreadsheet_safe(const char* cell);

}  // namespace hotspot
