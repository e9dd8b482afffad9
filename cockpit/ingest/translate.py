"""From one MQTT message to typed events: validate, locate, build the events of DESIGN.md 2.1.

Sensor readings and a sensor's own alarms become :class:`~cockpit.vocabulary.events.SensorReading` (an alarm
message is a reading whose alarm code reads 1, so one rule set handles both); staff positions become
:class:`~cockpit.vocabulary.events.StaffMoved` and vehicle trackers' positions
:class:`~cockpit.vocabulary.events.VehicleMoved`, both validated alike (the sender is the topic's,
known to the street, and the point in one of its micro-grids); reports become :class:`~cockpit.vocabulary.events.CaseReported` located
with the :class:`~cockpit.street.geo.Locator`; the staff app's case actions become CaseAccepted,
CaseOnScene, CaseResolved or CaseFeedback. Ids derive from the device and its sequence number, so a
redelivered message builds the very same events.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple

from cockpit.ingest.payloads import (
    AlarmPayload,
    CaseActionPayload,
    PayloadError,
    PositionPayload,
    ReadingPayload,
    ReportPayload,
    parse_payload,
)
from cockpit.ingest.reasons import Reason
from cockpit.ingest.topics import Space, Topic, TopicKind, parse_topic
from cockpit.security.free_text import FreeTextGuard, SealedText, TextScrubber, street_names
from cockpit.street.geo import Locator
from cockpit.street.model import Street
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import ResourceKind, Source
from cockpit.vocabulary.events import (
    CaseAccepted,
    CaseFeedback,
    CaseOnScene,
    CaseReported,
    CaseResolved,
    Event,
    SensorReading,
    StaffMoved,
    VehicleMoved,
)

TOPIC_CACHE_LIMIT = 100_000
"""Parsed topics remembered (one per device and kind in practice; the bound keeps junk topics out)."""


class Message(NamedTuple):
    """A valid message: the sender's space, the device and sequence that identify it, its receipt
    and its events.

    ``values`` is what a sensor's receipt in the telemetry table holds under (device, seq): the
    reading's values (empty for the other spaces, whose receipts hold only the key and the time;
    their content is in the events).
    A named tuple rather than a frozen dataclass: it is built once per message on the hot path,
    and a tuple is built in one step where a frozen dataclass sets each field through ``object``.
    """

    device: str
    seq: int
    at: datetime
    kind: TopicKind
    values: dict[str, float]
    events: tuple[Event, ...]
    space: Space = Space.SENSOR
    sealed: tuple[SealedText, ...] = ()

    @property
    def sender(self) -> str:
        """Who sent it, unique across the key spaces: a sensor's id, else ``space/id``."""
        return self.device if self.space is Space.SENSOR else f"{self.space.value}/{self.device}"

    @property
    def key(self) -> tuple[str, int]:
        """The message's identity: (sender, seq). Strings only: this is hashed once per message."""
        return (self.device if self.space is Space.SENSOR else f"{self.space.value}/{self.device}", self.seq)

    @property
    def reading(self) -> SensorReading | None:
        """The sensor reading this message carries, if it is a reading or a sensor alarm."""
        first = self.events[0] if self.events else None
        return first if isinstance(first, SensorReading) else None


