#!/usr/bin/env bash
# leaklint on real C code that npm packages ship, against the parse alone.
#
#   tests/bench/c/realworld.sh [LEAKLINT_BIN]   default: build/leaklint
#   N=5 tests/bench/c/realworld.sh ...          repetitions (default 3)
#
# Installs pinned packages into .cache/bench-c/ (never committed) with
# `npm install --ignore-scripts`, so nothing is compiled or downloaded
# beyond the tarballs:
#   better-sqlite3   the SQLite amalgamation, deps/sqlite3/sqlite3.c (9 MB),
#                    with the defines of deps/defines.gypi
#   bufferutil       an N-API addon, src/bufferutil.c
#   utf-8-validate   an N-API addon, src/validation.c (5.0.x: the last
#                    release written in C; 6.x is C++)
# It writes a compile_commands.json for them, then per translation unit
# times N runs of `leaklint check --format json -o FILE -j 1 --no-ignore
# --max-file-size 64M
# --compile-commands DIR FILE` and of `clang-19 -fsyntax-only` with the
# same flags, and prints the medians of CPU (user+sys) and wall time and the
# CPU ratio (the bar of issue 5:
# at most 1.3). The last leaklint report of each file is kept in
# .cache/bench-c/out/ and its findings are printed for triage.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
ll=$(realpath "${1:-$here/build/leaklint}")
reps=${N:-3}
cache="$here/.cache/bench-c"
[ -x "$ll" ] || { echo "realworld.sh: no leaklint binary at $ll (build first, or pass its path)" >&2; exit 2; }
command -v clang-19 >/dev/null || { echo "realworld.sh: clang-19 is needed" >&2; exit 2; }
command -v npm >/dev/null || { echo "realworld.sh: npm is needed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "realworld.sh: python3 is needed" >&2; exit 2; }

pkgs=(better-sqlite3@12.4.1 bufferutil@4.0.9 utf-8-validate@5.0.10)
mkdir -p "$cache/out"
cd "$cache"
[ -f package.json ] || echo '{"name": "leaklint-bench-c", "private": true}' >package.json
if [ ! -f node_modules/better-sqlite3/deps/sqlite3/sqlite3.c ] ||
   [ ! -f node_modules/bufferutil/src/bufferutil.c ] ||
   [ ! -f node_modules/utf-8-validate/src/validation.c ]; then
  npm install --ignore-scripts --no-audit --no-fund --silent "${pkgs[@]}" >/dev/null
fi
node_inc=/usr/include/node
[ -f "$node_inc/node_api.h" ] || echo "realworld.sh: note: no N-API headers in $node_inc (apt install libnode-dev)" >&2

python3 - "$ll" "$cache" "$reps" "$node_inc" <<'PY'
import json, os, re, statistics, subprocess, sys, time
ll, cache, reps, node_inc = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
nm = os.path.join(cache, 'node_modules')
sq = os.path.join(nm, 'better-sqlite3', 'deps')
defines = re.findall(r"'([A-Z_0-9]+(?:=[^']*)?)'", open(os.path.join(sq, 'defines.gypi')).read())
tus = [
    (os.path.join(sq, 'sqlite3', 'sqlite3.c'), ['-std=gnu99'] + ['-D' + d for d in defines]),
    (os.path.join(sq, 'test_extension.c'), ['-std=gnu99', '-I' + os.path.join(sq, 'sqlite3')]),
    (os.path.join(nm, 'bufferutil', 'src', 'bufferutil.c'), ['-std=c99', '-I' + node_inc]),
    (os.path.join(nm, 'utf-8-validate', 'src', 'validation.c'), ['-std=c99', '-I' + node_inc]),
]
db = os.path.join(cache, 'db')
os.makedirs(db, exist_ok=True)
json.dump([{'directory': os.path.dirname(f), 'file': f,
            'arguments': ['cc'] + flags + ['-c', f, '-o', '/dev/null']}
           for f, flags in tus], open(os.path.join(db, 'compile_commands.json'), 'w'), indent=1)

def timed(cmd):
    """Wall time and CPU time (user + system, from wait4) of one run: on a
    loaded machine the CPU time is the fairer measure, so both are shown
    and the ratio is taken on CPU time."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode, p.stderr_text = os.waitstatus_to_exitcode(status), err
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, p

print(f'load average: {" ".join(f"{x:.2f}" for x in os.getloadavg())}; {os.cpu_count()} CPUs; N={reps}')
print(f'{"translation unit":<28} {"lines":>7} {"clang-19 -fsyntax-only":>24} {"leaklint":>22} {"ratio":>6}')
print(f'{"":<28} {"":>7} {"cpu":>11} {"wall":>12} {"cpu":>10} {"wall":>11} {"(cpu)":>6}')
worst = 0.0
reports = []
for f, flags in tus:
    name = os.path.relpath(f, nm)
    out = os.path.join(cache, 'out', os.path.basename(f) + '.json')
    cl, lt, clw, ltw = [], [], [], []
    for _ in range(reps):  # interleaved, so load drifts hit both alike
        w, t, p = timed(['clang-19', '-fsyntax-only', '-w'] + flags + [f])
        if p.returncode: print(f'  clang-19 failed on {name}: {p.stderr_text.decode()[:300]}')
        cl.append(t); clw.append(w)
        w, t, p = timed([ll, 'check', '--format', 'json', '-o', out, '-j', '1', '--max-file-size', '64M', '--no-ignore',
                      '--compile-commands', db, f])
        if p.returncode not in (0, 1) or b'skipped' in p.stderr_text:
            sys.exit(f'leaklint failed on {name}: {p.stderr_text.decode()[:300]}')
        lt.append(t); ltw.append(w)
    mc, ml = statistics.median(cl), statistics.median(lt)
    worst = max(worst, ml / mc)
    nlines = sum(1 for _ in open(f, 'rb'))
    med = statistics.median
    print(f'{name:<28.28} {nlines:>7} {mc*1000:>8.0f} ms {med(clw)*1000:>9.0f} ms '
          f'{ml*1000:>7.0f} ms {med(ltw)*1000:>8.0f} ms {ml/mc:>5.2f}x')
    reports.append((name, out))
print(f'worst ratio (cpu medians): {worst:.2f}x (bar: 1.30x)')
print('\nfindings:')
for name, out in reports:
    try:
        doc = json.load(open(out))
    except (OSError, ValueError):
        print(f'  {name}: no report'); continue
    fs = doc.get('findings', [])
    if not fs: print(f'  {name}: none')
    for x in fs:
        print(f'  {name}:{x["line"]}: {x["rule"]}: {x["message"]}')
PY
