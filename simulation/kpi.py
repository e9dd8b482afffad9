"""KPIs of simulated replications: the registry's, of each replication's incident-log frame, plus
the measures only a simulation has, and their confidence intervals.

A replication's KPIs count only the cases reported after the warm-up and before the horizon (every
one of them is served: the engine drains). The registry (:data:`cockpit.kpi.KPIS`) scores their
incident-log frame (:func:`simulation.log_frame.incident_frame`) exactly as it scores a real log,
judged when the run ends; so ``response_minutes_mean`` is report → accepted here as on the wall.
The simulation's own measures (:data:`SIMULATION_KPIS`: waits, on-scene times, time-averages over
[warm-up, horizon), utilisation of the staff on duty) come from the engine's records. Across
replications each KPI is summarised by its mean and Student-t intervals over the replication means,
which are independent by construction.
"""

from __future__ import annotations

import math
from typing import Iterable, Mapping

import numpy as np
import pandas as pd
from scipy.special import stdtrit

from cockpit.case_measures import Cases
from cockpit.kpi import KPIS, kpis_by
from simulation.log_frame import local_moment
from simulation.record import RunRecord
from simulation.shifts import MINUTES_PER_HOUR, Shift

ALL = "all"
"""The class label of KPIs over every class together."""
SHIFT = "shift:"
"""Prefix of the label of KPIs over the cases reported in one shift's hours (``"shift:night"``)."""

TIME_KPIS = ("wait_minutes", "response_minutes", "resolution_minutes")
SIMULATION_KPIS = (
    *TIME_KPIS,
    "response_compliance",
    "escalation_rate",
    "whistle_rate",
    "utilisation",
    "in_system",
    "in_queue",
    "arrival_rate_per_minute",
)
"""Measures only a simulation has (wait, on-scene response, queue lengths...), from the engine's records."""

REGISTRY_COLUMNS = tuple(column for kpi in KPIS.values() for column in kpi.columns)
"""The flat columns of the registry's KPIs in the per-replication table."""


def _overlap(lo: np.ndarray, hi: np.ndarray, a: float, b: float) -> float:
    """Total length of the intervals [lo, hi) inside [a, b)."""
    return float(np.clip(np.minimum(hi, b) - np.maximum(lo, a), 0.0, None).sum())


def _duty_minutes(duty: np.ndarray, a: float, b: float) -> float:
    """Staff-minutes on duty in [a, b) from staff counts per hour."""
    knots = np.concatenate(([0.0], np.cumsum(duty) * MINUTES_PER_HOUR))
    hours = np.arange(len(duty) + 1) * float(MINUTES_PER_HOUR)
    return float(np.interp(b, hours, knots) - np.interp(a, hours, knots))


def shift_members(record: RunRecord, shifts: Mapping[str, Shift]) -> dict[str, np.ndarray]:
    """For each shift, by its label :data:`SHIFT` + id, the cases reported while it is on (local time)."""
    return {SHIFT + shift_id: shift.covering(record.arrival) for shift_id, shift in shifts.items()}


def replication_kpis(record: RunRecord, groups: Mapping[str, np.ndarray] | None = None) -> list[dict]:
    """The :data:`SIMULATION_KPIS` of one replication: one row per class and one for all (``class = "all"``).

    ``groups`` adds a row per label over the cases of its mask (e.g. :func:`shift_members`).
    """
    w, h = record.warmup_minutes, record.horizon_minutes
    window = h - w
    capacity = _duty_minutes(record.duty, w, h)
    inside = record.in_window
    wait = record.start - record.arrival
    response = record.on_scene - record.arrival
    resolution = record.end - record.arrival
    escalated = record.escalations > 0 if record.escalations is not None else np.zeros(len(record.arrival), dtype=bool)
    whistle = record.whistle if record.whistle is not None else np.zeros(len(record.arrival), dtype=bool)
    starts, ends, held = record.busy_spells()
    rows = []
    labels = [(ALL, np.ones(len(record.arrival), dtype=bool))]
    labels += [(name, record.cls == k) for k, name in enumerate(record.class_names)]
    labels += list((groups or {}).items())
    for label, member in labels:
        chosen = member & inside
        count = int(chosen.sum())
        rows.append(
            {
                "replication": record.replication,
                "class": label,
                "wait_minutes": _mean(wait[chosen]),
                "response_minutes": _mean(response[chosen]),
                "resolution_minutes": _mean(resolution[chosen]),
                "response_compliance": float((response[chosen] <= record.response_target_minutes).mean()) if count else math.nan,
                "escalation_rate": float(escalated[chosen].mean()) if count else math.nan,
                "whistle_rate": float(whistle[chosen].mean()) if count else math.nan,
                "utilisation": _overlap(starts[member[held]], ends[member[held]], w, h) / capacity if capacity else math.nan,
                "in_system": _overlap(record.arrival[member], record.end[member], w, h) / window,
                "in_queue": _overlap(record.arrival[member], record.start[member], w, h) / window,
                "arrival_rate_per_minute": count / window,
            }
        )
    return rows


