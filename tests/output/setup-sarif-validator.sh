#!/usr/bin/env bash
# Installs the SARIF validator used by the tests: the npm package
# @microsoft/sarif-multitool, pinned by sarif-validator/package-lock.json,
# with its self-contained Linux binary (the optional dependency
# @microsoft/sarif-multitool-linux; no .NET install needed). Everything comes
# from the npm registry; install scripts are not run, so this does by hand the
# one thing the binary package's postinstall does (chmod u+x).
#
#   tests/output/setup-sarif-validator.sh      idempotent; fast when installed
#
# Prints the path of the validator binary on success.
set -euo pipefail
dir=$(cd "$(dirname "$0")/sarif-validator" && pwd)
bin="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
stamp="$dir/node_modules/.leaklint-installed"
want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)

if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "$bin"
  exit 0
fi

command -v npm >/dev/null 2>&1 || {
  echo "setup-sarif-validator: npm not found (scripts/setup.sh installs it)" >&2
  exit 1
}
(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
if [ ! -f "$bin" ]; then
  echo "setup-sarif-validator: $bin is missing after npm ci" \
       "(the validator ships a binary for linux-x64 only)" >&2
  exit 1
fi
chmod u+x "$bin"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if ! "$bin" --version >/dev/null 2>&1; then
  echo "setup-sarif-validator: $bin does not run on this machine" >&2
  exit 1
fi
echo "$want" >"$stamp"
echo "$bin"
