"""The database writer: batches saved off the GUI thread, kept through a locked database, logged once."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

import pytest

from cockpit.storage import AlarmStore, AuditLog, CaseStore, EventStore, open_database
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import ClockTick
from tests.widgets.conftest import T0, report
from widgets.persistence import DatabaseWriter


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}", busy_timeout_ms=50)
    yield database
    database.close()


def writer_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "cockpit-db-writer"]


def test_applied_batches_are_logged_projected_and_audited(qtbot, twin, db):
    writer = DatabaseWriter(db, twin)
    writer.follow(twin)
    twin.apply(report("K1", "fire_hazard", risk=RiskLevel.RED))
    twin.acknowledge(next(iter(twin.alarms)), "值班员", at=T0 + timedelta(minutes=1))
    twin.apply(report("K2"))
    assert writer.close() == 0
    assert writer_threads() == []
    # K1, its derived red alarm, the acknowledgement, K2.
    assert EventStore(db).count() == 4
    assert CaseStore(db).count() == 2
    [alarm] = AlarmStore(db).alarms()
    assert (alarm.state, alarm.acknowledged_by) == ("acknowledged", "值班员")
    assert [(e.actor, e.action) for e in AuditLog(db).entries()] == [("值班员", "AlarmAcknowledged")]


def test_a_locked_database_keeps_the_batches_and_says_so_until_it_is_free(qtbot, twin, db):
    writer = DatabaseWriter(db, twin, retry_s=0.05)
    writer.follow(twin)
    holder = sqlite3.connect(str(db.path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(writer.status_changed, timeout=5000) as blocked:
            twin.apply(report("K1"))
        assert "locked" in blocked.args[0]
        twin.apply(report("K2"))
        twin.apply(ClockTick(T0 + timedelta(minutes=5)))
        assert not writer.wait_idle(0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert writer.wait_idle(5.0)
    assert writer.status == ""
    assert writer.close() == 0
    assert EventStore(db).count() == 3
    assert CaseStore(db).count() == 2


def test_events_the_ingest_logged_are_not_logged_again(qtbot, twin, db):
    writer = DatabaseWriter(db, twin)
    writer.follow(twin)
    from_ingest = [report("K1"), report("K2")]
    writer.already_logged(from_ingest)
    twin.apply_many([*from_ingest, report("K3")])
    writer.close()
    assert [e.case_id for e in EventStore(db).read()] == ["K3"]
    assert CaseStore(db).count() == 3  # still projected: the ingest logs events, not cases


def test_a_command_the_authorizer_cannot_check_is_refused_with_the_reason(qtbot, model, twin):
    from cockpit.storage import StorageError

    def unreachable(_twin, _event):
        raise StorageError("database is locked by another program: cockpit.sqlite")

    twin.apply(report("K1"))
    twin.authorizer = unreachable
    with qtbot.waitSignal(model.error_occurred, timeout=1000) as refused:
        assert not model.command(twin.reject, "K1", "op", "duplicate")
    assert "locked" in refused.args[0]
    assert twin.cases["K1"].status.open
