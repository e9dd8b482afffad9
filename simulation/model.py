"""The parts a what-if scenario is made of: arrival classes, service times, staff and staffing changes.

These are plain frozen values; :mod:`simulation.scenario` reads them from a TOML file and checks them,
and the engines run them. A :class:`ScenarioError` names the key at fault, so an operator's typo never
silently changes an answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cockpit.demand import DemandModel
from cockpit.dispatch import GENERAL_SKILL
from cockpit.stages import Duration
from cockpit.vocabulary.domain import StaffKind


class ScenarioError(ValueError):
    """A scenario file is unusable: ``key`` is the dotted key at fault, ``reason`` says why.

    ``str(error)`` is the one line the command line prints: ``"<key>: <reason>"``.
    """

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True, eq=False)
class DemandShape:
    """The time shape of one category's cases in the demand model (:mod:`cockpit.demand`)."""

    demand: DemandModel
    category: str

    def multipliers(self, start: dt.date, hours: int) -> np.ndarray:
        """Rate of each hour from local midnight of ``start`` over the category's mean rate (mean 1 over a year before trends)."""
        index = self.demand.index(self.category)
        mean = self.demand.cases_per_day * self.demand.shares[index] / 24
        return _hourly_rates(self.demand, start, hours)[:, index] / mean


@lru_cache(maxsize=16)
def _hourly_rates(demand: DemandModel, start: dt.date, hours: int) -> np.ndarray:
    """``demand.hourly_rates`` for every category at once: each of a scenario's categories asks for the same table."""
    rates = demand.hourly_rates(start, hours)
    rates.flags.writeable = False
    return rates


@dataclass(frozen=True, slots=True)
class ArrivalClass:
    """One class of cases: Poisson arrivals at ``rate_per_hour`` on average, shaped in time.

    The shape is the demand model's (``shape``: weekday-specific hours, seasons, trends) or plain
    hour-of-day and weekday multipliers (``profile``, ``weekday``), or none (a constant rate).
    The deadline of the overdue rate is the risk level's (``risk``; a class with none has none).
    """

    name: str
    priority: int
    rate_per_hour: float
    service: Duration
    profile: tuple[float, ...] | None = None
    weekday: tuple[float, ...] | None = None
    skill: str = GENERAL_SKILL
    department: str | None = None
    risk: str | None = None
    category: str | None = None
    shape: DemandShape | None = None

    def rate_by_hour(self, hours: int, start: dt.date) -> np.ndarray:
        """Arrival rate per hour for each of ``hours`` hours from local midnight of ``start``."""
        if self.shape is not None:
            return self.rate_per_hour * self.shape.multipliers(start, hours)
        h = np.arange(hours)
        rate = np.full(hours, self.rate_per_hour, dtype=float)
        if self.profile is not None:
            rate *= np.asarray(self.profile)[h % 24]
        if self.weekday is not None:
            rate *= np.asarray(self.weekday)[(start.weekday() + h // 24) % 7]
        return rate

    @property
    def constant_rate(self) -> bool:
        return self.profile is None and self.weekday is None and self.shape is None


@dataclass(frozen=True, slots=True)
class StaffChange:
    """Add (``delta`` > 0) or remove people of ``role`` in ``community`` (all if None) on ``shift``."""

    role: StaffKind
    shift: str
    delta: int
    community: str | None = None
    grid: str | None = None


@dataclass(frozen=True, slots=True)
class StaffGroup:
    """``count`` interchangeable people of one role, home grid, skill set and shift."""

    role: StaffKind
    count: int
    shift: str | None = None
    grid: str | None = None
    community: str | None = None
    skills: frozenset[str] = frozenset()
    department: str | None = None
    speed_m_per_min: float | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """One dispatchable person or department team of a run's roster (metres, minutes).

    ``shift_id`` names one of the run's shifts, None for somebody on duty round the clock;
    ``x``/``y`` are None without geography.
    """

    staff_id: str
    kind: StaffKind
    skills: frozenset[str]
    department: str | None
    shift_id: str | None
    x: float | None
    y: float | None
    general_grid: str | None
    community: str | None
    speed_m_per_min: float
    base: int = -1
    """The street place (``simulation.street``) a person starts a shift from; -1 without a map."""


@dataclass(frozen=True, eq=False)
class LogPlaces:
    """Where the cases of a calibrated street happen: its general grids and communities, from its log.

    ``community`` gives each grid's community (an index into ``community_ids``); ``weights`` per
    category the probability of each grid (summing to 1), ``base`` that of any case; ``lon``/``lat``
    a grid's mean case position (NaN if unknown).
    """

    grid_ids: tuple[str, ...]
    community_ids: tuple[str, ...]
    community: np.ndarray
    weights: dict[str, np.ndarray]
    base: np.ndarray
    lon: np.ndarray
    lat: np.ndarray

    def weights_of(self, category: str) -> np.ndarray:
        """Probability of each grid for a case of ``category`` (any case's for a category not seen)."""
        return self.weights.get(category, self.base)
