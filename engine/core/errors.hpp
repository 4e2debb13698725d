// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <stdexcept>

namespace hotspot {

// The user asked for something that cannot work (bad flag value, missing file): exit code 1.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The input data cannot be used as it is (unreadable file, missing column, no CRS): exit code 2.
struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace hotspot
