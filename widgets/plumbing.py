"""Qt plumbing shared by the panels: rate-limited refreshes and model connections undone on close.

Panels redraw on model signals that may arrive 20 times a second; a :class:`Throttle` turns any burst
into one call now and, if more came, one more at the end of the interval, so the last state is
always shown and the cost does not grow with the arrival rate. :class:`Connections` remembers what a
panel connected to its model so that closing the panel disconnects exactly that, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, SignalInstance


class Throttle(QObject):
    """Calls ``callback`` on :meth:`poke`, at most once per ``interval_ms``; owns one single-shot timer."""

    def __init__(self, callback: Callable[[], None], interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._interval = interval_ms
        self._elapsed = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def poke(self) -> None:
        """Ask for a call: now if the interval has passed, else once when it has."""
        if self._timer.isActive():
            return
        if not self._elapsed.isValid() or self._elapsed.elapsed() >= self._interval:
            self._fire()
        else:
            self._timer.start(max(0, self._interval - self._elapsed.elapsed()))

    def stop(self) -> None:
        """Drop a pending call (on close)."""
        self._timer.stop()

    def _fire(self) -> None:
        self._elapsed.start()
        self._callback()


class Connections:
    """The (signal, slot) pairs a view connected to its model; :meth:`disconnect_all` undoes them once."""

    def __init__(self) -> None:
        self._pairs: list[tuple[SignalInstance, Callable[..., Any]]] = []

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def disconnect_all(self) -> None:
        pairs, self._pairs = self._pairs, []
        for signal, slot in pairs:
            signal.disconnect(slot)
