"""Alembic environment: always runs on a connection handed over by ``db.migrate``.

``db.migrate`` owns the transaction (foreign keys off before it, ``foreign_key_check`` before
commit), so this file only configures the context and runs the scripts inside it.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import db.schema  # noqa: F401  (registers every table on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Dugout migrations run through db.migrate (dugout migrate), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
