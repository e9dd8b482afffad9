"""Coverage: the share of a street's households within T minutes of the nearest resource of a kind.

Households are counted per micro-grid and stand at the micro-grid's representative point (a point
inside it; micro-grids are small enough that their people finish a task in them within hours). A
micro-grid is covered when the nearest resource of the kind is within the standard's minutes by the
kind's travel mode. Kinds are stations (residents walk to them), the vehicle types (from their base)
and the catalogue items (from every station or cache that holds stock of them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import numpy as np
import shapely

from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import ResourceKind
from cockpit.street.model import Resource, Street
from cockpit.travel.model import Places, TravelModel
from cockpit.travel.profile import TravelProfile

VEHICLE_TYPES = ("e_bike", "car")


@dataclass(frozen=True, slots=True)
class CoverageKind:
    """What is covered (``code``), by which travel ``mode``, within how many ``minutes`` by default."""

    code: str
    mode: str
    minutes: float

    def holds(self, resource: Resource) -> bool:
        """True if ``resource`` counts as a unit of this kind."""
        if self.code == ResourceKind.STATION.value:
            return resource.kind is ResourceKind.STATION
        if self.code in VEHICLE_TYPES:
            return resource.kind is ResourceKind.VEHICLE and resource.type == self.code
        # Vehicles move: item coverage is measured from the places that keep stock.
        return resource.kind is not ResourceKind.VEHICLE and resource.count(self.code) > 0


def coverage_kinds(profile: TravelProfile, categories: CategoryTable | None = None) -> dict[str, CoverageKind]:
    """Every kind by code: stations, then vehicle types, then catalogue items, with their standards."""
    categories = categories or default_categories()
    kinds = {code: CoverageKind(code, standard.mode, standard.minutes) for code, standard in profile.standards.items()}
    for item in categories.items.values():
        kinds[item.code] = CoverageKind(item.code, item.mode, item.minutes)
    for kind in kinds.values():
        profile.mode(kind.mode)
    return kinds


@dataclass(frozen=True, slots=True)
class Demand:
    """The households of a street by micro-grid, at each micro-grid's representative point (metres)."""

    micro_grid_ids: tuple[str, ...]
    households: np.ndarray
    places: Places

    @classmethod
    def of(cls, street: Street, travel: TravelModel) -> "Demand":
        points = shapely.point_on_surface(np.asarray([m.polygon for m in street.micro_grids], dtype=object))
        x, y = street.projection.to_xy(shapely.get_x(points), shapely.get_y(points))
        return cls(
            tuple(m.id for m in street.micro_grids),
            np.array([m.households for m in street.micro_grids], dtype=np.int64),
            travel.places(np.column_stack([x, y])),
        )


@dataclass(frozen=True, slots=True)
class Coverage:
    """Coverage of one kind: households reached within ``minutes`` and the micro-grids that are not.

    ``nearest_minutes`` and ``nearest`` give, per micro-grid (street order), the minutes from the
    nearest unit and its resource id (inf and None where no unit can reach it).
    """

    kind: str
    mode: str
    minutes: float
    households: int
    covered: int
    uncovered_micro_grids: tuple[str, ...]
    nearest_minutes: np.ndarray
    nearest: tuple[str | None, ...]

    @property
    def share(self) -> float | None:
        return share(self.covered, self.households)

    def as_json(self) -> dict:
        """The command line's object: exactly kind, minutes, households, covered, share, uncovered_micro_grids."""
        return {
            "kind": self.kind,
            "minutes": self.minutes,
            "households": self.households,
            "covered": self.covered,
            "share": share(self.covered, self.households, digits=4),
            "uncovered_micro_grids": list(self.uncovered_micro_grids),
        }


def share(covered: int, households: int, digits: int | None = None) -> float | None:
    """Covered households over all (None without households), rounded to ``digits`` when given."""
    if not households:
        return None
    value = covered / households
    return value if digits is None else round(value, digits)


def units(street: Street, kind: CoverageKind, at: time | None = None) -> list[Resource]:
    """The resources that count for ``kind``, only those open at ``at`` when given."""
    return [r for r in street.resources if kind.holds(r) and (at is None or r.is_open(at))]


def resource_places(street: Street, travel: TravelModel, resources: list[Resource]) -> Places:
    """Where ``resources`` stand, prepared for ``travel``."""
    lon = np.array([r.lon for r in resources], dtype=float)
    lat = np.array([r.lat for r in resources], dtype=float)
    x, y = street.projection.to_xy(lon, lat)
    return travel.places(np.column_stack([x, y]))


def coverage(street: Street, travel: TravelModel, kind: CoverageKind, minutes: float | None = None,
             at: time | None = None, demand: Demand | None = None) -> Coverage:
    """Coverage of ``kind`` within ``minutes`` (default: the kind's standard).

    Parameters
    ----------
    street, travel
        The street and how to travel on it (road or straight line).
    kind
        What to cover, from :func:`coverage_kinds`.
    minutes
        The time limit; the kind's standard when None.
    at
        Count only stations and caches open at this wall-clock time (None: all).
    demand
        The street's households, when the caller reuses them across kinds.
    """
    minutes = kind.minutes if minutes is None else float(minutes)
    demand = demand or Demand.of(street, travel)
    resources = units(street, kind, at)
    nearest_minutes, index = travel.nearest(kind.mode, resource_places(street, travel, resources), demand.places)
    covered = nearest_minutes <= minutes
    return Coverage(
        kind=kind.code,
        mode=kind.mode,
        minutes=minutes,
        households=int(demand.households.sum()),
        covered=int(demand.households[covered].sum()),
        uncovered_micro_grids=tuple(m for m, ok in zip(demand.micro_grid_ids, covered) if not ok),
        nearest_minutes=nearest_minutes,
        nearest=tuple(resources[i].id if i >= 0 else None for i in index),
    )
