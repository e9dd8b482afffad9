"""Fitting arrivals and service times from an incident log.

A log is a table of past cases (CSV or Parquet) with at least ``reported_at`` (timestamps; naive
ones are read as Asia/Shanghai local time) and a class column (``class``, ``risk_level`` or
``risk``). Arrivals of a class are fitted as a Poisson process whose hourly rate is the mean rate
times an hour-of-day and a weekday multiplier (each averaging 1), the shape a scenario's
``profile`` and ``weekday`` keys describe. Service times are taken as an empirical distribution.

A street scenario's ``[demand] from_log`` reads the cockpit's own incident log format
(``cockpit.history.format.read_log``) and fits one class per category and risk level, with a
lognormal on-scene time per category; :class:`StreetFit` carries the fit report.
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

    ``arrivals`` has one class per (category, risk level) seen in the log: its Poisson rate, the
    log's hour-of-day and weekday multipliers (pooled over every case, mean 1) and a lognormal
    on-scene time fitted to that category's on-scene → resolved times. ``report`` has one row
    per category: observed cases and cases a day, the fitted rate, the index of dispersion of the
    daily counts (about 1 for a Poisson process; above 1 means busier and quieter days than the
    fitted process has) and the observed against the fitted median and 90th percentile of the
    on-scene time. ``hourly`` compares observed cases per hour of day with the fitted expectation.
    """

    arrivals: tuple
    report: pd.DataFrame
    hourly: pd.DataFrame
    span_days: float


MIN_SERVICE_SAMPLES = 10
"""Fewer on-scene times than this for a category: keep the category table's service time."""

_FITS: dict[tuple, StreetFit] = {}


def fit_street_demand(path: Path, key: str = "demand.from_log", *, until=None, level_days: int | None = None) -> StreetFit:
    """Fit street demand from an incident log in the cockpit's format (``cockpit.history.format``).

    ``until`` (a date) keeps the cases reported before local midnight of it; ``level_days`` takes
    each category's rate from the last that many days only (the level a forecast of the next weeks
    starts from: the log's season and trend at its end), its shape from the whole log.

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
    cache_key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, until, level_days)
    if cache_key not in _FITS:
        try:
            frame = read_incident_log(path)
        except LogFormatError as exc:
            raise ScenarioError(key, str(exc)) from exc
        if until is not None:
            local = pd.to_datetime(frame["reported_at"], utc=True).dt.tz_convert(LOCAL_TZ)
            frame = frame[local < pd.Timestamp(until).tz_localize(LOCAL_TZ)]
        _FITS[cache_key] = fit_frame(frame, key, level_days)
    return _FITS[cache_key]


def fit_frame(frame: pd.DataFrame, key: str = "demand.from_log", level_days: int | None = None) -> StreetFit:
    """:func:`fit_street_demand` on a frame already read (the columns of ``cockpit.history.format``)."""
    table = default_categories()
    if frame.empty:
        raise ScenarioError(key, "the log has no cases")
    times = pd.to_datetime(frame["reported_at"], utc=True).dt.tz_convert(LOCAL_TZ)
    first = times.min().normalize()
    span_hours = (times.max() - first).total_seconds() / 3600
    if span_hours < 24:
        raise ScenarioError(key, "log covers less than a day; cannot fit a rate")
    unknown = sorted(set(frame["category"].astype(str)) - set(table.codes))
    if unknown:
        raise ScenarioError(key, f"log has categories the category table does not know: {unknown}")
    rate, profile, weekday = fit_profile(times, span_hours)
    on_scene = pd.to_datetime(frame["on_scene_at"], utc=True)
    done = pd.to_datetime(frame["first_resolved_at"], utc=True).fillna(pd.to_datetime(frame["resolved_at"], utc=True))
    minutes = ((done - on_scene).dt.total_seconds() / 60).to_numpy()
    categories = frame["category"].astype(str).to_numpy()
    risks = frame["risk_level"].astype(str).to_numpy()
    day = ((times - first).dt.total_seconds() // 86400).astype(int).to_numpy()
    days = int(day.max()) + 1
    # The level of each category: its cases over the whole log, or over its last ``level_days``.
    recent = day >= days - level_days if level_days is not None and level_days < days else np.ones(len(day), bool)
    level_hours = min(span_hours, level_days * 24.0) if level_days is not None else span_hours
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
        for risk in RiskLevel:
            n = int((mine & (risks == risk.value) & recent).sum())
            if n:
                growth = _growth(day[mine], days, level_days) if level_days is not None else 1.0
                arrivals.append(category_class(category, n / level_hours * growth, profile, weekday, risk, service))
        daily = np.bincount(day[mine], minlength=days)
        rows.append(
            {
                "category": category.code,
                "cases": count,
                "observed_per_day": count / span_hours * 24,
                "fitted_per_day": sum(a.rate_per_hour for a in arrivals if a.category == category.code) * 24,
                "dispersion": float(daily.var(ddof=1) / daily.mean()) if days > 1 and daily.mean() > 0 else math.nan,
                "service_samples": int(len(sample)),
                "observed_median_minutes": float(np.median(sample)) if len(sample) else math.nan,
                "fitted_median_minutes": float(service.median_minutes),
                "observed_p90_minutes": float(np.quantile(sample, 0.9)) if len(sample) else math.nan,
                "fitted_p90_minutes": float(service.median_minutes * math.exp(1.2815515655446004 * service.sigma)),
                "sigma": float(service.sigma),
            }
        )
    hourly_observed = np.bincount(times.dt.hour.to_numpy(), minlength=24)
    fitted = _expected_by_hour(rate, profile, weekday, first, span_hours)
    hourly = pd.DataFrame({"hour": np.arange(24), "observed": hourly_observed, "fitted": fitted})
    return StreetFit(tuple(arrivals), pd.DataFrame(rows), hourly, span_hours / 24)


def _growth(day: np.ndarray, days: int, level_days: int) -> float:
    """How much a category's rate moves over the next ``level_days``: its trend over the last three
    blocks of ``level_days``, shrunk towards none by how noisy the counts are (1 without three blocks).

    The log ratio per block of the last to the first block, ``g``, has a Poisson variance ``v``;
    ``g * g**2 / (g**2 + v)`` keeps a clear season or trend and drops noise.
    """
    if days < 3 * level_days:
        return 1.0
    first = np.count_nonzero((day >= days - 3 * level_days) & (day < days - 2 * level_days))
    last = np.count_nonzero(day >= days - level_days)
    if first == 0 or last == 0:
        return 1.0
    g = (math.log(last) - math.log(first)) / 2
    v = (1 / first + 1 / last) / 4
    return math.exp(g * g * g / (g * g + v)) if g else 1.0


def _expected_by_hour(rate: float, profile: tuple, weekday: tuple, first: pd.Timestamp, span_hours: float) -> np.ndarray:
    """Expected cases per hour of day over the log's span under the fitted rate and multipliers."""
    hours = np.arange(int(math.ceil(span_hours)))
    hour_of_day = hours % 24
    day_of_week = (first.day_of_week + hours // 24) % 7
    per_hour = rate * np.asarray(profile)[hour_of_day] * np.asarray(weekday)[day_of_week]
    return np.bincount(hour_of_day, weights=per_hour, minlength=24)
