// SPDX-License-Identifier: Apache-2.0
#include "inputs/gazetteers.hpp"

#include <unordered_set>

#include "core/crs.hpp"
#include "core/errors.hpp"
#include "core/gdal_handles.hpp"
#include "inputs/number_text.hpp"
#include "core/postcode.hpp"

namespace hotspot {
namespace {

bool number(const char* text, double& out) { return parse_number(text, out) == Parse::ok; }

int field(const OGRFeatureDefn& defn, const std::string& given, const std::vector<std::string>& candidates,
          const std::string& what, const std::string& path, bool required) {
  const int i = given.empty() ? find_field(defn, candidates) : find_field(defn, {given});
  if (i < 0 && (required || !given.empty())) {
    throw UsageError(what + " '" + path + "': no " + (given.empty() ? candidates.front() : given) + " column");
  }
  return i;
}

}  // namespace

PostcodeGazetteer read_postcodes(const std::string& path, const PostcodeColumns& c) {
  // Code-Point Open has no header row: if the first "column name" is itself a postcode, reopen
  // the file with HEADERS=NO and take Code-Point's column positions.
  GDALDatasetUniquePtr ds = open_vector(path, "postcodes");
  OGRLayer* layer = pick_layer(*ds, "", path);
  const std::string first = layer->GetLayerDefn()->GetFieldDefn(0)->GetNameRef();
  const bool codepoint = first == "field_1" || parse_postcode(first).has_value();  // GDAL may see there is no header
  if (first != "field_1" && codepoint) {
    ds = open_vector(path, "postcodes", {"HEADERS=NO"});
    layer = pick_layer(*ds, "", path);
  }
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  int pc, xi = -1, yi = -1, loni = -1, lati = -1, di, wi;
  if (codepoint) {
    if (defn.GetFieldCount() < 4) throw DataError("postcodes '" + path + "': fewer than 4 columns for Code-Point Open");
    pc = 0, xi = 2, yi = 3;
    di = defn.GetFieldCount() >= 9 ? 8 : -1;
    wi = defn.GetFieldCount() >= 10 ? 9 : -1;
  } else {
    pc = field(defn, c.postcode, {"pcds", "pcd", "postcode", "pcd7", "pcd8"}, "postcodes", path, true);
    xi = field(defn, c.x, {"oseast1m", "eastings", "easting", "x"}, "postcodes", path, false);
    yi = field(defn, c.y, {"osnrth1m", "northings", "northing", "y"}, "postcodes", path, false);
    if (xi < 0 || yi < 0) {
      loni = field(defn, c.lon, {"long", "lon", "longitude"}, "postcodes", path, true);
      lati = field(defn, c.lat, {"lat", "latitude"}, "postcodes", path, true);
    }
    di = field(defn, c.district, {"oslaua", "lad", "district", "admin_district_code"}, "postcodes", path, false);
    wi = field(defn, c.ward, {"osward", "ward", "admin_ward_code"}, "postcodes", path, false);
  }
  const TransformPtr ct =
      loni >= 0 ? to_working_crs(crs_from_user("EPSG:4326", "postcodes"), "postcodes '" + path + "'") : nullptr;
  PostcodeGazetteer g;
  std::unordered_set<std::string> seen;
  for (auto& f : CheckedFeatures(*layer, "postcodes", path)) {
    ++g.rows;
    const auto code = parse_postcode(f->GetFieldAsString(pc));
    double x, y;
    const bool have = loni >= 0 ? number(f->GetFieldAsString(loni), x) && number(f->GetFieldAsString(lati), y) &&
                                      ct->Transform(1, &x, &y)
                                : number(f->GetFieldAsString(xi), x) && number(f->GetFieldAsString(yi), y);
    if (!code || !have || (x == 0 && y == 0)) {  // ONSPD writes 0,0 for units without a grid reference
      ++g.unusable;
      continue;
    }
    PostcodeRecord r{code->unit(), x, y, di >= 0 ? f->GetFieldAsString(di) : "", wi >= 0 ? f->GetFieldAsString(wi) : ""};
    if (!seen.insert(r.unit).second) {
      ++g.duplicates;
      if (g.duplicate_units.size() < 1000) g.duplicate_units.push_back(r.unit);
      continue;
    }
    g.units.push_back(std::move(r));
  }
  if (g.units.empty()) throw DataError("postcodes '" + path + "': no usable postcode rows");
  return g;
}

std::vector<StreetRecord> read_streets(const std::string& path) {
  GDALDatasetUniquePtr ds = open_vector(path, "streets");
  OGRLayer* layer = pick_layer(*ds, "", path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const int name = field(defn, "", {"street", "street_name", "name", "road_name"}, "streets", path, true);
  const int locality = find_field(defn, {"locality", "town", "town_name", "place"});
  const int district = find_field(defn, {"district", "lad", "district_code"});
  const int xi = find_field(defn, {"x", "easting"}), yi = find_field(defn, {"y", "northing"});
  TransformPtr ct;
  if (xi < 0 || yi < 0) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs) throw DataError("streets '" + path + "': no x/y columns and no CRS for its geometries");
    ct = to_working_crs(*srs, "streets '" + path + "'");
  }
  std::vector<StreetRecord> out;
  for (auto& f : CheckedFeatures(*layer, "streets", path)) {
    StreetRecord r{as_utf8(f->GetFieldAsString(name)), locality >= 0 ? as_utf8(f->GetFieldAsString(locality)) : "",
                   district >= 0 ? f->GetFieldAsString(district) : ""};
    if (r.name.empty()) continue;
    if (xi >= 0) {
      if (number(f->GetFieldAsString(xi), r.x) && number(f->GetFieldAsString(yi), r.y)) out.push_back(r);
      continue;
    }
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty() || g->transform(ct.get()) != OGRERR_NONE) continue;
    if (auto* p = dynamic_cast<OGRPoint*>(g)) {
      r.x = p->getX();
      r.y = p->getY();
      out.push_back(r);
    } else if (auto* l = dynamic_cast<OGRSimpleCurve*>(g)) {
      for (int i = 0; i < l->getNumPoints(); ++i) {
        r.x = l->getX(i);
        r.y = l->getY(i);
        out.push_back(r);
      }
    }
  }
  return out;
}

