// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_config.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/errors.hpp"
#include "options/toml_ascii.hpp"
#include "outputs/postgis_pack.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
#include "pipeline/study_options.hpp"

namespace fs = std::filesystem;

namespace hotspot {
namespace {

std::string location(const std::string& path, const toml::source_region& r) {
  return fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column);
}

std::string message(const std::string& where, const std::string& key, const std::string& value, const std::string& reason) {
  return value.empty() ? fmt::format("{}: {}: {}", where, key, reason)
                       : fmt::format("{}: {} = {}: {}", where, key, value, reason);
}

// A config value as the option parser takes it; a table where a value belongs is an error.
RawValue raw_of(const toml::node& n, const std::string& where, const std::string& key) {
  RawValue r;
  if (const auto* s = n.as_string()) {
    r.text = s->get();
  } else if (const auto* i = n.as_integer()) {
    r.form = RawValue::Form::integer;
    r.integer = i->get();
    r.text = std::to_string(r.integer);
  } else if (const auto* f = n.as_floating_point()) {
    r.form = RawValue::Form::number;
    r.number = f->get();
    r.text = fmt::format("{}", r.number);
  } else if (const auto* b = n.as_boolean()) {
    r.form = RawValue::Form::boolean;
    r.boolean = b->get();
    r.text = r.boolean ? "true" : "false";
  } else if (const auto* a = n.as_array()) {
    r.form = RawValue::Form::list;
    for (const auto& item : *a) {
      if (item.is_array() || item.is_table()) throw UsageError(message(where, key, "", "lists of lists are not allowed"));
      r.items.push_back(raw_of(item, where, key));
      r.text += (r.text.empty() ? "[" : ", ") + r.items.back().text;
    }
    r.text += "]";
  } else {
    throw UsageError(message(where, key, "", "a table where a value belongs"));
  }
  return r;
}

// An option of the config and whom it sets.
struct Target {
  const OptionSpec* spec;
  std::function<void(const Value&)> set;
};

class ConfigLoader {
 public:
  ConfigLoader(std::string path, std::vector<Target> targets)
      : path_(std::move(path)), base_(fs::path(path_).parent_path()), targets_(std::move(targets)) {}

  std::map<std::string, std::string> written_at;

  void read_table(const toml::table& t, const std::string& section) {
    for (const auto& [k, node] : t) {
      const std::string key(k.str());
      const std::string qualified = section.empty() ? key : section + "." + key;
      const std::string where = location(path_, node.source());
      if (const std::vector<const Target*> targets = find(section, key); !targets.empty()) {
        written_at[qualified] = where;
        for (const Target* target : targets) {  // a shared table ([change]) sets every stage declaring the key
          RawValue raw = raw_of(node, where, qualified);
          resolve_paths(*target->spec, raw);
          try {
            target->set(parse_value(*target->spec, raw));
          } catch (const OptionError& e) {
            throw UsageError(message(where, qualified, e.value, e.reason));
          }
        }
      } else if (node.is_table() && is_section(qualified)) {
        read_table(*node.as_table(), qualified);
      } else {
        throw UsageError(fmt::format("{}: unknown key '{}'{}", location(path_, k.source()), qualified,
                                     suggestion(key, known_keys(section))));
      }
    }
  }

 private:
  std::vector<const Target*> find(const std::string& section, const std::string& key) const {
    std::vector<const Target*> out;
    for (const Target& t : targets_) {
      if (t.spec->section == section && t.spec->key == key) out.push_back(&t);
    }
    return out;
  }

  bool is_section(const std::string& name) const {
    return std::any_of(targets_.begin(), targets_.end(), [&](const Target& t) {
      return t.spec->section == name || t.spec->section.rfind(name + ".", 0) == 0;
    });
  }

  // The keys and sub-tables a table may hold.
  std::vector<std::string> known_keys(const std::string& section) const {
    std::vector<std::string> out;
    const std::string prefix = section.empty() ? "" : section + ".";
    for (const Target& t : targets_) {
      if (t.spec->section == section) out.push_back(t.spec->key);
      if (t.spec->section.rfind(prefix, 0) == 0 && t.spec->section.size() > prefix.size()) {
        const std::string rest = t.spec->section.substr(prefix.size());
        out.push_back(rest.substr(0, rest.find('.')));
      }
    }
    return out;
  }

