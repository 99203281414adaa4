"""The availability engine on plain facts: injuries and their windows, phases, bans, bookings,
absences and registrations, as known on the planning date."""

from __future__ import annotations

import datetime as dt

from db.domain.availability import (
    AVAILABLE,
    DOUBTFUL,
    INJURED,
    PRECAUTIONARY,
    RETURN_OVERDUE,
    SUSPENDED,
    UNAVAILABLE,
    AbsenceFact,
    BanFact,
    Calendar,
    CardFact,
    CompetitionFacts,
    InjuryFact,
    PlayerFacts,
    availability_on,
    bans_owed,
    window_text,
)

D = dt.date
AS_OF = D(2025, 5, 2)
LIGA, UCL, COPA = 1, 2, 3
LIGA_DAYS = (D(2025, 4, 23), D(2025, 5, 4), D(2025, 5, 11), D(2025, 5, 14), D(2025, 5, 18), D(2025, 5, 24))
SEASONS = ((10, D(2024, 7, 1), D(2025, 6, 30)), (11, D(2025, 7, 1), D(2026, 6, 30)))


def calendar(**overrides) -> Calendar:
    competitions = {
        LIGA: CompetitionFacts(LIGA, "LaLiga", LIGA_DAYS, ("33", "34", "35", "36", "37", "38"), 5, 5),
        UCL: CompetitionFacts(UCL, "Champions League",
                              (D(2024, 9, 17), D(2024, 10, 2), D(2024, 10, 22), D(2025, 4, 8), D(2025, 4, 16)),
                              ("League", "League", "League", "Quarterfinals", "Quarterfinals"), 3, 2, "Quarterfinals"),
        COPA: CompetitionFacts(COPA, "Copa del Rey", (D(2025, 4, 26),), ("Final",), 3, 3),
    }
    return Calendar(overrides.get("as_of", AS_OF), competitions, SEASONS, overrides.get("kept", frozenset()))


def player(**facts) -> PlayerFacts:
    return PlayerFacts(1, facts.pop("calendar", calendar()), **facts)


def test_an_injury_keeps_out_then_the_window_makes_doubtful_then_it_is_forgotten() -> None:
    militao = player(injuries=(InjuryFact("ACL rupture", D(2024, 11, 9), "out", D(2025, 6, 15), D(2025, 6, 30)),))
    assert availability_on(militao, D(2025, 5, 4)).status == INJURED
    assert availability_on(militao, D(2025, 5, 4)).reason == "ACL rupture, expected back 15–30 Jun"
    inside = availability_on(militao, D(2025, 6, 20))
    assert (inside.status, inside.chance) == (DOUBTFUL, 50)
    assert availability_on(militao, D(2025, 7, 1)).status == AVAILABLE


def test_past_the_latest_return_with_no_news_is_overdue_never_available() -> None:
    facts = player(injuries=(InjuryFact("Hamstring strain", D(2025, 3, 1), "out", D(2025, 3, 20), D(2025, 4, 10)),))
    for day in (D(2025, 5, 4), D(2025, 9, 1)):
        assert availability_on(facts, day).status == RETURN_OVERDUE
    back = player(injuries=(InjuryFact("Hamstring strain", D(2025, 3, 1), "recovered", D(2025, 3, 20),
                                       D(2025, 4, 10), returned_on=D(2025, 4, 12)),))
    assert availability_on(back, D(2025, 5, 4)).status == AVAILABLE
    assert availability_on(back, D(2025, 4, 1)).status == INJURED  # the days before the return


def test_no_return_date_is_injured_until_there_is_one() -> None:
    facts = player(injuries=(InjuryFact("Knee", D(2025, 4, 30), "out"),))
    assert availability_on(facts, D(2026, 1, 1)).reason == "Knee, no return date yet"


def test_precautionary_rest_and_doubts_last_until_their_window_ends() -> None:
    jude = player(injuries=(InjuryFact("Precaution", D(2025, 5, 2), "precautionary", D(2025, 5, 4), D(2025, 5, 4)),))
    assert (availability_on(jude, D(2025, 5, 4)).status, availability_on(jude, D(2025, 5, 4)).chance) == (
        PRECAUTIONARY, 75)
    assert availability_on(jude, D(2025, 5, 5)).status == AVAILABLE
    ceballos = player(injuries=(InjuryFact("Sprain", D(2025, 4, 30), "doubtful", D(2025, 5, 4), chance=25),))
    assert (availability_on(ceballos, D(2025, 5, 4)).status, availability_on(ceballos, D(2025, 5, 4)).chance) == (
        DOUBTFUL, 25)
    assert availability_on(ceballos, D(2025, 5, 11)).status == AVAILABLE


def test_return_to_play_phases() -> None:
    def phase(status: str) -> str:
        return availability_on(player(injuries=(InjuryFact("Calf", D(2025, 4, 1), status, D(2025, 5, 20)),)),
                               D(2025, 5, 11)).status

    assert [phase(p) for p in ("assessment", "rehab", "training", "match_fit")] == [
        INJURED, INJURED, DOUBTFUL, AVAILABLE]


