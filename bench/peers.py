#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Each whole hotspot command against the fastest peer for its job, taking turns
(bench/interleaved.py: a warm-up round, then ROUNDS rounds, each command once per round), on
the shared data:
- `hotspot cluster --method dbscan` on the 194,375 benchmark points against scikit-learn's
  DBSCAN on every core (bench/peers/dbscan_command.py: load the CSV, fit, write the labels);
- `hotspot kde --raw` on the same points against QGIS 3.22's heatmap (qgis_process), the same
  radius, cell and kernel;
- `hotspot areas` on the 18 months of police.uk street crime against PostGIS with the points and
  LSOAs already loaded and indexed: psql running one indexed ST_Intersects join into a table;
- `hotspot stats` (counts, rates, queen weights, Gi* and local Moran with 999 permutations,
  trends) against R spdep given the rates ready made (bench/peers/spdep_command.R).
Prints a Markdown table: command, peer, medians, and the peer's time over hotspot's.
The results agree where the tests say so: tests/analyses/stats/spdep_test.cpp (spdep),
tests/analyses/cluster (scikit-learn's DBSCAN labels), tests/analyses/density (QGIS heatmap
values), tests/places (point in LSOA against brute force).

Usage: /usr/bin/python3 bench/peers.py HOTSPOT SHARED_DATA WORK_DIR PG_CONNECTION [ROUNDS]
"""
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interleaved import taking_turns  # noqa: E402

hotspot, data, work, pg = sys.argv[1:5]
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(work, exist_ok=True)
points = f"{data}/benchmarks/notts_inside_xy.csv"
lsoa = f"{data}/boundaries/nottinghamshire_lsoa11.geojson"
imd = (f"--imd {data}/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv "
       f"--population {data}/imd2019/File_6_-_IoD2019_Population_Denominators.csv")


def sh(command):
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)


# PostGIS's data, loaded once: the LSOAs and every located police.uk row, in EPSG:27700, indexed.
psql = f"psql -X -q -v ON_ERROR_STOP=1 '{pg}'"
sh(f"ogr2ogr -overwrite -f PostgreSQL 'PG:{pg}' {lsoa} -nln lsoa -t_srs EPSG:27700 -lco GEOMETRY_NAME=geom "
   f"-lco SPATIAL_INDEX=GIST -nlt PROMOTE_TO_MULTI")
with open(f"{work}/lonlat.csv", "w") as out:
    for root, _, files in sorted(os.walk(f"{data}/police-uk")):
        for name in sorted(files):
            if not name.endswith("-street.csv"):
                continue
            with open(os.path.join(root, name)) as f:
                next(f)
                for line in f:
                    cells = line.split(",")
                    if cells[4] and cells[5]:
                        out.write(f"{cells[4]},{cells[5]}\n")
sh(f"{psql} -c 'DROP TABLE IF EXISTS points, joined' -c 'CREATE TABLE points (id serial, lon float8, lat float8)' "
   f"-c \"\\copy points (lon, lat) FROM '{work}/lonlat.csv' CSV\" "
   f"-c 'ALTER TABLE points ADD COLUMN geom geometry(Point, 27700)' "
   f"-c 'UPDATE points SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700)' "
   f"-c 'CREATE INDEX ON points USING gist (geom)' -c 'VACUUM ANALYZE points' -c 'VACUUM ANALYZE lsoa'")

# spdep's input: the rates hotspot's own areas step computes (the peer is not asked to count).
sh(f"{hotspot} --quiet areas --incidents {data}/police-uk --types serious-violence --boundaries {lsoa} {imd} "
   f"--output {work}/rates")
with open(f"{work}/rates/lsoa.csv") as f:
    header = f.readline().rstrip("\n").split(",")
    code, rate = header.index("lsoa_code"), header.index("rate_per_1000")
    rows = [line.rstrip("\n").split(",") for line in f]
with open(f"{work}/rates.csv", "w") as f:
    f.write("code,value\n")
    f.writelines(f"{r[code]},{r[rate] or 0}\n" for r in rows)

xdg = f"{work}/xdg"
os.makedirs(xdg, mode=0o700, exist_ok=True)
qgis_env = f"QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR={xdg}"
rows = [
    ("`hotspot cluster --method dbscan`, 194,375 points", "scikit-learn 1.2 DBSCAN, every core",
     f"{hotspot} --quiet cluster --method dbscan --eps 100 --min-points 10 --incidents {points} --x x --y y "
     f"--crs EPSG:27700 --boundaries {lsoa} --output {work}/cluster",
     f"/usr/bin/python3 {here}/peers/dbscan_command.py {points} {work}/sklearn-labels.csv 100 10"),
    ("`hotspot kde --raw`, 194,375 points, 300 m, 25 m cells", "QGIS 3.22 heatmap (qgis_process)",
     f"{hotspot} --quiet kde --incidents {points} --x x --y y --crs EPSG:27700 --boundaries {lsoa} --cell 25 "
     f"--bandwidth 300 --raw --output {work}/kde",
     f"{qgis_env} /usr/bin/qgis_process.bin run qgis:heatmapkerneldensityestimation -- "
     f"'INPUT=delimitedtext://file://{points}?type=csv&xField=x&yField=y&crs=EPSG:27700' RADIUS=300 "
     f"PIXEL_SIZE=25 KERNEL=0 OUTPUT_VALUE=0 OUTPUT={work}/qgis-heatmap.tif"),
    ("`hotspot areas`, 18 months of police.uk rows", "PostGIS 3.3, data loaded and indexed: the join alone",
     f"{hotspot} --quiet areas --incidents {data}/police-uk --boundaries {lsoa} {imd} --output {work}/areas",
     f"{psql} -c 'DROP TABLE IF EXISTS joined' -c 'CREATE TABLE joined AS SELECT p.id, a.lsoa11cd FROM points p "
     f"JOIN lsoa a ON ST_Intersects(a.geom, p.geom)'"),
    ("`hotspot stats`, 679 LSOAs, 999 permutations", "R spdep 1.2 (localG_perm, localmoran_perm), rates given",
     f"{hotspot} --quiet stats --incidents {data}/police-uk --types serious-violence --boundaries {lsoa} {imd} "
     f"--permutations 999 --output {work}/stats",
     f"Rscript {here}/peers/spdep_command.R {lsoa} {work}/rates.csv {work}/spdep.csv"),
]
print(f"| whole command | peer | hotspot median | peer median | peer / hotspot |")
print("| --- | --- | --- | --- | --- |")
for what, peer, ours, theirs in rows:
    ours_t, theirs_t = taking_turns([ours, theirs], rounds)
    a, b = statistics.median(ours_t), statistics.median(theirs_t)
    print(f"| {what} | {peer} | {a:.3f} s | {b:.3f} s | {b / a:.1f} x |", flush=True)
