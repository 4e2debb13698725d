// SPDX-License-Identifier: Apache-2.0
#include "inputs/source_list.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"

namespace fs = std::filesystem;

namespace hotspot {
namespace {

bool is_connection_string(const std::string& s) {
  return s.rfind("PG:", 0) == 0 || s.rfind("/vsi", 0) == 0 || s.find("://") != std::string::npos;
}

bool has_csv_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".csv";
}

}  // namespace

std::vector<std::string> expand_sources(const std::vector<std::string>& specs,
                                        const std::string& flag) {
  if (specs.empty()) throw UsageError(flag + ": at least one source is required");
  std::vector<std::string> out;
  for (const auto& spec : specs) {
    if (is_connection_string(spec)) {
      out.push_back(spec);
    } else if (fs::is_directory(spec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(spec)) {
        if (e.is_regular_file() && has_csv_extension(e.path())) found.push_back(e.path().string());
      }
      if (found.empty()) throw UsageError(flag + " '" + spec + "': folder holds no .csv file");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (spec.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      const int rc = glob(spec.c_str(), 0, nullptr, &g);
      std::vector<std::string> found(g.gl_pathv, g.gl_pathv + (rc == 0 ? g.gl_pathc : 0));
      globfree(&g);
      if (found.empty()) throw UsageError(flag + " '" + spec + "': pattern matches no file");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(spec)) {
      out.push_back(spec);
    } else {
      throw UsageError(flag + " '" + spec + "': no such file or folder");
    }
  }
  return out;
}

}  // namespace hotspot
