// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

namespace hotspot {

// A TOML document rewritten so that toml++ sees only ASCII, with the same meaning: every
// character past ASCII in a string becomes a \uXXXX (or \UXXXXXXXX) escape, literal strings
// ('...', '''...''') become basic strings so that they can hold escapes, and each such character
// in a comment becomes '?'. A leading byte order mark is dropped.
//
// Why: Debian's toml++ 3.3.0 reaches __builtin_unreachable() (undefined behaviour) on some
// characters past ASCII in some places (upstream issues 190 and 295: U+00A7 after a line-ending
// backslash, U+032A outside a string), inside its compiled library where no option turns it off.
//
// Throws UsageError "path:line:col: ..." for bytes that are not UTF-8 and for a character past
// ASCII outside a string or comment (TOML's bare keys are ASCII). Lines are kept, so toml++'s
// line numbers stay true; columns after an escaped character on the same line move right.
std::string ascii_toml(std::string_view text, const std::string& path);

}  // namespace hotspot
