#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Independent references for the bundled example's places and indicators, which
tests/pipeline/indicators_test.cpp checks hotspot against.

Reads the bundled police.uk CSVs row by row (Python's csv module), keeps the serious-violence
rows whose point (reprojected to EPSG:27700 by GDAL's Python bindings) lies in the Ashfield or
Mansfield polygon of the bundled district shapefile, and counts them in the baseline 2023-07..2023-12
and the current 2024-01..2024-06:
  indicators: per district and crime-type group;
  places: per place of examples/ashfield-mansfield/tasking.toml, each found another way than the
          engine's: wards and the drawn estate by point in polygon (OGR's Intersects, no index),
          Coxmoor by the rows' Location text.
The change is tested with scipy's exact binomial test (the current count of the total, p = 6/12
under no change: R's poisson.test for two counts with equal exposures).

Run from the repository root (Debian 12: python3-gdal 3.6.2, python3-scipy 1.10.1):
  /usr/bin/python3 tests/pipeline/example_reference.py indicators > tests/pipeline/indicators_scipy.csv
  /usr/bin/python3 tests/pipeline/example_reference.py places > tests/pipeline/places_reference.csv
"""
import csv
import glob
import sys

from osgeo import ogr, osr
from scipy.stats import binomtest

SERIOUS_VIOLENCE = {"Violence and sexual offences", "Robbery", "Possession of weapons"}
BASELINE = ("2023-07", "2023-12")
CURRENT = ("2024-01", "2024-06")
COXMOOR = ["Coxmoor Road", "Harris Road", "Walesby Drive", "Waverley Close", "Richmond Road", "Farm View Road",
           "Glenside", "Wollaton Road", "Darley Avenue", "Hill View Road", "Beacon Drive", "Coniston Road"]

wgs84, bng = osr.SpatialReference(), osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
bng.ImportFromEPSG(27700)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_bng = osr.CoordinateTransformation(wgs84, bng)


def polygons(path, field, names):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = {}
    for f in layer:
        if f.GetField(field) in names:
            g = f.GetGeometryRef().Clone()
            if layer.GetSpatialRef().IsGeographic():
                g.Transform(to_bng)
            out[f.GetField(field)] = g
    return out


districts = polygons("shapefiles/nottinghamshire_districts.shp", "LADNM", {"Ashfield", "Mansfield"})
wards = polygons("shapefiles/nottinghamshire_wards2025.shp", "WD25NM", {"Oak Tree", "Kirkby Cross & Portland"})
estates = polygons("examples/ashfield-mansfield/estates.geojson", "name", {"Bellamy estate"})


def rows():
    """(district, place names, crime type, period) per serious-violence row in the two periods."""
    for path in sorted(glob.glob("examples/ashfield-mansfield/police-uk/*/*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                if not row["Longitude"] or row["Crime type"] not in SERIOUS_VIOLENCE:
                    continue
                month = row["Month"]
                period = ("baseline" if BASELINE[0] <= month <= BASELINE[1] else
                          "current" if CURRENT[0] <= month <= CURRENT[1] else None)
                if period is None:
                    continue
                x, y, _ = to_bng.TransformPoint(float(row["Longitude"]), float(row["Latitude"]))
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(x, y)
                district = next((n for n, g in districts.items() if g.Intersects(point)), None)
                if district is None:
                    continue
                places = [n for n, g in list(wards.items()) + list(estates.items()) if g.Intersects(point)]
                if row["Location"].removeprefix("On or near ") in COXMOOR:
                    places.append("Coxmoor")
                yield district, places, row["Crime type"], period


def write(table):
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow((["indicator", "area"] if sys.argv[1] == "indicators" else ["place", "group"]) + ["baseline", "current", "p_value"])
    for (name, group), n in table.items():
        b, c = n["baseline"], n["current"]
        out.writerow([name, group, b, c, repr(binomtest(c, b + c, 0.5).pvalue)])


table = {}
if sys.argv[1] == "indicators":
    for group in ("Serious violence", "Robbery"):
        for d in ("Ashfield", "Mansfield"):
            table[(group, d)] = {"baseline": 0, "current": 0}
    for district, _, crime_type, period in rows():
        table[("Serious violence", district)][period] += 1
        if crime_type == "Robbery":
            table[("Robbery", district)][period] += 1
else:
    for place in ("Oak Tree", "Kirkby Cross & Portland", "Bellamy estate", "Coxmoor"):
        for group in ["all"] + sorted(SERIOUS_VIOLENCE):
            table[(place, group)] = {"baseline": 0, "current": 0}
    for _, places, crime_type, period in rows():
        for place in places:
            table[(place, "all")][period] += 1
            table[(place, crime_type)][period] += 1
write(table)
