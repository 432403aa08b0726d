#!/usr/bin/env bash
# leaklint's performance benchmark (issue #2, "Performance"). Not a test: it
# measures, prints a table and writes .cache/bench/results.json.
#
# On one corpus of real npm JavaScript (tests/bench/corpus, pinned) it times,
# side by side in one run and strictly one tool at a time:
#   floor     ll-parse-floor: read + tree-sitter parse + free, nothing else
#   leaklint  `leaklint check` with its three rules, 1 thread and all cores
#   eslint    only no-undef + no-implicit-globals, 1 thread and --concurrency
#   oxlint    the same two rules, --threads 1 and all cores
# Every tool gets the same explicit list of files, so that each tool's own
# ignore rules (node_modules, .gitignore) and file-type choices play no part.
# Repetitions are interleaved (floor, leaklint, oxlint, eslint, floor, ...) so
# that a change of background load hits every tool alike; the median counts.
#
# Everything downloaded or generated lives in $LL_BENCH_CACHE (default
# .cache/bench, git-ignored): the two npm installs, the file lists, the tools'
# reports of the last repetition (out/), the raw timings (runs.tsv) and
# results.json.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: tests/bench/run.sh [options]

  -n, --reps N     repetitions per tool (default 3; the median is reported)
  -j, --jobs N     thread count of the "all cores" rows (default: nproc)
  --only LIST      comma-separated subset of floor,leaklint,eslint,oxlint
                   (bar checks that need a missing tool are skipped)
  --no-quarter     skip the 1/4-corpus rows (memory-independence check)
  --no-build       use the binaries in the build folder as they are
  --instructions SET
                   also count the instructions of the floor and of leaklint
                   -j 1 under valgrind (cachegrind) on SET (quarter or full),
                   once: a ratio that load on the machine cannot disturb
                   (quarter: ~3 min, full: 10-20 min)
  -h, --help       this text

Environment: LL_BENCH_CACHE (default <repo>/.cache/bench), LL_BENCH_BUILD
(default <repo>/build-bench, configured as Release when missing).
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=$ROOT/tests/bench
CACHE=${LL_BENCH_CACHE:-$ROOT/.cache/bench}
BUILD=${LL_BENCH_BUILD:-$ROOT/build-bench}
REPS=3
JOBS=$(nproc)
ONLY=floor,leaklint,eslint,oxlint
QUARTER=1
DO_BUILD=1
INSTR=
ARGS_AS_GIVEN="$*"

while (($#)); do
  case $1 in
    -n | --reps) REPS=$2; shift 2 ;;
    -j | --jobs) JOBS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --no-quarter) QUARTER=0; shift ;;
    --no-build) DO_BUILD=0; shift ;;
    --instructions) INSTR=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad --reps '$REPS'" >&2; exit 2; }
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad --jobs '$JOBS'" >&2; exit 2; }
[[ -z $INSTR || $INSTR == full || $INSTR == quarter ]] ||
  { echo "run.sh: --instructions takes quarter or full" >&2; exit 2; }
want() { [[ ,$ONLY, == *,$1,* ]]; }

# The corpus: these top-level folders of the corpus install (the named
# packages, with the whole @babel scope), all .js/.mjs/.cjs files in them.
# Their own dependencies (acorn, terser, ...) are installed but not measured.
CORPUS_DIRS=(webpack three lodash @babel react-dom rxjs date-fns core-js)

