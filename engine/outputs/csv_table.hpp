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

void write_csv(const std::string& path, const CsvTable& table);

}  // namespace hotspot
