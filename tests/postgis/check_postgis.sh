#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The PostGIS output against a real server (tests/postgis/server.sh):
#   1. the example into PostGIS (hotspot run --output PG:...) and as a GeoPackage pack
#      (--format gpkg): every layer read back from the database by ogr2ogr equals the GeoPackage's
#      feature by feature (fid, every field, the geometry as WKT), and every other file of the
#      pack is in pack_files byte for byte;
#   2. a second run killed (SIGKILL) while it writes the database leaves the schema as it was,
#      and the next run clears what the killed one left;
#   3. the password appears in no output: not in any file of the packs, the database's dump, the
#      runs' stdout and stderr (--json included), a failed connection's message, nor a pack whose
#      boundaries were read from the database.
# Usage: check_postgis.sh HOTSPOT REPO_ROOT STATE_FILE WORK_DIR
set -euo pipefail
hotspot=$1 repo=$2 state=$3 work=$4
conn=$(cat "$state")
password=${conn##*password=}
rm -rf "$work" && mkdir -p "$work"
cd "$repo"
config=examples/ashfield-mansfield/tasking.toml
schema=hotspot_2024_07_01
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The database against the GeoPackage pack.
"$hotspot" run "$config" --output "$work/gpkg" --format gpkg -q
"$hotspot" run "$config" --output "PG:$conn" >"$work/pg.out" 2>"$work/pg.err" || { cat "$work/pg.err"; fail "run into PostGIS"; }
gpkg="$work/gpkg/2024-07-01/pack.gpkg"
layers=$(ogrinfo -q -ro -nomd "$gpkg" | grep -E '^[0-9]+: ' | sed -E 's/^[0-9]+: ([^ ]+).*/\1/' | grep -v '^layer_styles$')
(($(wc -w <<<"$layers") >= 8)) || fail "only $(wc -w <<<"$layers") layers in the GeoPackage"
read_back() {  # the schema's layers, read back from the database by ogr2ogr into a GeoPackage
  rm -f "$1"
  for layer in $layers; do
    ogr2ogr -f GPKG "$1" "PG:$conn" "$schema.$layer" -nln "$layer" -preserve_fid $([[ -f "$1" ]] && echo -update)
  done
}
read_back "$work/read-back.gpkg"
/usr/bin/python3 "$repo/tests/postgis/compare_layers.py" "$gpkg" "$work/read-back.gpkg" $layers >&2 ||
  fail "PostGIS differs from the GeoPackage"
# The summaries differ by the schema they record and the outputs they list; a database has no
# QGIS project (its layers are opened from the database).
psql "$conn" -qAt -c "SELECT name, md5(content) FROM $schema.pack_files WHERE name NOT IN ('summary.json', 'summary.txt') ORDER BY name" >"$work/files.db"
# (Read whole before matching: grep -q stopping early would fail psql by SIGPIPE under pipefail.)
summary=$(psql "$conn" -qAt -c "SELECT convert_from(content, 'UTF8') FROM $schema.pack_files WHERE name = 'summary.json'")
grep -q "\"schema\":\"$schema\"" <<<"$summary" || fail "summary.json in pack_files does not record the schema"
(cd "$work/gpkg/2024-07-01" && find . -type f ! -name '*.csv' ! -name pack.gpkg ! -name .hotspot-pack ! -name 'summary.*' ! -name pack.qgs | sed 's|^\./||' | sort |
  while read -r f; do echo "$f|$(md5sum <"$f" | cut -d' ' -f1)"; done) >"$work/files.pack"
cmp -s "$work/files.db" "$work/files.pack" || { diff "$work/files.db" "$work/files.pack" | head; fail "pack_files differs from the pack's files"; }
echo "  pack_files: $(wc -l <"$work/files.db") files equal" >&2

# 2. A run killed while writing leaves the schema whole.
snapshot() {  # every row of every table of the schema
  for t in $(psql "$conn" -qAt -c "SELECT tablename FROM pg_tables WHERE schemaname = '$schema' ORDER BY 1"); do
    psql "$conn" -qAt -c "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM $schema.$t t"
  done | md5sum
}
before=$(snapshot)
tables_before=$(psql "$conn" -qAt -c "SELECT count(*) FROM pg_tables WHERE schemaname = '$schema'")
# Another session reads a table of the schema in an open transaction, so that the run's swap
# (DROP SCHEMA ... CASCADE) waits for it: the run cannot finish before it is seen writing, however
# fast it writes.
coproc LOCKER { psql "$conn" -qAt 2>&1; }
# Bash unsets LOCKER and LOCKER_PID as soon as the coprocess ends (psql ends once its input is
# closed), which `set -u` then reports: keep the descriptors and the PID.
locker_pid=$LOCKER_PID locker_in=${LOCKER[1]} locker_out=${LOCKER[0]}
first_table=$(psql "$conn" -qAt -c "SELECT tablename FROM pg_tables WHERE schemaname = '$schema' ORDER BY 1 LIMIT 1")
echo "BEGIN; LOCK TABLE $schema.$first_table IN ACCESS SHARE MODE; SELECT 'locked';" >&"$locker_in"
read -r -t 30 locked <&"$locker_out" && [[ $locked == locked ]] || fail "could not hold a lock on $schema.$first_table"
"$hotspot" run "$config" --output "PG:$conn" -q &
pid=$!
killed=0
for _ in $(seq 1 2000); do
  if [[ $(psql "$conn" -qAt -c "SELECT count(*) FROM pg_tables WHERE schemaname = '${schema}__staging'") -gt 2 ]]; then
    kill -9 "$pid" && killed=1
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
wait "$pid" 2>/dev/null || true
echo "COMMIT;" >&"$locker_in"
exec {locker_in}>&-
wait "$locker_pid" 2>/dev/null || true
((killed)) || fail "the run finished before it could be killed while writing"
[[ $(psql "$conn" -qAt -c "SELECT count(*) FROM pg_namespace WHERE nspname = '${schema}__staging'") == 1 ]] || fail "the killed run left no staging schema (was it killed while writing?)"
[[ $(snapshot) == "$before" ]] || fail "the killed run changed schema $schema"
[[ $(psql "$conn" -qAt -c "SELECT count(*) FROM pg_tables WHERE schemaname = '$schema'") == "$tables_before" ]] || fail "the killed run changed the tables of $schema"
echo "  killed while writing: $schema unchanged ($tables_before tables)" >&2
# The next run (its stdout and stderr kept for part 3) clears what the killed one left.
"$hotspot" run "$config" --output "PG:$conn" --json >"$work/json.out" 2>"$work/json.err"
[[ $(psql "$conn" -qAt -c "SELECT count(*) FROM pg_namespace WHERE nspname = '${schema}__staging'") == 0 ]] || fail "the next run left the staging schema"
[[ $(snapshot) == "$before" ]] || fail "a rerun changed schema $schema"

# 3. The password in no output.
! "$hotspot" run "$config" --output "PG:${conn/password=/password=wrong}" >"$work/bad.out" 2>"$work/bad.err" || fail "a wrong password connected"
grep -q 'password=\*\*\*' "$work/bad.err" || { cat "$work/bad.err"; fail "the failed connection's message does not show the masked connection"; }
ogr2ogr -f PostgreSQL "PG:$conn" shapefiles/nottinghamshire_lsoa11.shp -nln public.lsoa_boundaries -nlt PROMOTE_TO_MULTI -overwrite -lco LAUNDER=NO
"$hotspot" areas --incidents examples/ashfield-mansfield/police-uk --boundaries "PG:$conn tables=public.lsoa_boundaries" \
  --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \
  --output "$work/from-db" >"$work/areas.out" 2>"$work/areas.err" || { cat "$work/areas.err"; fail "areas with boundaries from PostGIS"; }
"$hotspot" areas --incidents examples/ashfield-mansfield/police-uk --boundaries "PG:$conn tables=public.lsoa_boundaries" \
  --imd examples/ashfield-mansfield/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \
  --output "PG:$conn" --schema areas_from_db --json >"$work/areas-db.out" 2>"$work/areas-db.err" ||
  { cat "$work/areas-db.err"; fail "areas into PostGIS"; }
lsoas=$(psql "$conn" -qAt -c "SELECT count(*) FROM public.lsoa_boundaries")
[[ $(psql "$conn" -qAt -c "SELECT count(*) FROM areas_from_db.lsoa") == "$lsoas" ]] || fail "areas_from_db.lsoa does not hold the $lsoas LSOAs"
# geocode publishes its table too; the gazetteer (one CSV file) refuses a database, masking the password.
"$hotspot" geocode --input examples/ashfield-mansfield/addresses.csv --address-column address \
  --postcodes examples/ashfield-mansfield/codepoint-open/ng17-19.csv \
  --localities examples/ashfield-mansfield/codepoint-open/codelist.csv \
  --boundaries shapefiles/nottinghamshire_lsoa11.shp --drop-address --output "PG:$conn" >"$work/geocode.out" 2>"$work/geocode.err" ||
  { cat "$work/geocode.err"; fail "geocode into PostGIS"; }
[[ $(psql "$conn" -qAt -c "SELECT count(*) FROM hotspot_geocode.geocoded") -gt 0 ]] || fail "hotspot_geocode.geocoded is empty"
set +e
"$hotspot" gazetteer streets --incidents examples/ashfield-mansfield/police-uk/2024-01 --output "PG:$conn" >"$work/gazetteer.out" 2>"$work/gazetteer.err"
code=$?
set -e
[[ $code == 1 ]] && grep -q 'password=\*\*\*' "$work/gazetteer.err" || { cat "$work/gazetteer.err"; fail "the gazetteer into PostGIS: exit $code"; }
grep -q 'password=\*\*\*' "$work/from-db/summary.json" || fail "summary.json does not record the boundaries' source, masked"
port=$(sed -E 's/.*port=([0-9]+).*/\1/' <<<"$conn")
PGPASSWORD=$password pg_dump -h 127.0.0.1 -p "$port" -U hotspot -d hotspot -n "$schema" -n areas_from_db -n hotspot_geocode >"$work/dump.sql"
[[ $(wc -c <"$work/dump.sql") -gt 1000000 ]] || fail "the dump is too small to hold the pack"
found=$(grep -rlaF -- "$password" "$work" || true)
[[ -z "$found" ]] || fail "the password appears in: $found"
echo "  password in none of $(find "$work" -type f | wc -l) files, the outputs and the dump ($(wc -c <"$work/dump.sql") bytes)" >&2
echo "PASS" >&2
