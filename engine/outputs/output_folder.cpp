// SPDX-License-Identifier: Apache-2.0
#include "outputs/output_folder.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"

namespace fs = std::filesystem;

namespace hotspot {
namespace {

// Creates `dir` and its missing parents; remembers the ones it made, outermost first.
void make_dirs(const fs::path& dir, std::vector<std::string>& created) {
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) missing.push_back(p);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw UsageError("--output '" + dir.string() + "': cannot create folder: " + ec.message());
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) created.push_back(it->string());
}

}  // namespace

OutputFolder::OutputFolder(std::string dir) : dir_(std::move(dir)) {
  if (dir_.empty()) throw UsageError("--output: a folder is required");
  if (fs::exists(dir_) && !fs::is_directory(dir_)) throw UsageError("--output '" + dir_ + "': exists and is not a folder");
  make_dirs(dir_, created_dirs_);
}

std::string OutputFolder::stage(const std::string& name) {
  const fs::path final_path = fs::path(dir_) / name;
  make_dirs(final_path.parent_path(), created_dirs_);
  // The extension stays last: GDAL's CSV driver picks file or folder output by it.
  const fs::path temp = final_path.parent_path() / ("." + final_path.stem().string() + ".partial-" +
                                                    std::to_string(getpid()) + final_path.extension().string());
  fs::remove(temp);
  const bool again = std::any_of(staged_.begin(), staged_.end(), [&](const auto& s) { return s.name == name; });
  if (!again) staged_.push_back({name, temp.string(), final_path.string()});  // staged again: still one output
  return temp.string();
}

std::string OutputFolder::path_of(const std::string& name) const {
  for (const auto& s : staged_) {
    if (s.name == name) return committed_ ? s.final_path : s.temp;
  }
  throw DataError("output '" + name + "' was not staged");
}

std::vector<std::string> OutputFolder::staged_names() const {
  std::vector<std::string> names;
  for (const auto& s : staged_) names.push_back(s.name);
  return names;
}

std::vector<std::string> OutputFolder::commit() {
  std::vector<std::string> written;
  for (const auto& [name, temp, final_path] : staged_) {
    if (!fs::exists(temp)) throw DataError("output '" + final_path + "' was not written");
  }
  for (const auto& [name, temp, final_path] : staged_) {
    std::error_code ec;
    fs::rename(temp, final_path, ec);
    if (ec) throw DataError("output '" + final_path + "': cannot rename into place: " + ec.message());
    written.push_back(final_path);
  }
  committed_ = true;
  return written;
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  std::error_code ec;
  for (const auto& staged : staged_) fs::remove(staged.temp, ec);
  for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) {
    if (fs::is_directory(*it, ec) && fs::is_empty(*it, ec)) fs::remove(*it, ec);
  }
}

}  // namespace hotspot
