"""Storage round trips on SQLite and on a real PostgreSQL: street, events, cases, telemetry, dead letters.

Every test taking ``db`` runs twice: on a SQLite file in tmp_path and on a fresh database of the
session's PostgreSQL server (marked ``postgres``). Other storage test files import these fixtures.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pandas as pd
import psycopg
import pytest
import shapely
from shapely.geometry import LineString, box
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import StatementError

from cockpit import recommender
from cockpit.sla import live_derivers
from cockpit.storage import (
    AlarmStore,
    CaseStore,
    Database,
    DeadLetter,
    DeadLetters,
    EventStore,
    StorageError,
    StreetNotFound,
    TelemetryWriter,
    load_street,
    open_database,
    save_street,
    street_ids,
)
from cockpit.storage.models import CaseRow, ResidentRow
from cockpit.street.model import DedicatedGrid, Resource, Road, Sensor, Shift, StaffMember, Stock, Street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import (
    AlarmState,
    Department,
    OwnerLevel,
    ResourceKind,
    RiskLevel,
    SensorKind,
    Source,
    StaffKind,
    StaffStatus,
)
from cockpit.vocabulary.events import (
    AlarmCleared,
    AlarmRaised,
    AlarmRepeated,
    CaseDispatched,
    CaseReported,
    ClockTick,
    SensorReading,
    StaffMoved,
    StaffStatusChanged,
)
from tests.core.tiny import tiny_street

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=timezone.utc)


def _fresh_postgres_database(server_url: str) -> Iterator[str]:
    """A new empty database on the session's server, dropped afterwards."""
    url = make_url(server_url)
    name = f"storage_{uuid.uuid4().hex[:12]}"
    conninfo = f"host={url.host} port={url.port} user={url.username} dbname=postgres"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database: a SQLite file, or a fresh database on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cockpit.sqlite'}"
    else:
        yield from _fresh_postgres_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """The database at ``db_url``, opened (and so migrated to head)."""
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


def synthetic_street() -> Street:
    """The tiny street plus what it lacks: dedicated grids, roads, a third shift, a department team, resources."""
    base = tiny_street()
    dedicated = (
        DedicatedGrid("D-MKT", "market", "菜市场", box(104.051, 30.601, 104.052, 30.602), "C01"),
        DedicatedGrid("D-RIV", "river", "清水河", box(104.05, 30.6045, 104.0708, 30.6050), None),
    )
    roads = (
        Road("R1", "人民路", "arterial", LineString([(104.05, 30.6045), (104.0708, 30.6045)])),
        Road("R2", "小巷", "local", LineString([(104.0520, 30.60), (104.05200000000001, 30.609)])),
    )
    shifts = base.shifts + (Shift("evening", "晚班", time(16), time(0, 30)),)
    staff = base.staff + (
        StaffMember("POL-1", "派出所一组", StaffKind.DEPARTMENT, frozenset({"security", "traffic"}),
                    "evening", 104.0601, 30.6012, None, None, None, Department.POLICE),
    )
    sensors = base.sensors + (
        Sensor("CAM-1", SensorKind.CAMERA, 104.05123456789, 30.60198765432, "C01-G01-M01", 30, False, "东门"),
    )
    resources = (
        Resource("STN-1", ResourceKind.STATION, "party_mass_station", "社区党群服务站", 104.0512, 30.6011,
                 "C01-G01-M01", (Stock("aed", 1, 1), Stock("extinguisher", 2, 6)), 4,
                 ((time(9), time(12)), (time(13, 30), time(20, 30)))),
        Resource("EBK-1", ResourceKind.VEHICLE, "e_bike", "巡逻电动车01", 104.05121, 30.60111, "C01-G01-M01",
                 base_id="STN-1"),
        Resource("CCH-1", ResourceKind.CACHE, "residential", "应急物资点", 104.0572, 30.6072, "C02-G02-M02",
                 (Stock("pump", 0, 1),)),
    )
    return replace(base, id="synthetic", seed=7, dedicated_grids=dedicated, roads=roads,
                   shifts=shifts, staff=staff, sensors=sensors, resources=resources)


# ---------------------------------------------------------------- opening


def test_sqlite_connections_use_wal_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    with open_database(f"sqlite:///{tmp_path / 'c.sqlite'}", busy_timeout_ms=1234) as db:
        with db.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") == 1234
        assert db.path == tmp_path / "c.sqlite"
        assert db.dialect == "sqlite"


