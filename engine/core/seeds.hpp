// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>

namespace hotspot {

// SplitMix64's finaliser: decorrelates the seeds of per-item generators (seed ^ mix(item)), so
// that each area or permutation draws from its own stream whatever thread runs it.
inline uint64_t splitmix64(uint64_t v) {
  v += 0x9e3779b97f4a7c15ULL;
  v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ULL;
  v = (v ^ (v >> 27)) * 0x94d049bb133111ebULL;
  return v ^ (v >> 31);
}

}  // namespace hotspot
