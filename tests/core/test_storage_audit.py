"""The hash-chained audit log: appends chain, and every kind of tampering done in SQL is caught.

Each tamper test edits the database directly (as an attacker with database access would) and
checks that verify() names the first entry that no longer fits. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from cockpit.storage import AuditLog, Database, open_database
from cockpit.storage.audit import GENESIS, entry_hash
from cockpit.storage.models import AuditRow
from tests.core.test_storage import db, db_url  # noqa: F401  (fixtures)

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
table = AuditRow.__table__


def _fill(log: AuditLog, n: int = 6) -> None:
    for i in range(n):
        log.append(
            actor=f"op{i % 2}",
            action="dispatch",
            target=f"case:K{i}",
            before={"assignee": None, "status": "triaged"},
            after={"assignee": f"GW-{i}", "status": "dispatched", "eta_minutes": 6.5 + i},
            reason="nearest available" if i % 3 else "",
            at=T0 + timedelta(minutes=i, microseconds=i),
        )


def _row(db: Database, id: int) -> dict:
    with db.session() as session:
        return dict(session.execute(select(table).where(table.c.id == id)).mappings().one())


def _execute(db: Database, *statements) -> None:
    with db.transaction() as session:
        for statement in statements:
            session.execute(statement)


def test_appends_chain_and_verify(db: Database) -> None:
    log = AuditLog(db)
    assert log.head() == GENESIS
    empty = log.verify()
    assert (empty.ok, empty.checked) == (True, 0)
    first = log.append("admin", "user.add", "user:op1", None, {"role": "operator"}, "new hire", T0)
    assert (first.id, first.prev_hash) == (1, GENESIS)
    assert first.hash == entry_hash(GENESIS, 1, T0, "admin", "user.add", "user:op1", None,
                                    {"role": "operator"}, "new hire")
    _fill(log)
    entries = log.entries()
    assert [e.id for e in entries] == list(range(1, 8))
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:]))
    assert log.head() == entries[-1].hash
    assert log.count() == 7
    result = log.verify(expected_head=log.head())
    assert (result.ok, result.checked, result.first_bad_id, result.problem) == (True, 7, None, "")
    assert [e.target for e in log.entries(target="case:K2")] == ["case:K2"]
    assert entries[2].at == T0 + timedelta(minutes=1, microseconds=1)
    assert entries[2].after["eta_minutes"] == 7.5


def test_values_that_json_cannot_hold_are_refused(db: Database) -> None:
    log = AuditLog(db)
    with pytest.raises(ValueError):
        log.append("op", "x", "t", after={"eta": float("nan")})
    with pytest.raises(TypeError):
        log.append("op", "x", "t", after={"at": T0})
    assert log.count() == 0


def test_edited_entry_is_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    _execute(db, update(table).where(table.c.id == 3).values(actor="somebody else"))
    result = log.verify()
    assert (result.ok, result.first_bad_id, result.checked) == (False, 3, 3)
    assert result.problem == "audit entry 3: content does not match its hash (the entry was edited)"


def test_edited_json_is_caught(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    _execute(db, update(table).where(table.c.id == 2).values(after={"assignee": "GW-9"}))
    assert log.verify().first_bad_id == 2


def test_edited_time_is_caught(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    _execute(db, update(table).where(table.c.id == 5).values(at=T0 + timedelta(hours=3)))
    assert log.verify().first_bad_id == 5


def test_deleted_entry_is_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    _execute(db, delete(table).where(table.c.id == 3))
    result = log.verify()
    assert (result.ok, result.first_bad_id) == (False, 4)
    assert result.problem == "audit entry 4: entries 3..3 are missing (deleted)"


def test_deleted_entry_with_ids_renumbered_is_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    statements = [delete(table).where(table.c.id == 3)]
    statements += [update(table).where(table.c.id == i).values(id=i - 1) for i in range(4, 7)]
    _execute(db, *statements)
    result = log.verify()
    assert (result.ok, result.first_bad_id) == (False, 3)
    assert "does not link to the entry before it" in result.problem


def test_inserted_entry_is_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    # Make room after entry 2 and insert a forged entry 3 that links correctly to entry 2 and
    # carries a correctly computed hash: the entry after it (the real 3, now 4) no longer fits.
    moves = [update(table).where(table.c.id == i).values(id=i + 100) for i in range(6, 2, -1)]
    moves += [update(table).where(table.c.id == i + 100).values(id=i + 1) for i in range(6, 2, -1)]
    prev = _row(db, 2)["hash"]
    forged = {"id": 3, "at": T0 + timedelta(minutes=2), "actor": "op1", "action": "dispatch",
              "target": "case:K9", "before": None, "after": {"assignee": "GW-9"}, "reason": "",
              "prev_hash": prev}
    forged["hash"] = entry_hash(prev, 3, forged["at"], "op1", "dispatch", "case:K9", None,
                                {"assignee": "GW-9"}, "")
    _execute(db, *moves, insert(table).values(**forged))
    result = log.verify()
    assert (result.ok, result.first_bad_id, result.checked) == (False, 4, 4)
    assert "does not link to the entry before it" in result.problem


def test_entries_forged_onto_or_cut_from_the_end_need_the_kept_head(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    kept_head = log.head()
    _execute(db, delete(table).where(table.c.id == 6))
    assert log.verify().ok  # a shorter chain is still a chain ...
    result = log.verify(expected_head=kept_head)  # ... but not the one whose head was kept
    assert (result.ok, result.first_bad_id, result.checked) == (False, None, 5)
    assert "not at the expected head" in result.problem

    log.append("intruder", "dispatch", "case:K9")
    assert not log.verify(expected_head=kept_head).ok


def test_swapped_entries_are_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    second, fourth = _row(db, 2), _row(db, 4)
    fields = ["at", "actor", "action", "target", "before", "after", "reason", "prev_hash", "hash"]
    _execute(
        db,
        update(table).where(table.c.id == 4).values(hash="moving"),  # the hash column is unique
        update(table).where(table.c.id == 2).values({k: fourth[k] for k in fields}),
        update(table).where(table.c.id == 4).values({k: second[k] for k in fields}),
    )
    result = log.verify()
    assert (result.ok, result.first_bad_id) == (False, 2)


def test_reordered_ids_are_named(db: Database) -> None:
    log = AuditLog(db)
    _fill(log)
    _execute(
        db,
        update(table).where(table.c.id == 2).values(id=102),
        update(table).where(table.c.id == 3).values(id=2),
        update(table).where(table.c.id == 102).values(id=3),
    )
    result = log.verify()
    assert (result.ok, result.first_bad_id) == (False, 2)


def test_append_in_commits_with_the_callers_transaction(db: Database) -> None:
    log = AuditLog(db)
    with pytest.raises(RuntimeError):
        with db.transaction() as session:
            log.append_in(session, "op1", "dispatch", "case:K1", None, {"assignee": "GW-1"})
            raise RuntimeError("the dispatch itself failed")
    assert log.count() == 0
    with db.transaction() as session:
        log.append_in(session, "op1", "dispatch", "case:K1", None, {"assignee": "GW-1"})
        log.append_in(session, "op1", "accept", "case:K1")
    assert log.verify().checked == 2


def _append_many(url: str, actor: str, n: int) -> None:
    db = open_database(url, busy_timeout_ms=30_000)
    try:
        log = AuditLog(db)
        for i in range(n):
            log.append(actor, "dispatch", f"case:{actor}-{i}", None, {"i": i})
    finally:
        db.close()


def append_concurrently(url: str, processes: int = 3, each: int = 25) -> None:
    """Append from several processes at once (spawned, so nothing is shared but the database)."""
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(url, f"p{k}", each)) for k in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * processes


def test_concurrent_appends_from_processes_keep_one_chain_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.sqlite'}"
    open_database(url).close()
    append_concurrently(url)
    with open_database(url) as db:
        result = AuditLog(db).verify()
        assert (result.ok, result.checked) == (True, 75)
