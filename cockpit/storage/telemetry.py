"""Telemetry written in batches with duplicate suppression, and the dead-letter table.

MQTT QoS 1 delivers at least once: a redelivered reading has the same (sensor_id, seq) and is
dropped by the table's key (``INSERT ... ON CONFLICT DO NOTHING``), so the ingest service may
acknowledge a batch as soon as :meth:`TelemetryWriter.write` returns. Invalid messages are kept
as dead letters with a reason code, a SHA-256 of the payload and a short excerpt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

from sqlalchemy import Insert, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from cockpit.storage.db import Database
from cockpit.storage.models import DeadLetterRow, TelemetryRow
from cockpit.vocabulary.events import SensorReading, utc
from cockpit.vocabulary.masking import mask_text

EXCERPT_CHARS = 200
"""Dead letters keep at most this many characters of the payload (decoded leniently)."""


class WriteResult(NamedTuple):
    """What one telemetry batch did: readings newly stored and readings already stored."""

    inserted: int
    duplicates: int


class SequenceStats(NamedTuple):
    """Stored readings of one device: how many, the first and last sequence numbers, and the gaps.

    ``missing`` counts sequence numbers between ``first`` and ``last`` that were never stored.
    """

    stored: int
    first: int
    last: int
    missing: int


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A refused message: when, on which topic, why (a stable ``reason_code`` and a ``detail``)."""

    received_at: datetime
    topic: str
    reason_code: str
    detail: str
    payload_sha256: str
    payload_size: int
    payload_excerpt: str
    id: int | None = None

    @classmethod
    def of(
        cls, topic: str, reason_code: str, detail: str, payload: bytes, received_at: datetime | None = None,
        scrub: Callable[[str], str] = mask_text,
    ) -> DeadLetter:
        """A dead letter for ``payload``: hashed whole, kept only as an excerpt.

        The excerpt and the detail go through ``scrub`` (residents' reports carry personal data): by
        default ID and phone numbers are masked; the ingest passes its scrubber, which masks the
        names of the street's known people too.
        """
        excerpt = scrub(payload[: EXCERPT_CHARS * 4].decode("utf-8", errors="replace")[:EXCERPT_CHARS])
        return cls(
            received_at=utc(received_at) if received_at is not None else datetime.now(timezone.utc),
            topic=topic,
            reason_code=reason_code,
            detail=scrub(detail),
            payload_sha256=hashlib.sha256(payload).hexdigest(),
            payload_size=len(payload),
            payload_excerpt=excerpt,
        )

    def row(self) -> dict[str, Any]:
        return {
            "received_at": self.received_at, "topic": self.topic, "reason_code": self.reason_code,
            "detail": self.detail, "payload_sha256": self.payload_sha256,
            "payload_size": self.payload_size, "payload_excerpt": self.payload_excerpt,
        }


def _insert_ignoring_duplicates(dialect: str) -> Insert:
    table = TelemetryRow.__table__
    if dialect == "postgresql":
        statement = postgresql.insert(table).on_conflict_do_nothing(index_elements=["sensor_id", "seq"])
    elif dialect == "sqlite":
        statement = sqlite.insert(table).on_conflict_do_nothing(index_elements=["sensor_id", "seq"])
    else:
        raise ValueError(f"telemetry needs SQLite or PostgreSQL, not {dialect}")
    return statement.returning(table.c.seq)


