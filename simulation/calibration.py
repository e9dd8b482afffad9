"""Fitting arrivals and service times from an incident log.

A log is a table of past cases (CSV or Parquet) with at least ``reported_at`` (timestamps; naive
ones are read as Asia/Shanghai local time) and a class column (``class``, ``risk_level`` or
``risk``). Arrivals of a class are fitted as a Poisson process whose hourly rate is the mean rate
times an hour-of-day and a weekday multiplier (each averaging 1), the shape a scenario's
``profile`` and ``weekday`` keys describe. Service times are taken as an empirical distribution.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

LOCAL_TZ = "Asia/Shanghai"
CLASS_COLUMNS = ("class", "risk_level", "risk")


def read_log(path: Path, key: str) -> pd.DataFrame:
    """Read an incident log; any problem is a :class:`~simulation.scenario.ScenarioError` on ``key``."""
    from simulation.scenario import ScenarioError

    try:
        if path.suffix.lower() == ".parquet":
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_csv(path)
    except FileNotFoundError as exc:
        raise ScenarioError(key, f"no such log file: {path}") from exc
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ScenarioError(key, f"cannot read log {path}: {exc}") from exc
    return frame


def fit_arrival_class(path: Path, name: str, key: str) -> tuple[float, tuple[float, ...], tuple[float, ...]]:
    """Rate per hour, 24 hourly and 7 weekday multipliers of class ``name`` in the log at ``path``."""
    from simulation.scenario import ScenarioError

    frame = read_log(path, key)
    if "reported_at" not in frame.columns:
        raise ScenarioError(key, "log has no reported_at column")
    column = next((c for c in CLASS_COLUMNS if c in frame.columns), None)
    if column is None:
        raise ScenarioError(key, f"log has no class column (one of {list(CLASS_COLUMNS)})")
    try:
        times = pd.to_datetime(frame["reported_at"], format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise ScenarioError(key, f"bad reported_at timestamps: {exc}") from exc
    times = times.dt.tz_localize(LOCAL_TZ) if times.dt.tz is None else times.dt.tz_convert(LOCAL_TZ)
    span_hours = (times.max() - times.min()).total_seconds() / 3600
    if not span_hours or span_hours < 24:
        raise ScenarioError(key, "log covers less than a day; cannot fit a rate")
    chosen = times[frame[column].astype(str) == name]
    if chosen.empty:
        raise ScenarioError(key, f"log has no cases of class {name!r}")
    return fit_profile(chosen, span_hours)


def fit_profile(times: pd.Series, span_hours: float) -> tuple[float, tuple[float, ...], tuple[float, ...]]:
    """Mean rate per hour and hour-of-day / weekday multipliers (mean 1) of local report times."""
    rate = len(times) / span_hours
    hourly = np.bincount(times.dt.hour.to_numpy(), minlength=24).astype(float)
    weekday = np.bincount(times.dt.day_of_week.to_numpy(), minlength=7).astype(float)
    return rate, tuple(hourly / hourly.mean()), tuple(weekday / weekday.mean())


def read_service_minutes(path: Path, column: str, key: str) -> list[float]:
    """Non-negative service times (minutes) from one column of a log."""
    from simulation.scenario import ScenarioError

    frame = read_log(path, key)
    if column not in frame.columns:
        raise ScenarioError(key, f"log has no {column!r} column")
    values = pd.to_numeric(frame[column], errors="coerce").dropna().to_numpy(dtype=float)
    values = values[np.isfinite(values) & (values >= 0)]
    if len(values) == 0 or values.max() <= 0:
        raise ScenarioError(key, f"column {column!r} has no usable service times")
    return values.tolist()
