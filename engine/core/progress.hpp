// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <string_view>

namespace hotspot {

// The library reports progress through this callback and never prints; `done` is in [0, 1].
using Progress = std::function<void(std::string_view stage, double done)>;

inline void report(const Progress& progress, std::string_view stage, double done) {
  if (progress) progress(stage, done);
}

}  // namespace hotspot
