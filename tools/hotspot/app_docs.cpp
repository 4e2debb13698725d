// SPDX-License-Identifier: Apache-2.0
#include "app_docs.hpp"

#include <fmt/format.h>

#include "core/version.hpp"

namespace hotspot::cli {
namespace {

// Text as roff shows it: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_group().empty() && !o->get_lnames().empty()) out.push_back(o);
  }
  return out;
}

std::string flag_of(const CLI::Option& o) { return "--" + o.get_lnames().front(); }

}  // namespace

std::string man_page(const CLI::App& app) {
  std::string out = fmt::format(".TH HOTSPOT 1 \"\" \"hotspot {}\" \"User Commands\"\n", version());
  out += ".SH NAME\nhotspot \\- " + roff(app.get_description().substr(app.get_description().find(':') + 2)) + "\n";
  out += ".SH SYNOPSIS\n.B hotspot\n.I VERB\n[\\fIFLAGS\\fR]\n.br\n.B hotspot run\n.I CONFIG.toml\n[\\fIFLAGS\\fR]\n";
  out += ".SH DESCRIPTION\nEach verb is a step of a tasking pack; \\fBhotspot run\\fR runs the steps a config names. "
         "Every verb's \\fB\\-\\-help\\fR gives its flags and an example that runs from the repository root.\n";
  out += ".SH VERBS\n";
  for (const CLI::App* verb : app.get_subcommands({})) {
    out += ".SS hotspot " + roff(verb->get_name()) + "\n" + roff(verb->get_description()) + "\n";
    for (const CLI::Option* o : visible_options(*verb)) {
      const std::string type = o->get_type_name();
      out += ".TP\n.B " + roff(flag_of(*o)) + (type.empty() || o->get_expected_max() == 0 ? "" : " \\fI" + roff(type) + "\\fR") +
             "\n" + roff(o->get_description()) + "\n";
    }
    if (!verb->get_footer().empty()) out += ".PP\n.nf\n" + roff(verb->get_footer()) + "\n.fi\n";
  }
  out += ".SH EXIT STATUS\n0 done; 1 a usage error (a flag, a config key, a missing file); 2 a data error (a file "
         "that cannot be used).\n";
  out += ".SH SEE ALSO\nThe README, docs/config.md (every config key) and docs/method.md of the hotspot sources.\n";
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::string verbs, cases;
  for (const CLI::App* verb : app.get_subcommands({})) {
    verbs += (verbs.empty() ? "" : " ") + verb->get_name();
    std::string words;  // its flags, and its own verbs (hotspot gazetteer streets)
    for (const CLI::Option* o : visible_options(*verb)) words += " " + flag_of(*o);
    for (const CLI::App* sub : verb->get_subcommands({})) words += " " + sub->get_name();
    cases += fmt::format("    {}) words=\"{}\" ;;\n", verb->get_name(), words.substr(1));
  }
  return fmt::format(R"(# bash completion for hotspot {0} (made by 'hotspot --bash-completion')
_hotspot() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} verb=${{COMP_WORDS[1]}} words
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W "{1} --help --version" -- "$cur"))
    return
  fi
  case "$verb" in
{2}    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  elif ((COMP_CWORD == 2)); then  # a verb's own verb (gazetteer streets) or a file (run CONFIG.toml)
    COMPREPLY=($([[ -n $cur ]] && compgen -W "$words" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -o bashdefault -F _hotspot hotspot
)",
                     version(), verbs, cases);
}

}  // namespace hotspot::cli
