"""Before Qt is imported: are the system libraries it loads there? (no Qt here)

Without them Qt stops with a loader error ("libEGL.so.1: cannot open shared object file") or,
for a missing platform plugin library, an abort and a core dump. Dugout looks first and says
which libraries are missing and the command that installs them. The bundle carries most of
them (``packaging/dugout.spec``); OpenGL, EGL and the X connection come from the system.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SystemLibrary:
    """A shared library Qt loads, by its soname, with the Debian/Ubuntu package that ships it.

    ``config`` is a file the library needs as well (fontconfig reads its configuration, which
    lists the fonts; without it no text is drawn)."""

    soname: str
    package: str
    config: str = ""


# What Qt needs to draw at all, on screen or offscreen (screenshots, team sheets).
QT_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libGL.so.1", "libgl1"),
    SystemLibrary("libEGL.so.1", "libegl1"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", config="/etc/fonts/fonts.conf"),
    SystemLibrary("libfreetype.so.6", "libfreetype6"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3"),
    SystemLibrary("libX11.so.6", "libx11-6"),
)

# What a window on X11 (Qt's xcb platform) needs on top: Qt aborts without any of them.
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", "libxcb1"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1"),
)


def bundled_folders() -> list[Path]:
    """Where a bundle keeps the libraries it carries (none when running from Python)."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return []
    return [Path(base), Path(base) / "PySide6" / "Qt" / "lib"]


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (in the bundle or on the system)."""
    if any((folder / soname).exists() for folder in bundled_folders()):
        return True
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether a window would open on Qt's X11 platform (the default without Wayland)."""
    platform = environ.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def _configured(library: SystemLibrary, environ: Mapping[str, str], exists: Callable[[str], bool]) -> bool:
    if not library.config:
        return True
    # FONTCONFIG_FILE / FONTCONFIG_PATH point fontconfig elsewhere: trust them.
    return bool(environ.get("FONTCONFIG_FILE") or environ.get("FONTCONFIG_PATH")) or exists(library.config)


def missing_libraries(
    libraries: Iterable[SystemLibrary],
    *,
    load: Callable[[str], bool] | None = None,
    exists: Callable[[str], bool] = os.path.exists,
    environ: Mapping[str, str] | None = None,
) -> list[SystemLibrary]:
    """The libraries that cannot be loaded (or whose configuration file is missing), in order."""
    env = os.environ if environ is None else environ
    loads = load or can_load
    return [lib for lib in libraries if not (loads(lib.soname) and _configured(lib, env, exists))]


def missing_message(missing: Iterable[SystemLibrary]) -> str:
    """One line naming the missing libraries and the command that installs them."""
    from db.i18n import tr

    missing = list(missing)
    names = ", ".join(lib.soname for lib in missing)
    packages = " ".join(dict.fromkeys(lib.package for lib in missing))
    return tr("Qt cannot start: missing system libraries {names}; "
              "install them with: sudo apt-get install {packages} (Debian/Ubuntu)", names=names, packages=packages)


def check_qt_libraries(*, window: bool, load: Callable[[str], bool] | None = None,
                       environ: Mapping[str, str] | None = None) -> str | None:
    """Before Qt is imported: the message to show if a library it needs is missing, else None.

    ``window`` adds the X11 libraries when a window would open on X11."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if environ is None else environ
    wanted = list(QT_LIBRARIES)
    if window and uses_xcb(env):
        wanted += XCB_LIBRARIES
    missing = missing_libraries(wanted, load=load, environ=env)
    return missing_message(missing) if missing else None


_LOADER_ERROR = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")


def loader_error_message(error: BaseException) -> str | None:
    """A library Qt failed to load after all (an ImportError from the loader) as the same line."""
    found = _LOADER_ERROR.search(str(error))
    if found is None:
        return None
    soname = found.group(1)
    known = {lib.soname: lib for lib in (*QT_LIBRARIES, *XCB_LIBRARIES)}
    library = known.get(soname, SystemLibrary(soname, _package_guess(soname)))
    return missing_message([library])


def _package_guess(soname: str) -> str:
    """Debian names most library packages after the soname: libfoo.so.2 -> libfoo2."""
    stem, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    separator = "-" if stem[-1:].isdigit() else ""
    return f"{stem.lower()}{separator}{version}" if version else stem.lower()
