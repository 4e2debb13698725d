// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace hotspot {

// For a load of `incidents` incidents (or rows), hands the C library's free memory back to the
// system. glibc keeps what a thread freed in that thread's heap for reuse: the sources read on
// every core and then merged into one table, or a step's working tables, would otherwise still be
// held at the next step's peak. Giving memory back costs page faults when it is needed again (on
// a county's run, a few percent of its time), so it is done only from a million incidents (a
// national year has millions; a county's 18 months a few hundred thousand at most). A no-op on
// other C libraries.
void release_free_memory(size_t incidents) noexcept;

}  // namespace hotspot
