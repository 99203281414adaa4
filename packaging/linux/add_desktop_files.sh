#!/usr/bin/env bash
# Put the desktop integration beside a built bundle: the install script, the .desktop entry, the
# SVG icon and the AppStream metainfo, laid out as under ~/.local/share.
#   bash packaging/linux/add_desktop_files.sh BUNDLE_DIR
set -euo pipefail

bundle="${1:?usage: add_desktop_files.sh BUNDLE_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
id=org.dugout.Dugout

install -D -m 644 "$here/$id.desktop" "$bundle/share/applications/$id.desktop"
install -D -m 644 "$root/resources/dugout.svg" "$bundle/share/icons/hicolor/scalable/apps/$id.svg"
install -D -m 644 "$here/$id.metainfo.xml" "$bundle/share/metainfo/$id.metainfo.xml"
install -m 755 "$here/install.sh" "$bundle/install.sh"
# Marks a folder the install script may replace or remove (never anything else).
echo "$id" > "$bundle/.dugout-bundle"