def registry_kpis(record: RunRecord, frame: pd.DataFrame, groups: Mapping[str, np.ndarray] | None = None) -> list[dict]:
    """The registry's KPIs of the replication's window cases, judged at the end of the run.

    ``frame`` is :func:`~simulation.log_frame.incident_frame` of ``record``. One row per class and
    one for all, with the flat columns of :data:`REGISTRY_COLUMNS`; staff utilisation runs over
    [warm-up, end] with each person's hours on duty a day. ``groups`` (label → case mask, masks
    not overlapping, e.g. :func:`shift_members`) adds a row per label.
    """
    window = frame[record.in_window]
    now = _latest(frame)
    start = local_moment(record, record.warmup_minutes)
    roster = dict(zip(record.staff_ids, record.daily_hours))
    overall = kpis_by(window.assign(_all=ALL), "_all", now, start=start, roster=roster)
    by_class = kpis_by(window, "class", now, start=start, roster=roster)
    by_group = None
    if groups:
        group = np.full(len(frame), "", dtype=object)
        for label, member in groups.items():
            group[member] = label
        by_group = kpis_by(window.assign(_group=group[record.in_window]), "_group", now, start=start, roster=roster)
    rows = []
    for label in (ALL, *record.class_names, *(groups or {})):
        table = overall if label == ALL else by_group if groups and label in groups else by_class
        values = table.loc[label] if label in table.index else pd.Series(math.nan, index=REGISTRY_COLUMNS)
        row = {"replication": record.replication, "class": label}
        row.update({column: float(values[column]) for column in REGISTRY_COLUMNS})
        if label not in table.index:
            row.update(cases=0.0, open_cases=0.0, overdue_cases=0.0)
        rows.append(row)
    return rows


def _latest(frame: pd.DataFrame) -> pd.Timestamp:
    times = [frame[c].max() for c in ("reported_at", "on_scene_at", "resolved_at")]
    return max(t for t in times if not pd.isna(t))


def _mean(values: np.ndarray) -> float:
    """Mean over the cases that reached the stage (a street run may end with a case nobody could take)."""
    done = values[~np.isnan(values)]
    return float(done.mean()) if len(done) else math.nan


def overdue_by_grid(record: RunRecord, frame: pd.DataFrame) -> pd.DataFrame:
    """Cases and overdue cases per general grid in the window (street runs; empty otherwise).

    ``frame`` is the replication's incident-log frame; a case is overdue by the registry's rule
    (:attr:`cockpit.case_measures.Cases.overdue`, judged at the end of the run). Columns: ``grid``
    (general grid id), ``cases``, ``overdue``, ``late`` (nobody on scene within the response
    target), ``red_cases`` and ``red_late`` (the same for red cases).
    """
    if record.grid is None:
        return pd.DataFrame(columns=["grid", "cases", "overdue", "late", "red_cases", "red_late"])
    inside = record.in_window & (record.grid >= 0)
    overdue = Cases(frame[inside], _latest(frame)).overdue.to_numpy()
    red = record.cls == record.class_names.index("red") if "red" in record.class_names else np.zeros(len(record.cls), dtype=bool)
    late = ~((record.on_scene - record.arrival) <= record.response_target_minutes)
    g = record.grid[inside]
    size = len(record.grid_ids)
    return pd.DataFrame(
        {
            "grid": list(record.grid_ids),
            "cases": np.bincount(g, minlength=size),
            "overdue": np.bincount(g, weights=overdue, minlength=size).astype(int),
            "late": np.bincount(g, weights=late[inside], minlength=size).astype(int),
            "red_cases": np.bincount(g, weights=red[inside], minlength=size).astype(int),
            "red_late": np.bincount(g, weights=(red & late)[inside], minlength=size).astype(int),
        }
    )


