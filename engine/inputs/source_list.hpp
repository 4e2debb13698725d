// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// Expands what the user named as incident sources into readable sources, in a stable order:
// a folder -> every *.csv below it (police.uk's folder-per-month layout), sorted by path;
// a glob (* ? [) -> the matching paths, sorted; "PG:..." and other GDAL connection strings
// pass through; anything else must be an existing file. Throws UsageError naming `flag`.
std::vector<std::string> expand_sources(const std::vector<std::string>& specs,
                                        const std::string& flag);

}  // namespace hotspot
