"""The app on a real display for ``test_real_drag.py``: the lineup screen of a demo file, with the
screen positions of a squad row and a pitch slot written to a JSON file for xdotool to drag
between. It quits once the lineup changed (or after a while).

    python tests/desktop/lineup/real_drag_app.py DEMO.sqlite POSITIONS.json PLAYER SLOT
"""

from __future__ import annotations

import json
import sys
import tempfile
from argparse import Namespace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.changes import LINEUP  # noqa: E402
from db.domain.lineup import SLOT, Spot  # noqa: E402
from desktop.app import make_application  # noqa: E402
from desktop.theme import apply_theme  # noqa: E402


def main(demo: str, out: str, player: str, slot: int) -> int:
    app = make_application()
    apply_theme(app, dark=False)
    from desktop.main_window import MainWindow

    scratch = tempfile.mkdtemp(prefix="dugout-drag-")
    settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, Namespace(db=demo, db_url=None, as_of=None))
    window.move(0, 0)
    window.resize(1400, 860)
    window.show()
    window.start()
    window.show_screen("lineup")
    screen = window.screens["lineup"]
    for _ in range(20):
        app.processEvents()
    row = screen.model.position_of(next(p.player_id for p in screen.editor.players.values() if p.name == player))
    index = screen.proxy.mapFromSource(screen.model.index(row, 1))
    screen.table.scrollTo(index)
    app.processEvents()
    source = screen.table.viewport().mapToGlobal(screen.table.visualRect(index).center())
    item = screen.scene.item_at(Spot(SLOT, slot))
    target = screen.pitch.viewport().mapToGlobal(screen.pitch.mapFromScene(item.centre()))
    Path(out).write_text(json.dumps({"source": [source.x(), source.y()], "target": [target.x(), target.y()]}))

    def changed(change: object) -> None:
        if getattr(change, "touches", lambda *_: False)(LINEUP):
            QTimer.singleShot(500, app.quit)

    assert window.context is not None
    window.context.data_changed.connect(changed)
    QTimer.singleShot(25000, app.quit)
    status = app.exec()
    window.close()
    app.processEvents()
    QApplication.instance().shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