std::vector<AddressRecord> read_addresses(const std::string& path) {
  GDALDatasetUniquePtr ds = open_vector(path, "addresses");
  OGRLayer* layer = pick_layer(*ds, "", path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const int uprn = find_field(defn, {"uprn"});
  const int sao = find_field(defn, {"sao", "sao_text", "flat"});
  const int pao = field(defn, "", {"pao", "pao_text", "building_number", "number"}, "addresses", path, true);
  const int street = field(defn, "", {"street", "street_description", "street_name"}, "addresses", path, true);
  const int locality = find_field(defn, {"locality", "dependent_locality"});
  const int town = find_field(defn, {"town", "town_name", "post_town"});
  const int postcode = field(defn, "", {"postcode", "postcode_locator"}, "addresses", path, true);
  const int xi = field(defn, "", {"x", "x_coordinate", "easting"}, "addresses", path, true);
  const int yi = field(defn, "", {"y", "y_coordinate", "northing"}, "addresses", path, true);
  std::vector<AddressRecord> out;
  auto text = [](OGRFeature& f, int i) { return i >= 0 ? as_utf8(f.GetFieldAsString(i)) : std::string(); };
  for (auto& f : CheckedFeatures(*layer, "addresses", path)) {
    AddressRecord r{text(*f, uprn), text(*f, sao), text(*f, pao), text(*f, street), text(*f, locality), text(*f, town),
                    text(*f, postcode)};
    if (number(f->GetFieldAsString(xi), r.x) && number(f->GetFieldAsString(yi), r.y)) out.push_back(std::move(r));
  }
  return out;
}

AreaNames read_area_names(const std::string& path) {
  GDALDatasetUniquePtr ds = open_vector(path, "localities");
  OGRLayer* layer = pick_layer(*ds, "", path);
  const OGRFeatureDefn& defn = *layer->GetLayerDefn();
  const int sheet = find_field(defn, {"sheet", "type"});
  const int code = field(defn, "", {"code"}, "localities", path, true);
  const int name = field(defn, "", {"name"}, "localities", path, true);
  AreaNames out;
  for (auto& f : CheckedFeatures(*layer, "localities", path)) {
    const std::string s = sheet >= 0 ? f->GetFieldAsString(sheet) : "";
    const std::string c = f->GetFieldAsString(code);
    const std::string n = as_utf8(f->GetFieldAsString(name));
    // Code-Point's sheets: DIW, LBW, MTW, UTE, UTW are wards; DIS, LBO, MTD, UTA districts.
    if (s == "DIS" || s == "LBO" || s == "MTD" || s == "UTA" || c.rfind("E06", 0) == 0 || c.rfind("E07", 0) == 0 ||
        c.rfind("E08", 0) == 0 || c.rfind("E09", 0) == 0 || c.rfind("W06", 0) == 0) {
      out.districts[c] = n;
    } else if (s == "CTY" || c.rfind("E10", 0) == 0) {
      continue;
    } else {
      out.wards[c] = n;
    }
  }
  return out;
}

}  // namespace hotspot
