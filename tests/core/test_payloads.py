"""Payload validation: every message kind parses, every kind of malformed body is refused with its
reason, and no byte string makes the parser do anything but return a payload or a PayloadError."""

from __future__ import annotations

from datetime import datetime, timezone

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.ingest.payloads import MAX_PAYLOAD_BYTES, PayloadError, ReadingPayload, parse_payload
from cockpit.ingest.reasons import Reason
from cockpit.ingest.acl import render_acl
from cockpit.ingest.topics import (
    Space,
    TopicKind,
    case_action_topic,
    parse_topic,
    position_topic,
    report_topic,
    subscriptions,
)
from cockpit.ingest.translate import Translator
from cockpit.vocabulary.events import CaseAccepted, CaseFeedback, CaseReported, SensorReading, StaffMoved, VehicleMoved
from tests.core.tiny import centre, tiny_street, tiny_street_with_resources

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
TS = "2026-05-01T16:00:00.000+08:00"


def body(**fields) -> bytes:
    base = {"v": 1, "device": "SMK-1", "seq": 7, "ts": TS, "values": {"smoke": 0.0}}
    base.update(fields)
    return msgspec.json.encode({k: v for k, v in base.items() if v is not ...})


def reason_of(raw: bytes, kind: TopicKind = TopicKind.READING) -> Reason:
    with pytest.raises(PayloadError) as caught:
        parse_payload(kind, raw, NOW)
    return caught.value.reason


def test_topics_parse_and_refuse():
    assert parse_topic("street/tiny/sensor/SMK-1/reading").id == "SMK-1"
    action = parse_topic(case_action_topic("tiny", "VOL-1", "KR-APP-1-3", "on_scene"))
    assert (action.kind, action.space, action.id, action.case_id, action.action) == (
        TopicKind.CASE_ACTION, Space.STAFF, "VOL-1", "KR-APP-1-3", "on_scene")
    report = parse_topic(report_topic("tiny", "APP-1"))
    assert (report.kind, report.space, report.id) == (TopicKind.REPORT, Space.APP, "APP-1")
    assert parse_topic("street/tiny/staff/VOL-1/report").space is Space.STAFF
    # The sender is in every topic a report or an action takes: the old sender-less ones are gone.
    for bad in ("street/tiny/sensor/+/reading", "street//sensor/x/reading", "street/tiny/sensor/x/y/reading",
                "street/tiny/staff/VOL-1/case/K1/explode", "other/tiny/app/A/report", "street/tiny/case/report",
                "street/tiny/case/K1/accept", "street/tiny/app/A/case/K1/accept", "street/tiny/sensor/SMK-1/report"):
        assert parse_topic(bad) is None, bad
    assert {"street/tiny/staff/#", "street/tiny/app/+/report"} <= set(subscriptions("tiny"))


def test_a_reading_parses_with_its_offset_kept_as_an_instant():
    payload = parse_payload(TopicKind.READING, body(), NOW)
    assert isinstance(payload, ReadingPayload)
    assert payload.ts == datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
    assert (payload.device, payload.seq, payload.values) == ("SMK-1", 7, {"smoke": 0.0})


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"v": 1, "device": "SMK-1", "se', Reason.BAD_JSON),
        (b'{"v": 1, "device": "\xff\xfe", "seq": 1}', Reason.BAD_UTF8),
        (body(seq="7"), Reason.WRONG_TYPE),
        (body(values={"smoke": "high"}), Reason.WRONG_TYPE),
        (body(values={"smoke": True}), Reason.WRONG_TYPE),
        (b'[1, 2]', Reason.WRONG_TYPE),
        (body().replace(b'"smoke":0.0', b'"smoke":NaN'), Reason.BAD_JSON),
        (body().replace(b'"smoke":0.0', b'"smoke":1e999'), Reason.OUT_OF_RANGE),
        (body(values={"smoke": 1e12}), Reason.OUT_OF_RANGE),
        (body(seq=-1), Reason.OUT_OF_RANGE),
        (body(values={}), Reason.OUT_OF_RANGE),
        (body(values={f"v{i}": 1.0 for i in range(40)}), Reason.OUT_OF_RANGE),
        (body(device="bad id with spaces"), Reason.OUT_OF_RANGE),
        (body(device="SMK-1\n"), Reason.OUT_OF_RANGE),
        (body(values={"Smoke": 1.0}), Reason.OUT_OF_RANGE),
        (body(values={"smoke": 0.0, "bat tery": 1.0}), Reason.OUT_OF_RANGE),
        (body(ts=...), Reason.MISSING_FIELD),
        (body(firmware="1.0"), Reason.UNKNOWN_FIELD),
        (body(ts="2026-05-01T16:00:00"), Reason.BAD_TIMESTAMP),
        (body(ts="yesterday"), Reason.BAD_TIMESTAMP),
        (body(ts="2026-05-03T08:00:01+00:00"), Reason.TS_FUTURE),
        (body(ts="2023-01-01T00:00:00+00:00"), Reason.TS_PAST),
        (body(v=2), Reason.UNSUPPORTED_VERSION),
        (body() + b" " * MAX_PAYLOAD_BYTES, Reason.TOO_LARGE),
    ],
)
def test_malformed_readings_are_refused_with_their_reason(raw, reason):
    assert reason_of(raw) is reason


