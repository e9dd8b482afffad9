"""The MQTT topic tree (DESIGN.md 2.4): the street id first, then who sends, so that the broker's ACL
can confine every account to its own topics in its own street.

===============================================================  ====================================
topic                                                            what travels on it
===============================================================  ====================================
``street/{street}/sensor/{sensor_id}/reading``                   a sensor's periodic reading
``street/{street}/sensor/{sensor_id}/alarm``                     a sensor's own alarm (smoke, SOS...)
``street/{street}/staff/{staff_id}/position``                    a staff member's phone position
``street/{street}/vehicle/{vehicle_id}/position``                a patrol e-bike's or car's tracker
``street/{street}/staff/{staff_id}/report``                      a patrol report from a staff phone
``street/{street}/staff/{staff_id}/case/{case_id}/{action}``     a field worker's case action
``street/{street}/app/{app_id}/report``                          a resident report from an app account
===============================================================  ====================================

The third level is the sender's key space (:class:`Space`) and the fourth its id, so a message's
identity is (space, sender, seq): a phone or an app can never make a sensor's reading look like a
redelivery, whatever its payload says. ``action`` is one of ``accept``, ``on_scene``, ``resolve``,
``feedback``. A topic level may not be empty or hold the MQTT wildcards, so a parsed id is always a
plain identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Space(StrEnum):
    """Who sends: the topic level after the street. Sequence numbers count per sender of a space."""

    SENSOR = "sensor"
    STAFF = "staff"
    APP = "app"
    VEHICLE = "vehicle"


class TopicKind(StrEnum):
    """The message kinds the topic tree distinguishes."""

    READING = "reading"
    ALARM = "alarm"
    POSITION = "position"
    REPORT = "report"
    CASE_ACTION = "case_action"


CASE_ACTIONS = ("accept", "on_scene", "resolve", "feedback")
"""Case actions a field worker can send from the staff app, in life-cycle order."""

_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"
_PATTERNS: tuple[tuple[TopicKind, re.Pattern[str]], ...] = (
    (TopicKind.POSITION, re.compile(rf"street/(?P<street>{_ID})/(?P<space>staff|vehicle)/(?P<id>{_ID})/position")),
    (TopicKind.REPORT, re.compile(rf"street/(?P<street>{_ID})/(?P<space>staff|app)/(?P<id>{_ID})/report")),
    (
        TopicKind.CASE_ACTION,
        re.compile(rf"street/(?P<street>{_ID})/(?P<space>staff)/(?P<id>{_ID})/case/(?P<case_id>{_ID})"
                   rf"/(?P<action>{'|'.join(CASE_ACTIONS)})"),
    ),
)


@dataclass(frozen=True, slots=True)
class Topic:
    """A parsed topic: its kind, street, the sender's space and id, and for a case action the case and
    the action."""

    kind: TopicKind
    street: str
    space: Space
    id: str
    case_id: str | None = None
    action: str | None = None


_ID_RE = re.compile(_ID)
_SENSOR_KINDS = {"reading": TopicKind.READING, "alarm": TopicKind.ALARM}


def parse_topic(topic: str) -> Topic | None:
    """The parsed topic, or None if it is not in the tree (the caller dead-letters it)."""
    parts = topic.split("/")
    # The common case first: a sensor message, checked without trying every pattern.
    if len(parts) == 5 and parts[0] == "street" and parts[2] == "sensor" and parts[4] in _SENSOR_KINDS:
        if _ID_RE.fullmatch(parts[1]) and _ID_RE.fullmatch(parts[3]):
            return Topic(_SENSOR_KINDS[parts[4]], parts[1], Space.SENSOR, parts[3])
        return None
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(topic)
        if match is not None:
            groups = match.groupdict()
            return Topic(kind, groups["street"], Space(groups["space"]), groups["id"], groups.get("case_id"),
                         groups.get("action"))
    return None


def subscriptions(street: str) -> list[str]:
    """The topic filters the cockpit subscribes to for one street."""
    return [
        f"street/{street}/sensor/+/reading",
        f"street/{street}/sensor/+/alarm",
        f"street/{street}/staff/#",
        f"street/{street}/vehicle/+/position",
        f"street/{street}/app/+/report",
    ]


def reading_topic(street: str, sensor_id: str) -> str:
    return f"street/{street}/sensor/{sensor_id}/reading"


def alarm_topic(street: str, sensor_id: str) -> str:
    return f"street/{street}/sensor/{sensor_id}/alarm"


def position_topic(street: str, sender: str, space: Space = Space.STAFF) -> str:
    """Where a staff phone (``staff/``) or a vehicle's tracker (``vehicle/``) posts its position."""
    if space not in (Space.STAFF, Space.VEHICLE):
        raise ValueError(f"a {space.value} does not post positions")
    return f"street/{street}/{space.value}/{sender}/position"


def report_topic(street: str, sender: str, space: Space = Space.APP) -> str:
    """Where ``sender`` posts a report: an app account under ``app/``, a staff phone under ``staff/``."""
    if space is Space.SENSOR:
        raise ValueError("a sensor does not post reports; its alarms open cases through the rules")
    if space is Space.VEHICLE:
        raise ValueError("a vehicle's tracker posts positions only; its crew reports from their phones")
    return f"street/{street}/{space.value}/{sender}/report"


def case_action_topic(street: str, staff_id: str, case_id: str, action: str) -> str:
    if action not in CASE_ACTIONS:
        raise ValueError(f"unknown case action {action!r} (one of {', '.join(CASE_ACTIONS)})")
    return f"street/{street}/staff/{staff_id}/case/{case_id}/{action}"
