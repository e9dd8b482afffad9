"""Versioned JSON payloads of the MQTT messages, validated with msgspec Structs.

Every payload carries the schema version ``v`` (1), the sending ``device`` id, a per-device
sequence number ``seq`` (consecutive from any start; a jump is a gap, a repeat a redelivery) and an
ISO 8601 timestamp ``ts`` with an offset. Validation is strict: no type coercion, no unknown
fields, every number bounded (which refuses NaN and infinities), strings and maps of bounded size,
and a payload size limit checked before parsing. :func:`parse_payload` turns bytes into a Struct or
raises :class:`PayloadError` with a :class:`~cockpit.ingest.reasons.Reason`.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Annotated, Literal, Union

import msgspec
from msgspec import Meta, Struct

from cockpit.ingest.reasons import Reason
from cockpit.ingest.topics import TopicKind

SCHEMA_VERSION = 1
"""The payload schema version this cockpit reads and the simulator writes."""

MAX_PAYLOAD_BYTES = 8192
"""Larger payloads are refused before parsing (a reading is ~150 bytes, a long report ~3 kB)."""

MAX_AHEAD = timedelta(days=1)
"""A timestamp further ahead of the cockpit's clock is refused (a device clock gone wrong)."""

MAX_AGE = timedelta(days=365)
"""A timestamp further behind is refused (a device clock reset, or a replayed capture)."""

VALUE_LIMIT = 1e7
"""Bound of every reading value; large enough for a water meter's litres, and it refuses inf."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, Meta(pattern=ID_PATTERN, min_length=1, max_length=64)]
Name = Annotated[str, Meta(pattern=NAME_PATTERN, min_length=1, max_length=40)]
# The device id and the value names, on every message, are matched against their patterns after
# decoding and remembered (see _Memo): a regular expression per field was two thirds of the parse.
DeviceId = Annotated[str, Meta(min_length=1, max_length=64)]
ValueName = Annotated[str, Meta(min_length=1, max_length=40)]
Value = Annotated[float, Meta(ge=-VALUE_LIMIT, le=VALUE_LIMIT)]
Values = Annotated[dict[ValueName, Value], Meta(max_length=32)]
Seq = Annotated[int, Meta(ge=0, le=2**62)]
Timestamp = Annotated[datetime, Meta(tz=True)]
Lon = Annotated[float, Meta(ge=-180.0, le=180.0)]
Lat = Annotated[float, Meta(ge=-90.0, le=90.0)]
Text = Annotated[str, Meta(max_length=2000)]


class _Envelope(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Fields every payload carries."""

    v: int
    device: DeviceId
    seq: Seq
    ts: Timestamp


class ReadingPayload(_Envelope, frozen=True, kw_only=True):
    """A sensor reading: named values, e.g. ``{"smoke": 0.0, "battery": 0.93}``."""

    values: Annotated[dict[ValueName, Value], Meta(min_length=1, max_length=32)]


class AlarmPayload(_Envelope, frozen=True, kw_only=True):
    """A sensor's own alarm (``smoke``, ``sos``, ``fall``, ``fire_lane_blocked``...), with values."""

    alarm: Name
    values: Values = {}


class PositionPayload(_Envelope, frozen=True, kw_only=True):
    """A staff member's position in WGS84, with the phone's accuracy estimate in metres."""

    lon: Lon
    lat: Lat
    accuracy_m: Annotated[float, Meta(ge=0.0, le=10_000.0)] | None = None


class ReportPayload(_Envelope, frozen=True, kw_only=True):
    """A resident's or patrol's report of a case at a point (群众上报 / 巡查发现)."""

    source: Literal["resident", "patrol"]
    category: Name
    lon: Lon
    lat: Lat
    description: Text = ""
    reporter: Annotated[str, Meta(max_length=100)] = ""


class CaseActionPayload(_Envelope, frozen=True, kw_only=True):
    """A field worker's action on a case from the staff app; ``rating`` is required for feedback."""

    actor: Id
    note: Text = ""
    rating: Annotated[int, Meta(ge=1, le=5)] | None = None
    fixed: bool | None = None


