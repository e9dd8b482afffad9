"""Reason codes of refused messages: the ``reason_code`` column of the dead-letter table.

Codes are stable strings (operators filter and count by them); the free-text ``detail`` beside each
dead letter says exactly what was wrong with that message.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a message was refused."""

    TOO_LARGE = "too_large"
    """The payload is bigger than :data:`~cockpit.ingest.payloads.MAX_PAYLOAD_BYTES`."""
    BAD_UTF8 = "bad_utf8"
    """The payload is not valid UTF-8."""
    BAD_JSON = "bad_json"
    """The payload is not JSON."""
    MISSING_FIELD = "missing_field"
    """A required field is absent."""
    WRONG_TYPE = "wrong_type"
    """A field has the wrong JSON type, or the body is not an object."""
    UNKNOWN_FIELD = "unknown_field"
    """A field the schema version does not define."""
    OUT_OF_RANGE = "out_of_range"
    """A number, string or map outside its allowed range (this includes NaN and infinities)."""
    BAD_TIMESTAMP = "bad_timestamp"
    """The timestamp is not ISO 8601 with an offset."""
    TS_FUTURE = "ts_future"
    """The timestamp is more than a day ahead of the cockpit's clock."""
    TS_PAST = "ts_past"
    """The timestamp is more than a year behind the cockpit's clock."""
    UNSUPPORTED_VERSION = "unsupported_version"
    """The schema version ``v`` is not one this cockpit reads."""
    BAD_TOPIC = "bad_topic"
    """The topic is not in the topic tree."""
    WRONG_STREET = "wrong_street"
    """The topic names another street."""
    DEVICE_MISMATCH = "device_mismatch"
    """The payload's device id differs from the id in the topic."""
    WRONG_SENDER = "wrong_sender"
    """A report or case action does not come from who it says: an app account named like a sensor
    or a staff member, or a case action whose actor is not the phone that sent it."""
    UNKNOWN_DEVICE = "unknown_device"
    """No sensor or staff member of the street has this id."""
    UNKNOWN_CATEGORY = "unknown_category"
    """A report names a case category the street does not have."""
    OUTSIDE_STREET = "outside_street"
    """A report's or position's point is not in any micro-grid of the street."""
    INTERNAL = "internal"
    """The cockpit failed on this message; the detail holds the error (a bug to report)."""