def test_what_the_staff_did_not_know_on_the_planning_date_does_not_count() -> None:
    later = player(injuries=(InjuryFact("Ankle", D(2025, 5, 3), "out", D(2025, 6, 1)),))
    assert availability_on(later, D(2025, 5, 4)).status == AVAILABLE


def test_a_ban_is_served_in_its_own_competition_and_carried_on() -> None:
    rudiger = player(bans=(BanFact(LIGA, D(2025, 4, 27), 6, "Red card in the Copa final"),))
    on_4_may = availability_on(rudiger, D(2025, 5, 4), LIGA)
    assert on_4_may.status == SUSPENDED and on_4_may.reason.endswith("owes 6 LaLiga matches")
    assert availability_on(rudiger, D(2025, 5, 4), UCL).status == AVAILABLE
    next_season = availability_on(rudiger, D(2025, 8, 17), LIGA)
    assert next_season.status == SUSPENDED and next_season.reason.endswith("owes 1 LaLiga match")
    free_day = availability_on(rudiger, D(2025, 5, 6))  # no fixture, no competition: told as a note
    assert free_day.status == AVAILABLE and "owes 5 LaLiga matches" in free_day.notes[0]


def test_bans_owed_split_between_this_season_and_the_next() -> None:
    rudiger = player(bans=(BanFact(LIGA, D(2025, 4, 27), 6, "Red card in the Copa final"),
                           BanFact(COPA, D(2025, 4, 27), 2, "Red card in the Copa final")))
    owed = {ban.competition: ban for ban in bans_owed(rudiger, AS_OF)}
    # Five LaLiga fixtures are left this season (4 May to 24 May): one match carries into 2025/26.
    assert (owed["LaLiga"].owed, owed["LaLiga"].this_season, owed["LaLiga"].carried) == (6, 5, 1)
    # The Copa final was the last Copa match: both are owed to next season's Copa.
    assert (owed["Copa del Rey"].owed, owed["Copa del Rey"].this_season, owed["Copa del Rey"].carried) == (2, 0, 2)
    later = {ban.competition: ban.owed for ban in bans_owed(rudiger, D(2025, 5, 12))}
    assert later["LaLiga"] == 4  # served on 4 and 11 May
    five = tuple(CardFact(LIGA, d, "yellow") for d in (D(2024, 9, 1), D(2024, 10, 1), D(2024, 11, 1),
                                                        D(2025, 4, 20), D(2025, 4, 23)))
    assert [(b.competition, b.owed) for b in bans_owed(player(cards=five), AS_OF)] == [("LaLiga", 1)]
    assert bans_owed(player(), AS_OF) == []


def test_bookings_bring_bans_by_the_competitions_rules() -> None:
    four = tuple(CardFact(LIGA, d, "yellow") for d in (D(2024, 9, 1), D(2024, 10, 1), D(2024, 11, 1), D(2025, 4, 23)))
    assert "1 yellow from a ban in LaLiga" in availability_on(player(cards=four), D(2025, 5, 4), LIGA).notes
    assert availability_on(player(cards=four), D(2025, 5, 4), LIGA).flags == ("1 yellow from a ban (LaLiga)",)
    five = (*four, CardFact(LIGA, D(2025, 4, 20), "yellow"))
    assert availability_on(player(cards=five), D(2025, 5, 4), LIGA).status == SUSPENDED
    assert availability_on(player(cards=five), D(2025, 5, 11), LIGA).status == AVAILABLE  # served on 4 May
    rescinded = (*four, CardFact(LIGA, D(2025, 4, 20), "yellow", rescinded=True))
    assert availability_on(player(cards=rescinded), D(2025, 5, 4), LIGA).status == AVAILABLE


def test_uefa_bookings_ban_at_three_then_every_odd_one_and_are_wiped_after_the_quarter_finals() -> None:
    three = tuple(CardFact(UCL, d, "yellow") for d in (D(2024, 9, 17), D(2024, 10, 2), D(2024, 10, 22)))
    assert availability_on(player(cards=three, calendar=calendar(as_of=D(2024, 11, 1))), D(2024, 11, 5),
                           UCL).status == SUSPENDED
    after_quarters = player(cards=three, calendar=calendar(as_of=D(2025, 4, 20)))
    assert not availability_on(after_quarters, D(2025, 4, 30), UCL).notes  # wiped


def test_a_two_legged_reset_round_wipes_after_its_second_leg() -> None:
    # Two yellows in the league phase, the third in the quarter-final's first leg (8 Apr).
    three = tuple(CardFact(UCL, d, "yellow") for d in (D(2024, 10, 2), D(2024, 10, 22), D(2025, 4, 8)))
    facts = player(cards=three, calendar=calendar(as_of=D(2025, 4, 10)))
    second_leg = availability_on(facts, D(2025, 4, 16), UCL)
    assert second_leg.status == SUSPENDED and "3 bookings" in second_leg.reason
    # Two carried through the quarter-finals are wiped: a yellow in the semi-final is the first again.
    semi = player(cards=(*three[:2], CardFact(UCL, D(2025, 4, 30), "yellow")), calendar=calendar(as_of=D(2025, 5, 1)))
    assert availability_on(semi, D(2025, 5, 6), UCL).status == AVAILABLE
    # A third yellow in the second leg still brings its ban: what is wiped is the count, not a ban.
    late = player(cards=(*three[:2], CardFact(UCL, D(2025, 4, 16), "yellow")), calendar=calendar(as_of=D(2025, 4, 20)))
    assert availability_on(late, D(2025, 4, 30), UCL).status == SUSPENDED


