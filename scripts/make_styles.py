#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates the QGIS styles hotspot writes beside its layers (QGIS writes the XML):
- engine/outputs/styles/lsoa.qml: LSOAs coloured by incidents per 1,000 residents, five classes;
- engine/outputs/styles/clusters.qml: cluster outlines by NNH order (1 red, 2 purple, 3+ black);
- engine/outputs/styles/lsoa_stats.qml: LSOAs by Gi* bin, hot spots red and cold spots blue;
- engine/outputs/styles/hotspots.qml: kernel density hotspots, red, labelled with their rank.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_styles.py
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsGraduatedSymbolRenderer,
                       QgsMapLayer, QgsPalLayerSettings, QgsRendererCategory, QgsRendererRange,
                       QgsSingleSymbolRenderer, QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(HERE, "..", "engine", "outputs", "styles")
RATE_CLASSES = [(0, 10, "under 10", "#fef0d9"), (10, 25, "10 to 25", "#fdcc8a"), (25, 50, "25 to 50", "#fc8d59"),
                (50, 100, "50 to 100", "#e34a33"), (100, 1e9, "100 or more", "#b30000")]
GI_BINS = [(3, "Hot spot, 99% confidence", "#d62f27"), (2, "Hot spot, 95% confidence", "#ed7551"),
           (1, "Hot spot, 90% confidence", "#fab984"), (0, "Not significant", "#f7f7f2"),
           (-1, "Cold spot, 90% confidence", "#c0ccbe"), (-2, "Cold spot, 95% confidence", "#849eba"),
           (-3, "Cold spot, 99% confidence", "#4575b5")]
ORDERS = [(1, "first order", "#e31a1c", "0.6"), (2, "second order", "#6a3d9a", "1.0"), (3, "third order", "#000000", "1.4")]


def save(layer, name, categories=QgsMapLayer.Symbology):
    message, ok = layer.saveNamedStyle(os.path.join(STYLES, name), categories=categories)
    print(message)
    return ok


app = QgsApplication([], False)
app.initQgis()
lsoa = QgsVectorLayer("Polygon?crs=EPSG:4326&field=rate_per_1000:double", "lsoa", "memory")
lsoa.setRenderer(QgsGraduatedSymbolRenderer("rate_per_1000", [QgsRendererRange(lo, hi, QgsFillSymbol.createSimple(
    {"color": colour, "outline_color": "#5a5a5a", "outline_width": "0.1"}), label)
    for lo, hi, label, colour in RATE_CLASSES]))
clusters = QgsVectorLayer("Polygon?crs=EPSG:4326&field=order:integer", "clusters", "memory")
clusters.setRenderer(QgsCategorizedSymbolRenderer("order", [QgsRendererCategory(order, QgsFillSymbol.createSimple(
    {"color": "0,0,0,0", "outline_color": colour, "outline_width": width}), label)
    for order, label, colour, width in ORDERS]))
stats = QgsVectorLayer("Polygon?crs=EPSG:4326&field=gi_bin:integer", "lsoa_stats", "memory")
stats.setRenderer(QgsCategorizedSymbolRenderer("gi_bin", [QgsRendererCategory(b, QgsFillSymbol.createSimple(
    {"color": colour, "outline_color": "#8c8c8c", "outline_width": "0.1"}), label) for b, label, colour in GI_BINS]))
hotspots = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=rank:integer", "hotspots", "memory")
hotspots.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
    {"color": "227,26,28,140", "outline_color": "#99000d", "outline_width": "0.4"})))
label = QgsPalLayerSettings()
label.fieldName = "rank"
text = QgsTextFormat()
text.setSize(9)
label.setFormat(text)
hotspots.setLabeling(QgsVectorLayerSimpleLabeling(label))
hotspots.setLabelsEnabled(True)
ok = (save(lsoa, "lsoa.qml") and save(clusters, "clusters.qml") and save(stats, "lsoa_stats.qml")
      and save(hotspots, "hotspots.qml", QgsMapLayer.Symbology | QgsMapLayer.Labeling))
sys.stdout.flush()
os._exit(0 if ok else 1)  # exitQgis() can crash tearing down headless Qt
