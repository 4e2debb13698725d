// SPDX-License-Identifier: Apache-2.0
#include "places/lsoa_vintages.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"

namespace hotspot {
namespace {

double overlap_m2(GEOSContextHandle_t ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
  GeomPtr both(GEOSIntersection_r(ctx, a, b), GeomDeleter{ctx});
  if (!both) both.reset(GEOSIntersectionPrec_r(ctx, a, b, 0.001));  // a topology failure: snap to 1 mm
  if (!both) throw DataError("LSOA vintages: GEOS could not intersect two areas");
  double m2 = 0;
  GEOSArea_r(ctx, both.get(), &m2);
  return m2;
}

}  // namespace

VintageCorrespondence overlay_vintages(const Boundaries& from, const Boundaries& to, double min_share) {
  GEOSContextHandle_t ctx = from.geos->get();
  StrTreePtr tree(GEOSSTRtree_create_r(ctx, 10), StrTreeDeleter{ctx});
  std::vector<size_t> ids(to.areas.size());
  for (size_t t = 0; t < to.areas.size(); ++t) {
    ids[t] = t;
    GEOSSTRtree_insert_r(ctx, tree.get(), to.areas[t].geometry.get(), &ids[t]);
  }
  std::vector<VintageLink> raw;
  for (size_t f = 0; f < from.areas.size(); ++f) {
    const GEOSGeometry* a = from.areas[f].geometry.get();
    std::vector<size_t> candidates;
    GEOSSTRtree_query_r(
        ctx, tree.get(), a, [](void* item, void* out) { static_cast<std::vector<size_t>*>(out)->push_back(*static_cast<size_t*>(item)); },
        &candidates);
    std::sort(candidates.begin(), candidates.end());  // links in code order, whatever the tree's
    PreparedPtr prepared(GEOSPrepare_r(ctx, a), PreparedDeleter{ctx});
    for (size_t t : candidates) {
      const GEOSGeometry* b = to.areas[t].geometry.get();
      if (GEOSPreparedIntersects_r(ctx, prepared.get(), b) != 1) continue;
      const double m2 = overlap_m2(ctx, a, b);
      if (m2 > 0) raw.push_back({f, t, m2, 0, 0, 'U'});
    }
  }
  // Keep the overlaps that matter to one side or the other, then share out among those kept.
  VintageCorrespondence out;
  for (const VintageLink& l : raw) {
    if (l.area_m2 >= min_share * from.areas[l.from].area_m2 || l.area_m2 >= min_share * to.areas[l.to].area_m2) {
      out.links.push_back(l);
    }
  }
  std::vector<double> from_sum(from.areas.size(), 0), to_sum(to.areas.size(), 0);
  std::vector<int> from_links(from.areas.size(), 0), to_links(to.areas.size(), 0);
  for (const VintageLink& l : out.links) {
    from_sum[l.from] += l.area_m2;
    to_sum[l.to] += l.area_m2;
    ++from_links[l.from];
    ++to_links[l.to];
  }
  for (VintageLink& l : out.links) {
    l.share_of_from = l.area_m2 / from_sum[l.from];
    l.share_of_to = l.area_m2 / to_sum[l.to];
    const bool one_from = to_links[l.to] == 1, one_to = from_links[l.from] == 1;
    l.change = one_to && one_from ? 'U' : one_from ? 'S' : one_to ? 'M' : 'X';
  }
  // A split or merge is clean only when every pair of its group is; one redrawn pair marks the old
  // area's and the new area's other pairs as redrawn too.
  std::vector<uint8_t> from_x(from.areas.size(), 0), to_x(to.areas.size(), 0);
  for (const VintageLink& l : out.links) {
    if (l.change == 'X') from_x[l.from] = to_x[l.to] = 1;
  }
  for (VintageLink& l : out.links) {
    if (from_x[l.from] || to_x[l.to]) l.change = 'X';
  }
  for (size_t f = 0; f < from.areas.size(); ++f) {
    if (!from_links[f]) out.from_without_link.push_back(f);
  }
  for (size_t t = 0; t < to.areas.size(); ++t) {
    if (!to_links[t]) out.to_without_link.push_back(t);
  }
  return out;
}

Imd carry_imd(const Imd& imd, const Boundaries& from, const Boundaries& to, const VintageCorrespondence& c) {
  Imd out;
  out.has_domains = imd.has_domains;
  out.has_population = imd.has_population;
  struct Best {
    const ImdRecord* record = nullptr;
    double weight = -1;
    std::string code;  // ties: the lowest old code, so the rule does not depend on the files' order
    double population = 0;
    bool population_known = true;
  };
  std::map<size_t, Best> best;
  for (const VintageLink& l : c.links) {
    const ImdRecord* r = imd.find(from.areas[l.from].code);
    Best& b = best[l.to];
    if (!r) {
      b.population_known = false;
      continue;
    }
    const double weight = r->population ? l.share_of_from * *r->population : l.share_of_to;
    if (r->population) b.population += l.share_of_from * *r->population; else b.population_known = false;
    if (weight > b.weight || (weight == b.weight && from.areas[l.from].code < b.code)) {
      b.record = r;
      b.weight = weight;
      b.code = from.areas[l.from].code;
    }
  }
  for (const auto& [t, b] : best) {
    if (!b.record) continue;
    ImdRecord r = *b.record;
    r.population = b.population_known && imd.has_population ? std::optional<double>(b.population) : std::nullopt;
    out.by_code.emplace(to.areas[t].code, std::move(r));
  }
  return out;
}

}  // namespace hotspot
