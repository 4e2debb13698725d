// SPDX-License-Identifier: Apache-2.0
#include <ctime>
#include <memory>

#include "core/errors.hpp"
#include "core/network.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/vector_layer.hpp"
#include "pipeline/run_config.hpp"
#include "verbs.hpp"

namespace hotspot::cli {
namespace {

std::string today() {
  const std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&now));
  return buf;
}

}  // namespace

VerbAction add_run_verb(CLI::App& app, CommonFlags& flags) {
  CLI::App* verb = app.add_subcommand("run", "Run the steps a tasking config names and write the pack");
  verb->footer(
      "Writes into <output>/<date>/ (date from the config, else today): one folder per step,\n"
      "plus rejects.csv and summary.json. The config keys are described in docs/config.md.\n\n"
      "Example:\n"
      "  hotspot run examples/ashfield-mansfield/tasking.toml");
  auto config = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  verb->add_option("config", *config, "Tasking config file (TOML)")->required();
  verb->add_option("--output", *output,
                   "Replace the config's output: a folder (the dated folder goes inside) or a PostGIS database, "
                   "\"PG:dbname=... host=...\" (the config's schema, else hotspot_<date>)");
  return [verb, config, output, &flags] {
    if (!*verb) return;
    const ConfigPlan loaded = load_run_config(*config, today(), *output);
    if (loaded.allow_network) set_network_allowed(true);
    if (flags.csv.empty() && loaded.csv == "excel") set_csv_style(CsvStyle::excel);  // --csv wins over the config
    if (flags.format.empty()) set_layer_format(parse_layer_format(loaded.format, "format"));  // as does --format
    try {
      print_report(execute(loaded.plan, terminal_progress(flags)), flags);
    } catch (const OptionError& e) {  // found against the data, after loading
      throw UsageError(config_message(loaded, e));
    }
  };
}

}  // namespace hotspot::cli
