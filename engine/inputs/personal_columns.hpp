// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string_view>

namespace hotspot {

// Whether a column's name says it holds personal data a shared table must not carry: a person's
// name (name, forename, surname, suspect_name, ...), date or place of birth, an identifying number
// (NHS, National Insurance, PNC, CRO, passport, driving licence), a phone number or e-mail, or an
// address or postcode. Case, spaces, dots and dashes are ignored ("Date of Birth" is dob). Names
// of places are not people's: lsoa_name, ward_name, street_name, crime_name are kept.
bool looks_personal(std::string_view column);

}  // namespace hotspot
