// SPDX-License-Identifier: Apache-2.0
// The address parser and postcode normaliser on any bytes: parse_postcode, the name words, and
// the geocoder's whole cascade over a small gazetteer (three postcodes, two towns, four streets).
#include <memory>
#include <string_view>

#include "core/postcode.hpp"
#include "places/address/address_words.hpp"
#include "places/geocoder.hpp"

using namespace hotspot;

namespace {
const Geocoder& geocoder() {
  static const auto g = [] {
    static const PostcodeGazetteer postcodes{{{"NG17 7AS", 450000, 360000, "E07000170", "E05012345"},
                                              {"NG18 1AA", 453000, 361000, "E07000174", "E05012346"},
                                              {"NG19 9ZZ", 452000, 364000, "E07000174", "E05012347"}}};
    static const std::vector<StreetRecord> streets{{"Coxmoor Road", "Kirkby in Ashfield", "", 450100, 360100},
                                                   {"High Street", "Mansfield", "", 453100, 361100},
                                                   {"High Street", "Mansfield Woodhouse", "", 452100, 364100},
                                                   {"Church Street", "", "", 453050, 361050}};
    static const std::vector<AddressRecord> addresses{
        {"1", "", "12", "Coxmoor Road", "", "Kirkby in Ashfield", "NG17 7AS", 450110, 360110}};
    AreaNames names;
    names.wards = {{"E05012345", "Kirkby Cross & Portland"}, {"E05012346", "Oak Tree"}, {"E05012347", "Woodhouse"}};
    names.districts = {{"E07000170", "Ashfield"}, {"E07000174", "Mansfield"}};
    return std::make_unique<Geocoder>(postcodes, streets, addresses, names);
  }();
  return *g;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto pc = parse_postcode(text)) {
    if (!parse_postcode(pc->unit())) __builtin_trap();  // a normalised postcode parses again
  }
  is_outward_code(text);
  normalise_name(text);
  locality_from_ward(text);
  locality_from_district(text);
  const GeocodeResult r = geocoder().geocode(text);
  if (r.score < 0 || r.score > 100) __builtin_trap();
  return 0;
}
