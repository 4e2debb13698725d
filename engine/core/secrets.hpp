// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>

namespace hotspot {

// `text` with the secrets a source string may carry replaced by "***": the value of a
// password=, passwd=, pwd=, token=, secret=, sig=, signature=, api_key=, apikey=, access_key= or
// secret_key= parameter (a PG: connection string's password='...', a URL's ?token=...), and the
// password of a URL's user:password@. Applied wherever a source is echoed: the incident and
// boundary file names every output records, summary.json, errors and warnings.
std::string redact_secrets(std::string text);

}  // namespace hotspot
