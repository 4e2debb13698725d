// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "core/gdal_handles.hpp"

namespace hotspot {

// A small table written through GDAL's CSV driver (quoting is GDAL's, line ends are LF).
struct CsvTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// A table written a row at a time, for one too large to hold (rejects.csv of millions of rows);
// cells as write_csv writes them. close() finishes the file; without it nothing is promised.
class CsvWriter {
 public:
  CsvWriter(const std::string& path, const std::vector<std::string>& columns);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  void add(const std::vector<std::string>& row);
  void close();

 private:
  std::string path_;
  GDALDatasetUniquePtr ds_;
  OGRLayer* layer_ = nullptr;
  size_t columns_ = 0;
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
