// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot::test {

// The rows (cells as text, entities decoded) of the first table in brief.html's section `id`.
std::vector<std::vector<std::string>> brief_table(const std::string& html, const std::string& id);

// The rows of a CSV file read by GDAL's CSV driver: every field as text, header excluded.
std::vector<std::vector<std::string>> csv_rows(const std::string& path);

}  // namespace hotspot::test
