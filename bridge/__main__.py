"""``python -m bridge`` runs the ``roo`` command line."""

import sys

from bridge.cli import main

sys.exit(main())
