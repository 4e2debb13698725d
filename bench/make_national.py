#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A synthetic national year: N incidents (default 6,000,000) in police.uk's street-level CSV
format, over A LSOA-like areas (default 35,000) in a 400 x 400 km box of England
(EPSG:27700 E 200,000..600,000, N 100,000..500,000). Seeded: the same arguments give the same files.

Where incidents fall: 400 towns (a Pareto-weighted mixture of Gaussians, 1.5..8 km across) and a
tenth spread evenly; a fifth of the incidents recur at 6,000 "hot addresses" in the towns (30 m
across), as violence concentrates at a few premises. Every location is snapped to a 10 m lattice,
as police.uk snaps crimes to map points. The months are spread evenly over 2023-01..2023-12; the
crime types mix serious violence (about 75%) with other street crime.

The areas: a quadtree over the box, the cell with the most incidents split into four until there
are A of them, so that, like LSOAs, they hold similar numbers of people and are small in towns and
large in the country. Each is a square with an LSOA-like code (E01900000 + k) and name; the
incidents' LSOA code column names the area each falls in.

The areas' IMD ranks are a shuffle, and each has 1,000..2,199 residents.

Writes DIR/police-uk/2023-MM/2023-MM-synthetic-street.csv, DIR/areas.gpkg (layer `areas`, fields
LSOA11CD and LSOA11NM, EPSG:27700), DIR/imd.csv and DIR/population.csv (IoD2019 Files 1 and 6's
columns) and DIR/national.toml (a pack over them, as bench/national.sh runs).

