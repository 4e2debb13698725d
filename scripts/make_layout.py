#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates engine/outputs/styles/layout.xml, the print layout of the QGIS project every pack
holds (pack.qgs): an A4 landscape page with the title, the map, a legend of the project's layers
(kept in step with the layer tree, showing what the map shows), a scale bar in metres, a north arrow and the attribution.
QGIS writes the XML; the engine puts in the title, the map's extent and the attribution, which
this script leaves as HOTSPOT_TITLE, HOTSPOT_ATTRIBUTION and an extent around 400000,300000 - 500000,400000.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_layout.py
"""
import os
import re

from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QFont
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsLayoutItemLabel, QgsLayoutItemLegend,
                       QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutMeasurement,
                       QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsRectangle, QgsUnitTypes,
                       QgsVectorLayer)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "engine", "outputs", "styles", "layout.xml")


def place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "layer", "memory")
    project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    layout.setName("Tasking map")

    title = QgsLayoutItemLabel(layout)
    title.setId("title")
    title.setText("HOTSPOT_TITLE")
    title.setFont(QFont("DejaVu Sans", 18, QFont.Bold))
    layout.addLayoutItem(title)
    place(title, 10, 6, 277, 12)

    m = QgsLayoutItemMap(layout)
    m.setId("map")
    m.setCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
    m.setFrameEnabled(True)
    layout.addLayoutItem(m)
    place(m, 10, 20, 190, 170)
    half_width = 50000 * 190 / 170  # the frame's shape, so that setting the extent keeps the frame
    m.setExtent(QgsRectangle(450000 - half_width, 300000, 450000 + half_width, 400000))
    m.setKeepLayerSet(False)  # the project's visible layers

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")
    legend.setLinkedMap(m)
    legend.setAutoUpdateModel(True)  # follows the project's layer tree
    legend.setLegendFilterByMapEnabled(True)  # only what the map shows: the layers ticked when it is exported
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    place(legend, 205, 20, 82, 150)

    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scale bar")
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegments(4)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(1)  # fit segment width
    bar.setMinimumBarWidth(30)
    bar.setMaximumBarWidth(60)
    layout.addLayoutItem(bar)
    place(bar, 12, 176, 60, 12)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north arrow")
    arrow.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    arrow.setLinkedMap(m)
    arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
    layout.addLayoutItem(arrow)
    place(arrow, 185, 22, 12, 16)

    credit = QgsLayoutItemLabel(layout)
    credit.setId("attribution")
    credit.setText("HOTSPOT_ATTRIBUTION")
    credit.setFont(QFont("DejaVu Sans", 7))
    layout.addLayoutItem(credit)
    place(credit, 10, 192, 277, 12)

    project.layoutManager().addLayout(layout)
    path = "/tmp/hotspot-layout.qgs"
    project.write(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    xml = re.search(r"<Layouts>.*</Layouts>", text, re.S).group(0)
    # The items' ids for each other: fixed, so that the file does not change each time it is made.
    for k, uuid in enumerate(sorted(set(re.findall(r"\{[0-9a-f-]{36}\}", xml)))):
        xml = xml.replace(uuid, "{00000000-0000-4000-8000-%012d}" % k)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(xml + "\n")
    print(f"wrote {OUT} ({len(xml)} characters)")


if __name__ == "__main__":
    main()
