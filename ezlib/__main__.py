"""Entry point for ``python -m ezlib``."""

from ezlib.cli import main

raise SystemExit(main())
