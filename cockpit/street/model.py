"""The static street: its grid hierarchy, places, sensors, staff and shifts.

A street (街道) holds communities (社区); each community holds general grids (一般网格) of 300-500
households with one full-time grid worker; each general grid holds 4-10 micro-grids (微网格) of 30-100
households with a micro-grid head. Dedicated grids (专属网格: markets, schools, rivers...) overlay them.
Resources (stations, vehicles, emergency caches) are placed in micro-grids and hold stock of items.
Geometry is in WGS84 longitude/latitude; :class:`Projection` gives metres for distances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from typing import Iterable

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from cockpit.vocabulary.domain import Department, ResourceKind, SensorKind, StaffKind


class Projection:
    """Converts between WGS84 lon/lat and a metric projection (a UTM zone) for distances in metres."""

    def __init__(self, epsg: int) -> None:
        self.epsg = epsg
        self._forward = Transformer.from_crs(4326, epsg, always_xy=True)
        self._inverse = Transformer.from_crs(epsg, 4326, always_xy=True)

    def to_xy(self, lon, lat):
        """Metres (x, y) of lon/lat; scalars or numpy arrays."""
        return self._forward.transform(lon, lat)

    def to_lonlat(self, x, y):
        """Lon/lat of metric (x, y); scalars or numpy arrays."""
        return self._inverse.transform(x, y)

    def geometry_to_xy(self, geometry: BaseGeometry) -> BaseGeometry:
        """The same geometry in metres."""
        return shapely.transform(geometry, lambda c: np.column_stack(self.to_xy(c[:, 0], c[:, 1])))


@dataclass(frozen=True, slots=True)
class Community:
    """A community (社区/村) and its aggregate population."""

    id: str
    name: str
    name_en: str
    polygon: BaseGeometry
    households: int
    residents: int


@dataclass(frozen=True, slots=True)
class GeneralGrid:
    """A general grid (一般网格): 300-500 households, one full-time grid worker."""

    id: str
    community_id: str
    name: str
    polygon: BaseGeometry
    households: int
    residents: int


@dataclass(frozen=True, slots=True)
class MicroGrid:
    """A micro-grid (微网格): 30-100 households, a micro-grid head; counts of special-care residents."""

    id: str
    general_grid_id: str
    community_id: str
    name: str
    polygon: BaseGeometry
    households: int
    residents: int
    elderly_alone: int
    disabled: int
    children_left_behind: int


@dataclass(frozen=True, slots=True)
class DedicatedGrid:
    """A dedicated grid (专属网格) overlaying the hierarchy: a market, school, river, street front...

    ``kind`` is one of market, school, hospital, office_tower, park, river, street_front.
    """

    id: str
    kind: str
    name: str
    polygon: BaseGeometry
    community_id: str | None


@dataclass(frozen=True, slots=True)
class Road:
    """A road centre line; ``kind`` is arterial, secondary or local."""

    id: str
    name: str
    kind: str
    line: BaseGeometry


@dataclass(frozen=True, slots=True)
class Sensor:
    """An IoT device, placed by location in a micro-grid.

    ``interval_s`` is how often it reports when healthy (no-signal rules use it);
    ``elderly_alone`` marks bracelets and water meters in homes of elderly people living alone.
    """

    id: str
    kind: SensorKind
    lon: float
    lat: float
    micro_grid_id: str
    interval_s: int
    elderly_alone: bool = False
    label: str = ""


@dataclass(frozen=True, slots=True)
class Shift:
    """A duty shift; ``end`` before ``start`` means it runs past midnight."""

    id: str
    name: str
    start: time
    end: time

    def covers(self, at: time) -> bool:
        """True if the wall-clock time ``at`` falls in this shift."""
        if self.start <= self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end


@dataclass(frozen=True, slots=True)
class StaffMember:
    """Somebody the centre can dispatch, with home area, skills and shift.

    Department teams (``kind`` DEPARTMENT) carry their ``department``; their home is the street.
    ``lon``/``lat`` is where they start a shift (their base).
    """

    id: str
    name: str
    kind: StaffKind
    skills: frozenset[str]
    shift_id: str
    lon: float
    lat: float
    home_community_id: str | None = None
    home_general_grid_id: str | None = None
    home_micro_grid_id: str | None = None
    department: Department | None = None


@dataclass(frozen=True, slots=True)
class Stock:
    """How many units of one catalogue item (``resources/categories.toml``) a resource holds, of how many."""

    item: str
    count: int
    capacity: int


@dataclass(frozen=True, slots=True)
class Resource:
    """A station, vehicle or emergency cache, placed in a micro-grid, with its stock per item.

    ``type`` refines the kind: stations ``party_mass_centre`` (the street's 党群服务中心),
    ``party_mass_station`` (a community's 党群服务站) or ``grid_station`` (网格工作站); vehicles
    ``e_bike`` or ``car``; caches the place that hosts them (``station``, ``school``, ``market``,
    ``hospital``, ``office_tower``, ``park``, ``street_front``, ``residential``).
    ``hours`` are the daily opening hours (empty: round the clock); ``staff`` the people on duty at
    a station; ``base_id`` the station a vehicle or cache belongs to.
    """

    id: str
    kind: ResourceKind
    type: str
    name: str
    lon: float
    lat: float
    micro_grid_id: str
    stock: tuple[Stock, ...] = ()
    staff: int = 0
    hours: tuple[tuple[time, time], ...] = ()
    base_id: str | None = None

    def count(self, item: str) -> int:
        """Units of ``item`` held (0 if the resource does not stock it)."""
        return next((s.count for s in self.stock if s.item == item), 0)

    def is_open(self, at: time) -> bool:
        """True if the wall-clock time ``at`` falls in the opening hours (always, without hours)."""
        return not self.hours or any(start <= at < end for start, end in self.hours)


@dataclass(slots=True)
class Street:
    """A whole street: every area, road, sensor, staff member, shift and resource, with lookups by id."""

    id: str
    name: str
    name_en: str
    city: str
    projection: Projection
    boundary: BaseGeometry
    communities: tuple[Community, ...]
    general_grids: tuple[GeneralGrid, ...]
    micro_grids: tuple[MicroGrid, ...]
    dedicated_grids: tuple[DedicatedGrid, ...]
    roads: tuple[Road, ...]
    sensors: tuple[Sensor, ...]
    staff: tuple[StaffMember, ...]
    shifts: tuple[Shift, ...]
    seed: int | None = None
    resources: tuple[Resource, ...] = ()
    # Not an argument: dataclasses.replace() would hand the copy this very dict to fill in.
    _index: dict[str, dict[str, object]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in (
            "communities", "general_grids", "micro_grids", "dedicated_grids", "sensors", "staff", "shifts", "resources"
        ):
            items: Iterable = getattr(self, name)
            index = {item.id: item for item in items}
            if len(index) != len(getattr(self, name)):
                raise ValueError(f"street {self.id}: duplicate ids in {name}")
            self._index[name] = index

    def community(self, id: str) -> Community:
        return self._index["communities"][id]  # type: ignore[return-value]

    def general_grid(self, id: str) -> GeneralGrid:
        return self._index["general_grids"][id]  # type: ignore[return-value]

    def micro_grid(self, id: str) -> MicroGrid:
        return self._index["micro_grids"][id]  # type: ignore[return-value]

    def dedicated_grid(self, id: str) -> DedicatedGrid:
        return self._index["dedicated_grids"][id]  # type: ignore[return-value]

    def sensor(self, id: str) -> Sensor:
        return self._index["sensors"][id]  # type: ignore[return-value]

    def staff_member(self, id: str) -> StaffMember:
        return self._index["staff"][id]  # type: ignore[return-value]

    def shift(self, id: str) -> Shift:
        return self._index["shifts"][id]  # type: ignore[return-value]

    def resource(self, id: str) -> Resource:
        return self._index["resources"][id]  # type: ignore[return-value]

    def has(self, kind: str, id: str) -> bool:
        """True if ``id`` names an item of ``kind`` (e.g. "sensors", "micro_grids")."""
        return id in self._index[kind]

    @property
    def households(self) -> int:
        return sum(m.households for m in self.micro_grids)

    @property
    def residents(self) -> int:
        return sum(m.residents for m in self.micro_grids)