  // A path from the config, relative to the config file's folder; connection strings as written.
  std::string file(const std::string& p) const {
    if (p.empty() || p.rfind("PG:", 0) == 0 || p.rfind("/vsi", 0) == 0 || fs::path(p).is_absolute()) return p;
    return (base_ / p).lexically_normal().string();
  }

  void resolve_paths(const OptionSpec& spec, RawValue& raw) const {
    const auto is_file = [&](const std::string& text) {
      if (spec.kind == Kind::path || spec.kind == Kind::paths) return true;
      return std::any_of(spec.file_suffixes.begin(), spec.file_suffixes.end(), [&](const std::string& s) {
        return text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
      });
    };
    if (raw.form == RawValue::Form::text && is_file(raw.text)) raw.text = file(raw.text);
    for (RawValue& item : raw.items) {
      if (item.form == RawValue::Form::text && is_file(item.text)) item.text = file(item.text);
    }
  }

  std::string path_;
  fs::path base_;
  std::vector<Target> targets_;
};

}  // namespace

const OptionSet<RunHeader>& run_options() {
  static const OptionSet<RunHeader> set = [] {
    OptionSet<RunHeader> s;
    s.add({.key = "title", .help = "The brief's title, recorded in summary.json", .example = "Ashfield & Mansfield serious violence"},
          [](RunHeader& h) -> auto& { return h.title; });
    s.add({.key = "marking", .help = "A protective marking printed on every page of brief.html", .example = "OFFICIAL-SENSITIVE"},
          [](RunHeader& h) -> auto& { return h.marking; });
    s.add({.key = "date", .kind = Kind::date, .default_text = "today",
           .help = "Names the output folder <output>/<date>", .example = "2024-07-01"},
          [](RunHeader& h) -> auto& { return h.date; });
    s.add({.key = "output", .kind = Kind::path, .required = true,
           .help = "Folder the dated pack folder is made in, or a PostGIS database (\"PG:dbname=... host=...\") whose `schema` "
                   "the run replaces; hotspot run --output replaces it",
           .example = "output"},
          [](RunHeader& h) -> auto& { return h.output; });
    std::string steps;
    for (const auto& n : stage_names()) steps += (steps.empty() ? "" : ", ") + n;
    s.add({.key = "steps", .kind = Kind::texts, .help = "The stages to run, in order: " + steps,
           .example = "areas,kde"},
          [](RunHeader& h) -> auto& { return h.steps; });
    s.add({.key = "allow_network", .kind = Kind::flag,
           .help = "Read sources over a network (URLs, /vsicurl/, /vsis3/, ...), as hotspot run --allow-network does; "
                   "otherwise only local files and PG: databases",
           .example = "false"},
          [](RunHeader& h) -> auto& { return h.allow_network; });
    s.add({.key = "csv", .default_text = "plain", .choices = {"plain", "excel"},
           .help = "Tables for Excel: 'excel' writes a byte order mark and shares as percentages (32.43%), as hotspot run "
                   "--csv excel does; 'plain' UTF-8 and fractions",
           .example = "excel"},
          [](RunHeader& h) -> auto& { return h.csv; });
    s.add({.key = "format", .default_text = "geojson", .choices = layer_format_names(),
           .help = "How the layers are written, as hotspot run --format does: 'geojson' one RFC 7946 file each "
                   "(EPSG:4326); 'gpkg' one GeoPackage, pack.gpkg, with every layer and its QGIS style; 'fgb' or 'shp' "
                   "one FlatGeobuf or Shapefile each. All but GeoJSON keep EPSG:27700. A PG: output ignores it",
           .example = "gpkg"},
          [](RunHeader& h) -> auto& { return h.format; });
    s.add({.key = "schema",
           .help = "With a PG: output (output = \"PG:...\" or hotspot run --output PG:...): the PostgreSQL schema the run "
                   "replaces (default hotspot_<date>, e.g. hotspot_2024_07_01); a lower-case letter or _, then lower-case "
                   "letters, digits or _",
           .example = "tasking_latest"},
          [](RunHeader& h) -> auto& { return h.schema; });
    return s;
  }();
  return set;
}

std::vector<const OptionSpec*> config_options() {
  std::vector<const OptionSpec*> out = run_options().specs();
  for (const OptionSpec* s : study_options().specs()) out.push_back(s);
  static const std::vector<std::unique_ptr<Stage>> stages = [] {
    std::vector<std::unique_ptr<Stage>> v;
    for (const auto& name : stage_names()) v.push_back(make_stage(name));
    return v;
  }();
  for (const auto& stage : stages) {
    for (const OptionSpec* s : stage->options()) {  // a shared table's keys ([change]) once
      const auto same = [&](const OptionSpec* o) { return o->qualified() == s->qualified(); };
      if (std::none_of(out.begin(), out.end(), same)) out.push_back(s);
    }
  }
  return out;
}

