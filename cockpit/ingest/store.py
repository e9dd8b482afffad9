"""One transaction per batch: message receipts, the events they caused and the dead letters.

Every valid message leaves a receipt under its key, inserted with ``ON CONFLICT DO NOTHING``: a
sensor's in the ``telemetry`` table under (sensor, seq) with its values, a staff phone's or an app
account's in ``sender_receipts`` under (space, sender, seq). Two tables, so that no report or
action can take a sensor's key. The sealed originals of a new message's scrubbed free text go to
``sealed_texts`` in the same transaction. The rows the database reports back as inserted are the new messages;
the rest are redeliveries and change nothing. The events of new messages (and those the rules
derive from them) go to ``event_log`` in the same transaction, except sensor readings, which the
telemetry table already holds. When :meth:`BatchStore.commit` returns, the batch is durable and
its QoS 1 messages may be acknowledged.

On SQLite the receipts skip SQLAlchemy's per-row parameter processing (a third of the ingest's
cost) and go in with the driver's ``executemany``, in the exact text formats SQLAlchemy's types
write and read, inside the write transaction (which holds SQLite's write lock from ``BEGIN
IMMEDIATE``). The batch is inserted optimistically under a savepoint with ``ON CONFLICT DO
NOTHING``: when the driver reports every row inserted (the usual case) the batch is all new and no
key is looked up; otherwise (a redelivery) the savepoint is rolled back, the keys already stored
are looked up and only the others are inserted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import NamedTuple

import msgspec
from sqlalchemy import func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from cockpit.ingest.topics import Space
from cockpit.ingest.translate import Message
from cockpit.storage.db import Database
from cockpit.storage.models import DeadLetterRow, EventLogRow, SealedTextRow, SenderReceiptRow, TelemetryRow
from cockpit.storage.telemetry import DeadLetter
from cockpit.vocabulary.events import Event, SensorReading, to_dict

_JSON = msgspec.json.Encoder()


class Committed(NamedTuple):
    """What a committed batch held: the new messages, the count of redeliveries and all events."""

    new: list[Message]
    duplicates: int
    events: list[Event]


class BatchStore:
    """Writes ingest batches to the cockpit database. Emits nothing.

    Parameters
    ----------
    db
        An open database (:func:`cockpit.storage.db.open_database`).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        if db.dialect not in ("postgresql", "sqlite"):
            raise ValueError(f"ingest needs SQLite or PostgreSQL, not {db.dialect}")
        dialect = postgresql if db.dialect == "postgresql" else sqlite
        table = TelemetryRow.__table__
        self._receipts = (dialect.insert(table).on_conflict_do_nothing(index_elements=["sensor_id", "seq"])
                          .returning(table.c.sensor_id, table.c.seq))
        senders = SenderReceiptRow.__table__
        self._sender_receipts = (dialect.insert(senders)
                                 .on_conflict_do_nothing(index_elements=["space", "sender", "seq"])
                                 .returning(senders.c.space, senders.c.sender, senders.c.seq))
        self._fast = db.dialect == "sqlite"

    def commit(
        self,
        messages: Sequence[Message],
        dead_letters: Sequence[DeadLetter] = (),
        derive: Callable[[list[Message]], list[Event]] | None = None,
        extra_events: Sequence[Event] = (),
    ) -> Committed:
        """Store a batch in one transaction.

        Parameters
        ----------
        messages
            Valid messages, in arrival order (a key repeated within the batch counts once).
        dead_letters
            Refused messages of the batch.
        derive
            Called with the new messages inside the transaction; returns the events they cause
            (their own events and, e.g., the alarms and cases the rules open).
        extra_events
            Events not tied to a message (no-signal alarms from clock ticks), stored first.
        """
        unique: dict[tuple[str, int], Message] = {}
        for message in messages:
            unique.setdefault(message.key, message)
        now = datetime.now(timezone.utc)
        readings = [m for m in unique.values() if m.space is Space.SENSOR]
        others = [m for m in unique.values() if m.space is not Space.SENSOR] if len(readings) < len(unique) else []
        with self.db.transaction() as session:
            inserted: set[tuple[str, int]] | None = set()
            if readings and self._fast:
                inserted = _insert_sqlite(session, readings)
            elif readings:
                rows = [{"sensor_id": m.device, "seq": m.seq, "at": m.at, "values": m.values} for m in readings]
                inserted = {(device, seq) for device, seq in session.execute(self._receipts, rows)}
            if others:
                rows = [{"space": m.space.value, "sender": m.device, "seq": m.seq, "at": m.at} for m in others]
                fresh_others = {(f"{space}/{sender}", seq)
                                for space, sender, seq in session.execute(self._sender_receipts, rows)}
                if inserted is None:
                    inserted = {m.key for m in readings}
                inserted |= fresh_others
            new = list(unique.values()) if inserted is None else [m for key, m in unique.items() if key in inserted]
            events = list(extra_events)
            if derive is not None:
                events += derive(new)
            else:
                events += [e for m in new for e in m.events]
            logged = [_log_row(e) for e in events if not isinstance(e, SensorReading)]
            if logged:
                session.execute(insert(EventLogRow), logged)
            sealed = [s.row(now) for m in others for s in m.sealed if inserted is None or m.key in inserted]
            if sealed:
                session.execute(insert(SealedTextRow), sealed)
            if dead_letters:
                session.execute(insert(DeadLetterRow), [d.row() for d in dead_letters])
        return Committed(new, len(messages) - len(new), events)

    def sequences(self) -> dict[str, tuple[int, int, int]]:
        """Per sender already stored (:attr:`Message.sender`): (first seq, last seq, count) — the gap
        counters' start."""
        readings = select(
            TelemetryRow.sensor_id, func.min(TelemetryRow.seq), func.max(TelemetryRow.seq), func.count()
        ).group_by(TelemetryRow.sensor_id)
        r = SenderReceiptRow
        others = select(r.space, r.sender, func.min(r.seq), func.max(r.seq), func.count()).group_by(r.space, r.sender)
        with self.db.session() as session:
            out = {device: (first, last, n) for device, first, last, n in session.execute(readings)}
            out.update({f"{space}/{sender}": (first, last, n)
                        for space, sender, first, last, n in session.execute(others)})
        return out


