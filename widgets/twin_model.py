"""The Qt face of the twin state: thread-safe intake of event batches and throttled change signals.

Sources (MQTT network thread, replay reader, demo feed) call :meth:`TwinModel.submit` from any thread;
a GUI-thread timer drains the queue into the twin, so the twin and every widget are touched only on the
GUI thread. Widgets connect to the ``*_changed`` signals, which fire at most once per drain (10-30 Hz)
whatever the arrival rate, and call :meth:`TwinModel.command` for operator actions.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from cockpit.storage.db import StorageError
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.events import AlarmRaised, AlarmUnshelved, Event

_KIND_SIGNAL = {
    "case": "cases_changed",
    "staff": "staff_changed",
    "sensor": "sensors_changed",
    "alarm": "alarms_changed",
    "resource": "resources_changed",
}


class TwinModel(QObject):
    """Owns the GUI-side handle of a :class:`~cockpit.twin.TwinState` and its intake queue.

    Signals
    -------
    cases_changed(set)
        Ids of cases changed since the last emission.
    staff_changed()
        Staff positions or statuses changed.
    sensors_changed()
        Sensor readings or sensor alarm states changed.
    alarms_changed()
        An alarm was raised, repeated, acknowledged or cleared.
    resources_changed()
        Stock on a shelf, what a station, vehicle or cache has out on cases, or a vehicle's position changed.
    alarm_raised(str)
        An alarm to annunciate: a new one, or one back from the shelf (the banner, the sound and the
        wall rotation react to it).
    clock_changed(object)
        The twin's time (a UTC datetime) moved.
    error_occurred(str)
        An event or command was refused; the text is the reason, for the status bar.
    """

    cases_changed = Signal(set)
    staff_changed = Signal()
    sensors_changed = Signal()
    alarms_changed = Signal()
    resources_changed = Signal()
    alarm_raised = Signal(str)
    clock_changed = Signal(object)
    error_occurred = Signal(str)

    def __init__(self, twin: TwinState, refresh_hz: float = 20.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.twin = twin
        self._queue: queue.SimpleQueue[list[Event]] = queue.SimpleQueue()
        self._dirty: set[str] = set()
        self._dirty_cases: set[str] = set()
        self._new_alarms: list[str] = []
        self._last_now: datetime | None = twin.now
        self._unsubscribe = twin.subscribe(self._on_applied)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(1000 / refresh_hz)))
        self._timer.timeout.connect(self.drain)
        self._timer.start()

    def submit(self, events: list[Event]) -> None:
        """Queue a batch of events for the GUI thread; safe to call from any thread."""
        if events:
            self._queue.put(list(events))

    @Slot()
    def drain(self) -> None:
        """Apply every queued batch to the twin, then emit one signal per kind of change."""
        batches: list[Event] = []
        while True:
            try:
                batches.extend(self._queue.get_nowait())
            except queue.Empty:
                break
        if batches:
            self.twin.apply_many(batches, on_error=self._on_rejected)
        self._flush()

    def command(self, action: Callable[..., list[Event]], *args, **kwargs) -> bool:
        """Run a twin command (e.g. ``model.command(twin.dispatch, case_id, staff_id, actor)``).

        Returns False and emits ``error_occurred`` with the reason if the twin refuses it (or the
        database its authorizer reads is unavailable; nothing is applied then).
        """
        try:
            action(*args, **kwargs)
        except (TwinError, StorageError) as exc:
            # StorageError: the authorizer could not read the account or record a refusal.
            self.error_occurred.emit(str(exc))
            return False
        finally:
            self._flush()
        return True

    def close(self) -> None:
        """Stop the intake timer and stop listening to the twin."""
        self._timer.stop()
        self._unsubscribe()

    def _on_rejected(self, event: Event, error: TwinError) -> None:
        self.error_occurred.emit(f"{type(event).__name__}: {error}")

    def _on_applied(self, events: list[Event]) -> None:
        for event in events:
            kind = event.kind
            self._dirty.add(kind)
            case_id = getattr(event, "case_id", None)
            if case_id is not None:
                self._dirty_cases.add(case_id)
                self._dirty.add("case")
            if isinstance(event, (AlarmRaised, AlarmUnshelved)):
                self._new_alarms.append(event.alarm_id)
                if isinstance(event, AlarmRaised) and event.sensor_id is not None:
                    self._dirty.add("sensor")

    def _flush(self) -> None:
        dirty, self._dirty = self._dirty, set()
        cases, self._dirty_cases = self._dirty_cases, set()
        alarms, self._new_alarms = self._new_alarms, []
        for kind, name in _KIND_SIGNAL.items():
            if kind in dirty:
                signal = getattr(self, name)
                signal.emit(cases) if kind == "case" else signal.emit()
        for alarm_id in alarms:
            self.alarm_raised.emit(alarm_id)
        if self.twin.now is not None and self.twin.now != self._last_now:
            self._last_now = self.twin.now
            self.clock_changed.emit(self.twin.now)
