"""The street a street-mode scenario runs in: its roster, its shifts, where cases happen and the trips.

Everything the engine needs of a street is gathered once per process into a :class:`StreetModel`
(plain arrays and small records, cheap to pickle), so that worker processes receive it from the
parent instead of generating the street again. Cases happen at fixed points inside micro-grids,
chosen where the demand model says the category's cases happen (households, or elderly people
living alone: :meth:`cockpit.demand.DemandModel.place_weights`). The case points and the staff
bases are the street's *places*; trips between them are prepared once (:mod:`simulation.trips`):
by road on the street's road layer, or on the straight line where it has none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

import numpy as np

from cockpit.demand import default_demand
from cockpit.dispatch import DEFAULT_SPEED_M_PER_MIN
from cockpit.travel.profile import default_profile
from simulation.items import StreetItems, street_items
from simulation.model import Person
from simulation.shifts import MINUTES_PER_HOUR, Shift
from simulation.trips import RoadTrips, StraightTrips

if TYPE_CHECKING:
    from cockpit.street.model import Street

POINTS_PER_MICRO_GRID = 64
"""Case locations are drawn from this many fixed points spread over each micro-grid."""

_POINTS_SEED = 20240101
"""The points are the same in every process and run: they are part of the street, not of a replication."""


@dataclass(frozen=True)
class StreetGeometry:
    """Where cases can happen: micro-grids with their weights per category and fixed points.

    ``points_x``/``points_y`` (metres) and ``points_lon``/``points_lat`` have one row of
    :data:`POINTS_PER_MICRO_GRID` points per micro-grid; ``grid`` and ``community`` give each
    micro-grid's general grid and community as indices into ``grid_ids`` and ``community_ids``.
    """

    micro_ids: tuple[str, ...]
    grid_ids: tuple[str, ...]
    community_ids: tuple[str, ...]
    grid: np.ndarray
    community: np.ndarray
    households: np.ndarray
    points_x: np.ndarray
    points_y: np.ndarray
    points_lon: np.ndarray
    points_lat: np.ndarray
    place_weights: dict[str, np.ndarray]

    def weights(self, category: str | None) -> np.ndarray:
        """Probability of each micro-grid for a case of ``category`` (households for an unknown one)."""
        if category in self.place_weights:
            return self.place_weights[category]
        return self.households / self.households.sum()


@dataclass(frozen=True)
class StreetModel:
    """What a street scenario needs of its street: its roster, shifts, case locations and trips.

    Places are numbered case points first (micro-grid ``m``'s point ``k`` is ``m *``
    :data:`POINTS_PER_MICRO_GRID` ``+ k``), then the staff bases (each person's ``base``).
    ``roads`` is None for a street without a road layer; ``straight`` always answers. ``items`` (its
    stations' and caches' stock and its travel model) is there once a scenario with ``[resources]``
    asked for it.
    """

    name: str
    roster: tuple[Person, ...]
    geometry: StreetGeometry
    shifts: tuple[Shift, ...]
    straight: StraightTrips
    roads: RoadTrips | None
    modes: tuple[str, ...]
    """Travel modes of the road table, in order (``TravelProfile.mode_of`` each staff kind)."""
    items: StreetItems | None = None


_MODELS: dict[str, StreetModel] = {}


def street_model(name: str, items: bool = False) -> StreetModel:
    """The :class:`StreetModel` of the street called ``name`` (built on first use in a process).

    ``items``: make sure it holds the street's :class:`~simulation.items.StreetItems`.
    """
    if items and (name not in _MODELS or _MODELS[name].items is None):
        _MODELS[name] = replace(street_model(name), items=street_items(load_street(name)))
    if name not in _MODELS:
        _MODELS[name] = build_street_model(load_street(name), name)
    return _MODELS[name]


def build_street_model(street: "Street", name: str | None = None) -> StreetModel:
    """Gather what the engine needs of ``street`` (its roster, places and trips)."""
    geometry = street_geometry(street)
    roster = street_roster(street)
    points = np.column_stack((geometry.points_x.ravel(), geometry.points_y.ravel()))
    first_base = len(points)
    bases = np.array([(p.x, p.y) for p in roster], dtype=float).reshape(-1, 2)
    roster = tuple(replace(p, base=first_base + k) for k, p in enumerate(roster))
    xy = np.vstack((points, bases))
    profile = default_profile()
    modes = tuple(sorted({profile.mode_of(p.kind.value) for p in roster}))
    roads = None
    if street.roads:
        from cockpit.travel.model import RoadTravel

        roads = RoadTrips.build(RoadTravel.from_street(street, profile), xy, modes)
    return StreetModel(
        name=name or street.id,
        roster=roster,
        geometry=geometry,
        shifts=tuple(
            Shift(s.id, s.start.hour * MINUTES_PER_HOUR + s.start.minute,
                  s.end.hour * MINUTES_PER_HOUR + s.end.minute, s.name)
            for s in street.shifts
        ),
        straight=StraightTrips.build(xy),
        roads=roads,
        modes=modes,
    )


def street_models_for(scenarios: Iterable) -> dict[str, StreetModel]:
    """The street models the given scenarios run in (for handing to worker processes)."""
    scenarios = [s for s in scenarios if s.street != "none"]
    return {s.street: street_model(s.street, items=any(o.street == s.street and o.resources is not None
                                                       for o in scenarios))
            for s in scenarios}


def install_street_models(models: dict[str, StreetModel]) -> None:
    """Make ``models`` this process's street models (a worker process's initializer)."""
    _MODELS.update(models)


_STORED: dict[str, "Street"] = {}
"""Streets loaded from a database by :func:`street_for`, by id."""


def street_for(street_id: str, db_url: str | None = None) -> "Street":
    """The Street a scenario uses when it names ``street_id``: the demo street for ``"demo"``, else the
    street stored under that id in ``db_url`` (loaded once per process and kept for :func:`load_street`).

    Raises
    ------
    cockpit.onboard.catalog.UnknownStreet
        The database holds no street with that id.
    cockpit.storage.StorageError
        The database cannot be opened.
    """
    if street_id == "demo":
        return load_street("demo")
    if street_id not in _STORED:
        from cockpit.onboard.catalog import load_stored_street

        _STORED[street_id] = load_stored_street(db_url, street_id)
    return _STORED[street_id]


def street_names() -> tuple[str, ...]:
    """The street names a scenario may give: ``"demo"`` and every street loaded by :func:`street_for`."""
    return ("demo", *_STORED)


def load_street(name: str) -> "Street":
    """The street a scenario names: ``"demo"`` or one loaded by :func:`street_for`."""
    if name in _STORED:
        return _STORED[name]
    if name != "demo":
        raise ValueError(f"unknown street {name!r}")
    from cockpit.street.demo import load_demo_street

    return load_demo_street()


_ROSTERS: dict[str, tuple[Person, ...]] = {}


def street_roster(street: "Street") -> tuple[Person, ...]:
    """Every staff member of ``street`` as a :class:`Person`, in id order (cached per street)."""
    if street.id not in _ROSTERS:
        people = []
        for member in sorted(street.staff, key=lambda m: m.id):
            x, y = street.projection.to_xy(member.lon, member.lat)
            people.append(
                Person(
                    staff_id=member.id,
                    kind=member.kind,
                    skills=member.skills,
                    department=member.department.value if member.department else None,
                    shift_id=member.shift_id,
                    x=float(x),
                    y=float(y),
                    general_grid=member.home_general_grid_id,
                    community=member.home_community_id,
                    speed_m_per_min=DEFAULT_SPEED_M_PER_MIN[member.kind],
                )
            )
        _ROSTERS[street.id] = tuple(people)
    return _ROSTERS[street.id]


_GEOMETRY: dict[str, StreetGeometry] = {}


def street_geometry(street: "Street") -> StreetGeometry:
    """The case-location model of ``street`` (cached per street; its points come from a fixed seed)."""
    if street.id in _GEOMETRY:
        return _GEOMETRY[street.id]
    import shapely

    rng = np.random.default_rng(_POINTS_SEED)
    grid_ids = tuple(g.id for g in street.general_grids)
    community_ids = tuple(c.id for c in street.communities)
    grid_index = {g: k for k, g in enumerate(grid_ids)}
    community_index = {c: k for k, c in enumerate(community_ids)}
    n = len(street.micro_grids)
    px = np.empty((n, POINTS_PER_MICRO_GRID))
    py = np.empty((n, POINTS_PER_MICRO_GRID))
    for m, micro in enumerate(street.micro_grids):
        polygon = street.projection.geometry_to_xy(micro.polygon)
        x0, y0, x1, y1 = polygon.bounds
        got_x: list[np.ndarray] = []
        got_y: list[np.ndarray] = []
        count = 0
        while count < POINTS_PER_MICRO_GRID:
            x = rng.uniform(x0, x1, 4 * POINTS_PER_MICRO_GRID)
            y = rng.uniform(y0, y1, 4 * POINTS_PER_MICRO_GRID)
            inside = shapely.contains_xy(polygon, x, y)
            got_x.append(x[inside])
            got_y.append(y[inside])
            count += int(inside.sum())
        px[m] = np.concatenate(got_x)[:POINTS_PER_MICRO_GRID]
        py[m] = np.concatenate(got_y)[:POINTS_PER_MICRO_GRID]
    lon, lat = street.projection.to_lonlat(px.ravel(), py.ravel())
    demand = default_demand()
    geometry = StreetGeometry(
        micro_ids=tuple(m.id for m in street.micro_grids),
        grid_ids=grid_ids,
        community_ids=community_ids,
        grid=np.array([grid_index[m.general_grid_id] for m in street.micro_grids]),
        community=np.array([community_index[m.community_id] for m in street.micro_grids]),
        households=np.array([m.households for m in street.micro_grids], dtype=float),
        points_x=px,
        points_y=py,
        points_lon=np.asarray(lon).reshape(px.shape),
        points_lat=np.asarray(lat).reshape(py.shape),
        place_weights={code: demand.place_weights(code, street.micro_grids) for code in demand.codes},
    )
    _GEOMETRY[street.id] = geometry
    return geometry
