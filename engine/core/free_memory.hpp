// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace hotspot {

// Hands the C library's free memory back to the system. glibc keeps what a thread freed in that
// thread's heap for reuse: the sources read on every core and then merged into one table, or a
// step's working tables, would otherwise still be held at the next step's peak. Giving memory
// back costs page faults when it is needed again (on a county's run, a few percent of its time),
// so callers do it only for loads of at least kLargeLoad incidents. A no-op on other C libraries.
void release_free_memory() noexcept;

// The incidents from which a run gives its freed memory back between its phases (1 million: a
// national year has millions; a county's 18 months a few hundred thousand at most).
constexpr size_t kLargeLoad = 1'000'000;

}  // namespace hotspot
