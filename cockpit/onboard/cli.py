"""``cockpit street import|export`` (wired into cockpit/cli.py).

Output contract (DESIGN.md 4): ``--json`` prints one object on stdout. A refused import lists every
problem on stderr, one a line, and exits 2 with nothing written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cockpit.command_output import print_json

EXIT_INVALID = 2
_SHOWN = 50
"""Problems printed on stderr before the rest are only counted (all are in the --json output)."""


def add_street_options(parser: argparse.ArgumentParser) -> None:
    """``--street ID`` and ``--db URL``: which stored street a command reads (default the demo street)."""
    parser.add_argument("--street", default=None,
                        help="id of a street stored in --db (default: the demo street)")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")


def import_command(args: argparse.Namespace) -> int:
    """``cockpit street import MANIFEST.toml [--db URL] [--json]``; returns the exit code."""
    from cockpit.storage import StorageError, open_database
    from cockpit.onboard.store import import_street

    began = time.perf_counter()
    try:
        db = open_database(args.db)
    except StorageError as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        report = import_street(Path(args.manifest), db)
    except StorageError as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        db.close()
    seconds = time.perf_counter() - began
    for label, problems in (("warning", report.problems.warnings), ("error", report.problems.errors)):
        for problem in problems[:_SHOWN]:
            print(f"{label}: {problem}", file=sys.stderr)
        if len(problems) > _SHOWN:
            print(f"... and {len(problems) - _SHOWN} more {label}s (all of them with --json)", file=sys.stderr)
    summary = report.to_json()
    if report.ok:
        print(f"imported street {summary['street']} in {seconds:.1f} s: {summary['communities']} communities, "
              f"{summary['general_grids']} general grids, {summary['micro_grids']} micro-grids, "
              f"{summary['sensors']} sensors, {summary['staff']} staff, {len(summary['warnings'])} warnings",
              file=sys.stderr)
    else:
        print(f"cockpit: {args.manifest}: {len(summary['errors'])} error(s); nothing was written", file=sys.stderr)
    if args.json:
        print_json(summary)
    return 0 if report.ok else EXIT_INVALID


def export_command(args: argparse.Namespace, street) -> int:
    """``cockpit street export [--street ID] [--db URL] --format geojson|gpkg --out DIR``."""
    from cockpit.street.export import export_street

    paths = export_street(street, Path(args.out), args.format)
    if args.json:
        print_json({"street": street.id, "format": args.format, "out": str(args.out), "files": [str(p) for p in paths]})
    else:
        for path in paths:
            print(path)
    return 0
