"""The street a street-mode scenario runs in: its roster, where cases happen, and a start state.

Everything the engine needs of a street is gathered once per process into a :class:`StreetModel`
(plain arrays and small records, cheap to pickle), so that worker processes receive it from the
parent instead of generating the street again.

A street scenario copies the people of a street (``[staff] from = "demo"``) and changes the
headcount of a role in a community and shift (``[[staff.change]]``). Cases happen at points inside
micro-grids chosen in proportion to households (elderly emergencies and welfare checks in
proportion to elderly people living alone). A run can also start from a moment of the twin:
:func:`start_from_twin` copies its open cases and its staff positions into a :class:`SimStart`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

import numpy as np

from cockpit.dispatch import DEFAULT_SPEED_M_PER_MIN
from cockpit.vocabulary.domain import CaseStatus, RiskLevel, StaffKind, StaffStatus
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.scenario import StaffChange

if TYPE_CHECKING:
    from cockpit.street.model import Street

POINTS_PER_MICRO_GRID = 64
"""Case locations are drawn from this many fixed points spread over each micro-grid."""

ELDERLY_CATEGORIES = frozenset({"elderly_emergency", "welfare_check"})
"""Categories whose cases happen where elderly people live alone, not simply where households are."""


@dataclass(frozen=True, slots=True)
class Person:
    """One dispatchable person or department team of a street scenario's roster (metres, minutes)."""

    staff_id: str
    kind: StaffKind
    skills: frozenset[str]
    department: str | None
    shift_id: str
    x: float
    y: float
    general_grid: str | None
    community: str | None
    speed_m_per_min: float


class RosterError(ValueError):
    """A staffing change that cannot be applied; ``index`` is the change's position, ``field`` the key."""

    def __init__(self, index: int, field: str, reason: str) -> None:
        super().__init__(reason)
        self.index = index
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ShiftHours:
    """A daily shift in minutes of the local day; ``end`` before ``start`` runs past midnight."""

    id: str
    name: str
    start: int
    end: int

    def covers(self, minute: float) -> bool:
        """True if the shift covers ``minute`` of the day (any number of minutes; taken modulo a day)."""
        m = minute % 1440
        return self.start <= m < self.end if self.start < self.end else (m >= self.start or m < self.end)

    @property
    def label(self) -> str:
        """``HH:MM-HH:MM``."""
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


@dataclass(frozen=True)
class StreetModel:
    """What a street scenario needs of its street: roster, case locations, shifts and source mix.

    ``source_mix`` maps a category to (sensor share, proactive share) of its cases.
    """

    name: str
    roster: tuple["Person", ...]
    geometry: "StreetGeometry"
    shifts: tuple[ShiftHours, ...]
    source_mix: dict[str, tuple[float, float]]

    @property
    def shift_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.shifts)


_MODELS: dict[str, StreetModel] = {}


def street_model(name: str) -> StreetModel:
    """The :class:`StreetModel` of the street called ``name`` (built on first use in a process)."""
    if name not in _MODELS:
        from cockpit.demo_feed import PROACTIVE_SHARE, SENSOR_CATEGORY

        street = load_street(name)
        sensor_categories = {category for category, _, _ in SENSOR_CATEGORY.values()}
        mix = {}
        for category in {c.code for c in _categories()}:
            proactive = PROACTIVE_SHARE.get(category, 0.8)
            mix[category] = (proactive / 2 if category in sensor_categories else 0.0, proactive)
        _MODELS[name] = StreetModel(
            name=name,
            roster=street_roster(street),
            geometry=street_geometry(street),
            shifts=tuple(
                ShiftHours(s.id, s.name, s.start.hour * 60 + s.start.minute, s.end.hour * 60 + s.end.minute)
                for s in street.shifts
            ),
            source_mix=mix,
        )
    return _MODELS[name]


def street_models_for(scenarios: Iterable) -> dict[str, StreetModel]:
    """The street models the given scenarios run in (for handing to worker processes)."""
    return {s.street: street_model(s.street) for s in scenarios if s.street != "none"}


def install_street_models(models: dict[str, StreetModel]) -> None:
    """Make ``models`` this process's street models (a worker process's initializer)."""
    _MODELS.update(models)