class Translator:
    """Validates messages of one street and turns them into :class:`Message` records. Emits nothing.

    Parameters
    ----------
    street
        The street whose topics are accepted and whose sensors and staff are known.
    locator
        Locates reports and positions; built from the street when omitted.
    categories
        Case categories a report may name.
    guard
        Scrubs free text and seals its originals (default: masks ID and phone numbers and the
        street's staff names, keeps no original).
    """

    def __init__(self, street: Street, locator: Locator | None = None,
                 categories: CategoryTable | None = None, guard: FreeTextGuard | None = None) -> None:
        self.street = street
        self.locator = locator or Locator(street)
        self.categories = categories or default_categories()
        self.guard = guard or FreeTextGuard(TextScrubber(street_names(street)), None)
        self._topics: dict[str, Topic] = {}

    def translate(self, topic: str, raw: bytes, now: datetime | None = None) -> Message:
        """The message on ``topic`` with body ``raw``.

        Raises
        ------
        PayloadError
            With the dead-letter reason and detail when the message is refused.
        """
        parsed = self._topics.get(topic)
        if parsed is None:
            parsed = self._topic(topic)
        payload = parse_payload(parsed.kind, raw, now or datetime.now(timezone.utc))
        at = payload.ts.astimezone(timezone.utc)
        if isinstance(payload, (ReadingPayload, AlarmPayload)):
            return self._reading(parsed, payload, at)
        if isinstance(payload, PositionPayload):
            return self._position(parsed, payload, at)
        if isinstance(payload, ReportPayload):
            return self._report(parsed, payload, at)
        assert isinstance(payload, CaseActionPayload)
        return self._case_action(parsed, payload, at)

    def _topic(self, topic: str) -> Topic:
        parsed = parse_topic(topic)
        if parsed is None:
            raise PayloadError(Reason.BAD_TOPIC, f"topic {topic[:200]!r} is not in the topic tree")
        if parsed.street != self.street.id:
            raise PayloadError(Reason.WRONG_STREET, f"street {parsed.street!r}, this cockpit serves {self.street.id!r}")
        if len(self._topics) < TOPIC_CACHE_LIMIT:
            self._topics[topic] = parsed
        return parsed

    def _reading(self, topic: Topic, payload: ReadingPayload | AlarmPayload, at: datetime) -> Message:
        if payload.device != topic.id:
            raise PayloadError(Reason.DEVICE_MISMATCH, f"payload device {payload.device!r} on topic of {topic.id!r}")
        if not self.street.has("sensors", payload.device):
            raise PayloadError(Reason.UNKNOWN_DEVICE, f"no sensor {payload.device!r} in street {self.street.id}")
        values = payload.values
        if isinstance(payload, AlarmPayload):
            values = {**values, payload.alarm: 1.0}
        reading = SensorReading(at, payload.device, payload.seq, values)
        return Message(payload.device, payload.seq, at, topic.kind, values, (reading,))

    def _position(self, topic: Topic, payload: PositionPayload, at: datetime) -> Message:
        self._sender(topic, payload.device)
        self._locate(payload.lon, payload.lat)
        if topic.space is Space.VEHICLE:
            moved: Event = VehicleMoved(at, payload.device, payload.lon, payload.lat)
        else:
            moved = StaffMoved(at, payload.device, payload.lon, payload.lat)
        return Message(payload.device, payload.seq, at, TopicKind.POSITION, {}, (moved,), topic.space)

    def _sender(self, topic: Topic, device: str) -> None:
        """Refuse a report or action whose payload is not from the sender its topic names."""
        if device != topic.id:
            raise PayloadError(Reason.DEVICE_MISMATCH, f"payload device {device!r} on topic of {topic.id!r}")
        if topic.space is Space.STAFF:
            if not self.street.has("staff", device):
                raise PayloadError(Reason.UNKNOWN_DEVICE, f"no staff member {device!r} in street {self.street.id}")
        elif topic.space is Space.VEHICLE:
            if not self.street.has("resources", device):
                raise PayloadError(Reason.UNKNOWN_DEVICE, f"no vehicle {device!r} in street {self.street.id}")
            if self.street.resource(device).kind is not ResourceKind.VEHICLE:
                raise PayloadError(Reason.WRONG_SENDER, f"{device!r} is a station or cache: it does not move")
        elif self.street.has("sensors", device) or self.street.has("staff", device):
            what = "a sensor" if self.street.has("sensors", device) else "a staff member (who reports under staff/)"
            raise PayloadError(Reason.WRONG_SENDER, f"app account {device!r} is named like {what}")

    def _report(self, topic: Topic, payload: ReportPayload, at: datetime) -> Message:
        self._sender(topic, payload.device)
        if payload.category not in self.categories:
            raise PayloadError(Reason.UNKNOWN_CATEGORY, f"unknown category {payload.category!r}")
        where = self._locate(payload.lon, payload.lat)
        case_id = f"KR-{payload.device}-{payload.seq}"
        message = _message_id(topic.space, payload.device, payload.seq)
        protect = self.guard.protect
        description, sealed_description = protect(payload.description, case_id, message, "description",
                                                  where.community_id)
        reporter, sealed_reporter = protect(payload.reporter or payload.device, case_id, message, "reporter",
                                            where.community_id, name_field=True)
        reported = CaseReported(
            at=at,
            case_id=case_id,
            category=payload.category,
            source=Source(payload.source),
            lon=payload.lon,
            lat=payload.lat,
            micro_grid_id=where.micro_grid_id,
            general_grid_id=where.general_grid_id,
            community_id=where.community_id,
            description=description,
            reporter=reporter,
        )
        sealed = tuple(s for s in (sealed_description, sealed_reporter) if s is not None)
        return Message(payload.device, payload.seq, at, TopicKind.REPORT, {}, (reported,), topic.space, sealed)

    def _case_action(self, topic: Topic, payload: CaseActionPayload, at: datetime) -> Message:
        self._sender(topic, payload.device)
        if payload.actor != payload.device:
            raise PayloadError(Reason.WRONG_SENDER, f"actor {payload.actor!r} did not send this; {payload.device!r} did")
        case_id = topic.case_id
        assert case_id is not None
        event: Event
        sealed: tuple[SealedText, ...] = ()
        if topic.action == "accept":
            event = CaseAccepted(at, case_id, payload.actor)
        elif topic.action == "on_scene":
            event = CaseOnScene(at, case_id, payload.actor)
        elif topic.action == "resolve":
            message = _message_id(Space.STAFF, payload.device, payload.seq)
            note, sealed_note = self.guard.protect(payload.note, case_id, message, "note")
            sealed = (sealed_note,) if sealed_note is not None else ()
            event = CaseResolved(at, case_id, payload.actor, note)
        else:
            if payload.rating is None:
                raise PayloadError(Reason.MISSING_FIELD, "feedback needs a rating 1-5")
            fixed = True if payload.fixed is None else payload.fixed
            event = CaseFeedback(at, case_id, payload.rating, fixed, payload.actor)
        return Message(payload.device, payload.seq, at, TopicKind.CASE_ACTION, {}, (event,), Space.STAFF, sealed)

    def _locate(self, lon: float, lat: float):
        where = self.locator.locate(lon, lat)
        if where is None:
            raise PayloadError(Reason.OUTSIDE_STREET, f"point {lon:.6f}, {lat:.6f} is in no micro-grid of {self.street.id}")
        return where


def _message_id(space: Space, sender: str, seq: int) -> str:
    """How a sealed text names the message it came in."""
    return f"{space.value}/{sender}/{seq}"
