// SPDX-License-Identifier: Apache-2.0
#include <fstream>

#include "core/errors.hpp"
#include "outputs/styles.hpp"

namespace hotspot {

void write_text(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw DataError("cannot write '" + path + "'");
}

}  // namespace hotspot
