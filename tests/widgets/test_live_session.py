"""The demo session end to end: saved in its database, logged in as the demo account, sensors over MQTT."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import msgspec
import pytest

from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.payloads import SCHEMA_VERSION
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.topics import reading_topic
from cockpit.security.permissions import Role
from cockpit.storage import AuditLog, CaseStore, EventStore, open_database
from cockpit.vocabulary.domain import RiskLevel, SensorKind, Source
from widgets.app import start_session
from widgets.mqtt_source import EMBEDDED

SESSION_THREADS = ("cockpit-db-writer", "cockpit-mqtt-ingest", "cockpit-embedded-broker", "cockpit-demo-sensors")


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}")
    yield database
    database.close()


def leftover_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in SESSION_THREADS]


def test_the_demo_acts_as_the_demo_account_and_saves_the_session(qtbot, qapp, db):
    session = start_session(qapp, lang="zh", speed=60.0, sound=False, db=db)
    window = session.desk.window
    qtbot.addWidget(window)
    try:
        assert session.actor == "demo-operator" and session.user is not None and session.user.is_demo
        assert window.account_label.text() == "演示账号 demo-operator（值班员 · 全街道）"
        assert "cockpit.sqlite" in window.note_label.text()
        window.show_storage_problem("database is locked by another program: cockpit.sqlite")
        assert window.note_label.text() == "数据库暂不可用，数据未丢失，正在重试"
        assert window.note_label.objectName() == "errorText" and "locked" in window.note_label.toolTip()
        window.show_storage_problem("")
        assert "cockpit.sqlite" in window.note_label.text() and window.note_label.objectName() == "muted"
        alarm = session.twin.active_alarms()[0]
        assert session.desk.banner.acknowledge() or session.model.command(
            session.twin.acknowledge, alarm.id, session.actor)
    finally:
        session.close()
    assert leftover_threads() == []
    assert EventStore(db).count() == session.twin.applied  # the bootstrap included: the writer follows from the start
    assert CaseStore(db).count() == len(session.twin.cases)
    acknowledged = [e for e in AuditLog(db).entries() if e.action == "AlarmAcknowledged"]
    assert [e.actor for e in acknowledged] == ["demo-operator"]


def test_a_demo_leader_may_open_the_simulation_an_operator_may_not(qtbot, qapp, db):
    session = start_session(qapp, lang="zh", speed=60.0, sound=False, db=db, role=Role.LEADER)
    window = session.desk.window
    qtbot.addWidget(window)
    try:
        assert session.actor == "demo-leader" and session.user.role is Role.LEADER and session.user.is_demo
        assert window.simulation_action.isEnabled() and not window.training_action.isEnabled()
    finally:
        session.close()
    operator = start_session(qapp, lang="zh", speed=60.0, sound=False, db=db)
    qtbot.addWidget(operator.desk.window)
    try:
        assert operator.actor == "demo-operator"
        assert not operator.desk.window.simulation_action.isEnabled()
        assert operator.desk.window.simulation_action.toolTip()
    finally:
        operator.close()


def test_a_smoke_alarm_over_the_embedded_broker_opens_a_red_fire_case_and_the_banner(qtbot, qapp, db):
    session = start_session(qapp, lang="en", sound=False, db=db, broker=EMBEDDED, sensor_rate=0)
    window = session.desk.window
    qtbot.addWidget(window)
    try:
        assert "not durable" in window.link_label.text()
        qtbot.waitUntil(lambda: window.link_label.text().startswith("MQTT connected"), timeout=10_000)
        twin = session.twin
        sensor = next(s for s in twin.street.sensors
                      if s.kind is SensorKind.SMOKE and twin.sensors[s.id].alarm_id is None)
        publisher = Publisher(BrokerConfig(session.mqtt.url, client_id="test-smoke-detector"))
        body = {"v": SCHEMA_VERSION, "device": sensor.id, "seq": 1_000_000,
                "ts": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "values": {"smoke": 1.0, "battery": 0.8}}
        publisher.publish(reading_topic(twin.street.id, sensor.id), msgspec.json.encode(body))
        assert publisher.drain(5.0)
        publisher.close()

        def fire_case():
            return [c for c in twin.cases.values()
                    if c.category == "fire_hazard" and c.risk is RiskLevel.RED and c.source is Source.SENSOR
                    and c.micro_grid_id == sensor.micro_grid_id and c.reporter == sensor.id]

        qtbot.waitUntil(lambda: len(fire_case()) == 1, timeout=10_000)
        [case] = fire_case()
        assert twin.alarms[case.alarm_id].sensor_id == sensor.id
        assert session.desk.banner.pending >= 1
        assert session.mqtt.service.stats.accepted == 1
    finally:
        session.close()
    assert leftover_threads() == []
    assert CaseStore(db).count() == len(session.twin.cases)


def test_a_restart_carries_on_the_saved_day(qtbot, qapp, db, caplog):
    first = start_session(qapp, lang="en", sound=False, db=db)
    qtbot.addWidget(first.desk.window)
    before = {case_id: case.status for case_id, case in first.twin.cases.items()}
    first.close()
    second = start_session(qapp, lang="en", sound=False, db=db)
    qtbot.addWidget(second.desk.window)
    try:
        assert set(before) <= set(second.twin.cases)
        # Nothing was played twice: the catch-up covers only the seconds since the first session.
        assert len(second.twin.cases) - len(before) <= 2
        second.desk.window.set_link("degraded", "connection lost: broker stopped")
        assert second.desk.window.link_label.text() == "MQTT degraded, reconnecting"
        assert second.desk.window.link_label.toolTip() == "connection lost: broker stopped"
    finally:
        second.close()
    assert CaseStore(db).count() == len(second.twin.cases)
    assert "projection skipped" not in caplog.text
