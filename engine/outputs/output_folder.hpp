// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "core/gdal_handles.hpp"

namespace hotspot {

// A layer of the pack, as a GIS opens it (for the pack's QGIS project).
struct PackLayer {
  std::string stem;      // its name in the pack without extension: "kde/hotspots"
  std::string source;    // relative to the pack: "./kde/hotspots.geojson", "./pack.gpkg|layername=kde_hotspots"
  std::string provider;  // QGIS's: "ogr" for vectors, "gdal" for rasters
  std::string geometry;  // "Point", "Line" or "Polygon"; "" for a raster
  int epsg = 27700;      // its CRS
  std::string qml;       // its QGIS style, "" for none
};

// Writes a set of outputs so that a failed or killed run never leaves a partial or mixed result.
//
// A pack (the default) is one folder written whole: every file is staged in a hidden sibling
// folder (".NAME.staging-PID") and commit() swaps it with the previous pack in one atomic
// rename (Linux renameat2 RENAME_EXCHANGE), then removes the previous pack. Killed at any moment
// before that rename, the previous pack is untouched; after it, the new pack is complete, and
// no stale file of an earlier run survives. The folder is locked (flock on ".NAME.lock" beside it)
// while a run writes it, so a second run into the same folder is refused; the first thing a run
// does is remove what killed runs left (staging and old folders). A folder that holds files not
// written by hotspot is never replaced.
//
// Files mode is for one file into a folder others share (a gazetteer CSV): each file is staged
// under a hidden name beside its final one and renamed into place by commit().
class OutputFolder {
 public:
  enum class Mode { pack, files };
  explicit OutputFolder(std::string dir, Mode mode = Mode::pack);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Path to write `name` (may contain sub-folders, e.g. "areas/lsoa.geojson") to.
  std::string stage(const std::string& name);
  // Path for a working file the run reads back (the GeoJSON its maps are drawn from, when the
  // layers are published in another format): path_of finds it, but it is removed before commit()
  // and is not one of the outputs.
  std::string scratch(const std::string& name);
  // The pack's GeoPackage (`pack.gpkg`, staged on first use), which every layer of a
  // --format gpkg run is written into; commit() closes it, checking that GDAL wrote it whole.
  GDALDataset& geopackage();
  // The pack's GeoPackage when a layer has been written to it, else nullptr.
  GDALDataset* open_geopackage() { return geopackage_.get(); }
  // Where the file staged as `name` is now: its staged path before commit(), its final path after;
  // throws DataError when nothing was staged under that name.
  std::string path_of(const std::string& name) const;
  // Records a layer written into the pack (in writing order), for its QGIS project.
  void add_layer(PackLayer layer) { layers_.push_back(std::move(layer)); }
  const std::vector<PackLayer>& layers() const { return layers_; }
  // Runs `work` (writing files already staged, such as a layer's features) on the folder's writer
  // thread, after the work handed over before it, while the run goes on.
  void write_later(std::function<void()> work);
  // Waits for the work handed over; rethrows the first that failed. commit() calls it first; the
  // run calls it before anything reads the files back (map.html).
  void finish_writing();
  // Names of the files staged so far (not the scratch files), relative to the folder, in staging order.
  std::vector<std::string> staged_names() const;
  // Puts every staged file in place; returns the final paths.
  std::vector<std::string> commit();

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  Mode mode_;
  std::string staging_;  // pack mode: the hidden sibling folder the pack is written in
  std::string lock_path_;  // pack mode: ".NAME.lock" beside the folder
  int lock_fd_ = -1;
  std::vector<std::string> created_dirs_;
  struct Staged {
    std::string name, temp, final_path;
    bool scratch = false;
  };
  GDALDatasetUniquePtr geopackage_;
  std::vector<PackLayer> layers_;
  std::vector<Staged> staged_;
  bool committed_ = false;
  std::vector<std::shared_future<void>> writing_;  // write_later's work, in order; each waits for the one before
};

// The marker file every pack holds, so that a later run knows the folder is its to replace.
inline constexpr const char* kPackMarker = ".hotspot-pack";

}  // namespace hotspot
