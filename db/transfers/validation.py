"""Validating the transfer area's fields: the normalised value, or the field at fault.

``validate_deal_values`` checks each field on its own (money in cents, percentages, dates,
the rate); ``check_deal`` checks a deal as a whole on the merged values of an edit (dates in
order, a rate exactly when the currency is not the club's, instalments adding up to the fee).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from db.domain.checks import check_bool, check_choice, check_date, check_int, check_money, check_text
from db.domain.deals import (
    DEAL_KINDS,
    DEAL_STATUSES,
    OPTION_KINDS,
    check_date_range,
    check_deal_dates,
    check_instalments,
    rate_ppm_of,
)
from db.errors import ValidationError
from db.i18n import tr, tr_noop, translated

FEE_MAX_CENTS = 10**11  # one billion in the club's currency: more is a typing slip, not a fee
WAGE_MAX_CENTS = 5 * 10**10  # 500 million a year
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_MONEY_LABELS = {
    "fee_cents": tr_noop("Fee"),
    "asking_fee_cents": tr_noop("Asking fee"),
    "valuation_cents": tr_noop("Our valuation"),
    "annual_wage_cents": tr_noop("Wage"),
}
_DATE_LABELS = {"deal_date": tr_noop("Deal date"), "starts_on": tr_noop("Moves on"),
                "contract_end": tr_noop("Contract until")}
_PERCENT_LABELS = {"wage_share_pct": tr_noop("Wage share"), "sell_on_pct": tr_noop("Sell-on")}
_REFERENCE_LABELS = {"player_id": tr_noop("Player"), "club_id": tr_noop("Other club"),
                     "replaces_player_id": tr_noop("Replaces"), "membership_id": tr_noop("Squad place")}


def check_fee(field: str, value: Any, *, label: str, most: int = FEE_MAX_CENTS) -> int | None:
    """Money in cents that is neither negative nor absurd (above ``most``)."""
    cents = check_money(field, value, label=label)
    if cents is not None and cents > most:
        raise ValidationError(field, "absurd", tr("{label} is implausibly large", label=translated(label)))
    return cents


def check_percent(field: str, value: Any, *, label: str) -> int | None:
    """A whole percentage from 0 to 100."""
    return check_int(field, value, label=label, low=0, high=100)


def check_currency(field: str, value: Any) -> str:
    """A three-letter currency code (EUR, GBP)."""
    code = str(value or "").strip().upper()
    if not _CURRENCY.match(code):
        raise ValidationError(field, "not_a_currency", tr("Currency '{v}' must be a code such as EUR or GBP", v=value))
    return code


def validate_deal_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise the deal fields present in ``values`` (each on its own)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "kind":
            out[key] = check_choice(key, value, DEAL_KINDS, label=tr_noop("Kind of deal"), required=True)
        elif key == "status":
            out[key] = check_choice(key, value, DEAL_STATUSES, label=tr_noop("Status"), required=True)
        elif key == "priority":
            out[key] = check_int(key, value, label=tr_noop("Priority"), low=1, high=3)
        elif key in _DATE_LABELS:
            day = check_date(key, value, label=_DATE_LABELS[key])
            if day is None and key != "contract_end":
                raise ValidationError(key, "empty", tr("{label} must be a date", label=translated(_DATE_LABELS[key])))
            check_date_range(key, day, label=_DATE_LABELS[key])
            out[key] = day
        elif key == "currency":
            out[key] = check_currency(key, value)
        elif key == "rate_ppm":
            out[key] = None if value is None else check_int(key, value, label=tr_noop("Exchange rate"),
                                                            low=1, high=10**12)
        elif key == "rate":
            out["rate_ppm"] = rate_ppm_of("rate_ppm", value, label=tr_noop("Exchange rate"))
        elif key in _MONEY_LABELS:
            most = WAGE_MAX_CENTS if key == "annual_wage_cents" else FEE_MAX_CENTS
            out[key] = check_fee(key, value, label=_MONEY_LABELS[key], most=most)
        elif key in _PERCENT_LABELS:
            out[key] = check_percent(key, value, label=_PERCENT_LABELS[key])
        elif key in _REFERENCE_LABELS:
            out[key] = check_int(key, value, label=_REFERENCE_LABELS[key], low=1, high=2**62)
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=4000, required=False, multiline=True)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a deal", f=key))
    return out


def _listed(field: str, values: Any, label: str) -> Sequence[Any]:
    """``values`` as a list of lines (a string, a mapping or a lone value is refused)."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Sequence):
        raise ValidationError(field, "not_a_list", tr("{label} must be a list of lines", label=translated(label)))
    return values


