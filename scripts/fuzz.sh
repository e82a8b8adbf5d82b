#!/usr/bin/env bash
# Build the libFuzzer targets of fuzz/ with clang under ASan + UBSan and run each for a bounded time.
# Usage: scripts/fuzz.sh [seconds per target, default 20] [target ...]   (docs/FUZZING.md)
# Each target starts from a temporary copy of fuzz/corpus/<target>/, so a run never writes into the
# repository; a crashing, leaking, UB-hitting or hanging input lands in build-fuzz/artifacts/<target>/.
# Exit status: non-zero when the build fails or any target reports anything.
# Env: FUZZ_CXX (default clang++, else clang++-14), FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-20}
shift || true
case $seconds in ''|*[!0-9]*) echo "fuzz.sh: seconds must be a whole number, not '$seconds'" >&2; exit 2 ;; esac

all_targets=(rssparser atomparser scoreparser s2parser latextext)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

cxx=${FUZZ_CXX:-}
if [ -z "$cxx" ]; then
  if command -v clang++ >/dev/null; then cxx=clang++; else cxx=clang++-14; fi
fi
command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (scripts/install-deps.sh installs clang-14 and libclang-rt-14-dev)" >&2; exit 1; }
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-2}

t0=$(date +%s)
log() { printf '[fuzz %4ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }

log "configuring $build with $cxx"
mkdir -p "$build"
cmake -S fuzz -B "$build" -DCMAKE_CXX_COMPILER="$cxx" >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
log "building ${targets[*]} with -j$jobs"
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}" >"$build/build.log" 2>&1 || { tail -60 "$build/build.log" >&2; exit 1; }

# No recovery from anything: the first sanitizer report ends the run with a non-zero status.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset LSAN_OPTIONS # no suppressions: none of these targets leaks (docs/FUZZING.md)

work=$(mktemp -d "${TMPDIR:-/tmp}/papersieve-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=()
for t in "${targets[@]}"; do
  exe=$root/$build/fuzz_$t
  [ -x "$exe" ] && [ -d "fuzz/corpus/$t" ] || { log "$t: no such target"; failed+=("$t"); continue; }
  corpus=$work/corpus-$t
  artifacts=$root/$build/artifacts/$t/
  mkdir -p "$corpus" "$artifacts"
  cp fuzz/corpus/"$t"/* "$corpus"/
  out=$work/$t.log
  touch "$work/$t.start" # artifacts newer than it are this run's
  set +e
  # The outer timeout only guards against a hang libFuzzer itself cannot see (its -timeout is per input).
  (cd "$work" && timeout --kill-after=10 $(( seconds * 2 + 60 )) "$exe" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts" "$corpus") >"$out" 2>&1
  rc=$?
  set -e
  if [ $rc -eq 0 ] && grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|ERROR: libFuzzer' "$out"; then
    rc=99 # a report that did not end the process still fails the run
  fi
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$out" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$out" | tail -1 || true)
  if [ $rc -eq 0 ]; then
    log "$t: ok (${runs:-?} inputs, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) files)"
  else
    # The report: from its first line (sanitizer, libFuzzer's own, or a broken promise's abort) on.
    first=$(grep -m1 -nE 'ERROR: |runtime error:|deadly signal|ALARM|out-of-memory' "$out" | cut -d: -f1 || true)
    log "$t: FAILED (exit $rc):"
    if [ -n "$first" ]; then sed -n "$(( first > 2 ? first - 2 : 1 )),$(( first + 30 ))p" "$out" >&2
    else grep -vE '^#[0-9]+' "$out" | tail -40 >&2; fi
    while IFS= read -r found; do
      log "$t: input saved as $found (reproduce: $build/fuzz_$t $found)"
    done < <(find "$artifacts" -type f -newer "$work/$t.start" 2>/dev/null)
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  log "failed: ${failed[*]}"
  exit 1
fi
log "all ${#targets[@]} targets passed (${seconds}s each)"
