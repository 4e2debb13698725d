// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cpl_json.h>

#include "outputs/web/map_html.hpp"

using namespace hotspot;

TEST_CASE("map.html: the layers' JSON holds each layer's GeoJSON as given, and nothing in it ends the script", "[web]") {
  WebPage page{"Title", "OFFICIAL", {}};
  page.layers.push_back({"Hotspots </script><b>", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"rank": 1, "name": "A </script> street"}, "geometry": {"type": "Point", "coordinates": [-1.2, 53.1]}},
    {"type": "Feature", "properties": {"rank": 2, "name": "B"}, "geometry": null}]}
)", "#b2182b", 0.4, "rank", true});
  page.layers.push_back({"Empty", "", "#333333", 0.0, "", false});
  const std::string html = map_html(page);
  const std::string open = R"(<script type="application/json" id="layers">)";
  const size_t from = html.find(open);
  REQUIRE(from != std::string::npos);
  const size_t begin = from + open.size(), end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  std::string json = html.substr(begin, end - begin);
  CHECK(json.find("</") == std::string::npos);  // the element ends only at its own </script>
  CPLJSONDocument doc;
  REQUIRE(doc.LoadMemory(json));  // "<\/" is JSON for "</"
  const CPLJSONArray layers = doc.GetRoot().ToArray();
  REQUIRE(layers.Size() == 2);
  CHECK(layers[0].GetString("name") == "Hotspots </script><b>");
  CHECK(layers[0].GetString("colour") == "#b2182b");
  CHECK(layers[0].GetDouble("fill_opacity") == 0.4);
  CHECK(layers[0].GetBool("shown"));
  const CPLJSONArray features = layers[0].GetArray("data/features");
  REQUIRE(features.Size() == 2);
  CHECK(features[0].GetString("properties/name") == "A </script> street");
  CHECK(features[1].GetInteger("properties/rank") == 2);
  CHECK(!layers[1].GetObj("data").IsValid());  // no GeoJSON: no data
  CHECK(!layers[1].GetBool("shown", true));
}
