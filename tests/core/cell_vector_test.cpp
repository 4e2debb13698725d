// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/cell_vector.hpp"

using namespace hotspot;

namespace {

// The kernel's transparent huge page mode ("always", "madvise" or "never"), empty when unknown.
std::string thp_mode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(in, line);
  const size_t a = line.find('['), b = line.find(']');
  return a == std::string::npos || b == std::string::npos ? "" : line.substr(a + 1, b - a - 1);
}

// The THPeligible field of the mapping of /proc/self/smaps that holds p (-1 when not found).
int thp_eligible(const void* p) {
  std::ifstream in("/proc/self/smaps");
  const auto at = reinterpret_cast<uintptr_t>(p);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      inside = lo <= at && at < hi;
    } else if (inside && line.rfind("THPeligible:", 0) == 0) {
      return std::stoi(line.substr(12));
    }
  }
  return -1;
}

}  // namespace

TEST_CASE("a large table starts on a huge page boundary, keeps its values as it grows past the threshold, and is advised") {
  LargeVector<int64_t> v;
  const size_t n = 3 * kLargeBlock / sizeof(int64_t);
  for (size_t i = 0; i < n; ++i) v.push_back(static_cast<int64_t>(i) * 7 - 3);  // small blocks, then large
  REQUIRE(v.size() == n);
  CHECK(reinterpret_cast<uintptr_t>(v.data()) % static_cast<uintptr_t>(kLargePageAlignment) == 0);
  bool same = true;
  for (size_t i = 0; i < n; ++i) same = same && v[i] == static_cast<int64_t>(i) * 7 - 3;
  CHECK(same);
  const std::string mode = thp_mode();
  if (mode == "madvise" || mode == "always") {
    CHECK(thp_eligible(v.data() + n / 2) == 1);
  } else {
    WARN("transparent huge pages are '" << mode << "' here: the advice is not checked");
  }
  // CellVector uses the same blocks, without writing its cells on resize.
  CellVector<float> cells;
  cells.resize(kLargeBlock);
  CHECK(reinterpret_cast<uintptr_t>(cells.data()) % static_cast<uintptr_t>(kLargePageAlignment) == 0);
}
