// SPDX-License-Identifier: Apache-2.0
#include <fstream>
#include <iterator>

#include "core/errors.hpp"
#include "outputs/styles.hpp"

namespace hotspot {

void write_text(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw DataError("cannot write '" + path + "'");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read '" + path + "'");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw DataError("cannot read '" + path + "'");
  return text;
}

}  // namespace hotspot