def utilisation_by_hour(record: RunRecord, role: str | None = None) -> np.ndarray:
    """Busy share of on-duty staff for each hour of day (0-23) over the window (NaN: nobody on duty).

    ``role`` (a staff kind's value, e.g. ``"grid_worker"``; street runs) counts only the people of
    that kind: their busy time over their hours on duty. A spell is its case's person's (a reopened
    case's second round is counted to the person of the first). A person finishing a case after the
    shift's end is busy but off duty, so the next shift's first hour can read above 1.
    """
    w, h = record.warmup_minutes, record.horizon_minutes
    duty = record.duty if role is None else record.role_duty[role]
    hours = len(duty)
    edges = np.arange(hours + 1) * float(MINUTES_PER_HOUR)
    busy = np.zeros(hours)
    starts, ends, case = record.busy_spells()
    known = ~np.isnan(starts) & ~np.isnan(ends)
    if role is not None:
        person = record.staff[case]
        roles = np.asarray(record.staff_roles + ("",), dtype=object)
        known &= roles[person] == role
    starts, ends = starts[known], ends[known]
    times = np.concatenate((starts, ends))
    steps = np.concatenate((np.ones(len(starts)), -np.ones(len(ends))))
    order = np.argsort(times, kind="stable")
    times, steps = times[order], steps[order]
    level = np.cumsum(steps)
    area = np.concatenate(([0.0], np.cumsum(level[:-1] * np.diff(times)))) if len(times) else np.zeros(0)
    if len(times):
        cumulative = np.interp(edges, times, area, left=0.0, right=area[-1])
        busy = np.diff(cumulative)
    duty_minutes = duty * MINUTES_PER_HOUR
    keep = (edges[:-1] >= w) & (edges[1:] <= h)
    hour_of_day = np.arange(hours) % 24
    busy_by_hour = np.bincount(hour_of_day[keep], weights=busy[keep], minlength=24)
    duty_by_hour = np.bincount(hour_of_day[keep], weights=duty_minutes[keep], minlength=24)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(duty_by_hour > 0, busy_by_hour / duty_by_hour, np.nan)


def role_utilisation(record: RunRecord) -> dict[str, np.ndarray]:
    """:func:`utilisation_by_hour` of each staff kind on the roster (street runs; empty otherwise)."""
    return {role: utilisation_by_hour(record, role) for role in record.role_duty}


def interval(values: Iterable[float], confidence: float) -> tuple[float, float] | None:
    """Student-t confidence interval of the mean of independent replication values (None if n < 2)."""
    x = np.asarray([v for v in values if not math.isnan(v)], dtype=float)
    if len(x) < 2:
        return None
    mean = float(x.mean())
    half = t_quantile(0.5 + confidence / 2, len(x) - 1) * float(x.std(ddof=1)) / math.sqrt(len(x))
    return (mean - half, mean + half)


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom.

    From scipy.special: scipy.stats computes the same but takes about a second to import, in every
    worker process and command.
    """
    return float(stdtrit(df, p))


def paired_difference(values: pd.Series, baseline: pd.Series, confidence: float) -> tuple[float, float, float, int]:
    """``values - baseline`` by replication over the replications both have: mean, interval, pairs.

    Runs under one seed share their random streams replication by replication (common random
    numbers), so this interval is far narrower than two independent ones. NaN without pairs.
    """
    paired = (values - baseline).dropna()
    lo, hi = interval(paired.to_numpy(), confidence) or (math.nan, math.nan)
    return (float(paired.mean()) if len(paired) else math.nan), lo, hi, int(len(paired))


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
    """Estimates of every KPI of one class label over the replications in ``kpis``.

    The registry's KPIs come first under their keys (a KPI with parts as a dict of its parts), then
    the :data:`SIMULATION_KPIS`.
    """
    rows = kpis[kpis["class"] == label]
    out: dict = {}
    for kpi in KPIS.values():
        if kpi.parts:
            out[kpi.key] = {part: estimate(rows[column].to_numpy()) for part, column in zip(kpi.parts, kpi.columns)}
        else:
            out[kpi.key] = estimate(rows[kpi.key].to_numpy())
    out.update({name: estimate(rows[name].to_numpy()) for name in SIMULATION_KPIS})
    return out
