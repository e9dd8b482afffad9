"""The state of the cockpit's link to its broker, observable by the UI's status bar.

``connected``: subscribed and receiving. ``degraded``: the connection was lost and the client is
reconnecting (messages wait in the broker's persistent session). ``disconnected``: not connected
and not trying (never started, stopped, or refused by the broker).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum


class LinkState(StrEnum):
    CONNECTED = "connected"
    DEGRADED = "degraded"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """The link state, why it is so, and since when (UTC)."""

    state: LinkState
    reason: str
    since: datetime


Listener = Callable[[LinkStatus], None]


class Link:
    """Holds the current :class:`LinkStatus` and tells listeners when it changes.

    Listeners are called on the ingest thread; a Qt listener must re-emit through a queued signal.
    The history of states is kept (most recent last) for tests and the status bar's tooltip.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._status = LinkStatus(LinkState.DISCONNECTED, "not started", datetime.now(timezone.utc))
        self._listeners: list[Listener] = []
        self.history: list[LinkStatus] = [self._status]

    @property
    def status(self) -> LinkStatus:
        return self._status

    @property
    def state(self) -> LinkState:
        return self._status.state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(status)`` on every change; returns a function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)
        return lambda: self._unsubscribe(listener)

    def _unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def set(self, state: LinkState, reason: str) -> None:
        """Change the state (a repeat of the current state changes nothing)."""
        with self._lock:
            if state is self._status.state:
                return
            self._status = LinkStatus(state, reason, datetime.now(timezone.utc))
            self.history.append(self._status)
            listeners = list(self._listeners)
            status = self._status
        for listener in listeners:
            listener(status)
