"""Experiments: replications in worker processes, intervals, sweeps and the staffing optimiser.

Replication i of every scenario run under the same seed uses the same random streams (common
random numbers, see :mod:`simulation.streams`), so differences between compared scenarios are not
drowned by noise. Replications run in a ``ProcessPoolExecutor``; a progress callback and a cancel
event let a UI follow and stop a run. Results are pandas DataFrames a view can plot directly.
"""

from __future__ import annotations

import math
import threading
import time
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from cockpit.kpi import KPIS
from simulation.kpi import ALL, SHIFT, SIMULATION_KPIS, estimate, interval, paired_difference, summarise
from simulation.replication import Replication, replicate
from simulation.scenario import Scenario
from simulation.workers import street_pool

Progress = Callable[[int, int], None]


@dataclass
class ExperimentResult:
    """Replications of one scenario.

    ``kpis`` has one row per replication and class label ("all" and each class); ``cases`` one row
    per simulated case (None unless kept); ``utilisation`` one row per replication with the busy
    share of on-duty staff for each hour of day (columns 0-23), ``role_utilisation`` the same for
    each staff kind of a street run (``"grid_worker"``, ``"department"``...). ``cancelled`` is True
    if the run was stopped: the frames then hold the replications that finished.
    """

    scenario: Scenario
    seed: int
    kpis: pd.DataFrame
    utilisation: pd.DataFrame
    cases: pd.DataFrame | None
    events: int
    seconds: float
    cancelled: bool = False
    grids: pd.DataFrame | None = None
    role_utilisation: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def classes(self) -> tuple[str, ...]:
        """The class labels of the KPIs: the risk levels in a street scenario, else the arrival classes."""
        if self.scenario.street != "none":
            return self.scenario.risk_classes
        return tuple(a.name for a in self.scenario.arrivals)

    @property
    def shift_labels(self) -> dict[str, str]:
        """Shift id → the label of the KPIs of the cases reported in its hours (street runs; else empty)."""
        seen = set(self.kpis["class"]) if len(self.kpis) else set()
        return {shift: SHIFT + shift for shift in self.scenario.shifts if SHIFT + shift in seen}

    def overdue_map(self) -> pd.DataFrame:
        """Mean overdue cases and overdue rate per general grid over the replications (street runs).

        Columns: ``grid``, ``cases`` and ``overdue`` (means per replication), ``overdue_rate``
        (overdue / cases over all replications), ``late_rate`` (cases without anybody on scene
        within the response target / cases) and ``red_late_rate`` (the same for red cases).
        """
        if self.grids is None or self.grids.empty:
            return pd.DataFrame(columns=["grid", "cases", "overdue", "overdue_rate", "late_rate", "red_late_rate"])
        total = self.grids.groupby("grid", sort=False)[["cases", "overdue", "late", "red_cases", "red_late"]].sum()
        n = self.replications
        with np.errstate(invalid="ignore", divide="ignore"):
            return pd.DataFrame(
                {
                    "grid": total.index,
                    "cases": total["cases"].to_numpy() / n,
                    "overdue": total["overdue"].to_numpy() / n,
                    "overdue_rate": np.where(total["cases"] > 0, total["overdue"] / total["cases"], np.nan),
                    "late_rate": np.where(total["cases"] > 0, total["late"] / total["cases"], np.nan),
                    "red_late_rate": np.where(total["red_cases"] > 0, total["red_late"] / total["red_cases"], np.nan),
                }
            ).reset_index(drop=True)

    @property
    def replications(self) -> int:
        return int(self.kpis["replication"].nunique()) if len(self.kpis) else 0

    def estimate(self, kpi: str, label: str = ALL) -> dict:
        """``{"mean", "ci95", "ci99", "n"}`` of one KPI for one class label."""
        return estimate(self.kpis.loc[self.kpis["class"] == label, kpi].to_numpy())

    def summary(self) -> dict[str, Any]:
        """The JSON document of ``sim run``: totals, KPIs over all classes and by class, and per replication.

        The same scenario, seed and replications give the same document byte for byte: the run's
        wall-clock time is not in it (``seconds`` on the object; the command line prints it on stderr).
        """
        rows = self.kpis[self.kpis["class"] == ALL]
        return {
            "scenario": self.scenario.name,
            "replication_count": self.replications,
            "seed": self.seed,
            "cases": int(rows["cases"].sum()),
            "horizon_hours": self.scenario.horizon_hours,
            "warmup_hours": self.scenario.warmup_hours,
            "policy": self.scenario.policy,
            "staff": self.scenario.staff_count,
            "response_target_minutes": self.scenario.response_target_minutes,
            "cancelled": self.cancelled,
            "kpis": summarise(self.kpis, ALL),
            "by_class": {name: summarise(self.kpis, name) for name in self.classes},
            "by_shift": {shift: summarise(self.kpis, label) for shift, label in self.shift_labels.items()},
            "events": self.events,
            "utilisation_by_hour": self.utilisation_by_role(),
            "replications": self.replication_rows(),
        }

    def utilisation_by_role(self) -> dict[str, dict[str, Any]]:
        """Per staff kind: the mean busy share of each hour of day (0-23) and the peak hour's estimate.

        The peak is the hour with the highest mean over the replications (``hour``), with that
        hour's ``{"mean", "ci95", "ci99", "n"}`` over the replications.
        """
        out = {}
        for role, table in sorted(self.role_utilisation.items()):
            means = table.mean(axis=0)
            hour = int(means.fillna(-1.0).to_numpy().argmax())
            out[role] = {"hours": [float(v) for v in means.to_numpy()],
                         "peak": {"hour": hour, **estimate(table[hour].to_numpy())}}
        return out

    def replication_rows(self) -> list[dict[str, Any]]:
        """Each replication's KPIs over all classes and by class (anyone can recompute an interval)."""
        rows = []
        for replication, block in self.kpis.groupby("replication", sort=True):
            by_class = block.set_index("class").drop(columns=["replication"])
            rows.append({"replication": int(replication),
                         "kpis": {k: float(v) for k, v in by_class.loc[ALL].items()},
                         "by_class": {name: {k: float(v) for k, v in by_class.loc[name].items()}
                                      for name in self.classes if name in by_class.index},
                         "by_shift": {shift: {k: float(v) for k, v in by_class.loc[label].items()}
                                      for shift, label in self.shift_labels.items() if label in by_class.index}})
        return rows


