// SPDX-License-Identifier: Apache-2.0
// The IoD2019 reader on any bytes: as File_1 (first byte % 3 == 0), or as File_2 or File_6 beside
// a well-formed File_1 of two LSOAs.
#include <string_view>

#include "core/errors.hpp"
#include "inputs/imd.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace hotspot;

namespace {
constexpr std::string_view kFile1 =
    "\xEF\xBB\xBFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name "
    "(2019),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile\n"
    "E01027950,Ashfield 001A,E07000170,Ashfield,\"12,345\",4\n"
    "E01027951,Ashfield 001B,E07000170,Ashfield,2101,1\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int role = data[0] % 3;
  const fuzz::MemoryFile input("/vsimem/fuzz/imd.csv", data + 1, size - 1);
  const fuzz::MemoryFile file1("/vsimem/fuzz/File_1.csv", reinterpret_cast<const uint8_t*>(kFile1.data()), kFile1.size());
  HOTSPOT_FUZZ_EXPECTED_ERRORS({
    const Imd imd = role == 0   ? read_imd(input.path())
                    : role == 1 ? read_imd(file1.path(), input.path())
                                : read_imd(file1.path(), {}, input.path());
    for (const auto& [code, r] : imd.by_code) {
      if (r.decile < 1 || r.decile > 10) __builtin_trap();  // deciles are checked on reading
    }
  });
  return 0;
}
