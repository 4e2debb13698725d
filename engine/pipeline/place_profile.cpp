// SPDX-License-Identifier: Apache-2.0
#include "pipeline/place_profile.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "inputs/crime_types.hpp"
#include "options/option.hpp"
#include "places/area_locator.hpp"

namespace hotspot {
namespace {

// A share of an LSOA's area below which an overlap is a generalisation sliver, not residents.
constexpr double kSliverShare = 0.01;

int month_of_index(int index) { return (index / 12) * 100 + index % 12 + 1; }

std::string slug_of(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "place" : out;
}

// The study's postcode units by LSOA, for sharing out residents.
struct UnitsByArea {
  std::vector<std::vector<size_t>> units;  // per area: indices into the gazetteer
};

UnitsByArea units_by_area(const PostcodeGazetteer& g, const Boundaries& b) {
  std::vector<double> x, y;
  for (const PostcodeRecord& u : g.units) {
    x.push_back(u.x);
    y.push_back(u.y);
  }
  const std::vector<int32_t> area = AreaLocator(b).locate_all(x, y).area;
  UnitsByArea out{std::vector<std::vector<size_t>>(b.areas.size())};
  for (size_t k = 0; k < area.size(); ++k) {
    if (area[k] >= 0) out.units[static_cast<size_t>(area[k])].push_back(k);
  }
  return out;
}

std::vector<PlaceLsoa> lsoas_in(const GEOSGeometry* place, const StudyData& study, const PostcodeGazetteer* postcodes,
                                const UnitsByArea& units) {
  GEOSContextHandle_t ctx = study.boundaries.geos->get();
  PreparedPtr prepared(GEOSPrepare_r(ctx, place), PreparedDeleter{ctx});
  std::vector<PlaceLsoa> out;
  for (size_t a = 0; a < study.boundaries.areas.size(); ++a) {
    const Area& area = study.boundaries.areas[a];
    if (GEOSPreparedIntersects_r(ctx, prepared.get(), area.geometry.get()) != 1) continue;
    GeomPtr both(GEOSIntersection_r(ctx, place, area.geometry.get()), GeomDeleter{ctx});
    if (!both) both.reset(GEOSIntersectionPrec_r(ctx, place, area.geometry.get(), 0.001));
    double m2 = 0;
    if (both) GEOSArea_r(ctx, both.get(), &m2);
    PlaceLsoa l{a, area.area_m2 > 0 ? std::min(1.0, m2 / area.area_m2) : 0, 0, std::nullopt};
    l.share_of_residents = l.share_of_lsoa;
    const bool by_units = postcodes && !units.units[a].empty();
    if (by_units) {
      size_t inside = 0;
      for (size_t k : units.units[a]) {
        const PostcodeRecord& u = postcodes->units[k];
        GeomPtr point(GEOSGeom_createPointFromXY_r(ctx, u.x, u.y), GeomDeleter{ctx});
        inside += GEOSPreparedIntersects_r(ctx, prepared.get(), point.get()) == 1;
      }
      l.share_of_residents = static_cast<double>(inside) / static_cast<double>(units.units[a].size());
    }
    if (l.share_of_lsoa < kSliverShare && !(by_units && l.share_of_residents > 0)) continue;  // a sliver without homes
    const ImdRecord* r = study.imd.find(area.code);
    if (r && r->population) l.residents = *r->population * l.share_of_residents;
    out.push_back(l);
  }
  return out;
}

std::optional<double> per_1000(uint64_t incidents, double residents) {
  if (residents <= 0) return std::nullopt;
  return 1000.0 * static_cast<double>(incidents) / residents;
}

struct InterventionSpec {
  std::string place;
  int start = 0;
};

InterventionSpec parse_intervention(const std::string& spec) {
  const size_t colon = spec.rfind(':');
  const int start = colon == std::string::npos ? 0 : parse_month(trim(spec.substr(colon + 1)));
  if (!start || trim(spec.substr(0, colon)).empty()) {
    throw OptionError("places.interventions", spec, "write an intervention as \"PLACE: YYYY-MM\", its first month");
  }
  return {trim(spec.substr(0, colon)), start};
}

}  // namespace

std::vector<PlaceProfile> place_profiles(const StudyData& study, const std::vector<TargetPlace>& places,
                                         const Period& baseline, const Period& current,
                                         const std::vector<std::string>& interventions,
                                         const PostcodeGazetteer* postcodes) {
  const Incidents& inc = study.load.incidents;
  const UnitsByArea units = postcodes ? units_by_area(*postcodes, study.boundaries) : UnitsByArea{};
  const Boundaries& b = study.boundaries;
  const auto [first, last] = month_range(inc.month);
  const auto names = district_names(study);
  const int length = static_cast<int>(current.months());
  const Period previous{std::max(first, month_of_index(month_index(current.from) - length)),
                           month_of_index(month_index(current.from) - 1)};
  // The study's and each district's residents and current incidents, for the rates beside the place's.
  std::map<std::string, double> district_residents;
  std::map<std::string, uint64_t> district_current;
  double study_residents = 0;
  uint64_t study_current = 0;
  for (const Area& a : b.areas) {
    const ImdRecord* r = study.imd.find(a.code);
    if (r && r->population) {
      district_residents[a.district_code] += *r->population;
      study_residents += *r->population;
    }
  }
  for (size_t i = 0; i < inc.size(); ++i) {
    if (!current.holds(inc.month[i])) continue;
    ++district_current[b.areas[study.area_of[i]].district_code];
    ++study_current;
  }

  std::vector<PlaceProfile> out;
  std::set<std::string> slugs;
  for (const TargetPlace& t : places) {
    PlaceProfile p;
    p.name = t.name;
    p.kind = t.kind;
    p.slug = slug_of(t.name);
    for (int k = 2; !slugs.insert(p.slug).second; ++k) p.slug = slug_of(t.name) + "-" + std::to_string(k);
    p.baseline = baseline;
    p.previous = previous;
    p.current = current;
    std::vector<std::array<uint64_t, 3>> n(inc.type_names.size() + 1, {0, 0, 0});
    std::map<int, uint64_t> by_month;
    std::map<uint32_t, uint64_t> by_street;
    std::map<std::string, uint64_t> by_district;
    for (size_t i = 0; i < inc.size(); ++i) {
      if (!t.member[i]) continue;
      const int m = inc.month[i];
      ++by_district[b.areas[study.area_of[i]].district_code];
      if (m) ++by_month[m];
      const std::array<bool, 3> in = {baseline.holds(m), previous.holds(m), current.holds(m)};
      for (size_t g : {size_t{0}, size_t{inc.type[i]} + 1}) {
        for (int k = 0; k < 3; ++k) n[g][k] += in[k];
      }
      if (in[2] && !inc.location_names[inc.location[i]].empty()) ++by_street[inc.location[i]];
    }
    for (size_t g = 0; g < n.size(); ++g) p.by_type.push_back({g == 0 ? "all" : inc.type_names[g - 1], n[g]});
    if (first) {
      for (int m = first; m <= last; m = next_month(m)) p.months.push_back({m, by_month.count(m) ? by_month[m] : 0});
    }
    std::vector<std::pair<uint64_t, uint32_t>> streets;
    for (const auto& [location, count] : by_street) streets.push_back({count, location});
    std::sort(streets.begin(), streets.end(), [&](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : inc.location_names[x.second] < inc.location_names[y.second];
    });
    for (size_t k = 0; k < streets.size() && k < 10; ++k) {
      p.top_streets.push_back({inc.location_names[streets[k].second], streets[k].first});
    }

    if (t.geometry) p.lsoas = lsoas_in(t.geometry.get(), study, postcodes, units);
    p.residents_rule = postcodes ? "postcode units" : "area";
    double residents = 0, deprived = 0;
    bool any_residents = false;
    for (const PlaceLsoa& l : p.lsoas) {
      if (!l.residents) continue;
      any_residents = true;
      residents += *l.residents;
      const ImdRecord* r = study.imd.find(b.areas[l.area].code);
      if (r && r->decile && r->decile <= 2) deprived += *l.residents;
    }
    if (any_residents) {
      p.residents = residents;
      p.residents_deciles_1_2 = residents > 0 ? deprived / residents : 0;
      p.rate = per_1000(n[0][2], residents);
    }
    // Its district: the one holding most of its incidents (ties: the lower code), else most of its residents.
    for (const auto& [code, count] : by_district) {
      if (p.district_code.empty() || count > by_district[p.district_code]) p.district_code = code;
    }
    if (p.district_code.empty() && !p.lsoas.empty()) p.district_code = b.areas[p.lsoas.front().area].district_code;
    if (!p.district_code.empty()) {
      p.district_name = names.count(p.district_code) ? names.at(p.district_code) : p.district_code;
      p.district_rate = per_1000(district_current[p.district_code], district_residents[p.district_code]);
    }
    p.study_rate = per_1000(study_current, study_residents);
    out.push_back(std::move(p));
  }

  for (const std::string& text : interventions) {
    const InterventionSpec spec = parse_intervention(text);
    size_t k = 0;
    while (k < out.size() && lower(out[k].name) != lower(spec.place)) ++k;
    if (k == out.size()) {
      std::vector<std::string> known;
      for (const auto& p : out) known.push_back(p.name);
      throw OptionError("places.interventions", text, "names no place of [places]" + suggestion(spec.place, known));
    }
    if (!first || spec.start <= first || spec.start > last) {
      throw OptionError("places.interventions", text,
                        "needs data before and from its first month (the data hold " + format_month(first) + ".." +
                            format_month(last) + ")");
    }
    PlaceProfile& p = out[k];
    PlaceIntervention v;
    v.start = spec.start;
    v.before = {first, month_of_index(month_index(spec.start) - 1)};
    v.after = {spec.start, last};
    v.comparison = "the rest of " + p.district_name;
    const size_t months = static_cast<size_t>(month_index(last) - month_index(first) + 1);
    const size_t split = static_cast<size_t>(month_index(spec.start) - month_index(first));
    std::vector<uint64_t> treated(months, 0), comparison(months, 0);
    for (size_t i = 0; i < inc.size(); ++i) {
      if (!inc.month[i]) continue;
      const size_t m = static_cast<size_t>(month_index(inc.month[i]) - month_index(first));
      if (places[k].member[i]) {
        ++treated[m];
      } else if (b.areas[study.area_of[i]].district_code == p.district_code) {
        ++comparison[m];
      }
    }
    const auto part = [&](const std::vector<uint64_t>& series, bool after) {
      const auto at = series.begin() + static_cast<std::ptrdiff_t>(split);
      return after ? std::vector<uint64_t>(at, series.end()) : std::vector<uint64_t>(series.begin(), at);
    };
    v.effect = diff_in_diff({part(treated, false), part(treated, true), part(comparison, false), part(comparison, true)});
    p.intervention = v;
  }
  return out;
}

}  // namespace hotspot