def validate_instalments(values: Sequence[Any]) -> list[tuple[dt.date, int]]:
    """(due date, amount) pairs, each a date and a positive amount of cents."""
    out = []
    for item in _listed("instalments", values, tr_noop("Instalments")):
        try:
            day, amount = item
        except (TypeError, ValueError):
            raise ValidationError("instalments", "not_a_payment", tr("An instalment is a due date and an amount")) from None
        due = check_date("instalments", day, label=tr_noop("Instalment due"))
        cents = check_fee("instalments", amount, label=tr_noop("Instalment"))
        if due is None or not cents:
            raise ValidationError("instalments", "incomplete", tr("Each instalment needs a due date and an amount"))
        check_date_range("instalments", due, label=tr_noop("Instalment due"))
        out.append((due, cents))
    return sorted(out)


def validate_addons(values: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Add-ons: an amount, the condition it depends on, how likely (0–100 %)."""
    out = []
    for number, item in enumerate(_listed("addons", values, tr_noop("Add-ons")), start=1):
        if not isinstance(item, Mapping):
            raise ValidationError("addons", "not_an_addon", tr(
                "Add-on {n} is not an amount, a condition and a probability", n=number))
        amount = check_fee("addons", item.get("amount_cents"), label=tr_noop("Add-on"))
        if not amount:
            raise ValidationError("addons", "empty", tr("Add-on {n} must be more than zero", n=number))
        condition = check_text("addons", item.get("condition"), label=tr_noop("Add-on condition"), max_length=200)
        probability = check_percent("addons", item.get("probability_pct"), label=tr_noop("Probability"))
        out.append({"amount_cents": amount, "condition": condition, "probability_pct": probability})
    return out


def check_deal(values: Mapping[str, Any], instalments: Sequence[tuple[dt.date, int]], club_currency: str) -> None:
    """A deal as a whole: dates in order, a rate exactly for a foreign currency, a schedule that
    adds up to the fee and falls on or after the deal date."""
    check_deal_dates(values.get("deal_date"), values.get("starts_on"), values.get("contract_end"))
    foreign = values.get("currency", club_currency) != club_currency
    if foreign and values.get("rate_ppm") is None:
        raise ValidationError("rate_ppm", "missing", tr(
            "A fee in {c} needs the exchange rate on the deal date", c=values.get("currency")))
    if not foreign and values.get("rate_ppm") not in (None, 1_000_000):
        raise ValidationError("rate_ppm", "not_foreign", tr("A deal in the club's own currency has no exchange rate"))
    check_instalments(values.get("fee_cents"), instalments, values.get("deal_date"))
    share = values.get("wage_share_pct")
    if share is not None and values.get("kind") not in ("loan_in", "loan_out"):
        raise ValidationError("wage_share_pct", "not_a_loan", tr("Only a loan shares the wage"))


def validate_budget_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """A season's budgets and squad-cost limit (each may be unset)."""
    labels = {"transfer_budget_cents": tr_noop("Transfer budget"), "wage_budget_cents": tr_noop("Wage budget"),
              "squad_cost_limit_cents": tr_noop("Squad-cost limit")}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in labels:
            out[key] = check_fee(key, value, label=labels[key], most=10**13)
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=2000, required=False, multiline=True)
        elif key == "season_id":
            out[key] = check_int(key, value, label=tr_noop("Season"), low=1, high=2**62)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a budget", f=key))
    return out


def validate_terms_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """A contract's clauses: release clause (amount, currency), an option to a date."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "release_clause_cents":
            out[key] = check_fee(key, value, label=tr_noop("Release clause"), most=10**13)
        elif key == "release_clause_currency":
            out[key] = None if value in (None, "") else check_currency(key, value)
        elif key == "option_kind":
            out[key] = check_choice(key, value, OPTION_KINDS, label=tr_noop("Option"))
        elif key == "option_until":
            out[key] = check_date(key, value, label=tr_noop("Option until"))
        elif key == "option_exercised":
            out[key] = check_bool(key, value, label=tr_noop("Option taken up"))
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=400, required=False)
        elif key == "membership_id":
            out[key] = check_int(key, value, label=tr_noop("Contract"), low=1, high=2**62)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a contract's clauses", f=key))
    if "option_kind" in out and "option_until" in out and (out["option_kind"] is None) != (out["option_until"] is None):
        raise ValidationError("option_until", "incomplete", tr("An option needs both who holds it and its date"))
    return out


def validate_scenario_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """A scenario's name and notes."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            out[key] = check_text(key, value, label=tr_noop("Scenario name"), max_length=80)
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=400, required=False)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a scenario", f=key))
    return out
