// SPDX-License-Identifier: Apache-2.0
#include "outputs/output_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

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

// Whether `dir` may be replaced: missing, empty, or a pack (it holds the marker, or the
// summary.json of a pack written before the marker existed).
bool replaceable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  if (fs::is_empty(dir, ec)) return true;
  return fs::exists(dir / kPackMarker, ec) || fs::exists(dir / "summary.json", ec);
}

}  // namespace

OutputFolder::OutputFolder(std::string dir, Mode mode) : dir_(std::move(dir)), mode_(mode) {
  if (dir_.empty()) throw UsageError("--output: a folder is required");
  if (fs::exists(dir_) && !fs::is_directory(dir_)) throw UsageError("--output '" + dir_ + "': exists and is not a folder");
  if (mode_ == Mode::files) {
    make_dirs(dir_, created_dirs_);
    return;
  }
  fs::path target = fs::absolute(dir_).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/" names "out"
  const fs::path parent = target.parent_path();
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == ".." || target == target.root_path()) {
    throw UsageError("--output '" + dir_ + "': name a folder of its own for the pack");
  }
  if (!replaceable(target)) {
    throw UsageError("--output '" + dir_ + "': holds files hotspot did not write; name a new or empty folder (a pack "
                     "replaces its whole folder)");
  }
  make_dirs(parent, created_dirs_);
  const fs::path lock = parent / ("." + name + ".lock");
  lock_path_ = lock.string();
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) throw UsageError("--output '" + dir_ + "': cannot create " + lock.string());
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw UsageError("--output '" + dir_ + "': another hotspot run is writing this folder; wait for it to finish");
  }
  // What killed runs left: their staging folders and the previous packs they had not yet removed.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string f = e.path().filename().string();
    if (f.rfind("." + name + ".staging-", 0) == 0 || f.rfind("." + name + ".old-", 0) == 0) fs::remove_all(e.path(), ec);
  }
  staging_ = (parent / ("." + name + ".staging-" + std::to_string(getpid()))).string();
  fs::create_directory(staging_, ec);
  if (ec) throw UsageError("--output '" + dir_ + "': cannot create " + staging_ + ": " + ec.message());
}

std::string OutputFolder::stage(const std::string& name) {
  const fs::path final_path = fs::path(dir_) / name;
  fs::path temp;
  if (mode_ == Mode::pack) {
    temp = fs::path(staging_) / name;
    std::error_code ec;
    fs::create_directories(temp.parent_path(), ec);
    if (ec) throw DataError("output '" + final_path.string() + "': cannot create its folder: " + ec.message());
  } else {
    make_dirs(final_path.parent_path(), created_dirs_);
    // The extension stays last: GDAL's CSV driver picks file or folder output by it.
    temp = final_path.parent_path() /
           ("." + final_path.stem().string() + ".partial-" + std::to_string(getpid()) + final_path.extension().string());
  }
  fs::remove(temp);
  const bool again = std::any_of(staged_.begin(), staged_.end(), [&](const auto& s) { return s.name == name; });
  if (!again) staged_.push_back({name, temp.string(), final_path.string()});  // staged again: still one output
  return temp.string();
}

std::string OutputFolder::scratch(const std::string& name) {
  const std::string path = stage(name);
  for (auto& s : staged_) {
    if (s.name == name) s.scratch = true;
  }
  return path;
}

GDALDataset& OutputFolder::geopackage() {
  if (!geopackage_) geopackage_ = create_dataset("GPKG", stage("pack.gpkg"));
  return *geopackage_;
}

std::string OutputFolder::path_of(const std::string& name) const {
  for (const auto& s : staged_) {
    if (s.name == name) return committed_ ? s.final_path : s.temp;
  }
  throw DataError("output '" + name + "' was not staged");
}

std::vector<std::string> OutputFolder::staged_names() const {
  std::vector<std::string> names;
  for (const auto& s : staged_) {
    if (!s.scratch) names.push_back(s.name);
  }
  return names;
}

void OutputFolder::write_later(std::function<void()> work) {
  const std::shared_future<void> before = writing_.empty() ? std::shared_future<void>() : writing_.back();
  writing_.push_back(std::async(std::launch::async, [before, work = std::move(work)] {
    if (before.valid()) before.wait();
    work();
  }).share());
}

void OutputFolder::finish_writing() {
  std::exception_ptr first;
  for (auto& w : writing_) {
    try {
      w.get();
    } catch (...) {
      if (!first) first = std::current_exception();
    }
  }
  writing_.clear();
  if (first) std::rethrow_exception(first);
}

std::vector<std::string> OutputFolder::commit() {
  finish_writing();
  if (geopackage_) close_dataset(geopackage_, path_of("pack.gpkg"));
  std::vector<std::string> written;
  std::vector<Staged> kept;
  for (auto& s : staged_) {
    std::error_code ec;
    if (s.scratch) {
      fs::remove(s.temp, ec);
      continue;
    }
    if (!fs::exists(s.temp)) throw DataError("output '" + s.final_path + "' was not written");
    written.push_back(s.final_path);
    kept.push_back(std::move(s));
  }
  staged_ = std::move(kept);
  if (mode_ == Mode::files) {
    for (const auto& [name, temp, final_path, scratch] : staged_) {
      std::error_code ec;
      fs::rename(temp, final_path, ec);
      if (ec) throw DataError("output '" + final_path + "': cannot rename into place: " + ec.message());
    }
    committed_ = true;
    return written;
  }
  std::ofstream(fs::path(staging_) / kPackMarker) << "written by hotspot; the next run into this folder replaces it whole\n";
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    // One atomic step: the new pack takes the folder's name, the old one the staging name.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0) {
      throw DataError("output '" + dir_ + "': cannot swap the new pack into place");
    }
    committed_ = true;
    fs::remove_all(staging_, ec);  // the previous pack
  } else {
    fs::rename(staging_, dir_, ec);
    if (ec) throw DataError("output '" + dir_ + "': cannot rename into place: " + ec.message());
    committed_ = true;
  }
  return written;
}

OutputFolder::~OutputFolder() {
  for (auto& w : writing_) {  // a failed run: the writer stops before its files go
    if (w.valid()) w.wait();
  }
  std::error_code ec;
  if (!committed_) {
    if (mode_ == Mode::pack) {
      if (!staging_.empty()) fs::remove_all(staging_, ec);
    } else {
      for (const auto& staged : staged_) fs::remove(staged.temp, ec);
    }
    if (lock_fd_ >= 0 && !created_dirs_.empty()) {  // the folders this run made go again, lock file and all
      fs::remove(lock_path_, ec);
    }
    for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) {
      if (fs::is_directory(*it, ec) && fs::is_empty(*it, ec)) fs::remove(*it, ec);
    }
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock; the lock file stays (removing it would race)
}

}  // namespace hotspot
