"""Staffing optimisers: the fewest staff whose cases meet a response target, and where to put them.

Both the abstract count (``staff.count``) and a street's headcount per community and shift are
found by one search (:func:`fewest_passing`): try a level, double until one passes, then bisect,
assuming more staff never lower compliance (common random numbers keep that true in practice). A
level passes when the lower bound of the two-sided interval of a class's response compliance is at
least the target.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np
import pandas as pd

from simulation.experiment import ExperimentResult, run_experiment
from simulation.kpi import interval
from simulation.scenario import Scenario, parse_scenario
from simulation.staffing import staffing_table
from simulation.street import street_model


def fewest_passing(passes: Callable[[int], bool], low: int, high: int,
                   cancel: threading.Event | None = None, guess: int | None = None) -> int | None:
    """The smallest level in [``low``, ``high``] for which ``passes`` holds, or None if ``high`` fails.

    Tries ``low``, then ``guess`` (a level likely to pass, such as today's) if it is above ``low``,
    then doubles (at least +1) up to ``high`` until a level passes, then bisects between the last
    failure and the first pass; ``passes`` must not fall as the level grows. On cancel it stops:
    None before any level passed, else the smallest passing level found so far.
    """
    failed, level = low - 1, low
    while not passes(level):
        if level >= high or (cancel is not None and cancel.is_set()):
            return None
        following = guess if guess is not None and guess > level else max(level + 1, level * 2)
        guess = None
        failed, level = level, min(high, following)
    passed = level
    while passed - failed > 1 and not (cancel is not None and cancel.is_set()):
        middle = (failed + passed) // 2
        if passes(middle):
            passed = middle
        else:
            failed = middle
    return passed


def _compliance(result: ExperimentResult, label: str, confidence: float,
                target: float) -> tuple[float, float, float, bool]:
    """(mean, lower, upper, passed) of ``label``'s response compliance over the replications."""
    values = result.kpis.loc[result.kpis["class"] == label, "response_compliance"].to_numpy()
    lower, upper = interval(values, confidence) or (math.nan, math.nan)
    mean = float(np.nanmean(values)) if len(values) else math.nan
    return mean, lower, upper, bool(lower >= target)


@dataclass(frozen=True)
class StaffingTrial:
    """One staffing level the optimiser tried: the compliance estimate and whether it met the target."""

    count: int
    mean: float
    lower: float
    upper: float
    passed: bool


@dataclass
class StaffingSearch:
    """The optimiser's answer (``best``: fewest staff that met the target, None if none did) and its search."""

    key: str
    label: str
    within_minutes: float
    target: float
    confidence: float
    replications: int
    best: int | None
    trials: list[StaffingTrial] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The trials in the order they were made."""
        return pd.DataFrame([t.__dict__ for t in self.trials])


def optimise_staffing(
    scenario: Scenario,
    *,
    label: str = "red",
    within_minutes: float = 120.0,
    target: float = 0.95,
    confidence: float = 0.95,
    key: str = "staff.count",
    low: int | None = None,
    high: int = 500,
    replications: int = 30,
    seed: int = 0,
    workers: int = 1,
    progress: Callable[[StaffingTrial], None] | None = None,
    cancel: threading.Event | None = None,
) -> StaffingSearch:
    """Fewest staff (the integer at ``key``) whose ``label`` cases meet the response target.

    A level passes when the lower bound of the two-sided ``confidence`` interval of the share of
    ``label`` cases with response <= ``within_minutes`` is at least ``target``. The search doubles
    from ``low`` (default: the smallest stable count of an abstract queue) until a level passes,
    then bisects, assuming compliance does not fall when staff are added; every level tried is in
    ``trials``. All levels use the same seed (common random numbers), which keeps that assumption
    true in practice.
    """
    base = scenario.with_value("targets.response_minutes", within_minutes)
    if low is None:
        load = sum(a.rate_per_hour * _mean_rate_factor(a) * a.service.mean / 60 for a in scenario.arrivals)
        low = max(1, math.floor(load) + 1) if key == "staff.count" else 0
    search = StaffingSearch(key, label, within_minutes, target, confidence, replications, None)
    tried: dict[int, StaffingTrial] = {}

    def trial(count: int) -> StaffingTrial:
        if count not in tried:
            result = run_experiment(base.with_value(key, count), replications, seed, workers=workers, cancel=cancel)
            tried[count] = StaffingTrial(count, *_compliance(result, label, confidence, target))
            search.trials.append(tried[count])
            if progress is not None:
                progress(tried[count])
        return tried[count]

    search.best = fewest_passing(lambda count: trial(count).passed, low, high, cancel)
    return search


def _mean_rate_factor(arrival) -> float:
    """The mean of a class's time shape (a demand-model shape has mean 1 by construction)."""
    factor = 1.0
    if arrival.profile is not None:
        factor *= float(np.mean(arrival.profile))
    if arrival.weekday is not None:
        factor *= float(np.mean(arrival.weekday))
    return factor


@dataclass(frozen=True)
class StreetStaffingTrial:
    """One street-wide headcount the optimiser tried, its allocation to communities and the estimate."""

    total: int
    allocation: dict[str, int]
    mean: float
    lower: float
    upper: float
    passed: bool


@dataclass
class StreetStaffingSearch:
    """The fewest people of ``role`` on ``shift`` (``best``, None if none met the target) and the search.

    ``allocation`` is the headcount per community of the best level.
    """

    role: str
    shift: str
    label: str
    within_minutes: float
    target: float
    confidence: float
    replications: int
    best: int | None = None
    allocation: dict[str, int] = field(default_factory=dict)
    trials: list[StreetStaffingTrial] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The trials in the order they were made, one column per community."""
        return pd.DataFrame(
            [{"total": t.total, "mean": t.mean, "lower": t.lower, "upper": t.upper, "passed": t.passed, **t.allocation}
             for t in self.trials]
        )


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split ``total`` people over communities in proportion to ``weights`` (largest remainder, ties by id)."""
    ids = sorted(weights)
    w = np.array([weights[c] for c in ids], dtype=float)
    share = w / w.sum() * total
    counts = np.floor(share).astype(int)
    order = sorted(range(len(ids)), key=lambda k: (-(share[k] - counts[k]), ids[k]))
    for k in order[: total - int(counts.sum())]:
        counts[k] += 1
    return {c: int(n) for c, n in zip(ids, counts)}


def with_headcounts(scenario: Scenario, role: str, shift: str, allocation: dict[str, int]) -> Scenario:
    """``scenario`` with exactly ``allocation[community]`` people of ``role`` on ``shift`` in each community."""
    model = street_model(scenario.street)
    base = staffing_table(model.roster)
    raw = {key: value for key, value in scenario.raw.items()}
    staff = dict(raw["staff"])
    kept = [c for c in staff.get("change", []) if not (c["role"] == role and c["shift"] == shift and c.get("community") in allocation)]
    for community, count in sorted(allocation.items()):
        delta = count - base.get((community, shift, role), 0)
        if delta:
            kept.append({"role": role, "community": community, "shift": shift, "delta": delta})
    staff["change"] = kept
    raw["staff"] = staff
    return replace(parse_scenario(raw, scenario.base_dir), start_state=scenario.start_state)


def optimise_street_staffing(
    scenario: Scenario,
    *,
    role: str = "grid_worker",
    shift: str = "night",
    label: str = "red",
    within_minutes: float = 120.0,
    target: float = 0.95,
    confidence: float = 0.95,
    high: int | None = None,
    replications: int = 30,
    seed: int = 0,
    workers: int = 1,
    progress: Callable[[StreetStaffingTrial], None] | None = None,
    cancel: threading.Event | None = None,
) -> StreetStaffingSearch:
    """Fewest people of ``role`` on ``shift`` street-wide, and their number per community, meeting the target.

    A level passes when the lower bound of the two-sided ``confidence`` interval of the share of
    ``label`` cases with somebody on scene within ``within_minutes`` is at least ``target``. Each
    street-wide total is split over the communities in proportion to their households (where
    cases happen), by largest remainder. The search (:func:`fewest_passing`) tries 0, then doubles
    from 1 until a total passes (at most ``high``, default twice the community count), then
    bisects, assuming more people never lower compliance (common random numbers keep that true in
    practice). Every total tried is in ``trials``.
    """
    geo = street_model(scenario.street).geometry
    weights = {c: float(geo.households[geo.community == k].sum()) for k, c in enumerate(geo.community_ids)}
    high = high if high is not None else 2 * len(weights)
    base = scenario.with_value("targets.response_minutes", within_minutes)
    search = StreetStaffingSearch(role, shift, label, within_minutes, target, confidence, replications)
    tried: dict[int, StreetStaffingTrial] = {}

    def trial(total: int) -> StreetStaffingTrial:
        if total not in tried:
            allocation = allocate(total, weights)
            variant = with_headcounts(base, role, shift, allocation)
            result = run_experiment(variant, replications, seed, workers=workers, cancel=cancel)
            tried[total] = StreetStaffingTrial(total, allocation, *_compliance(result, label, confidence, target))
            search.trials.append(tried[total])
            if progress is not None:
                progress(tried[total])
        return tried[total]

    search.best = fewest_passing(lambda total: trial(total).passed, 0, high, cancel)
    if search.best is not None:
        search.allocation = tried[search.best].allocation
    return search
