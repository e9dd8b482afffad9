"""Speeds per travel mode and road kind, and the coverage standards of stations and vehicles.

The figures are data (resources/travel.toml): a street tunes them without a release.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cockpit.resources import resource_path

DEFAULT_ROAD_KIND = "default"
"""The key of ``road_m_per_min`` that serves road kinds the table does not list."""


@dataclass(frozen=True, slots=True)
class Mode:
    """One way of travelling: speeds along each road kind, off the road, and on the straight line."""

    code: str
    name_zh: str
    name_en: str
    road_m_per_min: dict[str, float]
    access_m_per_min: float
    straight_m_per_min: float

    def road_speed(self, kind: str) -> float:
        """Metres a minute along a road of ``kind`` (the default speed for an unlisted kind)."""
        return self.road_m_per_min.get(kind, self.road_m_per_min[DEFAULT_ROAD_KIND])


@dataclass(frozen=True, slots=True)
class Standard:
    """A coverage standard: a household is covered when a unit is ``minutes`` away by ``mode``."""

    mode: str
    minutes: float


@dataclass(frozen=True, slots=True)
class TravelProfile:
    """Every mode by code, the straight-line detour factor and the stations' and vehicles' standards."""

    modes: dict[str, Mode]
    detour_factor: float
    standards: dict[str, Standard]
    staff_modes: dict[str, str]
    """How each staff kind travels to a case (``grid_worker`` → ``e_bike``...)."""

    def mode(self, code: str) -> Mode:
        """The mode called ``code``; the error lists the known modes."""
        try:
            return self.modes[code]
        except KeyError:
            raise KeyError(f"unknown travel mode {code!r}; known: {', '.join(self.modes)}") from None

    def mode_of(self, kind: str) -> str:
        """The mode staff of ``kind`` (a ``StaffKind`` value) travel by; walking for a kind not listed."""
        return self.staff_modes.get(kind, "walk")

    @classmethod
    def load(cls, path: Path) -> "TravelProfile":
        """Read a travel profile file; errors name the file and the entry."""
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        modes = {}
        for code, row in data.get("mode", {}).items():
            try:
                speeds = {kind: float(v) for kind, v in row["road_m_per_min"].items()}
                mode = Mode(code, row["name_zh"], row["name_en"], speeds,
                            float(row["access_m_per_min"]), float(row["straight_m_per_min"]))
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                raise ValueError(f"{path}: mode {code}: bad or missing field: {exc}") from exc
            if DEFAULT_ROAD_KIND not in speeds:
                raise ValueError(f"{path}: mode {code}: road_m_per_min needs a {DEFAULT_ROAD_KIND!r} speed")
            if min(speeds.values()) <= 0 or mode.access_m_per_min <= 0 or mode.straight_m_per_min <= 0:
                raise ValueError(f"{path}: mode {code}: speeds must be positive")
            modes[code] = mode
        standards = {}
        for kind, row in data.get("coverage", {}).items():
            try:
                standards[kind] = Standard(row["mode"], float(row["minutes"]))
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}: coverage {kind}: bad or missing field: {exc}") from exc
            if standards[kind].mode not in modes:
                raise ValueError(f"{path}: coverage {kind}: unknown mode {standards[kind].mode!r}")
        try:
            detour = float(data["detour_factor"])
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"{path}: bad or missing detour_factor: {exc}") from exc
        staff_modes = {str(kind): str(mode) for kind, mode in data.get("staff_mode", {}).items()}
        unknown = sorted(set(staff_modes.values()) - set(modes))
        if unknown:
            raise ValueError(f"{path}: staff_mode: unknown modes {unknown}")
        return cls(modes, detour, standards, staff_modes)


@cache
def default_profile() -> TravelProfile:
    """The shipped travel profile (cached: it never changes while the program runs)."""
    return TravelProfile.load(resource_path("travel.toml"))
