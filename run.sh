#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what hotspot needs, builds it in Release and runs the bundled Ashfield & Mansfield tasking job.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target hotspot
build/tools/hotspot run examples/ashfield-mansfield/tasking.toml "$@"
