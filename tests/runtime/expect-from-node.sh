#!/bin/sh
# Regenerates the `// expect-output:` lines of conformance files from Node.
# Usage: tests/runtime/expect-from-node.sh FILE.js...
# The lines go at the end of the file so source line numbers stay put. Check
# the diff by hand: Node is the oracle for output, not for leak counts.
set -eu
for f in "$@"; do
  tmp=$(mktemp)
  grep -v '^// expect-output:' "$f" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$tmp"
  out=$(TZ=UTC node "$tmp" 2>&1) || { echo "node failed on $f" >&2; rm -f "$tmp"; exit 1; }
  { cat "$tmp"; printf '%s\n' "$out" | sed 's|^|// expect-output: |; s| $||'; } > "$f"
  rm -f "$tmp"
done
