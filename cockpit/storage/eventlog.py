"""The event log: the app's own history as the typed event stream, appended in batches.

Events are stored in the order they were applied to the twin, one row each (type tag, time, JSON
body of :func:`cockpit.vocabulary.events.to_dict`), so replaying the log rebuilds the twin exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import func, insert, select

from cockpit.storage.db import Database
from cockpit.storage.models import EventLogRow
from cockpit.vocabulary.events import Event, from_dict, to_dict, utc

READ_CHUNK = 2000
"""Rows fetched per round trip while reading, so that a long log streams in bounded memory."""


class EventStore:
    """Appends events to ``event_log`` and reads them back in stream order. Emits nothing."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def append(self, events: Iterable[Event]) -> int:
        """Append a batch of events in one transaction; returns how many were stored."""
        rows = []
        for event in events:
            body = to_dict(event)
            del body["type"]
            rows.append({"at": event.at, "type": type(event).__name__, "payload": body})
        if rows:
            with self.db.transaction() as session:
                session.execute(insert(EventLogRow), rows)
        return len(rows)

    def read(self, start: datetime | None = None, end: datetime | None = None) -> Iterator[Event]:
        """Events with ``start <= at < end`` (either bound optional), in the order they were appended.

        The iterator holds a database connection until it is exhausted or closed.
        """
        query = select(EventLogRow.type, EventLogRow.payload).order_by(EventLogRow.id)
        if start is not None:
            query = query.where(EventLogRow.at >= utc(start))
        if end is not None:
            query = query.where(EventLogRow.at < utc(end))
        with self.db.session() as session:
            result = session.execute(query.execution_options(yield_per=READ_CHUNK))
            for kind, payload in result:
                yield from_dict({**payload, "type": kind})

    def count(self) -> int:
        """Number of stored events."""
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(EventLogRow)) or 0

    def last_at(self) -> datetime | None:
        """Time of the latest stored event, or None when the log is empty."""
        with self.db.session() as session:
            return session.scalar(select(func.max(EventLogRow.at)))
