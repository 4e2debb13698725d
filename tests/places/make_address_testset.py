#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Builds the geocoder's real-data test set, tests/places/address_testset.csv.gz, from the shared data,
independently of the engine's code (plain Python, GDAL only for the coordinate transformation).

Each row is a police.uk street snap point ("On or near <street>", police.uk's generic places such as
Supermarket or Parking Area left out) with:
- the nearest OS Code-Point Open postcode unit to it;
- its town: the name of that postcode's 2014 ward from codelist.csv without " Ward", a bracketed
  part, or trailing compass words (North, South, East, West, Central);
- an address written in one of eight messy forms, in turn: full; no postcode; postcode only (in
  random case and spacing); lower case; abbreviated (St, Rd, Ave, ..., hyphenated town, "Notts");
  a typo in the street name; a flat; no commas and no space in the postcode.
The true point is the snap point (EPSG:27700). 4,000 points are drawn with a fixed seed, among those
with an NG postcode unit within 500 m (the extract covers the NG postcode area only).

Usage: /usr/bin/python3 tests/places/make_address_testset.py ../shared/data tests/places/address_testset.csv.gz
"""
import csv
import glob
import gzip
import math
import os
import random
import re
import sys

from osgeo import osr

data, out_path = sys.argv[1], sys.argv[2]
PLACES = {"Supermarket", "Parking Area", "Shopping Area", "Petrol Station", "Nightclub", "Hospital", "Police Station",
          "Prison", "Motorway Service Area", "Airport", "Train Station", "Cinema", "Nature Reserve", "Museum", "Marina",
          "Pedestrian Subway", "Underground Station", "Mosque", "Church", "No Location"}
ABBREVIATIONS = {"Street": "St", "Road": "Rd", "Avenue": "Ave", "Close": "Cl", "Crescent": "Cres", "Drive": "Dr",
                 "Lane": "Ln", "Gardens": "Gdns", "Terrace": "Terr", "Place": "Pl", "Court": "Ct", "Square": "Sq"}
COMPASS = {"North", "South", "East", "West", "Central"}

wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
bng = osr.SpatialReference()
bng.ImportFromEPSG(27700)
to_bng = osr.CoordinateTransformation(wgs84, bng)

points = {}
for path in sorted(glob.glob(os.path.join(data, "police-uk", "*", "*.csv"))):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["Location"].removeprefix("On or near ").strip()
            if not name or name in PLACES or "/" in name or not row["Longitude"]:
                continue
            points.setdefault((name, row["Longitude"], row["Latitude"]), None)

names = {}
with open(os.path.join(data, "codepoint-open", "codelist.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        names[row["code"]] = row["name"]


def town_of(ward_name):
    name = re.sub(r"\([^)]*\)", "", ward_name).replace(" Ward", "").split()
    while len(name) > 1 and name[-1] in COMPASS:
        name.pop()
    return " ".join(name)


units = []
with open(os.path.join(data, "codepoint-open", "ng.csv"), newline="") as f:
    for row in csv.reader(f):
        pc = row[0].replace(" ", "")
        units.append((pc[:-3] + " " + pc[-3:], float(row[2]), float(row[3]), town_of(names.get(row[9], ""))))
grid = {}
for u in units:
    grid.setdefault((int(u[1] // 500), int(u[2] // 500)), []).append(u)


def nearest_unit(x, y):
    cx, cy = int(x // 500), int(y // 500)
    for reach in range(1, 40):
        found = [u for i in range(cx - reach, cx + reach + 1) for j in range(cy - reach, cy + reach + 1)
                 for u in grid.get((i, j), [])]
        if found:
            best = min(found, key=lambda u: (u[1] - x) ** 2 + (u[2] - y) ** 2)
            if math.hypot(best[1] - x, best[2] - y) <= reach * 500:  # nothing nearer in a further ring
                return best
    return None


rng = random.Random(2024)
keys = sorted(points)
rng.shuffle(keys)
rows = []
for name, lon, lat in keys:
    if len(rows) == 4000:
        break
    x, y, _ = to_bng.TransformPoint(float(lon), float(lat))
    unit = nearest_unit(x, y)
    # The Code-Point extract covers the NG postcode area only: about one Nottinghamshire snap point in
    # eight (Worksop S80/S81, Retford DN22, ...) has no NG unit near it, and "its" postcode would be one
    # many kilometres away. Keep points with a unit within 500 m (rural units are up to that far apart).
    if unit is None or not unit[3] or math.hypot(unit[1] - x, unit[2] - y) > 500:
        continue
    postcode, town = unit[0], unit[3]
    number = rng.randint(1, 180)
    form = len(rows) % 8
    street = name
    if form == 0:
        address = f"{number} {street}, {town}, {postcode}"
    elif form == 1:
        address = f"{number} {street}, {town}"
    elif form == 2:
        address = rng.choice([postcode.replace(" ", "").lower(), postcode.replace(" ", "  "), postcode.lower(),
                              " " + postcode.replace(" ", "")])
    elif form == 3:
        address = f"{number} {street}, {town}, {postcode}".lower()
    elif form == 4:
        words = street.split()
        words[-1] = ABBREVIATIONS.get(words[-1], words[-1])
        address = f"{number} {' '.join(words)}, {town.replace(' in ', '-in-').replace(' on ', '-on-')}, Notts {postcode}"
    elif form == 5:
        words = street.split()
        w = words[0]
        if len(w) >= 5:
            i = rng.randint(1, len(w) - 2)
            kind = rng.randint(0, 2)
            w = (w[:i] + w[i + 1] + w[i] + w[i + 2:]) if kind == 0 else (w[:i] + w[i + 1:]) if kind == 1 else \
                (w[:i] + rng.choice("aeiou") + w[i + 1:])
        words[0] = w
        address = f"{number} {' '.join(words)}, {town}, {postcode}"
    elif form == 6:
        address = f"Flat {rng.randint(1, 12)}, {number} {street}, {town} {postcode}"
    else:
        address = f"{number} {street} {town} {postcode.replace(' ', '')}"
    rows.append({"id": len(rows) + 1, "form": ["full", "no_postcode", "postcode_only", "lower_case", "abbreviated",
                                               "typo", "flat", "no_commas"][form],
                 "address": address, "true_x": f"{x:.1f}", "true_y": f"{y:.1f}", "town": town.upper(),
                 "postcode": postcode})

with gzip.open(out_path, "wt", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(f"{len(rows)} rows from {len(points)} street snap points -> {out_path}")
