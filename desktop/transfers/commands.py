"""Undo commands of the transfer screens: record or change a deal (terms, schedule, pipeline
stage short of "signed": see ``desktop.transfers.stages``), tick it into a scenario, make or
remove a scenario, set a season's budget, whether sales feed it, and a contract's clauses. Each
is one user action."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from db.changes import (
    CONTRACT_TERMS,
    DEAL,
    SCENARIO,
    SCENARIO_DEAL,
    SEASON_BUDGET,
    SETTING,
    Change,
)
from desktop.undo import DbCommand, push_applied

if TYPE_CHECKING:
    from db.transfers.queries import TargetRow
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState


class CreateDealCommand(DbCommand):
    """Record a new deal; undo takes it out while nobody touched it, redo brings it back (same id)."""

    kinds = frozenset({DEAL})

    def __init__(self, context: AppContext, text: str, values: dict[str, Any], instalments: Any = (),
                 addons: Any = ()) -> None:
        super().__init__(context, text)
        self.values, self.instalments, self.addons = dict(values), list(instalments), list(addons)
        self.deal_id: int | None = None
        self.stored: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.transfers.writes import create_deal, read_snapshot, recreate_deal

        if self.stored is None:
            self.deal_id = create_deal(self.database(), self.values, instalments=self.instalments, addons=self.addons)
            self.stored = read_snapshot(self.database(), self.deal_id)
            self.wrote(DEAL, self.deal_id, 1)
        else:
            self.wrote(DEAL, self.stored["id"], recreate_deal(self.database(), self.stored))
        assert self.deal_id is not None
        return Change.of(DEAL, {self.deal_id})

    def revert(self) -> Change:
        from db.transfers.writes import remove_deal

        assert self.deal_id is not None and self.stored is not None
        remove_deal(self.database(), self.deal_id, expected=self.stored, version=self.own_version(DEAL, self.deal_id, 1) or 1)
        return Change.of(DEAL, {self.deal_id})


class EditDealCommand(DbCommand):
    """Change a deal the user saw at a version: terms, schedule, add-ons or pipeline stage."""

    kinds = frozenset({DEAL})

    def __init__(self, context: AppContext, deal_id: int, seen_version: int, changes: dict[str, Any], text: str,
                 *, instalments: Any = None, addons: Any = None) -> None:
        super().__init__(context, text)
        self.deal_id, self.seen_version = deal_id, seen_version
        self.changes, self.instalments, self.addons = dict(changes), instalments, addons
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.transfers.writes import read_snapshot, swap_deal, update_deal

        database = self.database()
        if self.after is None:
            self.before = read_snapshot(database, self.deal_id)
            version = update_deal(database, self.deal_id, self.seen_version, self.changes,
                                  instalments=self.instalments, addons=self.addons)
            self.after = read_snapshot(database, self.deal_id)
        else:
            assert self.before is not None
            version = swap_deal(database, self.deal_id, expected=self.before, new=self.after,
                                version=self.own_version(DEAL, self.deal_id))
        self.wrote(DEAL, self.deal_id, version)
        return Change.of(DEAL, {self.deal_id})

    def revert(self) -> Change:
        from db.transfers.writes import swap_deal

        assert self.before is not None and self.after is not None
        self.wrote(DEAL, self.deal_id, swap_deal(self.database(), self.deal_id, expected=self.after, new=self.before,
                                                 version=self.own_version(DEAL, self.deal_id)))
        return Change.of(DEAL, {self.deal_id})


class TickCommand(DbCommand):
    """Tick a deal into a scenario, or take it out."""

    kinds = frozenset({SCENARIO_DEAL})

    def __init__(self, context: AppContext, scenario_id: int, deal_id: int, ticked: bool, text: str) -> None:
        super().__init__(context, text)
        self.scenario_id, self.deal_id, self.ticked = scenario_id, deal_id, ticked

    def _set(self, ticked: bool) -> Change:
        from db.transfers.plans import set_ticked

        set_ticked(self.database(), self.scenario_id, self.deal_id, ticked)
        return Change.of(SCENARIO_DEAL, {self.deal_id})

    def apply(self) -> Change:
        return self._set(self.ticked)

    def revert(self) -> Change:
        return self._set(not self.ticked)


class ScenarioCommand(DbCommand):
    """Make a scenario (``make``) or remove one (not ``make``); each undoes the other."""

    kinds = frozenset({SCENARIO, SCENARIO_DEAL})

    def __init__(self, context: AppContext, text: str, *, name: str = "", deal_ids: Any = (),
                 scenario_id: int | None = None, make: bool = True) -> None:
        super().__init__(context, text)
        self.name, self.deal_ids, self.scenario_id, self.make = name.strip(), list(deal_ids), scenario_id, make

    def failed_action(self, undoing: bool) -> str:
        creating = self.make != undoing
        if creating and self.make:
            text = QCoreApplication.translate("TransferCommands", "create the scenario '{s}'")
        elif creating:
            text = QCoreApplication.translate("TransferCommands", "bring back the scenario '{s}'")
        else:
            text = QCoreApplication.translate("TransferCommands", "remove the scenario '{s}'")
        return text.format(s=self.name)

    def _create(self) -> Change:
        from db.transfers.plans import create_scenario, scenario_snapshot

        self.scenario_id = create_scenario(self.database(), self.name, deal_ids=self.deal_ids,
                                           scenario_id=self.scenario_id)
        self.name = scenario_snapshot(self.database(), self.scenario_id)["name"]  # as stored (cleaned)
        return Change({SCENARIO: {self.scenario_id}, SCENARIO_DEAL: None})

    def _remove(self) -> Change:
        from db.transfers.plans import remove_scenario, scenario_snapshot

        assert self.scenario_id is not None
        snapshot = scenario_snapshot(self.database(), self.scenario_id)
        if not self.make and not self.name:  # the first removal: remember what comes back
            self.name, self.deal_ids = snapshot["name"], snapshot["deal_ids"]
        elif snapshot["name"].strip() != self.name.strip() or snapshot["deal_ids"] != sorted(self.deal_ids):
            from db.restoring import stale_row

            raise stale_row(SCENARIO, self.scenario_id)
        remove_scenario(self.database(), self.scenario_id, expected=snapshot)
        return Change({SCENARIO: {self.scenario_id}, SCENARIO_DEAL: None})

    def apply(self) -> Change:
        return self._create() if self.make else self._remove()

    def revert(self) -> Change:
        return self._remove() if self.make else self._create()


class BudgetCommand(DbCommand):
    """Set a season's budgets or squad-cost limit (``before`` → ``after``)."""

    kinds = frozenset({SEASON_BUDGET})

    def __init__(self, context: AppContext, season_id: int, before: dict[str, Any], after: dict[str, Any],
                 text: str) -> None:
        super().__init__(context, text)
        self.season_id, self.before, self.after = season_id, dict(before), dict(after)

    def _set(self, changes: dict[str, Any], expected: dict[str, Any]) -> Change:
        from db.transfers.plans import set_budget

        set_budget(self.database(), self.season_id, changes, expected=expected)
        return Change.of(SEASON_BUDGET, {self.season_id})

    def apply(self) -> Change:
        return self._set(self.after, self.before)

    def revert(self) -> Change:
        return self._set(self.before, self.after)


