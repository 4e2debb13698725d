// SPDX-License-Identifier: Apache-2.0
#include "core/cell_vector.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace hotspot {

void advise_large_pages(void* p, size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  // Only whole huge pages inside the block can be backed by one (LargePages aligns its blocks to
  // them); the advice is a hint, and a kernel without transparent huge pages refuses it harmlessly.
  constexpr auto kHuge = static_cast<uintptr_t>(kLargePageAlignment);
  const uintptr_t first = (reinterpret_cast<uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t last = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace hotspot