def _categories():
    from cockpit.vocabulary.categories import default_categories

    return default_categories()


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


def _matches(person: Person, change: StaffChange) -> bool:
    return (
        person.kind is change.role
        and (change.community is None or person.community == change.community)
        and (change.grid is None or person.general_grid == change.grid)
    )


def apply_changes(
    roster: Iterable[Person], changes: Iterable[StaffChange], model: StreetModel, roles: Iterable[str] | None = None
) -> tuple[Person, ...]:
    """The roster after each change in turn, keeping only people of ``roles`` (all if None).

    A removal drops the matching people of that shift with the highest ids; an addition copies the
    first matching person of any shift (their skills, home and base) onto the shift, with a new id.

    Raises
    ------
    RosterError
        A change names an unknown shift, community or grid, removes more people than there are,
        or adds to a role nobody in that community holds.
    """
    people = list(roster)
    shifts = set(model.shift_ids)
    communities = set(model.geometry.community_ids)
    grids = set(model.geometry.grid_ids)
    for index, change in enumerate(changes):
        if change.shift not in shifts:
            raise RosterError(index, "shift", f"unknown shift {change.shift!r}; one of {sorted(shifts)}")
        if change.community is not None and change.community not in communities:
            raise RosterError(index, "community", f"no community {change.community!r} in the street")
        if change.grid is not None and change.grid not in grids:
            raise RosterError(index, "grid", f"no general grid {change.grid!r} in the street")
        on_shift = [p for p in people if _matches(p, change) and p.shift_id == change.shift]
        if change.delta < 0:
            if len(on_shift) < -change.delta:
                where = change.community or "the street"
                raise RosterError(
                    index,
                    "delta",
                    f"{where} has {len(on_shift)} {change.role.value} on the {change.shift} shift; cannot remove {-change.delta}",
                )
            gone = {p.staff_id for p in sorted(on_shift, key=lambda p: p.staff_id)[change.delta:]}
            people = [p for p in people if p.staff_id not in gone]
            continue
        template = next((p for p in people if _matches(p, change)), None)
        if template is None and change.delta > 0:
            where = change.community or "the street"
            raise RosterError(index, "role", f"nobody in {where} is a {change.role.value} to copy")
        taken = {p.staff_id for p in people}
        for k in range(change.delta):
            n = 1
            while f"{template.staff_id}+{change.shift}{n}" in taken:
                n += 1
            staff_id = f"{template.staff_id}+{change.shift}{n}"
            taken.add(staff_id)
            people.append(
                Person(
                    staff_id, template.kind, template.skills, template.department, change.shift,
                    template.x, template.y, template.general_grid, template.community, template.speed_m_per_min,
                )
            )
    if roles is not None:
        keep = set(roles)
        people = [p for p in people if p.kind.value in keep]
    people.sort(key=lambda p: p.staff_id)
    return tuple(people)


def staffing_table(roster: Iterable[Person]) -> Counter:
    """Headcount by ``(community, shift, role)``; department teams have community None."""
    return Counter((p.community, p.shift_id, p.kind.value) for p in roster)


@dataclass(frozen=True)
class StreetGeometry:
    """Where cases can happen: micro-grids with their weights and fixed points (metres).

    ``points_x``/``points_y`` have one row of :data:`POINTS_PER_MICRO_GRID` points per micro-grid;
    ``grid`` and ``community`` give each micro-grid's general grid and community as indices into
    ``grid_ids`` and ``community_ids``.
    """

    micro_ids: tuple[str, ...]
    grid_ids: tuple[str, ...]
    community_ids: tuple[str, ...]
    grid: np.ndarray
    community: np.ndarray
    households: np.ndarray
    elderly_alone: np.ndarray
    points_x: np.ndarray
    points_y: np.ndarray

    def weights(self, category: str | None) -> np.ndarray:
        """Probability of each micro-grid for a case of ``category``."""
        w = self.elderly_alone if category in ELDERLY_CATEGORIES and self.elderly_alone.sum() > 0 else self.households
        w = w.astype(float)
        return w / w.sum()


_GEOMETRY: dict[str, StreetGeometry] = {}


