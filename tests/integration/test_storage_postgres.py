"""Storage against a real PostgreSQL under concurrency: several processes migrating, appending to
the audit chain and writing overlapping telemetry at once, and an unreachable server reported in
one line.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from cockpit.storage import AuditLog, StorageError, TelemetryWriter, open_database
from cockpit.vocabulary.events import SensorReading
from tests.core.test_storage import _fresh_postgres_database
from tests.core.test_storage_audit import append_concurrently
from tests.fixtures._servers import LOOPBACK, free_port

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def pg_url(postgres_url: str) -> Iterator[str]:
    yield from _fresh_postgres_database(postgres_url)


def _open_and_close(url: str) -> None:
    open_database(url).close()


def _write_readings(url: str, start: int, stop: int, queue) -> None:
    db = open_database(url)
    try:
        writer = TelemetryWriter(db)
        inserted = duplicates = 0
        for first in range(start, stop, 50):
            batch = [SensorReading(T0 + timedelta(seconds=s), "SMK-1", s, {"smoke": 0.0})
                     for s in range(first, min(first + 50, stop))]
            result = writer.write(batch)
            inserted += result.inserted
            duplicates += result.duplicates
        queue.put((inserted, duplicates))
    finally:
        db.close()


def _run(target, args_list: list[tuple]) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=target, args=args) for args in args_list]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * len(workers)


def test_concurrent_first_opens_migrate_once(pg_url: str) -> None:
    _run(_open_and_close, [(pg_url,)] * 3)
    with open_database(pg_url) as db:
        assert AuditLog(db).count() == 0


def test_concurrent_audit_appends_keep_one_chain(pg_url: str) -> None:
    open_database(pg_url).close()
    append_concurrently(pg_url, processes=3, each=25)
    with open_database(pg_url) as db:
        result = AuditLog(db).verify()
        assert (result.ok, result.checked) == (True, 75)


def test_overlapping_telemetry_from_two_writers_is_stored_once(pg_url: str) -> None:
    open_database(pg_url).close()
    queue = multiprocessing.get_context("spawn").Queue()
    # two writers, readings 0..599 and 300..899: 300 readings are offered twice
    _run(_write_readings, [(pg_url, 0, 600, queue), (pg_url, 300, 900, queue)])
    results = [queue.get(timeout=10), queue.get(timeout=10)]
    assert sum(r[0] for r in results) == 900
    assert sum(r[1] for r in results) == 300
    with open_database(pg_url) as db:
        assert TelemetryWriter(db).sequence_stats()["SMK-1"] == (900, 0, 899, 0)


def test_unreachable_server_is_one_clear_line() -> None:
    port = free_port()
    url = f"postgresql+psycopg://cockpit:secret@{LOOPBACK}:{port}/cockpit?connect_timeout=2"
    with pytest.raises(StorageError) as caught:
        open_database(url)
    message = str(caught.value)
    assert message.startswith(f"cannot connect to database postgresql+psycopg://cockpit:***@{LOOPBACK}:{port}/")
    assert "\n" not in message and "secret" not in message
