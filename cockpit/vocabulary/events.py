"""Typed, timestamped, immutable events: everything that happens in the street.

Live MQTT, replay and the simulator all publish these same records, and the twin state is a fold of
them (DESIGN.md 2.1). Each event is one fact; ``at`` is a timezone-aware UTC datetime. Events are
serialised to plain dicts tagged with their type name for the event log and for worker processes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from typing import Any, ClassVar, Mapping

import msgspec

from cockpit.vocabulary.domain import (
    CaseStatus,
    OwnerLevel,
    RiskLevel,
    Source,
    StaffStatus,
)


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every event: the moment it happened (UTC, timezone-aware)."""

    at: datetime

    kind: ClassVar[str] = "event"


# ---------------------------------------------------------------- cases


@dataclass(frozen=True, slots=True)
class CaseReported(Event):
    """A case enters the loop (发现/上报). ``risk`` is the reporter's or rule's proposal, if any."""

    case_id: str
    category: str
    source: Source
    lon: float
    lat: float
    micro_grid_id: str
    general_grid_id: str
    community_id: str
    risk: RiskLevel | None = None
    description: str = ""
    reporter: str = ""
    alarm_id: str | None = None

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseTriaged(Event):
    """Triage (研判) sets the category, risk level and owning level."""

    case_id: str
    category: str
    risk: RiskLevel
    owner_level: OwnerLevel
    actor: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseDispatched(Event):
    """The case is assigned (分拨) to a person or a department team; a re-dispatch needs a reason."""

    case_id: str
    assignee: str
    actor: str = ""
    eta_minutes: float | None = None
    reason: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseAccepted(Event):
    """The assignee accepts: the first response; response time ends here."""

    case_id: str
    actor: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseOnScene(Event):
    """The assignee arrives on scene (处置)."""

    case_id: str
    actor: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseResolved(Event):
    """The assignee reports the case handled."""

    case_id: str
    actor: str = ""
    note: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseFeedback(Event):
    """The resident's evaluation (评价): a rating 1-5 and whether it is fixed."""

    case_id: str
    rating: int
    fixed: bool = True
    actor: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseClosed(Event):
    """The loop closes; closing without feedback needs a reason."""

    case_id: str
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseEscalated(Event):
    """The owning level goes up one step (grid → community → street); ``automatic`` when overdue."""

    case_id: str
    to_level: OwnerLevel
    actor: str = ""
    reason: str = ""
    automatic: bool = False

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseMerged(Event):
    """The case is a duplicate of ``into_case_id`` and leaves the loop."""

    case_id: str
    into_case_id: str
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseReopened(Event):
    """Feedback says it is not fixed: the case goes back to triage."""

    case_id: str
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseRejected(Event):
    """Not a case (不予受理); leaves the loop with a reason."""

    case_id: str
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "case"


@dataclass(frozen=True, slots=True)
class CaseOverdue(Event):
    """A deadline passed: ``deadline`` is "response" (not accepted in 2 h) or "resolve"."""

    case_id: str
    deadline: str

    kind: ClassVar[str] = "case"


# ---------------------------------------------------------------- sensors and alarms


@dataclass(frozen=True, slots=True)
class SensorReading(Event):
    """One reading of an IoT device: named values (e.g. {"smoke": 1.0} or {"tilt_deg": 3.2})."""

    sensor_id: str
    seq: int
    values: Mapping[str, float] = field(default_factory=dict)

    kind: ClassVar[str] = "sensor"


@dataclass(frozen=True, slots=True)
class SensorFlapping(Event):
    """A sensor's rule started (``flapping``) or stopped going on and off within its flap window."""

    sensor_id: str
    rule_id: str
    flapping: bool

    kind: ClassVar[str] = "sensor"


@dataclass(frozen=True, slots=True)
class AlarmRaised(Event):
    """An alarm starts. ``alarm_kind``: "sensor", "red_case", "overdue", "area", "flood" or "low_stock".

    A sensor alarm names its sensor and rule; the case it opened or joined is ``case_id``. An alarm
    raised during a flood in its community names the flood alarm (``flood_id``), which annunciates it.
    A low-stock alarm names the station or cache (``resource_id``), its micro-grid (``area_id``) and
    the item (``detail``).
    """

    alarm_id: str
    alarm_kind: str
    risk: RiskLevel
    sensor_id: str | None = None
    rule_id: str | None = None
    case_id: str | None = None
    area_id: str | None = None
    detail: str = ""
    flood_id: str | None = None
    resource_id: str | None = None

    kind: ClassVar[str] = "alarm"


@dataclass(frozen=True, slots=True)
class AlarmRepeated(Event):
    """An active alarm fired again; it counts the repeat instead of opening a new case."""

    alarm_id: str

    kind: ClassVar[str] = "alarm"


@dataclass(frozen=True, slots=True)
class AlarmAcknowledged(Event):
    """An operator acknowledged the alarm (the banner may go), with an optional comment.

    Acknowledging a flood alarm acknowledges the alarms of the flood too.
    """

    alarm_id: str
    actor: str = ""
    comment: str = ""

    kind: ClassVar[str] = "alarm"


@dataclass(frozen=True, slots=True)
class AlarmShelved(Event):
    """An operator shelved the alarm until ``until``, with a reason: it is not annunciated meanwhile."""

    alarm_id: str
    until: datetime
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "alarm"


@dataclass(frozen=True, slots=True)
class AlarmUnshelved(Event):
    """The alarm is back on the banner if still unacknowledged: shelving expired or was undone."""

    alarm_id: str
    actor: str = ""
    reason: str = ""

    kind: ClassVar[str] = "alarm"


