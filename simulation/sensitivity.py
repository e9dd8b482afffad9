"""Sensitivity of a what-if answer to the inputs a street only estimates: a tornado at -20 % and +20 %.

Each input (demand level, on-scene work, acceptance delay, travel, department waiting, triage and
dispatch, grid workers on every shift, reopen probability) is scaled through the scenario's own
keys (``[demand] scale``, ``[stages.scale]``, ``[[staff.change]]``, set by
:meth:`~simulation.scenario.Scenario.with_value`), so a scaled scenario is one a leader could write.
Every variant runs under the base's seed: replication i of each sees the same cases (common random
numbers), and each KPI's change is the paired difference against the base with its Student-t 95 %
interval, exactly as ``cockpit sim compare`` states it (:func:`simulation.experiment.compare`).
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import pandas as pd

from cockpit.kpi import KPIS
from cockpit.vocabulary.domain import StaffKind
from simulation.experiment import ExperimentResult, Progress, compare, compared_kpis, run_experiment
from simulation.ground import ground_of
from simulation.kpi import ALL, SIMULATION_KPIS
from simulation.model import ScenarioError
from simulation.scenario import LOG_STREET, Scenario

DEFAULT_SCALE = 0.2
"""Inputs move by ±20 %."""
DEFAULT_REPLICATIONS = 4
"""Replications of the base and of each variant: common random numbers keep paired intervals narrow."""
DEFAULT_WEEKS = 4.0
"""Weeks simulated after the warm-up (a longer scenario is cut)."""
HOURS_PER_WEEK = 168
DEFAULT_KPI = "response_minutes_mean"
"""The KPI the inputs are sorted by unless another is chosen: response (report → accepted)."""


class SensitivityError(ValueError):
    """A sensitivity run that cannot be made; the message says which input or option and why."""


def _stage_input(*stages: str) -> Callable[[Scenario, float], Scenario]:
    def apply(scenario: Scenario, factor: float) -> Scenario:
        for stage in stages:
            scenario = scenario.with_value(f"stages.scale.{stage}", scenario.stages.factor(stage) * factor)
        return scenario

    return apply


def _demand(scenario: Scenario, factor: float) -> Scenario:
    demand = scenario.raw.get("demand", {})
    return scenario.with_value("demand.scale", float(demand.get("scale", 1.0)) * factor)


def _rounded(counts: Sequence[int], factor: float) -> list[int]:
    """``counts`` times ``factor``, each rounded down and the rest of the rounded total given to those
    whose share rounds furthest (the first of equals), so the total is the rounded total."""
    wanted = [n * factor for n in counts]
    new = [math.floor(w) for w in wanted]
    left = round(sum(wanted)) - sum(new)
    for k in sorted(range(len(new)), key=lambda k: new[k] - wanted[k])[:left]:
        new[k] += 1
    return new


def _grid_workers(scenario: Scenario, factor: float) -> Scenario:
    """Every shift's grid workers times ``factor`` (rounded), taken from or added to the communities
    with the most first: ``[[staff.change]]`` entries on a street with a map, the counts of the
    ``[[staff.group]]`` tables of a street known from its log (whose round-the-clock groups no change names)."""
    if scenario.street == LOG_STREET:
        groups = [dict(g) for g in scenario.raw["staff"]["group"]]
        ours = [k for k, g in enumerate(groups) if g.get("role", StaffKind.GRID_WORKER.value) == StaffKind.GRID_WORKER.value]
        if not any(groups[k]["count"] for k in ours):
            raise SensitivityError("grid_workers: the scenario has no grid workers to scale")
        for shift in sorted({groups[k].get("shift") for k in ours}, key=str):
            mine = sorted((k for k in ours if groups[k].get("shift") == shift), key=lambda k: -groups[k]["count"])
            for k, count in zip(mine, _rounded([groups[k]["count"] for k in mine], factor)):
                groups[k]["count"] = count
        return scenario.with_value("staff.group", groups)
    counts = Counter((p.shift_id, p.community) for p in ground_of(scenario).roster
                     if p.kind is StaffKind.GRID_WORKER and p.community is not None)
    if not counts:
        raise SensitivityError("grid_workers: the scenario has no grid workers in a community to scale")
    changes = list(scenario.raw.get("staff", {}).get("change", []))
    for shift in sorted({s for s, _ in counts}, key=str):
        mine = sorted(((c, n) for (s, c), n in counts.items() if s == shift), key=lambda cn: (-cn[1], cn[0]))
        for (community, count), target in zip(mine, _rounded([n for _, n in mine], factor)):
            if target != count:
                changes.append({"role": StaffKind.GRID_WORKER.value, "community": community, "shift": shift,
                                "delta": target - count})
    return scenario.with_value("staff.change", changes)


@dataclass(frozen=True)
class Input:
    """One input of the tornado: its key, what it is, and how a scenario is scaled by a factor."""

    key: str
    title: str
    apply: Callable[[Scenario, float], Scenario] = field(repr=False)


INPUTS: dict[str, Input] = {i.key: i for i in (
    Input("demand", "demand level (cases per day)", _demand),
    Input("work", "on-scene work time", _stage_input("work", "rework")),
    Input("accept", "acceptance delay", _stage_input("accept")),
    Input("travel", "travel time", _stage_input("travel")),
    Input("coordination", "department waiting time", _stage_input("coordination")),
    Input("triage_dispatch", "triage and dispatch delays", _stage_input("triage", "dispatch")),
    Input("grid_workers", "grid workers on every shift", _grid_workers),
    Input("reopen", "reopen probability", _stage_input("reopen")),
)}
"""The tornado's inputs in display order (``--inputs`` takes their keys)."""


