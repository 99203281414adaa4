"""The desktop entry, the AppStream metainfo and the install script of the Linux bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.dugout.Dugout"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: apt-get install "
                    f"{'desktop-file-utils' if name == 'desktop-file-validate' else 'appstream'})")
    return found


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_metainfo_validates() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_entry_metainfo_icon_and_app_agree() -> None:
    from desktop.app import APP_ICON, DESKTOP_ID

    component = ET.parse(METAINFO).getroot()
    entry = _entry(DESKTOP)

    assert DESKTOP_ID == APP_ID == component.findtext("id") == entry["Icon"]
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.find("releases/release").get("version") == PROJECT["version"]  # the newest comes first
    assert component.findtext("provides/binary") == entry["Exec"] == "dugout"
    assert APP_ICON.name == "dugout.svg" and APP_ICON.is_file()


def _fake_bundle(folder: Path) -> Path:
    """A bundle folder as the build lays it out, with a stand-in for the frozen program."""
    bundle = folder / "dugout"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "dugout"
    program.write_text(f'#!/bin/sh\n[ "$1" = --version ] && echo "dugout {PROJECT["version"]}" || echo "ran $*"\n',
                       encoding="utf-8")
    program.chmod(0o755)
    subprocess.run(["bash", str(LINUX / "add_desktop_files.sh"), str(bundle)], check=True)
    return bundle


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["bash", str(script), *args], capture_output=True, text=True, env=env, timeout=60)


def test_install_puts_app_command_menu_entry_icon_and_metainfo_in_place(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked")
    home = tmp_path / "a home"  # a space in the path: the menu entry must quote it
    local = home / ".local"

    result = _run(bundle / "install.sh", home)

    assert result.returncode == 0, result.stderr
    assert f"Installed dugout {PROJECT['version']} in {local}/lib/dugout" in result.stdout
    assert "is not on your PATH" in result.stdout
    command = local / "bin" / "dugout"
    assert subprocess.run([str(command), "demo"], capture_output=True, text=True).stdout == "ran demo\n"
    entry = local / "share" / "applications" / f"{APP_ID}.desktop"
    assert _entry(entry)["Exec"] == f'"{local}/lib/dugout/dugout"'
    assert (local / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() \
        == (ROOT / "resources" / "dugout.svg").read_bytes()
    assert (local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout


def test_installing_again_replaces_and_uninstall_removes_only_what_it_put(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked")
    home = tmp_path / "home"
    local = home / ".local"
    assert _run(bundle / "install.sh", home).returncode == 0
    (local / "lib" / "dugout" / "stale-file").write_text("from the old version")
    (local / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    data = local / "share" / "Dugout" / "dugout.sqlite"
    data.parent.mkdir(parents=True)
    data.write_text("the club's data")

    assert _run(bundle / "install.sh", home).returncode == 0
    assert not (local / "lib" / "dugout" / "stale-file").exists()
    assert not list((local / "lib").glob(".dugout-new.*"))

    result = _run(bundle / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not (local / "lib" / "dugout").exists()
    assert not (local / "bin" / "dugout").exists()
    assert not (local / "share" / "applications" / f"{APP_ID}.desktop").exists()
    assert (local / "share" / "applications" / "other.desktop").exists()
    assert data.read_text() == "the club's data"


def test_a_folder_that_is_not_dugout_is_never_removed(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked")
    home = tmp_path / "home"
    someone_elses = home / ".local" / "lib" / "dugout"
    someone_elses.mkdir(parents=True)
    (someone_elses / "notes.txt").write_text("keep me")

    for args in ((), ("--uninstall",)):
        result = _run(bundle / "install.sh", home, *args)
        assert result.returncode == 1
        assert "is not a Dugout installation; leaving it alone" in result.stderr
        assert (someone_elses / "notes.txt").read_text() == "keep me"


def test_install_refuses_to_run_outside_a_bundle(tmp_path: Path) -> None:
    script = tmp_path / "install.sh"
    shutil.copy(LINUX / "install.sh", script)

    result = _run(script, tmp_path / "home")

    assert result.returncode == 1
    assert "run it from the unpacked Dugout bundle" in result.stderr
    assert not (tmp_path / "home" / ".local" / "bin").exists()
