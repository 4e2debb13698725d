#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates engine/outputs/styles/lsoa.qml, the default QGIS style of lsoa.geojson: LSOAs
coloured by incidents per 1,000 residents in five fixed classes. QGIS writes the XML.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_lsoa_style.py ANY/lsoa.geojson engine/outputs/styles/lsoa.qml
"""
import os
import sys

from qgis.core import (QgsApplication, QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsMapLayer,
                       QgsRendererRange, QgsVectorLayer)

CLASSES = [(0, 10, "under 10", "#fef0d9"), (10, 25, "10 to 25", "#fdcc8a"), (25, 50, "25 to 50", "#fc8d59"),
           (50, 100, "50 to 100", "#e34a33"), (100, 1e9, "100 or more", "#b30000")]

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1], "lsoa", "ogr")
if not layer.isValid():
    sys.exit(f"{sys.argv[1]}: QGIS cannot open it")
ranges = [QgsRendererRange(lo, hi, QgsFillSymbol.createSimple(
    {"color": colour, "outline_color": "#5a5a5a", "outline_width": "0.1"}), label)
    for lo, hi, label, colour in CLASSES]
layer.setRenderer(QgsGraduatedSymbolRenderer("rate_per_1000", ranges))
message, ok = layer.saveNamedStyle(sys.argv[2], categories=QgsMapLayer.Symbology)
print(message)
sys.stdout.flush()
os._exit(0 if ok else 1)  # exitQgis() can crash tearing down headless Qt
