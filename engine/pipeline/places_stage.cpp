// SPDX-License-Identifier: Apache-2.0
#include "pipeline/places_stage.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <array>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "inputs/crime_types.hpp"
#include "outputs/charts/charts.hpp"
#include "outputs/csv_table.hpp"
#include "outputs/run_record.hpp"
#include "outputs/styles.hpp"
#include "outputs/vector_layer.hpp"
#include "outputs/numbers.hpp"
#include "pipeline/period_options.hpp"
#include "pipeline/stage.hpp"

namespace hotspot {

PlacesResult profile_places(const StudyData& study, const PlacesParams& params) {
  PlacesResult r;
  const PeriodPair periods = period_options("places", params.baseline, params.current);
  require_periods_in_data("places", periods, study.load.incidents);
  r.baseline = periods.baseline;
  r.current = periods.current;
  r.places = target_places(params.places, study);
  std::optional<PostcodeGazetteer> postcodes;
  if (!params.postcodes.empty()) postcodes = read_postcodes(params.postcodes, {});
  r.profiles = place_profiles(study, r.places, r.baseline, r.current, params.interventions, postcodes ? &*postcodes : nullptr);
  // The profiles' counts ("all", then each crime type; baseline, previous, current) make the rows.
  for (size_t k = 0; k < r.places.size(); ++k) {
    for (const auto& [group, n] : r.profiles[k].by_type) {
      r.rows.push_back({r.places[k].name, r.places[k].kind, group,
                        compare_periods(n[0], r.baseline.months(), n[2], r.current.months(), params.rag)});
    }
  }
  return r;
}

namespace {

CsvTable places_table(const PlacesResult& r) {
  CsvTable t{{"place", "kind", "group", "baseline_from", "baseline_to", "current_from", "current_to", "baseline",
              "current", "baseline_per_month", "current_per_month", "change_percent", "p_value", "rag", "note"},
             {}};
  for (const PlaceRow& row : r.rows) {
    const PeriodComparison& c = row.comparison;
    t.rows.push_back({row.place, row.kind, row.group, format_month(r.baseline.from), format_month(r.baseline.to),
                      format_month(r.current.from), format_month(r.current.to), std::to_string(c.baseline),
                      std::to_string(c.current), fixed(c.baseline_per_month, 4), fixed(c.current_per_month, 4),
                      c.change ? fixed(100.0 * *c.change, 1) : "", p_value_text(c.p_value), c.rag, c.note});
  }
  return t;
}

std::string opt(const std::optional<double>& v, int decimals) { return v ? fixed(*v, decimals) : ""; }

// places/<slug>.csv: the profile in long form (section, item, period, value), one fact a row.
CsvTable profile_table(const PlaceProfile& p, const StudyData& study) {
  CsvTable t{{"section", "item", "period", "value"}, {}};
  const std::array<std::pair<const char*, Period>, 3> periods = {
      {{"baseline", p.baseline}, {"previous", p.previous}, {"current", p.current}}};
  t.rows.push_back({"place", "name", "", p.name});
  t.rows.push_back({"place", "kind", "", p.kind});
  t.rows.push_back({"place", "district", "", p.district_name});
  for (const auto& [name, span] : periods) t.rows.push_back({"period", name, "", span_text(span)});
  for (const auto& [group, n] : p.by_type) {
    for (size_t k = 0; k < 3; ++k) t.rows.push_back({"incidents", group, periods[k].first, std::to_string(n[k])});
  }
  for (const auto& [month, n] : p.months) t.rows.push_back({"month", format_month(month), "", std::to_string(n)});
  t.rows.push_back({"residents", "place", p.residents_rule, opt(p.residents, 0)});
  t.rows.push_back({"rate_per_1000", "place", "current", opt(p.rate, 2)});
  t.rows.push_back({"rate_per_1000", p.district_name, "current", opt(p.district_rate, 2)});
  t.rows.push_back({"rate_per_1000", "study area", "current", opt(p.study_rate, 2)});
  t.rows.push_back({"residents_imd_deciles_1_2", "place", "", p.residents ? fixed(p.residents_deciles_1_2, 4) : ""});
  for (const PlaceLsoa& l : p.lsoas) {
    const Area& a = study.boundaries.areas[l.area];
    const ImdRecord* r = study.imd.find(a.code);
    t.rows.push_back({"lsoa", a.code, "name", a.name});
    t.rows.push_back({"lsoa", a.code, "area_share_in_place", fixed(l.share_of_lsoa, 4)});
    t.rows.push_back({"lsoa", a.code, "residents_share_in_place", fixed(l.share_of_residents, 4)});
    t.rows.push_back({"lsoa", a.code, "residents_in_place", opt(l.residents, 0)});
    if (!r) continue;
    t.rows.push_back({"lsoa", a.code, "imd_decile", std::to_string(r->decile)});
    for (size_t d = 0; d < kImdDomains.size(); ++d) {
      if (r->domain_deciles[d]) t.rows.push_back({"lsoa", a.code, std::string(kImdDomains[d]) + "_decile", std::to_string(r->domain_deciles[d])});
    }
  }
  for (const auto& [street, n] : p.top_streets) t.rows.push_back({"street", street, "current", std::to_string(n)});
  if (p.intervention) {
    const PlaceIntervention& v = *p.intervention;
    t.rows.push_back({"intervention", "start", "", format_month(v.start)});
    t.rows.push_back({"intervention", "comparison", "", v.comparison});
    t.rows.push_back({"intervention", "place", span_text(v.before), std::to_string(v.effect.treated_before)});
    t.rows.push_back({"intervention", "place", span_text(v.after), std::to_string(v.effect.treated_after)});
    t.rows.push_back({"intervention", "comparison", span_text(v.before), std::to_string(v.effect.comparison_before)});
    t.rows.push_back({"intervention", "comparison", span_text(v.after), std::to_string(v.effect.comparison_after)});
    t.rows.push_back({"intervention", "ratio", "", fixed(v.effect.ratio, 4)});
    t.rows.push_back({"intervention", "ratio_low_95", "", fixed(v.effect.low, 4)});
    t.rows.push_back({"intervention", "ratio_high_95", "", fixed(v.effect.high, 4)});
    t.rows.push_back({"intervention", "p_value", "", p_value_text(v.effect.p_value)});
    t.rows.push_back({"intervention", "dispersion", "", fixed(v.effect.dispersion, 3)});
  }
  return t;
}

// places.geojson: each place's area with its headline figures, for QGIS.
void write_places_layer(OutputFolder& out, const std::string& stem, const PlacesResult& r, const StudyData& study) {
  VectorLayer layer(out, stem, "places", wkbMultiPolygon);
  const std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"name", OFTString}, {"kind", OFTString}, {"district", OFTString}, {"baseline", OFTInteger64},
      {"current", OFTInteger64}, {"change_percent", OFTReal}, {"p_value", OFTReal}, {"rag", OFTString},
      {"residents", OFTInteger64}, {"rate_per_1000", OFTReal}, {"district_rate_per_1000", OFTReal},
      {"residents_imd_deciles_1_2", OFTReal}, {"top_street", OFTString}};
  layer.add_fields(fields);
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  for (size_t k = 0; k < r.places.size(); ++k) {
    const PlaceProfile& p = r.profiles[k];
    const PeriodComparison* all = nullptr;
    for (const PlaceRow& row : r.rows) {
      if (row.place == p.name && row.group == "all") all = &row.comparison;
    }
    const std::vector<std::string> row = {
        p.name, p.kind, p.district_name, std::to_string(all->baseline), std::to_string(all->current),
        all->change ? fixed(100.0 * *all->change, 1) : "", p_value_text(all->p_value), all->rag,
        p.residents ? std::to_string(std::llround(*p.residents)) : "", opt(p.rate, 2), opt(p.district_rate, 2),
        p.residents ? fixed(p.residents_deciles_1_2, 4) : "", p.top_streets.empty() ? "" : p.top_streets.front().first};
    OGRGeometry* g = OGRGeometryFactory::createFromGEOS(ctx, r.places[k].geometry.get());
    layer.add_row(row, OGRGeometryFactory::forceToMultiPolygon(g));
  }
  layer.set_style(places_style_qml());
  layer.close();
}

