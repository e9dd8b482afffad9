"""The twin's mutable records of cases, staff, sensors, resources and alarms.

The twin state owns these records and is the only code that changes them (by applying events);
everyone else reads them. Deadlines and overdue status are derived from the record and a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cockpit.street.model import Resource, Sensor, StaffMember
from cockpit.vocabulary.domain import (
    AlarmState,
    CaseStatus,
    OwnerLevel,
    ResourceKind,
    ResourceStatus,
    RiskLevel,
    Source,
    StaffStatus,
)
from cockpit.vocabulary.targets import RESPONSE_TARGET


@dataclass(frozen=True, slots=True)
class Transition:
    """One recorded step of a case: who did what, when, and why."""

    at: datetime
    event_type: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    actor: str
    reason: str


@dataclass(slots=True, eq=False)
class Case:
    """A case in the closed loop: where it is, who has it, its times and its full history."""

    id: str
    category: str
    source: Source
    lon: float
    lat: float
    micro_grid_id: str
    general_grid_id: str
    community_id: str
    reported_at: datetime
    risk: RiskLevel
    owner_level: OwnerLevel
    status: CaseStatus = CaseStatus.REPORTED
    description: str = ""
    reporter: str = ""
    alarm_id: str | None = None
    triaged_at: datetime | None = None
    dispatched_at: datetime | None = None
    accepted_at: datetime | None = None
    on_scene_at: datetime | None = None
    resolved_at: datetime | None = None
    feedback_at: datetime | None = None
    closed_at: datetime | None = None
    first_resolved_at: datetime | None = None
    reopened_at: datetime | None = None
    assignee: str | None = None
    eta_minutes: float | None = None
    escalations: int = 0
    satisfaction: int | None = None
    fixed: bool | None = None
    reopened: int = 0
    merged_into: str | None = None
    duplicates: list[str] = field(default_factory=list)
    repeats: int = 0
    response_overdue_marked: bool = False
    resolve_overdue_marked: bool = False
    history: list[Transition] = field(default_factory=list)

    @property
    def response_due(self) -> datetime:
        """First response (accepted) is due 2 h after the report."""
        return self.reported_at + RESPONSE_TARGET

    @property
    def resolve_due(self) -> datetime:
        """Resolution is due by the risk level's deadline after the report."""
        return self.reported_at + self.risk.resolve_within

    def overdue(self, now: datetime) -> bool:
        """Open past the resolve deadline, or resolved after it."""
        if self.resolved_at is not None and not self.status.open:
            return self.resolved_at > self.resolve_due
        return self.status.open and now > self.resolve_due

    def response_late(self, now: datetime) -> bool:
        """Not accepted within the response target (or accepted after it)."""
        if self.accepted_at is not None:
            return self.accepted_at > self.response_due
        return self.status.open and now > self.response_due

    def time_left(self, now: datetime) -> timedelta:
        """Time to the resolve deadline (negative once overdue)."""
        return self.resolve_due - now

    @property
    def awaiting_response(self) -> bool:
        """Open and not yet accepted: the 2 h response target is the deadline that matters now."""
        return self.status.open and self.accepted_at is None

    @property
    def next_due(self) -> datetime:
        """The deadline the case works to now: the response target until accepted, then resolution."""
        return self.response_due if self.awaiting_response else self.resolve_due

    def urgency(self, now: datetime) -> tuple[int, float]:
        """The queue's order, most urgent first: risk (red first), then seconds left to :attr:`next_due`."""
        return (self.risk.priority, (self.next_due - now).total_seconds())

    def next_due_fraction_used(self, now: datetime) -> float:
        """Share of the window to :attr:`next_due` already gone: 0 at report, 1 at that deadline."""
        window = (self.next_due - self.reported_at).total_seconds()
        return (now - self.reported_at).total_seconds() / window

    def deadline_fraction_used(self, now: datetime) -> float:
        """Share of the resolve window already gone: 0 at report, 1 at the deadline."""
        window = self.risk.resolve_within.total_seconds()
        return (now - self.reported_at).total_seconds() / window


@dataclass(slots=True, eq=False)
class StaffState:
    """A staff member's live state: status, position (lon/lat and metres) and assigned open cases."""

    member: StaffMember
    status: StaffStatus
    lon: float
    lat: float
    x: float
    y: float
    cases: set[str] = field(default_factory=set)
    last_seen: datetime | None = None

    @property
    def id(self) -> str:
        return self.member.id

    @property
    def workload(self) -> int:
        return len(self.cases)