ConfigPlan load_run_config(const std::string& path, const std::string& today, const std::string& output_override) {
  if (!fs::is_regular_file(path)) throw UsageError("config '" + path + "': no such file");
  toml::table root;
  try {
    // toml++ sees ASCII only: its decoder has undefined behaviour on some other characters (toml_ascii.hpp).
    root = toml::parse(ascii_toml(read_text(path), path), path);
  } catch (const toml::parse_error& e) {
    throw UsageError(location(path, e.source()) + ": " + std::string(e.description()));
  }
  RunHeader header;
  StudyConfig study;
  std::vector<std::unique_ptr<Stage>> stages;  // every registered stage: each section is checked
  for (const auto& name : stage_names()) stages.push_back(make_stage(name));

  std::vector<Target> targets;
  for (const auto& e : run_options().entries()) {
    targets.push_back({&e.spec, [&, set = e.set](const Value& v) { set(header, v); }});
  }
  for (const auto& e : study_options().entries()) {
    targets.push_back({&e.spec, [&, set = e.set](const Value& v) { set(study, v); }});
  }
  for (auto& stage : stages) {
    Stage* s = stage.get();
    for (const OptionSpec* spec : s->options()) {
      targets.push_back({spec, [s, spec](const Value& v) { s->set(spec->qualified(), v); }});
    }
  }
  ConfigLoader loader(path, targets);
  loader.read_table(root, "");

  ConfigPlan config;
  config.path = path;
  config.written_at = loader.written_at;
  config.allow_network = header.allow_network;
  config.csv = header.csv;
  config.format = header.format;
  const auto fail = [&](const OptionError& e) { throw UsageError(config_message(config, e)); };
  const auto required = [&](const char* key, bool given) {
    if (!given) fail(OptionError(key, "", "missing (required)"));
  };
  required("output", !header.output.empty() || !output_override.empty());
  required("incidents.sources", !study.inputs.incidents.empty());
  required("boundaries.source", !study.inputs.boundaries.empty());
  if (header.steps.empty()) fail(OptionError("steps", "[]", "names no step"));

  RunPlan& plan = config.plan;
  plan.command = "run";
  plan.title = header.title;
  plan.marking = header.marking;
  const std::string output_root = !output_override.empty() ? output_override : header.output;
  const std::string date = header.date.empty() ? today : header.date;
  if (is_database_output(output_root)) {
    plan.database = output_root;
    plan.schema = header.schema;
    if (plan.schema.empty()) {
      plan.schema = "hotspot_" + date;
      std::replace(plan.schema.begin(), plan.schema.end(), '-', '_');
    }
    try {
      check_schema_name(plan.schema, "schema");
    } catch (const UsageError&) {
      fail(OptionError("schema", header.schema, "not a schema name: a lower-case letter or _, then lower-case letters, "
                                                "digits or _ (at most 54)"));
    }
  } else {
    plan.output_dir = (fs::path(output_root) / date).string();
  }
  try {
    finish_study(study);
    const std::string steps_at = config.written_at.count("steps") ? config.written_at.at("steps") : path;
    for (const auto& step : header.steps) {
      auto it = std::find_if(stages.begin(), stages.end(), [&](const auto& s) { return s && s->info().name == step; });
      if (it == stages.end()) {
        const std::vector<std::string> known = stage_names();
        if (std::find(known.begin(), known.end(), step) != known.end()) {
          throw UsageError(steps_at + ": steps: '" + step + "' is named twice");
        }
        try {
          make_stage(step);  // throws, with a suggestion
        } catch (const UsageError& e) {
          throw UsageError(steps_at + ": " + e.what());
        }
      }
      plan.stages.push_back(std::move(*it));
    }
    for (const auto& stage : plan.stages) stage->finish(study.inputs, false);
  } catch (const OptionError& e) {
    fail(e);
  }
  plan.inputs = study.inputs;
  plan.types_spec = study.types;
  return config;
}

std::string config_message(const ConfigPlan& config, const OptionError& e) {
  const auto it = config.written_at.find(e.key);
  return message(it == config.written_at.end() ? config.path : it->second, e.key, e.value, e.reason);
}

}  // namespace hotspot
