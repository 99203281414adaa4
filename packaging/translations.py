"""Extract every string Dugout shows into one Qt Linguist file: ``resources/i18n/dugout.ts``.

    python packaging/translations.py [OUT.ts]

The screens' strings (``self.tr``, ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``) are found
by ``pyside6-lupdate``. The data layer cannot use Qt, so its ``tr("…")`` and ``tr_noop("…")``
calls are read from the source with ``ast`` and added under the context ``db`` (the context
``db.i18n`` asks Qt for at run time). A translator then works from one file, and ``lrelease``
turns it into ``dugout_<lang>.qm`` beside it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "i18n" / "dugout.ts"
DB_CONTEXT = "db"
_DB_CALLS = {"tr", "tr_noop"}


class NotALiteral(Exception):
    """A data-layer message passed as something other than a string literal (extraction cannot see it)."""


def db_messages(roots: tuple[Path, ...] = (ROOT / "db", ROOT / "desktop")) -> dict[str, tuple[Path, int]]:
    """Every ``db.i18n`` message: a ``tr("…")``/``tr_noop("…")`` call by bare name (the data
    layer's, and the command line's, which prints through it), with where it first appears."""
    found: dict[str, tuple[Path, int]] = {}
    for path in sorted(p for root in roots for p in root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _DB_CALLS):
                continue
            if path.name == "i18n.py" and path.parent.name == "db":
                continue  # the definitions themselves
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                raise NotALiteral(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id}() needs a string literal")
            found.setdefault(first.value, (path, node.lineno))
    return found


def _lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (it comes with PySide6)")
    return found


def extract(out: Path = OUT) -> Path:
    """Write the translation source file with every screen and data-layer string; return its path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([_lupdate(), *sources, "-no-obsolete", "-ts", str(out)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    tree = ET.parse(out)
    ts = tree.getroot()
    for old in [c for c in ts.findall("context") if c.findtext("name") == DB_CONTEXT]:
        ts.remove(old)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = DB_CONTEXT
    for text, (path, line) in db_messages().items():
        message = ET.SubElement(context, "message")
        location = ET.SubElement(message, "location", filename=str(path.relative_to(ROOT)), line=str(line))
        location.tail = None
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def read_ts(path: Path) -> dict[str, set[str]]:
    """The source strings of a ``.ts`` file by context."""
    strings: dict[str, set[str]] = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        strings.setdefault(name, set()).update(m.findtext("source") or "" for m in context.findall("message"))
    return strings


if __name__ == "__main__":
    target = extract(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    counts = {name: len(items) for name, items in read_ts(target).items()}
    print(f"{target}: {sum(counts.values())} strings in {len(counts)} contexts")