@dataclass(slots=True, eq=False)
class SensorState:
    """A sensor's live state: last reading, when it was seen, and its active alarm if any."""

    sensor: Sensor
    last_values: dict[str, float] = field(default_factory=dict)
    last_seen: datetime | None = None
    last_seq: int | None = None
    readings: int = 0
    alarm_id: str | None = None
    flapping: set[str] = field(default_factory=set)
    """Ids of the rules on which the sensor is flapping now."""

    @property
    def id(self) -> str:
        return self.sensor.id

    def silent(self, now: datetime, factor: float = 3.0) -> bool:
        """True if not heard from for ``factor`` times its reporting interval (never heard: False)."""
        if self.last_seen is None:
            return False
        return (now - self.last_seen).total_seconds() > factor * self.sensor.interval_s


@dataclass(slots=True, eq=False)
class Assignment:
    """What one resource sent to one case: the item and units out on it (none for a bare vehicle)."""

    case_id: str
    dispatched_at: datetime
    item: str | None = None
    count: int = 0
    arrived_at: datetime | None = None
    eta_minutes: float | None = None


@dataclass(slots=True, eq=False)
class ResourceState:
    """A station's, vehicle's or cache's live state: stock on the shelf, what is out on cases, position.

    ``stock`` counts the units on the shelf by item; ``out`` the cases it has sent something to.
    ``capacity`` starts as the street's and grows when a restock brings more. ``low_alarms`` holds the
    active low-stock alarm of each item. A vehicle's position follows its tracker.
    """

    resource: Resource
    lon: float
    lat: float
    x: float
    y: float
    stock: dict[str, int] = field(default_factory=dict)
    capacity: dict[str, int] = field(default_factory=dict)
    out: dict[str, Assignment] = field(default_factory=dict)
    low_alarms: dict[str, str] = field(default_factory=dict)
    last_seen: datetime | None = None

    @property
    def id(self) -> str:
        return self.resource.id

    @property
    def status(self) -> ResourceStatus:
        """On scene if anything it sent has arrived, dispatched if something is on the way, else available."""
        if any(a.arrived_at is not None for a in self.out.values()):
            return ResourceStatus.ON_SCENE
        return ResourceStatus.DISPATCHED if self.out else ResourceStatus.AVAILABLE

    @property
    def free(self) -> bool:
        """A vehicle with no case; a station or cache always (its shelf says what it can still send)."""
        return self.resource.kind is not ResourceKind.VEHICLE or not self.out

    def units_out(self, item: str) -> int:
        """Units of ``item`` out on cases."""
        return sum(a.count for a in self.out.values() if a.item == item)

    def held(self, item: str) -> int:
        """Units of ``item`` it owns: on the shelf and out on cases (what it will hold when all return)."""
        return self.stock.get(item, 0) + self.units_out(item)


@dataclass(slots=True, eq=False)
class Alarm:
    """An alarm and its life cycle active → acknowledged → cleared, with repeats counted.

    An alarm may be *shelved* for a while (with a reason) and may belong to a *flood* of its
    community; either way it is not annunciated on its own (:attr:`annunciated`).
    """

    id: str
    alarm_kind: str
    risk: RiskLevel
    raised_at: datetime
    sensor_id: str | None = None
    rule_id: str | None = None
    case_id: str | None = None
    area_id: str | None = None
    detail: str = ""
    resource_id: str | None = None
    state: AlarmState = AlarmState.ACTIVE
    repeats: int = 0
    last_repeat_at: datetime | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    comment: str = ""
    cleared_at: datetime | None = None
    flood_id: str | None = None
    shelved_until: datetime | None = None
    shelved_by: str | None = None
    shelve_reason: str = ""

    @property
    def needs_attention(self) -> bool:
        """Raised and not yet acknowledged."""
        return self.state is AlarmState.ACTIVE

    @property
    def shelved(self) -> bool:
        return self.shelved_until is not None

    @property
    def annunciated(self) -> bool:
        """Waiting for acknowledgement on the banner: not shelved, and not one of a flood (the flood alarm speaks for it)."""
        return self.needs_attention and not self.shelved and self.flood_id is None