class TelemetryWriter:
    """Stores sensor readings in the ``telemetry`` table, one transaction per batch. Emits nothing."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._statement = _insert_ignoring_duplicates(db.dialect)

    def write(self, readings: Sequence[SensorReading], dead_letters: Sequence[DeadLetter] = ()) -> WriteResult:
        """Store a batch of readings (and the batch's dead letters) in ONE transaction.

        A reading whose (sensor_id, seq) is already stored, or repeated within the batch, counts as
        a duplicate and changes nothing. When this returns, the batch is committed: the caller may
        acknowledge the messages it came from.
        """
        unique: dict[tuple[str, int], dict[str, Any]] = {}
        for r in readings:
            unique.setdefault(
                (r.sensor_id, r.seq),
                {"sensor_id": r.sensor_id, "seq": r.seq, "at": r.at, "values": dict(r.values)},
            )
        inserted = 0
        with self.db.transaction() as session:
            if unique:
                inserted = len(session.execute(self._statement, list(unique.values())).all())
            _add_dead_letters(session, dead_letters)
        return WriteResult(inserted, len(readings) - inserted)

    def count(self, sensor_id: str | None = None) -> int:
        """Stored readings, of one sensor or of all."""
        query = select(func.count()).select_from(TelemetryRow)
        if sensor_id is not None:
            query = query.where(TelemetryRow.sensor_id == sensor_id)
        with self.db.session() as session:
            return session.scalar(query) or 0

    def sequence_stats(self) -> dict[str, SequenceStats]:
        """Per device: readings stored, first and last sequence number, and how many are missing."""
        query = select(
            TelemetryRow.sensor_id,
            func.count(),
            func.min(TelemetryRow.seq),
            func.max(TelemetryRow.seq),
        ).group_by(TelemetryRow.sensor_id)
        with self.db.session() as session:
            return {
                sensor: SequenceStats(n, first, last, last - first + 1 - n)
                for sensor, n, first, last in session.execute(query)
            }

    def readings(self, sensor_id: str) -> list[SensorReading]:
        """Every stored reading of one sensor, in sequence order."""
        query = (
            select(TelemetryRow.at, TelemetryRow.seq, TelemetryRow.values)
            .where(TelemetryRow.sensor_id == sensor_id)
            .order_by(TelemetryRow.seq)
        )
        with self.db.session() as session:
            return [SensorReading(at, sensor_id, seq, values) for at, seq, values in session.execute(query)]


def _add_dead_letters(session: Session, letters: Sequence[DeadLetter]) -> None:
    if letters:
        session.execute(insert(DeadLetterRow), [letter.row() for letter in letters])


class DeadLetters:
    """The ``dead_letters`` table: refused messages with their reasons. Emits nothing."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self, topic: str, reason_code: str, detail: str, payload: bytes, received_at: datetime | None = None
    ) -> DeadLetter:
        """Store one refused message in its own transaction and return what was stored."""
        letter = DeadLetter.of(topic, reason_code, detail, payload, received_at)
        self.add_many([letter])
        return letter

    def add_many(self, letters: Sequence[DeadLetter]) -> int:
        """Store a batch of dead letters in one transaction; returns how many."""
        with self.db.transaction() as session:
            _add_dead_letters(session, letters)
        return len(letters)

    def list(self, limit: int = 100, reason_code: str | None = None) -> list[DeadLetter]:
        """The newest dead letters first, optionally of one reason code."""
        query = select(DeadLetterRow).order_by(DeadLetterRow.id.desc()).limit(limit)
        if reason_code is not None:
            query = query.where(DeadLetterRow.reason_code == reason_code)
        with self.db.session() as session:
            return [
                DeadLetter(r.received_at, r.topic, r.reason_code, r.detail, r.payload_sha256,
                           r.payload_size, r.payload_excerpt, r.id)
                for r in session.scalars(query)
            ]

    def count(self, reason_code: str | None = None) -> int:
        """Number of dead letters, of one reason code or of all."""
        query = select(func.count()).select_from(DeadLetterRow)
        if reason_code is not None:
            query = query.where(DeadLetterRow.reason_code == reason_code)
        with self.db.session() as session:
            return session.scalar(query) or 0

    def counts_by_reason(self) -> dict[str, int]:
        """Dead letters per reason code."""
        query = select(DeadLetterRow.reason_code, func.count()).group_by(DeadLetterRow.reason_code)
        with self.db.session() as session:
            return dict(session.execute(query).all())
