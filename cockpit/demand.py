"""The demand model: how many cases a street gets, when, of which category, and who finds them.

One model, as data (resources/demand.toml), feeds everything that invents cases: the demo feed, the
history generator, the synthetic replay log and the simulator's default street scenario, so that
all of them mean the same street. The expected cases per hour of a category at a local time is the
street's daily rate × the category's share (resources/categories.toml) × weekday × that weekday's
hour-of-day profile × the street's and the category's season × the category's trend; each day all
rates share one gamma multiplier of mean 1 (day-level overdispersion). docs/demand.md gives the keys.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from dataclasses import dataclass
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import Source
from cockpit.resources import resource_path
from cockpit.street.model import MicroGrid

SOURCES = tuple(Source)
"""The order of the source shares of :attr:`DemandModel.sources`."""

PLACES = ("households", "elderly_alone")
"""What a category's cases are spread over: households, or elderly people living alone."""

_MONTHS, _WEEKDAYS, _HOURS = 12, 7, 24


class DemandError(ValueError):
    """A demand table that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, eq=False)
class DemandModel:
    """The demand of one street, as arrays by category (in the category table's order).

    Every multiplier array has mean 1 along its last axis, so ``cases_per_day`` is the mean over a
    year (before trends) and ``shares`` the categories' part of it.
    """

    codes: tuple[str, ...]
    cases_per_day: float
    shares: np.ndarray
    """(categories,) summing to 1."""
    weekday: np.ndarray
    """(7,) Monday first."""
    hours: np.ndarray
    """(7, 24): the hour-of-day profile of each weekday."""
    season: np.ndarray
    """(12,) the street's months, January first."""
    category_season: np.ndarray
    """(categories, 12)."""
    trend: np.ndarray
    """(categories,) growth per year from ``trend_from``."""
    trend_from: dt.date
    sources: np.ndarray
    """(categories, 4) shares of :data:`SOURCES`, each row summing to 1."""
    places: tuple[str, ...]
    """Per category, one of :data:`PLACES`."""
    dispersion: float | None
    """Gamma shape of the day multiplier; None: every day has the mean rate (Poisson days)."""

    def index(self, code: str) -> int:
        """The position of category ``code``."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise KeyError(f"unknown case category {code!r}") from None

    def daily_rates(self, start: dt.date, days: int) -> np.ndarray:
        """(days, categories): expected cases a day from local ``start`` on, before the day multiplier."""
        dates = [start + dt.timedelta(days=d) for d in range(days)]
        weekday = np.array([d.weekday() for d in dates])
        month = np.array([d.month - 1 for d in dates])
        years = np.array([(d - self.trend_from).days / 365.25 for d in dates])
        growth = (1.0 + self.trend)[None, :] ** years[:, None]
        day = self.cases_per_day * self.weekday[weekday] * self.season[month]
        return day[:, None] * self.shares[None, :] * self.category_season[:, month].T * growth

    def hourly_rates(self, start: dt.date, hours: int) -> np.ndarray:
        """(hours, categories): expected cases per hour from local midnight of ``start``."""
        days = math.ceil(hours / _HOURS)
        daily = self.daily_rates(start, days)
        weekday = np.array([(start + dt.timedelta(days=d)).weekday() for d in range(days)])
        profile = self.hours[weekday].reshape(-1)[:hours] / _HOURS
        return np.repeat(daily, _HOURS, axis=0)[:hours] * profile[:, None]

    def day_factors(self, rng: np.random.Generator, days: int) -> np.ndarray:
        """One multiplier per day (mean 1): gamma with shape :attr:`dispersion`, or ones."""
        if self.dispersion is None:
            return np.ones(days)
        return rng.gamma(self.dispersion, 1.0 / self.dispersion, size=days)

    def usual_day(self) -> np.ndarray:
        """Expected cases per local hour of an average day of the year (24 values)."""
        return self.cases_per_day / _HOURS * (self.weekday[:, None] * self.hours).mean(axis=0)

    def source_shares(self, code: str) -> np.ndarray:
        """Shares of :data:`SOURCES` among the cases of category ``code``."""
        return self.sources[self.index(code)]

    def place_weights(self, code: str, micro_grids: Sequence[MicroGrid]) -> np.ndarray:
        """Probability of each micro-grid for a case of ``code``, by its :attr:`places`.

        A street without elderly people living alone spreads their cases over households instead.
        """
        households = np.array([m.households for m in micro_grids], dtype=float)
        weights = households
        if self.places[self.index(code)] == "elderly_alone":
            alone = np.array([m.elderly_alone for m in micro_grids], dtype=float)
            weights = alone if alone.sum() > 0 else households
        return weights / weights.sum()

    def proactive_share(self, code: str) -> float:
        """Share of the category's cases found by patrols or sensors (主动发现)."""
        shares = self.source_shares(code)
        return float(sum(share for source, share in zip(SOURCES, shares) if source.proactive))


def load_demand(path: Path, categories: CategoryTable | None = None) -> DemandModel:
    """Read and check a demand table for the categories of ``categories`` (default: the shipped table).

    Raises
    ------
    DemandError
        Invalid TOML, an unknown or missing key, a list of the wrong length, a negative or all-zero
        multiplier, a weekday without (or with two) hour profiles, or source shares that are not shares.
    """
    table = categories or default_categories()
    where = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise DemandError(f"{where}: {exc}") from exc

    def fail(key: str, reason: str) -> DemandError:
        return DemandError(f"{where}: {key}: {reason}")

    known = {"version", "cases_per_day", "dispersion", "trend_from", "weekday", "season", "hours", "default",
             "category"}
    for key in data:
        if key not in known:
            raise fail(key, f"unknown key; expected one of {sorted(known)}")
    per_day = data.get("cases_per_day")
    if isinstance(per_day, bool) or not isinstance(per_day, (int, float)) or not per_day > 0:
        raise fail("cases_per_day", f"must be a number > 0, got {per_day!r}")
    dispersion = data.get("dispersion")
    if dispersion is not None and (isinstance(dispersion, bool) or not isinstance(dispersion, (int, float))
                                   or not dispersion > 0):
        raise fail("dispersion", f"must be a number > 0 (a gamma shape), got {dispersion!r}")
    trend_from = data.get("trend_from", dt.date(2025, 1, 1))
    if not isinstance(trend_from, dt.date) or isinstance(trend_from, dt.datetime):
        raise fail("trend_from", "must be a date such as 2025-01-01")
    weekday = _multipliers(data.get("weekday", [1.0] * _WEEKDAYS), _WEEKDAYS, "weekday", fail)
    season = _multipliers(data.get("season", [1.0] * _MONTHS), _MONTHS, "season", fail)

    hours = hour_profiles(data.get("hours", []), "hours", fail)
    default = _category_entry(data.get("default", {}), "default", None, fail)
    entries = data.get("category", {})
    unknown = sorted(set(entries) - set(table.codes))
    if unknown:
        raise fail("category", f"not in the category table: {unknown}")
    rows = [_category_entry(entries.get(code, {}), f"category.{code}", default, fail) for code in table.codes]
    shares = np.array([c.share for c in table], dtype=float)
    if shares.sum() <= 0:
        raise fail("share", "the category table's shares are all zero")
    return DemandModel(
        codes=tuple(table.codes),
        cases_per_day=float(per_day),
        shares=shares / shares.sum(),
        weekday=weekday,
        hours=hours,
        season=season,
        category_season=np.array([r[0] for r in rows]),
        trend=np.array([r[1] for r in rows]),
        trend_from=trend_from,
        sources=np.array([r[2] for r in rows]),
        places=tuple(r[3] for r in rows),
        dispersion=None if dispersion is None else float(dispersion),
    )


def hour_profiles(entries, key: str, fail) -> np.ndarray:
    """(7, 24) hour multipliers (each row mean 1) of ``[[hours]]`` entries (``days``, ``profile``) at ``key``.

    ``fail(key, reason)`` makes the error raised for a missing or doubled weekday or a bad profile.
    """
    if not isinstance(entries, list):
        raise fail(key, "must be a list of tables with days and profile")
    hours = np.full((_WEEKDAYS, _HOURS), np.nan)
    for k, entry in enumerate(entries):
        where = f"{key}[{k}]"
        if not isinstance(entry, dict) or set(entry) != {"days", "profile"}:
            raise fail(where, "needs exactly days and profile")
        profile = _multipliers(entry["profile"], _HOURS, f"{where}.profile", fail)
        if not isinstance(entry["days"], list):
            raise fail(f"{where}.days", "must be a list of weekdays")
        for day in entry["days"]:
            if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day < _WEEKDAYS:
                raise fail(f"{where}.days", f"weekdays are 0 (Monday) to 6, got {day!r}")
            if not np.isnan(hours[day, 0]):
                raise fail(f"{where}.days", f"weekday {day} already has a profile")
            hours[day] = profile
    missing = [d for d in range(_WEEKDAYS) if np.isnan(hours[d, 0])]
    if missing:
        raise fail(key, f"weekdays {missing} have no hour profile")
    return hours


def _multipliers(values, length: int, key: str, fail) -> np.ndarray:
    if not isinstance(values, list) or len(values) != length:
        raise fail(key, f"must be a list of {length} multipliers")
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0 for v in values):
        raise fail(key, "multipliers must be finite numbers >= 0")
    array = np.array(values, dtype=float)
    if array.sum() <= 0:
        raise fail(key, "at least one multiplier must be positive")
    return array / array.mean()


