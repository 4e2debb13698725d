// SPDX-License-Identifier: Apache-2.0
#include "core/crs.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/errors.hpp"

namespace hotspot {

OGRSpatialReference crs_from_user(const std::string& text, const std::string& flag) {
  init_gdal();
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
    throw UsageError(flag + " '" + text + "': not a CRS GDAL/PROJ understands (try EPSG:27700)");
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

namespace {

// PROJ searches its database for every new transformation (about 20 ms for WGS84 to British
// National Grid), so each one is made once per process and handed out as a clone (a
// transformation object is not thread-safe).
std::mutex cache_mutex;

const OGRSpatialReference& working_crs_locked() {
  static const OGRSpatialReference bng = crs_from_user(kWorkingCrs, "working CRS");
  return bng;
}

// A transformation made, and the CRS at its other end.
struct Made {
  OGRSpatialReference other;
  TransformPtr transform;
};

// Guarded by cache_mutex.
std::vector<Made>& made_to_working() {
  static std::vector<Made> made;
  return made;
}

std::vector<Made>& made_from_working() {
  static std::vector<Made> made;
  return made;
}

// The same CRS for a transformation: axis order aside, as data are always x = easting/longitude.
TransformPtr copy_of_made(const std::vector<Made>& made, const OGRSpatialReference& other, bool inverse) {
  const char* same[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                        nullptr};
  for (const Made& m : made) {
    if (m.other.IsSame(&other, same)) return TransformPtr(inverse ? m.transform->GetInverse() : m.transform->Clone());
  }
  return nullptr;
}

// `direction` is "to" or "from" the working CRS, for the message.
TransformPtr between(OGRSpatialReference source, OGRSpatialReference target, const std::string& what,
                     const char* direction) {
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  TransformPtr ct(OGRCreateCoordinateTransformation(&source, &target));
  if (!ct) throw DataError(what + ": no transformation " + direction + " " + kWorkingCrs + ": " + gdal_last_error());
  return ct;
}

}  // namespace

OGRSpatialReference working_crs() {
  const std::lock_guard lock(cache_mutex);
  return working_crs_locked();
}

TransformPtr to_working_crs(const OGRSpatialReference& from, const std::string& what) {
  const std::lock_guard lock(cache_mutex);
  if (TransformPtr ct = copy_of_made(made_to_working(), from, false)) return ct;
  made_to_working().push_back({from, between(from, working_crs_locked(), what, "to")});
  return TransformPtr(made_to_working().back().transform->Clone());
}

TransformPtr from_working_crs(const OGRSpatialReference& to, const std::string& what) {
  const std::lock_guard lock(cache_mutex);
  if (TransformPtr ct = copy_of_made(made_from_working(), to, false)) return ct;
  // The inverse of a transformation already made costs no database search.
  TransformPtr ct = copy_of_made(made_to_working(), to, true);
  if (!ct) ct = between(working_crs_locked(), to, what, "from");
  made_from_working().push_back({to, std::move(ct)});
  return TransformPtr(made_from_working().back().transform->Clone());
}

void transform_points(OGRCoordinateTransformation& ct, std::vector<double>& x, std::vector<double>& y,
                      std::vector<int>& ok) {
  // The distinct points, by their bits (a transformation is a function of its input's bits).
  struct PairHash {
    size_t operator()(const std::pair<uint64_t, uint64_t>& p) const { return std::hash<uint64_t>{}(p.first * 0x9E3779B97F4A7C15ULL ^ p.second); }
  };
  std::unordered_map<std::pair<uint64_t, uint64_t>, uint32_t, PairHash> index;
  std::vector<uint32_t> of_point(x.size());
  std::vector<double> ux, uy;
  for (size_t i = 0; i < x.size(); ++i) {
    const auto [at, added] = index.try_emplace({std::bit_cast<uint64_t>(x[i]), std::bit_cast<uint64_t>(y[i])},
                                               static_cast<uint32_t>(ux.size()));
    if (added) {
      ux.push_back(x[i]);
      uy.push_back(y[i]);
    }
    of_point[i] = at->second;
  }
  std::vector<int> uok(ux.size(), 0);
  constexpr size_t kChunk = 1 << 20;  // GDAL 3.6 takes an int count
  for (size_t at = 0; at < ux.size(); at += kChunk) {
    const int n = static_cast<int>(std::min(kChunk, ux.size() - at));
    ct.Transform(n, ux.data() + at, uy.data() + at, nullptr, uok.data() + at);
  }
  ok.resize(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = ux[of_point[i]];
    y[i] = uy[of_point[i]];
    ok[i] = uok[of_point[i]];
  }
}

}  // namespace hotspot
