// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <optional>
#include <string>
#include <unordered_map>

namespace hotspot {

// The seven IoD2019 domains of File_2, in the published column order.
inline constexpr std::array<const char*, 7> kImdDomains = {
    "income", "employment", "education", "health", "crime", "housing", "living_environment"};

struct ImdRecord {
  int rank = 0;    // 1 = most deprived of the 32,844 LSOAs
  int decile = 0;  // 1 = most deprived 10%
  std::array<int, 7> domain_deciles{};  // 0 when File_2 was not given
  std::string district_code, district_name;
  std::optional<double> population;  // File_6 total, mid-2015 (excluding prisoners)
};

struct Imd {
  std::unordered_map<std::string, ImdRecord> by_code;
  bool has_domains = false;
  bool has_population = false;

  const ImdRecord* find(const std::string& code) const;
};

// Reads the gov.uk IoD2019 CSVs (UTF-8 BOM, numbers such as "29,199"): File_1 is required;
// File_2 (domain deciles) and File_6 (population) are optional (empty path). Columns are
// found by their published header text. Throws DataError naming file, line and column.
Imd read_imd(const std::string& file1, const std::string& file2 = {}, const std::string& file6 = {});

}  // namespace hotspot