def run_experiment(
    scenario: Scenario,
    replications: int = 30,
    seed: int = 0,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    keep_cases: bool = False,
    first: int = 0,
) -> ExperimentResult:
    """Run replications ``first .. first + replications - 1`` of ``scenario`` under ``seed``.

    Parameters
    ----------
    workers
        Worker processes; 1 runs in this process (no start-up cost, same results).
    progress
        Called as ``progress(done, total)`` after each replication, in the calling thread.
    cancel
        When set, no further replication starts; the result holds those that finished and has
        ``cancelled = True``.
    keep_cases
        Also return the per-case records (memory grows with cases × replications).
    """
    if replications < 1:
        raise ValueError("replications must be at least 1")
    began = time.perf_counter()
    outputs: list[Replication] = []
    cancelled = False
    indices = list(range(first, first + replications))
    if workers <= 1:
        for index in indices:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            outputs.append(replicate(scenario, seed, index, keep_cases))
            if progress is not None:
                progress(len(outputs), replications)
    else:
        with street_pool(workers, [scenario]) as pool:
            pending = {pool.submit(replicate, scenario, seed, index, keep_cases) for index in indices}
            while pending:
                done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    outputs.append(future.result())
                    if progress is not None:
                        progress(len(outputs), replications)
                if cancel is not None and cancel.is_set() and pending:
                    cancelled = True
                    for future in pending:
                        future.cancel()
                    pending = {f for f in pending if not f.cancelled()}
    outputs.sort(key=lambda out: out.index)
    return _collect(scenario, seed, outputs, keep_cases, time.perf_counter() - began, cancelled)


