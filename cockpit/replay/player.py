"""Playing a replay on one clock: play, pause, speed, step, jump, loop, bookmarks.

The player moves a :class:`~cockpit.replay.seek.Replay` forward as its clock runs. It never blocks:
the GUI calls :meth:`ReplayPlayer.tick` from a timer and each tick applies at most ``max_batch``
events to the twin, which the twin's subscribers (the Qt TwinModel) see as one batch. Everything
shown from a replay must say so: a window a player drives marks itself REPLAY (回放) in the theme's
replay colour (widgets.main_window.MainWindow.set_mode).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from cockpit.clock import Clock, ScaledClock
from cockpit.replay.seek import Replay
from cockpit.vocabulary.events import Event

AS_FAST_AS_POSSIBLE = 0.0
"""Speed value meaning: apply ``max_batch`` events per tick, whatever the time between them."""

SPEEDS = (1.0, 10.0, 60.0, 600.0, 3600.0, AS_FAST_AS_POSSIBLE)
"""The speeds the replay bar offers (times real time)."""

ClockFactory = Callable[[datetime, float], Clock]



@dataclass(frozen=True)
class Bookmark:
    """A marked moment of the replay with the trainer's note."""

    at: datetime
    note: str = ""


class ReplayPlayer:
    """Plays a :class:`Replay` at a speed, with stepping, jumps, a loop range and bookmarks.

    Owns the play state (``time``, ``playing``, ``speed``, ``loop``, ``bookmarks``). Listeners added
    with :meth:`subscribe` are called with no argument after any change of time or play state.

    Parameters
    ----------
    replay
        What is played; its twin is the one the window shows.
    clock_factory
        Makes the clock that runs while playing, from the start time and the speed
        (:class:`~cockpit.clock.ScaledClock` by default; tests pass a ManualClock).
    max_batch
        Most events applied per tick, so that the GUI stays responsive at any speed.
    """

    def __init__(self, replay: Replay, clock_factory: ClockFactory = ScaledClock,
                 max_batch: int = 5000) -> None:
        self.replay = replay
        self.index = replay.index
        self.max_batch = max_batch
        self._clock_factory = clock_factory
        self._clock: Clock | None = None
        self.speed = 60.0
        self.playing = False
        self.time: datetime = self.index.start
        self.loop: tuple[datetime, datetime] | None = None
        self.bookmarks: list[Bookmark] = []
        self._listeners: list[Callable[[], None]] = []
        self.replay.seek(self.time)

    # ------------------------------------------------------------ observing

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after each change of time or play state; returns the unsubscriber."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def start(self) -> datetime:
        return self.index.start

    @property
    def end(self) -> datetime:
        return self.index.end

    @property
    def at_end(self) -> bool:
        return self.replay.position >= self.index.n

    # ------------------------------------------------------------ play state

    def play(self) -> None:
        if self.at_end:
            return
        self.playing = True
        self._clock = self._clock_factory(self.time, self.speed or 1.0)
        self._changed()

    def pause(self) -> None:
        self.playing = False
        self._clock = None
        self._changed()

    def set_speed(self, speed: float) -> None:
        """1 to 3,600 times real time, or :data:`AS_FAST_AS_POSSIBLE`."""
        if speed != AS_FAST_AS_POSSIBLE and not 1.0 <= speed <= 3600.0:
            raise ValueError(f"speed {speed:g} is outside 1x-3600x")
        self.speed = speed
        if self.playing:
            self._clock = self._clock_factory(self.time, speed or 1.0)
        self._changed()

    def set_loop(self, start: datetime, end: datetime) -> None:
        """Play ``start``-``end`` over and over."""
        if end <= start:
            raise ValueError("a loop ends after it starts")
        self.loop = (start, end)
        if not start <= self.time <= end:
            self.seek(start)
        self._changed()

    def clear_loop(self) -> None:
        self.loop = None
        self._changed()

    # ------------------------------------------------------------ moving

    def tick(self) -> list[Event]:
        """Advance to the clock's time (at most ``max_batch`` events); returns the events applied."""
        if not self.playing or self._clock is None:
            return []
        replay, index = self.replay, self.index
        fastest = self.speed == AS_FAST_AS_POSSIBLE
        target_time = None if fastest else self._clock.now()
        limit = replay.position + self.max_batch if fastest else index.position(target_time)
        loop_end = index.position(self.loop[1]) if self.loop is not None else index.n
        if self.loop is not None and target_time is not None:
            target_time = min(target_time, self.loop[1])
        limit = min(limit, loop_end)
        reached = min(limit, replay.position + self.max_batch)
        applied = replay.advance(reached)
        if target_time is not None and reached == limit:
            self.time = target_time
        else:
            # Capped by max_batch: show the time actually reached and run the clock on from it.
            self.time = max(self.time, replay.at or self.time)
            if not fastest:
                self._clock = self._clock_factory(self.time, self.speed)
        if self.loop is not None and (self.time >= self.loop[1] or (fastest and reached >= loop_end)):
            self.seek(self.loop[0])
            return applied
        if self.at_end:
            self.time = max(self.time, self.end)
            self.pause()
            return applied
        self._changed()
        return applied

    def seek(self, at: datetime) -> None:
        """Jump to ``at``: the twin shows exactly the state at that moment."""
        at = min(max(at, self.start), self.end)
        self.replay.seek(at)
        self.time = at
        if self.playing:
            self._clock = self._clock_factory(at, self.speed or 1.0)
        self._changed()

    def step(self) -> list[Event]:
        """Apply the next event (and any others in the same second); stays paused."""
        if self.at_end:
            return []
        next_time = self.index.time_of(self.replay.position)
        applied = self.replay.advance(self.index.position(next_time))
        self.time = next_time
        self.playing = False
        self._changed()
        return applied

    def jump_to_next_alarm(self) -> bool:
        """Go to the next alarm raised after now; False if there is none."""
        return self._jump_to_next(self.index.alarm_positions)

    def jump_to_next_red(self) -> bool:
        """Go to the next red case reported after now; False if there is none."""
        return self._jump_to_next(self.index.red_positions)

    def _jump_to_next(self, positions: np.ndarray) -> bool:
        current = self.index.position(self.time)
        k = int(np.searchsorted(positions, current, side="left"))
        if k >= len(positions):
            return False
        self.seek(self.index.time_of(int(positions[k])))
        return True

    # ------------------------------------------------------------ bookmarks

    def add_bookmark(self, at: datetime, note: str = "") -> Bookmark:
        mark = Bookmark(at, note)
        self.bookmarks.append(mark)
        self.bookmarks.sort(key=lambda b: b.at)
        self._changed()
        return mark

    def save_bookmarks(self, path: str | Path) -> None:
        data = [{**asdict(b), "at": b.at.isoformat()} for b in self.bookmarks]
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    def load_bookmarks(self, path: str | Path) -> None:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.bookmarks = sorted((Bookmark(datetime.fromisoformat(d["at"]), d.get("note", "")) for d in data),
                                key=lambda b: b.at)
        self._changed()

    def frames(self, start: datetime, end: datetime, every: timedelta):
        """Seek to ``start``, ``start + every``, ... up to ``end``, yielding each moment (for export)."""
        at = start
        while at <= end:
            self.seek(at)
            yield at
            at += every
