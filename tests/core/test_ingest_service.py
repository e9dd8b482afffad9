"""The ingest service without a broker: batches committed once, redeliveries dropped by their
(device, seq) key (the store's optimistic insert falls back to a key lookup), the alarm rules fed,
refused messages counted, and the delivery tokens returned only by the commit that holds them."""

from __future__ import annotations

from datetime import datetime, timezone

import msgspec
import pytest

from cockpit.ingest.service import DATA_LOSS, IngestService, data_loss_missing
from cockpit.rules.model import load_rules
from cockpit.storage.db import open_database
from cockpit.storage.eventlog import EventStore
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import AlarmRaised, CaseReported, SensorReading
from tests.core.tiny import tiny_street

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
TOPIC = "street/tiny/sensor/SMK-1/reading"


def reading(seq: int, smoke: float = 0.0) -> tuple[str, bytes]:
    ts = datetime(2026, 5, 1, 8, 0, seq % 60, tzinfo=timezone.utc).isoformat()
    return TOPIC, msgspec.json.encode({"v": 1, "device": "SMK-1", "seq": seq, "ts": ts, "values": {"smoke": smoke}})


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'ingest.sqlite'}")
    yield database
    database.close()


def telemetry_keys(db) -> list[tuple[str, int]]:
    with db.session() as session:
        cursor = session.connection().connection.driver_connection.cursor()
        return cursor.execute("SELECT sensor_id, seq FROM telemetry ORDER BY seq").fetchall()


def test_a_batch_is_committed_once_and_its_tokens_come_back_with_the_commit(db):
    sunk = []
    service = IngestService(tiny_street(), db, sink=sunk.extend)
    service.handle_many([(*reading(seq), f"t{seq}") for seq in (1, 2, 3)], NOW)
    assert service.pending == 3 and telemetry_keys(db) == []
    assert service.flush() == ["t1", "t2", "t3"]
    assert telemetry_keys(db) == [("SMK-1", 1), ("SMK-1", 2), ("SMK-1", 3)]
    assert [e.seq for e in sunk if isinstance(e, SensorReading)] == [1, 2, 3]
    assert service.flush() == [] and service.stats.batches == 1


def test_redeliveries_mixed_with_new_messages_are_dropped_by_their_key(db):
    service = IngestService(tiny_street(), db)
    service.handle_many([(*reading(seq), None) for seq in (1, 2, 3)], NOW)
    service.flush()
    # 2 and 3 again (a redelivery after a crash before the ack), 5 twice in one batch, 4 new.
    service.handle_many([(*reading(seq), None) for seq in (2, 3, 5, 5, 4)], NOW)
    service.flush()
    assert telemetry_keys(db) == [("SMK-1", s) for s in (1, 2, 3, 4, 5)]
    assert service.stats.summary() == {"received": 8, "accepted": 5, "rejected": 0, "duplicates": 3, "gaps": 0}


def test_a_gap_is_counted_and_a_late_message_fills_it(db):
    service = IngestService(tiny_street(), db)
    service.handle_many([(*reading(seq), None) for seq in (1, 2, 5)], NOW)
    service.flush()
    assert service.stats.gaps == 2 and service.gaps_by_device() == {"SMK-1": 2}
    service.handle_many([(*reading(3), None)], NOW)
    service.flush()
    assert service.stats.gaps == 1


def test_refused_messages_are_dead_letters_and_the_sum_holds(db):
    service = IngestService(tiny_street(), db)
    service.handle_many([reading(1) + (None,), (TOPIC, b"{not json", None), ("street/tiny/nope", b"{}", None)], NOW)
    service.flush()
    stats = service.stats
    assert (stats.received, stats.accepted, stats.rejected) == (3, 1, 2)
    assert dict(stats.rejected_by_reason) == {"bad_json": 1, "bad_topic": 1}


