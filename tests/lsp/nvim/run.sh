#!/bin/sh
# The real-client test: headless Neovim with editors/nvim on the runtime path
# opens a copy of fixture.js, and probe.lua checks the diagnostics and applies
# a quick fix (see probe.lua). Usage: run.sh EDITORS_NVIM_DIR; LEAKLINT_BIN
# names the server. Exit 77 (skipped) when nvim is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin=$1
command -v nvim >/dev/null 2>&1 || { echo "nvim not installed: skipped"; exit 77; }
tmp=$(mktemp -d /tmp/ll-nvim-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$here/fixture.js" "$tmp/fixture.js"
cd "$tmp"
# Keep Neovim's log, shada and state out of the user's home.
HOME=$tmp XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state \
XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
  timeout 60 nvim --headless --clean -n -i NONE \
    --cmd "set rtp^=$plugin" -c "luafile $here/probe.lua" fixture.js
