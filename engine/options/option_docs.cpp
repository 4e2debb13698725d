// SPDX-License-Identifier: Apache-2.0
#include "options/option_docs.hpp"

#include <stdexcept>

namespace hotspot {

std::string help_line(const OptionSpec& spec) {
  std::string notes = constraint_text(spec);
  if (notes.empty() && !spec.unit.empty() && spec.unit != "share") notes = spec.unit;
  if (!spec.default_text.empty()) notes += (notes.empty() ? "" : "; ") + std::string("default ") + spec.default_text;
  return notes.empty() ? spec.help : spec.help + " (" + notes + ")";
}

std::string option_table(const std::vector<const OptionSpec*>& specs, const std::string& section) {
  std::string out = "| key | flag | type | default | meaning |\n| --- | --- | --- | --- | --- |\n";
  for (const OptionSpec* s : specs) {
    if (s->section != section) continue;
    std::string type = kind_label(s->kind);
    const std::string c = constraint_text(*s);
    if (!c.empty()) {
      type += ", " + c;
    } else if (!s->unit.empty() && s->unit != "share") {
      type += ", " + s->unit;
    }
    const std::string def = s->required ? "required" : s->default_text.empty() ? "none" : "`" + s->default_text + "`";
    const std::string flag = s->flag.empty() ? "" : "`" + s->flag + "`";
    out += "| `" + s->key + "` | " + flag + " | " + type + " | " + def + " | " + s->help + " |\n";
  }
  return out;
}

std::string regenerate_option_tables(const std::string& doc, const std::vector<const OptionSpec*>& specs) {
  static const std::string open = "<!-- options: ", close = "<!-- end options -->";
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t marker = doc.find(open, at);
    if (marker == std::string::npos) break;
    const size_t name_end = doc.find(" -->", marker);
    const size_t line_end = doc.find('\n', marker);
    const size_t end = doc.find(close, line_end);
    if (name_end == std::string::npos || line_end == std::string::npos || end == std::string::npos) {
      throw std::runtime_error("an options marker without its end");
    }
    std::string section = doc.substr(marker + open.size(), name_end - marker - open.size());
    if (section == "(top level)") section.clear();
    bool any = false;
    for (const OptionSpec* s : specs) any = any || s->section == section;
    if (!any) throw std::runtime_error("no options in section '" + section + "'");
    out += doc.substr(at, line_end + 1 - at) + option_table(specs, section);
    at = end;
  }
  return out + doc.substr(at);
}

}  // namespace hotspot
