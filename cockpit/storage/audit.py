"""The tamper-evident audit log: every state-changing action, hash-chained row to row.

Each row's ``hash`` is SHA-256 of the previous row's hash followed by the canonical JSON of the
row's own fields (id and time included). Editing, deleting, inserting or reordering rows breaks the
chain at the first row touched, which :meth:`AuditLog.verify` names. Removing rows from the end
is only detectable against a head hash kept outside the database (:meth:`AuditLog.head`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cockpit.storage.db import Database
from cockpit.storage.models import AuditRow
from cockpit.vocabulary.events import utc

GENESIS = "0" * 64
"""The ``prev_hash`` of the first row."""

PG_AUDIT_LOCK = 0x5C0C_0002
"""Advisory lock key serialising appends on PostgreSQL (SQLite's write lock does it there)."""

VERIFY_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of :meth:`AuditLog.verify`.

    Attributes
    ----------
    ok
        True when every row checked is intact (and the head matches, if one was given).
    checked
        Rows examined before stopping.
    first_bad_id
        Id of the first row that breaks the chain (None when ok, or when only the head differs).
    problem
        One line saying what is wrong ("" when ok).
    """

    ok: bool
    checked: int
    first_bad_id: int | None
    problem: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row as stored."""

    id: int
    at: datetime
    actor: str
    action: str
    target: str
    before: Any
    after: Any
    reason: str
    prev_hash: str
    hash: str


def _canonical_value(value: Any) -> Any:
    """``value`` as it will read back from a JSON column (refuses what JSON cannot hold)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, allow_nan=False, ensure_ascii=False))


def _timestamp(at: datetime) -> str:
    return utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    prev_hash: str, id: int, at: datetime, actor: str, action: str, target: str,
    before: Any, after: Any, reason: str,
) -> str:
    """SHA-256 (hex) of ``prev_hash`` + canonical JSON of the row's fields."""
    body = json.dumps(
        {"id": id, "at": _timestamp(at), "actor": actor, "action": action, "target": target,
         "before": before, "after": after, "reason": reason},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


class AuditLog:
    """Owns the ``audit_log`` table: appends chained entries, verifies the chain. Emits nothing.

    Appends from several threads or processes are serialised (SQLite: the write lock taken at
    the start of the transaction; PostgreSQL: a transaction-scoped advisory lock), so two appends
    never chain to the same predecessor.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    def append(
        self,
        actor: str,
        action: str,
        target: str,
        before: Any = None,
        after: Any = None,
        reason: str = "",
        at: datetime | None = None,
    ) -> AuditEntry:
        """Append one entry in its own transaction and return it (with its id and hash).

        ``before`` and ``after`` are JSON values (dicts usually); NaN and non-JSON types are refused.
        ``at`` defaults to now; it is stored in UTC to the microsecond.
        """
        with self.db.transaction() as session:
            return self.append_in(session, actor, action, target, before, after, reason, at)

    def append_in(
        self,
        session: Session,
        actor: str,
        action: str,
        target: str,
        before: Any = None,
        after: Any = None,
        reason: str = "",
        at: datetime | None = None,
    ) -> AuditEntry:
        """Append within the caller's write transaction, so the action and its audit commit together.

        ``session`` must come from :meth:`Database.transaction` of this log's database.
        """
        if self.db.dialect == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(PG_AUDIT_LOCK)))
        stamp = utc(at) if at is not None else datetime.now(timezone.utc)
        before, after = _canonical_value(before), _canonical_value(after)
        last = session.execute(select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).first()
        new_id, prev = (last[0] + 1, last[1]) if last is not None else (1, GENESIS)
        digest = entry_hash(prev, new_id, stamp, actor, action, target, before, after, reason)
        session.add(AuditRow(id=new_id, at=stamp, actor=actor, action=action, target=target,
                             before=before, after=after, reason=reason, prev_hash=prev, hash=digest))
        session.flush()
        return AuditEntry(new_id, stamp, actor, action, target, before, after, reason, prev, digest)

    def head(self) -> str:
        """Hash of the newest entry (the genesis value when the log is empty)."""
        with self.db.session() as session:
            digest = session.scalar(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1))
            return digest or GENESIS

    def count(self) -> int:
        """Number of entries."""
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(AuditRow)) or 0

    def entries(self, limit: int | None = None, target: str | None = None) -> list[AuditEntry]:
        """Entries oldest first, optionally only those about ``target``."""
        query = select(AuditRow).order_by(AuditRow.id)
        if target is not None:
            query = query.where(AuditRow.target == target)
        if limit is not None:
            query = query.limit(limit)
        with self.db.session() as session:
            return [_entry(r) for r in session.scalars(query)]

    def verify(self, expected_head: str | None = None) -> VerifyResult:
        """Recompute the chain from the first row and report the first row that breaks it.

        Parameters
        ----------
        expected_head
            A head hash kept outside the database; when given, the chain must end exactly there
            (this catches rows removed from, or forged onto, the end).
        """
        checked = 0
        prev, expected_id = GENESIS, 1
        query = select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=VERIFY_CHUNK)
        with self.db.session() as session:
            for row in session.scalars(query):
                checked += 1
                problem = _check(row, prev, expected_id)
                if problem:
                    return VerifyResult(False, checked, row.id, f"audit entry {row.id}: {problem}")
                prev, expected_id = row.hash, row.id + 1
        if expected_head is not None and prev != expected_head:
            return VerifyResult(
                False, checked, None,
                f"the chain ends at {prev[:16]}… after {checked} entries, not at the expected head "
                f"{expected_head[:16]}… (entries removed from or added to the end)",
            )
        return VerifyResult(True, checked, None, "")


def _check(row: AuditRow, prev: str, expected_id: int) -> str:
    """What is wrong with ``row`` given the previous hash and the id it should have ("" if nothing)."""
    if row.id != expected_id:
        if row.id > expected_id:
            return f"entries {expected_id}..{row.id - 1} are missing (deleted)"
        return f"id {row.id} out of sequence (expected {expected_id})"
    if row.prev_hash != prev:
        return "does not link to the entry before it (an entry was deleted, inserted or moved)"
    recomputed = entry_hash(prev, row.id, row.at, row.actor, row.action, row.target,
                            row.before, row.after, row.reason)
    if recomputed != row.hash:
        return "content does not match its hash (the entry was edited)"
    return ""


def _entry(r: AuditRow) -> AuditEntry:
    return AuditEntry(r.id, r.at, r.actor, r.action, r.target, r.before, r.after, r.reason,
                      r.prev_hash, r.hash)
