#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what the tests need, builds everything and runs the whole ctest suite, the fuzz
# harnesses' smoke runs among it (built by clang with ASan and UBSan in build-sanitize/).
#   ./test.sh [CTEST ARGS]             the suite, in Release (build-tests/)
#   ./test.sh --sanitize [CTEST ARGS]  the whole suite built with ASan and UBSan instead (build-sanitize/)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --with-tests
scripts/fuzz.sh build
fuzz_bin="$PWD/build-sanitize/tests/fuzz"
if [[ "${1:-}" == "--sanitize" ]]; then
  shift
  cmake -S . -B build-sanitize -DHOTSPOT_TESTS=ON -DHOTSPOT_FUZZ_BIN="$fuzz_bin" >/dev/null
  cmake --build build-sanitize -j"$(nproc)"
  # Any ASan or UBSan report fails the test it comes from (the build makes them fatal).
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0}  # libraries' own, each argued there
  ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)" "$@"
  exit
fi
cmake -S . -B build-tests -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=ON -DHOTSPOT_FUZZ_BIN="$fuzz_bin" >/dev/null
cmake --build build-tests -j"$(nproc)"
ctest --test-dir build-tests --output-on-failure -j"$(nproc)" "$@"
