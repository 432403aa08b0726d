#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test: the README's
# test command and the whole of CI (.ci/run).
#
#   scripts/test.sh [BUILD_DIR]     default BUILD_DIR: build
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
LEAKLINT_WERROR=ON "$here/scripts/setup.sh" "$build"
# Test-only tools (the SARIF validator) live in their own npm folder.
if [ -x "$here/tests/output/setup-sarif-validator.sh" ]; then
  "$here/tests/output/setup-sarif-validator.sh"
fi
cd "$here"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
