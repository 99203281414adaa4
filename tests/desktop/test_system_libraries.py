"""Missing system libraries are named with the command that installs them, before Qt is loaded."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.system_libraries import (
    QT_LIBRARIES,
    XCB_LIBRARIES,
    SystemLibrary,
    can_load,
    check_qt_libraries,
    loader_error_message,
    missing_libraries,
    uses_xcb,
)

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")


def test_the_real_loader_finds_a_system_library_and_not_an_invented_one() -> None:
    assert can_load("libc.so.6")
    assert not can_load("libdugout-does-not-exist.so.9")


@linux_only
def test_nothing_is_reported_where_qt_runs() -> None:
    """This machine runs the GUI tests, so it has every library Qt needs offscreen."""
    assert check_qt_libraries(window=False, environ={"QT_QPA_PLATFORM": "offscreen"}) is None


@linux_only
def test_a_search_that_finds_nothing_names_every_library_and_one_install_line() -> None:
    message = check_qt_libraries(window=False, load=lambda _name: False, environ={})

    assert message is not None and "\n" not in message
    for library in QT_LIBRARIES:
        assert library.soname in message
    assert "sudo apt-get install libgl1 libegl1 libfontconfig1 " in message
    assert "libxcb-cursor.so.0" not in message  # no window asked for: the X11 libraries are not needed


@linux_only
def test_only_the_missing_ones_are_named() -> None:
    message = check_qt_libraries(window=False, load=lambda name: name not in {"libGL.so.1", "libEGL.so.1"},
                                 environ={"FONTCONFIG_FILE": "/x"})

    assert message == ("Qt cannot start: missing system libraries libGL.so.1, libEGL.so.1; "
                       "install them with: sudo apt-get install libgl1 libegl1 (Debian/Ubuntu)")


@linux_only
def test_a_window_on_x11_needs_the_xcb_libraries_too() -> None:
    missing_cursor = {"libxcb-cursor.so.0"}
    load = lambda name: name not in missing_cursor  # noqa: E731
    x11 = {"DISPLAY": ":0", "FONTCONFIG_FILE": "/x"}

    message = check_qt_libraries(window=True, load=load, environ=x11)
    assert message is not None and "libxcb-cursor.so.0" in message and "libxcb-cursor0" in message
    assert check_qt_libraries(window=True, load=load, environ={**x11, "WAYLAND_DISPLAY": "wayland-0"}) is None
    assert check_qt_libraries(window=False, load=load, environ=x11) is None
    assert len(XCB_LIBRARIES) > 10


def test_which_platform_a_window_uses() -> None:
    assert uses_xcb({})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})


def test_fontconfig_without_its_configuration_counts_as_missing() -> None:
    fontconfig = next(lib for lib in QT_LIBRARIES if lib.soname == "libfontconfig.so.1")

    assert missing_libraries([fontconfig], load=lambda _n: True, exists=lambda _p: False, environ={}) == [fontconfig]
    assert missing_libraries([fontconfig], load=lambda _n: True, exists=lambda p: p == fontconfig.config,
                             environ={}) == []
    assert missing_libraries([fontconfig], load=lambda _n: True, exists=lambda _p: False,
                             environ={"FONTCONFIG_FILE": "/opt/fonts.conf"}) == []


def test_a_loader_error_becomes_the_same_line() -> None:
    known = loader_error_message(ImportError("libEGL.so.1: cannot open shared object file: No such file or directory"))
    unknown = loader_error_message(ImportError("libxcb-cursor.so.0: cannot open shared object file: No such file"))
    guessed = loader_error_message(ImportError("libfoo-2.so.3: cannot open shared object file: No such file"))

    assert known is not None and "libEGL.so.1" in known and "apt-get install libegl1 " in known
    assert unknown is not None and "apt-get install libxcb-cursor0 " in unknown
    assert guessed is not None and "apt-get install libfoo-2-3 " in guessed
    assert loader_error_message(ImportError("No module named 'PySide6'")) is None


def test_package_names_are_unique_per_soname() -> None:
    sonames = [lib.soname for lib in (*QT_LIBRARIES, *XCB_LIBRARIES)]
    assert len(sonames) == len(set(sonames))
    assert all(isinstance(lib, SystemLibrary) and lib.package for lib in (*QT_LIBRARIES, *XCB_LIBRARIES))


LAUNCH_WITHOUT_GL = textwrap.dedent(
    """
    import sys
    import desktop.system_libraries as libraries

    real = libraries.can_load
    libraries.can_load = lambda name: name not in {"libGL.so.1", "libEGL.so.1"} and real(name)
    from desktop.cli import main

    status = main(sys.argv[1:])
    print("qt-imported" if any(m.startswith("PySide6") for m in sys.modules) else "qt-not-imported")
    raise SystemExit(status)
    """
)


@linux_only
@pytest.mark.parametrize("command", [["screenshots", "{tmp}/shots"], ["export", "teamsheet", "2025-05-04", "{tmp}/sheet.pdf"],
                                     []])
def test_the_command_line_says_what_is_missing_instead_of_a_loader_error(
    tmp_path: Path, demo_path: Path, command: list[str]
) -> None:
    import os

    arguments = [part.format(tmp=tmp_path) for part in command]
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH_WITHOUT_GL, "--db", str(demo_path), *arguments], cwd=ROOT, capture_output=True,
        text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen" if command else "xcb",
                                     "DISPLAY": ":99"},
    )

    assert result.returncode == 1
    assert result.stderr == ("dugout: Qt cannot start: missing system libraries libGL.so.1, libEGL.so.1; "
                             "install them with: sudo apt-get install libgl1 libegl1 (Debian/Ubuntu)\n")
    assert result.stdout.strip().splitlines()[-1] == "qt-not-imported"
    assert not (tmp_path / "shots").exists() and not (tmp_path / "sheet.pdf").exists()
