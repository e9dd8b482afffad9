"""KPIs of simulated replications and their confidence intervals.

A replication's KPIs count only cases reported after the warm-up and before the horizon (every one
of them is served: the engine drains). Time-averages (number in system, in queue, utilisation) are
taken over the same window [warm-up, horizon). Across replications each KPI is summarised by its
mean and Student-t intervals over the replication means, which are independent by construction.
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from cockpit.vocabulary.domain import Source
from simulation.engine import RunRecord

ALL = "all"
"""The class label of KPIs over every class together."""

TIME_KPIS = ("wait_minutes", "response_minutes", "resolution_minutes")
KPI_COLUMNS = (
    "cases",
    *TIME_KPIS,
    "response_compliance",
    "overdue_rate",
    "escalation_rate",
    "whistle_rate",
    "utilisation",
    "in_system",
    "in_queue",
    "arrival_rate_per_minute",
)


def _overlap(lo: np.ndarray, hi: np.ndarray, a: float, b: float) -> float:
    """Total length of the intervals [lo, hi) inside [a, b)."""
    return float(np.clip(np.minimum(hi, b) - np.maximum(lo, a), 0.0, None).sum())


def _duty_minutes(duty: np.ndarray, a: float, b: float) -> float:
    """Staff-minutes on duty in [a, b) from staff counts per hour."""
    knots = np.concatenate(([0.0], np.cumsum(duty) * 60.0))
    hours = np.arange(len(duty) + 1) * 60.0
    return float(np.interp(b, hours, knots) - np.interp(a, hours, knots))


def replication_kpis(record: RunRecord) -> list[dict]:
    """One row per class and one for all classes (``class = "all"``) of one replication."""
    w, h = record.warmup_minutes, record.horizon_minutes
    window = h - w
    capacity = _duty_minutes(record.duty, w, h)
    inside = (record.arrival >= w) & (record.arrival < h)
    wait = record.start - record.arrival
    response = record.on_scene - record.arrival
    resolution = record.end - record.arrival
    deadline = np.asarray(record.deadlines_minutes)[record.cls]
    escalated = record.escalations > 0 if record.escalations is not None else np.zeros(len(record.arrival), dtype=bool)
    whistle = record.whistle if record.whistle is not None else np.zeros(len(record.arrival), dtype=bool)
    rows = []
    labels = [(ALL, np.ones(len(record.arrival), dtype=bool))]
    labels += [(name, record.cls == k) for k, name in enumerate(record.class_names)]
    for label, member in labels:
        chosen = member & inside
        count = int(chosen.sum())
        rows.append(
            {
                "replication": record.replication,
                "class": label,
                "cases": count,
                "wait_minutes": _mean(wait[chosen]),
                "response_minutes": _mean(response[chosen]),
                "resolution_minutes": _mean(resolution[chosen]),
                "response_compliance": float((response[chosen] <= record.response_target_minutes).mean()) if count else math.nan,
                "overdue_rate": float((~(resolution[chosen] <= deadline[chosen])).mean()) if count else math.nan,
                "escalation_rate": float(escalated[chosen].mean()) if count else math.nan,
                "whistle_rate": float(whistle[chosen].mean()) if count else math.nan,
                "utilisation": _overlap(record.start[member], record.end[member], w, h) / capacity if capacity else math.nan,
                "in_system": _overlap(record.arrival[member], record.end[member], w, h) / window,
                "in_queue": _overlap(record.arrival[member], record.start[member], w, h) / window,
                "arrival_rate_per_minute": count / window,
            }
        )
    return rows


def _mean(values: np.ndarray) -> float:
    """Mean over the cases that reached the stage (a street run may end with a case nobody could take)."""
    done = values[~np.isnan(values)]
    return float(done.mean()) if len(done) else math.nan


def overdue_by_grid(record: RunRecord) -> pd.DataFrame:
    """Cases and overdue cases per general grid in the window (street runs; empty otherwise).

    Columns: ``grid`` (general grid id), ``cases``, ``overdue``, ``late`` (nobody on scene within
    the response target), ``red_cases`` and ``red_late`` (the same for red cases).
    """
    if record.grid is None:
        return pd.DataFrame(columns=["grid", "cases", "overdue", "late", "red_cases", "red_late"])
    inside = (record.arrival >= record.warmup_minutes) & (record.arrival < record.horizon_minutes) & (record.grid >= 0)
    deadline = np.asarray(record.deadlines_minutes)[record.cls]
    overdue = ~((record.end - record.arrival) <= deadline)
    red = record.cls == record.class_names.index("red") if "red" in record.class_names else np.zeros(len(record.cls), dtype=bool)
    late = ~((record.on_scene - record.arrival) <= record.response_target_minutes)
    g = record.grid[inside]
    size = len(record.grid_ids)
    return pd.DataFrame(
        {
            "grid": list(record.grid_ids),
            "cases": np.bincount(g, minlength=size),
            "overdue": np.bincount(g, weights=overdue[inside], minlength=size).astype(int),
            "late": np.bincount(g, weights=late[inside], minlength=size).astype(int),
            "red_cases": np.bincount(g, weights=red[inside], minlength=size).astype(int),
            "red_late": np.bincount(g, weights=(red & late)[inside], minlength=size).astype(int),
        }
    )


def case_frame(record: RunRecord) -> pd.DataFrame:
    """Per-case records of one replication (warm-up cases included, flagged)."""
    classes = np.asarray(record.class_names, dtype=object)[record.cls]
    staff = np.asarray(record.staff_ids + ("",), dtype=object)[record.staff]
    deadline = np.asarray(record.deadlines_minutes)[record.cls]
    resolution = record.end - record.arrival
    frame = pd.DataFrame(
        {
            "replication": record.replication,
            "case": np.arange(len(record.arrival)),
            "class": pd.Categorical(classes, categories=list(record.class_names)),
            "priority": np.asarray(record.priorities)[record.cls],
            "reported_minutes": record.arrival,
            "started_minutes": record.start,
            "on_scene_minutes": record.on_scene,
            "resolved_minutes": record.end,
            "wait_minutes": record.start - record.arrival,
            "response_minutes": record.on_scene - record.arrival,
            "resolution_minutes": resolution,
            "service_minutes": record.service,
            "staff": staff,
            "overdue": ~(resolution <= deadline),
            "warmup": record.arrival < record.warmup_minutes,
            "after_horizon": record.arrival >= record.horizon_minutes,
        }
    )
    if record.category is not None:
        frame["category"] = np.asarray(record.category_names, dtype=object)[record.category]
        frame["general_grid"] = np.asarray(record.grid_ids + ("",), dtype=object)[record.grid]
        frame["source"] = np.asarray([s.value for s in Source], dtype=object)[record.source]
        frame["escalations"] = record.escalations
        frame["whistle"] = record.whistle
        frame["carried"] = record.carried
    return frame


def utilisation_by_hour(record: RunRecord) -> np.ndarray:
    """Busy share of on-duty staff for each hour of day (0-23) over the window (NaN: nobody on duty)."""
    w, h = record.warmup_minutes, record.horizon_minutes
    hours = len(record.duty)
    edges = np.arange(hours + 1) * 60.0
    busy = np.zeros(hours)
    starts, ends = record.start, record.end
    times = np.concatenate((starts, ends))
    steps = np.concatenate((np.ones(len(starts)), -np.ones(len(ends))))
    order = np.argsort(times, kind="stable")
    times, steps = times[order], steps[order]
    level = np.cumsum(steps)
    area = np.concatenate(([0.0], np.cumsum(level[:-1] * np.diff(times)))) if len(times) else np.zeros(0)
    if len(times):
        cumulative = np.interp(edges, times, area, left=0.0, right=area[-1])
        busy = np.diff(cumulative)
    duty_minutes = record.duty * 60.0
    keep = (edges[:-1] >= w) & (edges[1:] <= h)
    hour_of_day = np.arange(hours) % 24
    busy_by_hour = np.bincount(hour_of_day[keep], weights=busy[keep], minlength=24)
    duty_by_hour = np.bincount(hour_of_day[keep], weights=duty_minutes[keep], minlength=24)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(duty_by_hour > 0, busy_by_hour / duty_by_hour, np.nan)


def interval(values: Iterable[float], confidence: float) -> tuple[float, float] | None:
    """Student-t confidence interval of the mean of independent replication values (None if n < 2)."""
    x = np.asarray([v for v in values if not math.isnan(v)], dtype=float)
    if len(x) < 2:
        return None
    from scipy import stats  # imported here: worker processes never need it, and it is slow to import
    mean = float(x.mean())
    half = float(stats.t.ppf(0.5 + confidence / 2, len(x) - 1) * x.std(ddof=1) / math.sqrt(len(x)))
    return (mean - half, mean + half)


def estimate(values: Iterable[float]) -> dict:
    """``{"mean", "ci95", "ci99", "n"}`` over replications; intervals are None with fewer than 2 values."""
    x = [float(v) for v in values if not math.isnan(v)]
    ci95 = interval(x, 0.95)
    ci99 = interval(x, 0.99)
    return {
        "mean": float(np.mean(x)) if x else None,
        "ci95": list(ci95) if ci95 else None,
        "ci99": list(ci99) if ci99 else None,
        "n": len(x),
    }


def summarise(kpis: pd.DataFrame, label: str = ALL) -> dict:
    """Estimates of every KPI of one class label over the replications in ``kpis``."""
    rows = kpis[kpis["class"] == label]
    return {name: estimate(rows[name].to_numpy()) for name in KPI_COLUMNS}