def _collect(scenario: Scenario, seed: int, outputs: list[Replication], keep_cases: bool, seconds: float,
             cancelled: bool) -> ExperimentResult:
    kpis = pd.DataFrame([row for out in outputs for row in out.kpis])
    if kpis.empty:
        kpis = pd.DataFrame(columns=["replication", "class"])
    utilisation = pd.DataFrame(
        np.array([out.utilisation for out in outputs]).reshape(len(outputs), 24),
        index=pd.Index([out.index for out in outputs], name="replication"),
        columns=range(24),
    )
    index = pd.Index([out.index for out in outputs], name="replication")
    roles = sorted({role for out in outputs for role in (out.roles or {})})
    role_utilisation = {role: pd.DataFrame(np.array([out.roles[role] for out in outputs]).reshape(len(outputs), 24),
                                           index=index, columns=range(24)) for role in roles}
    cases = pd.concat([out.cases for out in outputs], ignore_index=True) if keep_cases and outputs else None
    grid_frames = [out.grids for out in outputs if out.grids is not None]
    grids = pd.concat(grid_frames, ignore_index=True) if grid_frames else None
    return ExperimentResult(
        scenario=scenario,
        seed=seed,
        kpis=kpis,
        utilisation=utilisation,
        cases=cases,
        events=sum(out.events for out in outputs),
        seconds=seconds,
        cancelled=cancelled,
        grids=grids,
        role_utilisation=role_utilisation,
    )


def merge_results(first: ExperimentResult, second: ExperimentResult) -> ExperimentResult:
    """Two runs of the same scenario and seed over different replications, as one."""
    cases = None
    if first.cases is not None and second.cases is not None:
        cases = pd.concat([first.cases, second.cases], ignore_index=True)
    grids = None
    if first.grids is not None and second.grids is not None:
        grids = pd.concat([first.grids, second.grids], ignore_index=True)
    return ExperimentResult(
        scenario=first.scenario,
        seed=first.seed,
        kpis=pd.concat([first.kpis, second.kpis], ignore_index=True),
        utilisation=pd.concat([first.utilisation, second.utilisation]),
        cases=cases,
        events=first.events + second.events,
        seconds=first.seconds + second.seconds,
        cancelled=first.cancelled or second.cancelled,
        grids=grids,
        role_utilisation={role: pd.concat([first.role_utilisation[role], second.role_utilisation[role]])
                          for role in first.role_utilisation if role in second.role_utilisation},
    )


