#!/usr/bin/env bash
# Build the Linux bundle: dist/dugout/ (run dist/dugout/dugout, or dist/dugout/install.sh) and
# dist/dugout-VERSION-linux-ARCH.tar.gz with the same folder inside.
#   bash packaging/build.sh
# From a clean checkout it first sets up .venv with the packaging tools (packaging/bootstrap.sh
# package: on Debian/Ubuntu the system libraries Qt needs, which the bundle then carries).
# PYTHON=/path/to/python uses an interpreter where Dugout is already installed with `.[package]`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${PYTHON:-}" ]; then
  exec bash "$root/packaging/bootstrap.sh" package "$@"
fi
cd "$root"
started=$SECONDS

# The bundle reports the installed metadata's version: it must be this checkout's.
wanted="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
installed="$("$PYTHON" -c 'import importlib.metadata as m; print(m.version("dugout"))' 2>/dev/null || echo none)"
if [ "$wanted" != "$installed" ]; then
  echo "build.sh: $PYTHON has Dugout $installed installed, this checkout is $wanted:" \
       "reinstall it (pip install -e '.[package]') or leave PYTHON unset" >&2
  exit 1
fi
"$PYTHON" -c 'import PyInstaller' 2>/dev/null || {
  echo "build.sh: PyInstaller is missing: pip install -c constraints.txt -e '.[package]'" >&2; exit 1; }

rm -rf dist/dugout
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/dugout.spec
# libpython from some interpreters (pyenv, built from source) keeps its debug symbols: 23 MB of 28.
if command -v strip >/dev/null 2>&1; then
  strip --strip-debug dist/dugout/_internal/libpython3*.so* 2>/dev/null || true
fi
bash packaging/linux/add_desktop_files.sh dist/dugout

tarball="dist/dugout-$wanted-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" dugout
echo "Built dist/dugout ($(du -sh dist/dugout | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))" \
     "in $((SECONDS - started)) s"
