"""The baseline check: fit on a log's past, simulate its last days, and compare the registry's KPIs.

Both sides are scored by the one KPI registry (:mod:`cockpit.kpi`): the held-out cases of the log
as they stood at its last moment, and each replication's incident-log frame at the end of its run.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from cockpit.history.format import write_log
from cockpit.kpi import kpis_by
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.calibration import fit_street_demand
from simulation.experiment import run_experiment
from simulation.kpi import ALL
from simulation.scenario import parse_scenario

VALIDATION_KPIS = ("response_minutes_mean", "response_within_target_rate", "resolution_hours_mean", "overdue_rate")
"""Registry KPIs compared besides the cases a day."""


def validate_holdout(
    frame: pd.DataFrame,
    holdout_days: float = 30.0,
    *,
    replications: int = 10,
    seed: int = 0,
    staff: dict | None = None,
    policy: str = "home_grid_first",
    workers: int = 1,
) -> pd.DataFrame:
    """Fit demand (and the dispatch delay) on all but the last ``holdout_days`` of a log, simulate those days, and compare.

    ``frame`` is an incident log as ``cockpit.history.format.read_log`` returns it. The simulated
    street uses the ``[staff]`` table ``staff`` (default: the demo roster's grid workers and
    department teams) and ``policy``. Observed figures are the registry's KPIs of the held-out
    cases at the log's last moment (a case still open then counts as the registry says: not yet
    resolved, overdue once past its deadline), overall and per risk level, and cases a day.

    Returns
    -------
    pandas.DataFrame
        One row per (class, KPI): ``observed``, simulated ``mean``, ``lo`` and ``hi`` (95 %
        interval over replications) and ``inside`` (the observed value lies in the interval).
    """
    times = pd.to_datetime(frame["reported_at"], utc=True)
    cut = times.max().tz_convert(LOCAL_TZ).normalize() - pd.Timedelta(days=holdout_days)
    train = frame[times < cut]
    held = frame[times >= cut]
    if train.empty or held.empty:
        raise ValueError("the log is too short to hold out that many days")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "train.parquet"
        write_log(train, path)
        dispatch: dict = {"policy": policy}
        delay = fit_street_demand(path).dispatch_delay
        if delay is not None:
            dispatch["delay"] = {"dist": "lognormal", "median_minutes": delay.median_minutes, "sigma": delay.sigma}
        scenario = parse_scenario(
            {
                "scenario": {"name": "held-out", "horizon_hours": holdout_days * 24, "street": "demo",
                             "start": cut.date()},
                "demand": {"from_log": str(path)},
                "staff": staff or {"from": "demo", "roles": ["grid_worker", "department"]},
                "dispatch": dispatch,
            }
        )
        result = run_experiment(scenario, replications, seed, workers=workers)
    overall = kpis_by(held.assign(_all=ALL), "_all")
    by_risk = kpis_by(held, "risk_level")
    rows = []
    for label in (ALL, "red", "yellow", "blue"):
        table = overall if label == ALL else by_risk
        observed = table.loc[label] if label in table.index else pd.Series(np.nan, index=table.columns)
        cases = observed.get("cases", np.nan)
        rows.append(_row(label, "cases_per_day", (0.0 if np.isnan(cases) else cases) / holdout_days,
                         result.estimate("cases", label), 1 / holdout_days))
        for kpi in VALIDATION_KPIS:
            rows.append(_row(label, kpi, float(observed[kpi]), result.estimate(kpi, label), 1.0))
    return pd.DataFrame(rows)


def _row(label: str, kpi: str, observed: float, estimate: dict, scale: float) -> dict:
    lo, hi = estimate["ci95"] if estimate["ci95"] else (math.nan, math.nan)
    mean = math.nan if estimate["mean"] is None else estimate["mean"] * scale
    return {"class": label, "kpi": kpi, "observed": observed, "mean": mean, "lo": lo * scale, "hi": hi * scale,
            "inside": bool(lo * scale <= observed <= hi * scale)}
