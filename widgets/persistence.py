"""The database writer: the twin's history saved on its own thread, so the GUI never waits for the disk.

Every batch the twin applies is handed over as an immutable tuple through a thread-safe queue; the
writer thread appends it to the event log, projects its cases and alarms, and audits the actions
in it. A locked or unreachable database loses nothing: the failing step of the batch is retried,
the batches behind it wait in the queue, and the status says so until the database answers again.
Events the MQTT ingest already logged in its own commit are not logged twice (they are still
projected and audited).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from cockpit.security.audit import TwinAuditor
from cockpit.storage import AlarmStore, CaseStore, Database, EventStore, StorageError
from cockpit.twin import TwinState
from cockpit.vocabulary.events import Event

log = logging.getLogger(__name__)

RETRY_S = 2.0
"""How long the writer waits before trying a failed write again."""
MAX_EVENTS_PER_WRITE = 20_000
"""Batches are merged into one write up to about this many events (a day's bootstrap is split)."""
CLOSE_TIMEOUT_S = 30.0
"""How long closing waits for the queue to be written (a locked database may hold it up)."""


class DatabaseWriter(QObject):
    """Owns the writer thread and its queue; records the batches of one twin in one database.

    Built on the GUI thread, which calls :meth:`record` (the twin's listener) and never touches the
    database; the thread writes. Subscribe it with :meth:`follow` before the twin's first batch
    that must be saved.

    Signals
    -------
    status_changed(str)
        "" when the last write succeeded, else the reason writes are failing (one line, for the
        status bar). Emitted from the writer thread; connect GUI slots (queued by Qt).
    """

    status_changed = Signal(str)

    def __init__(self, db: Database, twin: TwinState, retry_s: float = RETRY_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.retry_s = retry_s
        self.written = 0
        self.status = ""
        self._unwritten = 0
        self._queued = 0
        self._queued_lock = threading.Lock()
        self._events = EventStore(db)
        self._cases = CaseStore(db, twin.categories)
        self._alarms = AlarmStore(db)
        # Built now, on the GUI thread, so that its shadow of the cases matches the twin's at the start.
        self._auditor = TwinAuditor(db, twin)
        self._queue: queue.SimpleQueue[tuple[Event, ...] | None] = queue.SimpleQueue()
        self._logged_lock = threading.Lock()
        self._logged: dict[int, Event] = {}
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._unsubscribe: Callable[[], None] | None = None
        self._thread = threading.Thread(target=self._run, name="cockpit-db-writer", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ GUI thread

    def follow(self, twin: TwinState) -> None:
        """Record every batch ``twin`` applies from now on."""
        self._unsubscribe = twin.subscribe(self.record)

    def record(self, events: Sequence[Event]) -> None:
        """Queue an applied batch for writing; returns at once (any thread)."""
        if events:
            with self._queued_lock:
                self._queued += 1
                self._idle.clear()
            self._queue.put(tuple(events))

    def already_logged(self, events: Iterable[Event]) -> None:
        """Mark events that another writer (the MQTT ingest) put in the event log already.

        Called on the ingest thread before the events reach the twin; they are matched by identity
        when the twin's batch comes back, so that the event log holds each of them once.
        """
        with self._logged_lock:
            for event in events:
                self._logged[id(event)] = event

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued batch is written; False if ``timeout`` seconds passed first."""
        return self._idle.wait(timeout)

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> int:
        """Stop following the twin, write what is queued and end the thread; returns events unwritten."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join(self.retry_s + 5.0)
        unwritten = self._unwritten
        if unwritten:
            log.error("closing with %d events not written to %s (database unavailable: %s)",
                      unwritten, self.db.url, self.status)
        return unwritten

    # ------------------------------------------------------------ writer thread

    def _run(self) -> None:
        closing = False
        while True:
            batch: list[Event] = []
            taken = 0
            item = self._queue.get()
            while True:
                if item is None:
                    closing = True
                else:
                    batch.extend(item)
                    taken += 1
                if len(batch) >= MAX_EVENTS_PER_WRITE:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch and not self._write(batch):
                rest = self._drain_rest()
                self._unwritten = len(batch) + sum(len(b) for b in rest)
                return
            with self._queued_lock:
                self._queued -= taken
                if self._queued == 0:
                    self._idle.set()
            if closing and self._queue.empty():
                return

    def _drain_rest(self) -> list[tuple[Event, ...]]:
        rest = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return rest
            if item is not None:
                rest.append(item)

    def _write(self, batch: list[Event]) -> bool:
        """Write one batch step by step, retrying a failed step; False if stopped before it was done."""
        to_log = self._not_logged(batch)
        steps: list[Callable[[], object]] = [
            lambda: self._events.append(to_log),
            lambda: self._cases.apply(batch),
            lambda: self._alarms.apply(batch),
            lambda: self._auditor(batch),
        ]
        for step in steps:
            while True:
                try:
                    step()
                    break
                except StorageError as exc:
                    self._set_status(f"{exc} — {len(batch)} events kept, retrying")
                    if self._stop.wait(self.retry_s):
                        return False
                except KeyError as exc:
                    # The projection refuses an event the twin accepted (e.g. a case it never saw
                    # reported): nothing can make that step succeed; the event log still has it.
                    log.error("projection skipped a batch of %d events: %s", len(batch), exc)
                    break
        self.written += len(batch)
        self._set_status("")
        return True

    def _not_logged(self, batch: list[Event]) -> list[Event]:
        with self._logged_lock:
            if not self._logged:
                return batch
            return [e for e in batch if self._logged.pop(id(e), None) is None]

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            if status:
                log.warning("database writes failing: %s", status)
            self.status_changed.emit(status)
