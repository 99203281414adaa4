#!/usr/bin/env bash
# Smoke test of the Linux bundle, end to end:
#   bash packaging/smoke.sh              build it (packaging/build.sh), then test it
#   bash packaging/smoke.sh --no-build   test the tarball already in dist/
# Unpacks the tarball and installs it for a fresh user (empty HOME and data folder, no Python on
# the PATH, run from another folder), then offscreen: `dugout --version`, `dugout` without a
# database, `dugout --db NEW demo` and `dugout --db NEW screenshots DIR`; every screen of
# desktop/screens.py must have its PNG (light and dark) and nothing may print a traceback.
# As root it also hides libGL/libEGL in a private mount namespace and expects the launcher to
# name them with the apt-get line. Exits 0 when all of it holds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS
if [ "${1:-}" != --no-build ]; then
  bash packaging/build.sh
fi
python="${PYTHON:-$root/.venv/bin/python}"
version="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
tarball="dist/dugout-$version-linux-$(uname -m).tar.gz"
[ -f "$tarball" ] || { echo "smoke: no $tarball (build it first)" >&2; exit 1; }
# The screens to expect come from the registry, not from a list kept here.
screens="$(QT_QPA_PLATFORM=offscreen "$python" -c \
  'from desktop.screens import SCREENS; print(" ".join(entry.name for entry in SCREENS))')"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/dugout-smoke.XXXXXX")"
trap 'rm -rf -- "$tmp"' EXIT
mkdir -p "$tmp/unpacked" "$tmp/home" "$tmp/work"
tar -C "$tmp/unpacked" -xzf "$tarball"
cd "$tmp/work"

failures=0
fail() { echo "smoke: FAIL: $*" >&2; failures=$((failures + 1)); }
fresh() {  # a user with nothing of ours: no Python on the PATH, no checkout, fresh data folder
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 DUGOUT_DATA_DIR="$tmp/data" \
    QT_QPA_PLATFORM=offscreen "$@"
}

fresh bash "$tmp/unpacked/dugout/install.sh" > "$tmp/install.log" || fail "install.sh: $(cat "$tmp/install.log")"
dugout="$tmp/home/.local/bin/dugout"
[ -x "$dugout" ] || { echo "smoke: FAIL: install.sh left no $dugout" >&2; exit 1; }

said="$(fresh "$dugout" --version)"
[ "$said" = "dugout $version" ] || fail "--version said '$said', not 'dugout $version'"

# First run offscreen: nobody can answer the welcome dialog, so it says what to do instead.
if fresh "$dugout" > "$tmp/first.out" 2> "$tmp/first.err"; then
  fail "the window without a database exited 0 offscreen"
fi
grep -q "no database to open" "$tmp/first.err" || fail "first run said: $(cat "$tmp/first.err")"

fresh "$dugout" --db "$tmp/new.sqlite" demo > "$tmp/demo.out" 2> "$tmp/demo.err" \
  || fail "demo: $(cat "$tmp/demo.err")"
grep -q "Demo season ready in $tmp/new.sqlite" "$tmp/demo.out" || fail "demo said: $(cat "$tmp/demo.out")"
shots_from=$SECONDS
fresh "$dugout" --db "$tmp/new.sqlite" screenshots "$tmp/shots" > "$tmp/shots.out" 2> "$tmp/shots.err" \
  || fail "screenshots: $(cat "$tmp/shots.err")"
shots_took=$((SECONDS - shots_from))
for log in "$tmp"/*.err; do
  if grep -q -E "Traceback|Error" "$log"; then fail "$(basename "$log"): $(cat "$log")"; fi
done
count=0
for name in $screens; do
  for file in "$name.png" "$name-dark.png"; do
    count=$((count + 1))
    # A PNG starts with \x89PNG; an empty or broken file does not.
    if [ "$(head -c 4 "$tmp/shots/$file" 2>/dev/null | tail -c 3)" != PNG ]; then
      fail "no picture of the $name screen: $tmp/shots/$file"
    fi
  done
done
[ -f "$tmp/data/crash.log" ] && fail "crash.log written: $(cat "$tmp/data/crash.log")"

# Missing system libraries: hide OpenGL and EGL from the loader in a private mount namespace.
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 && unshare -m true 2>/dev/null; then
  gl="$(readlink -f "$(ldconfig -p | awk '$1 == "libGL.so.1" {print $NF; exit}')")"
  egl="$(readlink -f "$(ldconfig -p | awk '$1 == "libEGL.so.1" {print $NF; exit}')")"
  hidden="$(fresh unshare -m sh -c 'mount --bind /dev/null "$1" && mount --bind /dev/null "$2" && exec "$3" --db "$4" screenshots "$5"' \
    sh "$gl" "$egl" "$dugout" "$tmp/new.sqlite" "$tmp/hidden" 2>&1 || true)"
  expected="dugout: Qt cannot start: missing system libraries libGL.so.1, libEGL.so.1; install them with: sudo apt-get install libgl1 libegl1 (Debian/Ubuntu)"
  [ "$hidden" = "$expected" ] || fail "without libGL/libEGL the launcher said: $hidden"
  [ ! -e "$tmp/hidden" ] || fail "without libGL/libEGL screenshots were still written"
  echo "smoke: without libGL/libEGL the launcher names them and the apt-get line"
else
  echo "smoke: skipped hiding libGL/libEGL (needs root and unshare)"
fi

fresh bash "$tmp/unpacked/dugout/install.sh" --uninstall > /dev/null || fail "uninstall"
[ ! -e "$dugout" ] || fail "uninstall left $dugout"

if [ "$failures" -gt 0 ]; then
  echo "smoke: $failures check(s) failed" >&2
  exit 1
fi
echo "smoke: OK: $count screenshots of $(echo "$screens" | wc -w) screens from the installed bundle" \
     "($(du -sh "$root/dist/dugout" | cut -f1) unpacked, $(du -sh "$root/$tarball" | cut -f1) tarball);" \
     "screenshots took ${shots_took} s, the whole smoke test $((SECONDS - started)) s"
