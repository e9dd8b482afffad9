"""The closed loop's stage times and shares: how a case goes from report to closed, as data.

A case is triaged (研判), dispatched when somebody can take it, accepted, reached, worked on, may wait
for another department without holding the worker (吹哨报到 coordination), is resolved, rated by the
resident and closed, and may be sent back (reopened). How long each step takes and how often each
branch is taken is one table: ``resources/stages.toml`` for the demo street, or the ``[stages]``
table a calibration fits from a log (``cockpit sim calibrate``). The simulator plays it, and so
does ``cockpit history generate`` (a run of the simulator). docs/stages.md gives every key.

Each stage is a list of entries. An entry may be limited by *selectors* (the local ``hours`` the
stage starts in, the case's ``risk``, ``category`` or ``source``) and carries a duration, a share or
shares; for a case the entry that matches the most selectors wins (ties: the first in the table).
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Callable, Mapping

import numpy as np

from cockpit.resources import resource_path

DISTS = ("fixed", "exponential", "lognormal", "gamma", "quantiles", "empirical")
"""Forms of a :class:`Duration`."""

_DIST_KEYS = {
    "fixed": {"minutes"},
    "exponential": {"mean_minutes"},
    "lognormal": {"median_minutes", "sigma"},
    "gamma": {"mean_minutes", "shape"},
    "quantiles": {"minutes"},
    "empirical": {"values"},
}


@dataclass(frozen=True, slots=True)
class Duration:
    """A distribution of minutes: fixed, exponential, lognormal, gamma, quantiles or empirical.

    ``quantiles`` holds the minutes at evenly spaced probabilities from 0 to 1 (a fitted inverse
    distribution function, interpolated linearly); ``empirical`` a sample resampled as it is.
    """

    dist: str
    mean_minutes: float | None = None
    median_minutes: float | None = None
    sigma: float | None = None
    shape: float | None = None
    values: tuple[float, ...] = ()

    @property
    def mean(self) -> float:
        """Mean in minutes."""
        if self.dist in ("exponential", "gamma"):
            return float(self.mean_minutes)
        if self.dist == "lognormal":
            return float(self.median_minutes) * math.exp(float(self.sigma) ** 2 / 2)
        if self.dist == "quantiles":
            return float(np.trapezoid(self.values, np.linspace(0.0, 1.0, len(self.values))))
        return float(np.mean(self.values))

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` draws from ``rng``; draw k depends only on k and the stream."""
        if self.dist == "exponential":
            return rng.standard_exponential(n) * self.mean_minutes
        if self.dist == "lognormal":
            return self.median_minutes * np.exp(self.sigma * rng.standard_normal(n))
        if self.dist == "empirical":
            values = np.asarray(self.values, dtype=float)
            return values[rng.integers(0, len(values), n)]
        return self.at(rng.random(n))

    def at(self, u: np.ndarray) -> np.ndarray:
        """The minutes at probabilities ``u`` (the inverse distribution function, elementwise).

        Drawing by ``at(uniform)`` keeps common random numbers: another distribution moves each
        case's time monotonically instead of drawing a new one.
        """
        u = np.asarray(u, dtype=float)
        if self.dist == "fixed":
            return np.full(u.shape, float(self.values[0]))
        if self.dist == "exponential":
            return -np.log1p(-u) * self.mean_minutes
        if self.dist == "lognormal":
            from scipy.special import ndtri

            return self.median_minutes * np.exp(self.sigma * ndtri(np.clip(u, 1e-12, 1 - 1e-12)))
        if self.dist == "gamma":
            from scipy.special import gammaincinv

            return gammaincinv(self.shape, u) * self.mean_minutes / self.shape
        values = np.asarray(self.values, dtype=float)
        if self.dist == "quantiles":
            return np.interp(u, np.linspace(0.0, 1.0, len(values)), values)
        ordered = np.sort(values)
        return ordered[np.minimum((u * len(ordered)).astype(np.int64), len(ordered) - 1)]

    def cdf(self, minutes: np.ndarray) -> np.ndarray:
        """The probability of at most ``minutes`` (elementwise)."""
        x = np.maximum(np.asarray(minutes, dtype=float), 0.0)
        if self.dist == "fixed":
            return (x >= self.values[0]).astype(float)
        if self.dist == "exponential":
            return -np.expm1(-x / self.mean_minutes)
        if self.dist == "lognormal":
            from scipy.special import ndtr

            with np.errstate(divide="ignore"):
                z = (np.log(x) - math.log(self.median_minutes)) / self.sigma if self.sigma > 0 else np.where(
                    x >= self.median_minutes, np.inf, -np.inf)
            return ndtr(z)
        if self.dist == "gamma":
            from scipy.special import gammainc

            return gammainc(self.shape, x * self.shape / self.mean_minutes)
        values = np.sort(np.asarray(self.values, dtype=float))
        if self.dist == "quantiles":
            probs = np.linspace(0.0, 1.0, len(values))
            # The last probability of a run of equal minutes: the mass at that value counts as reached.
            return np.interp(x, values, probs, left=0.0, right=1.0)
        return np.searchsorted(values, x, side="right") / len(values)

    def remaining(self, spent: float, u: float) -> float:
        """Minutes still to go of a draw at probability ``u`` given ``spent`` minutes already passed.

        The draw comes from the distribution conditioned on lasting longer than ``spent``:
        ``at(F(spent) + u (1 - F(spent))) - spent``, at least 0.
        """
        done = float(self.cdf(np.array([spent]))[0])
        total = float(self.at(np.array([done + u * (1.0 - done)]))[0])
        return max(0.0, total - spent)

    def scaled(self, factor: float) -> "Duration":
        """The same shape with every time multiplied by ``factor`` (> 0)."""
        if self.dist == "lognormal":
            return Duration("lognormal", median_minutes=self.median_minutes * factor, sigma=self.sigma)
        if self.dist in ("exponential", "gamma"):
            return Duration(self.dist, mean_minutes=self.mean_minutes * factor, shape=self.shape)
        return Duration(self.dist, values=tuple(v * factor for v in self.values))

    def table(self) -> dict[str, Any]:
        """The TOML table of this duration (the form :func:`parse_duration` reads)."""
        if self.dist == "fixed":
            return {"dist": "fixed", "minutes": self.values[0]}
        if self.dist == "exponential":
            return {"dist": "exponential", "mean_minutes": self.mean_minutes}
        if self.dist == "lognormal":
            return {"dist": "lognormal", "median_minutes": self.median_minutes, "sigma": self.sigma}
        if self.dist == "gamma":
            return {"dist": "gamma", "mean_minutes": self.mean_minutes, "shape": self.shape}
        if self.dist == "quantiles":
            return {"dist": "quantiles", "minutes": list(self.values)}
        return {"dist": "empirical", "values": list(self.values)}


