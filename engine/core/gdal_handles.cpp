// SPDX-License-Identifier: Apache-2.0
#include "core/gdal_handles.hpp"

#include <algorithm>
#include <cstring>

#include <mutex>

#include <cpl_string.h>

#include "core/errors.hpp"
#include "core/network.hpp"

namespace hotspot {

void init_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    // GeoPackage records when each table last changed: a fixed time keeps reruns byte-identical.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    if (!network_allowed()) OSRSetPROJEnableNetwork(FALSE);
    // GeoTIFF tiles decoded on every core (the maps read the pack's density.tif: a county's 25 m
    // surface took 70 ms to inflate on one), unless the user's environment says otherwise.
    if (!CPLGetConfigOption("GDAL_NUM_THREADS", nullptr)) CPLSetConfigOption("GDAL_NUM_THREADS", "ALL_CPUS");
  });
}

std::string gdal_last_error(const std::string& fallback) {
  const char* msg = CPLGetLastErrorMsg();
  return (msg && *msg) ? std::string(msg) : fallback;
}

void CheckedFeatures::iterator::next() {
  if (!owner_) return;
  CPLErrorReset();
  feature_.reset(owner_->layer_.GetNextFeature());
  if (feature_) {
    ++owner_->rows_;
    return;
  }
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw DataError(owner_->what_ + " '" + owner_->path_ + "': the read stopped after " + std::to_string(owner_->rows_) +
                    " rows: " + gdal_last_error());
  }
  owner_ = nullptr;
}

GDALDatasetUniquePtr open_vector(const std::string& path, const std::string& what,
                                 const std::vector<std::string>& open_options,
                                 const std::vector<std::string>& allowed_drivers) {
  init_gdal();
  refuse_network_source(path, what);
  VSIStatBufL stat;
  if (VSIStatL(path.c_str(), &stat) == 0 && VSI_ISREG(stat.st_mode) && stat.st_size == 0) {
    throw DataError(what + " '" + path + "': empty file");
  }
  CPLStringList options, drivers;
  for (const auto& o : open_options) options.AddString(o.c_str());
  for (const auto& d : allowed_drivers) drivers.AddString(d.c_str());
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            allowed_drivers.empty() ? nullptr : drivers.List(),
                                            options.List(), nullptr));
  if (!ds) throw DataError(what + " '" + path + "': cannot open: " + gdal_last_error("not a readable vector source"));
  if (ds->GetLayerCount() == 0) throw DataError(what + " '" + path + "': has no layer");
  return ds;
}

GDALDatasetUniquePtr create_dataset(const std::string& driver_name, const std::string& path) {
  init_gdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  if (!driver) throw DataError("GDAL has no " + driver_name + " driver");
  CPLErrorReset();
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw DataError("cannot create '" + path + "': " + gdal_last_error());
  return ds;
}

void close_dataset(GDALDatasetUniquePtr& ds, const std::string& path) {
  CPLErrorReset();
  ds.reset();
  if (CPLGetLastErrorType() >= CE_Failure) throw DataError("cannot write '" + path + "': " + gdal_last_error());
}

OGRLayer* pick_layer(GDALDataset& ds, const std::string& layer_name, const std::string& path) {
  if (layer_name.empty()) return ds.GetLayer(0);
  OGRLayer* layer = ds.GetLayerByName(layer_name.c_str());
  if (!layer) throw UsageError("--layer '" + layer_name + "': no such layer in '" + path + "'");
  return layer;
}

int find_field(const OGRFeatureDefn& defn, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
      if (EQUAL(defn.GetFieldDefn(i)->GetNameRef(), name.c_str())) return i;
    }
  }
  return -1;
}

void read_only_fields(OGRLayer& layer, const std::vector<int>& used) {
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  std::vector<const char*> ignored;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    if (std::find(used.begin(), used.end(), i) == used.end()) ignored.push_back(defn.GetFieldDefn(i)->GetNameRef());
  }
  ignored.push_back(nullptr);
  if (ignored.size() > 1) layer.SetIgnoredFields(ignored.data());
}

std::string as_utf8(const char* text) {
  if (!text) return {};
  if (CPLIsUTF8(text, -1)) return text;
  // Not UTF-8: Windows-1252, as Excel saves a CSV on a UK Windows machine (0x96 is an en dash,
  // 0x92 a right quote); Latin-1 only for a text holding one of the five bytes 1252 leaves undefined.
  const bool cp1252 = std::strpbrk(text, "\x81\x8d\x8f\x90\x9d") == nullptr;
  char* recoded = CPLRecode(text, cp1252 ? "CP1252" : CPL_ENC_ISO8859_1, CPL_ENC_UTF8);
  std::string out(recoded);
  CPLFree(recoded);
  return out;
}

}  // namespace hotspot
