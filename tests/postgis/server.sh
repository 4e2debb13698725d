#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A throwaway PostgreSQL + PostGIS server on the loopback address for the tests (ctest's
# postgis_start / postgis_stop fixtures run it).
#   server.sh start STATE_FILE   initdb in a new temporary folder, start on a free port, create the
#                                role and database; write the libpq connection string to STATE_FILE
#   server.sh stop STATE_FILE    stop the server and remove its folder
# The role logs in with a password (scram-sha-256 on 127.0.0.1), so that the tests can check it
# is never echoed. As root, the server runs as the postgres user (initdb refuses root).
set -euo pipefail
action=$1 state=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "server.sh: PostgreSQL is not installed (scripts/install-deps.sh --with-tests)" >&2; exit 1; }
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ $action == stop ]]; then
  [[ -f "$state.dir" ]] || exit 0
  dir=$(cat "$state.dir")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state" "$state.dir"
  exit 0
fi

"$0" stop "$state"
dir=$(mktemp -d /tmp/hotspot-postgis-XXXXXX)
echo "$dir" >"$state.dir"
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="pw-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off" start >/dev/null
psql_admin() { as_owner psql -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -d postgres -c "CREATE ROLE hotspot LOGIN PASSWORD '$password'" -c "CREATE DATABASE hotspot OWNER hotspot"
psql_admin -d hotspot -c "CREATE EXTENSION postgis"
echo "host=127.0.0.1 port=$port dbname=hotspot user=hotspot password=$password" >"$state"
echo "PostgreSQL + PostGIS on 127.0.0.1:$port (data in $dir)" >&2