// place_points.geojson: the police.uk snap points inside each place (public, anonymised points),
// with the street and the incidents there in the current period, so that a close-up map shows
// where in the place violence happens.
void write_place_points(OutputFolder& out, const std::string& stem, const PlacesResult& r, const StudyData& study) {
  const Incidents& inc = study.load.incidents;
  VectorLayer layer(out, stem, "place_points", wkbPoint);
  layer.add_fields({{"place", OFTString}, {"street", OFTString}, {"incidents", OFTInteger64}});
  for (const TargetPlace& t : r.places) {
    std::map<std::tuple<double, double, uint32_t>, uint64_t> at;
    for (size_t i = 0; i < inc.size(); ++i) {
      if (t.member[i] && r.current.holds(inc.month[i])) ++at[{inc.x[i], inc.y[i], inc.location[i]}];
    }
    for (const auto& [key, n] : at) {
      const auto& [x, y, location] = key;
      layer.add_row({t.name, inc.location_names[location], std::to_string(n)}, new OGRPoint(x, y));
    }
  }
  layer.set_style(points_style_qml());
  layer.close();
}

// The brief's lines on one place: who lives there, how it compares, where it happens.
std::string profile_html(const PlaceProfile& p) {
  std::string text = p.name + " (" + p.kind + (p.district_name.empty() ? "" : ", " + p.district_name) + "): ";
  const uint64_t current = p.by_type.front().second[2];
  text += fmt::format("{} incidents in {}", count_text(current), span_text(p.current));
  if (p.residents && p.rate) {
    text += fmt::format(", {:.1f} per 1,000 of its about {} residents", *p.rate, count_text(static_cast<uint64_t>(std::llround(*p.residents))));
    if (p.district_rate) text += fmt::format(" ({:.1f} in {}", *p.district_rate, p.district_name);
    if (p.study_rate) text += fmt::format(", {:.1f} in the study area)", *p.study_rate);
    else if (p.district_rate) text += ")";
    text += fmt::format("; {:.0f}% of its residents live in LSOAs of IMD deciles 1-2", 100.0 * p.residents_deciles_1_2);
  }
  if (!p.top_streets.empty()) {
    text += "; most on ";
    for (size_t k = 0; k < p.top_streets.size() && k < 3; ++k) {
      text += (k ? ", " : "") + fmt::format("{} ({})", p.top_streets[k].first, p.top_streets[k].second);
    }
  }
  text += ".";
  if (p.intervention) {
    const PlaceIntervention& v = *p.intervention;
    const DidResult& e = v.effect;
    if (std::isnan(e.ratio)) {
      text += fmt::format(" Intervention from {}: too few incidents to compare with {}.", format_month(v.start), v.comparison);
    } else {
      text += fmt::format(
          " Intervention from {}: {} incidents before ({}) and {} after ({}), against {} and {} in {}; relative to {}, "
          "{} ({:+.0f}%, 95% interval {:+.0f}% to {:+.0f}%, {}){}.",
          format_month(v.start), e.treated_before, span_text(v.before), e.treated_after, span_text(v.after),
          e.comparison_before, e.comparison_after, v.comparison, v.comparison,
          e.ratio < 1 ? "fewer than expected" : "more than expected", 100 * (e.ratio - 1), 100 * (e.low - 1),
          100 * (e.high - 1), p_value_phrase(e.p_value),
          e.low <= 1 && 1 <= e.high ? "; the interval includes no change, so the data cannot tell an effect from chance" : "");
    }
  }
  return html_paragraph(text);
}

