// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "options/option.hpp"

namespace hotspot {

// The --help line of an option: its help, then its constraint or unit and its default.
std::string help_line(const OptionSpec& spec);

// The markdown table of the options in `section` (key, type, default, meaning), as docs/config.md
// shows it.
std::string option_table(const std::vector<const OptionSpec*>& specs, const std::string& section);

// `doc` with the table after every "<!-- options: SECTION -->" line, up to the next
// "<!-- end options -->" line, made anew from `specs`. Throws std::runtime_error for a marker
// naming a section no option has.
std::string regenerate_option_tables(const std::string& doc, const std::vector<const OptionSpec*>& specs);

}  // namespace hotspot
