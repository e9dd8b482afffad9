"""The baseline check: calibrate on a log's past, simulate its last days, and compare every registry KPI.

``cockpit sim validate LOG --holdout-days N`` calibrates the street from the cases before the
last ``N`` days (:func:`simulation.calibrate.calibrate`: demand, places, staff, every stage),
simulates those days (after a warm-up of :data:`WARMUP_DAYS`, so the held-out days start with
cases in hand as the real ones did), and scores both sides with the one KPI registry
(:mod:`cockpit.kpi`), each judged at the end of the held-out days. A KPI passes when the observed
value lies inside the simulation's 95 % prediction interval (where one replication, like the one
real month, may fall) or within 10 % of the simulated mean.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cockpit.history.format import write_log
from cockpit.kpi import KPIS, kpis_by
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.calibrate import calibrate, train_part
from simulation.experiment import run_experiment
from simulation.kpi import ALL, t_quantile
from simulation.scenario import parse_scenario

WARMUP_DAYS = 14
"""Simulated days before the held-out ones: the street is not empty when they begin."""

TOLERANCE = 0.10
"""Relative error within which a KPI passes even outside the interval."""

SKIPPED = ("staff_utilisation",)
"""Registry KPIs a log alone cannot give (it has no rota): left out of the check."""

RECORDED_IN = {"closure_rate": "closed_at"}
"""Registry KPIs a log gives only if it records this column at all: without it, they are not observed
(a log that never records closing would otherwise show a closure rate of 0)."""


@dataclass(frozen=True)
class Validation:
    """The check's table (one row per KPI) and what it ran on."""

    table: pd.DataFrame
    cut: pd.Timestamp
    end: pd.Timestamp
    replications: int
    calibration: dict[str, Any]

    @property
    def passed(self) -> bool:
        """Every KPI with an observed value passes."""
        rows = self.table[self.table["observed"].notna()]
        return bool(rows["pass"].all())

    def summary(self) -> dict[str, Any]:
        """The JSON document of ``sim validate`` (``pass`` null for a KPI the log does not give)."""
        rows = []
        for row in self.table.to_dict("records"):
            row = {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in row.items()}
            if row["observed"] is None:
                row["pass"] = None
            rows.append(row)
        return {"from": str(self.cut), "until": str(self.end), "holdout_days": (self.end - self.cut).days,
                "replications": self.replications, "passed": self.passed, "kpis": rows,
                "calibration": self.calibration}


def validate_log(frame: pd.DataFrame, holdout_days: int, *, replications: int = 20, seed: int = 0,
                 workers: int = 1, scenario_edit=None, keep: list | None = None) -> Validation:
    """Calibrate on all but the last ``holdout_days`` of the log ``frame`` and compare those days.

    ``scenario_edit``, if given, changes the calibrated scenario's tables before the run (a test
    or a leader's what-if on the held-out period); ``keep``, if given, receives the simulated
    incident-log frame of every replication (one frame, a ``replication`` column).

    Raises
    ------
    ValueError
        The log is too short for the held-out days and a calibration of at least 14 days.
    """
    reported = pd.to_datetime(frame["reported_at"], utc=True).dt.tz_convert(LOCAL_TZ)
    end = reported.max().normalize() + pd.Timedelta(days=1)
    cut = end - pd.Timedelta(days=holdout_days)
    if reported.min() >= cut:
        raise ValueError("the log is too short to hold out that many days")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "train.parquet"
        write_log(train_part(frame, cut.date()), path)
        calibration = calibrate(frame, path, until=cut.date(), name="baseline check")
        tables = calibration.scenario
        start = (cut - pd.Timedelta(days=WARMUP_DAYS)).date()
        tables["scenario"].update(start=start, warmup_hours=WARMUP_DAYS * 24.0,
                                  horizon_hours=(WARMUP_DAYS + holdout_days) * 24.0)
        if scenario_edit is not None:
            scenario_edit(tables)
        scenario = parse_scenario(tables, Path(folder))
        result = run_experiment(scenario, replications, seed, workers=workers, keep_cases=True)
    if keep is not None:
        keep.append(result.cases)
    held = frame[(reported >= cut).to_numpy()]
    now, begin = end.tz_convert("UTC"), cut.tz_convert("UTC")
    observed = kpis_by(held.assign(_all=ALL), "_all", now, start=begin).loc[ALL]
    for key, column in RECORDED_IN.items():
        if not frame[column].notna().any():
            observed[list(KPIS[key].columns)] = math.nan
    simulated = []
    for _, cases in result.cases.groupby("replication"):
        window = cases[~cases["warmup"] & ~cases["after_horizon"] & ~cases["carried"]]
        simulated.append(kpis_by(window.assign(_all=ALL), "_all", now, start=begin).loc[ALL])
    sims = pd.DataFrame(simulated)
    rows = []
    for kpi in KPIS.values():
        if kpi.key in SKIPPED:
            continue
        for column in kpi.columns:
            rows.append(_row(kpi.key, column, float(observed[column]), sims[column].to_numpy(dtype=float)))
    return Validation(pd.DataFrame(rows), cut, end, replications, calibration.report)


def _row(key: str, column: str, observed: float, values: np.ndarray) -> dict[str, Any]:
    values = values[np.isfinite(values)]
    n = len(values)
    mean = float(values.mean()) if n else math.nan
    if n >= 2:
        # A prediction interval: where one more replication (the real period) falls 95 % of the time.
        half = t_quantile(0.975, n - 1) * float(values.std(ddof=1)) * math.sqrt(1 + 1 / n)
        lo, hi = mean - half, mean + half
    else:
        lo = hi = mean
    relative = (mean - observed) / observed if observed and math.isfinite(observed) else math.nan
    inside = bool(lo <= observed <= hi) if math.isfinite(observed) else False
    close = bool(abs(relative) <= TOLERANCE) if math.isfinite(relative) else bool(observed == 0 and mean == 0)
    return {"kpi": column, "registry_key": key, "observed": observed, "mean": mean, "lo": lo, "hi": hi,
            "relative_error": relative, "inside": inside, "pass": inside or close}