def replicate_until(
    scenario: Scenario,
    kpi: str,
    half_width: float,
    *,
    label: str = ALL,
    confidence: float = 0.95,
    seed: int = 0,
    initial: int = 10,
    batch: int = 10,
    max_replications: int = 500,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ExperimentResult:
    """Add replications in batches until the CI half-width of ``kpi`` (for ``label``) is below ``half_width``.

    Stops at ``max_replications`` (or on cancel) even if the width is not reached; check the
    result's interval.
    """
    result = run_experiment(scenario, initial, seed, workers=workers, progress=progress, cancel=cancel)
    while not result.cancelled and result.replications < max_replications:
        ci = interval(result.kpis.loc[result.kpis["class"] == label, kpi].to_numpy(), confidence)
        if ci is not None and (ci[1] - ci[0]) / 2 < half_width:
            break
        more = min(batch, max_replications - result.replications)
        result = merge_results(
            result,
            run_experiment(scenario, more, seed, workers=workers, progress=progress, cancel=cancel, first=result.replications),
        )
    return result


def sweep(
    scenario: Scenario,
    key: str,
    values: Sequence[Any],
    *,
    replications: int = 30,
    seed: int = 0,
    workers: int = 1,
    labels: Sequence[str] = (ALL,),
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> pd.DataFrame:
    """KPI estimates for each value of one scenario key (e.g. ``"staff.count"``), with common random numbers.

    One row per (value, class label, KPI) with columns mean, ci95_lo, ci95_hi, ci99_lo, ci99_hi; a KPI
    with parts gives one row per part, named ``<key>.<part>``.
    """
    rows = []
    total = replications * len(values)
    for position, value in enumerate(values):
        variant = scenario.with_value(key, value)
        step = _offset_progress(progress, position * replications, total) if progress is not None else None
        result = run_experiment(variant, replications, seed, workers=workers, progress=step, cancel=cancel)
        for label in labels:
            for kpi, est in summarise(result.kpis, label).items():
                parts = est.items() if "mean" not in est else [(None, est)]
                for part, part_est in parts:
                    name = kpi if part is None else f"{kpi}.{part}"
                    rows.append({key: value, "class": label, "kpi": name, **_flat(part_est)})
        if result.cancelled:
            break
    return pd.DataFrame(rows)


def _offset_progress(progress: Progress, base: int, total: int) -> Progress:
    def report(done: int, _count: int) -> None:
        progress(base + done, total)

    return report


def _flat(est: dict) -> dict:
    ci95 = est["ci95"] or [math.nan, math.nan]
    ci99 = est["ci99"] or [math.nan, math.nan]
    return {
        "mean": math.nan if est["mean"] is None else est["mean"],
        "ci95_lo": ci95[0],
        "ci95_hi": ci95[1],
        "ci99_lo": ci99[0],
        "ci99_hi": ci99[1],
        "n": est["n"],
    }


COMPARE_KPIS = (
    "response_compliance",
    "overdue_rate",
    "wait_minutes",
    "response_minutes",
    "resolution_minutes",
    "escalation_rate",
    "whistle_rate",
    "utilisation",
    "cases",
)
"""KPIs of :func:`compare`, in display order."""


def compared_kpis(result: ExperimentResult) -> list[str]:
    """The KPIs a comparison reports: the registry's single-valued KPIs the run has, then the simulation's own."""
    return [k for k, kpi in KPIS.items() if not kpi.parts and k in result.kpis] + list(SIMULATION_KPIS)


def compare(
    results: Sequence[ExperimentResult],
    labels: Sequence[str] | None = None,
    kpis: Sequence[str] = COMPARE_KPIS,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Scenarios side by side with paired differences against the first.

    Results run under the same seed share their random streams replication by replication (common
    random numbers), so the difference of a KPI is estimated from the per-replication differences
    (a paired Student-t interval over the replications both results have), which is far narrower
    than comparing two independent intervals.

    Returns
    -------
    pandas.DataFrame
        One row per (class label, KPI, scenario index) with ``scenario`` (its name), ``mean``,
        ``lo``, ``hi`` (the ``confidence`` interval of the mean), and for scenarios after the first
        ``diff``, ``diff_lo``, ``diff_hi`` (scenario minus the first) and ``pairs``; NaN where
        undefined (fewer than 2 replications, a class without cases).
    """
    if not results:
        return pd.DataFrame(columns=["class", "kpi", "index", "scenario", "mean", "lo", "hi", "diff", "diff_lo", "diff_hi", "pairs"])
    labels = list(labels) if labels is not None else [ALL, *results[0].classes]
    rows = []
    for label in labels:
        for kpi in kpis:
            series = [_by_replication(result, label, kpi) for result in results]
            for index, (result, values) in enumerate(zip(results, series)):
                ci = interval(values.to_numpy(), confidence) or (math.nan, math.nan)
                row = {
                    "class": label,
                    "kpi": kpi,
                    "index": index,
                    "scenario": result.scenario.name,
                    "mean": float(values.mean()) if values.notna().any() else math.nan,
                    "lo": ci[0],
                    "hi": ci[1],
                    "diff": math.nan,
                    "diff_lo": math.nan,
                    "diff_hi": math.nan,
                    "pairs": 0,
                }
                if index > 0:
                    diff, diff_lo, diff_hi, pairs = paired_difference(values, series[0], confidence)
                    row.update(diff=diff, diff_lo=diff_lo, diff_hi=diff_hi, pairs=pairs)
                rows.append(row)
    return pd.DataFrame(rows)


def _by_replication(result: ExperimentResult, label: str, kpi: str) -> pd.Series:
    rows = result.kpis[result.kpis["class"] == label]
    if rows.empty or kpi not in rows:
        return pd.Series(dtype=float)
    return rows.set_index("replication")[kpi].astype(float)
