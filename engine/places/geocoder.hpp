// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/point_index.hpp"
#include "inputs/gazetteers.hpp"
#include "inputs/incidents.hpp"

namespace hotspot {

// How precisely an address was placed, best first. docs/method.md gives the score of each.
enum class MatchLevel { none, town, sector, postcode, street_in_town, street_in_postcode, address };
std::string_view to_string(MatchLevel level);

struct GeocodeOptions {
  double street_postcode_max_m = 1000;  // a street must have a point this close to the postcode to match within it
  double ambiguous_apart_m = 2000;      // one street name in two places this far apart, none named: ambiguous
  size_t max_address_bytes = 1024;
};

struct GeocodeResult {
  MatchLevel level = MatchLevel::none;
  int score = 0;        // 0..100
  double x = 0, y = 0;  // EPSG:27700
  int32_t locality = -1;  // Geocoder::locality_name
  std::string flags;      // ';'-separated: fuzzy_street, fuzzy_town, postcode_not_in_gazetteer, ...
  std::string_view reason;  // why nothing matched (level none); a fixed text, never the address
};

// An offline geocoder over the gazetteers: UK address parsing (postcode, flat, house number,
// street, town; abbreviations and noise words), then the cascade full address -> street within
// postcode -> street within town -> postcode unit -> postcode sector -> town, with edit-distance
// matching for typos. Localities (towns) come from the postcodes' ward and district names and
// from the streets' own locality field. Never logs or keeps the addresses it is given.
class Geocoder {
 public:
  Geocoder(const PostcodeGazetteer& postcodes, const std::vector<StreetRecord>& streets,
           const std::vector<AddressRecord>& addresses, const AreaNames& names, GeocodeOptions options = {});
  Geocoder(const Geocoder&) = delete;
  Geocoder& operator=(const Geocoder&) = delete;

  GeocodeResult geocode(std::string_view address) const;

  // The reader's address callback: a match scoring at least `min_score`, or the reason there is
  // none. The geocoder must outlive it.
  AddressPlacer placer(int min_score) const;

  const std::string& locality_name(int32_t locality) const { return localities_[static_cast<size_t>(locality)].name; }
  size_t postcode_count() const { return units_.size(); }
  size_t street_name_count() const { return street_points_.size(); }
  size_t locality_count() const { return localities_.size(); }

 private:
  struct Unit {
    double x, y;
    int32_t town, district;
  };
  struct Point {
    double x, y;
    int32_t town, district;
  };
  struct Locality {
    std::string name;
    double sx = 0, sy = 0;
    uint64_t n = 0;
  };
  struct Centroid {
    double sx = 0, sy = 0;
    uint64_t n = 0;
  };

  // The place an address names: a locality, or two that must both hold the point, as a compound
  // name says ("Mansfield Woodhouse": the Woodhouse ward within Mansfield district; "Kirkby in
  // Ashfield" where only Kirkby and Ashfield are known).
  struct Place {
    int32_t town = -1, within = -1;
  };
  int32_t locality_id(const std::string& name);
  int32_t locality_of(const std::string& name) const;
  // `whole_names`: a segment's whole words or a compound of them only, no trailing words, no typos.
  Place find_place(const std::vector<std::vector<std::string>>& segments, bool& fuzzy, bool whole_names = false) const;
  const std::vector<uint32_t>* find_street(const std::string& name, int32_t locality, double near_x, double near_y,
                                           bool& fuzzy) const;
  bool in_locality(const Point& p, int32_t locality) const { return p.town == locality || p.district == locality; }
  bool in_place(const Point& p, Place place) const {
    return in_locality(p, place.town) && (place.within < 0 || in_locality(p, place.within));
  }
  static uint64_t pair_key(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
  }

  GeocodeOptions options_;
  std::vector<Unit> units_;
  std::vector<double> unit_x_, unit_y_;
  std::unique_ptr<PointIndex> unit_tree_;
  std::unordered_map<std::string, uint32_t> unit_index_;
  std::unordered_map<std::string, Centroid> sectors_;
  std::vector<Locality> localities_;
  std::unordered_map<std::string, int32_t> locality_index_;
  std::unordered_map<uint64_t, Centroid> locality_pairs_;  // a unit's town and district, both ways: where they meet
  std::vector<Point> points_;
  std::vector<double> point_x_, point_y_;
  std::unique_ptr<PointIndex> point_tree_;
  std::vector<uint32_t> point_street_;  // street name index of each point
  std::vector<std::string> street_names_;
  std::unordered_map<std::string, std::vector<uint32_t>> street_points_;  // name -> points
  std::unordered_map<std::string, uint32_t> address_index_;  // "UNIT|NUMBER|STREET" -> address
  std::vector<std::pair<double, double>> address_xy_;
};

}  // namespace hotspot