def _category_entry(entry, key: str, default, fail) -> tuple[np.ndarray, float, np.ndarray, str]:
    """(season, trend per year, source shares, place) of one category, the default's where not given."""
    if not isinstance(entry, dict):
        raise fail(key, "must be a table")
    allowed = {"sources", "season", "trend_per_year", "where"}
    if set(entry) - allowed:
        raise fail(key, f"unknown key(s) {sorted(set(entry) - allowed)}; expected {sorted(allowed)}")
    season = _multipliers(entry["season"], _MONTHS, f"{key}.season", fail) if "season" in entry else (
        default[0] if default is not None else np.ones(_MONTHS))
    trend = entry.get("trend_per_year", default[1] if default is not None else 0.0)
    if isinstance(trend, bool) or not isinstance(trend, (int, float)) or not trend > -1:
        raise fail(f"{key}.trend_per_year", f"must be a number > -1, got {trend!r}")
    if "sources" in entry:
        given = entry["sources"]
        names = [s.value for s in SOURCES]
        if not isinstance(given, dict) or set(given) - set(names):
            raise fail(f"{key}.sources", f"a table of shares of {names}")
        sources = np.array([given.get(name, 0.0) for name in names], dtype=float)
        if (sources < 0).any() or abs(sources.sum() - 1.0) > 1e-6:
            raise fail(f"{key}.sources", f"shares must be >= 0 and sum to 1, got {sources.sum():g}")
    elif default is not None:
        sources = default[2]
    else:
        raise fail(f"{key}.sources", "missing")
    place = entry.get("where", default[3] if default is not None else PLACES[0])
    if place not in PLACES:
        raise fail(f"{key}.where", f"one of {list(PLACES)}, got {place!r}")
    return season, float(trend), sources, place


@cache
def default_demand() -> DemandModel:
    """The shipped demand model of the demo street (cached: it never changes while the program runs)."""
    return load_demand(resource_path("demand.toml"))
