"""Fitting arrivals and service times from an incident log.

A log is a table of past cases (CSV or Parquet) with at least ``reported_at`` (timestamps; naive
ones are read as Asia/Shanghai local time) and a class column (``class``, ``risk_level`` or
``risk``). Arrivals of a class are fitted as a Poisson process whose hourly rate is the mean rate
times an hour-of-day and a weekday multiplier (each averaging 1), the shape a scenario's
``profile`` and ``weekday`` keys describe. Service times are taken as an empirical distribution.

A street scenario's ``[demand] from_log`` reads the cockpit's own incident log format
(``cockpit.history.format.read_log``) and fits one class per category and risk level, shaped by the
demand model fitted from the log (:mod:`simulation.demand_fit`), with a lognormal on-scene time per
category; :class:`StreetFit` carries the fit report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from cockpit.history.format import LogFormatError
from cockpit.history.format import read_log as read_incident_log
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.demand import category_class
from simulation.demand_fit import DemandFit, fit_demand
from simulation.model import DemandShape
from cockpit.stages import Duration
from simulation.model import ScenarioError

CLASS_COLUMNS = ("class", "risk_level", "risk")


def read_log(path: Path, key: str) -> pd.DataFrame:
    """Read an incident log; any problem is a :class:`~simulation.model.ScenarioError` on ``key``."""
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
    frame = read_log(path, key)
    if column not in frame.columns:
        raise ScenarioError(key, f"log has no {column!r} column")
    values = pd.to_numeric(frame[column], errors="coerce").dropna().to_numpy(dtype=float)
    values = values[np.isfinite(values) & (values >= 0)]
    if len(values) == 0 or values.max() <= 0:
        raise ScenarioError(key, f"column {column!r} has no usable service times")
    return values.tolist()


@dataclass(frozen=True)
class StreetFit:
    """Street demand fitted from an incident log: arrival classes and the report that backs them.

    ``arrivals`` has one class per (category, risk level) seen in the log, shaped by ``demand``
    (:mod:`simulation.demand_fit`: weekday-specific hours, weekday, level, trend and season per
    category) at the category's level times the risk level's share of its cases, and a lognormal
    on-scene time fitted to that category's on-scene → resolved times. ``report`` has one row
    per category: observed and fitted cases a day, the index of dispersion of the daily counts
    (about 1 for a Poisson process; above 1 means busier and quieter days than the fitted process
    has), observed against fitted median and 90th percentile of the on-scene time. ``hourly``
    compares observed cases per hour of day with the fitted expectation over the log's days.
    """

    arrivals: tuple
    report: pd.DataFrame
    hourly: pd.DataFrame
    span_days: float
    demand: DemandFit


MIN_SERVICE_SAMPLES = 10
"""Fewer on-scene times than this for a category: keep the category table's service time."""

_FITS: dict[tuple, StreetFit] = {}


