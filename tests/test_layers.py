"""The layer contract: ``db`` works with Qt unavailable, and the first paint does not need SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK_QT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "qt_material", "desktop"}:
                raise ImportError(f"blocked: {name}")
            return None

    sys.meta_path.insert(0, Block())
    import db
    names = [m.name for m in pkgutil.walk_packages(db.__path__, "db.") if ".migrations.versions." not in m.name
             and not m.name.endswith("migrations.env")]
    for name in names:
        importlib.import_module(name)
    print(len(names))
    """
)


def test_db_imports_with_qt_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10


def test_window_shell_imports_without_sqlalchemy() -> None:
    """The modules needed for the first paint must not pull in SQLAlchemy/SQLModel."""
    code = (
        "import sys; import desktop.app, desktop.main_window, desktop.theme;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_opening_a_current_database_does_not_import_alembic(_empty_template: Path) -> None:
    """Alembic costs ~0.1 s to import; it is needed only when there is something to upgrade."""
    code = (
        "import sys; from db.opening import open_database;"
        f"open_database({str(_empty_template)!r}).close();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
