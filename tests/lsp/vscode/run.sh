#!/bin/sh
# The VS Code extension in a test: `setup` copies editors/vscode into the
# build folder and installs its pinned npm packages there (npm ci
# --ignore-scripts; node_modules never lands in the source tree); `package`
# lints the client code and builds the .vsix with the pinned @vscode/vsce,
# offline. Usage: run.sh setup|package SRC_DIR WORK_DIR
set -eu
mode=$1 src=$2 work=$3
command -v npm >/dev/null 2>&1 || { echo "npm not installed: skipped"; exit 77; }
case "$mode" in
setup)
  mkdir -p "$work"
  # The extension's files, without any node_modules a developer may have.
  for f in package.json package-lock.json README.md .vscodeignore src; do
    rm -rf "${work:?}/$f"
    cp -R "$src/$f" "$work/$f"
  done
  cd "$work"
  if [ -f node_modules/.package-lock.json ] &&
     cmp -s package-lock.json .installed-lock.json; then
    echo "npm packages already installed"
  else
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json .installed-lock.json
  fi
  ;;
package)
  cd "$work"
  # Lint: the client must at least parse, and must not list rules or analyse.
  node --check src/extension.js
  if grep -n "no-implicit-global\|no-uncleared-interval" src/extension.js; then
    echo "the client must not know rule ids"; exit 1
  fi
  rm -f leaklint.vsix
  npm_config_offline=true timeout 120 npx --no-install vsce package \
    --allow-missing-repository --skip-license --out leaklint.vsix
  test -s leaklint.vsix
  # The packaged extension carries its client library.
  unzip -l leaklint.vsix | grep -q "node_modules/vscode-languageclient/package.json"
  unzip -l leaklint.vsix | grep -q "extension/src/extension.js"
  ! unzip -l leaklint.vsix | grep -q "node_modules/@vscode/vsce/"
  ;;
*) echo "usage: run.sh setup|package SRC WORK" >&2; exit 2 ;;
esac
