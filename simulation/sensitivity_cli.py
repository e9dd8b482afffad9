"""``cockpit sim sensitivity SCENARIO.toml``: the tornado of a scenario's main inputs at -20 % and +20 %.

Without ``--json`` prints, for the chosen KPI, each input's paired change at low and high with its
95 % interval, largest swing first; ``--json OUT`` writes every KPI's (:mod:`simulation.sensitivity`).
"""

from __future__ import annotations

import argparse
import math
import sys
import time

from cockpit.command_output import CommandError, write_json
from simulation.model import ScenarioError
from simulation.scenario import load_scenario
from simulation.sensitivity import (
    DEFAULT_KPI,
    DEFAULT_REPLICATIONS,
    DEFAULT_SCALE,
    DEFAULT_WEEKS,
    INPUTS,
    SensitivityError,
    check_kpi,
    parse_inputs,
    run_sensitivity,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="a street scenario (docs/scenarios.md)")
    parser.add_argument("--replications", type=int, default=DEFAULT_REPLICATIONS,
                        help=f"replications of the base and of each variant (default {DEFAULT_REPLICATIONS})")
    parser.add_argument("--seed", type=int, default=0, help="seed of every run (default 0)")
    parser.add_argument("--inputs", default=None, help=f"comma-separated inputs (default all: {','.join(INPUTS)})")
    parser.add_argument("--kpi", default=DEFAULT_KPI, help=f"KPI the inputs are sorted by (default {DEFAULT_KPI})")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE,
                        help=f"how far each input moves either way (default {DEFAULT_SCALE}: ±20 %%)")
    parser.add_argument("--weeks", type=float, default=DEFAULT_WEEKS,
                        help=f"weeks simulated after the warm-up; a longer scenario is cut (default {DEFAULT_WEEKS:g})")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--json", metavar="OUT", help="write the tornado as JSON to OUT ('-' for stdout)")


def sensitivity_command(args: argparse.Namespace) -> int:
    try:
        inputs = parse_inputs(args.inputs)
        check_kpi(args.kpi)
    except SensitivityError as exc:
        raise CommandError(str(exc)) from None
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        raise CommandError(f"{args.scenario}: {exc}") from None
    began = time.perf_counter()
    try:
        result = run_sensitivity(scenario, inputs, scale=args.scale, replications=args.replications, seed=args.seed,
                                 weeks=args.weeks, workers=max(1, args.workers))
        answer = result.document(args.kpi)
    except SensitivityError as exc:
        raise CommandError(str(exc)) from None
    runs = 1 + 2 * len(inputs)
    print(f"{runs} runs of {args.replications} replications in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    if write_json(args.json, answer):
        return 0
    print(_table(answer))
    return 0


def _fmt(value: float | None) -> str:
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:+.3g}"


def _table(answer: dict) -> str:
    kpi = answer["kpi"]
    base = answer["base"][kpi]["mean"]
    low, high = 100 * (1 - answer["scale"]), 100 * (1 + answer["scale"])
    lines = [f"scenario {answer['scenario']}: {kpi} = {'-' if base is None else f'{base:.4g}'} "
             f"({answer['replications']} replications, seed {answer['seed']}); change [95 %] with each input at "
             f"{low:g} % and {high:g} %",
             f"{'input':32}{f'at {low:g} %':>32}{f'at {high:g} %':>32}{'swing':>12}"]
    for entry in answer["inputs"]:
        cells = []
        for side in ("low", "high"):
            diff = entry[side]["kpis"][kpi]["difference"]
            lo, hi = diff["ci95"]
            cells.append(f"{_fmt(diff['mean'])} [{_fmt(lo)}, {_fmt(hi)}]")
        lines.append(f"{entry['title']:32}{cells[0]:>32}{cells[1]:>32}{entry['swing']:>12.4g}")
    if answer["cancelled"]:
        lines.append("cancelled: only the inputs that finished are shown")
    return "\n".join(lines)
