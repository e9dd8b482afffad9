"""``cockpit sim compare BASE.toml OTHER.toml``: two scenarios on common random numbers, KPI by KPI.

Both run the same replications under the same seed, so replication i of each sees the same cases
(:mod:`simulation.streams`); each KPI's difference is the mean of the per-replication differences
with its paired Student-t 95 % interval (:func:`simulation.experiment.compare`), over all cases,
by risk class and, on a street, by the shift the cases were reported in (``by_shift``: what a night
cut does to the night's cases).
"""

from __future__ import annotations

import argparse
import sys

from cockpit.command_output import CommandError, write_json
from simulation.experiment import compare, compared_kpis, run_experiment
from simulation.kpi import ALL
from simulation.model import ScenarioError
from simulation.scenario import load_scenario


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", help="the scenario compared against")
    parser.add_argument("other", help="the changed scenario")
    parser.add_argument("--replications", type=int, default=30, help="replications of each (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="seed of both (default 0)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--json", metavar="OUT", help="write the comparison as JSON to OUT ('-' for stdout)")


def compare_command(args: argparse.Namespace) -> int:
    if args.replications < 2:
        raise CommandError("--replications: must be at least 2 (a paired interval needs two)")
    scenarios = []
    for path in (args.base, args.other):
        try:
            scenarios.append(load_scenario(path))
        except ScenarioError as exc:
            raise CommandError(f"{path}: {exc}") from None
    results = [run_experiment(s, args.replications, args.seed, workers=max(1, args.workers)) for s in scenarios]
    print(f"compared in {sum(r.seconds for r in results):.1f} s", file=sys.stderr)
    keys = compared_kpis(results[0])
    shifts = results[0].shift_labels
    labels = [ALL, *results[0].classes]
    table = compare(results, labels=[*labels, *shifts.values()], kpis=keys)
    answer = {"base": scenarios[0].name, "other": scenarios[1].name, "replications": args.replications,
              "seed": args.seed, "kpis": _block(table, ALL, keys),
              "by_class": {label: _block(table, label, keys) for label in labels[1:]},
              "by_shift": {shift: _block(table, label, keys) for shift, label in shifts.items()}}
    if write_json(args.json, answer):
        return 0
    lines = [f"{'KPI':32}{'base':>12}{'other':>12}{'difference [95 %]':>34}"]
    for key, row in answer["kpis"].items():
        diff = row["difference"]

        def fmt(v):
            return "-" if v is None or v != v else f"{v:.4g}"
        lines.append(f"{key:32}{fmt(row['base']['mean']):>12}{fmt(row['other']['mean']):>12}"
                     f"{fmt(diff['mean']) + ' [' + fmt(diff['ci95'][0]) + ', ' + fmt(diff['ci95'][1]) + ']':>34}")
    print("\n".join(lines))
    return 0


def _block(table, label: str, keys: list[str]) -> dict:
    out = {}
    rows = table[table["class"] == label]
    for key in keys:
        mine = rows[rows["kpi"] == key].set_index("index")
        if mine.empty:
            continue
        base, other = mine.loc[0], mine.loc[1]
        out[key] = {
            "base": {"mean": base["mean"], "ci95": [base["lo"], base["hi"]]},
            "other": {"mean": other["mean"], "ci95": [other["lo"], other["hi"]]},
            "difference": {"mean": other["diff"], "ci95": [other["diff_lo"], other["diff_hi"]],
                           "pairs": int(other["pairs"])},
        }
    return out
