// SPDX-License-Identifier: Apache-2.0
#include "places/address/address_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hotspot {
namespace {

// Royal Mail's and the common typed abbreviations of street types, and their full words.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kStreetTypes = {{
    {"AVE", "AVENUE"},     {"AV", "AVENUE"},       {"BLVD", "BOULEVARD"}, {"CL", "CLOSE"},
    {"CRES", "CRESCENT"},  {"CRESC", "CRESCENT"},  {"CT", "COURT"},       {"CRT", "COURT"},
    {"DR", "DRIVE"},       {"DRV", "DRIVE"},       {"GDNS", "GARDENS"},   {"GDN", "GARDENS"},
    {"GRN", "GREEN"},      {"GR", "GROVE"},        {"GRV", "GROVE"},      {"HL", "HILL"},
    {"LN", "LANE"},        {"MT", "MOUNT"},        {"PDE", "PARADE"},     {"PK", "PARK"},
    {"PL", "PLACE"},       {"RD", "ROAD"},         {"SQ", "SQUARE"},      {"TER", "TERRACE"},
    {"TERR", "TERRACE"},   {"TCE", "TERRACE"},     {"WK", "WALK"},        {"WY", "WAY"},
    {"APPROACH", "APPROACH"}, {"CLS", "CLOSE"},    {"CIR", "CIRCLE"},     {"CRT", "COURT"},
    {"EST", "ESTATE"},     {"GT", "GATE"},         {"HTS", "HEIGHTS"},    {"LA", "LANE"},
    {"MWS", "MEWS"},       {"RI", "RISE"},         {"ROW", "ROW"},        {"VW", "VIEW"},
}};

constexpr std::array<std::string_view, 46> kStreetTypeWords = {
    "ROAD",    "STREET",  "AVENUE",  "CLOSE", "CRESCENT", "DRIVE",    "LANE",     "GARDENS", "TERRACE", "PLACE",
    "COURT",   "SQUARE",  "GROVE",   "GREEN", "HILL",     "MOUNT",    "PARADE",   "PARK",    "WALK",    "WAY",
    "BOULEVARD", "RISE",  "ROW",     "VIEW",  "MEWS",     "GATE",     "YARD",     "PAVEMENT", "APPROACH", "CIRCLE",
    "ESTATE",  "HEIGHTS", "WHARF",   "VALE",  "WALKWAY",  "LINK",     "CROFT",    "FIELDS",  "MEADOW",  "MEADOWS",
    "BANK",    "END",     "SIDE",    "BRIDGE", "CHASE",   "GROUND"};

// County and country words, dropped wherever they stand as words of their own.
constexpr std::array<std::string_view, 7> kNoise = {"NOTTS", "NOTTINGHAMSHIRE", "UK", "ENGLAND", "GB", "DERBYSHIRE",
                                                    "LINCS"};

constexpr std::array<std::string_view, 5> kCompass = {"NORTH", "SOUTH", "EAST", "WEST", "CENTRAL"};

std::string_view expand(std::string_view word) {
  for (const auto& [abbr, full] : kStreetTypes) {
    if (word == abbr) return full;
  }
  return word;
}

}  // namespace

std::vector<std::string> name_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) continue;  // not ASCII: dropped (mixed encodings must not break a row)
    if (std::isalnum(c)) {
      word += static_cast<char>(std::toupper(c));
    } else if (c == '\'' || c == '.') {
      continue;  // ST. ANN'S -> ST ANNS
    } else {
      flush();
    }
  }
  flush();
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "ST") {
      words[i] = (i + 1 == words.size()) ? "STREET" : "SAINT";
    } else {
      words[i] = std::string(expand(words[i]));
    }
  }
  return words;
}

std::string normalise_name(std::string_view text) {
  std::string out;
  for (const auto& w : name_words(text)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool is_street_type(std::string_view word) {
  return std::find(kStreetTypeWords.begin(), kStreetTypeWords.end(), word) != kStreetTypeWords.end();
}

bool is_noise_word(std::string_view word) { return std::find(kNoise.begin(), kNoise.end(), word) != kNoise.end(); }

std::string locality_from_ward(std::string_view ward_name) {
  std::string name(ward_name);
  if (const auto open = name.find('('); open != std::string::npos) {
    const auto close = name.find(')', open);
    name.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  std::vector<std::string> words = name_words(name);
  if (!words.empty() && words.back() == "WARD") words.pop_back();
  while (words.size() > 1 && std::find(kCompass.begin(), kCompass.end(), words.back()) != kCompass.end()) words.pop_back();
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string locality_from_district(std::string_view district_name) {
  std::string name(district_name);
  for (const char* suffix : {" (B)", " District", " City", " County"}) {
    if (const auto at = name.find(suffix); at != std::string::npos) name.erase(at, std::string(suffix).size());
  }
  if (name.rfind("City of ", 0) == 0) name.erase(0, 8);
  return normalise_name(name);
}

}  // namespace hotspot