def test_default_database_lives_in_the_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "user-data" / "street-cockpit"
    monkeypatch.setattr("cockpit.storage.db.platformdirs.user_data_dir", lambda app: str(data_dir))
    with open_database() as db:
        assert db.path == data_dir / "cockpit.sqlite"
    assert (data_dir / "cockpit.sqlite").is_file()


def test_locked_database_gives_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    open_database(f"sqlite:///{path}").close()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as caught:
            open_database(f"sqlite:///{path}", busy_timeout_ms=50)
    finally:
        holder.close()
    assert str(caught.value) == f"database is locked by another program: {path}"


def test_writes_to_a_locked_database_raise_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    with open_database(f"sqlite:///{path}", busy_timeout_ms=50) as db:
        holder = sqlite3.connect(path, isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageError, match="^database is locked by another program: "):
                EventStore(db).append([ClockTick(T0)])
        finally:
            holder.close()
        assert EventStore(db).append([ClockTick(T0)]) == 1


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{path}")
    assert str(caught.value) == f"not a database: {path}"


def test_missing_folder_and_unknown_scheme_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder does not exist"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'c.sqlite'}")
    with pytest.raises(StorageError, match="unsupported database URL"):
        open_database("mysql://localhost/cockpit")


# ---------------------------------------------------------------- street


def test_street_round_trip_is_exact(db: Database) -> None:
    street = synthetic_street()
    save_street(db, street)
    loaded = load_street(db, "synthetic")

    assert (loaded.id, loaded.name, loaded.name_en, loaded.city, loaded.seed) == (
        "synthetic", "小街道", "Tiny street", "成都", 7)
    assert loaded.projection.epsg == 32648
    assert loaded.projection.to_xy(104.06, 30.6) == street.projection.to_xy(104.06, 30.6)
    for part in ("communities", "general_grids", "micro_grids", "dedicated_grids", "roads",
                 "sensors", "shifts", "staff", "resources"):
        assert getattr(loaded, part) == getattr(street, part), part
    assert shapely.to_wkb(loaded.boundary) == shapely.to_wkb(street.boundary)
    assert shapely.to_wkb(loaded.roads[1].line) == shapely.to_wkb(street.roads[1].line)
    assert loaded.sensor("CAM-1").lon == 104.05123456789
    assert loaded.staff_member("POL-1").skills == frozenset({"security", "traffic"})
    assert loaded.staff_member("POL-1").department is Department.POLICE
    assert loaded.shift("evening").covers(time(0, 10))
    assert loaded.micro_grid("C01-G01-M01").elderly_alone == 8
    assert loaded.resource("STN-1").is_open(time(19)) and not loaded.resource("STN-1").is_open(time(12, 30))
    assert loaded.resource("CCH-1").count("pump") == 0 and loaded.resource("EBK-1").base_id == "STN-1"
    assert loaded.households == street.households == 1600


def test_demo_street_round_trip(db: Database) -> None:
    from cockpit.street.demo import load_demo_street

    street = load_demo_street()
    save_street(db, street)
    loaded = load_street(db, street.id)
    assert (len(loaded.communities), len(loaded.micro_grids), len(loaded.sensors)) == (23, 536, len(street.sensors))
    for part in ("communities", "general_grids", "micro_grids", "dedicated_grids", "roads",
                 "sensors", "shifts", "staff", "resources"):
        assert getattr(loaded, part) == getattr(street, part), part
    assert shapely.to_wkb(loaded.boundary) == shapely.to_wkb(street.boundary)
    assert (loaded.residents, loaded.seed, loaded.projection.epsg) == (
        street.residents, street.seed, street.projection.epsg)


def test_saving_a_street_again_replaces_it(db: Database) -> None:
    street = synthetic_street()
    save_street(db, street)
    smaller = replace(street, sensors=street.sensors[:1], name="改名街道")
    save_street(db, smaller)
    loaded = load_street(db, "synthetic")
    assert loaded.name == "改名街道"
    assert [s.id for s in loaded.sensors] == ["SMK-1"]
    assert street_ids(db) == ["synthetic"]


