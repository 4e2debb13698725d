// SPDX-License-Identifier: Apache-2.0
#include "core/geos_handles.hpp"

namespace hotspot {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setNoticeMessageHandler_r(handle_, &GeosContext::on_message, this);
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_message, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_message(const char* message, void* self) {
  static_cast<GeosContext*>(self)->message_ = message ? message : "";
}

}  // namespace hotspot