def street_geometry(street: "Street") -> StreetGeometry:
    """The case-location model of ``street`` (cached per street; its points come from a fixed seed)."""
    if street.id in _GEOMETRY:
        return _GEOMETRY[street.id]
    import shapely

    rng = np.random.default_rng(20240101)
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
    geometry = StreetGeometry(
        micro_ids=tuple(m.id for m in street.micro_grids),
        grid_ids=grid_ids,
        community_ids=community_ids,
        grid=np.array([grid_index[m.general_grid_id] for m in street.micro_grids]),
        community=np.array([community_index[m.community_id] for m in street.micro_grids]),
        households=np.array([m.households for m in street.micro_grids], dtype=float),
        elderly_alone=np.array([m.elderly_alone for m in street.micro_grids], dtype=float),
        points_x=px,
        points_y=py,
    )
    _GEOMETRY[street.id] = geometry
    return geometry


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A case still open at the start moment.

    ``stage`` is ``"waiting"`` (nobody assigned), ``"assigned"`` (dispatched or accepted, on the
    way) or ``"on_scene"``. Times are minutes relative to the start moment (so <= 0).
    """

    case_id: str
    category: str
    risk: str
    x: float
    y: float
    general_grid: str
    community: str
    reported_minutes: float
    stage: str
    assignee: str | None = None
    on_scene_minutes: float | None = None
    escalations: int = 0


@dataclass(frozen=True, slots=True)
class StaffStart:
    """A staff member's status and position (metres) at the start moment."""

    staff_id: str
    status: str
    x: float
    y: float


@dataclass(frozen=True)
class SimStart:
    """The state a run starts from: the moment, the open cases and every staff member's position."""

    at: dt.datetime
    cases: tuple[OpenCase, ...]
    staff: tuple[StaffStart, ...]

    @property
    def local_minutes(self) -> float:
        """Minutes from local (Asia/Shanghai) midnight of the start day to the start moment."""
        local = self.at.astimezone(LOCAL_TZ)
        return local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 60e6

    @property
    def local_date(self) -> dt.date:
        """The local (Asia/Shanghai) date of the start moment."""
        return self.at.astimezone(LOCAL_TZ).date()


_STAGE = {
    CaseStatus.REPORTED: "waiting",
    CaseStatus.TRIAGED: "waiting",
    CaseStatus.DISPATCHED: "assigned",
    CaseStatus.ACCEPTED: "assigned",
    CaseStatus.ON_SCENE: "on_scene",
}


def start_from_twin(twin) -> SimStart:
    """The open cases and staff of a :class:`cockpit.twin.TwinState` at ``twin.now``.

    A dispatched or accepted case is on its way with its assignee, an on-scene case is being
    handled; a reported or triaged case (or one whose assignee the twin does not know) waits.
    """
    if twin.now is None:
        raise ValueError("the twin has no time yet; apply a ClockTick first")
    now = twin.now
    projection = twin.street.projection
    cases = []
    for case in sorted(twin.open_cases(), key=lambda c: (c.reported_at, c.id)):
        x, y = projection.to_xy(case.lon, case.lat)
        stage = _STAGE.get(case.status, "waiting")
        assignee = case.assignee if case.assignee in twin.staff else None
        if assignee is None:
            stage = "waiting"
        on_scene = None
        if stage == "on_scene" and case.on_scene_at is not None:
            on_scene = (case.on_scene_at - now).total_seconds() / 60
        cases.append(
            OpenCase(
                case_id=case.id,
                category=case.category,
                risk=RiskLevel(case.risk).value,
                x=float(x),
                y=float(y),
                general_grid=case.general_grid_id,
                community=case.community_id,
                reported_minutes=(case.reported_at - now).total_seconds() / 60,
                stage=stage,
                assignee=assignee if stage != "waiting" else None,
                on_scene_minutes=on_scene,
                escalations=case.escalations,
            )
        )
    staff = tuple(
        StaffStart(s.id, StaffStatus(s.status).value, float(s.x), float(s.y))
        for s in sorted(twin.staff.values(), key=lambda s: s.id)
    )
    return SimStart(at=now, cases=tuple(cases), staff=staff)
