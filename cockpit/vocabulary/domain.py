"""Vocabulary of grid governance: risk levels, case statuses, sources, owner levels, staff and sensors.

A street (街道) is divided into communities (社区), general grids (一般网格) and micro-grids (微网格);
cases (事件) go round the closed loop report → triage → dispatch → handle → feedback → close.
These enumerations are shared by every layer; their values are the strings used in files and payloads.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum


class RiskLevel(StrEnum):
    """Risk level of a case (红黄蓝三级); sets the deadline and the level that coordinates it."""

    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"

    @property
    def rank(self) -> int:
        """0 for blue, 1 yellow, 2 red: higher is more urgent."""
        return _RISK_RANK[self]

    @property
    def priority(self) -> int:
        """Queue priority, 1 = most urgent (red), 3 = least (blue)."""
        return 3 - _RISK_RANK[self]

    @property
    def resolve_within(self) -> timedelta:
        """Deadline from report to resolution (blue 24 h, yellow 48 h, red 72 h)."""
        return _RESOLVE_WITHIN[self]

    @property
    def default_owner(self) -> "OwnerLevel":
        """The level that coordinates a case of this risk when nothing else is said."""
        return _DEFAULT_OWNER[self]


class OwnerLevel(StrEnum):
    """The level that owns a case; escalation moves it one step up."""

    GRID = "grid"
    COMMUNITY = "community"
    STREET = "street"

    def above(self) -> "OwnerLevel | None":
        """The next level up, or None at the street (nothing is above it)."""
        order = list(OwnerLevel)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


class Source(StrEnum):
    """How a case was discovered; patrol and sensor count as proactive discovery (主动发现)."""

    PATROL = "patrol"
    RESIDENT = "resident"
    SENSOR = "sensor"
    DEPARTMENT = "department"

    @property
    def proactive(self) -> bool:
        return self in (Source.PATROL, Source.SENSOR)


class CaseStatus(StrEnum):
    """Status of a case in the closed loop (发现-上报-研判-分拨-处置-反馈-评价) and its side paths."""

    REPORTED = "reported"
    TRIAGED = "triaged"
    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    ON_SCENE = "on_scene"
    RESOLVED = "resolved"
    FEEDBACK = "feedback"
    CLOSED = "closed"
    MERGED = "merged"
    REJECTED = "rejected"

    @property
    def terminal(self) -> bool:
        """Closed, merged and rejected cases take no further transitions."""
        return self in (CaseStatus.CLOSED, CaseStatus.MERGED, CaseStatus.REJECTED)

    @property
    def open(self) -> bool:
        """Open means not yet resolved: the case still needs somebody to act on it.

        Resolved and feedback cases wait only for the resident and are not open; terminal cases are
        not open either. The KPI and replay definitions in the README use this same predicate.
        """
        return self in _OPEN


class StaffKind(StrEnum):
    """Kinds of people the command centre can dispatch."""

    GRID_WORKER = "grid_worker"
    MICRO_GRID_HEAD = "micro_grid_head"
    VOLUNTEER = "volunteer"
    PARTY_MEMBER = "party_member"
    DEPARTMENT = "department"


class StaffStatus(StrEnum):
    """Availability of a staff member."""

    OFF_DUTY = "off_duty"
    AVAILABLE = "available"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    BUSY = "busy"


class Department(StrEnum):
    """Departments that answer the street's whistle (吹哨报到)."""

    CITY_MANAGEMENT = "city_management"
    POLICE = "police"
    FIRE = "fire"
    CIVIL_AFFAIRS = "civil_affairs"
    HEALTH = "health"
    EMERGENCY = "emergency"
    MARKET_REGULATION = "market_regulation"
    HOUSING = "housing"
    PROPERTY = "property"


class SensorKind(StrEnum):
    """IoT device kinds of DESIGN.md 1.4 (智能感知)."""

    SMOKE = "smoke"
    BRACELET = "bracelet"
    WATER_METER = "water_meter"
    MANHOLE = "manhole"
    CAMERA = "camera"
    PARKING = "parking"
    ENVIRONMENT = "environment"


class ResourceKind(StrEnum):
    """Kinds of things (物) the command centre allocates besides people.

    A station (党群服务站 or grid work station) has opening hours and staff; a vehicle (patrol
    e-bike or car) is based at a station; a cache holds emergency items. All three may hold stock.
    """

    STATION = "station"
    VEHICLE = "vehicle"
    CACHE = "cache"


class ResourceStatus(StrEnum):
    """What a station, vehicle or cache is doing: free, sent to a case, or there.

    A cache or station is DISPATCHED while some of its stock is out on a case; it keeps serving
    others with what remains on its shelf.
    """

    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"


class AlarmState(StrEnum):
    """Life cycle of a sensor or area alarm."""

    ACTIVE = "active"
    ACKNOWLEDGED = "acknowledged"
    CLEARED = "cleared"


_RISK_RANK = {RiskLevel.BLUE: 0, RiskLevel.YELLOW: 1, RiskLevel.RED: 2}
_RESOLVE_WITHIN = {
    RiskLevel.BLUE: timedelta(hours=24),
    RiskLevel.YELLOW: timedelta(hours=48),
    RiskLevel.RED: timedelta(hours=72),
}
_DEFAULT_OWNER = {
    RiskLevel.BLUE: OwnerLevel.GRID,
    RiskLevel.YELLOW: OwnerLevel.COMMUNITY,
    RiskLevel.RED: OwnerLevel.STREET,
}
_OPEN = frozenset(
    {
        CaseStatus.REPORTED,
        CaseStatus.TRIAGED,
        CaseStatus.DISPATCHED,
        CaseStatus.ACCEPTED,
        CaseStatus.ON_SCENE,
    }
)