std::string mapnik_text(const std::string& text) {  // inside a quoted Mapnik expression
  std::string out;
  for (char ch : text) out += ch == '\'' ? std::string("\\'") : std::string(1, ch);
  return out;
}

// The places on the study area's map, outlined and named.
MapSpec places_map(const std::string& prefix) {
  MapSpec m{.id = "places", .section = "places", .title = "Target places"};
  m.layers.push_back({.source = prefix + "places.geojson",
                      .symbols = {{.fill = "#d7301f", .fill_opacity = 0.2, .stroke = "#d7301f", .stroke_width = 2,
                                   .label = "[name]", .label_size = 12, .legend = "target place"}}});
  return m;
}

// One place close up: its outline over the streets' context, the other places faint.
MapSpec place_map(const PlaceProfile& p, const GEOSGeometry* geometry, GEOSContextHandle_t ctx, const std::string& prefix) {
  MapSpec m{.id = "place-" + p.slug, .section = "place-" + p.slug, .title = p.name + " (" + p.kind + ")"};
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  GEOSGeom_getXMin_r(ctx, geometry, &x0);
  GEOSGeom_getYMin_r(ctx, geometry, &y0);
  GEOSGeom_getXMax_r(ctx, geometry, &x1);
  GEOSGeom_getYMax_r(ctx, geometry, &y1);
  const double pad = std::max(300.0, 0.25 * std::max(x1 - x0, y1 - y0));
  m.extent = {x0 - pad, y0 - pad, x1 + pad, y1 + pad};
  const std::string self = "[name] = '" + mapnik_text(p.name) + "'";
  m.layers.push_back({.source = prefix + "places.geojson",
                      .symbols = {{.filter = "not (" + self + ")", .stroke = "#d7301f", .stroke_width = 1,
                                   .legend = "other target places"},
                                  {.filter = self, .fill = "#d7301f", .fill_opacity = 0.1, .stroke = "#d7301f",
                                   .stroke_width = 3, .legend = p.name}}});
  m.layers.push_back({.source = prefix + "place_points.geojson",
                      .symbols = {{.filter = "[place] = '" + mapnik_text(p.name) + "'", .fill = "#67001f",
                                   .fill_opacity = 0.8, .stroke = "#ffffff", .stroke_width = 0.8,
                                   .marker_width = "5 + pow([incidents], 0.5) * 3", .label = "[street]", .label_size = 10,
                                   .label_bold = false,
                                   .legend = "incidents at a police.uk point, " + span_text(p.current) + " (area by count)"}}});
  return m;
}

