#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates the QGIS styles hotspot writes beside its layers (QGIS writes the XML):
- engine/outputs/styles/lsoa.qml: LSOAs coloured by incidents per 1,000 residents, five classes
  (the engine replaces the classes by the data's quintiles, engine/outputs/data_styles.cpp);
- engine/outputs/styles/clusters.qml: rule-based: first-order clusters whose incidents share one
  point as dots sized by incidents (a centroid geometry generator), ellipses outlined blue, second
  order purple, third and above black;
- engine/outputs/styles/lsoa_stats.qml: LSOAs by Gi* bin, hot spots red and cold spots blue;
- engine/outputs/styles/density.qml: density.tif as a pseudocolour ramp, not drawn below the first
  stop (the engine sets the stops from each surface);
- engine/outputs/styles/places.qml: places outlined purple; cells.qml: grid and residence cells
  outlined orange over a light fill; points.qml: incident points as small dark dots.
engine/outputs/styles/hotspots.qml is kept by hand since (labels "rank. name" with a halo, rank 1
placed first by a data-defined priority); this script does not write it.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_styles.py [lsoa clusters lsoa_stats density places cells points]
"""
import os
import sys

from osgeo import gdal
from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsFillSymbol,
                       QgsGeometryGeneratorSymbolLayer, QgsGraduatedSymbolRenderer, QgsMapLayer, QgsMarkerSymbol,
                       QgsProperty, QgsRasterLayer, QgsRasterShader, QgsRendererCategory, QgsRendererRange,
                       QgsRuleBasedRenderer, QgsSingleBandPseudoColorRenderer, QgsSymbolLayer, QgsVectorLayer)

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(HERE, "..", "engine", "outputs", "styles")
RATE_CLASSES = [(0, 10, "under 10", "#fef0d9"), (10, 25, "10 to 25", "#fdcc8a"), (25, 50, "25 to 50", "#fc8d59"),
                (50, 100, "50 to 100", "#e34a33"), (100, 1e9, "100 or more", "#b30000")]
GI_BINS = [(3, "Hot spot, 99% confidence", "#d62f27"), (2, "Hot spot, 95% confidence", "#ed7551"),
           (1, "Hot spot, 90% confidence", "#fab984"), (0, "Not significant", "#f7f7f2"),
           (-1, "Cold spot, 90% confidence", "#c0ccbe"), (-2, "Cold spot, 95% confidence", "#849eba"),
           (-3, "Cold spot, 99% confidence", "#4575b5")]
RAMP = [(1, (255, 245, 235, 0)), (2, (253, 208, 162, 176)), (3, (253, 141, 60, 208)), (4, (217, 72, 1, 224)),
        (5, (127, 39, 4, 240))]


def save(layer, name, categories=QgsMapLayer.Symbology):
    message, ok = layer.saveNamedStyle(os.path.join(STYLES, name), categories=categories)
    print(message)
    return ok


def outline(colour, width):
    return QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": colour, "outline_width": width})


def dots():
    """A fill symbol drawing a dot at the polygon's centroid, its size growing with "incidents"."""
    marker = QgsMarkerSymbol.createSimple({"name": "circle", "color": "33,102,172,180", "outline_color": "255,255,255,255",
                                           "outline_width": "0.2"})
    marker.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertySize,
                                                 QgsProperty.fromExpression('1.5 + "incidents" / 25'))
    centroid = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "centroid($geometry)", "SymbolType": "Marker"})
    centroid.setSubSymbol(marker)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, centroid)
    return symbol


def lsoa():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=rate_per_1000:double", "lsoa", "memory")
    layer.setRenderer(QgsGraduatedSymbolRenderer("rate_per_1000", [QgsRendererRange(lo, hi, QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": "#5a5a5a", "outline_width": "0.1"}), label)
        for lo, hi, label, colour in RATE_CLASSES]))
    return save(layer, "lsoa.qml")


def clusters():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=order:integer&field=degenerate:boolean&field=incidents:integer",
                           "clusters", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, symbol in [
            ("first order: incidents at one point (dot sized by incidents)", '"order" = 1 AND "degenerate"', dots()),
            ("first order (ellipse or hull)", '"order" = 1 AND NOT "degenerate"', outline("#2166ac", "0.5")),
            ("second order", '"order" = 2', outline("#542788", "0.9")),
            ("third order and above", '"order" >= 3', outline("#000000", "1.3"))]:
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return save(layer, "clusters.qml")


def lsoa_stats():
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=gi_bin:integer", "lsoa_stats", "memory")
    layer.setRenderer(QgsCategorizedSymbolRenderer("gi_bin", [QgsRendererCategory(b, QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": "#8c8c8c", "outline_width": "0.1"}), label) for b, label, colour in GI_BINS]))
    return save(layer, "lsoa_stats.qml")


def density():
    tif = "/tmp/make_styles_density.tif"
    ds = gdal.GetDriverByName("GTiff").Create(tif, 4, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform([450000, 25, 0, 360100, 0, -25])
    ds.SetProjection("EPSG:27700")
    ds.GetRasterBand(1).Fill(1)
    ds = None
    layer = QgsRasterLayer(tif, "density", "gdal")
    ramp = QgsColorRampShader(1, 5, None, QgsColorRampShader.Interpolated, QgsColorRampShader.Continuous)
    ramp.setClip(True)  # below the first stop: not drawn
    ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, QColor(*rgba), str(v)) for v, rgba in RAMP])
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(1)
    renderer.setClassificationMax(5)
    layer.setRenderer(renderer)
    return save(layer, "density.qml")


def outlined(name, colour, width, fill="0,0,0,0"):
    """A polygon layer outlined (places: purple; grid and residence cells: orange over a light fill)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", name, "memory")
    layer.renderer().setSymbol(QgsFillSymbol.createSimple({"color": fill, "outline_color": colour, "outline_width": width}))
    return save(layer, f"{name}.qml")


def places():
    return outlined("places", "#7b3294", "0.8")


def cells():
    return outlined("cells", "#d95f0e", "0.5", "254,153,41,90")


def points():
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
    layer.renderer().setSymbol(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "40,40,40,200", "outline_color": "255,255,255,255", "outline_width": "0.1", "size": "1.4"}))
    return save(layer, "points.qml")


app = QgsApplication([], False)
app.initQgis()
styles = {"lsoa": lsoa, "clusters": clusters, "lsoa_stats": lsoa_stats, "density": density, "places": places, "cells": cells,
          "points": points}
ok = all(styles[name]() for name in (sys.argv[1:] or styles))
sys.stdout.flush()
os._exit(0 if ok else 1)  # exitQgis() can crash tearing down headless Qt
