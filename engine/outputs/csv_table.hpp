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

// How tables are written: `plain` (UTF-8 without a byte order mark, shares as fractions: 0.3243)
// or `excel` (a byte order mark, so that Excel on Windows reads UTF-8, and every share column,
// `share`, `*_share*`, `hit_rate`, `coverage`, as a percentage Excel reads as one: 32.43%). For
// the life of the process; --csv excel, csv = "excel" in a config.
enum class CsvStyle { plain, excel };
void set_csv_style(CsvStyle style);
CsvStyle csv_style();
// GDAL's CSV layer options for the style: LF line ends, quotes where needed, a BOM for Excel.
CPLStringList csv_layer_options();

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
  std::vector<bool> percent_;  // excel style: the share columns, written as percentages
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