def fit_street_demand(path: Path, key: str = "demand.from_log", *, until=None, level_days: int | None = None,
                      hours: np.ndarray | None = None) -> StreetFit:
    """Fit street demand from an incident log in the cockpit's format (``cockpit.history.format``).

    ``until`` (a date) keeps the cases reported before local midnight of it; ``level_days``
    forecasts each category's level from the cut on (its trend over the log, anchored on its last
    that many days; :mod:`simulation.demand_fit`) instead of taking the log's mean rate; ``hours``
    ((7, 24) multipliers) replaces the fitted hour shapes.

    Fits are cached by file path, size and modification time, so re-validating a scenario (every
    edit in the scenario editor) does not read the log again.

    Raises
    ------
    ScenarioError
        On ``key``: the log cannot be read (the reader's message names the row and column), covers
        less than a day, or names a category the category table does not know.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ScenarioError(key, f"no such log file: {path}") from exc
    given = None if hours is None else tuple(map(tuple, np.asarray(hours, dtype=float)))
    cache_key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, until, level_days, given)
    if cache_key not in _FITS:
        try:
            frame = read_incident_log(path)
        except LogFormatError as exc:
            raise ScenarioError(key, str(exc)) from exc
        if until is not None:
            local = pd.to_datetime(frame["reported_at"], utc=True).dt.tz_convert(LOCAL_TZ)
            frame = frame[local < pd.Timestamp(until).tz_localize(LOCAL_TZ)]
        _FITS[cache_key] = fit_frame(frame, key, level_days, until=until, hours=hours)
    return _FITS[cache_key]


def fit_frame(frame: pd.DataFrame, key: str = "demand.from_log", level_days: int | None = None, *,
              until=None, hours: np.ndarray | None = None,
              sources: dict[str, list[float]] | None = None) -> StreetFit:
    """:func:`fit_street_demand` on a frame already read (the columns of ``cockpit.history.format``).

    The log's days run from the local midnight of its first case to ``until`` (default: the
    midnight after its last case).
    """
    table = default_categories()
    if frame.empty:
        raise ScenarioError(key, "the log has no cases")
    times = pd.to_datetime(frame["reported_at"], utc=True).dt.tz_convert(LOCAL_TZ)
    first = times.min().normalize()
    cut = until if until is not None else (times.max().normalize() + pd.Timedelta(days=1)).date()
    if (times.max() - first).total_seconds() < 24 * 3600:
        raise ScenarioError(key, "log covers less than a day; cannot fit a rate")
    unknown = sorted(set(frame["category"].astype(str)) - set(table.codes))
    if unknown:
        raise ScenarioError(key, f"log has categories the category table does not know: {unknown}")
    categories = frame["category"].astype(str).to_numpy()
    demand = fit_demand(times, categories, frame["risk_level"].astype(str).to_numpy(), first.date(), cut,
                        level_days, hours, sources)
    days = (cut - first.date()).days
    on_scene = pd.to_datetime(frame["on_scene_at"], utc=True)
    done = pd.to_datetime(frame["first_resolved_at"], utc=True).fillna(pd.to_datetime(frame["resolved_at"], utc=True))
    minutes = ((done - on_scene).dt.total_seconds() / 60).to_numpy()
    day = ((times - first).dt.total_seconds() // 86400).astype(int).to_numpy()
    shape_of = {code: DemandShape(demand.model, code) for code in demand.model.codes}
    arrivals = []
    rows = []
    for category in table:
        mine = categories == category.code
        count = int(mine.sum())
        if count == 0:
            continue
        sample = minutes[mine]
        sample = sample[np.isfinite(sample) & (sample > 0)]
        if len(sample) >= MIN_SERVICE_SAMPLES:
            logs = np.log(sample)
            service = Duration("lognormal", median_minutes=float(np.exp(logs.mean())), sigma=float(logs.std(ddof=1)))
        else:
            service = Duration("lognormal", median_minutes=category.service.median_minutes, sigma=category.service.sigma)
        index = demand.model.index(category.code)
        per_hour = demand.model.cases_per_day * demand.model.shares[index] / 24
        for risk in RiskLevel:
            share = demand.risk_shares[category.code].get(risk.value, 0.0)
            if share:
                arrivals.append(category_class(category, per_hour * share, risk=risk, service=service,
                                               shape=shape_of[category.code]))
        daily = np.bincount(day[mine], minlength=days)
        rows.append(
            {
                "category": category.code,
                "cases": count,
                "observed_per_day": count / days,
                "fitted_per_day": per_hour * 24,
                "dispersion": float(daily.var(ddof=1) / daily.mean()) if days > 1 and daily.mean() > 0 else math.nan,
                "service_samples": int(len(sample)),
                "observed_median_minutes": float(np.median(sample)) if len(sample) else math.nan,
                "fitted_median_minutes": float(service.median_minutes),
                "observed_p90_minutes": float(np.quantile(sample, 0.9)) if len(sample) else math.nan,
                "fitted_p90_minutes": float(service.median_minutes * math.exp(1.2815515655446004 * service.sigma)),
                "sigma": float(service.sigma),
            }
        )
    cells = demand.report["weekday_hour"]
    hourly = pd.DataFrame({"hour": np.arange(24), "observed": np.sum(cells["observed"], axis=0),
                           "fitted": np.sum(cells["fitted"], axis=0)})
    return StreetFit(tuple(arrivals), pd.DataFrame(rows), hourly, float(days), demand)
