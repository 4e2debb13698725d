#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Tasking hotspots: hotspot's --bandwidth auto against QGIS 3.22's heatmap at fixed radii.

Both sides are scored here, by the same code, on the same incidents: the police.uk serious
violence of the training months (hotspots made from these) and of the test months (hit rate
counted on these), inside the boundaries' union, in EPSG:27700.

QGIS's side is the plainest rule: its raster's top cells (inside the study area) up to the area
budget, 4-connected groups, the `top` groups holding the most training incidents.
hotspot's side is its own hotspots.geojson from `hotspot kde`.

Usage (from the repository root, after a build):
  /usr/bin/python3 bench/tasking_vs_qgis.py --hotspot build/tools/hotspot \\
      --incidents ../shared/data/police-uk --boundaries shapefiles/nottinghamshire_lsoa11.shp \\
      --train 2023-01:2023-12 --test 2024-01:2024-06 --output out/tasking_vs_qgis
Writes OUTPUT/table.csv and OUTPUT/table.md, and prints the table.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

SERIOUS_VIOLENCE = {"Violence and sexual offences", "Robbery", "Possession of weapons"}


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def months_of(text):
    a, b = text.split(":")
    return a, b


def study_area(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    to_bng = osr.CoordinateTransformation(layer.GetSpatialRef(), srs(27700))
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for f in layer:
        g = f.GetGeometryRef().Clone()
        g.Transform(to_bng)
        if g.GetGeometryType() == ogr.wkbPolygon:
            parts.AddGeometry(g)
        else:
            for i in range(g.GetGeometryCount()):
                parts.AddGeometry(g.GetGeometryRef(i))
    return parts.UnionCascaded()


def read_incidents(folder, first, last, area):
    """(x, y, month) of the serious violence with coordinates inside `area`, first..last."""
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*-street.csv"), recursive=True)):
        with open(path, newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                if r["Crime type"] in SERIOUS_VIOLENCE and first <= r["Month"] <= last and r["Longitude"] and r["Latitude"]:
                    rows.append((float(r["Longitude"]), float(r["Latitude"]), r["Month"]))
    to_bng = osr.CoordinateTransformation(srs(4326), srs(27700))
    xy = to_bng.TransformPoints([(lon, lat) for lon, lat, _ in rows])
    # Inside the study area: a coarse raster of the area answers most points; points in edge cells are tested exactly.
    out = []
    cache = {}
    for (x, y, _), (_, _, month) in zip(xy, rows):
        key = (round(x, 1), round(y, 1))
        if key not in cache:
            p = ogr.Geometry(ogr.wkbPoint)
            p.AddPoint_2D(x, y)
            cache[key] = area.Contains(p)
        if cache[key]:
            out.append((x, y, month))
    return out


def groups_4(cells, cols):
    """4-connected groups of a set of cell indices (row * cols + col)."""
    todo = set(cells)
    groups = []
    while todo:
        seed = todo.pop()
        group, stack = [seed], [seed]
        while stack:
            c = stack.pop()
            r, k = divmod(c, cols)
            for n in ((c - 1) if k > 0 else None, (c + 1) if k + 1 < cols else None, c - cols, c + cols):
                if n is not None and n in todo:
                    todo.remove(n)
                    group.append(n)
                    stack.append(n)
        groups.append(group)
    return groups


def qgis_heatmaps(train, radii, pixel, work):
    """One GeoTIFF per radius from QGIS's heatmap (quartic kernel, raw values)."""
    layer_path = os.path.join(work, "train.gpkg")
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(layer_path)
    lyr = ds.CreateLayer("train", srs(27700), ogr.wkbPoint)
    for x, y, _ in train:
        f = ogr.Feature(lyr.GetLayerDefn())
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        f.SetGeometry(p)
        lyr.CreateFeature(f)
    ds = None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    import processing
    Processing.initialize()
    out = {}
    for radius in radii:
        tif = os.path.join(work, f"qgis_{radius}.tif")
        started = time.time()
        processing.run("qgis:heatmapkerneldensityestimation",
                       {"INPUT": layer_path, "RADIUS": radius, "PIXEL_SIZE": pixel, "KERNEL": 0, "DECAY": 0,
                        "OUTPUT_VALUE": 0, "OUTPUT": tif},
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        out[radius] = (tif, time.time() - started)
    return out


def score_raster(tif, area, train, test, budget_m2, top, study_m2):
    ds = gdal.Open(tif)
    band = ds.GetRasterBand(1)
    v = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        v[v == nodata] = 0
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    rows, cols = v.shape
    # The study area on QGIS's grid: cells whose centre is inside (GDAL's default rasterize rule).
    mem = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(ds.GetGeoTransform())
    mem.SetProjection(srs(27700).ExportToWkt())
    mds = ogr.GetDriverByName("Memory").CreateDataSource("")
    ml = mds.CreateLayer("a", srs(27700), ogr.wkbMultiPolygon)
    f = ogr.Feature(ml.GetLayerDefn())
    f.SetGeometry(area)
    ml.CreateFeature(f)
    gdal.RasterizeLayer(mem, [1], ml, burn_values=[1])
    mask = mem.GetRasterBand(1).ReadAsArray().astype(bool)
    v[~mask] = 0
    cell_m2 = abs(dx * dy)
    n = int(budget_m2 // cell_m2)
    flat = v.ravel()
    order = np.argsort(-flat, kind="stable")[:n]
    hot = [int(c) for c in order if flat[c] > 0]

    def cell_of(x, y):
        c, r = int((x - x0) // dx), int((y - y0) // dy)
        return r * cols + c if 0 <= r < rows and 0 <= c < cols else -1

    train_in = {}
    for x, y, _ in train:
        c = cell_of(x, y)
        train_in[c] = train_in.get(c, 0) + 1
    groups = groups_4(hot, cols)
    groups.sort(key=lambda g: (-sum(train_in.get(c, 0) for c in g), min(g)))
    chosen = set(c for g in groups[:top] for c in g)
    hits = sum(1 for x, y, _ in test if cell_of(x, y) in chosen)
    a = len(chosen) * cell_m2
    return hits, a, min(len(groups), top)


def run_hotspot(args, train_months, extra, work, name):
    out = os.path.join(work, name)
    cmd = [args.hotspot, "kde", "--incidents", args.incidents, "--types", "serious-violence",
           "--boundaries", args.boundaries, "--from", train_months[0], "--to", train_months[1],
           "--cell", str(args.cell), "--top", str(args.top), "--coverage", str(args.coverage),
           "--quiet", "--json", "--output", out] + extra
    started = time.time()
    summary = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return os.path.join(out, "hotspots.geojson"), summary, time.time() - started


def score_polygons(path, test):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    to_bng = osr.CoordinateTransformation(srs(4326), srs(27700))
    polys = []
    for f in layer:
        g = f.GetGeometryRef().Clone()
        g.Transform(to_bng)
        polys.append(g)
    hits = 0
    for x, y, _ in test:
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        hits += any(g.Contains(p) for g in polys)
    return hits, sum(g.GetArea() for g in polys), len(polys)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hotspot", required=True)
    ap.add_argument("--incidents", required=True)
    ap.add_argument("--boundaries", required=True)
    ap.add_argument("--train", default="2023-01:2023-12")
    ap.add_argument("--test", default="2024-01:2024-06")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--coverage", type=float, default=0.0025)
    ap.add_argument("--cell", type=float, default=25)
    ap.add_argument("--radii", default="50,100,150,200,300,400,600")
    ap.add_argument("--output", required=True)
    args = ap.parse_args()
    os.makedirs(args.output, exist_ok=True)
    train_months, test_months = months_of(args.train), months_of(args.test)
    area = study_area(args.boundaries)
    study_m2 = area.GetArea()
    budget_m2 = args.coverage * study_m2
    train = read_incidents(args.incidents, *train_months, area)
    test = read_incidents(args.incidents, *test_months, area)
    rows = []

    def row(method, radius, hits, a, n, seconds, note=""):
        hit_rate = hits / len(test)
        rows.append({"method": method, "radius_m": radius, "hotspots": n, "area_km2": round(a / 1e6, 4),
                     "area_share": round(a / study_m2, 6), "test_hits": hits, "hit_rate": round(hit_rate, 4),
                     "pai": round(hit_rate / (a / study_m2), 2) if a > 0 else "", "seconds": round(seconds, 1),
                     "note": note})

    with tempfile.TemporaryDirectory() as work:
        for name, extra in (("auto", []), ("auto_recency", ["--recency", "auto"])):
            path, summary, seconds = run_hotspot(args, train_months, extra, work, name)
            kde = summary["kde"]
            note = f"chosen {kde['bandwidth_m']:g} m" + (f", tau {kde['recency_tau_months']:g} months" if "recency_tau_months" in kde else ", no decay")
            hits, a, n = score_polygons(path, test)
            row(f"hotspot --bandwidth auto{' --recency auto' if extra else ''}", kde["bandwidth_m"], hits, a, n, seconds, note)
        for radius, (tif, seconds) in qgis_heatmaps(train, [int(r) for r in args.radii.split(",")], args.cell, work).items():
            hits, a, n = score_raster(tif, area, train, test, budget_m2, args.top, study_m2)
            row("QGIS 3.22 heatmap (quartic, raw)", radius, hits, a, n, seconds)
    fields = list(rows[0].keys())
    with open(os.path.join(args.output, "table.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    lines = [f"Training {args.train}: {len(train)} incidents; test {args.test}: {len(test)}; study area {study_m2 / 1e6:.1f} km2; "
             f"budget {args.top} hotspots, {args.coverage} of the area ({budget_m2 / 1e6:.3f} km2); {args.cell:g} m cells.", "",
             "| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
    lines += ["| " + " | ".join(str(r[k]) for k in fields) + " |" for r in rows]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.output, "table.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