def test_a_street_with_residents_is_not_replaced(db: Database) -> None:
    street = synthetic_street()
    save_street(db, street)
    with db.transaction() as session:
        session.add(ResidentRow(street_id="synthetic", micro_grid_id="C01-G01-M01", name_enc=b"\x01opaque",
                                stored_at=T0))
    with pytest.raises(StorageError, match="street synthetic has 1 residents' records"):
        save_street(db, replace(street, name="改名"))
    assert load_street(db, "synthetic").name == "小街道"
    with db.session() as session:
        stored = session.scalars(select(ResidentRow)).one()
    assert (stored.name_enc, stored.phone_enc, stored.stored_at) == (b"\x01opaque", None, T0)


def test_loading_an_unknown_street_says_so(db: Database) -> None:
    with pytest.raises(StreetNotFound, match="no street 'atlantis'"):
        load_street(db, "atlantis")


# ---------------------------------------------------------------- event log


def _mixed_events() -> list:
    return [
        CaseReported(T0, "K1", "fire_hazard", Source.SENSOR, 104.0512, 30.6011, "C01-G01-M01",
                     "C01-G01", "C01", RiskLevel.RED, "飞线充电", "SMK-1", "A1"),
        SensorReading(T0 + timedelta(seconds=1), "SMK-1", 17, {"smoke": 1.0, "temp_c": 41.25}),
        AlarmRaised(T0 + timedelta(seconds=2), "A1", "sensor", RiskLevel.RED, "SMK-1", "smoke", "K1"),
        StaffMoved(T0 + timedelta(minutes=1, microseconds=7), "GW-C01-G01", 104.0513, 30.6012),
        StaffStatusChanged(T0 + timedelta(minutes=2), "GW-C01-G01", StaffStatus.EN_ROUTE),
        CaseDispatched(T0 + timedelta(minutes=3), "K1", "GW-C01-G01", "op1", 6.5, ""),
        ClockTick(T0 + timedelta(hours=1)),
    ]


def test_event_log_round_trip_in_order(db: Database) -> None:
    store = EventStore(db)
    events = _mixed_events()
    assert store.append(events[:4]) == 4
    assert store.append(events[4:]) == 3
    assert store.append([]) == 0

    assert list(store.read()) == events
    assert store.count() == 7
    assert store.last_at() == T0 + timedelta(hours=1)
    window = list(store.read(start=T0 + timedelta(seconds=1), end=T0 + timedelta(minutes=2)))
    assert window == events[1:4]
    shanghai = timezone(timedelta(hours=8))
    assert list(store.read(start=(T0 + timedelta(minutes=3)).astimezone(shanghai))) == events[5:]
    assert all(e.at.tzinfo is timezone.utc for e in store.read())


# ---------------------------------------------------------------- cases


def _twin_history() -> tuple[TwinState, list]:
    """A day of cases on the tiny street through the live twin: every path, overdue escalations too."""
    twin = TwinState(tiny_street(), derivers=live_derivers())
    applied: list = []
    twin.subscribe(applied.extend)
    for member in twin.street.staff:
        twin.apply(StaffStatusChanged(T0, member.id, StaffStatus.AVAILABLE))

    def report(case_id: str, minutes: int, micro: str, risk: RiskLevel | None, source: Source) -> None:
        m = twin.street.micro_grid(micro)
        at = T0 + timedelta(minutes=minutes)
        twin.apply(CaseReported(at, case_id, "property_maintenance", source, 104.052, 30.602, m.id,
                                m.general_grid_id, m.community_id, risk, "漏水", "居民"))

    def at(minutes: int) -> datetime:
        return T0 + timedelta(minutes=minutes)

    report("K1", 0, "C01-G01-M01", RiskLevel.BLUE, Source.RESIDENT)
    twin.triage("K1", "property_maintenance", RiskLevel.BLUE, OwnerLevel.GRID, "op1", at(5))
    recommender.dispatch(twin, "K1", "GW-C01-G01", "op1", at=at(6))
    recommender.dispatch(twin, "K1", "VOL-1", "op1", "grid worker busy", at(8))
    twin.accept("K1", "VOL-1", at(20))
    twin.arrive("K1", "VOL-1", at(35))
    twin.resolve("K1", "VOL-1", "换了阀门", at(60))
    twin.feedback("K1", 2, False, "居民", at(90))
    twin.reopen("K1", "op1", "still leaking", at(95))
    twin.triage("K1", "property_maintenance", RiskLevel.YELLOW, OwnerLevel.COMMUNITY, "op1", at(100))
    recommender.dispatch(twin, "K1", "PROP-1", "op1", at=at(101))
    twin.accept("K1", "PROP-1", at(110))
    twin.resolve("K1", "PROP-1", at=at(200))
    twin.feedback("K1", 5, True, "居民", at(240))
    twin.close("K1", "op1", at=at(241))
    report("K2", 10, "C02-G01-M02", None, Source.PATROL)
    report("K3", 12, "C02-G01-M02", RiskLevel.BLUE, Source.PATROL)
    twin.merge("K3", "K2", "op1", "same leak", at(13))
    report("K4", 15, "C01-G02-M01", RiskLevel.BLUE, Source.RESIDENT)
    twin.reject("K4", "op1", "not in our street", at(16))
    report("K5", 30, "C02-G02-M02", RiskLevel.RED, Source.SENSOR)
    twin.escalate("K2", "op2", "needs the community", at(40))
    twin.tick(T0 + timedelta(days=2))
    return twin, applied


