#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Rebuilds the bundled Ashfield & Mansfield example data from the published files:
# - police-uk/YYYY-MM/: the 12 months July 2023 to June 2024, rows whose police.uk LSOA name
#   is in Ashfield or Mansfield, byte for byte as published (header kept). hotspot places
#   them by geometry and rejects those that fall outside the two districts.
# - imd2019/: IoD2019 Files 1, 2 and 6 cut to the Nottinghamshire LSOAs (BOM and header kept).
# Usage: scripts/make-example.sh [SHARED_DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data}
out=examples/ashfield-mansfield
rm -rf "$out/police-uk" "$out/imd2019"
for month in 2023-07 2023-08 2023-09 2023-10 2023-11 2023-12 2024-01 2024-02 2024-03 2024-04 2024-05 2024-06; do
  f="$month/$month-nottinghamshire-street.csv"
  mkdir -p "$out/police-uk/$month"
  { head -n 1 "$src/police-uk/$f"; grep -E ',(Ashfield|Mansfield) [0-9]{3}[A-Z],' "$src/police-uk/$f"; } > "$out/police-uk/$f"
done
mkdir -p "$out/imd2019"
codes=$(mktemp)
grep -o '"LSOA11CD": "E0[0-9]*"' "$src/boundaries/nottinghamshire_lsoa11.geojson" | grep -o 'E0[0-9]*' | sed 's/$/,/' > "$codes"
for f in File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv File_2_-_IoD2019_Domains_of_Deprivation.csv \
         File_6_-_IoD2019_Population_Denominators.csv; do
  { head -n 1 "$src/imd2019/$f"; grep -F -f "$codes" "$src/imd2019/$f"; } > "$out/imd2019/$f"
done
rm -f "$codes"
wc -l "$out"/police-uk/*/*.csv "$out"/imd2019/*.csv | tail -n 20
# codepoint-open/: OS Code-Point Open postcode units of the NG17, NG18 and NG19 districts
# (Ashfield and Mansfield, as published: no header) and the full code list, for hotspot geocode
# and the suspects step; addresses.csv is made up (no person's address) from the first units of
# each district.
mkdir -p "$out/codepoint-open"
grep -E '^"NG1[789] ?[0-9]' "$src/codepoint-open/ng.csv" > "$out/codepoint-open/ng17-19.csv"
cp "$src/codepoint-open/codelist.csv" "$out/codepoint-open/codelist.csv"
{
  echo "id,address"
  n=0
  for district in NG17 NG18 NG19; do
    grep -E "^\"$district ?[0-9]" "$out/codepoint-open/ng17-19.csv" | awk -F, 'NR % 97 == 1' | head -n 4 |
      while IFS=, read -r pc _; do
        n=$((n + 1))
        echo "$district-$n,\"$n Example Road, $(tr -d '"' <<<"$pc")\""
      done
  done
} > "$out/addresses.csv"
