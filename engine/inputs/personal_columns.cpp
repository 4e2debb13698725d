// SPDX-License-Identifier: Apache-2.0
#include "inputs/personal_columns.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace hotspot {
namespace {

// The name as words: lower case, split at anything not a letter or digit ("Date of Birth" ->
// date, of, birth; "suspectName" stays one word: suspectname).
std::vector<std::string> words_of(std::string_view column) {
  std::vector<std::string> words(1);
  for (const char c : column) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

template <size_t N>
bool any_of_words(const std::vector<std::string>& words, const std::array<std::string_view, N>& list) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return std::find(list.begin(), list.end(), w) != list.end(); });
}

}  // namespace

bool looks_personal(std::string_view column) {
  const std::vector<std::string> words = words_of(column);
  if (words.empty()) return false;
  std::string joined;
  for (const auto& w : words) joined += w;
  // Words that mark a personal column wherever they stand.
  static constexpr std::array<std::string_view, 27> kPersonal = {
      "forename", "forenames", "surname", "surnames", "firstname", "lastname", "fullname", "givenname",
      "middlename", "familyname", "maidenname", "alias", "aliases", "nickname", "dob", "birth", "birthday",
      "birthdate", "nhs", "nino", "pnc", "cro", "passport", "phone", "telephone", "mobile", "email"};
  if (any_of_words(words, kPersonal)) return true;
  // Run-together forms of the same ("DateOfBirth", "suspectsurname", "E-mail").
  static constexpr std::array<std::string_view, 12> kJoined = {
      "dateofbirth", "placeofbirth", "forename", "surname", "firstname", "lastname", "fullname",
      "nationalinsurance", "drivinglicence", "phonenumber", "email", "postcode"};
  for (const auto& j : kJoined) {
    if (joined.find(j) != std::string::npos) return true;
  }
  // Addresses: every address column, not only the geocoded ones.
  static constexpr std::array<std::string_view, 6> kAddress = {"address", "addresses", "addr", "postcode", "house", "flat"};
  if (any_of_words(words, kAddress) || joined.find("address") != std::string::npos) return true;
  // "name" alone, or a person's role and a name ("suspect name", "OffenderName"), not a place's.
  static constexpr std::array<std::string_view, 15> kPeople = {
      "suspect", "offender", "victim", "person", "witness", "nominal", "subject", "accused", "perpetrator",
      "informant", "officer", "reporter", "caller", "complainant", "driver"};
  const bool has_name = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "name" || w == "names"; });
  if (words.size() == 1 && has_name) return true;
  for (const auto& role : kPeople) {
    if (joined.find(role) != std::string::npos && joined.find("name") != std::string::npos) return true;
  }
  return false;
}

}  // namespace hotspot
