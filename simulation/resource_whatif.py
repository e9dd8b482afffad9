"""A placement plan as a what-if: how much sooner the cases that need the item get it.

The leader's question after ``cockpit resources plan --kind aed --add 5``: what does it do for the
elderly people who collapse (cardiac arrests and falls need an AED)? The same street scenario is run
twice under one seed, items fetched as :mod:`simulation.items` says, once with today's placement and
once with the plan, so replication k of both sees the very same cases (common random numbers).
For each category that needs the item the effect is stated per replication and paired: the mean
response (report → person and item on scene), the minutes from dispatch until the item is there and
the share of cases whose item came within its coverage standard, each with its interval in both
runs and the plan's difference with its interval.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cockpit.command_output import CommandError, print_json
from cockpit.resources import resource_path
from cockpit.vocabulary.categories import default_categories
from simulation.experiment import ExperimentResult, Progress, run_experiment
from simulation.kpi import interval, paired_difference
from simulation.model import ScenarioError
from simulation.scenario import Scenario, load_scenario, parse_scenario

MEASURES = ("response_minutes", "item_minutes", "item_within_standard")
"""Per category: report → person and item on scene; dispatch → item on scene; item within its standard."""


def plan_scenarios(scenario: Scenario, plan_path: str | Path) -> tuple[Scenario, Scenario]:
    """``scenario`` with today's items and with the plan's: the pair a what-if runs.

    Raises :class:`~simulation.model.ScenarioError` (``resources.plan`` named) for an unusable plan.
    """
    planned = _with_resources(scenario, {"plan": str(Path(plan_path).resolve())}, "plan")
    item = planned.resources.item
    base = _with_resources(scenario, {"item": item}, "today")
    return base, planned


def _with_resources(scenario: Scenario, table: dict, label: str) -> Scenario:
    return scenario.with_value("resources", table).with_value("scenario.name", f"{scenario.name} ({label})")


@dataclass(frozen=True)
class WhatIf:
    """Both runs of a plan's what-if and the effect on the categories that need its item."""

    item: str
    scenario: str
    base: ExperimentResult
    plan: ExperimentResult
    effects: pd.DataFrame

    @property
    def cancelled(self) -> bool:
        return self.base.cancelled or self.plan.cancelled

    def as_json(self) -> dict:
        """``{"item", "replications", "seed", "scenario", "plan", "effects": [...]}`` (JSON has no NaN: null)."""
        rows = []
        for row in self.effects.to_dict("records"):
            rows.append({k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in row.items()})
        return {
            "item": self.item,
            "replications": min(self.base.replications, self.plan.replications),
            "seed": self.base.seed,
            "scenario": self.scenario,
            "plan": self.plan.scenario.resources.source,
            "effects": rows,
        }


def run_whatif(scenario: Scenario, plan_path: str | Path, replications: int = 30, seed: int = 0, *,
               workers: int = 1, progress: Progress | None = None,
               cancel: threading.Event | None = None, confidence: float = 0.95) -> WhatIf:
    """Run today's placement and the plan under one seed and state the effect of the plan."""
    base, planned = plan_scenarios(scenario, plan_path)
    results = []
    for position, run in enumerate((base, planned)):
        def step(done: int, _total: int, offset: int = position * replications) -> None:
            if progress is not None:
                progress(offset + done, 2 * replications)

        results.append(run_experiment(run, replications, seed, workers=workers, progress=step, cancel=cancel,
                                      keep_cases=True))
        if results[-1].cancelled:
            results.append(results[-1])
            break
    item = planned.resources.item
    return WhatIf(item, scenario.name, results[0], results[1], item_effects(results[0], results[1], item, confidence))


