"""``cockpit sim calibrate`` and ``cockpit sim validate``: a street's scenario from its log, and the baseline check.

``sim calibrate LOG [--until DATE] --out SCENARIO.toml [--report REPORT.json]`` writes the
calibrated scenario (docs/scenarios.md, "A street known from its log") and its fit report.
``sim validate LOG --holdout-days N [--replications R] [--seed S] [--json OUT]`` calibrates on all
but the last N days, simulates them and prints one row per registry KPI; it exits 0 whether or not
every KPI passes (the JSON's ``passed`` says), 2 for a bad log or arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import tomli_w

from cockpit.command_output import CommandError, json_safe, write_json
from cockpit.history.format import LogFormatError, read_log
from simulation.calibrate import calibrate
from simulation.validation import validate_log


def add_calibrate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("log", help="incident log (.csv or .parquet, docs/incident-log.md)")
    parser.add_argument("--until", type=dt.date.fromisoformat, default=None,
                        help="calibrate on cases reported before this local date (YYYY-MM-DD)")
    parser.add_argument("--out", required=True, help="the scenario TOML to write")
    parser.add_argument("--report", default=None, help="write the fit report as JSON here")


def add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("log", help="incident log (.csv or .parquet, docs/incident-log.md)")
    parser.add_argument("--holdout-days", type=int, required=True, help="days at the end of the log to predict")
    parser.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--json", metavar="OUT", help="write the table as JSON to OUT ('-' for stdout)")


def _log(path: str):
    try:
        return read_log(path)
    except LogFormatError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from None


def _write(path: str, text: str, what: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{what}: cannot write {path}: {exc.strerror or exc}", 1) from None


def calibrate_command(args: argparse.Namespace) -> int:
    frame = _log(args.log)
    try:
        result = calibrate(frame, Path(args.log), args.until)
    except ValueError as exc:
        raise CommandError(f"{args.log}: {exc}") from None
    header = ("# Calibrated by `cockpit sim calibrate` from an incident log; docs/scenarios.md explains every key.\n"
              "# Edit [[staff.group]] count (or add [[staff.change]]) to try another staffing.\n")
    _write(args.out, header + tomli_w.dumps(json_safe(result.scenario)), "--out")
    write_json(args.report, result.report, "--report")
    staff = sum(g["count"] for g in result.scenario["staff"]["group"])
    teams = result.report["staff"]["teams"]
    strengths = ", ".join(f"{team} of {found['members']}" for team, found in teams.items())
    named = f" (department teams: {strengths})" if teams else ""
    print(f"calibrated {result.report['cases']} cases over {result.report['days']} days: "
          f"{len(result.scenario['places'])} grids, {staff} people on duty in "
          f"{len(result.scenario['staff']['group'])} groups{named} -> {args.out}", file=sys.stderr)
    return 0


def validate_command(args: argparse.Namespace) -> int:
    if args.holdout_days < 1:
        raise CommandError("--holdout-days: must be at least 1")
    if args.replications < 2:
        raise CommandError("--replications: must be at least 2 (an interval needs two)")
    frame = _log(args.log)
    began = time.perf_counter()
    try:
        result = validate_log(frame, args.holdout_days, replications=args.replications, seed=args.seed,
                              workers=max(1, args.workers))
    except ValueError as exc:
        raise CommandError(f"{args.log}: {exc}") from None
    print(f"validated in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    summary = result.summary()
    if write_json(args.json, summary):
        return 0
    print(_table(summary))
    return 0


def _table(summary: dict) -> str:
    lines = [f"held out {summary['from']} .. {summary['until']}, {summary['replications']} replications: "
             + ("every KPI the log gives passes" if summary["passed"] else "SOME KPIs MISS"),
             f"{'KPI':32}{'observed':>12}{'simulated':>12}{'95 % interval':>26}{'error':>9}  pass"]
    for row in summary["kpis"]:
        def fmt(v):
            return "-" if v is None else f"{v:.4g}"
        interval = f"[{fmt(row['lo'])}, {fmt(row['hi'])}]"
        error = "-" if row["relative_error"] is None else f"{100 * row['relative_error']:+.1f}%"
        lines.append(f"{row['kpi']:32}{fmt(row['observed']):>12}{fmt(row['mean']):>12}{interval:>26}{error:>9}  "
                     + ("-" if row["pass"] is None else "yes" if row["pass"] else "NO"))
    if any(row["pass"] is None for row in summary["kpis"]):
        lines.append("-: the log does not give this KPI (no such records in it); it is not judged")
    return "\n".join(lines)
