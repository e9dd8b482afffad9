"""``cockpit sim run SCENARIO.toml``: run replications of a scenario and report KPIs with intervals.

The lead's command line wires :func:`add_arguments` and :func:`run` under ``cockpit sim run``;
``python -m simulation.cli run ...`` runs the same command on its own. With ``--json OUT`` the
summary is written to OUT as one JSON object (``--json -``: to stdout, and nothing else goes there).
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from cockpit.kpi import KPIS
from simulation.experiment import run_experiment
from simulation.model import ScenarioError
from simulation.scenario import load_scenario
from simulation.street import street_for

_OWN_ROWS = (
    ("wait_minutes", "wait (min)"),
    ("response_minutes", "on scene (min)"),
    ("resolution_minutes", "resolution (min)"),
    ("response_compliance", "on scene on time"),
    ("utilisation", "utilisation"),
)
"""The simulation's own measures shown after the registry's KPIs in the table on stdout."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``sim run`` to ``parser``."""
    parser.add_argument("scenario", help="scenario TOML file (see docs/scenarios.md)")
    parser.add_argument("--replications", type=int, default=30, help="independent replications (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="experiment seed (default 0)")
    parser.add_argument("--json", metavar="OUT", help="write the summary as JSON to OUT ('-' for stdout)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--street", default=None,
                        help="run a street scenario on this street stored in --db instead of the one it names")
    parser.add_argument("--db", default=None, help="database URL of --street (default: SQLite in the user data folder)")


def run(args: argparse.Namespace) -> int:
    """Run ``sim run``; returns the exit code (2 for a bad scenario or arguments)."""
    if args.replications < 1:
        print("--replications: must be at least 1", file=sys.stderr)
        return 2
    if args.seed < 0:
        print("--seed: must be >= 0", file=sys.stderr)
        return 2
    street = getattr(args, "street", None)
    if street is not None:
        from cockpit.onboard.catalog import UnknownStreet
        from cockpit.storage import StorageError

        try:
            street_for(street, getattr(args, "db", None))
        except (UnknownStreet, StorageError) as exc:
            print(f"--street: {exc}", file=sys.stderr)
            return 2
    try:
        scenario = load_scenario(args.scenario, street=street)
    except ScenarioError as exc:
        print(f"{args.scenario}: {exc}", file=sys.stderr)
        return 2
    result = run_experiment(scenario, args.replications, args.seed, workers=max(1, args.workers))
    print(f"{result.replications} replications in {result.seconds:.2f} s", file=sys.stderr)
    summary = _clean(result.summary())
    if args.json == "-":
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as fh:
                json.dump(summary, fh, ensure_ascii=False, indent=2)
        except OSError as exc:
            print(f"--json: cannot write {args.json}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print(_human(summary))
    return 0


def _clean(value):
    """JSON has no NaN: undefined figures (a class without cases) become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _fmt(est: dict) -> str:
    if est["mean"] is None:
        return "-"
    if est["ci95"] is None:
        return f"{est['mean']:.3f}"
    lo, hi = est["ci95"]
    return f"{est['mean']:.3f} [{lo:.3f}, {hi:.3f}]"


def _human(summary: dict) -> str:
    lines = [
        f"scenario {summary['scenario']}: {summary['replication_count']} replications, seed {summary['seed']}, "
        f"{summary['cases']} cases after warm-up",
        "mean [95 % CI] over replications",
    ]
    labels = ["all", *summary["by_class"]]
    blocks = [summary["kpis"], *summary["by_class"].values()]
    rows = [(kpi.key, kpi.title) for kpi in KPIS.values() if not kpi.parts] + list(_OWN_ROWS)
    width = max(len(title) for _, title in rows) + 2
    lines.append(f"{'':{width}}" + "".join(f"{label:>30}" for label in labels))
    for key, title in rows:
        lines.append(f"{title:{width}}" + "".join(f"{_fmt(block[key]):>30}" for block in blocks))
    for role, by_hour in summary.get("utilisation_by_hour", {}).items():
        peak = by_hour["peak"]
        lines.append(f"peak utilisation, {role}: {_fmt(peak)} at {peak['hour']:02d}:00")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m simulation.cli``."""
    parser = argparse.ArgumentParser(prog="python -m simulation.cli", description="What-if simulation")
    commands = parser.add_subparsers(dest="command", required=True)
    add_arguments(commands.add_parser("run", help="run replications of a scenario"))
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
