// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "options/option.hpp"

namespace hotspot::cli {

// The command-line front end of declared options: each spec with a flag becomes a CLI11 option
// whose words are kept as written, and parsed (once, by parse_value) after the command line is.
class OptionFlags {
 public:
  // Adds the flags of `specs` (those with one) to `app`; `required` also for specs that are.
  void add(CLI::App& app, const std::vector<const OptionSpec*>& specs, bool required = true);

  // Each option given, parsed, in declaration order; throws UsageError "--cell -5: must be > 0 m".
  template <class Set>
  void apply(const CLI::App& app, Set set) const {
    for (const auto& f : flags_) {
      if (!app.count(f.spec->flag)) continue;
      set(*f.spec, parse(f));
    }
  }

 private:
  struct Flag {
    const OptionSpec* spec;
    std::shared_ptr<std::vector<std::string>> words;
    std::shared_ptr<bool> on;
  };
  Value parse(const Flag& f) const;
  std::vector<Flag> flags_;
};

// "--cell -5: must be > 0 m": an option error as the command line spells it (the flag when the
// option has one, else its config key).
std::string flag_message(const OptionError& error, const std::vector<const OptionSpec*>& specs);

}  // namespace hotspot::cli
