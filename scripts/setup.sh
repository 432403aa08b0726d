#!/usr/bin/env bash
# One idempotent set-up for a fresh Debian bookworm machine (run as root, or
# with sudo available): system packages, pinned grammar sources, configure and
# build. Both README commands run this first; running it again is cheap.
#
#   scripts/setup.sh [BUILD_DIR]     default BUILD_DIR: build
#
# Environment: LEAKLINT_BUILD_TYPE (default Release), LEAKLINT_WERROR (ON in CI),
# LEAKLINT_SANITIZE (OFF), LEAKLINT_SKIP_APT=1 to skip the package step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$here/$build" ;; esac

packages=(
  build-essential cmake ninja-build pkg-config git nodejs npm
  libtree-sitter-dev libuv1-dev libcriterion-dev libcjson-dev libclang-19-dev
  libgit2-dev libpcre2-dev neovim
)

need_apt() {
  local p
  for p in "${packages[@]}"; do
    case "$p" in  # tools that may come from outside Debian's packages
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm | git) command -v "$p" >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 0
  done
  return 1
}

if [ "${LEAKLINT_SKIP_APT:-0}" != 1 ] && need_apt; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  # nodejs/npm may already come from elsewhere (the image ships Node 20):
  # install them from Debian only when missing.
  apt_list=()
  for p in "${packages[@]}"; do
    case "$p" in
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm | git) command -v "$p" >/dev/null 2>&1 && continue ;;
    esac
    apt_list+=("$p")
  done
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${apt_list[@]}"
fi

# Grammar sources, pinned by package-lock.json; their install scripts are never run.
if [ ! -f "$here/node_modules/.package-lock.json" ] ||
   ! cmp -s <(sed -n '/"packages"/,$p' "$here/package-lock.json" | grep -E '"version"|integrity') \
             <(sed -n '/"packages"/,$p' "$here/node_modules/.package-lock.json" | grep -E '"version"|integrity'); then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

gen=()
command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
# A generator is fixed when a build folder is first configured: keep it.
[ -f "$build/CMakeCache.txt" ] && gen=()
cmake -S "$here" -B "$build" "${gen[@]}" -Wno-dev \
  -DCMAKE_BUILD_TYPE="${LEAKLINT_BUILD_TYPE:-Release}" \
  -DLL_WERROR="${LEAKLINT_WERROR:-OFF}" \
  -DLL_SANITIZE="${LEAKLINT_SANITIZE:-OFF}" >/dev/null
cmake --build "$build" -j "$(nproc)"
