"""The ground a street scenario runs on: its people, their shifts, where cases happen and the trips.

Two kinds of street share one engine (:mod:`simulation.street_engine`):

- a street with a map (the demo street or one stored with ``cockpit street import``): its roster,
  cases at fixed points of its micro-grids, trips by road (or straight line);
- a street known only from its incident log (``street = "log"``, what ``cockpit sim calibrate``
  writes): its general grids and communities (``[[places]]``), its people by community, shift and
  role (``[[staff.group]]``), and trips drawn from the stage table.

:func:`ground_of` builds either from a scenario, with the scenario's staffing changes applied.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.model import Person, ScenarioError
from simulation.shifts import Shift
from simulation.staffing import RosterError, apply_changes, group_roster
from simulation.street import POINTS_PER_MICRO_GRID, street_model
from simulation.trips import RoadTrips, StraightTrips


@dataclass(frozen=True, eq=False)
class Ground:
    """People, shifts, places and trips of one street scenario.

    Cases happen in *units*: micro-grids of a street with a map (each with
    ``points`` fixed points, places ``unit * points + k``), general grids of a street known from its
    log (``points`` 0: no places, trips are drawn). ``unit_grid`` and ``unit_community`` index
    ``grid_ids`` and ``community_ids``; ``place_lon``/``place_lat`` give each point's position (a
    log's: each unit's mean position).
    """

    roster: tuple[Person, ...]
    shifts: dict[str, Shift]
    unit_ids: tuple[str, ...]
    micro: bool
    unit_grid: np.ndarray
    unit_community: np.ndarray
    grid_ids: tuple[str, ...]
    community_ids: tuple[str, ...]
    points: int
    place_lon: np.ndarray
    place_lat: np.ndarray
    weights: dict[str, np.ndarray]
    base_weights: np.ndarray
    modes: tuple[str, ...]
    roads: RoadTrips | None
    straight: StraightTrips | None

    def weights_of(self, category: str) -> np.ndarray:
        """Probability of each unit for a case of ``category``."""
        return self.weights.get(category, self.base_weights)


_GROUNDS: dict[tuple, Ground] = {}


def ground_of(scenario) -> Ground:
    """The ground of a street scenario, its staffing changes applied (cached per scenario content).

    Raises
    ------
    ScenarioError
        A staffing change cannot be applied (the key names the change).
    """
    places = scenario.places
    where = None if places is None else (places.grid_ids, places.community_ids, places.base.tobytes())
    key = (scenario.street, scenario.travel, scenario.staff_changes, scenario.staff_roles, scenario.staff, where)
    if key not in _GROUNDS:
        if len(_GROUNDS) > 64:
            _GROUNDS.clear()
        _GROUNDS[key] = _log_ground(scenario) if scenario.street == "log" else _map_ground(scenario)
    return _GROUNDS[key]


def _changed(roster, scenario, shifts, communities, grids) -> tuple[Person, ...]:
    try:
        people = apply_changes(roster, scenario.staff_changes, shifts, communities, grids, scenario.staff_roles)
    except RosterError as exc:
        raise ScenarioError(f"staff.change[{exc.index}].{exc.field}", exc.reason) from None
    if not people:
        raise ScenarioError("staff", "nobody is left to take cases")
    return people


def _map_ground(scenario) -> Ground:
    model = street_model(scenario.street)
    geo = model.geometry
    shifts = {s.id: s for s in model.shifts}
    roster = _changed(model.roster, scenario, shifts, geo.community_ids, geo.grid_ids)
    households = geo.households / geo.households.sum()
    return Ground(
        roster=roster,
        shifts=shifts,
        unit_ids=geo.micro_ids,
        micro=True,
        unit_grid=geo.grid,
        unit_community=geo.community,
        grid_ids=geo.grid_ids,
        community_ids=geo.community_ids,
        points=POINTS_PER_MICRO_GRID,
        place_lon=geo.points_lon.ravel(),
        place_lat=geo.points_lat.ravel(),
        weights=dict(geo.place_weights),
        base_weights=households,
        modes=model.modes,
        roads=model.roads if scenario.travel == "road" else None,
        straight=model.straight,
    )


def _log_ground(scenario) -> Ground:
    places = scenario.places
    shifts = dict(scenario.shifts)
    people = group_roster(scenario.staff)
    roster = _changed(people, scenario, shifts, places.community_ids, places.grid_ids)
    return Ground(
        roster=roster,
        shifts=shifts,
        unit_ids=places.grid_ids,
        micro=False,
        unit_grid=np.arange(len(places.grid_ids)),
        unit_community=places.community,
        grid_ids=places.grid_ids,
        community_ids=places.community_ids,
        points=0,
        place_lon=places.lon,
        place_lat=places.lat,
        weights=dict(places.weights),
        base_weights=places.base,
        modes=(),
        roads=None,
        straight=None,
    )
