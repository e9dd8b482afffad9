"""The ``cockpit`` console entry point: the core's command line with the window commands plugged in.

cockpit/cli.py builds every subcommand but never imports Qt; this module hands it the four that open
or render a window. Their modules (and so Qt) are imported only when one of them runs, so
``cockpit info`` or ``cockpit kpi`` start without loading Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cockpit.cli import WindowCommands
from cockpit.cli import main as core_main


def _run_demo(args: argparse.Namespace) -> int:
    from widgets.app import run_demo

    return run_demo(args)


def _render_snapshot(out: Path, **options) -> Path:
    from widgets.snapshot import render_snapshot

    return render_snapshot(out, **options)


def _run_replay(args: argparse.Namespace) -> int:
    from widgets.replay_desk import run_replay

    return run_replay(args)


def _run_open(args: argparse.Namespace) -> int:
    from widgets.production import run_open

    return run_open(args)


WINDOWS = WindowCommands(run_demo=_run_demo, render_snapshot=_render_snapshot, run_replay=_run_replay,
                         run_open=_run_open)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cockpit`` with the windows available; returns the exit code."""
    return core_main(argv, windows=WINDOWS)


if __name__ == "__main__":
    sys.exit(main())
