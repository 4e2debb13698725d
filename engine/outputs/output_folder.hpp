// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// Writes a set of files so that a failed run leaves no partial file behind: each file is
// written under a hidden temporary name and all are renamed into place by commit(). Without
// commit() the temporaries are removed, and the folder too when this object created it and
// it is still empty.
class OutputFolder {
 public:
  explicit OutputFolder(std::string dir);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Path to write `name` (may contain sub-folders, e.g. "areas/lsoa.geojson") to.
  std::string stage(const std::string& name);
  // Where the file staged as `name` is now: its temporary before commit(), its final path after;
  // throws DataError when nothing was staged under that name.
  std::string path_of(const std::string& name) const;
  // Names of the files staged so far, relative to the folder, in staging order.
  std::vector<std::string> staged_names() const;
  // Renames every staged file to its final name; returns the final paths.
  std::vector<std::string> commit();

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::vector<std::string> created_dirs_;
  struct Staged {
    std::string name, temp, final_path;
  };
  std::vector<Staged> staged_;
  bool committed_ = false;
};

}  // namespace hotspot
