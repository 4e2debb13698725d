// SPDX-License-Identifier: Apache-2.0
#include "pipeline/run_config.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/errors.hpp"
#include "inputs/crime_types.hpp"
#include "weights/gal_gwt.hpp"

namespace fs = std::filesystem;

namespace hotspot {
namespace {

class ConfigReader {
 public:
  ConfigReader(std::string path) : path_(std::move(path)), base_(fs::path(path_).parent_path()) {}

  void allow(const toml::table& t, const std::string& where, const std::set<std::string>& keys) const {
    for (const auto& [key, value] : t) {
      if (!keys.count(std::string(key.str()))) {
        throw UsageError(path_ + ": unknown key '" + qualified(where, std::string(key.str())) + "'");
      }
    }
  }

  std::string text(const toml::table& t, const std::string& where, const std::string& key, bool required) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) throw UsageError(path_ + ": missing key '" + qualified(where, key) + "'");
      return {};
    }
    if (!n->is_string()) throw UsageError(path_ + ": '" + qualified(where, key) + "' must be a string");
    return std::string(*n->value<std::string>());
  }

  std::vector<std::string> texts(const toml::table& t, const std::string& where, const std::string& key) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (n->is_string()) return {std::string(*n->value<std::string>())};
    std::vector<std::string> out;
    const toml::array* a = n->as_array();
    if (!a) throw UsageError(path_ + ": '" + qualified(where, key) + "' must be a string or a list of strings");
    for (const auto& item : *a) {
      if (!item.is_string()) throw UsageError(path_ + ": '" + qualified(where, key) + "' must hold strings only");
      out.emplace_back(*item.value<std::string>());
    }
    return out;
  }

  // A path from the config, relative to the config file's folder; connection strings as written.
  std::string file(const std::string& p) const {
    if (p.empty() || p.rfind("PG:", 0) == 0 || p.rfind("/vsi", 0) == 0 || fs::path(p).is_absolute()) return p;
    return (base_ / p).lexically_normal().string();
  }

  const toml::table& section(const toml::table& root, const std::string& name, bool required) const {
    static const toml::table empty;
    const toml::node* n = root.get(name);
    if (!n) {
      if (required) throw UsageError(path_ + ": missing section [" + name + "]");
      return empty;
    }
    if (!n->is_table()) throw UsageError(path_ + ": '" + name + "' must be a section [" + name + "]");
    return *n->as_table();
  }

  double number(const toml::table& t, const std::string& where, const std::string& key, double fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (auto v = n->value<double>()) return *v;
    throw UsageError(path_ + ": '" + qualified(where, key) + "' must be a number");
  }

  // A list of numbers, or one number.
  std::vector<double> numbers(const toml::table& t, const std::string& where, const std::string& key) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (auto v = n->value<double>()) return {*v};
    std::vector<double> out;
    const toml::array* a = n->as_array();
    if (!a) throw UsageError(path_ + ": '" + qualified(where, key) + "' must be a number or a list of numbers");
    for (const auto& item : *a) {
      auto v = item.value<double>();
      if (!v) throw UsageError(path_ + ": '" + qualified(where, key) + "' must hold numbers only");
      out.push_back(*v);
    }
    return out;
  }

  bool flag(const toml::table& t, const std::string& where, const std::string& key, bool fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_boolean()) throw UsageError(path_ + ": '" + qualified(where, key) + "' must be true or false");
    return *n->value<bool>();
  }

  // A month YYYYMM from "YYYY-MM"; 0 when absent.
  int month_of(const toml::table& t, const std::string& where, const std::string& key) const {
    const std::string v = text(t, where, key, false);
    if (v.empty()) return 0;
    const int m = parse_month(v);
    if (!m) throw UsageError(path_ + ": '" + qualified(where, key) + "' = '" + v + "' is not a month YYYY-MM");
    return m;
  }

  // "auto" or a number of metres, as text.
  std::string bandwidth_text(const toml::node& n, const std::string& what) const {
    if (auto v = n.value<double>()) return fmt::format("{}", *v);
    if (n.is_string()) return std::string(*n.value<std::string>());
    throw UsageError(path_ + ": '" + what + "' must be \"auto\" or a number of metres");
  }

  int whole(const toml::table& t, const std::string& where, const std::string& key, int fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (n->is_integer()) return static_cast<int>(*n->value<int64_t>());
    throw UsageError(path_ + ": '" + qualified(where, key) + "' must be a whole number");
  }

 private:
  static std::string qualified(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
  }
  std::string path_;
  fs::path base_;
};

