"""Clocks: wall time for live operation, a scaled clock for the demo, simulation speed-ups and replay.

Everything that asks "what time is it" takes a clock, so the same code runs live, accelerated and in
tests (where a :class:`ManualClock` is moved by hand).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current twin time, timezone-aware UTC."""


class WallClock:
    """Real time."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class ScaledClock:
    """Twin time that starts at ``start`` and runs ``speed`` times faster than real time.

    Changing the speed keeps the current twin time continuous.
    """

    def __init__(self, start: datetime, speed: float = 1.0) -> None:
        self._origin_twin = start
        self._origin_real = time.monotonic()
        self._speed = speed

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, speed: float) -> None:
        self._origin_twin = self.now()
        self._origin_real = time.monotonic()
        self._speed = speed

    def now(self) -> datetime:
        return self._origin_twin + timedelta(seconds=(time.monotonic() - self._origin_real) * self._speed)


class ManualClock:
    """A clock moved by hand (tests, snapshots, stepping)."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, at: datetime) -> None:
        self._now = at
