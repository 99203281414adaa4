"""The budget screen: the panel, the charts (grabbed to PNG, not blank) and the scenarios side by
side, following a change at once; ``dugout budget`` on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.cli import main
from desktop.transfers.budget_screen import BudgetScreen
from tests.helpers import make_context


@pytest.fixture
def screen(qapp, demo, settings, qtbot) -> BudgetScreen:
    widget = BudgetScreen(make_context(demo, settings))
    qtbot.addWidget(widget)
    widget.resize(1300, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _colours(image: QImage) -> int:
    step = 7
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_charts_render_to_png_and_are_not_blank(screen: BudgetScreen, tmp_path: Path) -> None:
    for chart in (screen.spending, screen.cash):
        target = tmp_path / f"{chart.objectName()}.png"
        assert chart.grab().save(str(target))
        image = QImage(str(target))
        assert image.width() > 200 and _colours(image) > 5, chart.objectName()
    assert "Fee payments falling due in 2025/26" in screen.cash.title.text()
    assert "planned: €149.5M" in screen.cash.note.text()


def test_scenarios_side_by_side_follow_a_change(screen: BudgetScreen) -> None:
    model = screen.comparison.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Scenario", "Nothing ticked", "Mac Allister + a centre-back", "Full-backs"]
    planned = [model.index(1, c).data() for c in range(1, 4)]
    assert planned == ["€0", "€149.5M", "€40M"]
    from db.transfers.plans import set_budget
    from db.transfers.queries import season_id_of

    database = screen.context.database
    with database.reading() as session:
        season = season_id_of(session, "2025/26")
    set_budget(database, season, {"transfer_budget_cents": 12_000_000_000})
    from db.changes import SEASON_BUDGET, Change

    screen.context.announce(Change.of(SEASON_BUDGET, {season}))
    assert [model.index(4, c).data() for c in range(1, 4)] == ["€120M", "-€29.5M", "€80M"]
    assert "Over the transfer budget" in screen.panel.warning.text()
    assert "Remaining at the end of the season: -€29.5M" in screen.spending.note.text()


def test_budget_command_prints_the_table(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_path), "budget"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Budget 2025/26 of Real Madrid CF, as of 2025-05-02 (EUR)"
    assert any(line.startswith("Planned") and "149,500,000.00" in line for line in out.splitlines())
    assert main(["--db", str(demo_path), "budget", "--season", "2024/25", "--scenario", "Full-backs"]) == 0
    out = capsys.readouterr().out
    assert "35,000,000.00" in out and "limit 754,900,000.00" in out
    assert main(["--db", str(demo_path), "budget", "--season", "2040"]) == 1
    assert "No season 2040" in capsys.readouterr().err


def test_pyqtgraph_waits_for_the_first_chart() -> None:
    """The charting library is imported when a chart is built, not with the screens' modules."""
    import subprocess
    import sys

    code = ("import sys, desktop.transfers.screen, desktop.transfers.budget_screen, desktop.transfers.charts;"
            "print('pyqtgraph' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.stdout.strip() == "False", result.stderr