// [evaluate] or [kde.evaluate]: the keys of `hotspot evaluate`.
EvaluateParams read_evaluate(const ConfigReader& c, const toml::table& t, const std::string& where, bool own_method_keys) {
  std::set<std::string> keys = {"train_from", "train_to", "test_from", "test_to", "methods", "bandwidths", "grid_cell",
                                "coverages", "curve"};
  if (own_method_keys) keys.insert({"kernel", "cell", "coverage", "max_cells"});
  c.allow(t, where, keys);
  EvaluateParams e;
  e.train_from = c.month_of(t, where, "train_from");
  e.train_to = c.month_of(t, where, "train_to");
  e.test_from = c.month_of(t, where, "test_from");
  e.test_to = c.month_of(t, where, "test_to");
  if (t.get("methods")) e.methods = c.texts(t, where, "methods");
  if (const toml::node* b = t.get("bandwidths")) {
    e.bandwidths.clear();
    if (const toml::array* a = b->as_array()) {
      for (const auto& item : *a) e.bandwidths.push_back(c.bandwidth_text(item, where + ".bandwidths"));
    } else {
      e.bandwidths.push_back(c.bandwidth_text(*b, where + ".bandwidths"));
    }
  }
  e.grid_cell_m = c.number(t, where, "grid_cell", e.grid_cell_m);
  if (t.get("coverages")) e.coverages = c.numbers(t, where, "coverages");
  e.curve = c.flag(t, where, "curve", e.curve);
  if (own_method_keys) {
    if (t.get("kernel")) e.kernel = parse_kernel(c.text(t, where, "kernel", true), where + ".kernel");
    e.cell_m = c.number(t, where, "cell", e.cell_m);
    e.auto_coverage = c.number(t, where, "coverage", e.auto_coverage);
    e.max_cells = static_cast<int64_t>(c.number(t, where, "max_cells", static_cast<double>(e.max_cells)));
  }
  return e;
}

}  // namespace

