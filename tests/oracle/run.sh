#!/usr/bin/env bash
# The oracle agreement check (issue #4, "Honest accuracy: Node is the judge").
#
#   tests/oracle/run.sh [options] [LEAKLINT_BIN]     default: build/leaklint
#
# For every case in tests/oracle/cases/: Node's label (node-oracle.js), the
# case header's `expect`, leaklint's pipeline verdict (`check --confirm
# --format json CASE`) and its runtime verdict (`confirm CASE:LINE:COL --rule
# RULE --format json`). Prints a table and the agreement, precision and recall
# of `confirmed` against Node's `leaks`. Exit status: 0 when every Node label
# equals `expect`, both agreements are >= 95% and nothing Node calls a leak is
# refuted; 1 otherwise; 2 when the set-up is missing (node, the npm install,
# the leaklint binary or its confirm commands); 77 (CTest: skipped) when node
# itself is missing.
#
# Options:
#   --node-only     only Node's labels against `expect` (no leaklint needed)
#   -j, --jobs N    cases run in parallel (default 2)
#   --json FILE     also write every row and figure as JSON
#   CASE.js...      after `--`: only these cases (default: all)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/oracle
NODE_ONLY=0
JOBS=2
JSON=
LEAKLINT=
CASES=()

while (($#)); do
  case $1 in
    --node-only) NODE_ONLY=1; shift ;;
    -j | --jobs) JOBS=$2; shift 2 ;;
    --json) JSON=$2; shift 2 ;;
    -h | --help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; CASES=("$@"); break ;;
    -*) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
    *) LEAKLINT=$1; shift ;;
  esac
done
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad --jobs '$JOBS'" >&2; exit 2; }

if ! command -v node >/dev/null 2>&1; then
  echo "run.sh: node is not installed: the oracle needs Node.js (20 or later)" >&2
  exit 77
fi
if ! (cd "$ROOT" && node -e "require.resolve('@sinonjs/fake-timers')") >/dev/null 2>&1; then
  echo "run.sh: @sinonjs/fake-timers is not installed; run: (cd $ROOT && npm ci --ignore-scripts)" >&2
  exit 2
fi

if ((!NODE_ONLY)); then
  LEAKLINT=${LEAKLINT:-$ROOT/build/leaklint}
  [[ -x $LEAKLINT ]] || { echo "run.sh: no leaklint binary at $LEAKLINT (build it, or pass its path)" >&2; exit 2; }
  # Both commands must exist: `confirm` (direct, by site) and `check --confirm`.
  if ! "$LEAKLINT" confirm --help >/dev/null 2>&1; then
    echo "run.sh: $LEAKLINT has no 'confirm' command (leaklint confirm FILE:LINE:COL --rule RULE);" \
      "build a leaklint that has it, or run with --node-only" >&2
    exit 2
  fi
  if ! "$LEAKLINT" check --help 2>&1 | grep -q -- '--confirm'; then
    echo "run.sh: $LEAKLINT check has no --confirm option; build a leaklint that has it, or run with --node-only" >&2
    exit 2
  fi
fi

if ((${#CASES[@]} == 0)); then
  mapfile -t CASES < <(cd "$ROOT" && find tests/oracle/cases -name '*.js' | LC_ALL=C sort)
fi
((${#CASES[@]})) || { echo "run.sh: no cases" >&2; exit 2; }

args=(-j "$JOBS")
((NODE_ONLY)) && args+=(--node-only) || args+=(--leaklint "$LEAKLINT")
[[ -n $JSON ]] && args+=(--json "$JSON")
cd "$ROOT"
exec node "$HERE/compare.js" "${args[@]}" "${CASES[@]}"
