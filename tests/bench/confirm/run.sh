#!/usr/bin/env bash
# The confirmation benchmark (issue #4): what a leaklint confirmation costs
# against what the Node oracle costs for the same cases, in one run. Not a
# test: it measures, prints a table and writes .cache/bench/confirm/.
#
# Rows, each file run once per repetition, strictly one process at a time,
# repetitions interleaved (check, check --confirm per file; then confirm by
# site, node oracle per case):
#   check             `leaklint check -j J --format json FILE` (the floor)
#   check --confirm   `leaklint check --confirm -j J --format json FILE`: wall
#                     time per finding = the file's median / its findings
#   confirm site      `leaklint confirm CASE:LINE:COL --rule R --format json`
#   node oracle       `node --expose-gc tests/oracle/node-oracle.js CASE`
# on every JS file of examples/ and every case of tests/oracle/cases/. Times
# are whole processes, start included: that is what each run costs. Plus,
# per repetition, one `check --confirm` over the whole corpus (how CI runs
# it): each finding's own confirmation time (`confirm.durationMs`) and the
# run's wall time above the static check, divided by the findings.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: tests/bench/confirm/run.sh [options]

  -n, --reps N       repetitions (default 5; medians per file)
  -j, --jobs N       leaklint check's thread count (default 1)
  --leaklint BIN     use this binary (no build)
  --no-build         use the binary in the build folder as it is
  -h, --help         this text

Environment: LL_BENCH_CACHE (default <repo>/.cache/bench; results go to its
confirm/ folder), LL_BENCH_BUILD (default <repo>/build-bench, configured as
Release when missing).
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
CACHE=${LL_BENCH_CACHE:-$ROOT/.cache/bench}/confirm
BUILD=${LL_BENCH_BUILD:-$ROOT/build-bench}
REPS=5
JOBS=1
LEAKLINT=
DO_BUILD=1
ARGS_AS_GIVEN="$*"

while (($#)); do
  case $1 in
    -n | --reps) REPS=$2; shift 2 ;;
    -j | --jobs) JOBS=$2; shift 2 ;;
    --leaklint) LEAKLINT=$2; DO_BUILD=0; shift 2 ;;
    --no-build) DO_BUILD=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad --reps '$REPS'" >&2; exit 2; }
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad --jobs '$JOBS'" >&2; exit 2; }

log() { printf '[bench-confirm] %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "run.sh: needs '$1'" >&2; exit 2; }; }
need node
if ! (cd "$ROOT" && node -e "require.resolve('@sinonjs/fake-timers')") >/dev/null 2>&1; then
  echo "run.sh: @sinonjs/fake-timers is not installed; run: (cd $ROOT && npm ci --ignore-scripts)" >&2
  exit 2
fi

# ==== Build ====
if ((DO_BUILD)); then
  need cmake
  need ninja
  if [[ ! -f $BUILD/build.ninja ]] ||
    ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt"; then
    log "configuring $BUILD (Release)"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building leaklint"
  ninja -C "$BUILD" leaklint >/dev/null
fi
LEAKLINT=${LEAKLINT:-$BUILD/leaklint}
[[ -x $LEAKLINT ]] || { echo "run.sh: $LEAKLINT is missing (drop --no-build)" >&2; exit 2; }
if ! "$LEAKLINT" confirm --help >/dev/null 2>&1 ||
  ! "$LEAKLINT" check --help 2>&1 | grep -q -- '--confirm'; then
  echo "run.sh: $LEAKLINT lacks 'confirm' or 'check --confirm'; build a leaklint that has both" >&2
  exit 2
fi

# ==== Files ====
mapfile -t EXAMPLES < <(cd "$ROOT" && find examples -type f \
  \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.ts' -o -name '*.tsx' \) | LC_ALL=C sort)
mapfile -t CASES < <(cd "$ROOT" && find tests/oracle/cases -name '*.js' | LC_ALL=C sort)
((${#CASES[@]})) || { echo "run.sh: no oracle cases" >&2; exit 2; }
log "${#EXAMPLES[@]} example files, ${#CASES[@]} oracle cases, $REPS repetitions"

mkdir -p "$CACHE"
node "$ROOT/tests/bench/confirm/bench.mjs" --leaklint "$LEAKLINT" --cache "$CACHE" \
  --reps "$REPS" --jobs "$JOBS" \
  --command "tests/bench/confirm/run.sh${ARGS_AS_GIVEN:+ $ARGS_AS_GIVEN}" \
  --examples "${EXAMPLES[@]}" --cases "${CASES[@]}"
