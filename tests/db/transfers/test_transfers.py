"""The transfer area on both engines: the demo's targets and ledger, writes that refuse bad input
by field, the seed case through the database, undo's compare-and-swap, signing, scenarios, budgets
and ``dugout budget``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import select

from db.demo import DEMO_NAME, load_demo
from db.domain.budget import season_budget
from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.opening import open_database
from db.reference.queries import DEMO
from db.reference.writes import set_setting
from db.squad.models import Player, SquadMembership
from db.transfers.models import Deal, Scenario, ScenarioDeal
from db.transfers.plans import (
    budget_values,
    create_scenario,
    remove_scenario,
    scenario_snapshot,
    set_budget,
    set_sales_feed,
    set_terms,
    set_ticked,
    terms_values,
)
from db.transfers.queries import (
    budget_inputs,
    contract_watch,
    deal_terms,
    non_eu_places,
    scenarios,
    seasons,
    shortlist,
)
from db.transfers.report import budget_report
from db.transfers.signing import sign_deal, unsign_deal
from db.transfers.writes import (
    create_deal,
    read_snapshot,
    remove_deal,
    swap_deal,
    update_deal,
)
from tests.helpers import AS_OF, squad_ids

MAC = "Alexis Mac Allister"


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    opened = open_database(demo_target)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def shared(demo_shared: str) -> Iterator[Database]:
    opened = open_database(demo_shared)
    yield opened
    opened.close()


def targets(database: Database) -> dict[str, Any]:
    """The shortlist of the summer 2025 window."""
    with database.reading() as session:
        window = next(s for s in seasons(session) if s.label == "2025/26")
        return {row.name: row for row in shortlist(session, as_of=AS_OF, window=window)}


def player_id(database: Database, name: str) -> int:
    with database.reading() as session:
        found = session.exec(select(Player.id).where(Player.name == name)).one()
        assert found is not None
        return found


def budget_of(database: Database, label: str = "2025/26", ticked: frozenset[int] = frozenset()) -> Any:
    club_id, season_id, _ = squad_ids(database)
    with database.reading() as session:
        span = next(s for s in seasons(session) if s.label == label)
        inputs = budget_inputs(session, club_id=club_id, season_id=season_id, span=span)
        terms = list(deal_terms(session).values())
    return season_budget(terms, span, scenario=ticked, settings=inputs.settings, squad=inputs.contracts)


# --- the demo -------------------------------------------------------------------------------------
def test_the_demo_shortlist_of_may_2025(shared: Database) -> None:
    rows = targets(shared)
    assert set(rows) == {MAC, "Trent Alexander-Arnold", "Dean Huijsen", "Álvaro Carreras"}
    mac = rows[MAC]
    assert (mac.club, mac.fee_cents, mac.asking_fee_cents, mac.valuation_cents, mac.market_value_cents) == (
        "Liverpool", 9_000_000_000, 10_000_000_000, 9_000_000_000, 9_000_000_000)  # the short name
    assert (mac.replaces, mac.status, mac.starts_on, mac.is_eu) == ("Luka Modrić", "scouting", dt.date(2025, 7, 1), False)
    huijsen = rows["Dean Huijsen"]
    assert (huijsen.currency, huijsen.fee_in_currency, huijsen.fee_cents) == ("GBP", 5_000_000_000, 5_950_000_000)
    assert huijsen.release_clause == (5_000_000_000, "GBP")
    assert rows["Trent Alexander-Arnold"].fee_cents is None  # not known on 2 May: never invented


def test_the_demo_budget_sets_none_and_counts_the_first_scenario(shared: Database) -> None:
    with shared.reading() as session:
        plans = scenarios(session)
        assert [p.name for p in plans] == ["Mac Allister + a centre-back", "Full-backs"]
    result = budget_of(shared, ticked=plans[0].deal_ids)
    assert result.fees.budget is None and result.fees.remaining is None and result.squad_cost.limit is None
    assert (result.fees.committed, result.fees.planned) == (0, 9_000_000_000 + 5_950_000_000)
    last = budget_of(shared, "2024/25")
    assert last.squad_cost.limit == 75_490_000_000 and last.fees.committed == 3_500_000_000  # Endrick's fee
    assert last.squad_cost.amortisation == 1_166_666_667  # 35m over his three-year contract


def test_contract_watch_and_non_eu_places(shared: Database) -> None:
    club_id, season_id, _ = squad_ids(shared)
    with shared.reading() as session:
        watch = {row.name: row for row in contract_watch(session, club_id=club_id, season_id=season_id, as_of=AS_OF)}
        places = non_eu_places(session, club_id=club_id, season_id=season_id, as_of=AS_OF)
    assert [n for n, r in watch.items() if r.expiring] == ["Jesús Vallejo", "Lucas Vázquez", "Luka Modrić"]
    assert watch["Luka Modrić"].replacements == (MAC,)
    assert watch["Lucas Vázquez"].candidates == ("Trent Alexander-Arnold",)
    assert watch["Endrick"].option == ("club", dt.date(2030, 6, 30), None)
    assert (places.limit, sorted(places.holders)) == (3, ["Endrick", "Jude Bellingham"])
    assert {name: eu for _id, name, eu in places.targets}[MAC] is False  # Argentine: the third place


def test_an_older_demo_gains_the_transfer_data(demo: Database) -> None:
    with demo.transaction() as session:
        for model in (ScenarioDeal, Scenario, Deal):
            for row in session.exec(select(model)):
                session.delete(row)
            session.flush()
        set_setting(session, DEMO, f"{DEMO_NAME}@3")
    report = load_demo(demo)
    assert report.deals_added == 5
    assert len(targets(demo)) == 4


def test_budget_command_text(shared: Database) -> None:
    text = budget_report(shared, as_of=AS_OF)
    assert text.startswith("Budget 2025/26 of Real Madrid CF")
    assert "Planned: scenario 'Mac Allister + a centre-back'" in text
    planned = next(line for line in text.splitlines() if line.startswith("Planned "))
    assert "149,500,000.00" in planned
    assert "no budget set" in next(line for line in text.splitlines() if line.startswith("Remaining"))
    with pytest.raises(ValidationError) as refused:
        budget_report(shared, as_of=AS_OF, scenario="nope")
    assert refused.value.field == "scenario"


# --- refusals by field ----------------------------------------------------------------------------
def _deal(database: Database, **changes: Any) -> dict[str, Any]:
    return {"kind": "purchase", "player_id": player_id(database, MAC), "deal_date": AS_OF,
            "starts_on": dt.date(2025, 8, 1), "fee_cents": 1_000_000_000, **changes}


@pytest.mark.parametrize(("changes", "instalments", "field"), [
    ({"fee_cents": -5}, (), "fee_cents"),
    ({"fee_cents": 10**15}, (), "fee_cents"),
    ({"fee_cents": "ninety million"}, (), "fee_cents"),
    ({"annual_wage_cents": "a lot"}, (), "annual_wage_cents"),
    ({"sell_on_pct": 120}, (), "sell_on_pct"),
    ({"kind": "loan_in", "wage_share_pct": 101}, (), "wage_share_pct"),
    ({}, ((dt.date(2025, 8, 1), 600_000_000), (dt.date(2026, 8, 1), 300_000_000)), "instalments"),
    ({}, ((dt.date(2025, 4, 1), 500_000_000), (dt.date(2026, 8, 1), 500_000_000)), "instalments"),
    ({}, ((dt.date(2025, 8, 1), "half"), (dt.date(2026, 8, 1), 500_000_000)), "instalments"),
    ({"currency": "GBP"}, (), "rate_ppm"),
    ({"currency": "GBP", "rate": "1,2.3"}, (), "rate_ppm"),
    ({"contract_end": dt.date(2025, 1, 1)}, (), "contract_end"),
    ({"starts_on": dt.date(2025, 4, 1)}, (), "starts_on"),
    ({"status": "hoped"}, (), "status"),
    ({"contract_end": dt.date(9999, 12, 31)}, (), "contract_end"),  # far beyond the calendar's reach
    ({"contract_end": dt.date(2036, 6, 30)}, (), "contract_end"),  # more than ten years
    ({"starts_on": dt.date(2100, 7, 1)}, (), "starts_on"),
    ({"deal_date": dt.date(1899, 12, 31), "starts_on": dt.date(1900, 7, 1)}, (), "deal_date"),
    ({}, ((dt.date(2025, 8, 1), 500_000_000), (dt.date(9999, 8, 1), 500_000_000)), "instalments"),
])
def test_bad_input_is_refused_naming_the_field(demo: Database, changes: dict[str, Any], instalments: Any,
                                               field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        create_deal(demo, _deal(demo, **changes), instalments=instalments)
    assert refused.value.field == field
    assert len(targets(demo)) == 4  # nothing written


def test_an_addon_over_100_percent_and_a_second_deal_for_the_same_day_are_refused(demo: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        create_deal(demo, _deal(demo), addons=[{"amount_cents": 5, "condition": "Wins", "probability_pct": 150}])
    assert refused.value.field == "addons"
    with pytest.raises(ValidationError) as again:
        create_deal(demo, _deal(demo, starts_on=dt.date(2025, 7, 1)))
    assert again.value.field == "player_id"


@pytest.mark.parametrize(("addons", "code", "words"), [
    (["x"], "not_an_addon", "Add-on 1 "),
    ([{"amount_cents": 5, "condition": "Wins"}, 7], "not_an_addon", "Add-on 2 "),
    ([{"amount_cents": 0, "condition": "Wins"}], "empty", "Add-on 1 "),
    ("Wins the league", "not_a_list", "Add-ons"),
    ({"amount_cents": 5}, "not_a_list", "Add-ons"),
])
def test_an_addon_that_is_not_one_is_refused_naming_its_line(demo: Database, addons: Any, code: str,
                                                             words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        create_deal(demo, _deal(demo), addons=addons)
    assert (refused.value.field, refused.value.code) == ("addons", code)
    assert refused.value.message.startswith(words)
    assert len(targets(demo)) == 4


def test_a_squad_place_that_is_not_there_is_refused_by_its_own_name(demo: Database) -> None:
    mac = targets(demo)[MAC]
    with pytest.raises(ValidationError) as refused:
        update_deal(demo, mac.deal_id, mac.version, {"membership_id": "many"})
    assert refused.value.field == "membership_id" and refused.value.message.startswith("Squad place")


# --- the seed case, undo and signing through the database ----------------------------------------
def test_seed_case_through_the_database(demo: Database) -> None:
    mac = targets(demo)[MAC]
    with demo.reading() as session:
        plan = scenarios(session)[0]
    assert mac.deal_id in plan.deal_ids
    assert budget_of(demo, ticked=plan.deal_ids).fees.planned == 14_950_000_000
    version = update_deal(demo, mac.deal_id, mac.version, {"status": "agreed"})
    agreed = budget_of(demo, ticked=plan.deal_ids)
    assert (agreed.fees.committed, agreed.fees.planned) == (9_000_000_000, 5_950_000_000)
    update_deal(demo, mac.deal_id, version, {"status": "dropped"})
    dropped = budget_of(demo, ticked=plan.deal_ids)
    assert (dropped.fees.committed, dropped.fees.planned) == (0, 5_950_000_000)
    with pytest.raises(StaleEdit):
        update_deal(demo, mac.deal_id, version, {"status": "bid"})


def test_a_schedule_edit_is_undone_only_while_nobody_changed_the_deal(demo: Database) -> None:
    mac = targets(demo)[MAC]
    before = read_snapshot(demo, mac.deal_id)
    schedule = [(dt.date(2025, 7, 1), 3_000_000_000), (dt.date(2026, 7, 1), 3_000_000_000),
                (dt.date(2027, 7, 1), 3_000_000_000)]
    version = update_deal(demo, mac.deal_id, mac.version, {"contract_end": dt.date(2030, 6, 30)},
                          instalments=schedule)
    after = read_snapshot(demo, mac.deal_id)
    assert after["instalments"] == schedule and budget_of(demo, ticked=frozenset({mac.deal_id})).fees.planned == \
        3_000_000_000
    version = swap_deal(demo, mac.deal_id, expected=after, new=before, version=version)
    assert read_snapshot(demo, mac.deal_id) == before
    update_deal(demo, mac.deal_id, version, {"notes": "someone else"})
    with pytest.raises(StaleEdit):
        swap_deal(demo, mac.deal_id, expected=before, new=after, version=version)


def test_a_new_deal_is_removed_by_undo_unless_ticked_since(demo: Database) -> None:
    deal_id = create_deal(demo, _deal(demo), addons=[{"amount_cents": 10, "condition": "Wins the league"}])
    stored = read_snapshot(demo, deal_id)
    assert stored["addons"] == [{"amount_cents": 10, "condition": "Wins the league", "probability_pct": None}]
    scenario_id = create_scenario(demo, "Plan B")
    set_ticked(demo, scenario_id, deal_id, True)
    with pytest.raises(StaleEdit):
        remove_deal(demo, deal_id, expected=stored, version=1)
    with pytest.raises(StaleEdit):
        set_ticked(demo, scenario_id, deal_id, True)
    set_ticked(demo, scenario_id, deal_id, False)
    remove_deal(demo, deal_id, expected=stored, version=1)
    assert len(targets(demo)) == 4
    snapshot = scenario_snapshot(demo, scenario_id)
    remove_scenario(demo, scenario_id, expected=snapshot)
    assert create_scenario(demo, "Plan B", scenario_id=scenario_id) == scenario_id


def test_signing_an_agreed_target_makes_him_ours_and_undo_takes_it_back(demo: Database) -> None:
    mac = targets(demo)[MAC]
    with pytest.raises(ValidationError) as refused:
        sign_deal(demo, mac.deal_id, mac.version)
    assert refused.value.field == "status"
    version = update_deal(demo, mac.deal_id, mac.version, {"status": "agreed", "contract_end": dt.date(2030, 6, 30),
                                                           "annual_wage_cents": 1_200_000_000})
    signed = sign_deal(demo, mac.deal_id, version)
    membership_id, version = signed.membership_id, signed.deal_version
    with demo.reading() as session:
        member = session.get(SquadMembership, membership_id)
        assert member is not None
        stored = {k: v for k, v in member.model_dump().items() if k not in ("version", "updated_at", "updated_by")}
        assert (member.contract_end, member.annual_wage_cents, member.previous_club) == (
            dt.date(2030, 6, 30), 1_200_000_000, "Liverpool FC")
        assert session.get(Deal, mac.deal_id).status == "signed"  # the deal stays in the ledger
    assert budget_of(demo).fees.committed == 9_000_000_000
    unsign_deal(demo, mac.deal_id, version=version, membership=stored, membership_version=1)
    with demo.reading() as session:
        assert session.get(SquadMembership, membership_id) is None
        assert session.get(Deal, mac.deal_id).status == "agreed"


def test_budgets_sales_and_clauses_are_set_by_compare_and_swap(demo: Database) -> None:
    _club, _season, squad = squad_ids(demo)
    with demo.reading() as session:
        season_id = next(s for s in seasons(session) if s.label == "2025/26")
        from db.transfers.queries import season_id_of
        season = season_id_of(session, "2025/26")
    assert season is not None and season_id
    set_budget(demo, season, {"transfer_budget_cents": 20_000_000_000}, expected={"transfer_budget_cents": None})
    with pytest.raises(StaleEdit):
        set_budget(demo, season, {"transfer_budget_cents": 1}, expected={"transfer_budget_cents": None})
    with demo.reading() as session:
        assert budget_values(session, season)["transfer_budget_cents"] == 20_000_000_000
    with pytest.raises(ValidationError) as refused:
        set_budget(demo, season, {"wage_budget_cents": -1})
    assert refused.value.field == "wage_budget_cents"
    set_sales_feed(demo, False, expected=True)
    with pytest.raises(StaleEdit):
        set_sales_feed(demo, False, expected=True)
    with demo.reading() as session:
        modric = session.exec(select(SquadMembership.id).where(
            SquadMembership.player_id == squad["Luka Modrić"])).first()
    assert modric is not None
    set_terms(demo, modric, {"option_kind": "club", "option_until": dt.date(2026, 6, 30)})
    with pytest.raises(ValidationError) as half:
        set_terms(demo, modric, {"option_until": None})
    assert half.value.field == "option_until"
    with demo.reading() as session:
        assert terms_values(session, modric)["option_kind"] == "club"
