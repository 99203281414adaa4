"""``python -m desktop``: the same as the ``dugout`` command."""

from desktop.cli import main

raise SystemExit(main())
