"""What the transfer screens share for one open database: the season and scenario the user
looks at (a per-user view setting, remembered per database) and the season's budget, recomputed
the moment a deal, a tick, a budget or a setting changes.

``TransferState.of(context)`` gives the one instance of a context. It keeps every deal's terms
cached; a change notice re-reads only the deals it names, then the pure arithmetic of
``db.domain.budget`` runs over the cache (see bench/bench_budget.py).

Signals:
    changed(): the season, the scenario or any figure changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from db.changes import DEAL, MEMBERSHIP, SCENARIO, SCENARIO_DEAL, SEASON_BUDGET, SETTING, Change

if TYPE_CHECKING:
    from db.domain.budget import SeasonBudget
    from db.domain.deals import DealTerms, SeasonSpan
    from db.transfers.queries import BudgetInputs, ScenarioRow
    from desktop.context import AppContext

KINDS = frozenset({DEAL, SCENARIO, SCENARIO_DEAL, SEASON_BUDGET, SETTING, MEMBERSHIP})
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """The figures every transfer widget shows, for the chosen season and scenario."""

    season: SeasonSpan
    scenario: ScenarioRow | None
    budget: SeasonBudget
    inputs: BudgetInputs


class TransferState(QObject):
    """The chosen season and scenario and the budget they give (one per app context)."""

    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.setObjectName("transferState")
        self.context = context
        self.terms: dict[int, DealTerms] = {}
        self.seasons: list[SeasonSpan] = []
        self.scenarios: list[ScenarioRow] = []
        self.season: SeasonSpan | None = None
        self.scenario_id: int | None = None
        self.snapshot: Snapshot | None = None
        self._inputs: BudgetInputs | None = None
        self.reference_limit: tuple[str, int] | None = None  # the last limit set before this season
        context.data_changed.connect(self.on_change)
        context.database_opened.connect(self.reload)
        context.as_of_changed.connect(lambda _day: self.reload())
        self.reload()

    @classmethod
    def of(cls, context: AppContext) -> TransferState:
        """The context's one instance (made when first asked for)."""
        found = context.findChild(TransferState, "transferState")
        return found if found is not None else cls(context)

    # --- loading ------------------------------------------------------------------------------
    def ready(self) -> bool:
        """Whether a database with our club and season is open."""
        c = self.context
        return c.database is not None and c.club_id is not None and c.season_id is not None

    def _key(self, what: str) -> str:
        from db.engine import without_password

        database = self.context.database
        name = str(database.path or without_password(database.url)) if database else ""
        return f"transfers/{what}/" + name.replace("/", "|")

    def reload(self) -> None:
        """Read everything again (another database, another planning date)."""
        from db.domain.deals import next_window_season
        from db.errors import DugoutError
        from db.transfers.queries import deal_terms, scenarios, seasons

        self.terms, self.seasons, self.scenarios, self.snapshot = {}, [], [], None
        if not self.ready():
            self.changed.emit()
            return
        assert self.context.database is not None
        try:
            with self.context.database.reading() as session:
                self.terms = deal_terms(session)
                self.seasons = seasons(session)
                self.scenarios = scenarios(session)
        except DugoutError as error:
            self.context.message.emit(str(error))
        wanted = str(self.context.settings.value(self._key("season")) or next_window_season(self.context.as_of))
        self.season = next((s for s in self.seasons if s.label == wanted), None) or \
            next((s for s in self.seasons if s.label == next_window_season(self.context.as_of)), None) or \
            (self.seasons[-1] if self.seasons else None)
        saved = self.context.settings.value(self._key("scenario"))
        self.scenario_id = int(saved) if saved not in (None, "") and str(saved).isdigit() else None
        self._read_inputs()
        self.recompute()

    def _read_inputs(self) -> None:
        from db.transfers.queries import budget_inputs, latest_limit

        c = self.context
        if self.season is None or c.database is None or c.club_id is None or c.season_id is None:
            self._inputs = None
            return
        with c.database.reading() as session:
            self._inputs = budget_inputs(session, club_id=c.club_id, season_id=c.season_id, span=self.season)
            self.reference_limit = latest_limit(session, before=self.season.starts_on)

    def on_change(self, change: Change) -> None:
        """Re-read what a committed write touched, then recompute (never raises into Qt: a value
        the arithmetic cannot take, stored before dates were bounded, is said in a message)."""
        from db.errors import DugoutError

        if not change.touches(*KINDS) or not self.ready():
            return
        try:
            self._apply(change)
        except DugoutError as error:
            self.context.message.emit(str(error))
        except Exception as error:
            log.exception("Reading a change for the budget failed")
            self.context.message.emit(self.tr("Could not read what changed in the budget: {e}").format(e=error))

    def _apply(self, change: Change) -> None:
        from db.transfers.queries import deal_terms, scenarios

        database = self.context.database
        assert database is not None
        gone = False  # a deal removed takes its ticks with it
        with database.reading() as session:
            if change.touches(DEAL):
                if change.is_everything(DEAL):
                    self.terms, gone = deal_terms(session), True
                else:
                    ids = change.ids(DEAL)
                    fresh = deal_terms(session, ids)
                    for deal_id in ids:
                        if deal_id in fresh:
                            self.terms[deal_id] = fresh[deal_id]
                        else:
                            gone = gone or self.terms.pop(deal_id, None) is not None
            if gone or change.touches(SCENARIO, SCENARIO_DEAL):
                self.scenarios = scenarios(session)
        # A deal edit changes no budget setting nor the squad's wages: signing announces the squad
        # place (MEMBERSHIP) too.
        if change.touches(SEASON_BUDGET, SETTING, MEMBERSHIP):
            self._read_inputs()
        self.recompute()

    # --- choosing -----------------------------------------------------------------------------
    def current_scenario(self) -> ScenarioRow | None:
        """The scenario counted as planned: the user's choice, else the first one made."""
        chosen = next((s for s in self.scenarios if s.scenario_id == self.scenario_id), None)
        return chosen or (self.scenarios[0] if self.scenarios else None)

    def choose_season(self, label: str) -> None:
        """Look at another season (remembered for this database)."""
        found = next((s for s in self.seasons if s.label == label), None)
        if found is None or found == self.season:
            return
        self.season = found
        self.context.settings.setValue(self._key("season"), label)
        self._read_inputs()
        self.recompute()

    def choose_scenario(self, scenario_id: int | None) -> None:
        """Count another scenario as planned (remembered for this database)."""
        if scenario_id == self.scenario_id:
            return
        self.scenario_id = scenario_id
        self.context.settings.setValue(self._key("scenario"), "" if scenario_id is None else str(scenario_id))
        self.recompute()

    # --- figures ------------------------------------------------------------------------------
    def budget_for(self, ticked: frozenset[int], season: SeasonSpan | None = None) -> SeasonBudget | None:
        """The season's budget with these deals ticked (a scenario's, or none)."""
        from db.domain.budget import season_budget

        season = season or self.season
        if season is None or self._inputs is None:
            return None
        inputs = self._inputs
        return season_budget(self.terms.values(), season, scenario=ticked, settings=inputs.settings,
                             squad=inputs.contracts)

    def recompute(self) -> None:
        """The figures of the chosen season and scenario; tells every widget."""
        scenario = self.current_scenario()
        try:
            budget = self.budget_for(scenario.deal_ids if scenario else frozenset())
        except Exception as error:  # a slot's work: said, never raised into Qt
            log.exception("Working out the budget failed")
            self.context.message.emit(self.tr("Could not work out the budget: {e}").format(e=error))
            budget = None
        if budget is None or self.season is None or self._inputs is None:
            self.snapshot = None
        else:
            self.snapshot = Snapshot(self.season, scenario, budget, self._inputs)
        self.changed.emit()

    def ticked(self) -> frozenset[int]:
        """The deals ticked into the current scenario."""
        scenario = self.current_scenario()
        return scenario.deal_ids if scenario else frozenset()

    def deal(self, deal_id: int) -> Any:
        """A deal's cached terms (None when unknown)."""
        return self.terms.get(deal_id)