// What a street list left out: "43 incidents on streets of the same names elsewhere (more than
// 1.5 km from the rest) left out".
std::string elsewhere_text(const TargetPlace& t) {
  return fmt::format("{} incident{} on streets of the same names elsewhere (more than {:g} km from the rest) left out",
                     t.elsewhere, t.elsewhere == 1 ? "" : "s", kStreetLink_m / 1000);
}

// A place's own section: its profile in words, its LSOAs' deprivation and its streets.
BriefSection place_section(const PlaceProfile& p, const TargetPlace& t, const StudyData& study) {
  std::string html = profile_html(p);
  html += html_paragraph("Defined as " + t.kind + ": " + t.definition +
                         (t.streets_missing.empty() ? "" : " (named but not in the data: " + joined(t.streets_missing) + ")"));
  if (t.elsewhere) html += html_paragraph(elsewhere_text(t) + " (" + joined(t.streets_elsewhere) + ").");
  if (!p.lsoas.empty()) {
    std::vector<std::string> header = {"LSOA", "residents in the place", "IMD decile"};
    for (const char* d : kImdDomains) header.push_back(std::string(d) == "living_environment" ? "living env." : d);
    std::vector<std::vector<std::string>> rows;
    for (const PlaceLsoa& l : p.lsoas) {
      const Area& a = study.boundaries.areas[l.area];
      const ImdRecord* r = study.imd.find(a.code);
      std::vector<std::string> row = {a.name.empty() ? a.code : a.name, l.residents ? fixed(*l.residents, 0) : "",
                                      r ? std::to_string(r->decile) : ""};
      for (size_t d = 0; d < kImdDomains.size(); ++d) row.push_back(r && r->domain_deciles[d] ? std::to_string(r->domain_deciles[d]) : "");
      rows.push_back(std::move(row));
    }
    std::vector<size_t> numeric;
    for (size_t k = 1; k < header.size(); ++k) numeric.push_back(k);
    html += html_paragraph(fmt::format("Its LSOAs and their IMD 2019 deciles (1 = most deprived tenth of England); residents "
                                       "of partly covered LSOAs shared out by {}.", p.residents_rule));
    html += html_table(header, rows, numeric);
  }
  if (!p.top_streets.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [street, n] : p.top_streets) rows.push_back({street, std::to_string(n)});
    html += html_table({"street (" + span_text(p.current) + ")", "incidents"}, rows, {1});
  }
  return {"place-" + p.slug, p.name, html, {}};
}

