"""A placement plan for one kind of resource on a street: where to add N units or move M of them.

Candidate sites are the places of today's units plus every micro-grid's representative point (536
on the demo street); demand is the street's households at the same micro-grid points, so the plan
and :mod:`cockpit.allocation.coverage` measure the same thing. The plan reports coverage before and
after, the sites added and the units moved away, and how the solver did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import numpy as np

from cockpit.allocation.coverage import CoverageKind, Demand, resource_places, share, units
from cockpit.allocation.placement import DEFAULT_TIME_LIMIT_S, Placement, PlacementProblem, solve
from cockpit.street.model import Street
from cockpit.travel.model import TravelModel


@dataclass(frozen=True, slots=True)
class Reach:
    """Households within the standard of their nearest open site, and the mean minutes to it.

    ``nearest_minutes``: per micro-grid of the demand (street order), minutes from its nearest open site.
    """

    households: int
    covered: int
    mean_minutes: float | None
    nearest_minutes: np.ndarray | None = None

    def as_json(self) -> dict:
        return {
            "households": self.households,
            "covered": self.covered,
            "share": share(self.covered, self.households, digits=4),
            "mean_minutes": None if self.mean_minutes is None else round(self.mean_minutes, 2),
        }


@dataclass(frozen=True)
class Plan:
    """The chosen sites of one kind, with the reach before and after and the solver's account."""

    street: str
    kind: CoverageKind
    minutes: float
    objective: str
    add: int
    move: int
    placement: Placement
    before: Reach
    after: Reach
    added: tuple[dict, ...]
    removed: tuple[dict, ...]

    def as_json(self) -> dict:
        p = self.placement
        return {
            "street": self.street,
            "kind": self.kind.code,
            "mode": self.kind.mode,
            "minutes": self.minutes,
            "objective": self.objective,
            "add": self.add,
            "move": self.move,
            "solver": {"method": p.method, "status": p.status, "gap": round(p.gap, 6),
                       "bound": round(p.bound, 4), "seconds": round(p.seconds, 3)},
            "before": self.before.as_json(),
            "after": self.after.as_json(),
            "added": list(self.added),
            "removed": list(self.removed),
        }


def plan(street: Street, travel: TravelModel, kind: CoverageKind, add: int = 0, move: int = 0,
         minutes: float | None = None, objective: str = "coverage", method: str = "auto",
         time_limit: float = DEFAULT_TIME_LIMIT_S, at: time | None = None) -> Plan:
    """Plan where ``add`` new units of ``kind`` go and which ``move`` units go elsewhere.

    Parameters
    ----------
    street, travel
        The street and how to travel on it.
    kind
        What to place (a station, a vehicle type or a catalogue item).
    add, move
        Units to add; existing units that may move.
    minutes
        The coverage standard (default: the kind's).
    objective
        ``coverage`` (most households within ``minutes``) or ``median`` (least mean minutes).
    method, time_limit
        ``auto``, ``exact`` or ``greedy`` (see :func:`cockpit.allocation.placement.solve`).
    at
        Count only today's units open at this wall-clock time.
    """
    minutes = kind.minutes if minutes is None else float(minutes)
    demand = Demand.of(street, travel)
    existing = units(street, kind, at)
    sites = np.vstack([resource_places(street, travel, existing).xy, demand.places.xy])
    matrix = travel.matrix(kind.mode, travel.places(sites), demand.places)
    is_existing = np.arange(len(sites)) < len(existing)
    problem = PlacementProblem(matrix, demand.households, is_existing, add, move, objective, minutes)
    placement = solve(problem, method, time_limit)
    new = np.flatnonzero(placement.open_sites & ~is_existing) - len(existing)
    gone = np.flatnonzero(~placement.open_sites & is_existing)
    lon, lat = street.projection.to_lonlat(sites[:, 0], sites[:, 1])
    micro_grids = street.micro_grids
    return Plan(
        street=street.id,
        kind=kind,
        minutes=minutes,
        objective=objective,
        add=add,
        move=move,
        placement=placement,
        before=_reach(matrix, is_existing, demand.households, minutes),
        after=_reach(matrix, placement.open_sites, demand.households, minutes),
        added=tuple(
            {"micro_grid": micro_grids[m].id, "name": micro_grids[m].name,
             "lon": round(float(lon[len(existing) + m]), 7), "lat": round(float(lat[len(existing) + m]), 7)}
            for m in new
        ),
        removed=tuple(
            {"resource": existing[r].id, "name": existing[r].name, "micro_grid": existing[r].micro_grid_id,
             "lon": existing[r].lon, "lat": existing[r].lat}
            for r in gone
        ),
    )


def _reach(matrix: np.ndarray, open_sites: np.ndarray, households: np.ndarray, minutes: float) -> Reach:
    nearest = matrix[open_sites].min(axis=0) if open_sites.any() else np.full(matrix.shape[1], np.inf)
    reached = np.isfinite(nearest)
    mean = float((households * nearest)[reached].sum() / households[reached].sum()) if reached.any() else None
    return Reach(int(households.sum()), int(households[nearest <= minutes].sum()), mean, nearest)