def test_case_projection_equals_the_twin(db: Database) -> None:
    twin, applied = _twin_history()
    store = CaseStore(db)
    half = len(applied) // 2
    applied_count = store.apply(applied[:half]) + store.apply(applied[half:])

    case_events = [e for e in applied if type(e).__name__.startswith("Case")]
    assert {"CaseOverdue", "CaseEscalated", "AlarmRaised"} <= {type(e).__name__ for e in applied}
    assert applied_count == len(case_events)
    assert store.count() == 5
    expected = twin.cases_frame().sort_values("case_id").reset_index(drop=True)
    actual = store.cases_frame().sort_values("case_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False)
    assert actual.loc[0, "reopened"] == 1 and actual.loc[0, "satisfaction"] == 5
    assert list(actual["status"]) == ["closed", "reported", "merged", "rejected", "reported"]
    assert str(actual["reported_at"].dt.tz) == "UTC"

    for case in twin.cases.values():
        rows = store.transitions(case.id)
        assert [r.seq for r in rows] == list(range(1, len(case.history) + 1))
        assert [(r.at, r.event_type, r.from_status, r.to_status, r.actor, r.reason) for r in rows] == [
            (t.at, t.event_type, t.from_status.value if t.from_status else None, t.to_status.value,
             t.actor, t.reason)
            for t in case.history
        ]
    k1 = store.dispatches("K1")
    assert [(d.assignee, d.reason) for d in k1] == [
        ("GW-C01-G01", ""), ("VOL-1", "grid worker busy"), ("PROP-1", "")]
    assert k1[0].eta_minutes == pytest.approx(twin_dispatch_eta(applied, "K1", "GW-C01-G01"))
    feedback = [r for r in store.transitions("K1") if r.event_type == "CaseFeedback"]
    assert [r.details for r in feedback] == [
        {"rating": 2, "fixed": False, "actor": "居民"}, {"rating": 5, "fixed": True, "actor": "居民"}]


def test_alarm_projection_equals_the_twin(db: Database) -> None:
    twin, applied = _twin_history()  # the twin's listener keeps appending to ``applied``
    first = next(iter(twin.alarms))
    twin.acknowledge(first, "op1", T0 + timedelta(days=2, minutes=1))
    twin.apply(AlarmRepeated(T0 + timedelta(days=2, minutes=2), first))
    twin.apply(AlarmCleared(T0 + timedelta(days=2, minutes=3), first, "fixed"))
    store = AlarmStore(db)
    assert store.apply(applied) == sum(type(e).__name__.startswith("Alarm") for e in applied)

    stored = {a.id: a for a in store.alarms()}
    assert set(stored) == set(twin.alarms) and len(stored) >= 2
    for alarm in twin.alarms.values():
        row = stored[alarm.id]
        assert (row.kind, row.risk, row.case_id, row.area_id, row.state, row.raised_at, row.repeats,
                row.acknowledged_at, row.acknowledged_by, row.cleared_at) == (
            alarm.alarm_kind, alarm.risk.value, alarm.case_id, alarm.area_id, alarm.state.value,
            alarm.raised_at, alarm.repeats, alarm.acknowledged_at, alarm.acknowledged_by, alarm.cleared_at)
    assert [a.id for a in store.alarms(AlarmState.CLEARED)] == [first]
    assert stored[first].repeats == 1


def twin_dispatch_eta(events: list, case_id: str, assignee: str) -> float:
    return next(e.eta_minutes for e in events
                if isinstance(e, CaseDispatched) and e.case_id == case_id and e.assignee == assignee)


def test_a_case_event_without_its_report_stores_nothing(db: Database) -> None:
    store = CaseStore(db)
    report = CaseReported(T0, "K1", "fire_hazard", Source.PATROL, 104.05, 30.6, "C01-G01-M01",
                          "C01-G01", "C01")
    orphan = CaseDispatched(T0, "K9", "GW-C01-G01", "op1")
    with pytest.raises(KeyError, match="case K9: not stored"):
        store.apply([report, orphan])
    assert store.count() == 0
    store.apply([report])
    with db.session() as session:
        row = session.scalars(select(CaseRow)).one()
    assert (row.risk_level, row.owner_level) == ("red", "street")  # fire hazard's default risk


# ---------------------------------------------------------------- telemetry and dead letters


def _readings(sensor: str, seqs: range, offset_s: int = 0) -> list[SensorReading]:
    return [SensorReading(T0 + timedelta(seconds=offset_s + s), sensor, s, {"v": s / 4}) for s in seqs]


def test_telemetry_drops_redeliveries_and_counts_them(db: Database) -> None:
    writer = TelemetryWriter(db)
    assert writer.write(_readings("SMK-1", range(100))) == (100, 0)
    # a redelivered half plus 50 new readings
    assert writer.write(_readings("SMK-1", range(50, 150))) == (50, 50)
    # duplicates inside one batch count too
    batch = _readings("MH-1", range(10)) + _readings("MH-1", range(5), offset_s=999)
    result = writer.write(batch)
    assert (result.inserted, result.duplicates) == (10, 5)
    assert writer.write([]) == (0, 0)

    assert writer.count() == 160
    assert writer.count("SMK-1") == 150
    stored = writer.readings("MH-1")
    assert stored == _readings("MH-1", range(10))  # the first delivery wins
    assert stored[3].at.tzinfo is timezone.utc and stored[3].values == {"v": 0.75}


def test_sequence_gaps_are_counted_per_device(db: Database) -> None:
    writer = TelemetryWriter(db)
    writer.write(_readings("BRC-1", range(1, 11)))
    writer.write(_readings("BRC-1", range(14, 21)))  # 11, 12, 13 lost
    writer.write(_readings("MH-1", range(5, 8)))
    stats = writer.sequence_stats()
    assert stats["BRC-1"] == (17, 1, 20, 3)
    assert stats["MH-1"].missing == 0


def test_dead_letters_keep_reason_hash_and_a_short_excerpt(db: Database) -> None:
    letters = DeadLetters(db)
    huge = b'{"device":"SMK-1","seq":' + b"9" * 5000 + b"}"
    first = letters.add("street/s/sensor/SMK-1/reading", "too_large", "5030 bytes > 4096", huge, T0)
    letters.add("street/s/sensor/X/reading", "bad_json", "Expecting value: line 1", b"\xff\xfe{", T0)
    letters.add("street/s/sensor/Y/reading", "bad_json", "Expecting value", b"", T0)

    assert first.payload_sha256 == hashlib.sha256(huge).hexdigest()
    assert first.payload_size == len(huge)
    assert letters.count() == 3 and letters.count("bad_json") == 2
    assert letters.counts_by_reason() == {"too_large": 1, "bad_json": 2}
    newest = letters.list()
    assert [d.reason_code for d in newest] == ["bad_json", "bad_json", "too_large"]
    stored = newest[2]
    assert len(stored.payload_excerpt) == 200 and stored.payload_excerpt.startswith('{"device":"SMK-1"')
    assert stored.received_at == T0 and stored.id is not None
    assert newest[1].payload_excerpt == "\ufffd\ufffd{"
    assert [d.topic for d in letters.list(limit=1, reason_code="bad_json")] == ["street/s/sensor/Y/reading"]


def test_readings_and_dead_letters_commit_together(db: Database) -> None:
    writer = TelemetryWriter(db)
    bad = DeadLetter.of("street/s/sensor/Z/reading", "unknown_device", "Z", b"{}", T0)
    assert writer.write(_readings("SMK-1", range(3)), [bad]) == (3, 0)
    assert DeadLetters(db).count("unknown_device") == 1
    assert DeadLetter.of("t", "r", "d", b"x").received_at.tzinfo is timezone.utc


def test_naive_timestamps_are_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        TelemetryWriter(db).write([SensorReading(datetime(2026, 1, 1), "SMK-1", 1, {})])
    assert TelemetryWriter(db).count() == 0