class PlacesStage final : public StageWith<PlacesParams> {
 public:
  const StageInfo& info() const override {
    static const StageInfo i{
        .name = "places",
        .purpose = "Target places (wards, polygons, street lists): profiles, baseline against current, p-value, RAG",
        .docs = "docs/method.md#places",
        .writes = "Writes DIR/places.csv: a row per place and crime-type group (\"all\", then each type): the baseline\n"
                  "and current counts and per month, the change per month, the p-value of the exact test of two\n"
                  "Poisson counts (R's poisson.test) and the RAG (red: up by --rag-threshold or more and p <= --alpha;\n"
                  "green: down so; amber: otherwise, including changes chance could give); DIR/<slug>.csv, each place's\n"
                  "profile (incidents by type and period, months, residents and rates, its LSOAs' IMD deciles, top\n"
                  "streets, the intervention's difference-in-differences); DIR/places.geojson and place_points.geojson;\n"
                  "plus rejects.csv and summary.json.",
        .example = "hotspot places --incidents examples/ashfield-mansfield/police-uk --types serious-violence \\\n"
                   "    --boundaries shapefiles/nottinghamshire_lsoa11.shp --wards shapefiles/nottinghamshire_wards2025.shp \\\n"
                   "    --ward \"Oak Tree\" --ward \"Kirkby Cross & Portland\" \\\n"
                   "    --streets \"Coxmoor: Coxmoor Road; Deepdale Road\" \\\n"
                   "    --baseline 2023-07..2023-12 --current 2024-01..2024-06 --output out/places"};
    return i;
  }

  void finish(StudyInputs&, bool) override {
    if (params.places.empty()) throw OptionError("places.wards", "", "name at least one place (wards, polygons or streets)");
    const PeriodPair p = period_options("places", params.baseline, params.current);
    if (p.baseline.in_days || p.current.in_days) {
      throw OptionError(p.current.in_days ? "places.current" : "places.baseline",
                        p.current.in_days ? params.current : params.baseline,
                        "place profiles take periods of months; periods in days go to [indicators]");
    }
  }

  StageReport run(const StudyData& study, StageContext& c) override {
    const PlacesResult r = profile_places(study, params);
    write_csv(c.out.stage(c.prefix + "places.csv"), places_table(r));
    for (const PlaceProfile& p : r.profiles) write_csv(c.out.stage(c.prefix + p.slug + ".csv"), profile_table(p, study));
    write_places_layer(c.out, c.prefix + "places", r, study);
    write_place_points(c.out, c.prefix + "place_points", r, study);
    StageReport report{"places", {}, {}};
    report.summary.Add("baseline", span_text(r.baseline));
    report.summary.Add("current", span_text(r.current));
    report.summary.Add("rag_threshold", params.rag.threshold);
    report.summary.Add("alpha", params.rag.alpha);
    CPLJSONArray places;
    for (const TargetPlace& p : r.places) {
      CPLJSONObject o;
      o.Add("name", p.name);
      o.Add("kind", p.kind);
      o.Add("definition", p.definition);
      if (!p.streets_missing.empty()) {
        o.Add("streets_not_in_data", json_strings(p.streets_missing));
      }
      if (p.elsewhere) {
        CPLJSONObject left;
        left.Add("incidents", static_cast<GInt64>(p.elsewhere));
        left.Add("streets", json_strings(p.streets_elsewhere));
        left.Add("link_m", kStreetLink_m);
        o.Add("left_out_elsewhere", left);
      }
      places.Add(o);
    }
    report.summary.Add("places", places);
    auto out = std::back_inserter(report.text);
    fmt::format_to(out, "\nplaces: {} against {} (incidents per month)\n", span_text(r.current), span_text(r.baseline));
    std::vector<std::vector<std::string>> rows;
    for (const PlaceRow& row : r.rows) {
      const PeriodComparison& k = row.comparison;
      std::string spark;
      if (row.group == "all") {
        for (const PlaceProfile& p : r.profiles) {
          if (p.name != row.place) continue;
          std::vector<double> monthly;
          for (const auto& [m, n] : p.months) monthly.push_back(static_cast<double>(n));
          spark = html_image(sparkline_png(monthly), "incidents per month", "spark");
        }
        fmt::format_to(out, "  {}: {} -> {} ({}), {}, {}\n", row.place, count_text(k.baseline), count_text(k.current),
                       k.change ? change_percent_text(k.change) + "% a month" : "none in the baseline", p_value_phrase(k.p_value), k.rag);
      }
      rows.push_back({row.place, row.group, std::to_string(k.baseline), std::to_string(k.current),
                      change_percent_text(k.change), p_value_short(k.p_value), html_rag(k.rag), spark});
    }
    for (const TargetPlace& p : r.places) {
      if (p.elsewhere) fmt::format_to(out, "  {}: {}\n", p.name, elsewhere_text(p));
    }
    std::string html = html_paragraph(fmt::format(
        "Each place's incidents in {} (baseline) and {} (current); the change is per month, so periods of different "
        "lengths compare fairly. {}",
        span_text(r.baseline), span_text(r.current), rag_rule_text(params.rag)));
    html += html_table({"place", "group", "baseline", "current", "change per month (%)", "p", "RAG", "months"}, rows,
                       {2, 3, 4, 5}, {6, 7});
    report.brief.push_back({"places", "Target places", html});
    report.maps.push_back(places_map(c.prefix));
    for (size_t k = 0; k < r.places.size(); ++k) {
      report.brief.push_back(place_section(r.profiles[k], r.places[k], study));
      report.maps.push_back(place_map(r.profiles[k], r.places[k].geometry.get(), study.boundaries.geos->get(), c.prefix));
    }
    return report;
  }

