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


def test_window_shell_imports_neither_sqlalchemy_nor_a_screen() -> None:
    """The first paint needs Qt alone: not SQLAlchemy/SQLModel, and no screen's module (each is
    imported when first shown)."""
    code = (
        "import sys; import desktop.app, desktop.main_window, desktop.theme, desktop.screens;"
        "screens = {e.factory.split('.')[1] for e in desktop.screens.SCREENS};"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic')"
        " or (m.startswith('desktop.') and m.split('.')[1] in screens)))"
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


def _imports(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_screen_imports_another_screen_and_shared_pieces_import_none() -> None:
    from desktop.screens import SCREENS

    screens = {entry.factory.split(".")[1] for entry in SCREENS}
    wrong = []
    for path in (ROOT / "desktop").rglob("*.py"):
        parts = path.relative_to(ROOT / "desktop").parts
        own = parts[0] if len(parts) > 1 else None
        for name in _imports(path):
            pieces = name.split(".")
            if pieces[0] == "desktop" and len(pieces) > 1 and pieces[1] in screens and pieces[1] != own:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_pure_rules_import_neither_qt_nor_a_database() -> None:
    heavy = ("PySide6", "sqlalchemy", "sqlmodel", "alembic", "desktop", "db.engine")
    wrong = [f"{path.relative_to(ROOT)} imports {name}"
             for path in (ROOT / "db" / "domain").rglob("*.py") for name in _imports(path)
             if name.startswith(heavy)]
    assert wrong == []


def test_colours_and_style_sheets_come_from_the_theme_alone() -> None:
    import re

    colour = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\d")
    wrong = [f"{path.relative_to(ROOT)}:{number}"
             for path in (ROOT / "desktop").rglob("*.py") if path.name != "theme.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "setStyleSheet(" in line or colour.search(line)]
    assert wrong == []
