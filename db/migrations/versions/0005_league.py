"""league: table rules per competition (points, tie-breakers, home time zone) and competition aliases

Revision ID: 0005_league
Revises: 0004_lineup

Every match of an imported league is stored in ``fixture`` (others' from the home side), so no
table changes there. Competitions the demo knows get their rules and other names; the values are
written out here as they were on the day (db.domain.known_competitions may move on).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_league"
down_revision = "0004_lineup"
branch_labels = None
depends_on = None

_DEFAULT_TIEBREAKERS = "goal_difference,goals_for"
# name -> (time zone, tie-breakers, [(alias, folded key)])
_SEEDS: dict[str, tuple[str | None, str, list[tuple[str, str]]]] = {
    "LaLiga": ("Europe/Madrid", "h2h_points,h2h_goal_difference,goal_difference,goals_for", [
        ("La Liga", "la liga"), ("LaLiga EA Sports", "laliga ea sports"), ("Primera División", "primera division"),
        ("Spain Primera División", "spain primera division"), ("Liga española", "liga espanola"), ("es.1", "es 1")]),
    "Copa del Rey": ("Europe/Madrid", _DEFAULT_TIEBREAKERS, [
        ("Spain Copa del Rey", "spain copa del rey"), ("es.cup", "es cup")]),
    "Supercopa de España": ("Europe/Madrid", _DEFAULT_TIEBREAKERS, [
        ("Spain Supercopa", "spain supercopa"), ("es.super", "es super")]),
    "Premier League": ("Europe/London", _DEFAULT_TIEBREAKERS, [
        ("English Premier League", "english premier league"), ("EPL", "epl"), ("en.1", "en 1")]),
    "UEFA Champions League": ("Europe/Paris", _DEFAULT_TIEBREAKERS, [
        ("Champions League", "champions league"), ("UCL", "ucl"), ("uefa.cl", "uefa cl")]),
    "FIFA Club World Cup": (None, _DEFAULT_TIEBREAKERS, [("Club World Cup", "club world cup")]),
}


def upgrade() -> None:
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("points_for_win", sa.Integer(), server_default=sa.text("3"), nullable=False))
        batch_op.add_column(sa.Column("points_for_draw", sa.Integer(), server_default=sa.text("1"), nullable=False))
        batch_op.add_column(sa.Column("table_tiebreakers", sa.String(length=200),
                                      server_default=_DEFAULT_TIEBREAKERS, nullable=False))
        batch_op.add_column(sa.Column("timezone", sa.String(length=64), nullable=True))
        batch_op.create_check_constraint("competition_win_points", "points_for_win BETWEEN 0 AND 10")
        batch_op.create_check_constraint("competition_draw_points", "points_for_draw BETWEEN 0 AND 10")
    op.create_table(
        "competition_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=120), nullable=False),
        sa.Column("alias_key", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["competition_id"], ["competition.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias_key"),
    )
    op.create_index("ix_competition_alias_competition_id", "competition_alias", ["competition_id"])

    connection = op.get_bind()
    taken = set()
    for name, (zone, tiebreakers, aliases) in _SEEDS.items():
        found = connection.execute(sa.text("SELECT id FROM competition WHERE name = :name"), {"name": name}).first()
        if found is None:
            continue
        connection.execute(
            sa.text("UPDATE competition SET table_tiebreakers = :t, timezone = COALESCE(timezone, :z) WHERE id = :id"),
            {"t": tiebreakers, "z": zone, "id": found[0]})
        for alias, key in aliases:
            if key not in taken:
                taken.add(key)
                connection.execute(
                    sa.text("INSERT INTO competition_alias (competition_id, alias, alias_key) VALUES (:c, :a, :k)"),
                    {"c": found[0], "a": alias, "k": key})


def downgrade() -> None:
    raise NotImplementedError("Dugout does not downgrade; restore the backup taken before the upgrade")
