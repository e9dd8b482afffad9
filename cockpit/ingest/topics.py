"""The MQTT topic tree (DESIGN.md 2.4): the street id first, so one broker can serve many streets.

========================================================  =========================================
topic                                                     what travels on it
========================================================  =========================================
``street/{street}/sensor/{sensor_id}/reading``            a sensor's periodic reading
``street/{street}/sensor/{sensor_id}/alarm``              a sensor's own alarm (smoke, SOS, fall...)
``street/{street}/staff/{staff_id}/position``             a staff member's phone position
``street/{street}/case/report``                           a resident or patrol report
``street/{street}/case/{case_id}/{action}``               a field worker's case action from the app
========================================================  =========================================

``action`` is one of ``accept``, ``on_scene``, ``resolve``, ``feedback``. A topic level may not be
empty or hold the MQTT wildcards, so a parsed id is always a plain identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


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
    (TopicKind.READING, re.compile(rf"street/(?P<street>{_ID})/sensor/(?P<id>{_ID})/reading")),
    (TopicKind.ALARM, re.compile(rf"street/(?P<street>{_ID})/sensor/(?P<id>{_ID})/alarm")),
    (TopicKind.POSITION, re.compile(rf"street/(?P<street>{_ID})/staff/(?P<id>{_ID})/position")),
    (TopicKind.REPORT, re.compile(rf"street/(?P<street>{_ID})/case/report")),
    (
        TopicKind.CASE_ACTION,
        re.compile(rf"street/(?P<street>{_ID})/case/(?P<id>{_ID})/(?P<action>{'|'.join(CASE_ACTIONS)})"),
    ),
)


@dataclass(frozen=True, slots=True)
class Topic:
    """A parsed topic: its kind, street, the id it names (sensor, staff or case) and the case action."""

    kind: TopicKind
    street: str
    id: str | None = None
    action: str | None = None


_ID_RE = re.compile(_ID)
_SENSOR_KINDS = {"reading": TopicKind.READING, "alarm": TopicKind.ALARM}


def parse_topic(topic: str) -> Topic | None:
    """The parsed topic, or None if it is not in the tree (the caller dead-letters it)."""
    parts = topic.split("/")
    # The common case first: a sensor message, checked without trying every pattern.
    if len(parts) == 5 and parts[0] == "street" and parts[2] == "sensor" and parts[4] in _SENSOR_KINDS:
        if _ID_RE.fullmatch(parts[1]) and _ID_RE.fullmatch(parts[3]):
            return Topic(_SENSOR_KINDS[parts[4]], parts[1], parts[3])
        return None
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(topic)
        if match is not None:
            groups = match.groupdict()
            return Topic(kind, groups["street"], groups.get("id"), groups.get("action"))
    return None


def subscriptions(street: str) -> list[str]:
    """The topic filters the cockpit subscribes to for one street."""
    return [
        f"street/{street}/sensor/+/reading",
        f"street/{street}/sensor/+/alarm",
        f"street/{street}/staff/+/position",
        f"street/{street}/case/#",
    ]


def reading_topic(street: str, sensor_id: str) -> str:
    return f"street/{street}/sensor/{sensor_id}/reading"


def alarm_topic(street: str, sensor_id: str) -> str:
    return f"street/{street}/sensor/{sensor_id}/alarm"


def case_action_topic(street: str, case_id: str, action: str) -> str:
    if action not in CASE_ACTIONS:
        raise ValueError(f"unknown case action {action!r} (one of {', '.join(CASE_ACTIONS)})")
    return f"street/{street}/case/{case_id}/{action}"