def quantile_duration(sample: np.ndarray, points: int = 41) -> Duration:
    """The ``quantiles`` duration of a sample of minutes (``points`` evenly spaced probabilities).

    The last knot is moved so that the distribution keeps the sample's mean: straight lines up to
    the sample's maximum would put a long tail's few largest times over the whole last interval.
    """
    sample = np.asarray(sample, dtype=float)
    probs = np.linspace(0.0, 1.0, points)
    values = np.maximum(np.quantile(sample, probs), 0.0)
    step = probs[1] - probs[0]
    values[-1] = max(values[-2], values[-1] + 2 * (float(sample.mean()) - float(np.trapezoid(values, probs))) / step)
    return Duration("quantiles", values=tuple(round(float(v), 3) for v in values))


Fail = Callable[[str, str], Exception]
"""``fail(key, reason)`` returns the exception a reader raises (each reader names keys its own way)."""


def _number(value: Any, key: str, fail: Fail, *, positive: bool = False, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise fail(key, f"must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise fail(key, f"must be > 0, got {value!r}")
    if minimum is not None and value < minimum:
        raise fail(key, f"must be >= {minimum:g}, got {value!r}")
    return float(value)


def parse_duration(table: Any, key: str, fail: Fail) -> Duration:
    """Read a duration table (``dist`` and its keys); any fault is ``fail(key, reason)``."""
    if not isinstance(table, Mapping):
        raise fail(key, "must be a table with dist and its parameters")
    dist = table.get("dist")
    if dist not in DISTS:
        raise fail(f"{key}.dist", f"got {dist!r}; expected one of {list(DISTS)}")
    allowed = _DIST_KEYS[dist] | {"dist"}
    for name in table:
        if name not in allowed and name not in _SELECTORS and name not in ("share",):
            raise fail(f"{key}.{name}", f"unknown key for dist {dist!r}; expected one of {sorted(allowed)}")
    for name in _DIST_KEYS[dist]:
        if name not in table:
            raise fail(f"{key}.{name}", "missing")
    if dist == "fixed":
        return Duration("fixed", values=(_number(table["minutes"], f"{key}.minutes", fail, minimum=0.0),))
    if dist == "exponential":
        return Duration("exponential", mean_minutes=_number(table["mean_minutes"], f"{key}.mean_minutes", fail,
                                                            positive=True))
    if dist == "lognormal":
        return Duration("lognormal",
                        median_minutes=_number(table["median_minutes"], f"{key}.median_minutes", fail, positive=True),
                        sigma=_number(table["sigma"], f"{key}.sigma", fail, minimum=0.0))
    if dist == "gamma":
        return Duration("gamma", mean_minutes=_number(table["mean_minutes"], f"{key}.mean_minutes", fail, positive=True),
                        shape=_number(table["shape"], f"{key}.shape", fail, positive=True))
    name = "minutes" if dist == "quantiles" else "values"
    values = table[name]
    if not isinstance(values, list) or len(values) < (2 if dist == "quantiles" else 1):
        raise fail(f"{key}.{name}", "must be a list of minutes" + (" (at least 2)" if dist == "quantiles" else ""))
    numbers = tuple(_number(v, f"{key}.{name}[{i}]", fail, minimum=0.0) for i, v in enumerate(values))
    if dist == "quantiles" and any(b < a for a, b in zip(numbers, numbers[1:])):
        raise fail(f"{key}.{name}", "quantiles must not decrease")
    return Duration(dist, values=numbers)


# ---------------------------------------------------------------- the stage table

_SELECTORS = ("hours", "risk", "category", "source")

STAGES: dict[str, tuple[tuple[str, ...], str]] = {
    "triage": (("hours", "source"), "duration"),
    "dispatch": (("hours", "risk"), "duration"),
    "accept": (("hours", "risk"), "duration"),
    "travel": (("hours",), "duration"),
    "work": (("category", "risk"), "duration"),
    "no_visit": (("category",), "share"),
    "coordination": (("category", "risk"), "share+duration"),
    "reopen": (("category",), "share"),
    "reopen_after": ((), "duration"),
    "rework": (("category",), "duration"),
    "rated": ((), "share"),
    "close_rated": ((), "duration"),
    "close_unrated": ((), "duration"),
    "route": (("category", "risk"), "share"),
}
"""Every stage: the selectors its entries may have and what they carry.

triage: report → triaged. dispatch: triaged → the case may be dispatched (the operator's decision).
accept: dispatched → accepted (the worker is held from dispatch). travel: accepted → on scene where
no road layer gives it. work: on scene (or accepted, without a visit) → the worker is free.
no_visit: share resolved without going on scene. coordination: share that then waits for another
department, and for how long, without holding the worker (resolved at its end). reopen: share sent
back by the resident; reopen_after: first resolution → reopened; rework: the worker's time on a
reopened case. rated: share rated by the resident; close_rated / close_unrated: resolved → closed.
route: share sent straight to a department team at triage.
"""

RISKS = ("blue", "yellow", "red")
RATINGS = ("on_time", "late", "after_reopen")
"""Rating distributions (shares of 1-5): a case resolved and responded on time, a late one, a reopened one."""


class StageError(ValueError):
    """A stage table that cannot be used; the message names the key."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a stage: its selectors (None: any), and its duration or share."""

    hours: tuple[int, int] | None = None
    risk: str | None = None
    category: str | None = None
    source: str | None = None
    duration: Duration | None = None
    share: float | None = None

    def covers_hour(self, hour: int) -> bool:
        if self.hours is None:
            return True
        start, end = self.hours
        return start <= hour < end if start < end else (hour >= start or hour < end)

    def score(self, hour: int | None, risk: str | None, category: str | None, source: str | None) -> int:
        """How many selectors match (-1: one does not)."""
        score = 0
        for given, wanted in ((risk, self.risk), (category, self.category), (source, self.source)):
            if wanted is not None:
                if given != wanted:
                    return -1
                score += 1
        if self.hours is not None:
            if hour is None or not self.covers_hour(hour):
                return -1
            score += 1
        return score


@dataclass(frozen=True, eq=False)
class StageModel:
    """The closed loop's stage table: entries per stage, and the rating distributions.

    Emits nothing. ``pick(stage, ...)`` returns the entry that applies to a case; ``bands`` splits
    the day where any entry's hours begin or end, so an engine can draw a time per band at once.
    """

    stages: Mapping[str, tuple[Entry, ...]]
    ratings: Mapping[str, np.ndarray]
    scale: Mapping[str, float] = field(default_factory=dict)
    """Factors of :meth:`scaled` already in the entries; an engine applies ``work`` to the category
    table's service times and ``travel`` to trips by road or straight line, which the table does not hold."""
    _picks: dict = field(default_factory=dict, repr=False, compare=False)

    def factor(self, stage: str) -> float:
        """The scale of ``stage`` (1 if not scaled)."""
        return float(self.scale.get(stage, 1.0))

    def scaled(self, factors: Mapping[str, float]) -> "StageModel":
        """A copy with each named stage scaled: a duration's times (for ``coordination``, the wait)
        multiplied by its factor, a share stage's share multiplied (at most 1).

        Raises
        ------
        StageError
            A factor names no stage or is not a positive finite number.
        """
        for stage, factor in factors.items():
            if stage not in STAGES:
                raise StageError(f"{stage}: unknown stage; expected one of {sorted(STAGES)}")
            if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not 0 < factor < math.inf:
                raise StageError(f"{stage}: a scale must be a positive number, got {factor!r}")
        stages = dict(self.stages)
        for stage, factor in factors.items():
            carries = STAGES[stage][1]
            stages[stage] = tuple(
                replace(entry, duration=entry.duration.scaled(factor)) if carries != "share"
                else replace(entry, share=min(1.0, entry.share * factor))
                for entry in self.stages.get(stage, ()))
        scale = dict(self.scale)
        for stage, factor in factors.items():
            scale[stage] = scale.get(stage, 1.0) * float(factor)
        return StageModel(stages, self.ratings, scale)

    def entries(self, stage: str) -> tuple[Entry, ...]:
        return self.stages.get(stage, ())

    def pick(self, stage: str, *, hour: int | None = None, risk: str | None = None, category: str | None = None,
             source: str | None = None) -> Entry | None:
        """The entry of ``stage`` matching the most of the given selectors (None if none matches)."""
        key = (stage, hour, risk, category, source)
        if key not in self._picks:
            best, best_score = None, -1
            for entry in self.entries(stage):
                score = entry.score(hour, risk, category, source)
                if score > best_score:
                    best, best_score = entry, score
            self._picks[key] = best
        return self._picks[key]

    def has(self, stage: str) -> bool:
        return bool(self.stages.get(stage))

    def duration(self, stage: str, *, hour: int | None = None, risk: str | None = None, category: str | None = None,
                 source: str | None = None) -> Duration | None:
        """The duration of the entry :meth:`pick` chooses (None: no entry, so the stage takes no time)."""
        entry = self.pick(stage, hour=hour, risk=risk, category=category, source=source)
        return entry.duration if entry is not None else None

    def share(self, stage: str, *, risk: str | None = None, category: str | None = None) -> float:
        """The share of the entry :meth:`pick` chooses (0 where no entry applies)."""
        entry = self.pick(stage, risk=risk, category=category)
        return entry.share if entry is not None and entry.share is not None else 0.0

    def work(self, category: Any, risk: str | None = None) -> Duration:
        """On-scene work of a case of ``category`` (a category table row): the ``work`` entry, else its service time."""
        return self.duration("work", risk=risk, category=category.code) or service_duration(category)

    @property
    def bands(self) -> tuple[int, ...]:
        """Start hours of the day's bands: wherever an entry's hours begin or end (always 0)."""
        cuts = {0}
        for entries in self.stages.values():
            for entry in entries:
                if entry.hours is not None:
                    cuts.update(h % 24 for h in entry.hours)
        return tuple(sorted(cuts))

    @property
    def band_of_hour(self) -> tuple[int, ...]:
        """For each local hour 0-23, the index into :attr:`bands` of the band it falls in."""
        bands = self.bands
        return tuple(max(b for b, start in enumerate(bands) if start <= h) for h in range(24))

    def table(self) -> dict[str, Any]:
        """The TOML tables of this model (what :func:`parse_stages` reads)."""
        out: dict[str, Any] = {}
        for stage, entries in self.stages.items():
            rows = []
            for entry in entries:
                row: dict[str, Any] = {}
                for name in ("category", "risk", "source"):
                    if getattr(entry, name) is not None:
                        row[name] = getattr(entry, name)
                if entry.hours is not None:
                    row["hours"] = list(entry.hours)
                if entry.share is not None:
                    row["share"] = entry.share
                if entry.duration is not None:
                    row.update(entry.duration.table())
                rows.append(row)
            out[stage] = rows
        out["ratings"] = {name: [round(float(p), 4) for p in value] for name, value in self.ratings.items()}
        return out


def parse_stages(data: Mapping[str, Any], fail: Fail, where: str = "") -> StageModel:
    """Read a stage table (as ``tomllib`` returns it); faults are ``fail(key, reason)`` with keys under ``where``."""
    prefix = f"{where}." if where else ""
    known = set(STAGES) | {"version", "ratings"}
    for name in data:
        if name not in known:
            raise fail(f"{prefix}{name}", f"unknown stage; expected one of {sorted(known)}")
    stages: dict[str, tuple[Entry, ...]] = {}
    for stage, (selectors, payload) in STAGES.items():
        rows = data.get(stage, [])
        if not isinstance(rows, list):
            raise fail(f"{prefix}{stage}", "must be an array of tables ([[...]])")
        entries = []
        for index, row in enumerate(rows):
            key = f"{prefix}{stage}[{index}]"
            entries.append(_entry(row, key, stage, selectors, payload, fail))
        if entries:
            stages[stage] = tuple(entries)
    ratings_raw = data.get("ratings", {})
    if not isinstance(ratings_raw, Mapping):
        raise fail(f"{prefix}ratings", "must be a table")
    ratings = {}
    for name, value in ratings_raw.items():
        if name not in RATINGS:
            raise fail(f"{prefix}ratings.{name}", f"unknown; expected one of {list(RATINGS)}")
        ratings[name] = _shares(value, 5, f"{prefix}ratings.{name}", fail)
    return StageModel(stages, ratings)


def _entry(row: Any, key: str, stage: str, selectors: tuple[str, ...], payload: str, fail: Fail) -> Entry:
    if not isinstance(row, Mapping):
        raise fail(key, "must be a table")
    allowed = set(selectors)
    values: dict[str, Any] = {}
    for name in _SELECTORS:
        if name not in row:
            continue
        if name not in allowed:
            raise fail(f"{key}.{name}", f"the {stage} stage does not depend on {name}")
        if name == "hours":
            hours = row["hours"]
            if (not isinstance(hours, list) or len(hours) != 2
                    or not all(isinstance(h, int) and not isinstance(h, bool) and 0 <= h <= 24 for h in hours)
                    or hours[0] % 24 == hours[1] % 24):
                raise fail(f"{key}.hours", "must be [start, end] whole local hours 0-24 (end < start wraps midnight)")
            values["hours"] = (hours[0] % 24, hours[1] % 24)
        else:
            if not isinstance(row[name], str) or not row[name]:
                raise fail(f"{key}.{name}", "must be a non-empty string")
            if name == "risk" and row[name] not in RISKS:
                raise fail(f"{key}.{name}", f"one of {list(RISKS)}, got {row[name]!r}")
            values[name] = row[name]
    if payload in ("share", "share+duration"):
        if "share" not in row:
            raise fail(f"{key}.share", "missing")
        share = _number(row["share"], f"{key}.share", fail, minimum=0.0)
        if share > 1:
            raise fail(f"{key}.share", f"a share is at most 1, got {share!r}")
        values["share"] = share
    if payload in ("duration", "share+duration"):
        values["duration"] = parse_duration(row, key, fail)
    else:
        extra = set(row) - allowed - {"share"}
        if extra:
            raise fail(f"{key}.{sorted(extra)[0]}", f"unknown key for the {stage} stage")
    return Entry(**values)


def _shares(value: Any, width: int, key: str, fail: Fail) -> np.ndarray:
    if (not isinstance(value, list) or len(value) != width
            or any(isinstance(v, bool) or not isinstance(v, (int, float)) or not v >= 0 for v in value)):
        raise fail(key, f"must be a list of {width} shares >= 0")
    array = np.asarray(value, dtype=float)
    if abs(array.sum() - 1.0) > 1e-3:
        raise fail(key, f"shares must sum to 1, got {array.sum():g}")
    return array / array.sum()


def load_stages(path: Path) -> StageModel:
    """Read a stage table file (errors name the file and the key)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise StageError(f"{path}: {exc}") from exc

    def fail(key: str, reason: str) -> StageError:
        return StageError(f"{path}: {key}: {reason}")

    return parse_stages(data, fail)


Labels = tuple[np.ndarray, tuple]
"""A selector's value for every case: integer codes (one per case) and the names they index."""


def case_groups(columns: list[np.ndarray]) -> list[tuple[tuple[int, ...], np.ndarray]]:
    """Each distinct row of the non-negative integer ``columns`` (one value per case) with its cases, in case order."""
    n = len(columns[0]) if columns else 0
    if not n:
        return []
    combined = np.zeros(n, dtype=np.int64)
    for codes in columns:
        combined = combined * (int(codes.max()) + 1) + codes
    counts = np.bincount(combined)
    present = counts.nonzero()[0]
    # Few distinct rows: a stable sort of small integers is numpy's radix sort.
    small = combined.astype(np.uint16) if len(counts) <= 1 << 16 else combined
    order = np.argsort(small, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(counts[present]))).tolist()
    return [(tuple(int(codes[order[start]]) for codes in columns), order[start:end])
            for start, end in zip(bounds, bounds[1:])]


def _alike(selectors: dict[str, Labels | None], band: np.ndarray | None = None):
    """Each group of cases alike in ``selectors`` (and ``band``): the selectors' names, the band index (or None), the cases."""
    named = [(name, labels) for name, labels in selectors.items() if labels is not None]
    columns = [labels[0] for _, labels in named] + ([band] if band is not None else [])
    for key, members in case_groups(columns):
        yield {name: labels[1][code] for (name, labels), code in zip(named, key)}, key[-1] if band is not None else None, members


def selected_entries(stages: StageModel, stage: str, selectors: dict[str, Labels | None], band: np.ndarray | None = None):
    """Each group of cases alike in ``selectors`` (and ``band``) with the entry of ``stage`` that applies to it."""
    bands = stages.bands
    for given, b, members in _alike(selectors, band):
        yield members, stages.pick(stage, hour=bands[b] if b is not None else None, **given)


def band_minutes(stages: StageModel, stage: str, u: np.ndarray, risk: Labels | None = None,
                 category: Labels | None = None, band: np.ndarray | None = None,
                 source: Labels | None = None) -> np.ndarray:
    """Minutes of ``stage`` for cases with uniform draws ``u``, shape (bands, cases), or (cases,) given ``band``.

    Each case takes the entry that matches it best (:meth:`StageModel.pick`); with
    ``band`` (the index into :attr:`StageModel.bands` of the hour each case's stage
    starts in) one value per case, else one per band. Entries change only at the bands' bounds, so
    a band's start hour picks for every hour in it. A stage without entries takes no time.
    """
    bands = stages.bands
    n = len(u)
    out = np.zeros((len(bands), n)) if band is None else np.zeros(n)
    if not stages.has(stage) or not n:
        return out
    selectors = {"risk": risk, "category": category, "source": source}
    if band is not None:
        for members, entry in selected_entries(stages, stage, selectors, band):
            if entry is not None and entry.duration is not None:
                out[members] = entry.duration.at(u[members])
        return out
    # A group's cases are grouped once; a band whose entry another band has already drawn copies it.
    for given, _, members in _alike(selectors, np.zeros(n, dtype=np.int64)):
        drawn: dict[int, np.ndarray] = {}
        for b, hour in enumerate(bands):
            entry = stages.pick(stage, hour=hour, **given)
            if entry is not None and entry.duration is not None:
                if id(entry) not in drawn:
                    drawn[id(entry)] = entry.duration.at(u[members])
                out[b, members] = drawn[id(entry)]
    return out


def share_of(stages: StageModel, stage: str, risk: Labels | None, category: Labels | None) -> np.ndarray:
    """Each case's share of ``stage`` (0 where no entry applies)."""
    n = len(next(labels[0] for labels in (risk, category) if labels is not None))
    out = np.zeros(n)
    for members, entry in selected_entries(stages, stage, {"risk": risk, "category": category}):
        out[members] = entry.share if entry is not None and entry.share is not None else 0.0
    return out


def service_duration(category: Any) -> Duration:
    """The category table's on-scene service time of ``category`` as a :class:`Duration`."""
    return Duration("lognormal", median_minutes=category.service.median_minutes, sigma=category.service.sigma)


@cache
def default_stages() -> StageModel:
    """The shipped stage table of the demo street (cached: it never changes while the program runs)."""
    return load_stages(resource_path("stages.toml"))
