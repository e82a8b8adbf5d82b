#!/usr/bin/env bash
# Build and run the whole test suite inside a throw-away desktop session (real keyring, Xvfb, tray).
# PAPERSIEVE_SANITIZERS=1 runs it a second time under AddressSanitizer + UBSan (a second full build:
# about twice the time, so it is opt-in for developers rather than part of every CI run).
# Then the libFuzzer targets (scripts/fuzz.sh, clang + ASan/UBSan, about 3 minutes):
# PAPERSIEVE_FUZZ_SECONDS per target (default 20), PAPERSIEVE_FUZZ=0 skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
scripts/build.sh build
scripts/with-desktop-session.sh ctest --test-dir build --output-on-failure -j "$jobs"
if [ "${PAPERSIEVE_SANITIZERS:-0}" = 1 ]; then
  scripts/build.sh build-asan -DPAPERSIEVE_SANITIZE=ON -DPAPERSIEVE_BUILD_BENCH=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  scripts/with-desktop-session.sh ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
if [ "${PAPERSIEVE_FUZZ:-1}" != 0 ]; then
  scripts/fuzz.sh "${PAPERSIEVE_FUZZ_SECONDS:-20}"
fi
