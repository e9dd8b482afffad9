"""The ``cockpit history generate`` and ``cockpit kpi`` commands (wired into cockpit/cli.py).

Output contract (DESIGN.md 4): with ``as_json`` exactly one JSON object on stdout, a one-line
summary or a table otherwise; errors are one line on stderr and exit code 2.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from cockpit.command_output import print_json
from cockpit.history.format import LogFormatError, read_log, write_log
from cockpit.history.generator import generate_history
from cockpit.kpi import KPIS, compute_kpis, kpi_rows, kpis_by
from cockpit.street.model import Street

EXIT_ERROR = 2

log = logging.getLogger("cockpit.history")


def generate_command(days: int, seed: int, out: Path, street: Street, as_json: bool = False,
                     generate: Callable[[Street, int, int], pd.DataFrame] = generate_history) -> int:
    """Generate ``days`` days of history for ``street`` with ``seed`` and write it to ``out``.

    ``generate(street, days, seed)`` makes the frame: the command line passes the street model's
    run (``simulation.history``), which this layer cannot import.

    Prints a one-line summary on stderr, and with ``as_json`` the object
    {"out", "cases", "days", "seed"} on stdout. Returns the exit code.
    """
    out = Path(out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        return _error(f"{out}: unknown extension {out.suffix!r}; use .csv or .parquet")
    if days <= 0:
        return _error(f"--days must be positive, not {days}")
    began = time.perf_counter()
    frame = generate(street, days, seed)
    try:
        write_log(frame, out)
    except OSError as exc:
        return _error(f"{out}: cannot write: {exc.strerror or exc}")
    seconds = time.perf_counter() - began
    print(f"wrote {len(frame):,} cases over {days} days (seed {seed}) to {out} in {seconds:.1f} s",
          file=sys.stderr)
    if as_json:
        print_json({"out": str(out), "cases": len(frame), "days": days, "seed": seed})
    return 0


def kpi_command(path: Path, by: str | None, as_json: bool) -> int:
    """Print the KPIs of the incident log at ``path``, optionally broken down by column ``by``.

    JSON: the overall KPIs at the top level and, with ``by``, ``"by_<by>": {value: {...}}``.
    Returns the exit code (2 for a missing or bad file or an unknown column).
    """
    try:
        frame = read_log(path)
    except LogFormatError as exc:
        return _error(str(exc))
    if by is not None and by not in frame.columns:
        return _error(f"unknown column {by!r}; choose one of {', '.join(frame.columns)}")
    overall = compute_kpis(frame)
    table = kpis_by(frame, by) if by is not None else None
    if as_json:
        result: dict[str, Any] = dict(overall)
        if table is not None:
            result[f"by_{by}"] = kpi_rows(table)
        print_json(result)
        return 0
    print(_overall_text(overall, path))
    if table is not None:
        print()
        print(_table_text(table))
    return 0


def _error(message: str) -> int:
    print(f"cockpit: {message}", file=sys.stderr)
    return EXIT_ERROR


def _overall_text(kpis: dict[str, Any], path: Path) -> str:
    lines = [f"KPIs of {path}"]
    for kpi in KPIS.values():
        if kpi.parts:
            shares = ", ".join(f"{part} {kpi.text(share)}" for part, share in kpis[kpi.key].items())
            lines.append(f"  {kpi.title:<32} {shares}")
        else:
            lines.append(f"  {kpi.title:<32} {kpi.text(kpis[kpi.key]):>14}")
    return "\n".join(lines)


def _table_text(table: pd.DataFrame) -> str:
    name = str(table.index.name)
    labels = [str(v) for v in table.index]
    columns = [name]
    cells = [labels]
    for kpi in KPIS.values():
        for column in kpi.columns:
            columns.append(column)
            cells.append([kpi.text(None if pd.isna(v) else float(v)) for v in table[column]])
    widths = [max([len(c)] + [len(v) for v in values]) for c, values in zip(columns, cells)]
    lines = ["  ".join(f"{c:>{w}}" if k else f"{c:<{w}}" for k, (c, w) in enumerate(zip(columns, widths)))]
    for r in range(len(labels)):
        lines.append("  ".join(f"{values[r]:>{w}}" if k else f"{values[r]:<{w}}"
                               for k, (values, w) in enumerate(zip(cells, widths))))
    return "\n".join(lines)


def import_command(export: Path, mapping_path: Path, street: Street, out: Path, as_json: bool = False) -> int:
    """Convert a hotline export into the incident log ``out`` of ``street``; rows not imported go to a side file.

    The side file is ``<out stem>.not_imported.csv`` next to ``out`` (row, reason and the mapped
    location and category values, masked). Prints a summary on stderr, and with ``as_json``
    {"rows", "imported", "unlocated", "unknown_values"} on stdout. Returns the exit code: 2 when
    the mapping or export cannot be used or nothing could be imported.
    """
    from cockpit.history.hotline import HotlineError, convert_export, read_mapping, write_side_file

    out = Path(out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        return _error(f"{out}: unknown extension {out.suffix!r}; use .csv or .parquet")
    try:
        result = convert_export(Path(export), read_mapping(Path(mapping_path)), street)
    except HotlineError as exc:
        return _error(str(exc))
    side = out.with_name(f"{out.stem}.not_imported.csv")
    try:
        if len(result.frame):
            write_log(result.frame, out)
        write_side_file(side, result.not_imported)
    except OSError as exc:
        return _error(f"{out}: cannot write: {exc.strerror or exc}")
    summary = result.to_json()
    print(f"{export}: {summary['rows']} rows, {summary['imported']} imported into {out}, "
          f"{len(result.not_imported)} not imported ({summary['unlocated']} unlocated) listed in {side}", file=sys.stderr)
    for column, counts in summary["unknown_values"].items():
        listed = ", ".join(f"{value} ({count})" for value, count in counts.items())
        print(f"unknown {column}: {listed}", file=sys.stderr)
    if as_json:
        print_json(summary)
    if not len(result.frame):
        return _error(f"{export}: no row could be imported; see {side}")
    return 0