def test_translation_makes_the_events_of_every_message_kind():
    street = tiny_street()
    tr = Translator(street)
    reading = tr.translate("street/tiny/sensor/SMK-1/reading", body(), NOW)
    assert reading.events == (SensorReading(NOW, "SMK-1", 7, {"smoke": 0.0}),)
    assert reading.key == ("SMK-1", 7)
    alarm = tr.translate("street/tiny/sensor/BRC-1/alarm",
                         msgspec.json.encode({"v": 1, "device": "BRC-1", "seq": 3, "ts": TS, "alarm": "sos"}), NOW)
    assert alarm.reading.values == {"sos": 1.0}
    lon, lat = centre(1, 1)
    moved = tr.translate("street/tiny/staff/VOL-1/position",
                         msgspec.json.encode({"v": 1, "device": "VOL-1", "seq": 1, "ts": TS, "lon": lon, "lat": lat}), NOW)
    assert moved.events == (StaffMoved(NOW, "VOL-1", lon, lat),) and moved.key == ("staff/VOL-1", 1)
    report = tr.translate("street/tiny/app/APP-9/report", msgspec.json.encode(
        {"v": 1, "device": "APP-9", "seq": 12, "ts": TS, "source": "resident", "category": "waste_sanitation",
         "lon": lon, "lat": lat, "description": "垃圾桶满了"}), NOW)
    case = report.events[0]
    assert isinstance(case, CaseReported)
    assert (case.case_id, case.micro_grid_id, case.community_id) == ("KR-APP-9-12", "C01-G02-M02", "C01")
    assert report.key == ("app/APP-9", 12)
    accept = tr.translate("street/tiny/staff/VOL-1/case/KR-APP-9-12/accept", msgspec.json.encode(
        {"v": 1, "device": "VOL-1", "seq": 2, "ts": TS, "actor": "VOL-1"}), NOW)
    assert accept.events == (CaseAccepted(NOW, "KR-APP-9-12", "VOL-1"),) and accept.key == ("staff/VOL-1", 2)
    feedback = tr.translate("street/tiny/staff/VOL-1/case/KR-APP-9-12/feedback", msgspec.json.encode(
        {"v": 1, "device": "VOL-1", "seq": 3, "ts": TS, "actor": "VOL-1", "rating": 4, "fixed": False}), NOW)
    assert feedback.events == (CaseFeedback(NOW, "KR-APP-9-12", 4, False, "VOL-1"),)


