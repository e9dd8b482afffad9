"""Staffing search: the fewest staff whose cases meet a response target, and how to split a total.

The abstract queue's count (``staff.count``, :func:`optimise_staffing`) and a street's headcount
per community and shift (:mod:`simulation.guarded`) are found by one search
(:func:`fewest_passing`): try a level, double until one passes, then bisect, assuming more staff
never lower compliance (common random numbers keep that true in practice). :func:`allocate` splits
a shift's total over communities by their cases.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from simulation.experiment import ExperimentResult, run_experiment
from simulation.kpi import interval
from simulation.scenario import Scenario


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
