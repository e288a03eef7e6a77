"""`python -m timeline ...`: the command line (see timeline.cli)."""

import sys

from timeline.cli import main

sys.exit(main())
