"""``cockpit replay LOG --at TIME [--json]`` and ``cockpit replay LOG --window``.

Output contract (DESIGN.md 4): with ``--json`` exactly one JSON object on stdout; errors are one
line on stderr and exit code 2. ``--window`` opens the operator window on the replay (Qt is
imported only then).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cockpit.command_output import print_json
from cockpit.replay.index import load_index
from cockpit.replay.loader import LogReadError
from cockpit.replay.seek import Replay
from cockpit.replay.summary import log_summary
from cockpit.storage.db import StorageError
from cockpit.onboard.catalog import UnknownStreet, resolve_street
from cockpit.onboard.cli import add_street_options
from cockpit.street.model import Street
from cockpit.vocabulary.local_time import LOCAL_TZ

EXIT_ERROR = 2
AFTER_END = timedelta(hours=24)
"""How far past a log's last event ``--at`` may go: the state then is the log's last state, aged
(cases still open become overdue as their deadlines pass). Further out the log knows nothing."""

log = logging.getLogger("cockpit.replay")


def register(subparsers: argparse._SubParsersAction,
             open_window: Callable[[argparse.Namespace], int] | None = None) -> None:
    """Add the ``replay`` subcommand to the ``cockpit`` command line.

    ``open_window(args)`` runs ``--window``; it comes from widgets/cli.py through cockpit/cli.py,
    since the core never imports widgets.
    """
    parser = subparsers.add_parser("replay", help="replay an incident log: state at a moment, or the window")
    parser.add_argument("log", help="incident log (.csv or .parquet)")
    parser.add_argument("--at", help="moment, ISO 8601 (without an offset: Beijing time)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--window", action="store_true", help="open the operator window on the replay")
    parser.add_argument("--speed", type=float, default=60.0, help="initial replay speed (window)")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--seed", type=int, default=None, help="demo street seed (default: the shipped one)")
    add_street_options(parser)
    parser.set_defaults(handler=replay_command, open_window=open_window)


def parse_time(text: str) -> datetime:
    """An ISO 8601 time; one without an offset is taken as Beijing time (the display zone)."""
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--at {text!r} is not an ISO 8601 time (e.g. 2026-10-01T21:05+08:00)") from None
    return at if at.tzinfo is not None else at.replace(tzinfo=LOCAL_TZ)


def open_replay(path: Path, street: Street, progress=None) -> Replay:
    """Read, check and index an incident log for ``street``; raises LogReadError on a bad file."""
    return Replay(load_index(path, staff_ids={s.id for s in street.staff}, progress=progress), street)


def replay_command(args: argparse.Namespace, street: Street | None = None) -> int:
    """Handler of ``cockpit replay``; returns the exit code."""
    if args.window:
        open_window = getattr(args, "open_window", None)
        if open_window is None:
            return _error("this command line has no window to open")
        return open_window(args)
    if args.at is None:
        return _error("give --at TIME for the state summary, or --window to watch the replay")
    try:
        at = parse_time(args.at)
        if street is None:
            street = resolve_street(getattr(args, "street", None), getattr(args, "db", None), args.seed)
        replay = open_replay(Path(args.log), street)
    except (LogReadError, ValueError, UnknownStreet, StorageError) as exc:
        return _error(str(exc))
    end = replay.index.recorded_end
    past = at - end
    if past > AFTER_END:
        return _error(f"--at {args.at} is {_span(past)} after the log's last event ({_local(end)}): the log "
                      f"says nothing about then (--at may be at most {_span(AFTER_END)} after it)")
    summary = {"log": str(args.log), **log_summary(replay, at), "log_end": end.isoformat(),
               "after_log_end_s": max(int(past.total_seconds()), 0)}
    if args.json:
        print_json(summary)
    else:
        print(_text(summary, at))
    return 0


def _local(at: datetime) -> str:
    return at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S %z")


def _span(delta: timedelta) -> str:
    """``4 years 90 days``, ``2 days 3 h``, ``1 h 5 min``: a time span in its two largest units."""
    years, days = divmod(delta.days, 365)
    hours, minutes = divmod(delta.seconds // 60, 60)
    units = [(years, " year", True), (days, " day", True), (hours, " h", False), (minutes, " min", False)]
    first = next((i for i, (n, _, _) in enumerate(units) if n), None)
    if first is None:
        return f"{delta.seconds} s"
    return " ".join(f"{n}{unit}{'s' if plural and n > 1 else ''}"
                    for n, unit, plural in units[first:first + 2] if n)


def _text(summary: dict[str, Any], at: datetime) -> str:
    local = _local(at)
    by_status = ", ".join(f"{k} {v}" for k, v in summary["open_cases"].items())
    risk = summary["open_by_risk"]
    lines = [
        f"replay of {summary['log']} at {local}",
        f"open cases      {summary['open_total']} ({by_status})",
        f"open by risk    red {risk['red']}, yellow {risk['yellow']}, blue {risk['blue']}",
        f"overdue         {summary['overdue']}",
        f"staff busy      {summary['staff_busy']}",
    ]
    kpis = summary.get("kpis") or {}
    if kpis:
        satisfaction = kpis.get("satisfaction_mean")
        lines.append(f"closed before   {kpis.get('cases', 0)} cases; overdue rate "
                     f"{_pct(kpis.get('overdue_rate'))}, satisfaction "
                     f"{'—' if satisfaction is None else f'{satisfaction:.2f}'}")
    if summary["after_log_end_s"]:
        lines.append(f"note            {_span(timedelta(seconds=summary['after_log_end_s']))} after the log's "
                     f"last event ({_local(datetime.fromisoformat(summary['log_end']))})")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _error(message: str) -> int:
    print(f"cockpit: {message}", file=sys.stderr)
    return EXIT_ERROR