def _insert_sqlite(session: Session, messages: list[Message]) -> set[tuple[str, int]] | None:
    """Insert the receipts not yet stored; returns the keys inserted, None if all were (SQLite only)."""
    rows = [(m.device, m.seq, _sqlite_time(m.at), _JSON.encode(m.values).decode()) for m in messages]
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.execute("SAVEPOINT receipts")
        cursor.executemany(_INSERT_NEW, rows)
        if cursor.rowcount == len(rows):
            cursor.execute("RELEASE receipts")
            return None
        # A redelivery: some keys exist. Rare, so row by row tells exactly which ones are new.
        cursor.execute("ROLLBACK TO receipts")
        cursor.execute("RELEASE receipts")
        inserted: set[tuple[str, int]] = set()
        for row in rows:
            cursor.execute(_INSERT_NEW, row)
            if cursor.rowcount == 1:
                inserted.add((row[0], row[1]))
    finally:
        cursor.close()
    return inserted


_INSERT_NEW = 'INSERT INTO telemetry (sensor_id, seq, at, "values") VALUES (?, ?, ?, ?) ON CONFLICT (sensor_id, seq) DO NOTHING'


def _sqlite_time(at: datetime) -> str:
    """The text SQLAlchemy's SQLite DATETIME stores for the UTC wall time of ``at``."""
    if at.tzinfo is not timezone.utc:
        at = at.astimezone(timezone.utc)
    # "YYYY-MM-DD HH:MM:SS.ffffff" is the first 26 characters, before the "+00:00".
    return at.isoformat(" ", "microseconds")[:26]


def _log_row(event: Event) -> dict:
    body = to_dict(event)
    del body["type"]
    return {"at": event.at, "type": type(event).__name__, "payload": body}