def test_a_booking_ban_earned_late_is_served_next_season() -> None:
    yellows = tuple(CardFact(LIGA, d, "yellow") for d in (D(2024, 9, 1), D(2024, 10, 1), D(2024, 11, 1),
                                                          D(2025, 4, 23), D(2025, 5, 24)))
    days = (*LIGA_DAYS, D(2025, 8, 17), D(2025, 8, 24))
    competitions = dict(calendar().competitions)
    competitions[LIGA] = CompetitionFacts(LIGA, "LaLiga", days, ("33", "34", "35", "36", "37", "38", "1", "2"), 5, 5)
    facts = player(cards=yellows, calendar=Calendar(D(2025, 5, 25), competitions, SEASONS))
    assert [(b.owed, b.this_season, b.carried) for b in bans_owed(facts, D(2025, 5, 25))] == [(1, 0, 1)]
    assert availability_on(facts, D(2025, 8, 17), LIGA).status == SUSPENDED
    assert availability_on(facts, D(2025, 8, 24), LIGA).status == AVAILABLE


def test_a_ban_recorded_to_start_later_is_owed_and_applies_from_its_start() -> None:
    banned = player(bans=(BanFact(LIGA, D(2025, 5, 5), 1, "Violent conduct", "suspension:1"),))
    assert availability_on(banned, D(2025, 5, 4), LIGA).status == AVAILABLE
    assert availability_on(banned, D(2025, 5, 11), LIGA).status == SUSPENDED
    assert [(b.owed, b.key) for b in bans_owed(banned, AS_OF)] == [(1, "suspension:1")]


def test_an_out_injury_with_only_a_latest_date_keeps_out_until_it() -> None:
    acl = player(injuries=(InjuryFact("ACL rupture", D(2025, 4, 1), "out", None, D(2025, 12, 1)),))
    assert availability_on(acl, D(2025, 5, 4)).status == INJURED
    assert availability_on(acl, D(2025, 5, 4)).reason == "ACL rupture, expected back by 1 Dec"
    assert availability_on(acl, D(2025, 12, 1)).status == DOUBTFUL


def test_a_low_chance_doubt_outweighs_a_precaution_and_other_bans_are_told() -> None:
    both = player(injuries=(InjuryFact("Knock", D(2025, 5, 1), "doubtful", D(2025, 5, 4), D(2025, 5, 4), 25),
                            InjuryFact("Load", D(2025, 5, 1), "precautionary", D(2025, 5, 4), D(2025, 5, 4))))
    verdict = availability_on(both, D(2025, 5, 4), LIGA)
    assert (verdict.status, verdict.chance) == (DOUBTFUL, 25)
    copa = player(bans=(BanFact(COPA, D(2025, 4, 27), 2, "Red card"),))
    in_liga = availability_on(copa, D(2025, 5, 4), LIGA)
    assert in_liga.status == AVAILABLE and "owes 2 Copa del Rey matches" in in_liga.notes[0]
    assert in_liga.flags == ("Banned in Copa del Rey (2)",)


def test_absences_and_registration() -> None:
    away = player(absences=(AbsenceFact("international", D(2025, 6, 2), D(2025, 6, 10), "Nations League"),))
    assert availability_on(away, D(2025, 6, 5)).status == UNAVAILABLE
    assert availability_on(away, D(2025, 6, 5)).reason.startswith("International duty (Nations League)")
    kept = calendar(kept=frozenset({(LIGA, 10)}))
    assert availability_on(player(calendar=kept), D(2025, 5, 4), LIGA).reason == "not registered for LaLiga"
    assert availability_on(player(calendar=kept, registered=frozenset({(LIGA, 10)})), D(2025, 5, 4), LIGA).can_play
    assert availability_on(player(calendar=kept), D(2025, 5, 4), UCL).status == AVAILABLE  # no list kept


def test_the_most_restrictive_wins_and_the_rest_are_notes() -> None:
    both = player(injuries=(InjuryFact("Knee", D(2025, 4, 26), "out", D(2025, 6, 10), D(2025, 6, 24)),),
                  bans=(BanFact(LIGA, D(2025, 4, 27), 6, "Red card"),))
    verdict = availability_on(both, D(2025, 5, 4), LIGA)
    assert verdict.status == INJURED and verdict.notes == ("Red card: owes 6 LaLiga matches",)


def test_window_texts() -> None:
    assert window_text(D(2025, 6, 15), D(2025, 6, 30)) == "15–30 Jun"
    assert window_text(D(2025, 5, 28), D(2025, 6, 3)) == "28 May–3 Jun"
    assert window_text(D(2025, 5, 4), D(2025, 5, 4)) == "4 May"
    assert window_text(D(2025, 6, 18), None) == "from 18 Jun"
