// SPDX-License-Identifier: Apache-2.0
// What every harness shares: the fuzzer's bytes as a file in GDAL's memory file system, and the
// errors a reader may throw for bad input (anything else escaping, or a crash, is a finding).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <cpl_vsi.h>

namespace hotspot::fuzz {

// A /vsimem/ file holding `size` bytes of `data`, removed when this goes out of scope.
class MemoryFile {
 public:
  MemoryFile(std::string path, const uint8_t* data, size_t size) : path_(std::move(path)) {
    VSILFILE* f = VSIFOpenL(path_.c_str(), "wb");
    if (size) VSIFWriteL(data, 1, size, f);
    VSIFCloseL(f);
  }
  ~MemoryFile() { VSIUnlink(path_.c_str()); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace hotspot::fuzz

// Runs `body`, taking the project's own errors for bad input as the expected outcome.
#define HOTSPOT_FUZZ_EXPECTED_ERRORS(body)   \
  try {                                      \
    body;                                    \
  } catch (const hotspot::UsageError&) {     \
  } catch (const hotspot::DataError&) {      \
  }
