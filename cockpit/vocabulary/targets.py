"""The published targets of grid governance, read from one table (resources/targets.toml).

A target bounds one KPI of :mod:`cockpit.kpi` from above or below; the ``[guards]`` table holds the
staffing optimiser's guards (:func:`guard_limits`). Two of them are also rules of
the twin: the response target is every case's response deadline (accepted within 2 h of the
report), and the overdue-rate target is the share of overdue open cases above which an area raises
an alarm. Everything that needs one of these numbers reads it here.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from cockpit.resources import resource_path


@dataclass(frozen=True, slots=True)
class Target:
    """A bound on one KPI: ``value`` is at most ``bound`` (``at_most``) or at least it."""

    key: str
    bound: float
    at_most: bool

    def met(self, value: float) -> bool:
        """True if ``value`` keeps to the target."""
        return value <= self.bound if self.at_most else value >= self.bound


def load_targets(path: Path) -> dict[str, Target]:
    """Read a targets table; errors name the file and the entry.

    Raises
    ------
    ValueError
        An entry without exactly one of ``at_most`` and ``at_least``, or with a bound that is not a
        finite number.
    """
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    targets = {}
    for key, entry in data.items():
        if key in ("version", "guards"):
            continue
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: {key}: must be a table with at_most or at_least")
        bounds = {name: entry[name] for name in ("at_most", "at_least") if name in entry}
        if len(bounds) != 1 or set(entry) - {"at_most", "at_least"}:
            raise ValueError(f"{path}: {key}: give exactly one of at_most and at_least")
        (name, bound), = bounds.items()
        if isinstance(bound, bool) or not isinstance(bound, (int, float)) or not math.isfinite(bound):
            raise ValueError(f"{path}: {key}.{name}: must be a finite number, got {bound!r}")
        targets[key] = Target(key, float(bound), name == "at_most")
    return targets


@cache
def kpi_targets() -> dict[str, Target]:
    """The shipped targets by KPI key (cached: they never change while the program runs)."""
    return load_targets(resource_path("targets.toml"))


GUARD_KEYS = ("on_scene_minutes", "on_scene_rate", "response_rate", "overdue_rate", "confidence")
"""What a staffing guard of ``cockpit sim optimise`` is made of (``[guards]`` of the targets table)."""


def load_guard_limits(path: Path) -> dict[str, float]:
    """The ``[guards]`` table of a targets table, its overdue limit the ``overdue_rate`` target.

    Raises
    ------
    ValueError
        A missing or unknown key, or a rate or confidence outside (0, 1].
    """
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    guards = dict(data.get("guards", {}))
    guards.setdefault("overdue_rate", load_targets(path)["overdue_rate"].bound)
    if set(guards) != set(GUARD_KEYS):
        raise ValueError(f"{path}: guards: give exactly {', '.join(GUARD_KEYS)} (overdue_rate may come from "
                         f"[overdue_rate])")
    for key, value in guards.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"{path}: guards.{key}: must be a positive number, got {value!r}")
        if key != "on_scene_minutes" and value > 1:
            raise ValueError(f"{path}: guards.{key}: a share is at most 1, got {value!r}")
    return {key: float(guards[key]) for key in GUARD_KEYS}


@cache
def _shipped_guard_limits() -> tuple[tuple[str, float], ...]:
    return tuple(load_guard_limits(resource_path("targets.toml")).items())


def guard_limits() -> dict[str, float]:
    """The shipped guards of the staffing optimiser, by key of :data:`GUARD_KEYS` (a fresh dict)."""
    return dict(_shipped_guard_limits())


RESPONSE_TARGET = timedelta(minutes=kpi_targets()["response_minutes_mean"].bound)
"""First response (accepted) is due within this time of the report, for every case."""

AREA_OVERDUE_ALARM_RATE = kpi_targets()["overdue_rate"].bound
"""An area whose open cases are more overdue than this raises an area alarm."""