@pytest.mark.parametrize(
    ("topic", "raw", "reason"),
    [
        ("street/tiny/sensor/GHOST-1/reading", body(device="GHOST-1"), Reason.UNKNOWN_DEVICE),
        ("street/tiny/sensor/MH-1/reading", body(), Reason.DEVICE_MISMATCH),
        ("street/other/sensor/SMK-1/reading", body(), Reason.WRONG_STREET),
        ("street/tiny/sensor/SMK-1/status", body(), Reason.BAD_TOPIC),
        ("street/tiny/staff/VOL-1/position",
         msgspec.json.encode({"v": 1, "device": "VOL-1", "seq": 1, "ts": TS, "lon": 0.0, "lat": 0.0}), Reason.OUTSIDE_STREET),
        ("street/tiny/app/APP/report", msgspec.json.encode(
            {"v": 1, "device": "APP", "seq": 1, "ts": TS, "source": "resident", "category": "alien_landing",
             "lon": 104.05, "lat": 30.6}), Reason.UNKNOWN_CATEGORY),
        ("street/tiny/staff/VOL-1/case/K1/feedback", msgspec.json.encode(
            {"v": 1, "device": "VOL-1", "seq": 1, "ts": TS, "actor": "VOL-1"}), Reason.MISSING_FIELD),
        ("street/tiny/staff/NOBODY/case/K1/accept", msgspec.json.encode(
            {"v": 1, "device": "NOBODY", "seq": 1, "ts": TS, "actor": "NOBODY"}), Reason.UNKNOWN_DEVICE),
        # Who sends is who the topic names (the broker's ACL binds topic to account).
        ("street/tiny/staff/VOL-1/case/K1/accept", msgspec.json.encode(
            {"v": 1, "device": "VOL-1", "seq": 1, "ts": TS, "actor": "GW-C01-G01"}), Reason.WRONG_SENDER),
        ("street/tiny/staff/VOL-1/case/K1/accept", msgspec.json.encode(
            {"v": 1, "device": "GW-C01-G01", "seq": 1, "ts": TS, "actor": "GW-C01-G01"}), Reason.DEVICE_MISMATCH),
        ("street/tiny/app/SMK-1/report", msgspec.json.encode(
            {"v": 1, "device": "SMK-1", "seq": 1, "ts": TS, "source": "resident", "category": "waste_sanitation",
             "lon": 104.0526, "lat": 30.6022}), Reason.WRONG_SENDER),
        ("street/tiny/app/VOL-1/report", msgspec.json.encode(
            {"v": 1, "device": "VOL-1", "seq": 1, "ts": TS, "source": "patrol", "category": "waste_sanitation",
             "lon": 104.0526, "lat": 30.6022}), Reason.WRONG_SENDER),
        ("street/tiny/app/APP-2/report", msgspec.json.encode(
            {"v": 1, "device": "APP-1", "seq": 1, "ts": TS, "source": "resident", "category": "waste_sanitation",
             "lon": 104.0526, "lat": 30.6022}), Reason.DEVICE_MISMATCH),
    ],
)
def test_messages_that_do_not_fit_the_street_are_refused(topic, raw, reason):
    with pytest.raises(PayloadError) as caught:
        Translator(tiny_street()).translate(topic, raw, NOW)
    assert caught.value.reason is reason


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_bodies(draw) -> bytes:
    """Valid-looking readings with one field replaced, dropped or added, or raw bytes."""
    choice = draw(st.integers(0, 3))
    fields = {"v": 1, "device": "SMK-1", "seq": 7, "ts": TS, "values": {"smoke": 0.0}}
    if choice == 0:
        return draw(st.binary(max_size=300))
    key = draw(st.sampled_from(sorted(fields)))
    if choice == 1:
        fields[key] = draw(json_values)
    elif choice == 2:
        del fields[key]
    else:
        fields[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    return msgspec.json.encode(fields)


@settings(max_examples=400, deadline=None)
@given(raw=mutated_bodies(), kind=st.sampled_from(list(TopicKind)))
def test_the_parser_returns_a_payload_or_a_payload_error_for_any_bytes(raw, kind):
    try:
        payload = parse_payload(kind, raw, NOW)
    except PayloadError as exc:
        assert isinstance(exc.reason, Reason) and str(exc)
    else:
        assert payload.v == 1 and payload.seq >= 0 and payload.ts.tzinfo is not None


@settings(max_examples=200, deadline=None)
@given(value=st.floats(allow_nan=True, allow_infinity=True))
def test_only_finite_bounded_values_pass(value):
    raw = body().replace(b'"smoke":0.0', b'"smoke":' + repr(value).encode().replace(b"inf", b"1e999"))
    try:
        payload = parse_payload(TopicKind.READING, raw, NOW)
    except PayloadError:
        assert not (abs(value) <= 1e7)
    else:
        assert payload.values["smoke"] == value and abs(value) <= 1e7


ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}", fullmatch=True)


