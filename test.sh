#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what the tests need, builds everything and runs the whole ctest suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --with-tests
cmake -S . -B build-tests -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=ON >/dev/null
cmake --build build-tests -j"$(nproc)"
ctest --test-dir build-tests --output-on-failure -j"$(nproc)" "$@"
