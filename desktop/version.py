"""Which Dugout this is: version and licence from the installed package's metadata (no Qt).

A bundle carries the metadata too (``packaging/dugout.spec`` copies it), so ``dugout --version``
says the same from a checkout installed with pip and from the Linux bundle.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, metadata

DISTRIBUTION = "dugout"


def _field(name: str) -> str | None:
    try:
        values = metadata(DISTRIBUTION).get_all(name) or []
    except PackageNotFoundError:  # a checkout that was never installed
        return None
    return str(values[0]) if values and values[0] else None


def dugout_version() -> str:
    """The version of the installed Dugout, or a note that it is not installed."""
    from db.i18n import tr

    return _field("Version") or tr("unknown (not installed)")


def dugout_licence() -> str:
    """The licence Dugout is distributed under (an SPDX expression such as "MIT")."""
    from db.i18n import tr

    return _field("License-Expression") or _field("License") or tr("unknown (not installed)")