@dataclass
class Sensitivity:
    """A tornado: the base run and, for each input at low and high, every KPI's paired change.

    ``table`` has one row per (input, side ``low``/``high``, KPI) with ``factor``, ``base`` (the
    base's mean), ``mean`` (the variant's), ``diff``, ``diff_lo``, ``diff_hi`` (variant minus base,
    paired 95 % interval) and ``pairs``. ``cancelled``: the run stopped; the table holds the inputs
    whose both sides finished.
    """

    scenario: Scenario
    base: ExperimentResult
    inputs: tuple[str, ...]
    scale: float
    replications: int
    seed: int
    kpis: tuple[str, ...]
    table: pd.DataFrame
    cancelled: bool = False

    def swings(self, kpi: str) -> pd.DataFrame:
        """Per input the change of ``kpi`` at low and high with intervals, largest swing (|high - low|) first.

        Columns: ``input``, ``low``, ``low_lo``, ``low_hi``, ``high``, ``high_lo``, ``high_hi``, ``swing``.
        """
        if kpi not in self.kpis:
            raise SensitivityError(f"--kpi: unknown KPI {kpi!r}; one of {', '.join(self.kpis)}")
        rows = []
        mine = self.table[self.table["kpi"] == kpi]
        for key in self.inputs:
            sides = mine[mine["input"] == key].set_index("side")
            if len(sides) < 2:
                continue
            low, high = sides.loc["low"], sides.loc["high"]
            rows.append({"input": key, "low": low["diff"], "low_lo": low["diff_lo"], "low_hi": low["diff_hi"],
                         "high": high["diff"], "high_lo": high["diff_lo"], "high_hi": high["diff_hi"],
                         "swing": abs(high["diff"] - low["diff"]) if pd.notna(high["diff"] - low["diff"]) else 0.0})
        frame = pd.DataFrame(rows, columns=["input", "low", "low_lo", "low_hi", "high", "high_lo", "high_hi", "swing"])
        return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)

    def document(self, kpi: str) -> dict[str, Any]:
        """The JSON document of ``cockpit sim sensitivity``: the same inputs and seed give the same bytes."""
        base = {}
        for key in self.kpis:
            estimate = self.base.estimate(key)
            base[key] = {"mean": estimate["mean"], "ci95": estimate["ci95"]}
        out = {"scenario": self.scenario.name, "replications": self.replications, "seed": self.seed,
               "scale": self.scale, "kpi": kpi, "cancelled": self.cancelled, "base": base, "inputs": []}
        for row in self.swings(kpi).itertuples(index=False):
            entry: dict[str, Any] = {"input": row.input, "title": INPUTS[row.input].title, "swing": float(row.swing)}
            for side in ("low", "high"):
                rows = self.table[(self.table["input"] == row.input) & (self.table["side"] == side)]
                entry[side] = {"factor": float(rows["factor"].iloc[0]),
                               "kpis": {r.kpi: {"mean": r.mean, "difference": {"mean": r.diff,
                                                                                "ci95": [r.diff_lo, r.diff_hi],
                                                                                "pairs": int(r.pairs)}}
                                        for r in rows.itertuples(index=False)}}
            out["inputs"].append(entry)
        return out


def check_kpi(key: str) -> None:
    """Raise :class:`SensitivityError` unless ``key`` is a KPI a tornado can be sorted by."""
    known = [k for k, kpi in KPIS.items() if not kpi.parts] + list(SIMULATION_KPIS)
    if key not in known:
        raise SensitivityError(f"--kpi: unknown KPI {key!r}; one of {', '.join(known)}")


