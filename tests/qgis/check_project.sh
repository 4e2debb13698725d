#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The packs' QGIS projects in headless QGIS: the example written as a GeoPackage pack (--format
# gpkg) beside the GeoJSON pack the suite wrote; check_project.py opens both projects and the
# GeoPackage and exports the print layout to PDF, which poppler then reads (one A4 page, the title
# and the attribution as text) and draws as a PNG to look at.
# Usage: check_project.sh HOTSPOT REPO_ROOT GEOJSON_PACK WORK_DIR
set -euo pipefail
hotspot=$1 repo=$2 geojson_pack=$3 work=$4
rm -rf "$work" && mkdir -p "$work/xdg" && chmod 700 "$work/xdg"
cd "$repo"
"$hotspot" run examples/ashfield-mansfield/tasking.toml --output "$work/gpkg" --format gpkg -q
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg" /usr/bin/python3 "$repo/tests/qgis/check_project.py" \
  "$geojson_pack" "$work/gpkg/2024-07-01" "$work/layout.pdf"
pdfinfo "$work/layout.pdf" | grep -Eq '^Pages: +1$' || { echo "FAIL: the layout PDF is not one page" >&2; exit 1; }
pdfinfo "$work/layout.pdf" | grep 'A4' >/dev/null || { echo "FAIL: the layout PDF is not A4" >&2; exit 1; }
text=$(pdftotext "$work/layout.pdf" - | sed "s/ﬁ/fi/g; s/ﬂ/fl/g")  # the PDF sets ligatures
grep -q 'Ashfield & Mansfield serious violence' <<<"$text" || { echo "FAIL: no title in the PDF" >&2; exit 1; }
grep -q 'Crown copyright' <<<"$text" || { echo "FAIL: no attribution in the PDF" >&2; exit 1; }
grep -q 'Hotspots' <<<"$text" || { echo "FAIL: the legend does not name the hotspots" >&2; exit 1; }
pdftoppm -r 80 -png -singlefile "$work/layout.pdf" "$work/layout"
echo "layout: $work/layout.png" >&2
