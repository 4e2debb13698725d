// SPDX-License-Identifier: Apache-2.0
#include "core/network.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>

#include <ogr_srs_api.h>

#include "core/errors.hpp"

namespace hotspot {
namespace {

std::atomic<bool> allowed{false};

bool contains_ci(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != text.end();
}

}  // namespace

bool is_network_source(std::string_view source) {
  if (source.size() >= 3 && contains_ci(source.substr(0, 3), "PG:")) return false;
  static constexpr std::array<std::string_view, 13> kNetwork = {
      "://", "/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss", "/vsiswift", "/vsihdfs", "/vsiwebhdfs",
      "/vsicurl_streaming", "/vsis3_streaming", "/vsigs_streaming"};
  return std::any_of(kNetwork.begin(), kNetwork.end(), [&](std::string_view p) { return contains_ci(source, p); });
}

void set_network_allowed(bool allow) {
  allowed = allow;
  OSRSetPROJEnableNetwork(allow ? TRUE : FALSE);  // PROJ_NETWORK=ON in the environment would fetch grids
}

bool network_allowed() { return allowed; }

void refuse_network_source(const std::string& source, const std::string& what) {
  if (allowed || !is_network_source(source)) return;
  throw UsageError(what + " '" + source +
                   "': a network source (reading it opens a connection); hotspot reads only local files unless "
                   "--allow-network (allow_network = true in a config) allows it");
}

}  // namespace hotspot