log() { printf '[bench] %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "run.sh: needs '$1'" >&2; exit 2; }; }
need node
need npm
need cmake
need ninja
[[ -x /usr/bin/time ]] || { echo "run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ -z $INSTR ]] || need valgrind

mkdir -p "$CACHE"

# ==== Build ====
if ((DO_BUILD)); then
  if [[ ! -f $BUILD/build.ninja ]] ||
    ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt"; then
    log "configuring $BUILD (Release)"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building leaklint and ll-parse-floor"
  ninja -C "$BUILD" leaklint ll-parse-floor >/dev/null
fi
LEAKLINT=$BUILD/leaklint
FLOOR=$BUILD/ll-parse-floor
for b in "$LEAKLINT" "$FLOOR"; do
  [[ -x $b ]] || { echo "run.sh: $b is missing (drop --no-build)" >&2; exit 2; }
done

# ==== npm installs (idempotent: skipped while the lock is unchanged) ====
install() {
  local src=$BENCH/$1 dst=$CACHE/$1 sum
  sum=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [[ -d $dst/node_modules && -f $dst/.installed && $(<"$dst/.installed") == "$sum" ]]; then
    return
  fi
  log "npm ci in $dst"
  mkdir -p "$dst"
  rm -f "$dst/.installed"
  cp "$src/package.json" "$src/package-lock.json" "$dst/"
  (cd "$dst" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  echo "$sum" >"$dst/.installed"
}
install corpus
install tools

NM=$CACHE/corpus/node_modules
TOOLS=$CACHE/tools/node_modules
ESLINT=$TOOLS/eslint/bin/eslint.js
OXLINT=$TOOLS/oxlint/bin/oxlint
if want oxlint && ! "$OXLINT" --version >/dev/null 2>&1; then
  echo "run.sh: oxlint does not start; is its native @oxlint/binding-* package" \
    "for this platform in $TOOLS/@oxlint? (npm skips optional" \
    "dependencies when the lock was made without them)" >&2
  exit 2
fi
# The config must sit in the tools install so that `import "globals"` resolves.
cp "$BENCH/eslint.config.mjs" "$CACHE/tools/eslint.config.mjs"

# ==== File lists ====
# Paths are relative to $NM, the working folder of every tool below.
(cd "$NM" && find "${CORPUS_DIRS[@]}" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) |
  LC_ALL=C sort) >"$CACHE/files.txt"
(cd "$NM" && xargs -d '\n' stat -c '%s %n' <"$CACHE/files.txt") >"$CACHE/sizes.txt"
# The 1/4 subset: every 4th file, plus the largest file of the corpus, so that
# both runs meet the same biggest tree and a difference in peak RSS can only
# come from memory kept across files.
largest=$(awk '$1 > max {max = $1; sub(/^[0-9]+ /, ""); name = $0} END {print name}' "$CACHE/sizes.txt")
{ awk 'NR % 4 == 1' "$CACHE/files.txt"; echo "$largest"; } | LC_ALL=C sort -u >"$CACHE/files-quarter.txt"
# ESM .js files for eslint's sourceType: an import/export keyword at the start
# of a line or after `;`/`}` (minified code), the textual twin of leaklint's
# own test (a top-level import/export statement).
(
  cd "$NM"
  # xargs exits with 123 when a grep batch matched nothing: that is fine.
  grep '\.js$' "$CACHE/files.txt" | {
    xargs -d '\n' grep -lE "(^|[;}])[[:space:]]*(import|export)([[:space:]{*\"']|\$)" ||
      [[ $? == 123 ]]
  }
) | sed "s|^|$NM/|" >"$CACHE/esm.txt"
# An empty leaklint config, so that no .leaklintrc.json up the tree applies.
echo '{}' >"$CACHE/leaklintrc.json"

nfiles=$(wc -l <"$CACHE/files.txt")
nbytes=$(awk '{s += $1} END {print s}' "$CACHE/sizes.txt")
nq=$(wc -l <"$CACHE/files-quarter.txt")
log "corpus: $nfiles files, $nbytes bytes ($(wc -l <"$CACHE/esm.txt") .js as ESM); quarter: $nq files"
mapfile -t FILES <"$CACHE/files.txt"
mapfile -t QFILES <"$CACHE/files-quarter.txt"

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm the page cache so that the first tool does not pay for the disk.
(cd "$NM" && xargs -d '\n' cat <"$CACHE/files.txt" >/dev/null)

# ==== Measuring ====
OUT=$CACHE/out
RUNS=$CACHE/runs.tsv
rm -rf "$OUT"
mkdir -p "$OUT"
printf 'id\ttool\tthreads\tset\trep\trc\twall_s\trss_kb\tcpu_s\tload1\n' >"$RUNS"
LL_RULES=(--rule no-implicit-global=error --rule no-uncleared-interval=error
  --rule no-unremoved-listener=error)
export LL_BENCH_ESM_LIST=$CACHE/esm.txt

# run_one ID TOOL THREADS SET REP STDIN CMD... : one timed run, cwd $NM,
# stdout and stderr kept in $OUT/ID.{stdout,stderr} (the last rep's survive).
run_one() {
  local id=$1 tool=$2 threads=$3 set=$4 rep=$5 stdin=$6 rc=0 wall rss usr sys cpu load
  shift 6
  read -r load _ </proc/loadavg # the 1-minute load just before the run
  (cd "$NM" && /usr/bin/time -f '%e %M %U %S' -o "$OUT/$id.time" "$@" \
    <"$stdin" >"$OUT/$id.stdout" 2>"$OUT/$id.stderr") || rc=$?
  read -r wall rss usr sys < <(tail -n 1 "$OUT/$id.time")
  cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$tool" "$threads" "$set" "$rep" "$rc" \
    "$wall" "$rss" "$cpu" "$load" >>"$RUNS"
  log "rep $rep  $(printf '%-18s' "$id") ${wall}s (cpu ${cpu}s)  $((rss / 1024)) MB  exit $rc  (load $load)"
}

leaklint_run() { # ID THREADS SET REP FILES...
  local id=$1 j=$2 set=$3 rep=$4
  shift 4
  run_one "$id" leaklint "$j" "$set" "$rep" /dev/null "$LEAKLINT" check --no-ignore \
    --config "$CACHE/leaklintrc.json" "${LL_RULES[@]}" -j "$j" --format json \
    -o "$OUT/$id.json" "$@"
}

for ((rep = 1; rep <= REPS; rep++)); do
  if want floor; then
    run_one floor floor 1 full "$rep" "$CACHE/files.txt" "$FLOOR" -
  fi
  if want leaklint; then
    leaklint_run leaklint-j1 1 full "$rep" "${FILES[@]}"
    leaklint_run "leaklint-j$JOBS" "$JOBS" full "$rep" "${FILES[@]}"
  fi
  if want oxlint; then
    for j in 1 "$JOBS"; do
      run_one "oxlint-j$j" oxlint "$j" full "$rep" /dev/null "$OXLINT" \
        -c "$BENCH/oxlintrc.json" --disable-nested-config --no-ignore \
        --threads "$j" -f json "${FILES[@]}"
    done
  fi
  if want eslint; then
    run_one eslint-j1 eslint 1 full "$rep" /dev/null node "$ESLINT" \
      -c "$CACHE/tools/eslint.config.mjs" --no-ignore --no-warn-ignored \
      -f json -o "$OUT/eslint-j1.json" "${FILES[@]}"
    if ((JOBS > 1)); then
      run_one "eslint-j$JOBS" eslint "$JOBS" full "$rep" /dev/null node "$ESLINT" \
        -c "$CACHE/tools/eslint.config.mjs" --no-ignore --no-warn-ignored \
        --concurrency "$JOBS" -f json -o "$OUT/eslint-j$JOBS.json" "${FILES[@]}"
    fi
  fi
  if ((QUARTER)); then
    if want floor; then
      run_one floor-q floor 1 quarter "$rep" "$CACHE/files-quarter.txt" "$FLOOR" -
    fi
    if want leaklint; then
      leaklint_run leaklint-q-j1 1 quarter "$rep" "${QFILES[@]}"
      leaklint_run "leaklint-q-j$JOBS" "$JOBS" quarter "$rep" "${QFILES[@]}"
    fi
  fi
done

# ==== Instruction counts (optional, not repeated: they do not vary) ====
rm -f "$CACHE/instructions.tsv"
if [[ -n $INSTR ]]; then
  list=$CACHE/files.txt
  [[ $INSTR == quarter ]] && list=$CACHE/files-quarter.txt
  mapfile -t IFILES <"$list"
  printf 'id\tset\tinstructions\n' >"$CACHE/instructions.tsv"
  instr_one() { # ID STDIN CMD...
    local id=$1 stdin=$2 ir
    shift 2
    log "counting instructions: $id on the $INSTR set (valgrind, slow)"
    (cd "$NM" && valgrind --tool=cachegrind --cache-sim=no \
      --cachegrind-out-file="$OUT/$id.cg" "$@" <"$stdin" >/dev/null 2>"$OUT/$id.vg") || true
    ir=$(awk '/^summary:/ {print $2}' "$OUT/$id.cg")
    printf '%s\t%s\t%s\n' "$id" "$INSTR" "$ir" >>"$CACHE/instructions.tsv"
  }
  instr_one floor "$list" "$FLOOR" -
  instr_one leaklint-j1 /dev/null "$LEAKLINT" check --no-ignore \
    --config "$CACHE/leaklintrc.json" "${LL_RULES[@]}" -j 1 --format json \
    -o /dev/null "${IFILES[@]}"
fi

# ==== Report ====
node "$BENCH/summarize.mjs" \
  --cache "$CACHE" --jobs "$JOBS" --load-start "$LOAD_START" \
  --command "tests/bench/run.sh${ARGS_AS_GIVEN:+ $ARGS_AS_GIVEN}" \
  --leaklint "$LEAKLINT" --eslint "$ESLINT" --oxlint "$OXLINT" \
  --commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
