#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Peer baseline for bench/run.sh: geopandas sjoin of the 194,375 benchmark points to LSOAs.

Usage: /usr/bin/python3 bench/geopandas_sjoin.py SHARED_DATA_DIR [REPEATS]
Prints the median seconds of sjoin alone (points and polygons already loaded, as for hotspot's
locate benchmark), then the points joined, so the two tools can be compared on the same input.
"""
import statistics
import sys
import time

import geopandas as gpd
import pandas as pd

data = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
xy = pd.read_csv(f"{data}/benchmarks/notts_inside_xy.csv")
points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy.x, xy.y), crs="EPSG:27700")
lsoa = gpd.read_file(f"{data}/boundaries/nottinghamshire_lsoa11.geojson").to_crs("EPSG:27700")[["LSOA11CD", "geometry"]]
times = []
for _ in range(repeats):
    t = time.perf_counter()
    joined = gpd.sjoin(points, lsoa, how="inner", predicate="intersects")
    times.append(time.perf_counter() - t)
print(f"geopandas_sjoin_median_s {statistics.median(times):.4f}")
print(f"geopandas_sjoin_points {joined.index.nunique()}")
