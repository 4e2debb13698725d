// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace hotspot {

// Registers GDAL drivers once and stops GDAL printing to stderr: the library never prints,
// errors come back as exceptions carrying GDAL's last message.
void init_gdal();

// Opens a vector source read-only; throws DataError naming `what` and the path.
GDALDatasetUniquePtr open_vector(const std::string& path, const std::string& what,
                                 const std::vector<std::string>& open_options = {},
                                 const std::vector<std::string>& allowed_drivers = {});

// Picks `layer_name`, or the only/first layer when it is empty.
OGRLayer* pick_layer(GDALDataset& ds, const std::string& layer_name, const std::string& path);

// Creates a dataset for writing with `driver` ("GeoJSON", "CSV", ...); throws DataError.
GDALDatasetUniquePtr create_dataset(const std::string& driver, const std::string& path);

// Closes (flushes) a dataset being written and throws DataError when GDAL reported a failure.
void close_dataset(GDALDatasetUniquePtr& ds, const std::string& path);

// A layer's features for a range-for, from the first, that throws DataError naming `what`, the
// path and the rows read when GDAL ends the read on an error (a CSV line over its size limit, a
// truncated file) instead of letting it pass for the layer's end.
class CheckedFeatures {
 public:
  CheckedFeatures(OGRLayer& layer, std::string what, std::string path)
      : layer_(layer), what_(std::move(what)), path_(std::move(path)) {}
  class iterator {
   public:
    explicit iterator(CheckedFeatures* owner) : owner_(owner) { next(); }
    OGRFeatureUniquePtr& operator*() { return feature_; }
    iterator& operator++() { return next(), *this; }
    bool operator!=(const iterator& other) const { return owner_ != other.owner_; }

   private:
    void next();
    CheckedFeatures* owner_;
    OGRFeatureUniquePtr feature_;
  };
  iterator begin() { return layer_.ResetReading(), iterator(this); }
  iterator end() { return iterator(nullptr); }

 private:
  OGRLayer& layer_;
  std::string what_, path_;
  uint64_t rows_ = 0;
};

// GDAL's last error message, or `fallback` when it has none.
std::string gdal_last_error(const std::string& fallback = "unknown GDAL error");

// Index of the field whose name equals one of `names` (case-insensitive, first match in
// `names` order), or -1.
int find_field(const OGRFeatureDefn& defn, const std::vector<std::string>& names);

// Tells the layer which fields are read (-1s ignored): GDAL then makes no text of the others.
void read_only_fields(OGRLayer& layer, const std::vector<int>& used);

// Text as UTF-8: input that is not valid UTF-8 is taken as Latin-1 and recoded.
std::string as_utf8(const char* text);

struct CoordinateTransformationDeleter {
  void operator()(OGRCoordinateTransformation* ct) const {
    OGRCoordinateTransformation::DestroyCT(ct);
  }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, CoordinateTransformationDeleter>;

}  // namespace hotspot
