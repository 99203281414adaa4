"""Field checks and text rules every write path shares."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.domain.checks import (
    MAX_CENTS,
    check_bool,
    check_choice,
    check_date,
    check_int,
    check_money,
    check_nationalities,
    check_positions,
    check_text,
)
from db.domain.seasons import default_season_dates, season_label, season_label_for
from db.domain.squad_rules import PersonKey, check_leaving, same_person
from db.domain.text import clean_text, fold
from db.errors import ValidationError


def _refusal(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value


def test_text_is_cleaned_and_bounded() -> None:
    assert check_text("name", "  Jude   Bellingham ", label="Name", max_length=120) == "Jude Bellingham"
    assert check_text("notes", "", label="Notes", max_length=10, required=False) is None
    assert _refusal(check_text, "name", "x" * 121, label="Name", max_length=120).code == "too_long"
    assert check_text("notes", "one\r\ntwo", label="Notes", max_length=99, multiline=True) == "one\ntwo"


def test_numbers_money_and_yes_no() -> None:
    assert check_int("appearances", "12", label="Apps", low=0, high=200) == 12
    assert _refusal(check_int, "appearances", "-1", label="Apps", low=0, high=200).code == "negative"
    assert _refusal(check_int, "appearances", True, label="Apps", low=0, high=200).code == "not_a_number"
    assert check_money("wage", 0, label="Wage") == 0
    assert _refusal(check_money, "wage", MAX_CENTS + 1, label="Wage").code == "too_large"
    assert _refusal(check_money, "wage", 1.5, label="Wage").code == "not_money"
    assert (check_bool("eu", "sí", label="EU"), check_bool("eu", "0", label="EU"), check_bool("eu", "", label="EU")) == (
        True, False, None)
    assert _refusal(check_bool, "eu", "maybe", label="EU").code == "not_yes_no"


def test_dates_choices_positions_and_nationalities() -> None:
    assert check_date("born", "2003-06-29", label="Born") == dt.date(2003, 6, 29)
    assert check_date("born", dt.datetime(2003, 6, 29, 10), label="Born") == dt.date(2003, 6, 29)
    assert _refusal(check_date, "born", "29/06/2003", label="Born").code == "not_a_date"
    assert check_choice("foot", "LEFT", ("left", "right"), label="Foot") == "left"
    assert _refusal(check_choice, "foot", "", ("left",), label="Foot", required=True).code == "empty"
    assert check_positions("positions", "cm, am am", label="Positions") == ["CM", "AM"]
    assert _refusal(check_positions, "positions", "CM XX", label="Positions").code == "unknown"
    assert check_nationalities("nationalities", "bra; esp, BRA") == "BRA,ESP"
    assert _refusal(check_nationalities, "nationalities", "England").code == "not_a_code"


def test_labels_are_translated_only_when_a_message_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    import db.i18n

    asked: list[str] = []
    db.i18n.set_translator(lambda _context, text: asked.append(text) or text)
    try:
        check_int("appearances", "5", label="Appearances", low=0, high=200)
        assert asked == []
        _refusal(check_int, "appearances", "500", label="Appearances", low=0, high=200)
        assert "Appearances" in asked
    finally:
        db.i18n.set_translator(None)


@given(st.text(max_size=30))
def test_folding_ignores_what_people_do_not_see(text: str) -> None:
    hidden = "\u200b".join(text)
    assert fold(hidden) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()
    assert clean_text(clean_text(text)) == clean_text(text)


def test_accents_and_unsplit_letters_fold() -> None:
    assert fold("Martin Ødegaard") == fold("martin odegaard") == "martin odegaard"
    assert fold("Łukasz  Fabiański") == "lukasz fabianski"
    assert fold("Дмитрий") == "дмитрии"  # other scripts keep their letters (й loses its breve, like é)


def test_seasons() -> None:
    assert [season_label(s) for s in ("2024-25", "2024/2025", " 2025 ", "1999/00")] == [
        "2024/25", "2024/25", "2025", "1999/00"]
    assert season_label_for(dt.date(2025, 5, 2)) == "2024/25" and season_label_for(dt.date(2025, 7, 1)) == "2025/26"
    assert default_season_dates("2024/25") == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))
    assert default_season_dates("2025") == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert _refusal(season_label, "2024/26").code == "not_a_season"


def test_same_person() -> None:
    jude = PersonKey("jude bellingham", dt.date(2003, 6, 29), None)
    assert same_person(jude, PersonKey("jude bellingham", dt.date(2003, 6, 29), 2003)) is True
    assert same_person(jude, PersonKey("jude bellingham", dt.date(2003, 6, 30), None)) is False
    assert same_person(jude, PersonKey("jude bellingham", None, 2003)) is None  # the caller decides
    assert same_person(jude, PersonKey("jobe bellingham", dt.date(2003, 6, 29), None)) is False
    assert same_person(PersonKey("x", None, None), PersonKey("x", None, None)) is False


def test_leaving() -> None:
    check_leaving(None, None, dt.date(2015, 7, 1))
    check_leaving(dt.date(2025, 6, 30), "contract_expired", dt.date(2015, 7, 1))
    assert _refusal(check_leaving, dt.date(2025, 6, 30), None, None).field == "left_reason"
    assert _refusal(check_leaving, dt.date(2015, 6, 30), "transfer", dt.date(2015, 7, 1)).field == "left_on"