def item_effects(base: ExperimentResult, plan: ExperimentResult, item: str,
                 confidence: float = 0.95) -> pd.DataFrame:
    """The plan's effect on every category that needs ``item``, measure by measure.

    Returns
    -------
    pandas.DataFrame
        One row per (category, measure) with ``cases`` (per replication, today), ``base``,
        ``base_lo``, ``base_hi``, ``plan``, ``plan_lo``, ``plan_hi`` (means over replications and
        their ``confidence`` intervals) and ``diff``, ``diff_lo``, ``diff_hi``, ``pairs`` (plan minus
        today, paired by replication).
    """
    table = default_categories()
    standard = table.items[item].minutes
    rows = []
    for category in (c.code for c in table if item in c.items):
        today = _per_replication(base, category, standard)
        after = _per_replication(plan, category, standard)
        for measure in MEASURES:
            a, b = today[measure], after[measure]
            a_lo, a_hi = interval(a.to_numpy(), confidence) or (math.nan, math.nan)
            b_lo, b_hi = interval(b.to_numpy(), confidence) or (math.nan, math.nan)
            diff, diff_lo, diff_hi, pairs = paired_difference(b, a, confidence)
            rows.append({
                "category": category, "measure": measure, "cases": float(today["cases"].mean()),
                "base": _mean(a), "base_lo": a_lo, "base_hi": a_hi,
                "plan": _mean(b), "plan_lo": b_lo, "plan_hi": b_hi,
                "diff": diff, "diff_lo": diff_lo, "diff_hi": diff_hi, "pairs": pairs,
            })
    return pd.DataFrame(rows, columns=["category", "measure", "cases", "base", "base_lo", "base_hi", "plan",
                                       "plan_lo", "plan_hi", "diff", "diff_lo", "diff_hi", "pairs"])


def _per_replication(result: ExperimentResult, category: str, standard: float) -> pd.DataFrame:
    """Per replication: the window's cases of ``category`` and the mean of each measure over them."""
    cases = result.cases
    if cases is None or cases.empty:
        return pd.DataFrame(columns=["cases", *MEASURES], dtype=float)
    window = cases[~cases["warmup"] & ~cases["after_horizon"] & ~cases["carried"] & (cases["category"] == category)]
    window = window.assign(item_within_standard=(window["item_minutes"] <= standard).where(window["item_minutes"].notna()))
    grouped = window.groupby("replication")
    frame = grouped[list(MEASURES)].mean()
    frame["cases"] = grouped.size()
    return frame.astype(float)


def _mean(values: pd.Series) -> float:
    return float(values.mean()) if values.notna().any() else math.nan


DEFAULT_SCENARIO = resource_path("scenarios", "demo_street.toml")
"""The scenario a plan is tried on when none is given: the demo street as it is staffed today."""

_LABELS = {
    "response_minutes": "report -> person and item on scene (min)",
    "item_minutes": "dispatch -> item on scene (min)",
    "item_within_standard": "item within its standard (share)",
}


def whatif_command(plan_path: str, scenario_path: str | None, replications: int, seed: int, workers: int,
                   as_json: bool) -> int:
    """``cockpit resources whatif``: run the plan's what-if and print its effects (one JSON object with ``as_json``).

    Raises :class:`~cockpit.command_output.CommandError` for a bad scenario, plan or argument.
    """
    if replications < 2:
        raise CommandError("--replications: at least 2, or there is no interval")
    if seed < 0:
        raise CommandError("--seed: must be >= 0")
    path = Path(scenario_path) if scenario_path is not None else DEFAULT_SCENARIO
    try:
        whatif = run_whatif(load_scenario(path), plan_path, replications, seed, workers=max(1, workers))
    except ScenarioError as exc:
        raise CommandError(f"{path}: {exc}") from None
    if as_json:
        print_json(whatif.as_json())
        return 0
    print(_human(whatif))
    return 0


def _human(whatif: WhatIf) -> str:
    data = whatif.as_json()
    lines = [f"plan {data['plan']} for {data['item']} on scenario {data['scenario']}: "
             f"{data['replications']} replications, seed {data['seed']}; mean [95 % CI], plan - today paired"]
    for row in data["effects"]:
        lines.append(f"{row['category']:<20} {_LABELS[row['measure']]:<44} today {_span(row, 'base')}  "
                     f"plan {_span(row, 'plan')}  difference {_span(row, 'diff')}")
    if not data["effects"]:
        lines.append(f"no category needs {data['item']}")
    return "\n".join(lines)


def _span(row: dict, key: str) -> str:
    if row[key] is None:
        return "-"
    if row[f"{key}_lo"] is None:
        return f"{row[key]:.3f}"
    return f"{row[key]:.3f} [{row[f'{key}_lo']:.3f}, {row[f'{key}_hi']:.3f}]"
