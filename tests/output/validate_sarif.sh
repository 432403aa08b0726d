#!/usr/bin/env bash
# Validates leaklint's SARIF with Microsoft's validator (`sarif-multitool
# validate`, SARIF and GitHub code-scanning rules): the hand-made sample logs
# of sarif_sample (strict: no error, no warning but the allowed ones), then
# `leaklint check --format sarif examples` (no error) once examples/ has files.
#
#   validate_sarif.sh SARIF_SAMPLE_BIN LEAKLINT_BIN SOURCE_DIR
#
# Needs tests/output/setup-sarif-validator.sh to have run (CTest runs it as
# the fixture output_sarif_validator_setup). Exit 0 = all valid.
set -euo pipefail
sample=$1
leaklint=$2
src=$3
here=$(cd "$(dirname "$0")" && pwd)
vdir="$here/sarif-validator"
bin="$vdir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$bin" ]; then
  echo "validate_sarif: the validator is not installed;" \
       "run tests/output/setup-sarif-validator.sh" >&2
  exit 1
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "validator: $("$bin" --version 2>&1 | head -n 1 || true)"

failed=0
passed=0
validate() { # NAME SARIF_FILE strict|lenient
  if ! "$bin" validate "$2" -c "$vdir/validation.xml" --rule-kind "Sarif;Gh" \
        --level "Error;Warning;Note" -o "$tmp/$1.validation.sarif" \
        --log ForceOverwrite >"$tmp/$1.out" 2>&1 ||
     [ ! -s "$tmp/$1.validation.sarif" ]; then
    echo "$1: the validator did not run:"
    cat "$tmp/$1.out"
    failed=$((failed + 1))
    return
  fi
  if node "$vdir/check.js" "$1" "$tmp/$1.validation.sarif" "$3"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
}

for kind in full quiet clean; do
  "$sample" "$kind" >"$tmp/sample-$kind.sarif"
  validate "sample-$kind" "$tmp/sample-$kind.sarif" strict
done

if [ -d "$src/examples" ] && find "$src/examples" -type f | grep -q .; then
  set +e
  (cd "$src" && "$leaklint" check --format sarif examples) \
    >"$tmp/examples.sarif" 2>"$tmp/examples.err"
  rc=$?
  set -e
  if [ "$rc" -le 1 ]; then
    validate examples "$tmp/examples.sarif" lenient
  else
    echo "examples: leaklint check --format sarif exited $rc:"
    cat "$tmp/examples.err"
    failed=$((failed + 1))
  fi
else
  echo "examples: skipped (examples/ has no files yet)"
fi

echo "SARIF validation: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
