#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Compares the layers of two vector datasets feature by feature.

Usage: /usr/bin/python3 compare_layers.py EXPECTED ACTUAL LAYER...
Each LAYER must hold the same features in both: the same FIDs, the same field names and values
(integers, reals and text compared as values, so that a GeoPackage's INTEGER and PostgreSQL's
bigint agree), the same CRS and equal geometries (ISO WKT, every coordinate). Prints one line per
layer and exits 1 at the first difference.
"""
import sys

from osgeo import ogr, osr

ogr.UseExceptions()


def rows(layer):
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    out = {}
    for f in layer:
        g = f.GetGeometryRef()
        out[f.GetFID()] = ({n: f.GetField(n) for n in names}, g.ExportToIsoWkt() if g else None)
    return names, out


def main(expected_path, actual_path, layers):
    expected, actual = ogr.Open(expected_path), ogr.Open(actual_path)
    for name in layers:
        a, b = expected.GetLayerByName(name), actual.GetLayerByName(name)
        if b is None:
            sys.exit(f"{name}: not in {actual_path}")
        if a.GetSpatialRef() and not a.GetSpatialRef().IsSame(b.GetSpatialRef()):
            sys.exit(f"{name}: CRS differs")
        names_a, rows_a = rows(a)
        names_b, rows_b = rows(b)
        if names_a != names_b:
            sys.exit(f"{name}: fields differ: {names_a} against {names_b}")
        if sorted(rows_a) != sorted(rows_b):
            sys.exit(f"{name}: FIDs differ ({len(rows_a)} against {len(rows_b)} features)")
        if not rows_a:
            sys.exit(f"{name}: no features")
        for fid in sorted(rows_a):
            if rows_a[fid] != rows_b[fid]:
                fa, fb = rows_a[fid][0], rows_b[fid][0]
                diff = {k: (fa[k], fb[k]) for k in fa if fa[k] != fb[k]}
                sys.exit(f"{name}: feature {fid} differs: {diff or 'geometry'}")
        print(f"  {name}: {len(rows_a)} features equal")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
