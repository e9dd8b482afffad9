"""Simulated time and the daily duty shifts that staff work in it.

Times inside the simulator are minutes from local (Asia/Shanghai) midnight of the run's first day.
A shift is a daily span of minutes, past midnight when it ends before it starts; a person without a
shift is on duty round the clock. Both engines take who is on duty, and how many people are on
duty hour by hour, from here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Iterable

import numpy as np

MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR


@dataclass(frozen=True, slots=True)
class Shift:
    """A daily shift from ``start`` to ``end``, minutes of the local day (``end < start``: past midnight)."""

    id: str
    start: int
    end: int
    name: str = ""

    def covers(self, minute: float) -> bool:
        """True if the shift covers ``minute`` (any simulated minute; taken modulo a day)."""
        m = minute % MINUTES_PER_DAY
        return self.start <= m < self.end if self.start < self.end else (m >= self.start or m < self.end)

    def next_start(self, t: float) -> float:
        """The first start of the shift strictly after ``t``."""
        return _next_moment(self.start, t)

    def next_end(self, t: float) -> float:
        """The first end of the shift strictly after ``t``."""
        return _next_moment(self.end, t)

    def covering(self, minutes: np.ndarray) -> np.ndarray:
        """:meth:`covers` of each of ``minutes`` (an array of simulated minutes)."""
        m = np.mod(minutes, MINUTES_PER_DAY)
        if self.start < self.end:
            return (m >= self.start) & (m < self.end)
        return (m >= self.start) | (m < self.end)

    def hourly_share(self) -> np.ndarray:
        """For each hour of the day (0-23), the share of it the shift covers (read-only)."""
        return _hourly_share(self.start, self.end)

    @property
    def label(self) -> str:
        """``HH:MM-HH:MM``."""
        return (f"{self.start // MINUTES_PER_HOUR:02d}:{self.start % MINUTES_PER_HOUR:02d}-"
                f"{self.end // MINUTES_PER_HOUR:02d}:{self.end % MINUTES_PER_HOUR:02d}")


def duty_by_hour(shifts: Iterable[Shift | None], horizon_minutes: float) -> np.ndarray:
    """People on duty in each hour from local midnight of the first day to the horizon.

    One entry of ``shifts`` per person (None: round the clock); fractional where a shift starts
    inside an hour.
    """
    hours = math.ceil(horizon_minutes / MINUTES_PER_HOUR)
    hour_of_day = np.arange(hours) % 24
    per_day = np.zeros(24)
    for shift in shifts:
        per_day += 1.0 if shift is None else shift.hourly_share()
    return per_day[hour_of_day]


@cache
def _hourly_share(start: int, end: int) -> np.ndarray:
    # Cached: every run asks it for each person of the roster, several times.
    share = Shift("", start, end).covering(np.arange(MINUTES_PER_DAY)).reshape(24, MINUTES_PER_HOUR).mean(axis=1)
    share.flags.writeable = False
    return share


def _next_moment(minute_of_day: int, t: float) -> float:
    """The first time after ``t`` (minutes) at ``minute_of_day``; exactly ``t`` itself is not after."""
    moment = math.floor(t / MINUTES_PER_DAY) * MINUTES_PER_DAY + minute_of_day
    return float(moment if moment > t else moment + MINUTES_PER_DAY)
