"""Every table of every area, registered on one metadata: what Alembic and the checks compare.

An area with tables adds its ``models`` module here (one line).
"""

from __future__ import annotations

from sqlmodel import SQLModel

import db.calendar.models  # noqa: F401
import db.lineup.models  # noqa: F401
import db.medical.models  # noqa: F401
import db.reference.models  # noqa: F401
import db.reports.models  # noqa: F401
import db.squad.models  # noqa: F401
import db.transfers.models  # noqa: F401

METADATA = SQLModel.metadata