def test_the_rules_see_the_new_readings_of_a_batch_and_open_one_case(db):
    sunk = []
    service = IngestService(tiny_street(), db, sink=sunk.extend, rules=load_rules())
    service.handle_many([(*reading(seq, smoke=1.0), None) for seq in range(1, 6)], NOW)
    service.flush()
    raised = [e for e in sunk if isinstance(e, AlarmRaised)]
    assert len(raised) == 1 and raised[0].sensor_id == "SMK-1"
    assert len([e for e in sunk if isinstance(e, CaseReported)]) == 1
    # The same readings redelivered cause nothing new.
    sunk.clear()
    service.handle_many([(*reading(seq, smoke=1.0), None) for seq in range(1, 6)], NOW)
    service.flush()
    assert sunk == [] and service.stats.duplicates == 5


@pytest.mark.parametrize(("size", "age_s", "backlog", "due"), [
    (10, 0.01, False, False),      # a light stream waits for its 50 ms
    (10, 0.05, False, True),
    (10, 0.05, True, False),       # a backlog keeps filling the batch...
    (10, 0.5, True, True),         # ...until its oldest message waited 500 ms
    (100, 0.0, True, True),        # or it is full
])
def test_group_commit_waits_longer_only_while_a_backlog_fills_the_batch(db, size, age_s, backlog, due):
    service = IngestService(tiny_street(), db, batch_size=100, batch_age_s=0.05, batch_max_age_s=0.5)
    assert service.batch_due(size, age_s, backlog) is due


def _report(device: str, seq: int) -> bytes:
    return msgspec.json.encode({"v": 1, "device": device, "seq": seq, "ts": NOW.isoformat(), "source": "resident",
                                "category": "waste_sanitation", "lon": 104.0526, "lat": 30.6022})


def _action(device: str, seq: int, actor: str) -> bytes:
    return msgspec.json.encode({"v": 1, "device": device, "seq": seq, "ts": NOW.isoformat(), "actor": actor})


FORGED = [
    # A phone or app posting under a sensor's id, on every topic a report or an action can take.
    ("street/tiny/case/report", _report("SMK-1", 50)),
    ("street/tiny/app/SMK-1/report", _report("SMK-1", 51)),
    ("street/tiny/staff/GW-C01-G01/report", _report("SMK-1", 52)),
    ("street/tiny/case/K1/accept", _action("SMK-1", 53, "GW-C01-G01")),
    ("street/tiny/staff/GW-C01-G01/case/K1/accept", _action("SMK-1", 54, "GW-C01-G01")),
    ("street/tiny/staff/SMK-1/case/K1/accept", _action("SMK-1", 55, "GW-C01-G01")),
]


def test_a_report_or_action_naming_a_sensor_never_makes_its_reading_a_duplicate(db):
    """Audit finding 1: (device, seq) was one key space for readings and reports/actions."""
    service = IngestService(tiny_street(), db)
    service.handle_many([(topic, raw, None) for topic, raw in FORGED], NOW)
    service.flush()
    service.handle_many([(*reading(seq), None) for seq in range(50, 56)], NOW)
    service.flush()
    assert telemetry_keys(db) == [("SMK-1", seq) for seq in range(50, 56)]
    stats = service.stats
    assert (stats.accepted, stats.duplicates, stats.rejected) == (6, 0, len(FORGED))


def test_a_lost_broker_session_raises_a_possible_data_loss_alarm_with_the_gap_count(db):
    """Audit finding 4: a lost persistent session was an INFO line."""
    sunk = []
    service = IngestService(tiny_street(), db, sink=sunk.extend, loss_settle_s=0.0)
    service.handle_many([(*reading(seq), None) for seq in (1, 2, 3)], NOW)
    service.flush()
    service.session_lost(NOW, "127.0.0.1:1883 had no session")
    service.handle_many([(*reading(seq), None) for seq in (10, 11)], NOW)    # 4-9 never came
    service.flush()
    service.tick(NOW)
    service.flush()
    [alarm] = [e for e in sunk if isinstance(e, AlarmRaised)]
    assert (alarm.alarm_kind, alarm.risk) == (DATA_LOSS, RiskLevel.RED)
    assert data_loss_missing(alarm.detail) == 6 == service.stats.gaps
    assert alarm in list(EventStore(db).read())
    service.tick(NOW)
    assert service.flush() == [] and len([e for e in sunk if isinstance(e, AlarmRaised)]) == 1
