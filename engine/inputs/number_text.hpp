// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hotspot {

// A number as a text field holds it: spaces and tabs around it (and a CR) and a leading '+'
// allowed, nothing else; "1e400", "nan" and "inf" are not finite.
enum class Parse { ok, empty, bad, non_finite };
Parse parse_number(const char* text, double& out);

}  // namespace hotspot
