"""Change notices: row ids per kind, "every row" as an empty set, merging two notices."""

from __future__ import annotations

import pytest

from db.changes import INJURY, MEMBERSHIP, PLAYER, Change


def test_a_change_says_which_ids_are_of_which_kind() -> None:
    change = Change({PLAYER: frozenset({4}), INJURY: frozenset({9})})
    assert change.kinds == {PLAYER, INJURY}
    assert change.ids(PLAYER) == {4} and change.ids(INJURY) == {9} and change.ids(MEMBERSHIP) is None
    assert change.touches(MEMBERSHIP, INJURY) and not change.touches(MEMBERSHIP)
    assert not change.is_everything(PLAYER)


def test_everything_and_merging() -> None:
    everything = Change.everything({MEMBERSHIP})
    assert everything.is_everything(MEMBERSHIP) and everything.ids(MEMBERSHIP) == frozenset()
    merged = Change.of(PLAYER, {1}).merged(Change.of(PLAYER, {2})).merged(Change.of(MEMBERSHIP, {7}))
    assert merged.ids(PLAYER) == {1, 2} and merged.ids(MEMBERSHIP) == {7}
    assert Change.of(MEMBERSHIP, {7}).merged(everything).is_everything(MEMBERSHIP)
    assert everything.merged(Change.of(MEMBERSHIP, {7})).is_everything(MEMBERSHIP)


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="squad_memberships"):
        Change.of("squad_memberships", {1})
