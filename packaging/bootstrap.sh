#!/usr/bin/env bash
# Set up Dugout on a fresh machine and run it.
#   bash packaging/bootstrap.sh app [dugout args...]   install, then open the app
#   bash packaging/bootstrap.sh test [pytest args...]  install with test tools, then run the whole suite
#   bash packaging/bootstrap.sh package                install with PyInstaller, then build the Linux
#                                                      bundle (what packaging/build.sh runs)
# On Debian/Ubuntu the system libraries Qt needs are installed when missing (as root), or listed.
# The test mode also wants PostgreSQL: the data-layer tests run on SQLite and on a throw-away
# PostgreSQL server (packaging/scratch_postgres.sh); without it those cases are skipped (CI: fail).
set -euo pipefail

mode="${1:-app}"
[ $# -gt 0 ] && shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

debs=(python3 python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)
if [ "$mode" = app ] || [ "$mode" = package ]; then
  # A real window (xcb platform) needs these on top of what offscreen rendering needs; the
  # bundle carries them from the machine that builds it.
  debs+=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
         libxcb-image0 libxcb-randr0 libxcb-render-util0 libx11-xcb1)
fi

has_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${debs[@]}"; do
    case "$pkg" in
      python3|python3-venv) command -v python3 >/dev/null 2>&1 && python3 -c 'import venv, ensurepip' 2>/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # Wanted, not required: a developer without PostgreSQL still runs the suite (its cases skip).
  if [ "$mode" = test ] && ! has_postgres; then
    if [ "$(id -u)" = 0 ]; then
      missing+=(postgresql)
    else
      echo "PostgreSQL is not installed: its test cases will be skipped (sudo apt-get install postgresql)" >&2
    fi
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing system packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Dugout needs these system packages: ${missing[*]}" >&2
      echo "Install them with: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Dugout needs Python 3.11 or newer; found $(python3 --version 2>&1)" >&2; exit 1; }

extras="[postgres]"  # the driver for a club server (--db-url postgresql+psycopg://…)
[ "$mode" = test ] && extras="[test]"
[ "$mode" = package ] && extras="[postgres,package]"
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.dugout-installed$extras"
wanted="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extras"
  echo "$wanted" > "$stamp"
fi

case "$mode" in
  app)
    exec .venv/bin/dugout "$@" ;;
  package)
    PYTHON="$root/.venv/bin/python" exec bash packaging/build.sh "$@" ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check .
    .venv/bin/mypy --no-error-summary db desktop
    # A throw-away PostgreSQL server beside pytest, stopped and removed whatever the result.
    exec bash packaging/scratch_postgres.sh .venv/bin/python -m pytest "$@" ;;
  *)
    echo "usage: bash packaging/bootstrap.sh app|test|package [args...]" >&2; exit 2 ;;
esac