@dataclass(frozen=True, slots=True)
class AlarmCleared(Event):
    """The condition behind the alarm is gone."""

    alarm_id: str
    reason: str = ""

    kind: ClassVar[str] = "alarm"


# ---------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class ResourceDispatched(Event):
    """A vehicle, or ``count`` units of ``item`` from a station or cache, is sent to a case.

    The units leave the shelf (they are out on the case until returned or used up); a vehicle
    serves one case at a time. ``eta_minutes`` is the estimated travel to the case by road.
    """

    resource_id: str
    case_id: str
    item: str | None = None
    count: int = 1
    actor: str = ""
    eta_minutes: float | None = None

    kind: ClassVar[str] = "resource"


@dataclass(frozen=True, slots=True)
class ResourceArrived(Event):
    """What was sent to the case is there."""

    resource_id: str
    case_id: str
    actor: str = ""

    kind: ClassVar[str] = "resource"


@dataclass(frozen=True, slots=True)
class ResourceReturned(Event):
    """What was sent to the case is back: a vehicle is free, the units not used up are on the shelf."""

    resource_id: str
    case_id: str
    actor: str = ""

    kind: ClassVar[str] = "resource"


@dataclass(frozen=True, slots=True)
class ItemUsed(Event):
    """``count`` units of ``item`` are used up (an extinguisher discharged, sandbags laid).

    With ``case_id``, units that went out to that case; without, units taken from the shelf.
    """

    resource_id: str
    item: str
    count: int = 1
    case_id: str | None = None
    actor: str = ""

    kind: ClassVar[str] = "resource"


@dataclass(frozen=True, slots=True)
class ItemRestocked(Event):
    """``count`` units of ``item`` are put on the shelf of a station or cache."""

    resource_id: str
    item: str
    count: int
    actor: str = ""

    kind: ClassVar[str] = "resource"


@dataclass(frozen=True, slots=True)
class VehicleMoved(Event):
    """A vehicle's position from its tracker (MQTT ``street/{street}/vehicle/{id}/position``)."""

    vehicle_id: str
    lon: float
    lat: float

    kind: ClassVar[str] = "resource"


# ---------------------------------------------------------------- staff and clock


@dataclass(frozen=True, slots=True)
class StaffMoved(Event):
    """A staff member's position from a mobile terminal."""

    staff_id: str
    lon: float
    lat: float

    kind: ClassVar[str] = "staff"


@dataclass(frozen=True, slots=True)
class StaffStatusChanged(Event):
    """A staff member goes on or off duty, or changes availability."""

    staff_id: str
    status: StaffStatus

    kind: ClassVar[str] = "staff"


@dataclass(frozen=True, slots=True)
class ClockTick(Event):
    """Time passes: SLA clocks are evaluated against ``at``."""

    kind: ClassVar[str] = "clock"


CASE_STATUS_AFTER: dict[type[Event], CaseStatus] = {
    CaseReported: CaseStatus.REPORTED,
    CaseTriaged: CaseStatus.TRIAGED,
    CaseDispatched: CaseStatus.DISPATCHED,
    CaseAccepted: CaseStatus.ACCEPTED,
    CaseOnScene: CaseStatus.ON_SCENE,
    CaseResolved: CaseStatus.RESOLVED,
    CaseFeedback: CaseStatus.FEEDBACK,
    CaseClosed: CaseStatus.CLOSED,
    CaseMerged: CaseStatus.MERGED,
    CaseRejected: CaseStatus.REJECTED,
    CaseReopened: CaseStatus.TRIAGED,
}
"""The status a case has after each status-changing event (escalation and overdue keep the status)."""


def _all_event_types() -> dict[str, type[Event]]:
    found: dict[str, type[Event]] = {}
    pending = [Event]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            found[sub.__name__] = sub
            pending.append(sub)
    return found


EVENT_TYPES: dict[str, type[Event]] = _all_event_types()
"""Every concrete event type by class name (the ``type`` tag of serialised events)."""


def utc(at: datetime) -> datetime:
    """``at`` as UTC; naive datetimes are refused because their zone is unknowable."""
    if at.tzinfo is None:
        raise ValueError(f"naive datetime {at.isoformat()} has no time zone")
    return at.astimezone(timezone.utc)


def to_dict(event: Event) -> dict[str, Any]:
    """A JSON-ready dict of the event, tagged with ``type``."""
    data = msgspec.to_builtins(event)
    data["type"] = type(event).__name__
    return data


@cache
def _fields(cls: type[Event]) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def from_dict(data: Mapping[str, Any]) -> Event:
    """Rebuild an event from :func:`to_dict` output.

    Raises
    ------
    ValueError
        Unknown type tag, missing or ill-typed fields; the message names the type and the field.
    """
    name = data.get("type")
    cls = EVENT_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown event type {name!r}")
    body = {k: v for k, v in data.items() if k != "type"}
    unknown = set(body) - _fields(cls)
    if unknown:
        raise ValueError(f"{name}: unknown field(s) {sorted(unknown)}")
    try:
        event = msgspec.convert(body, cls, strict=False)
    except msgspec.ValidationError as exc:
        raise ValueError(f"{name}: {exc}") from None
    return dataclasses.replace(event, at=utc(event.at))


def encode(events: list[Event]) -> bytes:
    """JSON bytes of a list of events (for the event log and process boundaries)."""
    return msgspec.json.encode([to_dict(e) for e in events])


def decode(raw: bytes) -> list[Event]:
    """Events from :func:`encode` output."""
    return [from_dict(d) for d in msgspec.json.decode(raw)]
