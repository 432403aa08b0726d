#!/usr/bin/env bash
# The C peer comparison: runs leaklint, clang-19 --analyze, GCC's -fanalyzer
# and cppcheck on the Juliet-style corpus in tests/fixtures/c/, maps each
# tool's leak reports to the *_bad / *_good function they fall in, and prints
# per tool: bad functions detected, false alarms on good functions, time.
#
#   tests/bench/c/run.sh [LEAKLINT_BIN]     default: build/leaklint
#
# A report counts when its message (or cppcheck id) mentions a leak; it is
# mapped to the function whose line range holds it (functions start at
# column 0 and end with a `}` at column 0, see tests/fixtures/c/README.md).
# Missing peers are installed from Debian (clang-19, cppcheck) when run as
# root; a peer that is still missing is skipped with a note.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
corpus="$here/tests/fixtures/c"
ll=${1:-$here/build/leaklint}
[ -x "$ll" ] || { echo "run.sh: no leaklint binary at $ll (build first, or pass its path)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run.sh: python3 is needed to score" >&2; exit 2; }

install_if_missing() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || return 0
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$2" >/dev/null 2>&1 ||
    { apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$2" >/dev/null 2>&1; } || true
}
install_if_missing clang-19 clang-19
install_if_missing cppcheck cppcheck
install_if_missing gcc gcc

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=("$corpus"/*.c)
node_inc=()
[ -d /usr/include/node ] && node_inc=(-I/usr/include/node)

# Each tool writes "file:line:message" lines to $out/<tool>.txt; its wall
# time goes to $out/<tool>.time.
timed() { # name command...
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$out/$name.raw" 2>&1 || true
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{printf "%.2f\n", $2 - $1}' >"$out/$name.time"
}

run_each() { # command-prefix... -- per file
  for f in "${files[@]}"; do "$@" "$f" 2>&1 || true; done
}

timed leaklint "$ll" check --format json -j 1 "${files[@]}"
python3 - "$out/leaklint.raw" >"$out/leaklint.txt" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for f in doc.get("findings", []):
    if f["rule"] != "parse-error":
        print(f'{f["file"]}:{f["line"]}:{f["rule"]}: {f["message"]}')
PY

if command -v clang-19 >/dev/null; then
  timed clang run_each clang-19 --analyze -Xclang -analyzer-checker=unix \
    "${node_inc[@]}" -o /dev/null
  grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:' "$out/clang.raw" >"$out/clang.txt" || true
fi
if command -v gcc >/dev/null; then
  timed gcc run_each gcc -fanalyzer -c -o /dev/null
  grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:.*\[-Wanalyzer' "$out/gcc.raw" >"$out/gcc.txt" || true
fi
if command -v cppcheck >/dev/null; then
  timed cppcheck cppcheck --enable=warning,style --quiet --template='{file}:{line}:{id}: {message}' "${files[@]}"
  cp "$out/cppcheck.raw" "$out/cppcheck.txt"
fi

python3 - "$out" "${files[@]}" <<'PY'
import os, re, sys
out, files = sys.argv[1], sys.argv[2:]
# Function ranges: name -> (file, first, last).
funcs = []
start = re.compile(r'^[A-Za-z_][^;]*?\b(\w+_(?:bad|good))\s*\(')
for path in files:
    lines = open(path).read().split('\n')
    cur = None
    for i, l in enumerate(lines, 1):
        m = start.match(l)
        if m and not l.rstrip().endswith(';'):
            cur = (m.group(1), i)
        if cur and l.startswith('}'):
            funcs.append((os.path.basename(path), cur[0], cur[1], i))
            cur = None
nbad = sum(1 for f in funcs if f[1].endswith('_bad'))
ngood = len(funcs) - nbad

def owner(file, line):
    for f in funcs:
        if f[0] == file and f[2] <= line <= f[3]:
            return (f[0], f[1])
    return None

leak = re.compile(r'leak', re.I)
print(f'corpus: {len(files)} files, {nbad} bad and {ngood} good functions')
core = ('heap.c', 'resource.c') # what the peers model at all
ncore = sum(1 for f in funcs if f[1].endswith('_bad') and f[0] in core)
print(f'{"tool":<10} {"bad detected":>14} {"false alarms":>14} {"time (s)":>9}'
      f' {"heap+resource bad":>18}')
for tool in ['leaklint', 'clang', 'gcc', 'cppcheck']:
    txt = os.path.join(out, tool + '.txt')
    if not os.path.exists(txt):
        print(f'{tool:<10} {"(not installed)":>14}')
        continue
    hit = set()
    for l in open(txt):
        m = re.match(r'^([^:]+):(\d+):(.*)$', l.strip())
        if not m or not leak.search(m.group(3)):
            continue
        fn = owner(os.path.basename(m.group(1)), int(m.group(2)))
        if fn: hit.add(fn)
    bad = sum(1 for f in hit if f[1].endswith('_bad'))
    good = sorted(f'{f[0]}:{f[1]}' for f in hit if f[1].endswith('_good'))
    t = open(os.path.join(out, tool + '.time')).read().strip()
    cbad = sum(1 for f in hit if f[1].endswith('_bad') and f[0] in core)
    print(f'{tool:<10} {f"{bad}/{nbad} ({100*bad//nbad}%)":>14} '
          f'{f"{len(good)}/{ngood}":>14} {t:>9} {f"{cbad}/{ncore}":>18}')
    if os.environ.get('VERBOSE'):
        missed = sorted(f'{f[0]}:{f[1]}' for f in funcs
                        if f[1].endswith('_bad') and (f[0], f[1]) not in hit)
        print('   missed:', ' '.join(missed))
        print('   false alarms:', ' '.join(good))
PY
