"""The audit chain's serialisation pinned to a known hash, and the log's side paths (issue 19).

Every chain already stored depends on the exact canonical JSON: a change of key order, separators
or escaping would make every stored entry fail verification, so the bytes are pinned here.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from cockpit.storage import AuditLog, Database
from cockpit.storage.audit import GENESIS, entry_hash
from cockpit.storage.models import AuditRow
from tests.core.test_storage import db, db_url  # noqa: F401  (fixtures)

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
table = AuditRow.__table__

CANONICAL = (
    '{"action":"user.add","actor":"admin","after":{"community":"锦城社区","role":"operator"},'
    '"at":"2026-11-24T02:00:00.000000Z","before":null,"id":1,"reason":"新员工","target":"user:op1"}'
)
KNOWN_HASH = "b9e2b6109b24e4384651ab20f9dd82cb272d910e32eabbcf4d48dad3411a8012"


def test_the_canonical_json_and_its_hash_are_pinned():
    digest = entry_hash(GENESIS, 1, T0, "admin", "user.add", "user:op1", None,
                        {"role": "operator", "community": "锦城社区"}, "新员工")
    assert digest == hashlib.sha256((GENESIS + CANONICAL).encode("utf-8")).hexdigest() == KNOWN_HASH
    # The same instant in another offset is the same entry.
    shanghai = T0.astimezone(timezone(timedelta(hours=8)))
    assert entry_hash(GENESIS, 1, shanghai, "admin", "user.add", "user:op1", None,
                      {"community": "锦城社区", "role": "operator"}, "新员工") == KNOWN_HASH


def test_entries_honour_their_limit_oldest_first(db: Database) -> None:
    log = AuditLog(db)
    for i in range(5):
        log.append("op", "dispatch", f"case:K{i % 2}", at=T0 + timedelta(minutes=i))
    assert [e.id for e in log.entries(limit=2)] == [1, 2]
    assert [e.id for e in log.entries(limit=2, target="case:K1")] == [2, 4]
    assert [e.id for e in log.entries(limit=0)] == []
    assert len(log.entries()) == 5


def test_a_row_numbered_before_the_chain_start_is_out_of_sequence(db: Database) -> None:
    log = AuditLog(db)
    first = log.append("admin", "user.add", "user:op1", at=T0)
    with db.session() as session:
        row = dict(session.execute(select(table).where(table.c.id == 1)).mappings().one())
    with db.transaction() as session:
        session.execute(insert(table).values({**row, "id": 0, "hash": "f" * 64}))
    result = log.verify(expected_head=first.hash)
    assert (result.ok, result.checked, result.first_bad_id) == (False, 1, 0)
    assert result.problem == "audit entry 0: id 0 out of sequence (expected 1)"


def test_a_missing_head_names_where_the_chain_ends(db: Database) -> None:
    log = AuditLog(db)
    entry = log.append("admin", "user.add", "user:op1", at=T0)
    result = log.verify(expected_head="a" * 64)
    assert (result.ok, result.checked, result.first_bad_id) == (False, 1, None)
    assert result.problem == (
        f"the chain ends at {entry.hash[:16]}… after 1 entries, not at the expected head "
        f"{'a' * 16}… (entries removed from or added to the end)"
    )


def test_entries_and_verdicts_are_immutable(db: Database) -> None:  # noqa: F811
    log = AuditLog(db)
    entry = log.append("admin", "user.add", "user:op1", at=T0)
    verdict = log.verify()
    with pytest.raises(AttributeError):
        entry.hash = "0" * 64
    with pytest.raises(AttributeError):
        verdict.ok = False
    assert (verdict.ok, verdict.checked, verdict.first_bad_id, verdict.problem) == (True, 1, None, "")
    assert entry.prev_hash == GENESIS == "0" * 64
