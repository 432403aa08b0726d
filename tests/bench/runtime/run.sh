#!/bin/sh
# Runs the runtime benchmarks side by side: leaklint's engine, Duktape (`duk`),
# MuJS and `node --jitless`, one after the other in one run, and prints
# "benchmark engine seconds maxRSS-KB". Engines that are not installed or
# cannot run a benchmark (Duktape and MuJS have no Map) print "n/a".
# Usage: tests/bench/runtime/run.sh [path/to/leaklint]   (a Release build)
set -u
here=$(cd "$(dirname "$0")" && pwd)
ll=${1:-$here/../../../build-rt-rel/leaklint}
for b in fib closure_churn map_cache string_building binary_trees; do
  for eng in "$ll run" duk mujs "node --jitless"; do
    set -- $eng
    if ! command -v "$1" >/dev/null 2>&1; then echo "$b ${1##*/} n/a"; continue; fi
    tf=$(mktemp)
    if /usr/bin/time -o "$tf" -f "%e %M" timeout 300 $eng "$here/$b.js" >/dev/null 2>&1; then
      echo "$b ${1##*/} $(cat "$tf")"
    else
      echo "$b ${1##*/} n/a"
    fi
    rm -f "$tf"
  done
done
