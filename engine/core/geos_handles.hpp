// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>

#include <geos_c.h>

namespace hotspot {

// One GEOS reentrant context; GEOS messages are kept (last one) instead of printed.
class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const { return handle_; }
  const std::string& last_message() const { return message_; }

 private:
  static void on_message(const char* message, void* self);
  GEOSContextHandle_t handle_;
  std::string message_;
};

struct GeomDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct StrTreeDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(GEOSSTRtree* t) const { GEOSSTRtree_destroy_r(ctx, t); }
};
using StrTreePtr = std::unique_ptr<GEOSSTRtree, StrTreeDeleter>;

struct CoordSeqDeleter {
  GEOSContextHandle_t ctx;
  void operator()(GEOSCoordSequence* s) const { GEOSCoordSeq_destroy_r(ctx, s); }
};
using CoordSeqPtr = std::unique_ptr<GEOSCoordSequence, CoordSeqDeleter>;

}  // namespace hotspot
