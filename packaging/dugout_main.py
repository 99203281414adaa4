"""The bundle's entry point: the ``dugout`` command line (see ``desktop.cli``)."""

from desktop.cli import main

raise SystemExit(main())
