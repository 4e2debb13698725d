// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <stdexcept>
#include <string>

namespace hotspot {

// The user asked for something that cannot work (bad flag value, missing file): exit code 1.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The input data cannot be used as it is (unreadable file, missing column, no CRS): exit code 2.
struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A bad option value, raised wherever it is found (parsing, a cross-option check, or later against
// the data). `key` is the qualified config key ("kde.cell"): each front end spells the error its
// own way, with the flag on the command line ("--cell -5: must be > 0 m") and file:line:col and the
// key from a config ("tasking.toml:31:8: kde.cell = -5: must be > 0 m").
struct OptionError : UsageError {
  OptionError(std::string k, std::string v, std::string r)
      : UsageError(k + " = " + v + ": " + r), key(std::move(k)), value(std::move(v)), reason(std::move(r)) {}
  std::string key, value, reason;
};

}  // namespace hotspot
