#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Opens a pack's brief.html and map.html in headless Chromium with the network disabled, as a reader's browser
# would: fails on any console message (a blocked or failed request shows there) and on an empty
# page; saves a screenshot, prints the brief to PDF and checks that
# every page carries the marking; renders the first pages with pdftoppm.
# Usage: tests/browser/check_brief.sh PACK_DIR MARKING OUT_DIR
set -euo pipefail
pack=$1 marking=$2 out=$3
mkdir -p "$out"
rm -f "$out"/page-*.png "$out/brief.png" "$out/brief.pdf" "$out/map.png"
url="file://$(cd "$pack" && pwd)/brief.html"
# No network: every host resolves nowhere and any proxy is a closed port.
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --disable-sync
       --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server=127.0.0.1:9 --user-data-dir="$out/profile"
       --enable-logging=stderr --v=0)
chromium "${flags[@]}" --virtual-time-budget=3000 --dump-dom "$url" >"$out/dom.html" 2>"$out/console.log"
# The brief runs no script, so any console message is a fault: a blocked request (CSP), a failed
# load, an error. Chromium logs each as CONSOLE, whatever its level.
if grep -E "CONSOLE|net::ERR_" "$out/console.log"; then
  echo "FAIL: console messages or failed requests (above)"; exit 1
fi
grep -q "<section id=\"headline\">" "$out/dom.html" || { echo "FAIL: the page did not render its sections"; exit 1; }
chromium "${flags[@]}" --window-size=1200,2400 --screenshot="$out/brief.png" "$url" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/brief.pdf" "$url" 2>/dev/null
pages=$(pdfinfo "$out/brief.pdf" | awk '/^Pages:/ {print $2}')
[[ "$pages" -ge 2 ]] || { echo "FAIL: $pages PDF pages"; exit 1; }
for ((p = 1; p <= pages; p++)); do
  pdftotext -f "$p" -l "$p" "$out/brief.pdf" - | grep -F "$marking" >/dev/null || { echo "FAIL: page $p has no marking '$marking'"; exit 1; }
done
pdftoppm -r 60 -png -f 1 -l 3 "$out/brief.pdf" "$out/page"
first_page=$(ls "$out"/page-*1.png 2>/dev/null | head -1)  # pdftoppm pads the number: page-1 or page-01
[[ -s "$out/brief.png" && -n "$first_page" && -s "$first_page" ]] || { echo "FAIL: no screenshot or page image"; exit 1; }
# map.html runs Leaflet, inlined: no console message either, every layer made, one rank label per hotspot.
map_url="file://$(cd "$pack" && pwd)/map.html"
chromium "${flags[@]}" --virtual-time-budget=3000 --dump-dom "$map_url" >"$out/map-dom.html" 2>"$out/map-console.log"
if grep -E "CONSOLE|net::ERR_" "$out/map-console.log"; then
  echo "FAIL: map.html: console messages or failed requests (above)"; exit 1
fi
layers=$(grep -o 'data-layers="[0-9]*"' "$out/map-dom.html" | grep -o '[0-9]*' || true)
[[ -n "$layers" && "$layers" -ge 1 ]] || { echo "FAIL: map.html's script did not run to its end"; exit 1; }
ranks=$(grep -o 'leaflet-tooltip rank' "$out/map-dom.html" | wc -l)
hotspots=$(($(wc -l <"$pack/kde/hotspots.csv") - 1))
[[ "$ranks" -eq "$hotspots" ]] || { echo "FAIL: map.html shows $ranks rank labels for $hotspots hotspots"; exit 1; }
chromium "${flags[@]}" --window-size=1300,900 --virtual-time-budget=3000 --screenshot="$out/map.png" "$map_url" 2>/dev/null
[[ -s "$out/map.png" ]] || { echo "FAIL: no map.html screenshot"; exit 1; }
echo "ok: map.html opened offline with no console error, $layers layers, $ranks rank labels; $out/map.png"
echo "ok: brief.html opened offline with no console error; $pages PDF pages, each marked '$marking'; $out/brief.png, $out/page-*.png"