class SalesFeedCommand(DbCommand):
    """Say whether money from sales feeds the transfer budget (a club setting)."""

    kinds = frozenset({SETTING})

    def __init__(self, context: AppContext, value: bool, text: str) -> None:
        super().__init__(context, text)
        self.value = value

    def _set(self, value: bool) -> Change:
        from db.transfers.plans import set_sales_feed

        set_sales_feed(self.database(), value, expected=not value)
        return Change.everything([SETTING])

    def apply(self) -> Change:
        return self._set(self.value)

    def revert(self) -> Change:
        return self._set(not self.value)


class TermsCommand(DbCommand):
    """Set a contract's release clause or option (``before`` → ``after``)."""

    kinds = frozenset({CONTRACT_TERMS})

    def __init__(self, context: AppContext, membership_id: int, before: dict[str, Any], after: dict[str, Any],
                 text: str) -> None:
        super().__init__(context, text)
        self.membership_id, self.before, self.after = membership_id, dict(before), dict(after)

    def _set(self, changes: dict[str, Any], expected: dict[str, Any]) -> Change:
        from db.transfers.plans import set_terms

        set_terms(self.database(), self.membership_id, changes, expected=expected)
        return Change.of(CONTRACT_TERMS, {self.membership_id})

    def apply(self) -> Change:
        return self._set(self.after, self.before)

    def revert(self) -> Change:
        return self._set(self.before, self.after)


def push_tick(context: AppContext, state: TransferState, row: TargetRow, ticked: bool) -> bool:
    """Tick a target into the current scenario (or out): one undo step; False, said why, if refused."""
    scenario = state.current_scenario()
    if scenario is None or (row.deal_id in scenario.deal_ids) == ticked:
        return False
    text = (QCoreApplication.translate("TransferCommands", "Tick {who} into {s}") if ticked else
            QCoreApplication.translate("TransferCommands", "Take {who} out of {s}")).format(who=row.name, s=scenario.name)
    try:
        push_applied(context, TickCommand(context, scenario.scenario_id, row.deal_id, ticked, text))
    except Exception as error:  # refused: say why, change nothing
        context.message.emit(str(error))
        return False
    return True
