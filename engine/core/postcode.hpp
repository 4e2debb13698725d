// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hotspot {

// A UK postcode in its standard form: outward code, one space, inward code ("NG17 7AS"). The
// outward code is A9, A99, AA9, AA99, A9A or AA9A; the inward code 9AA (Royal Mail's format;
// the inward letters never include C, I, K, M, O or V). GIR 0AA is valid too.
struct Postcode {
  std::string outward, inward;
  std::string unit() const { return outward + " " + inward; }  // "NG17 7AS"
  std::string sector() const { return outward + " " + inward.substr(0, 1); }  // "NG17 7"
};

// The postcode in `text` written in any case, with or without spaces ("ng177as", "NG17  7AS",
// "NG177AS"); nullopt unless `text` (after spaces) is exactly one valid postcode.
std::optional<Postcode> parse_postcode(std::string_view text);

// An outward code alone ("NG17", "ng1"), for postcode-district matching.
bool is_outward_code(std::string_view text);

}  // namespace hotspot