def parse_inputs(text: str | None) -> tuple[str, ...]:
    """The input keys of a comma-separated list (None or empty: all of :data:`INPUTS`).

    Raises
    ------
    SensitivityError
        An unknown key, named with the known ones.
    """
    if not text:
        return tuple(INPUTS)
    keys = tuple(dict.fromkeys(k.strip() for k in text.split(",") if k.strip()))
    unknown = [k for k in keys if k not in INPUTS]
    if unknown or not keys:
        raise SensitivityError(f"--inputs: unknown input {', '.join(unknown) or text!r}; "
                               f"known: {', '.join(INPUTS)}")
    return keys


def variants(scenario: Scenario, inputs: Sequence[str], scale: float) -> list[tuple[str, str, float, Scenario]]:
    """Each input's low and high scenario: ``(input, side, factor, scenario)``.

    Raises
    ------
    SensitivityError
        Not a street scenario, a scale outside (0, 1), or an input the scenario cannot be scaled by.
    """
    if scenario.street == "none":
        raise SensitivityError("the sensitivity tornado needs a street scenario (its stages, demand and staff)")
    if not 0 < scale < 1:
        raise SensitivityError(f"--scale: must be between 0 and 1 (0.2 is ±20 %), got {scale:g}")
    out = []
    for key in inputs:
        for side, factor in (("low", 1.0 - scale), ("high", 1.0 + scale)):
            try:
                out.append((key, side, factor, INPUTS[key].apply(scenario, factor)))
            except ScenarioError as exc:
                raise SensitivityError(f"{key}: cannot scale by {factor:g}: {exc}") from None
    return out


def run_sensitivity(
    scenario: Scenario,
    inputs: Sequence[str] | None = None,
    *,
    scale: float = DEFAULT_SCALE,
    replications: int = DEFAULT_REPLICATIONS,
    seed: int = 0,
    weeks: float | None = DEFAULT_WEEKS,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Sensitivity:
    """Run ``scenario`` and each input scaled by ``1 - scale`` and ``1 + scale``, all under ``seed``.

    A scenario longer than ``weeks`` after its warm-up is cut to that (None: as it is); the tornado
    asks how an answer moves, which a few weeks show as well as a year. ``progress(done, total)``
    counts replications over the base and every variant.

    Raises
    ------
    SensitivityError
        See :func:`variants`; also fewer than 2 replications (a paired interval needs two).
    """
    if replications < 2:
        raise SensitivityError("--replications: must be at least 2 (a paired interval needs two)")
    if weeks is not None:
        if weeks <= 0:
            raise SensitivityError(f"--weeks: must be positive, got {weeks:g}")
        horizon = scenario.warmup_hours + weeks * HOURS_PER_WEEK
        if horizon < scenario.horizon_hours:
            scenario = scenario.with_value("scenario.horizon_hours", horizon)
    keys = tuple(inputs) if inputs else tuple(INPUTS)
    for key in keys:
        if key not in INPUTS:
            raise SensitivityError(f"--inputs: unknown input {key!r}; known: {', '.join(INPUTS)}")
    runs = variants(scenario, keys, scale)
    total = replications * (1 + len(runs))

    def run(variant: Scenario, position: int) -> ExperimentResult:
        step = None
        if progress is not None:
            def step(done: int, _count: int) -> None:
                progress(position * replications + done, total)
        return run_experiment(variant, replications, seed, workers=workers, progress=step, cancel=cancel)

    base = run(scenario, 0)
    kpis = tuple(compared_kpis(base))
    rows: list[dict] = []
    cancelled = base.cancelled
    done: dict[tuple[str, str], tuple[float, ExperimentResult]] = {}
    for position, (key, side, factor, variant) in enumerate(runs, start=1):
        if cancelled:
            break
        result = run(variant, position)
        if result.cancelled:
            cancelled = True
            break
        done[(key, side)] = (factor, result)
    for key in keys:
        if (key, "low") not in done or (key, "high") not in done:
            continue
        for side in ("low", "high"):
            factor, result = done[(key, side)]
            table = compare([base, result], labels=[ALL], kpis=kpis)
            for kpi in kpis:
                mine = table[table["kpi"] == kpi].set_index("index")
                rows.append({"input": key, "side": side, "factor": factor, "kpi": kpi,
                             "base": mine.loc[0, "mean"], "mean": mine.loc[1, "mean"], "diff": mine.loc[1, "diff"],
                             "diff_lo": mine.loc[1, "diff_lo"], "diff_hi": mine.loc[1, "diff_hi"],
                             "pairs": int(mine.loc[1, "pairs"])})
    table = pd.DataFrame(rows, columns=["input", "side", "factor", "kpi", "base", "mean", "diff", "diff_lo",
                                        "diff_hi", "pairs"])
    return Sensitivity(scenario, base, keys, scale, replications, seed, kpis, table, cancelled)
