// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

// Where each record of a CSV file lies, for the lines rejects.csv names and for quotes that do
// not balance. GDAL's CSV driver reads the records; this scan finds them the way it does (GDAL
// 3.6, checked by tests/inputs/csv_records_test.cpp against the driver): lines end at LF, CRLF or
// CR; an empty line between records is skipped; a record runs on over line ends while it holds
// an odd number of '"'; OGR's feature id counts the records after the header from 1.
//
// A record over several lines is legitimate CSV when its quotes are placed as RFC 4180 places
// them (a quoted field opens at the field's start and closes before a separator or the record's
// end, with "" inside). Otherwise a stray '"' made GDAL run lines together: the record is
// `unbalanced`, and all its lines are rows the reader must reject.
// The reason each line of an unbalanced record is rejected with.
inline constexpr std::string_view kUnbalancedQuote =
    "unbalanced quote: a '\"' opened text that ran over the line end, so GDAL read this line and the ones after it "
    "as one record (quote the whole field, and double any '\"' inside)";

struct CsvRecord {
  uint64_t first_line = 0;  // in the file, the header being line 1 (or more lines)
  uint64_t lines = 1;
  bool unbalanced = false;
  int field = -1;  // unbalanced: the field (0-based) where the first stray '"' stands, -1 unknown
};

class CsvRecords {
 public:
  // Scans the file (any GDAL virtual path). nullopt when it cannot be read; the reader then
  // numbers lines by feature id.
  static std::optional<CsvRecords> scan(const std::string& path);

  // The record with OGR feature id `fid` (1 = the first after the header).
  CsvRecord record(uint64_t fid) const;
  uint64_t records() const { return records_; }

 private:
  // Records that do not follow on from the one before (blank lines before them, or more than one
  // line, or unbalanced), by fid; the others are found from the one before.
  struct Irregular {
    uint64_t fid;
    CsvRecord record;
  };
  std::vector<Irregular> irregular_;
  uint64_t header_lines_ = 1;  // the line the first record would start on, minus one
  uint64_t records_ = 0;
};

}  // namespace hotspot