 protected:
  const OptionSet<PlacesParams>& declared() const override {
    static const OptionSet<PlacesParams> set = [] {
      OptionSet<PlacesParams> s;
      using P = PlacesParams;
      const std::string g = "Places";
      s.add({.section = "places", .key = "wards", .flag = "--ward", .kind = Kind::texts,
             .help = "Places that are wards: names or codes in the --wards file (repeat the flag for more)",
             .example = "Oak Tree", .group = g},
            [](P& p) -> auto& { return p.places.wards; });
      s.add({.section = "places", .key = "polygons", .flag = "--place-polygons", .kind = Kind::path,
             .help = "Places drawn as polygons (any OGR source; each feature a place, named by its name field)",
             .example = "estates.geojson", .group = g},
            [](P& p) -> auto& { return p.places.polygons; });
      s.add({.section = "places", .key = "streets", .flag = "--streets", .kind = Kind::texts,
             .help = "Places as their police.uk streets: \"NAME: street; street; ...\" (repeat the flag for more)",
             .example = "Coxmoor: Coxmoor Road; Deepdale Road", .group = g},
            [](P& p) -> auto& { return p.places.streets; });
      s.add({.section = "places", .key = "baseline", .flag = "--baseline", .required = true,
             .help = "The baseline period, YYYY-MM..YYYY-MM", .example = "2023-07..2023-12", .group = g},
            [](P& p) -> auto& { return p.baseline; });
      s.add({.section = "places", .key = "current", .flag = "--current", .required = true,
             .help = "The current period, YYYY-MM..YYYY-MM", .example = "2024-01..2024-06", .group = g},
            [](P& p) -> auto& { return p.current; });
      s.add({.section = "places", .key = "interventions", .flag = "--intervention", .kind = Kind::texts,
             .help = "A place under an intervention and its first month, \"PLACE: YYYY-MM\": before against after, "
                     "relative to the rest of its district (repeat the flag for more)",
             .example = "Bellamy estate: 2024-01", .group = g},
            [](P& p) -> auto& { return p.interventions; });
      s.add({.section = "places", .key = "postcodes", .flag = "--place-postcodes", .kind = Kind::path,
             .default_text = "by area",
             .help = "Code-Point Open (file or folder): share out a partly covered LSOA's residents by its postcode units "
                     "inside the place",
             .example = "codepoint-open", .group = g},
            [](P& p) -> auto& { return p.postcodes; });
      add_rag_options(s, "places", g, &P::rag);
      return s;
    }();
    return set;
  }
};

}  // namespace

std::unique_ptr<Stage> make_places_stage() { return std::make_unique<PlacesStage>(); }

}  // namespace hotspot
