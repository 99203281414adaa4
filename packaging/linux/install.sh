#!/usr/bin/env bash
# Install Dugout for this user (no root needed), from the unpacked bundle this script sits in.
#   bash install.sh                  the app to ~/.local/lib/dugout, the `dugout` command to
#                                    ~/.local/bin, the menu entry, icon and metainfo to ~/.local/share
#   bash install.sh --uninstall      remove them again (your databases stay in your data folder)
#   --prefix DIR                     instead of ~/.local
set -euo pipefail

id=org.dugout.Dugout
prefix="$HOME/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
app="$prefix/lib/dugout"
bin="$prefix/bin/dugout"
share="$prefix/share"
files=("applications/$id.desktop" "icons/hicolor/scalable/apps/$id.svg" "metainfo/$id.metainfo.xml")

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
  fi
}

remove_app() {
  # Only a folder this script installed (it carries the marker) is ever removed.
  if [ -e "$app" ]; then
    if [ "$(cat "$app/.dugout-bundle" 2>/dev/null)" != "$id" ]; then
      echo "install.sh: $app is not a Dugout installation; leaving it alone" >&2
      exit 1
    fi
    rm -rf -- "$app"
  fi
}

if [ "$action" = uninstall ]; then
  remove_app
  if [ -L "$bin" ]; then rm -f -- "$bin"; fi
  for file in "${files[@]}"; do rm -f -- "$share/$file"; done
  refresh_caches
  echo "Dugout is uninstalled. Your databases are still in your data folder (Help → About shows it)."
  exit 0
fi

source="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -x "$source/dugout" ] || [ "$(cat "$source/.dugout-bundle" 2>/dev/null)" != "$id" ]; then
  echo "install.sh: run it from the unpacked Dugout bundle (the folder with the dugout program)" >&2
  exit 1
fi
if [ "$source" = "$app" ]; then
  echo "install.sh: this bundle is already the installed one ($app)" >&2
  exit 1
fi

# Copy beside the old installation first, then swap: a failed copy leaves the old one working.
mkdir -p "$prefix/lib"
staging="$(mktemp -d "$prefix/lib/.dugout-new.XXXXXX")"
trap 'rm -rf -- "$staging"' EXIT
cp -a "$source/." "$staging/"
remove_app
mv -- "$staging" "$app"
trap - EXIT

mkdir -p "$prefix/bin"
ln -sfn "$app/dugout" "$bin"
for file in "${files[@]}"; do
  install -D -m 644 "$app/share/$file" "$share/$file"
done
# The menu entry starts this installation whether or not ~/.local/bin is on the PATH: its Exec
# holds the path quoted as the Desktop Entry spec says (\ " ` $ escaped, then \ escaped again).
quoted="$(printf '%s' "$app/dugout" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')"
entry="$share/applications/$id.desktop"
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$app/share/applications/$id.desktop" > "$entry"
refresh_caches

version="$("$app/dugout" --version 2>/dev/null || true)"
echo "Installed ${version:-Dugout} in $app"
echo "  command:   $bin"
echo "  menu:      $share/applications/$id.desktop"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Note: $prefix/bin is not on your PATH; add it, or start Dugout from the menu." ;;
esac
