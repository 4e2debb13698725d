// SPDX-License-Identifier: Apache-2.0
#include "places/geocoder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

#include "places/address/address_words.hpp"
#include "places/address/name_match.hpp"
#include "core/postcode.hpp"

namespace hotspot {
namespace {

using Words = std::vector<std::string>;

std::string join(const Words& w, size_t from = 0, size_t to = std::numeric_limits<size_t>::max()) {
  std::string out;
  for (size_t i = from; i < std::min(to, w.size()); ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

bool number_like(const std::string& w) {
  return !w.empty() && w.size() <= 5 && std::isdigit(static_cast<unsigned char>(w[0]));
}

void add_flag(std::string& flags, std::string_view flag) {
  if (!flags.empty()) flags += ';';
  flags += flag;
}

// Leading words that say where, not what: "o/s 23 High Street", "rear of", "junction of".
constexpr std::array<std::array<std::string_view, 3>, 14> kWhere = {{{"ON", "OR", "NEAR"},
                                                                     {"IN", "FRONT", "OF"},
                                                                     {"JUNCTION", "OF", ""},
                                                                     {"ADJACENT", "TO", ""},
                                                                     {"REAR", "OF", ""},
                                                                     {"FRONT", "OF", ""},
                                                                     {"O", "S", ""},
                                                                     {"R", "O", ""},
                                                                     {"OUTSIDE", "", ""},
                                                                     {"OPPOSITE", "", ""},
                                                                     {"OPP", "", ""},
                                                                     {"NEAR", "", ""},
                                                                     {"NR", "", ""},
                                                                     {"ADJ", "", ""}}};

void drop_empty(std::vector<Words>& segments) {
  segments.erase(std::remove_if(segments.begin(), segments.end(), [](const Words& w) { return w.empty(); }),
                 segments.end());
}

void drop_leading_where(Words& w) {
  for (bool again = true; again;) {
    again = false;
    for (const auto& phrase : kWhere) {
      size_t n = 0;
      while (n < 3 && !phrase[n].empty()) ++n;
      if (w.size() <= n) continue;
      if (std::equal(phrase.begin(), phrase.begin() + static_cast<std::ptrdiff_t>(n), w.begin())) {
        w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(n));
        again = true;
        break;
      }
    }
  }
}

}  // namespace

std::string_view to_string(MatchLevel level) {
  switch (level) {
    case MatchLevel::none: return "none";
    case MatchLevel::town: return "town";
    case MatchLevel::sector: return "postcode_sector";
    case MatchLevel::postcode: return "postcode";
    case MatchLevel::street_in_town: return "street_in_town";
    case MatchLevel::street_in_postcode: return "street_in_postcode";
    case MatchLevel::address: return "address";
  }
  return "none";
}

int32_t Geocoder::locality_id(const std::string& name) {
  if (name.empty()) return -1;
  const auto [it, added] = locality_index_.emplace(name, static_cast<int32_t>(localities_.size()));
  if (added) localities_.push_back({name});
  return it->second;
}

Geocoder::Geocoder(const PostcodeGazetteer& postcodes, const std::vector<StreetRecord>& streets,
                   const std::vector<AddressRecord>& addresses, const AreaNames& names, GeocodeOptions options)
    : options_(options) {
  units_.reserve(postcodes.units.size());
  for (const PostcodeRecord& r : postcodes.units) {
    const auto ward = names.wards.find(r.ward);
    const auto district = names.districts.find(r.district);
    const int32_t town = ward == names.wards.end() ? -1 : locality_id(locality_from_ward(ward->second));
    const int32_t dist = district == names.districts.end() ? -1 : locality_id(locality_from_district(district->second));
    for (int32_t l : {town, dist}) {
      if (l < 0) continue;
      localities_[l].sx += r.x;
      localities_[l].sy += r.y;
      ++localities_[l].n;
    }
    if (town >= 0 && dist >= 0 && town != dist) {
      for (const uint64_t key : {pair_key(town, dist), pair_key(dist, town)}) {
        Centroid& c = locality_pairs_[key];
        c.sx += r.x, c.sy += r.y, ++c.n;
      }
    }
    unit_index_.emplace(r.unit, static_cast<uint32_t>(units_.size()));
    units_.push_back({r.x, r.y, town, dist});
    unit_x_.push_back(r.x);
    unit_y_.push_back(r.y);
    Centroid& s = sectors_[r.unit.substr(0, r.unit.size() - 2)];
    s.sx += r.x;
    s.sy += r.y;
    ++s.n;
  }
  unit_tree_ = std::make_unique<PointIndex>(unit_x_, unit_y_);

  std::vector<uint32_t> near;
  std::vector<double> d2;
  std::unordered_map<std::string, uint32_t> name_ids;
  for (const StreetRecord& s : streets) {
    const std::string name = normalise_name(s.name);
    if (name.empty()) continue;
    Point p{s.x, s.y, -1, -1};
    if (!units_.empty()) {  // the town and district of its nearest postcode
      unit_tree_->nearest(s.x, s.y, 1, near, d2);
      p.town = units_[near[0]].town;
      p.district = units_[near[0]].district;
    }
    if (!s.locality.empty()) p.town = locality_id(normalise_name(s.locality));
    const auto [it, added] = name_ids.emplace(name, static_cast<uint32_t>(street_names_.size()));
    if (added) street_names_.push_back(name);
    street_points_[name].push_back(static_cast<uint32_t>(points_.size()));
    point_street_.push_back(it->second);
    points_.push_back(p);
    point_x_.push_back(p.x);
    point_y_.push_back(p.y);
  }
  point_tree_ = std::make_unique<PointIndex>(point_x_, point_y_);
  for (const AddressRecord& a : addresses) {
    const auto pc = parse_postcode(a.postcode);
    if (!pc) continue;
    address_index_.emplace(pc->unit() + "|" + normalise_name(a.pao) + "|" + normalise_name(a.street),
                           static_cast<uint32_t>(address_xy_.size()));
    address_xy_.emplace_back(a.x, a.y);
  }
}

int32_t Geocoder::locality_of(const std::string& name) const {
  const auto it = locality_index_.find(name);
  return it == locality_index_.end() ? -1 : it->second;
}

Geocoder::Place Geocoder::find_place(const std::vector<Words>& segments, bool& fuzzy, bool whole_names) const {
  fuzzy = false;
  // Words that join the parts of a compound town name ("Kirkby in Ashfield", "Walton-on-the-Naze").
  static const std::set<std::string> kJoining = {"IN", "ON", "UPON", "UNDER", "LE", "LA", "DE", "DU", "SUPER",
                                                 "CUM", "BY", "NEXT", "SUB", "THE", "EN", "AT"};
  // Each segment, last first (the town usually comes last): as a whole; then as a compound name
  // of two known places, matched before its last word alone; then its trailing words.
  for (auto s = segments.rbegin(); s != segments.rend(); ++s) {
    if (const int32_t whole = locality_of(join(*s)); whole >= 0) return {whole};
    for (size_t k = 1; k < s->size(); ++k) {
      if (kJoining.count((*s)[k - 1])) continue;  // a head never ends on a joining word
      size_t tail = k;
      while (tail + 1 < s->size() && kJoining.count((*s)[tail])) ++tail;
      const int32_t head = locality_of(join(*s, 0, k)), last = locality_of(join(*s, tail));
      if (head < 0 || last < 0) continue;
      if (!locality_pairs_.count(pair_key(head, last))) return {head};  // two places that never meet: the name's own
      const bool head_narrower = localities_[static_cast<size_t>(head)].n <= localities_[static_cast<size_t>(last)].n;
      return head_narrower ? Place{head, last} : Place{last, head};
    }
    for (size_t from = 1; from < s->size() && !whole_names; ++from) {
      if (const int32_t l = locality_of(join(*s, from)); l >= 0) return {l};
    }
  }
  if (whole_names) return {};
  // A typo in a town name: the nearest name within the allowed edits, unless two are as near.
  for (auto s = segments.rbegin(); s != segments.rend(); ++s) {
    const int64_t found =
        nearest_name(join(*s), localities_.size(), [&](size_t l) -> const std::string& { return localities_[l].name; });
    if (found >= 0) {
      fuzzy = true;
      return {static_cast<int32_t>(found)};
    }
  }
  return {};
}

const std::vector<uint32_t>* Geocoder::find_street(const std::string& name, int32_t locality, double near_x,
                                                   double near_y, bool& fuzzy) const {
  fuzzy = false;
  if (const auto it = street_points_.find(name); it != street_points_.end()) return &it->second;
  if (allowed_edits(name) == 0) return nullptr;
  // Candidates: the streets near the postcode, or in the town.
  std::vector<uint32_t> candidates;
  if (!std::isnan(near_x)) {
    const double r = options_.street_postcode_max_m;
    point_tree_->within(near_x, near_y, r * r, [&](uint32_t i, double) { candidates.push_back(point_street_[i]); });
  } else if (locality >= 0) {
    for (size_t i = 0; i < points_.size(); ++i) {
      if (in_locality(points_[i], locality)) candidates.push_back(point_street_[i]);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const int64_t found =
      nearest_name(name, candidates.size(), [&](size_t i) -> const std::string& { return street_names_[candidates[i]]; });
  if (found < 0) return nullptr;
  fuzzy = true;
  return &street_points_.at(street_names_[candidates[static_cast<size_t>(found)]]);
}

AddressPlacer Geocoder::placer(int min_score) const {
  return [this, min_score](std::string_view address) {
    const GeocodeResult r = geocode(address);
    if (r.level == MatchLevel::none) return PlacedAddress{false, 0, 0, r.reason};
    if (r.score < min_score) return PlacedAddress{false, 0, 0, "geocode score below min_score"};
    return PlacedAddress{true, r.x, r.y, {}};
  };
}

GeocodeResult Geocoder::geocode(std::string_view address) const {
  GeocodeResult r;
  if (address.size() > options_.max_address_bytes) {
    r.reason = "address longer than the limit (1,024 bytes)";
    return r;
  }
  // Segments between commas (or semicolons, line ends), as normalised words.
  std::vector<Words> segments;
  size_t start = 0;
  for (size_t i = 0; i <= address.size(); ++i) {
    if (i == address.size() || address[i] == ',' || address[i] == ';' || address[i] == '\n' || address[i] == '\r' ||
        address[i] == '|') {
      Words w = name_words(address.substr(start, i - start));
      w.erase(std::remove_if(w.begin(), w.end(), [](const std::string& x) { return is_noise_word(x); }), w.end());
      if (!w.empty()) segments.push_back(std::move(w));
      start = i + 1;
    }
  }
  if (segments.empty()) {
    r.reason = address.find_first_not_of(" \t\r\n") == std::string_view::npos ? "empty address"
                                                                               : "no letters or digits in the address";
    return r;
  }
  // The postcode: one word ("NG177AS") or two ("NG17 7AS"), searched from the end. name_words
  // expanded nothing in it: postcodes hold digits, and the expansions are all letters.
  std::optional<Postcode> postcode;
  for (auto s = segments.rbegin(); s != segments.rend() && !postcode; ++s) {
    for (size_t i = s->size(); i-- > 0 && !postcode;) {
      if (i + 1 < s->size()) {
        if ((postcode = parse_postcode((*s)[i] + (*s)[i + 1]))) {
          s->erase(s->begin() + static_cast<std::ptrdiff_t>(i), s->begin() + static_cast<std::ptrdiff_t>(i) + 2);
          break;
        }
      }
      if ((postcode = parse_postcode((*s)[i]))) s->erase(s->begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  drop_empty(segments);
  // Where-words, a flat or unit and its number, then the house number.
  std::string number;
  size_t street_segment = 0;
  for (size_t s = 0; s < segments.size(); ++s) {
    Words& w = segments[s];
    drop_leading_where(w);
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      if (w[i] == "FLAT" || w[i] == "APARTMENT" || w[i] == "APT" || w[i] == "UNIT" || w[i] == "ROOM" || w[i] == "FLT") {
        w.erase(w.begin() + static_cast<std::ptrdiff_t>(i), w.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        break;
      }
    }
  }
  drop_empty(segments);
  for (size_t s = 0; s < segments.size(); ++s) {
    Words& w = segments[s];
    size_t i = 0;
    while (i < w.size() && number_like(w[i])) ++i;  // "12 14 High Street" (12-14): the first number
    if (i > 0) {
      number = w[0];
      w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(i));
      street_segment = w.empty() ? s + 1 : s;
      break;
    }
  }
  drop_empty(segments);
  street_segment = std::min(street_segment, segments.empty() ? size_t{0} : segments.size() - 1);
  // The street: its segment up to the last street-type word; words after it name the town.
  std::string street;
  std::vector<Words> place_segments;
  if (!segments.empty()) {
    Words& w = segments[street_segment];
    size_t end = w.size();
    for (size_t i = w.size(); i-- > 1;) {
      if (is_street_type(w[i])) {
        end = i + 1;
        break;
      }
    }
    street = join(w, 0, end);
    if (end < w.size()) place_segments.emplace_back(w.begin() + static_cast<std::ptrdiff_t>(end), w.end());
    for (size_t s = street_segment + 1; s < segments.size(); ++s) place_segments.push_back(segments[s]);
  }
  bool fuzzy_town = false;
  Place place = find_place(place_segments, fuzzy_town);
  if (fuzzy_town) add_flag(r.flags, "fuzzy_town");
  // A lone segment may be the town, not a street ("Hucknall", "Mansfield Woodhouse").
  if (place_segments.empty() && !street.empty() && !street_points_.count(street)) {
    bool fuzzy = false;
    if (const Place named = find_place({segments[street_segment]}, fuzzy, true); named.town >= 0) {
      place = named;
      street.clear();
    }
  }
  const int32_t town = place.town;

  const Unit* unit = nullptr;
  if (postcode) {
    if (const auto it = unit_index_.find(postcode->unit()); it != unit_index_.end()) {
      unit = &units_[it->second];
    } else {
      add_flag(r.flags, "postcode_not_in_gazetteer");
    }
  }
  // 1. Full address.
  if (unit && !number.empty() && !address_index_.empty()) {
    if (const auto it = address_index_.find(postcode->unit() + "|" + number + "|" + street); it != address_index_.end()) {
      r.level = MatchLevel::address;
      r.score = 100;
      std::tie(r.x, r.y) = address_xy_[it->second];
      r.locality = unit->town >= 0 ? unit->town : unit->district;
      return r;
    }
  }
  // 2. Street within postcode.
  if (unit && !street.empty()) {
    bool fuzzy = false;
    if (const auto* pts = find_street(street, -1, unit->x, unit->y, fuzzy)) {
      double best = std::numeric_limits<double>::infinity();
      const Point* nearest = nullptr;
      for (uint32_t i : *pts) {
        const double d = std::hypot(points_[i].x - unit->x, points_[i].y - unit->y);
        if (d < best) best = d, nearest = &points_[i];
      }
      if (best <= options_.street_postcode_max_m) {
        r.level = MatchLevel::street_in_postcode;
        r.score = fuzzy ? 88 : 95;
        if (fuzzy) add_flag(r.flags, "fuzzy_street");
        r.x = nearest->x;
        r.y = nearest->y;
        r.locality = unit->town >= 0 ? unit->town : unit->district;
        return r;
      }
      add_flag(r.flags, "street_far_from_postcode");
    } else {
      add_flag(r.flags, "street_not_found");
    }
  }
  // 3. Street within town (the postcode, when given, was not found or did not hold the street).
  if (!unit && !street.empty()) {
    bool fuzzy = false;
    if (const auto* pts = find_street(street, town, std::nan(""), std::nan(""), fuzzy)) {
      // The street's points in the town; with no town, all of them if they lie in one place.
      std::vector<const Point*> here;
      for (uint32_t i : *pts) {
        if (town < 0 || in_place(points_[i], place)) here.push_back(&points_[i]);
      }
      if (!here.empty()) {
        double sx = 0, sy = 0;
        for (const Point* p : here) sx += p->x, sy += p->y;
        sx /= static_cast<double>(here.size());
        sy /= static_cast<double>(here.size());
        // Towns with this street name, and how far apart its points are.
        // (Two wards of one name in two districts are one town name: the districts tell them apart.)
        std::set<int32_t> towns, districts;
        double spread = 0;
        for (const Point* p : here) {
          towns.insert(p->town);
          districts.insert(p->district);
          spread = std::max(spread, std::hypot(p->x - sx, p->y - sy));
        }
        if (spread > options_.ambiguous_apart_m / 2 && (town < 0 || towns.size() > 1 || districts.size() > 1)) {
          r.reason = postcode ? "postcode not in the gazetteer, and the street is in more than one place"
                              : "ambiguous: the street is in more than one place and no postcode or town tells them apart";
          add_flag(r.flags, "ambiguous");
          return r;
        }
        const Point* mid = here.front();
        double best = std::numeric_limits<double>::infinity();
        for (const Point* p : here) {
          const double d = std::hypot(p->x - sx, p->y - sy);
          if (d < best) best = d, mid = p;
        }
        r.level = MatchLevel::street_in_town;
        r.score = town < 0 ? 70 : fuzzy ? 80 : 85;
        if (fuzzy) add_flag(r.flags, "fuzzy_street");
        if (town < 0) add_flag(r.flags, "no_town_given");
        r.x = mid->x;
        r.y = mid->y;
        r.locality = town >= 0 ? town : mid->town;
        return r;
      }
    }
  }
  // 4. Postcode unit.
  if (unit) {
    r.level = MatchLevel::postcode;
    r.score = r.flags.find("street_far_from_postcode") != std::string::npos ? 60 : street.empty() ? 80 : 75;
    r.x = unit->x;
    r.y = unit->y;
    r.locality = unit->town >= 0 ? unit->town : unit->district;
    return r;
  }
  // 5. Postcode sector.
  if (postcode) {
    if (const auto it = sectors_.find(postcode->sector()); it != sectors_.end()) {
      r.level = MatchLevel::sector;
      r.score = 50;
      r.x = it->second.sx / static_cast<double>(it->second.n);
      r.y = it->second.sy / static_cast<double>(it->second.n);
      r.locality = town;
      return r;
    }
  }
  // 6. Town (of a compound name, where its two places meet).
  if (town >= 0) {
    const auto pair = place.within >= 0 ? locality_pairs_.find(pair_key(town, place.within)) : locality_pairs_.end();
    const Locality& l = localities_[static_cast<size_t>(town)];
    const double n = pair != locality_pairs_.end() ? static_cast<double>(pair->second.n) : static_cast<double>(l.n);
    if (n > 0) {
      r.level = MatchLevel::town;
      r.score = 30;
      r.x = (pair != locality_pairs_.end() ? pair->second.sx : l.sx) / n;
      r.y = (pair != locality_pairs_.end() ? pair->second.sy : l.sy) / n;
      r.locality = town;
      return r;
    }
  }
  r.reason = postcode ? "postcode not in the gazetteer, and no street or town matched"
                      : "no postcode, street or town recognised (not a UK address in the gazetteers?)";
  return r;
}

}  // namespace hotspot
