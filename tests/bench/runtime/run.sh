#!/bin/sh
# Runs the runtime benchmarks side by side: leaklint's engine, Duktape (`duk`),
# MuJS and `node --jitless`. Each round runs every engine once on a benchmark
# before the next round starts, so machine noise falls on all engines alike;
# the summary gives per engine the median and minimum wall time (ms
# resolution, process start included) and the
# largest max-RSS over the rounds, and leaklint's median as a ratio of each
# peer's median (the issue's bar: at most 0.5 of Duktape's).
# Engines that are not installed or cannot run a benchmark (Duktape and MuJS
# have no Map) print "n/a".
#
# Usage: tests/bench/runtime/run.sh [-n ROUNDS] [-b "fib map_cache"] [path/to/leaklint]
#        (a Release build; ROUNDS defaults to 5)
set -u
here=$(cd "$(dirname "$0")" && pwd)
rounds=5
benches="fib closure_churn map_cache string_building binary_trees"
while [ $# -gt 0 ]; do
  case $1 in
    -n) rounds=$2; shift 2 ;;
    -b) benches=$2; shift 2 ;;
    *) break ;;
  esac
done
ll=${1:-$here/../../../build-rt-rel/leaklint}
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT

for b in $benches; do
  r=1
  while [ "$r" -le "$rounds" ]; do
    for eng in "$ll run" duk mujs "node --jitless"; do
      set -- $eng
      name=${1##*/}
      if ! command -v "$1" >/dev/null 2>&1; then echo "$b $name n/a" >> "$raw"; continue; fi
      tf=$(mktemp)
      t0=$(date +%s%N)
      if /usr/bin/time -o "$tf" -f "%M" timeout 300 $eng "$here/$b.js" >/dev/null 2>&1; then
        t1=$(date +%s%N)
        echo "$b $name $(( (t1 - t0) / 1000000 )) $(cat "$tf")" >> "$raw"
      else
        echo "$b $name n/a" >> "$raw"
      fi
      rm -f "$tf"
    done
    r=$((r + 1))
  done
done

# benchmark engine median min maxRSS, then the ratios.
awk -v rounds="$rounds" '
  { key = $1 " " $2
    if (!(key in seen)) { seen[key] = 1; order[++nk] = key }
    if ($3 == "n/a") { na[key] = 1; next }
    n[key]++; t[key, n[key]] = $3 / 1000
    if ($4 > rss[key]) rss[key] = $4 }
  function median(k,   i, j, m, a, tmp) {
    m = n[k]
    for (i = 1; i <= m; i++) a[i] = t[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
      if (a[j] < a[i]) { tmp = a[i]; a[i] = a[j]; a[j] = tmp }
    lo = a[1]
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    printf "%-16s %-8s %9s %9s %10s   (%s rounds)\n", "benchmark", "engine", "median_s", "min_s", "maxRSS_KB", rounds
    for (i = 1; i <= nk; i++) {
      k = order[i]; split(k, p, " ")
      if (!n[k]) { printf "%-16s %-8s %9s\n", p[1], p[2], "n/a"; continue }
      med[k] = median(k)
      printf "%-16s %-8s %9.3f %9.3f %10d\n", p[1], p[2], med[k], lo, rss[k]
    }
    print ""
    printf "%-16s %12s %12s %14s\n", "benchmark", "llrt/duk", "llrt/mujs", "llrt/node-jl"
    for (i = 1; i <= nk; i++) {
      k = order[i]; split(k, p, " ")
      if (p[2] != "leaklint") continue
      line = sprintf("%-16s", p[1])
      split("duk mujs node", peers, " ")
      for (j = 1; j <= 3; j++) {
        pk = p[1] " " peers[j]
        if (n[k] && n[pk] && med[pk] > 0) line = line sprintf(" %12.2fx", med[k] / med[pk])
        else line = line sprintf(" %13s", "n/a")
      }
      print line
    }
  }' "$raw"
