"""The demo's transfer section: targets and finances, kept in the demo file until their tables exist.

The transfer issue adds the shortlist, deals and budget tables and loads these there; until then
``pending_facts`` keeps them reachable (Mac Allister himself is loaded with the squad section, as
a Liverpool player).
"""

from __future__ import annotations

from typing import Any

# Sections of the demo file with no table yet.
PENDING_SECTIONS = ("targets", "finances")


def pending_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The sections of a parsed demo file that no loader writes yet."""
    return {key: data[key] for key in PENDING_SECTIONS if key in data}