Usage: /usr/bin/python3 bench/make_national.py DIR [INCIDENTS] [AREAS]
"""
import heapq
import os
import sys

import numpy as np
from osgeo import ogr, osr
from pyproj import Transformer

out = sys.argv[1]
n_incidents = int(sys.argv[2]) if len(sys.argv) > 2 else 6_000_000
n_areas = int(sys.argv[3]) if len(sys.argv) > 3 else 35_000
rng = np.random.default_rng(20261206)
X0, Y0, SIDE = 200_000.0, 100_000.0, 400_000.0

# Where incidents fall.
towns = 400
tx = rng.uniform(X0 + 10_000, X0 + SIDE - 10_000, towns)
ty = rng.uniform(Y0 + 10_000, Y0 + SIDE - 10_000, towns)
tw = rng.pareto(1.2, towns) + 1
tw /= tw.sum()
ts = rng.uniform(1500, 8000, towns)
hot = 6000
hot_town = rng.choice(towns, hot, p=tw)
hx = tx[hot_town] + rng.normal(0, 1, hot) * ts[hot_town] * 0.5
hy = ty[hot_town] + rng.normal(0, 1, hot) * ts[hot_town] * 0.5


def sample(n):
    kind = rng.uniform(size=n)
    x = np.empty(n)
    y = np.empty(n)
    even = kind < 0.1
    at_hot = kind >= 0.8
    in_town = ~even & ~at_hot
    x[even] = rng.uniform(X0, X0 + SIDE, even.sum())
    y[even] = rng.uniform(Y0, Y0 + SIDE, even.sum())
    t = rng.choice(towns, in_town.sum(), p=tw)
    x[in_town] = tx[t] + rng.normal(0, 1, t.size) * ts[t]
    y[in_town] = ty[t] + rng.normal(0, 1, t.size) * ts[t]
    h = rng.integers(0, hot, at_hot.sum())
    x[at_hot] = hx[h] + rng.normal(0, 30, h.size)
    y[at_hot] = hy[h] + rng.normal(0, 30, h.size)
    x = np.clip(np.round(x / 10) * 10, X0 + 5, X0 + SIDE - 5)
    y = np.clip(np.round(y / 10) * 10, Y0 + 5, Y0 + SIDE - 5)
    return x, y


x, y = sample(n_incidents)

# The areas: split the fullest cell until there are n_areas.
order = np.lexsort((y, x))
xs, ys = x[order], y[order]


def count(cx, cy, size):
    lo = np.searchsorted(xs, cx, side="left")
    hi = np.searchsorted(xs, cx + size, side="left")
    if hi - lo == 0:
        return 0
    sub = ys[lo:hi]
    return int(np.count_nonzero((sub >= cy) & (sub < cy + size)))


cells = [(-count(X0, Y0, SIDE), X0, Y0, SIDE)]
while len(cells) < n_areas:
    n, cx, cy, size = heapq.heappop(cells)
    half = size / 2
    for dx in (0, half):
        for dy in (0, half):
            heapq.heappush(cells, (-count(cx + dx, cy + dy, half), cx + dx, cy + dy, half))
cells.sort(key=lambda c: (c[2], c[1]))  # south to north, west to east

# Each incident's area, through a raster at the smallest cell's size.
smallest = min(c[3] for c in cells)
cols = int(round(SIDE / smallest))
raster = np.empty((cols, cols), dtype=np.int32)
for k, (_, cx, cy, size) in enumerate(cells):
    c0, r0, span = int(round((cx - X0) / smallest)), int(round((cy - Y0) / smallest)), int(round(size / smallest))
    raster[r0:r0 + span, c0:c0 + span] = k
area_of = raster[((y - Y0) / smallest).astype(np.int64).clip(0, cols - 1), ((x - X0) / smallest).astype(np.int64).clip(0, cols - 1)]
codes = np.array([f"E{1900000 + k:08d}" for k in range(len(cells))])
names = np.array([f"Synthetic {k // 5:04d}{'ABCDE'[k % 5]}" for k in range(len(cells))])

os.makedirs(out, exist_ok=True)
bng = osr.SpatialReference()
bng.ImportFromEPSG(27700)
path = os.path.join(out, "areas.gpkg")
if os.path.exists(path):
    os.remove(path)
ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
layer = ds.CreateLayer("areas", bng, ogr.wkbPolygon)
layer.CreateField(ogr.FieldDefn("LSOA11CD", ogr.OFTString))
layer.CreateField(ogr.FieldDefn("LSOA11NM", ogr.OFTString))
layer.StartTransaction()
for k, (_, cx, cy, size) in enumerate(cells):
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetField("LSOA11CD", str(codes[k]))
    f.SetField("LSOA11NM", str(names[k]))
    f.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({cx} {cy},{cx + size} {cy},{cx + size} {cy + size},{cx} {cy + size},{cx} {cy}))"))
    layer.CreateFeature(f)
layer.CommitTransaction()
ds = None

# The IMD ranks and population (IoD2019 Files 1 and 6's columns): a district per 100 areas, ranks a
# shuffle of 1..A, about 1,600 residents each.
district = [f"E0{9100000 + k // 100:07d}" for k in range(len(cells))]
rank = rng.permutation(len(cells)) + 1
people = rng.integers(1000, 2200, len(cells))
with open(os.path.join(out, "imd.csv"), "w") as f:
    f.write("LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),"
            "Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile\n")
    f.writelines(f"{codes[k]},{names[k]},{district[k]},Synthetic {district[k]},{rank[k]},{(rank[k] - 1) * 10 // len(cells) + 1}\n"
                 for k in range(len(cells)))
with open(os.path.join(out, "population.csv"), "w") as f:
    f.write("LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),"
            "Total population: mid 2015 (excluding prisoners)\n")
    f.writelines(f"{codes[k]},{names[k]},{district[k]},Synthetic {district[k]},{people[k]}\n" for k in range(len(cells)))

# The incidents, month by month, in police.uk's columns.
lon, lat = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True).transform(x, y)
month = rng.integers(1, 13, n_incidents)
types = np.array(["Violence and sexual offences", "Robbery", "Possession of weapons", "Burglary",
                  "Vehicle crime", "Criminal damage and arson", "Shoplifting"])
type_of = rng.choice(len(types), n_incidents, p=[0.65, 0.06, 0.04, 0.08, 0.07, 0.06, 0.04])
header = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
          "Crime type,Last outcome category,Context\n")
for m in range(1, 13):
    folder = os.path.join(out, "police-uk", f"2023-{m:02d}")
    os.makedirs(folder, exist_ok=True)
    rows = np.flatnonzero(month == m)
    with open(os.path.join(folder, f"2023-{m:02d}-synthetic-street.csv"), "w") as f:
        f.write(header)
        f.writelines(
            f"{i:016x},2023-{m:02d},Synthetic Police,Synthetic Police,{lon[i]:.6f},{lat[i]:.6f},On or near Synthetic Street,"
            f"{codes[area_of[i]]},{names[area_of[i]]},{types[type_of[i]]},Investigation complete; no suspect identified,\n"
            for i in rows)

with open(os.path.join(out, "national.toml"), "w") as f:
    f.write(f"""# A synthetic national year (bench/make_national.py {n_incidents} {n_areas}).
title = "Synthetic national year"
date = "2024-01-01"
output = "output"
steps = ["areas", "cluster", "stats", "kde", "grid"]

[incidents]
sources = ["police-uk"]

[boundaries]
source = "areas.gpkg"

[imd]
ranks = "imd.csv"
population = "population.csv"

[period]
from = "2023-01"
to = "2023-12"

[crime_types]
types = "serious-violence"

[cluster]
method = "dbscan"
eps = 100
min_points = 10

[stats]
value = "rate"
permutations = 999
seed = 42

[kde]
cell = 100
bandwidth = 400
top = 20

[grid]
cell = 250
top = 20

[change]
current_from = "2023-07"
""")
print(f"{n_incidents:,} incidents over {len(cells):,} areas (smallest {smallest:g} m, largest "
      f"{max(c[3] for c in cells):g} m) in {out}")
