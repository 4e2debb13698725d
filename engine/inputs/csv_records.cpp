// SPDX-License-Identifier: Apache-2.0
#include "inputs/csv_records.hpp"

#include <algorithm>
#include <cstring>

#include <cpl_vsi.h>

namespace hotspot {
namespace {

// One record's bytes through RFC 4180's quoting: is every '"' where the RFC puts one?
class QuoteCheck {
 public:
  void start(char separator) {
    separator_ = separator, state_ = State::field_start, field_ = 0, bad_field_ = -1;
  }
  void add(char c) {
    if (bad_field_ >= 0) return;
    const bool quote = c == '"', sep = c == separator_;
    switch (state_) {
      case State::field_start: state_ = quote ? State::quoted : sep ? State::field_start : State::unquoted; break;
      case State::unquoted: quote ? void(bad_field_ = field_) : void(state_ = sep ? State::field_start : State::unquoted); break;
      case State::quoted: if (quote) state_ = State::quote_in_quoted; break;
      case State::quote_in_quoted:
        if (quote) state_ = State::quoted;
        else if (sep) state_ = State::field_start;
        else bad_field_ = field_;  // text after a closing quote, or a line end while more lines follow
        break;
    }
    if (sep && state_ == State::field_start) ++field_;
  }
  int bad_field() const { return bad_field_; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };
  State state_ = State::field_start;
  char separator_ = ',';
  int field_ = 0, bad_field_ = -1;
};

// GDAL's choice of separator from the header line: ',' unless the line has none and has ';', a
// tab or '|'.
char separator_of(const std::string& header) {
  if (header.find(',') != std::string::npos) return ',';
  for (const char c : {';', '\t', '|'}) {
    if (header.find(c) != std::string::npos) return c;
  }
  return ',';
}

}  // namespace

std::optional<CsvRecords> CsvRecords::scan(const std::string& path) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return std::nullopt;
  CsvRecords out;
  std::vector<char> buffer(1 << 16);
  uint64_t line = 1;            // the line being read
  bool line_has_bytes = false;  // the line being read holds something before its end
  bool after_cr = false;        // the last byte ended a line with CR (a LF next is the same end)
  bool in_record = false, odd = false, in_header = true;
  std::string header;           // the header line's bytes (the first 64 KiB), for the separator
  char separator = ',';
  uint64_t last_end = 0;        // the last line of the record before
  CsvRecord record;
  QuoteCheck check;

  const auto finish = [&](bool at_end) {
    in_record = false;
    if (in_header) {
      in_header = false;
      out.header_lines_ = record.first_line + record.lines - 1;
      last_end = out.header_lines_;
      separator = separator_of(header);
      return;
    }
    const uint64_t fid = ++out.records_;
    record.unbalanced = (record.lines > 1 && check.bad_field() >= 0) || (at_end && odd);
    if (record.unbalanced) record.field = check.bad_field() >= 0 ? check.bad_field() : -1;
    if (record.first_line != last_end + 1 || record.lines != 1 || record.unbalanced) out.irregular_.push_back({fid, record});
    last_end = record.first_line + record.lines - 1;
  };
  const auto end_line = [&] {
    if (in_record) {
      if (!odd) {
        finish(false);
      } else {
        ++record.lines;  // the next line belongs to this record (odd quotes: a field is open, or one stray)
      }
    }
    ++line;
    line_has_bytes = false;
  };

  size_t got = 0;
  while ((got = VSIFReadL(buffer.data(), 1, buffer.size(), f)) > 0) {
    for (size_t i = 0; i < got; ++i) {
      const char c = buffer[i];
      // A data line with no '"' whose end is in the buffer is a record of one line: skip to its
      // end (found by memchr, most of the time a scan takes) without looking at each byte.
      if (!in_record && !in_header && c != '\n' && c != '\r') {
        const char* from = buffer.data() + i;
        const auto* lf = static_cast<const char*>(std::memchr(from, '\n', got - i));
        if (lf && !std::memchr(from, '"', static_cast<size_t>(lf - from)) && !std::memchr(from, '\r', static_cast<size_t>(lf - from))) {
          after_cr = false;
          in_record = true, odd = false;
          record = CsvRecord{line, 1, false, -1};
          check.start(separator);
          line_has_bytes = true;
          i = static_cast<size_t>(lf - buffer.data()) - 1;  // the loop's next byte is the LF
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        if (c == '\n' && after_cr) {
          after_cr = false;
          continue;
        }
        after_cr = c == '\r';
        end_line();
        continue;
      }
      after_cr = false;
      if (!in_record) {
        in_record = true, odd = false;
        record = CsvRecord{line, 1, false, -1};
        check.start(separator);
      }
      line_has_bytes = true;
      if (c == '"') odd = !odd;
      check.add(c);
      if (in_header && header.size() < 65536) header += c;
    }
  }
  VSIFCloseL(f);
  if (in_record) {
    if (!line_has_bytes && record.lines > 1) --record.lines;  // the file ended on a line end
    finish(true);
  }
  return out;
}

CsvRecord CsvRecords::record(uint64_t fid) const {
  const auto after = std::upper_bound(irregular_.begin(), irregular_.end(), fid,
                                      [](uint64_t id, const Irregular& r) { return id < r.fid; });
  if (after == irregular_.begin()) return CsvRecord{header_lines_ + fid, 1, false, -1};
  const Irregular& before = *(after - 1);
  if (before.fid == fid) return before.record;
  return CsvRecord{before.record.first_line + before.record.lines + (fid - before.fid - 1), 1, false, -1};
}

}  // namespace hotspot
