"""Change notices: row ids per kind, "every row" said explicitly, merging two notices."""

from __future__ import annotations

import pytest

from db.changes import EVERY_ROW, INJURY, MEMBERSHIP, PLAYER, Change


def test_a_change_says_which_ids_are_of_which_kind() -> None:
    change = Change({PLAYER: {4}, INJURY: [9]})
    assert change.kinds == {PLAYER, INJURY}
    assert change.ids(PLAYER) == {4} and change.ids(INJURY) == {9} and change.ids(MEMBERSHIP) == frozenset()
    assert change.touches(MEMBERSHIP, INJURY) and not change.touches(MEMBERSHIP)
    assert not change.is_everything(PLAYER)


def test_no_ids_is_no_change_and_every_row_is_said_explicitly() -> None:
    assert not Change.of(PLAYER, []).touches(PLAYER)
    everything = Change.everything({MEMBERSHIP})
    assert everything.is_everything(MEMBERSHIP) and everything == Change({MEMBERSHIP: EVERY_ROW})


def test_merging() -> None:
    everything = Change.everything({MEMBERSHIP})
    merged = Change.of(PLAYER, {1}).merged(Change.of(PLAYER, {2})).merged(Change.of(MEMBERSHIP, {7}))
    assert merged == Change({PLAYER: {1, 2}, MEMBERSHIP: {7}})
    assert Change.of(MEMBERSHIP, {7}).merged(everything).is_everything(MEMBERSHIP)
    assert everything.merged(Change.of(MEMBERSHIP, {7})).is_everything(MEMBERSHIP)


def test_a_change_cannot_be_altered_through_what_built_it() -> None:
    ids = {PLAYER: {1}}
    change = Change(ids)
    ids[PLAYER].add(2)
    assert change.ids(PLAYER) == {1}
    with pytest.raises(TypeError):
        change._ids[PLAYER] = frozenset({3})  # type: ignore[index]


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="squad_memberships"):
        Change.of("squad_memberships", {1})
