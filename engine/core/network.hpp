// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// Whether GDAL would fetch `source` over a network: a URL (http://, https://, ftp://, ...) or one of
// GDAL's network file systems (/vsicurl/, /vsis3/, /vsigs/, /vsiaz/, /vsiadls/, /vsioss/,
// /vsiswift/, /vsihdfs/, /vsiwebhdfs/), alone or inside another (/vsizip//vsicurl/...). A PG:
// connection string is the user's own database, named on purpose: not counted.
bool is_network_source(std::string_view source);

// Network sources are refused unless the run allows them (--allow-network, allow_network = true);
// PROJ's grid downloads too. Off by default, for the life of the process.
void set_network_allowed(bool allowed);
bool network_allowed();

// Throws UsageError naming `what` and the source when it is a network source and the run does
// not allow them.
void refuse_network_source(const std::string& source, const std::string& what);

}  // namespace hotspot
