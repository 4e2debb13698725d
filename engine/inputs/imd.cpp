// SPDX-License-Identifier: Apache-2.0
#include "inputs/imd.hpp"

#include <charconv>
#include <functional>
#include <vector>

#include "core/errors.hpp"
#include "core/network.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {
namespace {

// Field whose name starts with `prefix` (case-insensitive), or -1.
int field_starting(const OGRFeatureDefn& defn, const std::string& prefix) {
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    if (EQUALN(defn.GetFieldDefn(i)->GetNameRef(), prefix.c_str(), prefix.size())) return i;
  }
  return -1;
}

int require_field(const OGRFeatureDefn& defn, const std::string& prefix, const std::string& path) {
  const int i = field_starting(defn, prefix);
  if (i < 0) throw DataError("IMD file '" + path + "': no column starting '" + prefix + "'");
  return i;
}

// "29,199" or "29199" -> 29199. Thousands separators are allowed, nothing else.
std::optional<long long> parse_count(const char* text) {
  std::string digits;
  for (const char* p = text; p && *p; ++p) {
    if (*p == ',') continue;
    if (*p == ' ' && digits.empty()) continue;
    digits += *p;
  }
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
  return value;
}

// Every column as text, so that "29,199" reaches parse_count intact.
GDALDatasetUniquePtr open_imd_csv(const std::string& path, const std::string& what) {
  // Only the CSV driver reads the IoD2019 files: a layer of polygons is boundaries, so say so.
  refuse_network_source(path, what);
  if (GDALDatasetUniquePtr other{GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY)}) {
    if (!EQUAL(other->GetDriver()->GetDescription(), "CSV") && other->GetLayerCount() > 0 &&
        other->GetLayer(0)->GetGeomType() != wkbNone) {
      throw DataError(what + " '" + path + "': a layer of " + other->GetDriver()->GetDescription() +
                      " geometries, not an IoD2019 CSV; this looks like boundaries: pass it as --boundaries");
    }
  }
  return open_vector(path, what, {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO"}, {"CSV"});
}

// Calls `row(feature, number)` for every row of the CSV `ds` read from `path`, where number(field)
// parses a count or throws naming file, line and column. Only the `used` fields are given values
// (the domains file has 32 columns, 8 of them read).
void for_each_row(GDALDataset& ds, const std::string& path, const std::vector<int>& used,
                  const std::function<void(OGRFeature&, const std::function<long long(int)>&)>& row) {
  OGRLayer* layer = ds.GetLayer(0);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  read_only_fields(*layer, used);
  for (auto& feature : CheckedFeatures(*layer, "IMD file", path)) {
    const auto number = [&](int field) -> long long {
      const auto v = parse_count(feature->GetFieldAsString(field));
      if (!v) {
        throw DataError("IMD file '" + path + "' line " + std::to_string(feature->GetFID() + 1) + " column '" +
                        defn.GetFieldDefn(field)->GetNameRef() + "': not a whole number");
      }
      return *v;
    };
    row(*feature, number);
  }
}

}  // namespace

const ImdRecord* Imd::find(const std::string& code) const {
  const auto it = by_code.find(code);
  return it == by_code.end() ? nullptr : &it->second;
}

Imd read_imd(const std::string& file1, const std::string& file2, const std::string& file6) {
  Imd imd;
  {
    auto ds = open_imd_csv(file1, "IMD file");
    const OGRFeatureDefn& defn = *ds->GetLayer(0)->GetLayerDefn();
    const int code = require_field(defn, "LSOA code", file1);
    const int rank = require_field(defn, "Index of Multiple Deprivation (IMD) Rank", file1);
    const int decile = require_field(defn, "Index of Multiple Deprivation (IMD) Decile", file1);
    const int lad_code = field_starting(defn, "Local Authority District code");
    const int lad_name = field_starting(defn, "Local Authority District name");
    for_each_row(*ds, file1, {code, rank, decile, lad_code, lad_name}, [&](OGRFeature& f, const auto& number) {
      ImdRecord& r = imd.by_code[f.GetFieldAsString(code)];
      r.rank = static_cast<int>(number(rank));
      r.decile = static_cast<int>(number(decile));
      if (r.decile < 1 || r.decile > 10) {
        throw DataError("IMD file '" + file1 + "' line " + std::to_string(f.GetFID() + 1) + ": decile " +
                        std::to_string(r.decile) + " is not 1..10");
      }
      if (lad_code >= 0) r.district_code = f.GetFieldAsString(lad_code);
      if (lad_name >= 0) r.district_name = as_utf8(f.GetFieldAsString(lad_name));
    });
  }
  if (imd.by_code.empty()) throw DataError("IMD file '" + file1 + "': no rows");

  if (!file2.empty()) {
    auto ds = open_imd_csv(file2, "IMD domains file");
    const OGRFeatureDefn& defn = *ds->GetLayer(0)->GetLayerDefn();
    const int code = require_field(defn, "LSOA code", file2);
    static constexpr std::array<const char*, 7> kPrefixes = {
        "Income Decile", "Employment Decile", "Education, Skills and Training Decile",
        "Health Deprivation and Disability Decile", "Crime Decile", "Barriers to Housing and Services Decile",
        "Living Environment Decile"};
    std::array<int, 7> fields{};
    for (size_t d = 0; d < fields.size(); ++d) fields[d] = require_field(defn, kPrefixes[d], file2);
    std::vector<int> used(fields.begin(), fields.end());
    used.push_back(code);
    for_each_row(*ds, file2, used, [&](OGRFeature& f, const auto& number) {
      auto it = imd.by_code.find(f.GetFieldAsString(code));
      if (it == imd.by_code.end()) return;  // reported through the boundary join, not here
      for (size_t d = 0; d < fields.size(); ++d) it->second.domain_deciles[d] = static_cast<int>(number(fields[d]));
    });
    imd.has_domains = true;
  }

  if (!file6.empty()) {
    auto ds = open_imd_csv(file6, "IMD population file");
    const OGRFeatureDefn& defn = *ds->GetLayer(0)->GetLayerDefn();
    const int code = require_field(defn, "LSOA code", file6);
    const int total = require_field(defn, "Total population", file6);
    for_each_row(*ds, file6, {code, total}, [&](OGRFeature& f, const auto& number) {
      auto it = imd.by_code.find(f.GetFieldAsString(code));
      if (it != imd.by_code.end()) it->second.population = static_cast<double>(number(total));
    });
    imd.has_population = true;
  }
  return imd;
}

}  // namespace hotspot