@settings(max_examples=300)
@given(street=ids, sender=ids, case=ids, action=st.sampled_from(["accept", "on_scene", "resolve", "feedback"]),
       space=st.sampled_from([Space.STAFF, Space.APP]))
def test_every_topic_names_its_sender_and_round_trips(street, sender, case, action, space):
    report = parse_topic(report_topic(street, sender, space))
    assert (report.kind, report.street, report.space, report.id) == (TopicKind.REPORT, street, space, sender)
    acted = parse_topic(case_action_topic(street, sender, case, action))
    assert (acted.space, acted.id, acted.case_id, acted.action) == (Space.STAFF, sender, case, action)


@settings(max_examples=200)
@given(street=ids, sender=ids, space=st.sampled_from([Space.STAFF, Space.VEHICLE]))
def test_every_position_topic_names_its_sender_and_round_trips(street, sender, space):
    parsed = parse_topic(position_topic(street, sender, space))
    assert (parsed.kind, parsed.street, parsed.space, parsed.id) == (TopicKind.POSITION, street, space, sender)


def test_only_phones_and_trackers_post_positions_and_only_phones_and_apps_report():
    for space in (Space.SENSOR, Space.APP):
        with pytest.raises(ValueError):
            position_topic("tiny", "X-1", space)
    for space in (Space.SENSOR, Space.VEHICLE):
        with pytest.raises(ValueError):
            report_topic("tiny", "X-1", space)
    assert parse_topic("street/tiny/vehicle/CAR-1/report") is None
    assert "street/tiny/vehicle/+/position" in subscriptions("tiny")


def test_a_vehicle_tracker_moves_its_vehicle_and_is_validated_like_a_phone():
    tr = Translator(tiny_street_with_resources())
    lon, lat = centre(2, 0)

    def position(topic: str, device: str, lon: float = lon):
        return tr.translate(topic, msgspec.json.encode(
            {"v": 1, "device": device, "seq": 4, "ts": TS, "lon": lon, "lat": lat, "accuracy_m": 8.0}), NOW)

    moved = position("street/tiny/vehicle/CAR-1/position", "CAR-1")
    assert moved.events == (VehicleMoved(NOW, "CAR-1", lon, lat),) and moved.key == ("vehicle/CAR-1", 4)
    for topic, device, reason in [
        ("street/tiny/vehicle/CAR-9/position", "CAR-9", Reason.UNKNOWN_DEVICE),
        ("street/tiny/vehicle/VOL-1/position", "VOL-1", Reason.UNKNOWN_DEVICE),
        ("street/tiny/vehicle/CCH-1/position", "CCH-1", Reason.WRONG_SENDER),
        ("street/tiny/vehicle/CAR-1/position", "EBK-1", Reason.DEVICE_MISMATCH),
        ("street/tiny/staff/CAR-1/position", "CAR-1", Reason.UNKNOWN_DEVICE),
    ]:
        with pytest.raises(PayloadError) as caught:
            position(topic, device)
        assert caught.value.reason is reason, topic
    with pytest.raises(PayloadError) as caught:
        position("street/tiny/vehicle/CAR-1/position", "CAR-1", lon=lon + 1)
    assert caught.value.reason is Reason.OUTSIDE_STREET


def test_the_acl_gives_each_vehicle_its_own_position_topic_and_nothing_else():
    acl = render_acl(tiny_street_with_resources())
    assert "user CAR-1\ntopic write street/tiny/vehicle/CAR-1/position\n" in acl
    assert "user EBK-1\ntopic write street/tiny/vehicle/EBK-1/position\n" in acl
    assert "user CCH-1" not in acl and "user STN-1" not in acl
    assert "/vehicle/" not in render_acl(tiny_street_with_resources(), vehicles=False)


@given(st.lists(st.sampled_from(["street", "tiny", "sensor", "staff", "app", "vehicle", "position", "case", "report", "accept",
                                 "reading", "SMK-1", "GW-1", "+", "#", ""]), max_size=8))
def test_any_topic_parses_to_a_sender_of_its_space_or_to_nothing(levels):
    parsed = parse_topic("/".join(levels))
    if parsed is not None:
        assert parsed.space in Space and parsed.id not in ("", "+", "#")
        assert levels[2] == parsed.space.value and levels[3] == parsed.id
