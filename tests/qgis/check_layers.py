#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Opens every GeoJSON layer the test suite wrote in headless QGIS, as an analyst's QGIS would.

Usage: /usr/bin/python3 check_layers.py TEST_OUTPUT_DIR EXPECTED_LAYERS_JSON
Run with QT_QPA_PLATFORM=offscreen. Debian's python3-qgis lives in /usr/bin/python3's
dist-packages, which a python3 earlier on PATH may not see.

Each layer must match a pattern in the expectations file (the first that matches) and be valid,
in EPSG:4326, with the expected feature count (null: at least one) and fields; a same-named .qml beside it must load as its style and
give the expected renderer and, with "label": FIELD, label each feature with its FIELD. A GeoTIFF
with a same-named .qml must load it as a pseudocolour ramp. Every
pattern with a count must match at least one layer, so a test that stops writing its layer is
noticed; the catch-alls (count null) let a new stage's test layers in, checked for opening only.
"""
import fnmatch
import json
import os
import sys

from qgis.core import QgsApplication, QgsRasterLayer, QgsVectorLayer


def label_problems(layer, want):
    """The style labels every feature with an expression that evaluates, for each, to text holding
    the field `want`'s value (a hotspot's name)."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    if not layer.labelsEnabled() or layer.labeling() is None:
        return ["style has no labels"]
    settings = layer.labeling().settings()
    expression = QgsExpression(settings.fieldName if settings.isExpression else f'"{settings.fieldName}"')
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    problems = []
    for f in layer.getFeatures():
        context.setFeature(f)
        text = expression.evaluate(context)
        if expression.hasEvalError() or not f[want] or f[want] not in str(text):
            problems.append(f"feature {f.id()}: label {text!r} does not show its {want} {f[want]!r}")
    return problems[:3]


def undrawn_problems(layer):
    """The style draws every feature: some rule or class of its renderer takes each one."""
    from qgis.core import QgsRenderContext
    context = QgsRenderContext()
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    undrawn = []
    for f in layer.getFeatures():
        context.expressionContext().setFeature(f)
        if not renderer.willRenderFeature(f, context):
            undrawn.append(f.id())
    renderer.stopRender(context)
    return [f"{len(undrawn)} features drawn by no rule of the style (ids {undrawn[:5]})"] if undrawn else []


def walk(root):
    """os.walk without hidden folders: a run being written stages its pack in one (.NAME.staging-PID)."""
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        yield d, dirs, names


def main(root, expected_path):
    with open(expected_path) as f:
        expected = json.load(f)
    layers = sorted(
        os.path.relpath(os.path.join(d, n), root)
        for d, _, names in walk(root) for n in names if n.endswith(".geojson") and not n.startswith("."))
    app = QgsApplication([], False)
    app.initQgis()
    failures, passed, used = [], 0, set()
    for rel in layers:
        pattern = next((p for p in expected if fnmatch.fnmatch(rel, p)), None)
        if pattern is None:
            failures.append(f"{rel}: not in {os.path.basename(expected_path)}; add its expected count and fields")
            continue
        used.add(pattern)
        spec = expected[pattern]
        path = os.path.join(root, rel)
        layer = QgsVectorLayer(path, os.path.basename(rel), "ogr")
        problems = []
        if not layer.isValid():
            problems.append("QGIS cannot open it")
        else:
            if layer.crs().authid() != "EPSG:4326":
                problems.append(f"CRS {layer.crs().authid()} is not EPSG:4326")
            if spec["features"] is None:
                if layer.featureCount() < 1:
                    problems.append("no features")
            elif layer.featureCount() != spec["features"]:
                problems.append(f"{layer.featureCount()} features, expected {spec['features']}")
            invalid = [f.id() for f in layer.getFeatures() if f.hasGeometry() and not f.geometry().isGeosValid()]
            if invalid:  # every polygon written must be valid as read (after rounding to 6 decimals)
                problems.append(f"{len(invalid)} invalid geometries (ids {invalid[:5]})")
            names = [f.name() for f in layer.fields()]
            missing = [n for n in spec["fields"] if n not in names]
            if missing:
                problems.append(f"missing fields {missing}")
            qml = path[: -len(".geojson")] + ".qml"
            if os.path.exists(qml):
                message, ok = layer.loadNamedStyle(qml)
                if not ok:
                    problems.append(f"style {os.path.basename(qml)} does not load: {message}")
                elif "renderer" in spec and layer.renderer().type() != spec["renderer"]:
                    problems.append(f"style gives a {layer.renderer().type()} renderer, expected {spec['renderer']}")
                if ok and "label" in spec:
                    problems += label_problems(layer, spec["label"])
                if ok:
                    problems += undrawn_problems(layer)
        if problems:
            failures.append(f"{rel}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"ok  {rel}: {layer.featureCount()} features, {layer.crs().authid()}")
    # Rasters with a style beside them: the style loads and colours the surface with a ramp.
    rasters = sorted(os.path.relpath(os.path.join(d, n), root) for d, _, names in walk(root)
                     for n in names if n.endswith(".tif") and not n.startswith(".")
                     and os.path.exists(os.path.join(d, n[: -len(".tif")] + ".qml")))
    for rel in rasters:
        path = os.path.join(root, rel)
        layer = QgsRasterLayer(path, os.path.basename(rel), "gdal")
        message, ok = layer.loadNamedStyle(path[: -len(".tif")] + ".qml") if layer.isValid() else ("not valid", False)
        kind = layer.renderer().type() if ok else None
        if not ok or kind != "singlebandpseudocolor":
            failures.append(f"{rel}: style does not load as a pseudocolour ramp ({message}, {kind})")
        else:
            passed += 1
            print(f"ok  {rel}: {layer.width()} x {layer.height()}, {kind}, {layer.crs().authid()}")
    for pattern in expected:
        if pattern not in used and expected[pattern]["features"] is not None:
            failures.append(f"{pattern}: no such layer was written")
    for f in failures:
        print(f"FAIL {f}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures or passed == 0 else 0


if __name__ == "__main__":
    code = main(sys.argv[1], sys.argv[2])
    sys.stdout.flush()
    # QgsApplication.exitQgis() can crash while tearing down headless Qt; the verdict is in.
    os._exit(code)
