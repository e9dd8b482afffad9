"""``python -m cockpit.ingest --broker URL [--db URL]``: the headless ingest service."""

import sys

from cockpit.ingest.cli import main

sys.exit(main())