RunPlan load_run_config(const std::string& path, const std::string& today, const std::string& output_override) {
  if (!fs::is_regular_file(path)) throw UsageError("config '" + path + "': no such file");
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw UsageError(path + ":" + std::to_string(e.source().begin.line) + ":" +
                     std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  const ConfigReader c(path);
  c.allow(root, "", {"title", "date", "output", "steps", "incidents", "boundaries", "imd", "period", "crime_types",
                     "cluster", "stats", "kde", "evaluate", "geocode", "suspects"});

  RunPlan plan;
  plan.command = "run";
  plan.title = c.text(root, "", "title", false);
  const std::string date = c.text(root, "", "date", false);
  if (!date.empty() && !std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})"))) {
    throw UsageError(path + ": 'date' = '" + date + "' is not a date YYYY-MM-DD");
  }
  const std::string output_root = !output_override.empty() ? output_override : c.file(c.text(root, "", "output", true));
  plan.output_dir = (fs::path(output_root) / (date.empty() ? today : date)).string();
  if (root.get("steps")) plan.steps = c.texts(root, "", "steps");
  if (plan.steps.empty()) throw UsageError(path + ": 'steps' names no step");
  check_steps(plan.steps);

  StudyInputs& in = plan.inputs;
  const toml::table& inc = c.section(root, "incidents", true);
  c.allow(inc, "incidents", {"sources", "x", "y", "lon", "lat", "crs", "layer", "month_column", "type_column",
                             "address_column", "address_columns"});
  for (const auto& s : c.texts(inc, "incidents", "sources")) in.incidents.push_back(c.file(s));
  if (in.incidents.empty()) throw UsageError(path + ": 'incidents.sources' names no source");
  in.columns.x = c.text(inc, "incidents", "x", false);
  in.columns.y = c.text(inc, "incidents", "y", false);
  in.columns.lon = c.text(inc, "incidents", "lon", false);
  in.columns.lat = c.text(inc, "incidents", "lat", false);
  in.columns.crs = c.text(inc, "incidents", "crs", false);
  in.columns.layer = c.text(inc, "incidents", "layer", false);
  if (inc.get("month_column")) in.columns.month = c.text(inc, "incidents", "month_column", true);
  if (inc.get("type_column")) in.columns.type = c.text(inc, "incidents", "type_column", true);
  in.columns.address = c.texts(inc, "incidents", "address_column");
  for (const auto& a : c.texts(inc, "incidents", "address_columns")) in.columns.address.push_back(a);

  const toml::table& gz = c.section(root, "geocode", false);
  c.allow(gz, "geocode", {"postcodes", "streets", "addresses", "localities", "min_score"});
  in.geocode.postcodes = c.file(c.text(gz, "geocode", "postcodes", !in.columns.address.empty()));
  in.geocode.streets = c.file(c.text(gz, "geocode", "streets", false));
  in.geocode.addresses = c.file(c.text(gz, "geocode", "addresses", false));
  in.geocode.localities = c.file(c.text(gz, "geocode", "localities", false));
  in.geocode.min_score = c.whole(gz, "geocode", "min_score", in.geocode.min_score);
  if (in.geocode.min_score < 0 || in.geocode.min_score > 100) throw UsageError(path + ": 'geocode.min_score' must be 0..100");

  const toml::table& su = c.section(root, "suspects", false);
  c.allow(su, "suspects", {"sources", "address_column", "address_columns", "layer", "min_count", "suppress"});
  for (const auto& f : c.texts(su, "suspects", "sources")) plan.suspects.sources.push_back(c.file(f));
  plan.suspects.address_columns = c.texts(su, "suspects", "address_column");
  for (const auto& a : c.texts(su, "suspects", "address_columns")) plan.suspects.address_columns.push_back(a);
  plan.suspects.layer = c.text(su, "suspects", "layer", false);
  plan.suspects.min_count = c.whole(su, "suspects", "min_count", plan.suspects.min_count);
  plan.suspects.suppress = c.flag(su, "suspects", "suppress", plan.suspects.suppress);
  if (std::find(plan.steps.begin(), plan.steps.end(), "suspects") != plan.steps.end()) {
    check_suspects_params(plan.suspects);
    if (!in.geocode.given()) throw UsageError(path + ": the suspects step needs [geocode] postcodes");
  }

  const toml::table& b = c.section(root, "boundaries", true);
  c.allow(b, "boundaries", {"source", "layer", "code_field", "name_field", "district_field", "crs", "districts"});
  in.boundaries = c.file(c.text(b, "boundaries", "source", true));
  in.boundary_options.layer = c.text(b, "boundaries", "layer", false);
  in.boundary_options.code_field = c.text(b, "boundaries", "code_field", false);
  in.boundary_options.name_field = c.text(b, "boundaries", "name_field", false);
  in.boundary_options.district_field = c.text(b, "boundaries", "district_field", false);
  in.boundary_options.crs = c.text(b, "boundaries", "crs", false);
  in.boundary_options.districts = c.texts(b, "boundaries", "districts");

  const bool needs_imd = std::find(plan.steps.begin(), plan.steps.end(), "areas") != plan.steps.end();
  const toml::table& imd = c.section(root, "imd", needs_imd);
  c.allow(imd, "imd", {"ranks", "domains", "population"});
  in.imd = c.file(c.text(imd, "imd", "ranks", needs_imd));
  in.imd_domains = c.file(c.text(imd, "imd", "domains", false));
  in.population = c.file(c.text(imd, "imd", "population", false));

  const toml::table& period = c.section(root, "period", false);
  c.allow(period, "period", {"from", "to"});
  in.filter.from_month = c.month_of(period, "period", "from");
  in.filter.to_month = c.month_of(period, "period", "to");
  if (in.filter.from_month && in.filter.to_month && in.filter.from_month > in.filter.to_month) {
    throw UsageError(path + ": 'period.from' is after 'period.to'");
  }

  const toml::table& types = c.section(root, "crime_types", false);
  c.allow(types, "crime_types", {"types"});
  if (types.get("types")) plan.types_spec = c.text(types, "crime_types", "types", true);
  in.filter.types = parse_crime_types(plan.types_spec, path + ": 'crime_types.types'");

  const toml::table& cl = c.section(root, "cluster", false);
  c.allow(cl, "cluster", {"method", "eps", "min_points", "threshold", "probability", "simulations", "seed", "k_orders",
                          "shape"});
  ClusterParams& cp = plan.cluster;
  if (cl.get("method")) cp.method = c.text(cl, "cluster", "method", true);
  check_cluster_method(cp.method);
  cp.dbscan.eps_m = c.number(cl, "cluster", "eps", cp.dbscan.eps_m);
  cp.dbscan.min_points = cp.nnh.min_points = c.whole(cl, "cluster", "min_points", cp.dbscan.min_points);
  if (cl.get("threshold")) cp.nnh.threshold_m = c.number(cl, "cluster", "threshold", 0);
  cp.nnh.probability = c.number(cl, "cluster", "probability", cp.nnh.probability);
  cp.nnh.simulations = c.whole(cl, "cluster", "simulations", cp.nnh.simulations);
  cp.nnh.seed = static_cast<uint64_t>(c.whole(cl, "cluster", "seed", static_cast<int>(cp.nnh.seed)));
  cp.nni.k_orders = c.whole(cl, "cluster", "k_orders", cp.nni.k_orders);
  if (cl.get("shape")) cp.shape = parse_cluster_shape(c.text(cl, "cluster", "shape", true));

  const toml::table& st = c.section(root, "stats", false);
  c.allow(st, "stats", {"value", "weights", "save_weights", "permutations", "seed", "fdr"});
  StatsParams& sp = plan.stats;
  if (st.get("value")) sp.value = c.text(st, "stats", "value", true);
  if (st.get("weights")) {
    sp.weights = c.text(st, "stats", "weights", true);
    if (is_gal_or_gwt(sp.weights)) sp.weights = c.file(sp.weights);
  }
  sp.save_weights = c.text(st, "stats", "save_weights", false);
  sp.permutations.permutations = c.whole(st, "stats", "permutations", sp.permutations.permutations);
  sp.permutations.seed = static_cast<uint64_t>(c.whole(st, "stats", "seed", static_cast<int>(sp.permutations.seed)));
  if (const toml::node* fdr = st.get("fdr")) {
    if (!fdr->is_boolean()) throw UsageError(path + ": 'stats.fdr' must be true or false");
    sp.fdr = *fdr->value<bool>();
  }
  check_stats_params(sp);

  const toml::table& kd = c.section(root, "kde", false);
  c.allow(kd, "kde", {"cell", "bandwidth", "kernel", "adaptive", "raw", "coverage", "threshold", "max_cells", "extent",
                      "evaluate"});
  KdeParams& kp = plan.kde;
  kp.cell_m = c.number(kd, "kde", "cell", kp.cell_m);
  if (const toml::node* bw = kd.get("bandwidth")) {
    set_bandwidth(kp, c.bandwidth_text(*bw, "kde.bandwidth"), path + ": 'kde.bandwidth'");
  } else {
    kp.auto_bandwidth = true;
  }
  if (kd.get("kernel")) kp.density.kernel = parse_kernel(c.text(kd, "kde", "kernel", true), path + ": 'kde.kernel'");
  kp.density.adaptive_k = c.whole(kd, "kde", "adaptive", kp.density.adaptive_k);
  kp.density.raw = c.flag(kd, "kde", "raw", kp.density.raw);
  kp.coverage = c.number(kd, "kde", "coverage", kp.coverage);
  if (kd.get("threshold")) kp.threshold = c.number(kd, "kde", "threshold", 0);
  kp.max_cells = static_cast<int64_t>(c.number(kd, "kde", "max_cells", static_cast<double>(kp.max_cells)));
  if (kd.get("extent")) {
    const std::vector<double> e = c.numbers(kd, "kde", "extent");
    if (e.size() != 4) throw UsageError(path + ": 'kde.extent' must be [xmin, ymin, xmax, ymax] in EPSG:27700 metres");
    kp.extent = Extent{e[0], e[1], e[2], e[3]};
  }
  check_kde_params(kp);
  if (kd.get("evaluate")) {
    kp.evaluate = read_evaluate(c, c.section(kd, "evaluate", true), "kde.evaluate", false);
    kp.evaluate->kernel = kp.density.kernel;
    kp.evaluate->cell_m = kp.cell_m;
    kp.evaluate->auto_coverage = kp.coverage;
    kp.evaluate->max_cells = kp.max_cells;
    kp.evaluate->extent = kp.extent;
    check_evaluate_params(*kp.evaluate);
  }
  if (root.get("evaluate")) plan.evaluate = read_evaluate(c, c.section(root, "evaluate", true), "evaluate", true);
  if (std::find(plan.steps.begin(), plan.steps.end(), "evaluate") != plan.steps.end()) check_evaluate_params(plan.evaluate);
  if (std::find(plan.steps.begin(), plan.steps.end(), "stats") != plan.steps.end()) {
    in.boundary_options.value_field = value_field(sp);
  }
  return plan;
}

}  // namespace hotspot