Payload = Union[ReadingPayload, AlarmPayload, PositionPayload, ReportPayload, CaseActionPayload]

PAYLOAD_TYPES: dict[TopicKind, type[Payload]] = {
    TopicKind.READING: ReadingPayload,
    TopicKind.ALARM: AlarmPayload,
    TopicKind.POSITION: PositionPayload,
    TopicKind.REPORT: ReportPayload,
    TopicKind.CASE_ACTION: CaseActionPayload,
}

_DECODERS = {kind: msgspec.json.Decoder(cls) for kind, cls in PAYLOAD_TYPES.items()}


class _Memo:
    """Strings that matched a pattern, remembered (up to ``limit``) so that each is matched once."""

    def __init__(self, pattern: str, what: str, limit: int = 100_000) -> None:
        self.pattern = re.compile(pattern)
        self.what = what
        self.limit = limit
        self.known: set[str] = set()

    def check(self, text: str) -> None:
        if text in self.known:
            return
        if self.pattern.fullmatch(text) is None:
            raise PayloadError(Reason.OUT_OF_RANGE, f"{self.what} {text[:80]!r} does not match {self.pattern.pattern}")
        if len(self.known) < self.limit:
            self.known.add(text)

    def check_all(self, texts) -> None:
        if not self.known.issuperset(texts):
            for text in texts:
                self.check(text)


_DEVICE_IDS = _Memo(ID_PATTERN, "device id")
_VALUE_NAMES = _Memo(NAME_PATTERN, "value name", limit=10_000)


class PayloadError(ValueError):
    """A payload was refused: ``reason`` is the dead-letter reason code, the message the detail."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def parse_payload(kind: TopicKind, raw: bytes, now: datetime | None = None) -> Payload:
    """Validate ``raw`` as the payload of a ``kind`` message.

    Parameters
    ----------
    kind
        The message kind its topic says it is.
    raw
        The message body.
    now
        The cockpit's clock (UTC now if omitted); timestamps are checked against it.

    Raises
    ------
    PayloadError
        With the reason code and a one-line detail, for any refused payload.
    """
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise PayloadError(Reason.TOO_LARGE, f"{len(raw)} bytes > {MAX_PAYLOAD_BYTES}")
    try:
        payload = _DECODERS[kind].decode(raw)
    except msgspec.ValidationError as exc:
        raise PayloadError(_classify(str(exc)), str(exc)) from None
    except UnicodeDecodeError as bad:
        raise PayloadError(Reason.BAD_UTF8, f"invalid UTF-8 at byte {bad.start}") from None
    except msgspec.DecodeError as exc:
        try:
            bytes(raw).decode("utf-8")
        except UnicodeDecodeError as bad:
            raise PayloadError(Reason.BAD_UTF8, f"invalid UTF-8 at byte {bad.start}") from None
        raise PayloadError(Reason.BAD_JSON, str(exc)) from None
    if payload.v != SCHEMA_VERSION:
        raise PayloadError(Reason.UNSUPPORTED_VERSION, f"schema version {payload.v}, expected {SCHEMA_VERSION}")
    _DEVICE_IDS.check(payload.device)
    values = getattr(payload, "values", None)
    if values:
        _VALUE_NAMES.check_all(values)
    now = now or datetime.now(timezone.utc)
    if payload.ts - now > MAX_AHEAD:
        raise PayloadError(Reason.TS_FUTURE, f"timestamp {payload.ts.isoformat()} is ahead of {now.isoformat()}")
    if now - payload.ts > MAX_AGE:
        raise PayloadError(Reason.TS_PAST, f"timestamp {payload.ts.isoformat()} is older than {MAX_AGE.days} days")
    return payload


def _classify(message: str) -> Reason:
    if message.startswith("Object missing required field"):
        return Reason.MISSING_FIELD
    if message.startswith("Object contains unknown field"):
        return Reason.UNKNOWN_FIELD
    if "datetime" in message or "RFC3339" in message:
        return Reason.BAD_TIMESTAMP
    if message.startswith("Expected `") and ", got `" in message:
        return Reason.WRONG_TYPE
    return Reason.OUT_OF_RANGE

