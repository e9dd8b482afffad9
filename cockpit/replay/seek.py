"""Exact state at any moment: fold the indexed stream forward, or restore a snapshot and fold from it.

:class:`Replay` owns one twin for the whole session and moves it to any position of the stream. The
state "at T" is defined as the fold of every event at or before T (in stream order) followed by the
retention rule of :mod:`cockpit.replay.snapshots`. A seek restores the nearest snapshot at or before
the target (or continues from where the twin is, when that is nearer) and folds the rest, storing a
snapshot every ``snapshot_every`` events as it passes; the retention rule commutes with folding
(a pruned case takes no further valid event), so the result equals the straight fold exactly.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import datetime, timedelta

from cockpit.replay.index import EventIndex
from cockpit.replay.snapshots import RETAIN, Snapshot, prune, restore, take
from cockpit.street.model import Street
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.categories import CategoryTable
from cockpit.vocabulary.events import Event

CHUNK = 5000
"""Events made and applied per step of a fold (bounds memory; the twin is pruned between steps)."""


class Replay:
    """A replay twin positioned anywhere in an indexed stream.

    Owns ``twin`` (a derivers-free :class:`~cockpit.twin.TwinState`, the same object throughout, so
    views can hold it) and its snapshots. Events the twin refuses are skipped and counted in
    ``skipped``; the straight fold and every seek skip the same ones.

    Parameters
    ----------
    index
        The stream.
    street, categories
        What the twin is built on.
    retain
        How long finished cases and cleared alarms stay (see :mod:`cockpit.replay.snapshots`).
    snapshot_every
        Events between snapshots; None: about 1/64 of the stream, at least 20,000.
    """

    def __init__(self, index: EventIndex, street: Street, categories: CategoryTable | None = None,
                 retain: timedelta = RETAIN, snapshot_every: int | None = None) -> None:
        self.index = index
        self.retain = retain
        self.twin = TwinState(street, categories)
        self.position = 0
        self.at: datetime | None = None
        self.skipped = 0
        self.snapshot_every = snapshot_every or max(20_000, index.n // 64)
        self._snapshots: dict[int, Snapshot] = {0: take(self.twin, 0)}
        self._snapshot_positions = [0]
        self._listeners: list[Callable[[], None]] = []

    def fork(self) -> Replay:
        """Another replay of the same stream with a twin of its own, starting from the snapshots taken so far.

        A training session plays the record into a fork, so the replay the trainer watches stays as it is.
        """
        other = Replay(self.index, self.twin.street, self.twin.categories, self.retain, self.snapshot_every)
        other._snapshots = dict(self._snapshots)
        other._snapshot_positions = list(self._snapshot_positions)
        return other

    def on_reset(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after the twin's records were replaced by a seek backwards."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # ------------------------------------------------------------ moving

    def seek(self, at: datetime) -> None:
        """Put the twin in its state at ``at`` (events at or before ``at``, retention applied)."""
        self.seek_position(self.index.position(at), at)

    def seek_position(self, position: int, at: datetime | None = None) -> None:
        """Put the twin at stream ``position`` (the first ``position`` events), retention at ``at``.

        ``at`` defaults to the time of the last event applied.
        """
        position = min(max(position, 0), self.index.n)
        if at is None and position:
            at = self.index.time_of(position - 1)
        base = self._snapshot_positions[bisect.bisect_right(self._snapshot_positions, position) - 1]
        # Going on from the current state is exact only if it was pruned no later than ``at``.
        pruned_later = self.at is not None and (at is None or self.at > at)
        if not (base <= self.position <= position) or pruned_later:
            restore(self.twin, self._snapshots[base])
            self.position = base
            for listener in list(self._listeners):
                listener()
        self._fold(position)
        self.at = at
        if self.at is not None:
            prune(self.twin, self.at, self.retain)

    def advance(self, position: int) -> list[Event]:
        """Fold forward to ``position`` and return the events applied (for playback)."""
        applied: list[Event] = []
        self._fold(min(position, self.index.n), applied)
        if self.position:
            self.at = self.index.time_of(self.position - 1)
        return applied

    def _fold(self, target: int, applied: list[Event] | None = None) -> None:
        index = self.index
        while self.position < target:
            next_snapshot = (self.position // self.snapshot_every + 1) * self.snapshot_every
            hi = min(target, self.position + CHUNK, next_snapshot)
            batch = index.events(self.position, hi)
            done = self.twin.apply_many(batch, on_error=self._skip)
            if applied is not None:
                applied.extend(done)
            self.position = hi
            prune(self.twin, index.time_of(hi - 1), self.retain)
            if hi == next_snapshot and hi not in self._snapshots:
                self._snapshots[hi] = take(self.twin, hi)
                bisect.insort(self._snapshot_positions, hi)

    def _skip(self, event: Event, error: TwinError) -> None:
        self.skipped += 1

    def build_snapshots(self, progress: Callable[[float], None] | None = None) -> None:
        """Fold the whole stream once so that every later seek starts from a near snapshot."""
        step = self.snapshot_every
        target = 0
        while target < self.index.n:
            target = min(self.index.n, target + step)
            self.seek_position(target)
            if progress is not None:
                progress(target / self.index.n)

    @property
    def snapshot_count(self) -> int:
        return len(self._snapshots)


def straight_fold(index: EventIndex, street: Street, at: datetime,
                  categories: CategoryTable | None = None, retain: timedelta = RETAIN) -> TwinState:
    """The reference: a fresh twin fed every event at or before ``at`` in one go, then pruned at ``at``."""
    twin = TwinState(street, categories)
    position = index.position(at)
    twin.apply_many(index.events(0, position), on_error=lambda event, error: None)
    prune(twin, at, retain)
    return twin
