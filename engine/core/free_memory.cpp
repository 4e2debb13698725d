// SPDX-License-Identifier: Apache-2.0
#include "core/free_memory.hpp"

#include <cstdlib>  // defines __GLIBC__ with glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hotspot {

void release_free_memory(size_t incidents) noexcept {
#if defined(__GLIBC__)
  if (incidents >= 1'000'000) malloc_trim(0);
#else
  (void)incidents;
#endif
}

}  // namespace hotspot
