"""``dugout budget``: a season's fee and wage budget as a plain-text table (exact to the cent)."""

from __future__ import annotations

import datetime as dt

from db.domain.budget import BudgetLine, season_budget
from db.domain.deals import next_window_season
from db.domain.seasons import season_label
from db.domain.text import fold
from db.engine import Database
from db.errors import ValidationError
from db.i18n import tr
from db.reference.queries import our_club_and_season
from db.transfers.queries import budget_inputs, deal_terms, scenarios, seasons
from db.transfers.writes import club_currency


def money_text(cents: int | None) -> str:
    """Cents as a whole amount with grouping and two decimals ("-1,234.50"); "not set" for None."""
    if cents is None:
        return tr("not set")
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{rest:02d}"


def budget_report(database: Database, *, as_of: dt.date, season: str | None = None,
                  scenario: str | None = None) -> str:
    """The budget table of a season (default: the one whose transfer window comes next after
    ``as_of``) under a scenario (default: the first one made)."""
    label = season_label(season) if season else next_window_season(as_of)
    with database.reading() as session:
        found = our_club_and_season(session)
        if found is None:
            raise ValidationError("club", "not_set_up", tr("No club is set up in {db}", db=database.display_name))
        club, current = found
        spans = seasons(session)
        span = next((s for s in spans if s.label == label), None)
        if span is None:
            raise ValidationError("season", "unknown", tr(
                "No season {s} in this database (seasons: {all})", s=label, all=", ".join(s.label for s in spans)))
        plans = scenarios(session)
        chosen = plans[0] if plans and scenario is None else None
        if scenario is not None:
            chosen = next((p for p in plans if fold(p.name) == fold(scenario)), None)
            if chosen is None:
                raise ValidationError("scenario", "unknown", tr(
                    "No scenario '{s}' (scenarios: {all})", s=scenario, all=", ".join(p.name for p in plans) or "-"))
        assert club.id is not None and current.id is not None
        inputs = budget_inputs(session, club_id=club.id, season_id=current.id, span=span)
        currency = club_currency(session)
        terms = list(deal_terms(session).values())
    result = season_budget(terms, span, scenario=chosen.deal_ids if chosen else frozenset(),
                           settings=inputs.settings, squad=inputs.contracts)
    lines = [tr("Budget {s} of {c}, as of {d} ({cur})", s=span.label, c=club.name, d=as_of.isoformat(), cur=currency)]
    if chosen is not None:
        others = [p.name for p in plans if p is not chosen]
        lines.append(tr("Planned: scenario '{n}'", n=chosen.name)
                     + (tr(" (others: {o}; choose with --scenario)", o=", ".join(others)) if others else ""))
    else:
        lines.append(tr("Planned: no scenario yet"))
    lines.append(tr("Sales and loans out feed the budgets (fees received, wages saved): yes")
                 if inputs.settings.sales_feed else
                 tr("Sales and loans out feed the budgets (fees received, wages saved): no"))
    lines.append("")
    lines += _table(result.fees, result.wages)
    cost = result.squad_cost
    lines.append("")
    lines.append(tr("Squad cost (LaLiga limit) {s}: wages {w} + amortisation {a} = {t}; limit {l}",
                    s=span.label, w=money_text(cost.wages), a=money_text(cost.amortisation),
                    t=money_text(cost.total), l=money_text(cost.limit)))
    lines.append(tr("Wages known for {k} of {n} squad players under contract", k=inputs.wages_known,
                    n=inputs.squad_size))
    for name, line in ((tr("fees"), result.fees), (tr("wages"), result.wages)):
        if line.over:
            lines.append(tr("Warning: over the {what} budget by {m}", what=name, m=money_text(-(line.remaining or 0))))
    if cost.over:
        lines.append(tr("Warning: over the squad-cost limit by {m}", m=money_text(-(cost.headroom or 0))))
    return "\n".join(lines) + "\n"


def _left(line: BudgetLine) -> str:
    return tr("no budget set") if line.remaining is None else money_text(line.remaining)


def _table(fees: BudgetLine, wages: BudgetLine) -> list[str]:
    rows = [
        ("", tr("Fees"), tr("Wages")),
        (tr("Budget"), money_text(fees.budget), money_text(wages.budget)),
        (tr("Committed"), money_text(fees.committed), money_text(wages.committed)),
        (tr("Planned"), money_text(fees.planned), money_text(wages.planned)),
        (tr("Incoming"), money_text(fees.incoming) + ("" if fees.feeds else tr(" (not counted)")),
         money_text(wages.incoming) + ("" if wages.feeds else tr(" (not counted)"))),
        (tr("Remaining"), _left(fees), _left(wages)),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return [f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}".rstrip() for r in rows]
