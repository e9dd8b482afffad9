"""Every schema limit of the MQTT payloads at its edge: the last accepted value and the first refused
one (issue 19: most surviving mutants of the payload schema were limits never tested at their edges).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec
import pytest

from cockpit.ingest.payloads import MAX_PAYLOAD_BYTES, PayloadError, parse_payload
from cockpit.ingest.reasons import Reason
from cockpit.ingest.topics import TopicKind

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
ENVELOPE = {"v": 1, "device": "SMK-1", "seq": 7, "ts": "2026-05-01T08:00:00Z"}
ACTION = {**ENVELOPE, "device": "VOL-1", "actor": "VOL-1"}
REPORT = {**ENVELOPE, "device": "APP-1", "source": "resident", "category": "noise", "lon": 104.0, "lat": 30.6}
POSITION = {**ENVELOPE, "device": "VOL-1", "lon": 104.0, "lat": 30.6}


def parse(kind: TopicKind, fields: dict, now: datetime = NOW):
    return parse_payload(kind, msgspec.json.encode(fields), now)


def refused(kind: TopicKind, fields: dict, now: datetime = NOW) -> Reason:
    with pytest.raises(PayloadError) as caught:
        parse(kind, fields, now)
    return caught.value.reason


def reading(**fields) -> dict:
    return {**ENVELOPE, "values": {"smoke": 0.0}, **fields}


def test_the_payload_size_limit_counts_bytes_up_to_and_including_the_limit():
    base = msgspec.json.encode(reading(values={"smoke": 0.0}))
    pad = MAX_PAYLOAD_BYTES - len(base)
    exact = base.replace(b'"smoke":0.0', b'"smoke":0.0' + b" " * pad)  # JSON whitespace, same reading
    assert len(exact) == MAX_PAYLOAD_BYTES == 8192
    assert parse_payload(TopicKind.READING, exact, NOW).values == {"smoke": 0.0}
    with pytest.raises(PayloadError) as caught:
        parse_payload(TopicKind.READING, exact + b" ", NOW)
    assert caught.value.reason is Reason.TOO_LARGE
    assert str(caught.value) == "8193 bytes > 8192"


def test_ids_names_and_value_counts_at_their_limits():
    assert parse(TopicKind.READING, reading(device="D" * 64)).device == "D" * 64
    assert refused(TopicKind.READING, reading(device="D" * 65)) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.READING, reading(device="")) is Reason.OUT_OF_RANGE
    assert parse(TopicKind.CASE_ACTION, {**ACTION, "actor": "A" * 64}).actor == "A" * 64
    assert refused(TopicKind.CASE_ACTION, {**ACTION, "actor": "A" * 65}) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.CASE_ACTION, {**ACTION, "actor": ""}) is Reason.OUT_OF_RANGE
    name = "v" * 40
    assert parse(TopicKind.READING, reading(values={name: 1.0})).values == {name: 1.0}
    assert refused(TopicKind.READING, reading(values={name + "v": 1.0})) is Reason.OUT_OF_RANGE
    many = {f"v{i}": float(i) for i in range(32)}
    assert len(parse(TopicKind.READING, reading(values=many)).values) == 32
    assert refused(TopicKind.READING, reading(values={**many, "v32": 1.0})) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.READING, reading(values={})) is Reason.OUT_OF_RANGE
    alarm = {**ENVELOPE, "alarm": "a" * 40}
    assert parse(TopicKind.ALARM, {**alarm, "values": many}).alarm == "a" * 40
    assert parse(TopicKind.ALARM, alarm).values == {}
    assert refused(TopicKind.ALARM, {**alarm, "values": {**many, "v32": 1.0}}) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.ALARM, {**alarm, "alarm": "a" * 41}) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.ALARM, {**alarm, "values": {"v" * 41: 1.0}}) is Reason.OUT_OF_RANGE


def test_texts_at_their_limits():
    assert len(parse(TopicKind.REPORT, {**REPORT, "description": "漏" * 2000}).description) == 2000
    assert refused(TopicKind.REPORT, {**REPORT, "description": "漏" * 2001}) is Reason.OUT_OF_RANGE
    assert len(parse(TopicKind.REPORT, {**REPORT, "reporter": "r" * 100}).reporter) == 100
    assert refused(TopicKind.REPORT, {**REPORT, "reporter": "r" * 101}) is Reason.OUT_OF_RANGE
    assert len(parse(TopicKind.CASE_ACTION, {**ACTION, "note": "n" * 2000}).note) == 2000
    assert refused(TopicKind.CASE_ACTION, {**ACTION, "note": "n" * 2001}) is Reason.OUT_OF_RANGE


@pytest.mark.parametrize(("kind", "base", "field", "inside", "outside"), [
    (TopicKind.READING, reading(), "seq", 2**62, 2**62 + 1),
    (TopicKind.READING, reading(), "seq", 0, -1),
    (TopicKind.POSITION, POSITION, "lon", 180.0, 180.000001),
    (TopicKind.POSITION, POSITION, "lon", -180.0, -180.000001),
    (TopicKind.POSITION, POSITION, "lat", 90.0, 90.000001),
    (TopicKind.POSITION, POSITION, "lat", -90.0, -90.000001),
    (TopicKind.POSITION, POSITION, "accuracy_m", 10_000.0, 10_000.01),
    (TopicKind.POSITION, POSITION, "accuracy_m", 0.0, -0.01),
    (TopicKind.CASE_ACTION, ACTION, "rating", 5, 6),
    (TopicKind.CASE_ACTION, ACTION, "rating", 1, 0),
])
def test_numbers_at_their_bounds(kind, base, field, inside, outside):
    assert getattr(parse(kind, {**base, field: inside}), field) == inside
    assert refused(kind, {**base, field: outside}) is Reason.OUT_OF_RANGE


def test_reading_values_are_bounded_by_ten_million_either_way():
    assert parse(TopicKind.READING, reading(values={"litres": 1e7, "delta": -1e7})).values == {"litres": 1e7, "delta": -1e7}
    assert refused(TopicKind.READING, reading(values={"litres": 1.0000001e7})) is Reason.OUT_OF_RANGE
    assert refused(TopicKind.READING, reading(values={"delta": -1.0000001e7})) is Reason.OUT_OF_RANGE


def test_timestamps_up_to_one_day_ahead_and_365_days_old_are_accepted():
    ahead = NOW + timedelta(days=1)
    assert parse(TopicKind.READING, reading(ts=ahead.isoformat())).ts == ahead
    too_far = (ahead + timedelta(seconds=1)).isoformat()
    with pytest.raises(PayloadError) as caught:
        parse(TopicKind.READING, reading(ts=too_far))
    assert caught.value.reason is Reason.TS_FUTURE
    assert str(caught.value) == f"timestamp {too_far} is ahead of {NOW.isoformat()}"
    old = NOW - timedelta(days=365)
    assert parse(TopicKind.READING, reading(ts=old.isoformat())).ts == old
    with pytest.raises(PayloadError) as caught:
        parse(TopicKind.READING, reading(ts=(old - timedelta(seconds=1)).isoformat()))
    assert caught.value.reason is Reason.TS_PAST
    assert str(caught.value).endswith("is older than 365 days")


def test_the_schema_version_must_be_one():
    with pytest.raises(PayloadError) as caught:
        parse(TopicKind.READING, reading(v=2))
    assert caught.value.reason is Reason.UNSUPPORTED_VERSION
    assert str(caught.value) == "schema version 2, expected 1"


def test_bad_utf8_names_the_byte_and_bad_json_is_named_so():
    raw = msgspec.json.encode(reading(device="SMK-1")).replace(b"SMK-1", b"SMK-\xff")
    with pytest.raises(PayloadError) as caught:
        parse_payload(TopicKind.READING, raw, NOW)
    assert caught.value.reason is Reason.BAD_UTF8
    assert str(caught.value) == f"invalid UTF-8 at byte {raw.index(bytes([0xFF]))}"
    with pytest.raises(PayloadError) as caught:
        parse_payload(TopicKind.READING, b'{"v": 1,', NOW)
    assert caught.value.reason is Reason.BAD_JSON


def test_device_ids_and_value_names_are_checked_against_their_patterns_every_time():
    for _ in range(2):  # the second time through the remembered strings
        assert parse(TopicKind.READING, reading(device="SMK-1", values={"smoke": 1.0})).device == "SMK-1"
        with pytest.raises(PayloadError, match=r"device id '-SMK' does not match"):
            parse(TopicKind.READING, reading(device="-SMK"))
        with pytest.raises(PayloadError, match=r"value name 'Smoke' does not match"):
            parse(TopicKind.READING, reading(values={"smoke": 1.0, "Smoke": 1.0}))


def test_one_character_ids_and_names_are_enough():
    assert parse(TopicKind.READING, reading(device="D", values={"v": 1.0})).values == {"v": 1.0}
    assert parse(TopicKind.CASE_ACTION, {**ACTION, "device": "V", "actor": "V"}).actor == "V"
    assert parse(TopicKind.ALARM, {**ENVELOPE, "alarm": "a"}).alarm == "a"


@pytest.mark.parametrize("kind", list(TopicKind))
def test_payloads_are_immutable_and_built_by_field_name_only(kind):
    fields = {TopicKind.READING: reading(), TopicKind.ALARM: {**ENVELOPE, "alarm": "smoke"},
              TopicKind.POSITION: POSITION, TopicKind.REPORT: REPORT, TopicKind.CASE_ACTION: ACTION}[kind]
    payload = parse(kind, fields)
    with pytest.raises(AttributeError):
        payload.seq = 8
    cls = type(payload)
    assert cls(**{f: getattr(payload, f) for f in cls.__struct_fields__}) == payload
    with pytest.raises(TypeError):
        cls(*(getattr(payload, f) for f in cls.__struct_fields__))


def test_the_envelope_fields_are_keyword_only_too():
    payload = parse(TopicKind.READING, reading())
    with pytest.raises(TypeError):
        type(payload)(payload.v, payload.device, payload.seq, payload.ts, values=payload.values)
