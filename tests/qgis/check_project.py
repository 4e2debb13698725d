#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Opens a pack's QGIS project (pack.qgs) and its GeoPackage in headless QGIS, as a GIS user would.

Usage: /usr/bin/python3 check_project.py GEOJSON_PACK GPKG_PACK PDF_OUT
Run with QT_QPA_PLATFORM=offscreen.

- The project of each pack: in EPSG:27700; every layer valid, named in words, in a group, styled
  as the pack styles it (the renderer of its .qml, or of pack.gpkg's layer_styles), with features;
  every layer of the pack's folder (or of pack.gpkg) is in it; the canvas extent holds the layers'.
- The GeoPackage pack: every layer of pack.gpkg opened alone takes its default style from the
  file's own layer_styles (not the plain single symbol QGIS would give it), in EPSG:27700.
- The print layout "Tasking map" has the title, a map showing the study area, a legend, a scale bar,
  a north arrow and the attribution, and exports to PDF (one A4 landscape page) without error.
Prints one line per check; exits 1 on the first failure.
"""
import os
import re
import sys

from qgis.core import (QgsApplication, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsProject, QgsVectorLayer)

failures = []


def check(ok, message):
    print(("ok   " if ok else "FAIL ") + message)
    if not ok:
        failures.append(message)


def renderer_in(qml):
    """The renderer type a style file names ('graduatedSymbol', ...), or 'raster'."""
    m = re.search(r'<renderer-v2[^>]* type="([^"]+)"', qml)
    return m.group(1) if m else ("raster" if "<rasterrenderer" in qml else None)


def check_project(pack):
    path = os.path.join(pack, "pack.qgs")
    project = QgsProject.instance()
    project.clear()
    check(project.read(path), f"{path}: QGIS reads it")
    check(project.crs().authid() == "EPSG:27700", f"{path}: project CRS {project.crs().authid()}")
    layers = list(project.mapLayers().values())
    check(len(layers) >= 8, f"{path}: {len(layers)} layers")
    gpkg = os.path.join(pack, "pack.gpkg")
    styles = {}
    if os.path.exists(gpkg):
        styled = QgsVectorLayer(f"{gpkg}|layername=layer_styles", "styles", "ogr")
        styles = {f["f_table_name"]: f["styleQML"] for f in styled.getFeatures()}
    root = project.layerTreeRoot()
    sources = set()
    for layer in layers:
        name = layer.name()
        source = layer.source()
        sources.add(source)
        check(layer.isValid(), f"{name}: valid ({source})")
        check(not re.match(r"^[a-z_]+$", name), f"{name}: named in words")
        node = root.findLayer(layer.id())
        check(node is not None and node.parent() is not root, f"{name}: in a group ({node.parent().name() if node else None})")
        if layer.type() == layer.VectorLayer:
            check(layer.featureCount() > 0, f"{name}: {layer.featureCount()} features")
            base = source.split("|")[0]
            table = re.search(r"layername=([^|]+)", source)
            qml = styles.get(table.group(1)) if table else open(os.path.splitext(base)[0] + ".qml").read() \
                if os.path.exists(os.path.splitext(base)[0] + ".qml") else None
            check(qml is not None, f"{name}: has a style of its own (a .qml beside it, or a layer_styles row)")
            if qml:
                want = renderer_in(qml)
                check(layer.renderer().type() == want, f"{name}: styled as its style says ({layer.renderer().type()}, {want})")
            check(layer.crs().authid() == ("EPSG:4326" if base.endswith(".geojson") else "EPSG:27700"),
                  f"{name}: CRS {layer.crs().authid()}")
        else:
            check(layer.renderer().type() == "singlebandpseudocolor", f"{name}: the density ramp ({layer.renderer().type()})")
    # Every layer of the pack is in the project.
    if styles or os.path.exists(gpkg):
        from osgeo import ogr
        ds = ogr.Open(gpkg)  # kept: its layers die with it
        names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        missing = [n for n in names if n != "layer_styles" and not any(s.endswith(f"layername={n}") for s in sources)]
    else:
        files = [os.path.join(d, f) for d, _, fs in os.walk(pack) for f in fs if f.endswith((".geojson", ".gpkg", ".tif"))]
        missing = [f for f in files if not any(os.path.samefile(s.split("|")[0], f) for s in sources)]
    check(not missing, f"{path}: every layer of the pack is in the project (missing {missing})")
    return project


def check_gpkg_styles(pack):
    from osgeo import ogr
    gpkg = os.path.join(pack, "pack.gpkg")
    ds = ogr.Open(gpkg)
    styled = QgsVectorLayer(f"{gpkg}|layername=layer_styles", "styles", "ogr")
    styles = {f["f_table_name"]: renderer_in(f["styleQML"]) for f in styled.getFeatures()}
    check(len(styles) == ds.GetLayerCount() - 1, f"{gpkg}: {len(styles)} styles in layer_styles, one per layer")
    for i in range(ds.GetLayerCount()):
        name = ds.GetLayer(i).GetName()
        if name == "layer_styles":
            continue
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        check(layer.isValid() and layer.crs().authid() == "EPSG:27700", f"{gpkg} {name}: valid, {layer.crs().authid()}")
        if name in styles:
            check(layer.renderer().type() == styles[name],
                  f"{gpkg} {name}: its own style on load ({layer.renderer().type()}, {styles[name]})")


def check_layout(project, pdf):
    layout = project.layoutManager().layoutByName("Tasking map")
    check(layout is not None, "the print layout 'Tasking map' is there")
    items = layout.items()
    labels = [i.currentText() for i in items if isinstance(i, QgsLayoutItemLabel)]
    check(any(project.title() == t for t in labels), f"layout title {labels[:1]}")
    check(any("Crown copyright" in t for t in labels), "layout attribution")
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    check(len(maps) == 1 and maps[0].crs().authid() == "EPSG:27700", "layout map in EPSG:27700")
    extent = maps[0].extent()
    union = None
    for layer in project.mapLayers().values():
        if layer.crs().authid() == "EPSG:27700":
            e = layer.extent()
            union = e if union is None else union.combineExtentWith(e) or union
    check(extent.width() < 200000 and extent.contains(maps[0].extent().center()), f"layout map extent {extent.toString(0)}")
    legend = [i for i in items if isinstance(i, QgsLayoutItemLegend)]
    check(len(legend) == 1 and legend[0].model().rootGroup().children(), "layout legend lists the project's layers")
    check(any(isinstance(i, QgsLayoutItemScaleBar) for i in items), "layout scale bar")
    check(any(isinstance(i, QgsLayoutItemPicture) and "north" in i.picturePath() for i in items), "layout north arrow")
    result = QgsLayoutExporter(layout).exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
    check(result == QgsLayoutExporter.Success and os.path.getsize(pdf) > 10000, f"exported {pdf} ({os.path.getsize(pdf)} bytes)")


def main(geojson_pack, gpkg_pack, pdf):
    app = QgsApplication([], False)
    app.initQgis()
    check_project(geojson_pack)
    check_gpkg_styles(gpkg_pack)
    project = check_project(gpkg_pack)
    check_layout(project, pdf)
    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main(*sys.argv[1:4])
