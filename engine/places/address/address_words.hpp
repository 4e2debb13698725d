// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

// Words of a UK address line, normalised so that the ways people type the same place compare
// equal: upper case ASCII; apostrophes and full stops dropped ("St. Ann's" -> ST ANNS);
// hyphens, slashes and other punctuation become spaces ("Kirkby-in-Ashfield" = "Kirkby in
// Ashfield"); street-type abbreviations expanded (RD -> ROAD, AVE -> AVENUE, ...; ST is STREET
// at the end of a name and SAINT elsewhere). Bytes that are not ASCII are dropped.
std::vector<std::string> name_words(std::string_view text);

// name_words joined by single spaces: the key streets and localities are indexed by.
std::string normalise_name(std::string_view text);

// True for a street-type word after expansion (ROAD, STREET, AVENUE, CLOSE, ...).
bool is_street_type(std::string_view word);

// County and country words (NOTTS, NOTTINGHAMSHIRE, UK, ...): dropped before matching.
bool is_noise_word(std::string_view word);

// A town or place name from a 2014 ward name as Code-Point Open's code list gives it:
// "Kirkby in Ashfield East Ward" -> "KIRKBY IN ASHFIELD", "Eastwood North and Greasley
// (Beauvale) Ward" -> "EASTWOOD NORTH AND GREASLEY": " Ward", a bracketed part and trailing
// compass words (NORTH, SOUTH, EAST, WEST, CENTRAL) are dropped, then name_words applies.
std::string locality_from_ward(std::string_view ward_name);

// A district name from the code list ("Ashfield District", "Nottingham (B)") -> "ASHFIELD",
// "NOTTINGHAM".
std::string locality_from_district(std::string_view district_name);

}  // namespace hotspot
