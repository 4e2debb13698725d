// SPDX-License-Identifier: Apache-2.0
// The tasking config loader on any bytes as a .toml file: TOML parsing (behind ascii_toml), every
// key's type and range checks, the stages' cross-checks. Paths it names are only looked at.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "pipeline/run_config.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace hotspot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("hotspot-fuzz-config-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return (dir / "tasking.toml").string();
  }();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  HOTSPOT_FUZZ_EXPECTED_ERRORS(load_run_config(path, "2024-07-01"));
  return 0;
}
