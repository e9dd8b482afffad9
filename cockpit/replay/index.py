"""The replay's event index: the stream as sorted numpy columns, events made only when played.

An incident log row expands into up to 16 events (report, triage, escalations, dispatch, the SLA
marks and alarms the live derivers would have added, ..., close). Building ~8 million event objects
for a million-row log would take longer than reading the file, so the index keeps one sorted int64
key per event — (second since start, row, stage) packed — and makes the event objects of a
position range on demand. The app's own event store, already a list of events, gets the same face.

How a log row becomes events: exactly the mapping of docs/incident-log.md
(:func:`cockpit.history.to_events.log_to_events`, which makes Python objects for every row and is
too slow at this size), plus what the live derivers add, dated as they date it, so that the replay
twin runs without derivers and without clock ticks:

- ``AlarmRaised`` ``ALM-RED-<case>`` with the report of a red case (:func:`cockpit.sla.red_case_alarms`);
- ``CaseOverdue("response")`` at report + 2 h if not accepted by then, ``CaseOverdue("resolve")`` and
  ``AlarmRaised`` ``ALM-OVD-<case>-0`` at the resolve deadline if not resolved by then
  (:class:`cockpit.sla.SlaMonitor` with ``escalate=False``; escalations come from the log); a
  reopen clears the marks, and a case reopened past its deadline (or passing it in its last round)
  is marked again, ``ALM-OVD-<case>-<reopens>``, dated at the deadline as the monitor dates it;
- ``AlarmRaised`` ``ALM-OSL-<case>`` at dispatch + the category's on-scene limit if nobody was on
  scene and the case was not resolved (the first time) by then (:func:`cockpit.sla.on_scene_late`).

A reopened case goes round its loop again, as the mapping says: resolved at ``first_resolved_at``,
reopened, triaged and dispatched again at ``reopened_at`` (and accepted again if it was resolved
once more), resolved at ``resolved_at``; rounds the log keeps no times for happen at
``reopened_at``; a log without the two columns has its cycle at ``resolved_at``. Between its first
resolution and its reopening the case is resolved, as it was.

Ordering: by whole second, then log row, then the row's round (0 before the first reopen, ``k``
after the ``k``-th), then the step order of :class:`Stage`; event times keep their microseconds. So
the replay resolves time to the second: the state "at T" holds every event of the second of T. Not
replayed: area alarms.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from functools import cached_property
from typing import NamedTuple

import numpy as np

from cockpit.escalation import escalation_due
from cockpit.history.to_events import NO_FEEDBACK_REASON, REOPEN_REASON
from cockpit.replay.loader import MAX_REOPENS, NULL_TIME, IncidentColumns, Progress, start_reading
from cockpit.sla import ON_SCENE_LATE, on_scene_alarm_id
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.vocabulary.events import (
    AlarmRaised,
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseOnScene,
    CaseOverdue,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    Event,
    utc,
)
from cockpit.vocabulary.targets import RESPONSE_TARGET

_ROW_BITS = 24
_CYCLE_BITS = MAX_REOPENS.bit_length()
_STAGE_BITS = 5
_ROW_SHIFT = _CYCLE_BITS + _STAGE_BITS
_TIME_SHIFT = _ROW_BITS + _ROW_SHIFT
_ROW_MASK = (1 << _ROW_BITS) - 1
_MICROS = 1_000_000
_STAGE_MASK = (1 << _STAGE_BITS) - 1
MAX_ROWS = 1 << _ROW_BITS
"""Rows one index can hold (16,777,216)."""

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class Stage(IntEnum):
    """The events of one log row, in the order they apply when they fall in the same second and round.

    A round is the case's loop before its first reopen (0) or after its ``k``-th (``k``); the
    ``ROUND_`` steps belong to the rounds the log keeps no times for, ``RE_`` to the last one.
    ``REOPEN_ESCALATED`` is an escalation that fell due while the case sat resolved (it applies on
    the reopen), ``LATE_ESCALATED`` one made by hand before the final resolution; ``RE_`` overdue
    marks are those of the last round.
    """

    REPORTED = 0
    REOPENED = 1
    REOPEN_ESCALATED_1 = 2
    REOPEN_ESCALATED_2 = 3
    RED_ALARM = 4
    TRIAGED = 5
    ROUND_TRIAGED = 6
    RE_TRIAGED = 7
    ESCALATED_1 = 8
    ESCALATED_2 = 9
    DISPATCHED = 10
    RE_DISPATCHED = 11
    RESPONSE_OVERDUE = 12
    ACCEPTED = 13
    RE_ACCEPTED = 14
    ON_SCENE_LATE = 15
    ON_SCENE = 16
    LATE_ESCALATED_1 = 17
    LATE_ESCALATED_2 = 18
    RESOLVE_OVERDUE = 19
    OVERDUE_ALARM = 20
    RE_RESOLVE_OVERDUE = 21
    RE_OVERDUE_ALARM = 22
    FIRST_RESOLVED = 23
    ROUND_RESOLVED = 24
    RESOLVED = 25
    FEEDBACK = 26
    CLOSED = 27


def to_seconds(at: datetime) -> int:
    """Whole UTC seconds since the epoch of a timezone-aware time."""
    return int((utc(at) - EPOCH) // timedelta(seconds=1))


def from_seconds(seconds: int) -> datetime:
    return EPOCH + timedelta(seconds=int(seconds))


class EventIndex:
    """Common face of a replayable stream: ``n`` events at non-decreasing ``times`` (UTC seconds).

    ``times[i]`` is the seek time of position ``i`` (in UTC seconds); the state "at T" is the fold of the first
    :meth:`position` (T) events. ``alarm_positions`` and ``red_positions`` are sorted positions of
    alarms raised and of red cases reported, for the player's jumps.
    """

    n: int
    times: np.ndarray
    alarm_positions: np.ndarray
    red_positions: np.ndarray

    def position(self, at: datetime) -> int:
        """Number of events at or before ``at``."""
        return int(np.searchsorted(self.times, to_seconds(at), side="right"))

    def time_of(self, position: int) -> datetime:
        """The seek time of the event at ``position`` (clamped to the stream)."""
        return from_seconds(self.times[min(max(position, 0), self.n - 1)])

    @property
    def start(self) -> datetime:
        return self.time_of(0)

    @property
    def end(self) -> datetime:
        return self.time_of(self.n - 1)

    @property
    def recorded_end(self) -> datetime:
        """The latest moment the record itself speaks of (the stream may run on with deadline marks
        the record implies); a state asked for much later would be invented."""
        return self.end

    def events(self, lo: int, hi: int) -> list[Event]:
        """The events at positions ``lo`` to ``hi - 1``, in stream order."""
        raise NotImplementedError


class LogIndex(EventIndex):
    """Index of an incident log (see the module docstring for the events of a row).

    Parameters
    ----------
    log
        The validated columns from :func:`~cockpit.replay.loader.read_incident_log`.
    """

    def __init__(self, log: IncidentColumns) -> None:
        if log.n == 0:
            raise ValueError(f"{log.path}: the log has no rows")
        if log.n > MAX_ROWS:
            raise ValueError(f"{log.path}: {log.n} rows; one replay holds at most {MAX_ROWS}")
        self.log = log
        self.n_rows = log.n
        self._plan = _Plan(log)
        self.t0 = int(log.times["reported_at"].min()) // _MICROS
        keys = self._plan.keys(self.t0)
        self.keys = keys
        self.n = len(keys)
        self._rows: dict[str, list] | None = None

    @cached_property
    def alarm_positions(self) -> np.ndarray:
        stage = self.keys & _STAGE_MASK
        return np.flatnonzero((stage == Stage.RED_ALARM) | (stage == Stage.OVERDUE_ALARM)
                              | (stage == Stage.RE_OVERDUE_ALARM) | (stage == Stage.ON_SCENE_LATE))

    @cached_property
    def red_positions(self) -> np.ndarray:
        return np.flatnonzero((self.keys & _STAGE_MASK) == Stage.RED_ALARM)

    @property
    def recorded_end(self) -> datetime:
        """The latest timestamp in the log (the KPIs' ``now`` of ``cockpit kpi``)."""
        return EPOCH + timedelta(microseconds=self._plan.log_now)

    def position(self, at: datetime) -> int:
        after = (to_seconds(at) - self.t0 + 1) << _TIME_SHIFT
        return int(np.searchsorted(self.keys, after, side="left"))

    def time_of(self, position: int) -> datetime:
        return from_seconds((int(self.keys[min(max(position, 0), self.n - 1)]) >> _TIME_SHIFT) + self.t0)

    @property
    def times(self) -> np.ndarray:
        return (self.keys >> _TIME_SHIFT) + self.t0

    @cached_property
    def row_array(self) -> np.ndarray:
        """The log row of each event position."""
        return (self.keys >> _ROW_SHIFT) & _ROW_MASK

    @cached_property
    def stage_array(self) -> np.ndarray:
        """The :class:`Stage` of each event position."""
        return self.keys & _STAGE_MASK

    def row_of(self, position: int) -> int:
        return int((self.keys[position] >> _ROW_SHIFT) & _ROW_MASK)

    def events(self, lo: int, hi: int) -> list[Event]:
        lo, hi = max(lo, 0), min(hi, self.n)
        if lo >= hi:
            return []
        rows = self._python_rows()
        block = self.keys[lo:hi]
        row_ids = ((block >> _ROW_SHIFT) & _ROW_MASK).tolist()
        stages = (block & _STAGE_MASK).tolist()
        when = self._stage_times
        make = _MAKERS
        return [make[s](rows, r, EPOCH + timedelta(microseconds=int(when[s][r])))
                for r, s in zip(row_ids, stages)]

    def _python_rows(self) -> dict[str, list]:
        # Python values per row are built once, on the first playback, not at load.
        if self._rows is None:
            log, plan = self.log, self._plan
            rows: dict[str, list] = {"case_id": log.case_ids.to_pylist()}
            for column in ("category", "community", "general_grid", "micro_grid", "assignee"):
                codes, labels = log.encoded(column)
                rows[column] = np.array(labels + [None], dtype=object)[codes].tolist()
            risks = np.array([RiskLevel(v) for v in log.labels["risk_level"]], dtype=object)
            codes, labels = log.encoded("source")
            sources = np.array([Source(v) for v in labels], dtype=object)
            rows["risk"] = risks[log.codes["risk_level"]].tolist()
            rows["source"] = sources[codes].tolist()
            levels = np.array(list(OwnerLevel), dtype=object)
            initial = plan.initial_rank()
            rows["initial_level"] = levels[initial].tolist()
            rows["level_1"] = levels[np.minimum(initial + 1, 2)].tolist()
            rows["level_2"] = levels[np.minimum(initial + 2, 2)].tolist()
            rows["automatic_1"] = plan.automatic(1).tolist()
            rows["automatic_2"] = plan.automatic(2).tolist()
            rows["round_level"] = levels[np.minimum(initial + plan.escalated_before(final=False), 2)].tolist()
            rows["reopen_level"] = levels[np.minimum(initial + plan.escalated_before(final=True), 2)].tolist()
            self._stage_times = plan.stage_times()
            table = default_categories()
            codes, labels = log.encoded("category")
            departments = [table[c].department.value if c in table else "" for c in labels]
            rows["department"] = np.array(departments + [""], dtype=object)[codes].tolist()
            rows["lon"], rows["lat"] = log.lon.tolist(), log.lat.tolist()
            rows["satisfaction"] = log.satisfaction.tolist()
            rows["reopened"] = log.reopened.tolist()
            self._rows = rows
        return self._rows


class ListIndex(EventIndex):
    """Index of events already made, e.g. read from the app's own event store, in stream order.

    The stream order is kept; a position's seek time is the latest event time up to it, so the
    state "at T" is every event up to the last one whose running time is at or before T.
    """

    def __init__(self, events: Sequence[Event]) -> None:
        if not events:
            raise ValueError("the event history is empty")
        self._events = list(events)
        self.n = len(self._events)
        seconds = np.fromiter((to_seconds(e.at) for e in self._events), dtype=np.int64, count=self.n)
        self.times = np.maximum.accumulate(seconds)
        self.alarm_positions = np.array(
            [i for i, e in enumerate(self._events) if isinstance(e, AlarmRaised)], dtype=np.int64)
        self.red_positions = np.array(
            [i for i, e in enumerate(self._events)
             if isinstance(e, (CaseReported, CaseTriaged)) and e.risk is RiskLevel.RED], dtype=np.int64)

    def events(self, lo: int, hi: int) -> list[Event]:
        return self._events[max(lo, 0):min(hi, self.n)]


class _Block(NamedTuple):
    """One stage's events: the rows that have one (None: every row, by the time column ``when``,
    missing where empty), when they apply (µs), in which round (a number, or one per entry), and
    the time the events carry where it differs (a deadline marked once the case is open again)."""

    stage: Stage
    rows: np.ndarray | None
    when: np.ndarray
    cycle: np.ndarray | int = 0
    at: np.ndarray | None = None


_FINAL_ROUND = (Stage.RESOLVED, Stage.FEEDBACK, Stage.CLOSED)
"""Full-column stages that happen in a reopened case's last round."""


class _Plan:
    """Which rows have each stage's event and when (µs), as sparse blocks (vectorised over the log).

    Only what the index needs is computed at load, in as few full-length arrays as possible (each
    fresh array of a million rows costs page faults); the per-row values events are made from are
    built on first playback. Reopened cases are few: their rounds are sparse blocks.
    """

    def __init__(self, log: IncidentColumns) -> None:
        t = log.times
        self.log = log
        self.n = log.n
        risk_labels = log.labels["risk_level"]
        risk_code = log.codes["risk_level"]
        self.within_by_code = np.array(
            [RiskLevel(v).resolve_within // timedelta(microseconds=1) for v in risk_labels], dtype=np.int64)
        red_code = risk_labels.index(RiskLevel.RED.value) if RiskLevel.RED.value in risk_labels else -2
        reported, resolved, accepted = t["reported_at"], t["resolved_at"], t["accepted_at"]
        self._reopen_rounds(log)
        resolve_due = self.within_by_code[risk_code]
        resolve_due += reported
        response_due = reported + RESPONSE_TARGET // timedelta(microseconds=1)
        response_late = accepted > response_due
        response_late |= accepted == NULL_TIME
        resolve_late = resolved > resolve_due
        resolve_late |= resolved == NULL_TIME
        late_rows = np.flatnonzero(resolve_late)
        response_rows = np.flatnonzero(response_late)
        self.resolve_overdue = resolve_late

        self.n_escalations = np.minimum(log.escalations, 2)
        log_now = self.log_now = max(int(v.max()) for v in t.values())
        # Escalation k falls due by the one rule (cockpit.escalation); moved when the case was not open then (see docs).
        self.escalations: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        escalation_blocks: list[_Block] = []
        for k in (1, 2):
            rows = np.flatnonzero(self.n_escalations >= k)
            at = escalation_due(reported[rows], self.within_by_code[risk_code[rows]], k)
            done = resolved[rows]
            first, reopen, rounds = self._round_of(rows)
            while_resolved = (rounds > 0) & (at >= first) & (at < reopen)
            by_hand_before_resolution = ~while_resolved & (done != NULL_TIME) & (at >= done)
            open_past_log = ~while_resolved & (done == NULL_TIME) & (at > log_now)
            when = np.where(while_resolved, reopen,
                            np.where(by_hand_before_resolution, done, np.where(open_past_log, log_now, at)))
            cycle = np.where((rounds > 0) & (when >= first), rounds, 0)
            automatic = ~(by_hand_before_resolution | open_past_log)
            self.escalations.append((rows, when, automatic, cycle, while_resolved))
            escalation_blocks += [
                _Block(stage, rows[pick], when[pick], cycle[pick]) for stage, pick in (
                    (Stage[f"ESCALATED_{k}"], ~(while_resolved | by_hand_before_resolution)),
                    (Stage[f"REOPEN_ESCALATED_{k}"], while_resolved),
                    (Stage[f"LATE_ESCALATED_{k}"], by_hand_before_resolution))]
        closed = t["closed_at"]
        feedback_time = closed.copy()
        np.copyto(feedback_time, resolved, where=closed == NULL_TIME)
        feedback_time[log.satisfaction <= 0] = NULL_TIME

        no_show_rows, no_show_at = self._on_scene_late(log)

        red = np.flatnonzero(risk_code == red_code)
        # A step's own time column serves as is: its empty cells get keys that sort last and are cut.
        self.blocks: list[_Block] = [
            _Block(Stage.REPORTED, None, reported),
            _Block(Stage.RED_ALARM, red, reported[red]),
            _Block(Stage.TRIAGED, None, t["triaged_at"]),
            *escalation_blocks,
            _Block(Stage.DISPATCHED, None, t["dispatched_at"]),
            _Block(Stage.RESPONSE_OVERDUE, response_rows, response_due[response_rows]),
            _Block(Stage.ACCEPTED, None, accepted),
            _Block(Stage.ON_SCENE_LATE, no_show_rows, no_show_at),
            _Block(Stage.ON_SCENE, None, t["on_scene_at"]),
            *self._overdue_blocks(late_rows, resolve_due),
            *self._round_blocks(),
            _Block(Stage.RESOLVED, None, resolved),
            _Block(Stage.FEEDBACK, None, feedback_time),
            _Block(Stage.CLOSED, None, closed),
        ]

    # ------------------------------------------------------------ reopened cases

    def _reopen_rounds(self, log: IncidentColumns) -> None:
        """The reopened rows that go round again, their rounds, first resolution and reopen (µs).

        As the mapping: a row reopened ``n`` times with ``reopened_at`` goes round ``n`` more times,
        its first resolution at ``first_resolved_at`` (else at the reopen); without the column, at
        ``resolved_at``; a row reopened but never resolved again and without the column, never.
        """
        t = log.times
        rows = np.flatnonzero(log.reopened > 0)
        reopen, first, resolved = t["reopened_at"][rows], t["first_resolved_at"][rows], t["resolved_at"][rows]
        reopen = np.where(reopen != NULL_TIME, reopen, resolved)
        goes_round = reopen != NULL_TIME
        self.cycled = rows[goes_round]
        self.reopen_at = reopen[goes_round]
        first = first[goes_round]
        self.first_resolved = np.where(first != NULL_TIME, first, self.reopen_at)
        self.rounds = log.reopened[self.cycled].astype(np.int64)

    def _round_of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For ``rows`` (sorted): first resolution, reopen and number of rounds (0: never reopened)."""
        if not len(self.cycled):
            zero = np.zeros(len(rows), dtype=np.int64)
            return zero, zero, zero
        at = np.minimum(np.searchsorted(self.cycled, rows), len(self.cycled) - 1)
        hit = self.cycled[at] == rows
        return (np.where(hit, self.first_resolved[at], 0), np.where(hit, self.reopen_at[at], 0),
                np.where(hit, self.rounds[at], 0))

    def _overdue_blocks(self, late_rows: np.ndarray, due: np.ndarray) -> list[_Block]:
        """The resolve deadline's marks: in the first round if it passed before the first resolution;
        in the last round if the case was reopened past it (marked on the reopen, dated at the
        deadline, as the monitor does on its first tick) or passes it then."""
        first, _, rounds_of_late = self._round_of(late_rows)
        first_round = late_rows[(rounds_of_late == 0) | (due[late_rows] < first)]
        rows, reopen, rounds = self.cycled, self.reopen_at, self.rounds
        their_due, final = due[rows], self.log.times["resolved_at"][rows]
        open_after = (final == NULL_TIME) | (final > reopen)
        again = open_after & ((their_due < reopen) | (final == NULL_TIME) | (final > their_due))
        marked_at = np.maximum(their_due, reopen)[again]
        return [
            _Block(Stage.RESOLVE_OVERDUE, first_round, due[first_round]),
            _Block(Stage.OVERDUE_ALARM, first_round, due[first_round]),
            _Block(Stage.RE_RESOLVE_OVERDUE, rows[again], marked_at, rounds[again], their_due[again]),
            _Block(Stage.RE_OVERDUE_ALARM, rows[again], marked_at, rounds[again], their_due[again]),
        ]

    def _round_blocks(self) -> list[_Block]:
        """First resolution, then per round: reopen, triage, dispatch, (accept, resolve)."""
        rows, reopen, rounds = self.cycled, self.reopen_at, self.rounds
        every = np.repeat(np.arange(len(rows)), rounds)
        number = np.arange(len(every)) - np.repeat(np.cumsum(rounds) - rounds, rounds) + 1
        middle = number < rounds[every]
        resolved_again = self.log.times["resolved_at"][rows] != NULL_TIME
        accepted = middle | resolved_again[every]
        return [
            _Block(Stage.FIRST_RESOLVED, rows, self.first_resolved),
            _Block(Stage.REOPENED, rows[every], reopen[every], number),
            _Block(Stage.ROUND_TRIAGED, rows[every][middle], reopen[every][middle], number[middle]),
            _Block(Stage.RE_TRIAGED, rows, reopen, rounds),
            _Block(Stage.RE_DISPATCHED, rows[every], reopen[every], number),
            _Block(Stage.RE_ACCEPTED, rows[every][accepted], reopen[every][accepted], number[accepted]),
            _Block(Stage.ROUND_RESOLVED, rows[every][middle], reopen[every][middle], number[middle]),
        ]

    def escalated_before(self, final: bool) -> np.ndarray:
        """Per row, the escalations applied before a re-triage: those of the first round, and for the
        last round's re-triage those that fell due while the case sat resolved."""
        out = np.zeros(self.n, dtype=np.int64)
        for rows, _, _, cycle, while_resolved in self.escalations:
            out[rows] += (cycle == 0) | (while_resolved & final)
        return out

    def _on_scene_late(self, log: IncidentColumns) -> tuple[np.ndarray, np.ndarray]:
        """Rows whose first dispatch saw nobody on scene within the category's limit, and when it passed.

        As :func:`cockpit.sla.on_scene_late`: the case was neither on scene nor resolved by then (for
        a reopened case, resolved the first time).
        """
        t = log.times
        table = default_categories()
        codes, labels = log.encoded("category")
        never = np.iinfo(np.int64).max // 4
        limits = np.array([table[c].on_scene_limit // timedelta(microseconds=1) if c in table else never
                           for c in labels], dtype=np.int64)
        dispatched, resolved = t["dispatched_at"], t["resolved_at"]
        if len(self.cycled):
            resolved = resolved.copy()
            resolved[self.cycled] = self.first_resolved
        due = dispatched + limits[codes]
        late = ((dispatched != NULL_TIME) & ((t["on_scene_at"] == NULL_TIME) | (t["on_scene_at"] > due))
                & ((resolved == NULL_TIME) | (resolved > due)))
        rows = np.flatnonzero(late)
        return rows, due[rows]

    # ------------------------------------------------------------ per row and keys

    def initial_rank(self) -> np.ndarray:
        """The owner level each case is triaged at: the final one stepped down by its escalations."""
        order = list(OwnerLevel)
        codes, labels = self.log.encoded("owner_level")
        ranks = np.array([order.index(OwnerLevel(v)) for v in labels], dtype=np.int64)
        return np.maximum(ranks[codes] - self.log.escalations, 0)

    def stage_times(self) -> dict[int, np.ndarray]:
        """For each stage, a full-length array of its event time per row (for making events)."""
        out = {}
        for block in self.blocks:
            at = block.when if block.at is None else block.at
            if block.rows is None:
                out[int(block.stage)] = at
            else:
                full = out.get(int(block.stage))
                if full is None:
                    full = out[int(block.stage)] = np.full(self.n, NULL_TIME, dtype=np.int64)
                full[block.rows] = at
        return out

    def automatic(self, k: int) -> np.ndarray:
        """Whether escalation ``k`` of each row was automatic (False where it has none)."""
        rows, _, automatic, _, _ = self.escalations[k - 1]
        out = np.zeros(self.n, dtype=bool)
        out[rows] = automatic
        return out

    def keys(self, t0: int) -> np.ndarray:
        """One packed key per event: (whole seconds since ``t0``, row, round, stage), sorted."""
        keys = np.empty(sum(len(block.when) for block in self.blocks), dtype=np.int64)
        all_rows = np.arange(self.n, dtype=np.int64) << _ROW_SHIFT
        offset = empty = 0
        for stage, rows, when, cycle, _ in self.blocks:
            out = keys[offset:offset + len(when)]
            np.floor_divide(when, _MICROS, out=out)
            np.subtract(out, t0, out=out)
            np.left_shift(out, _TIME_SHIFT, out=out)
            np.bitwise_or(out, all_rows if rows is None else rows.astype(np.int64) << _ROW_SHIFT, out=out)
            np.bitwise_or(out, int(stage) | (np.asarray(cycle, dtype=np.int64) << _STAGE_BITS), out=out)
            if rows is None and stage in _FINAL_ROUND and len(self.cycled):
                out[self.cycled] |= self.rounds << _STAGE_BITS
            if rows is None and stage is not Stage.REPORTED:
                missing = when == NULL_TIME
                out[missing] = _NO_EVENT
                empty += int(np.count_nonzero(missing))
            offset += len(when)
        keys.sort()  # keys are unique, so an unstable sort is exact (and several times faster)
        return keys[:len(keys) - empty] if empty else keys


_NO_EVENT = np.iinfo(np.int64).max


def _reported(rows: dict, r: int, at: datetime) -> Event:
    return CaseReported(at, rows["case_id"][r], rows["category"][r], rows["source"][r], rows["lon"][r],
                        rows["lat"][r], rows["micro_grid"][r], rows["general_grid"][r],
                        rows["community"][r], rows["risk"][r])


def _red_alarm(rows: dict, r: int, at: datetime) -> Event:
    case_id = rows["case_id"][r]
    return AlarmRaised(at, f"ALM-RED-{case_id}", "red_case", RiskLevel.RED, case_id=case_id,
                       detail=rows["category"][r])


def _triaged(level: str):
    def make(rows: dict, r: int, at: datetime) -> Event:
        return CaseTriaged(at, rows["case_id"][r], rows["category"][r], rows["risk"][r], rows[level][r])
    return make


def _reopened(rows: dict, r: int, at: datetime) -> Event:
    return CaseReopened(at, rows["case_id"][r], "resident", REOPEN_REASON)


def _escalated(k: int):
    def make(rows: dict, r: int, at: datetime) -> Event:
        automatic = rows[f"automatic_{k}"][r]
        reason = "resolve deadline passed" if automatic else "escalated (time not in the log)"
        return CaseEscalated(at, rows["case_id"][r], rows[f"level_{k}"][r], "system", reason, automatic)
    return make


def _by_assignee(cls):
    def make(rows: dict, r: int, at: datetime) -> Event:
        return cls(at, rows["case_id"][r], rows["assignee"][r] or "")
    return make


def _dispatched(rows: dict, r: int, at: datetime) -> Event:
    return CaseDispatched(at, rows["case_id"][r], rows["assignee"][r] or "")


def _overdue(deadline: str):
    def make(rows: dict, r: int, at: datetime) -> Event:
        return CaseOverdue(at, rows["case_id"][r], deadline)
    return make


def _overdue_alarm(last_round: bool):
    def make(rows: dict, r: int, at: datetime) -> Event:
        case_id = rows["case_id"][r]
        # As the monitor names it: by the reopens so far, so that each round's alarm is its own.
        return AlarmRaised(at, f"ALM-OVD-{case_id}-{rows['reopened'][r] if last_round else 0}", "overdue",
                           RiskLevel.RED, case_id=case_id, detail="resolve deadline passed")
    return make


def _on_scene_late(rows: dict, r: int, at: datetime) -> Event:
    case_id = rows["case_id"][r]
    return AlarmRaised(at, on_scene_alarm_id(case_id), ON_SCENE_LATE, rows["risk"][r], case_id=case_id,
                       detail=rows["department"][r])


def _feedback(rows: dict, r: int, at: datetime) -> Event:
    return CaseFeedback(at, rows["case_id"][r], rows["satisfaction"][r], True, "resident")


def _closed(rows: dict, r: int, at: datetime) -> Event:
    return CaseClosed(at, rows["case_id"][r], "", "" if rows["satisfaction"][r] else NO_FEEDBACK_REASON)


_MAKER_BY_STAGE = {
    Stage.REPORTED: _reported,
    Stage.REOPENED: _reopened,
    Stage.REOPEN_ESCALATED_1: _escalated(1),
    Stage.REOPEN_ESCALATED_2: _escalated(2),
    Stage.RED_ALARM: _red_alarm,
    Stage.TRIAGED: _triaged("initial_level"),
    Stage.ROUND_TRIAGED: _triaged("round_level"),
    Stage.RE_TRIAGED: _triaged("reopen_level"),
    Stage.ESCALATED_1: _escalated(1),
    Stage.ESCALATED_2: _escalated(2),
    Stage.DISPATCHED: _dispatched,
    Stage.RE_DISPATCHED: _dispatched,
    Stage.RESPONSE_OVERDUE: _overdue("response"),
    Stage.ACCEPTED: _by_assignee(CaseAccepted),
    Stage.RE_ACCEPTED: _by_assignee(CaseAccepted),
    Stage.ON_SCENE_LATE: _on_scene_late,
    Stage.ON_SCENE: _by_assignee(CaseOnScene),
    Stage.LATE_ESCALATED_1: _escalated(1),
    Stage.LATE_ESCALATED_2: _escalated(2),
    Stage.RESOLVE_OVERDUE: _overdue("resolve"),
    Stage.OVERDUE_ALARM: _overdue_alarm(last_round=False),
    Stage.RE_RESOLVE_OVERDUE: _overdue("resolve"),
    Stage.RE_OVERDUE_ALARM: _overdue_alarm(last_round=True),
    Stage.FIRST_RESOLVED: _by_assignee(CaseResolved),
    Stage.ROUND_RESOLVED: _by_assignee(CaseResolved),
    Stage.RESOLVED: _by_assignee(CaseResolved),
    Stage.FEEDBACK: _feedback,
    Stage.CLOSED: _closed,
}
_MAKERS = [_MAKER_BY_STAGE[stage] for stage in Stage]


def load_index(path, categories: set[str] | None = None, staff_ids: set[str] | None = None,
               progress: Progress | None = None) -> LogIndex:
    """Read, check and index an incident log: :func:`~cockpit.replay.loader.read_incident_log` and
    :class:`LogIndex`, with the checks that do not feed the index running beside its build.

    Raises
    ------
    LogReadError
        As :func:`~cockpit.replay.loader.read_incident_log`; no index is returned for a bad file.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        columns, pending = start_reading(path, categories, staff_ids, progress, pool)
        index = LogIndex(columns)
        pending.wait()
    return index


def store_index(store, start: datetime | None = None, end: datetime | None = None) -> ListIndex:
    """Index of the app's own recorded history between ``start`` and ``end``.

    ``store`` is a :class:`cockpit.storage.eventlog.EventStore`; its events come in the order they
    were applied, derivers' output included, so the replay needs no derivers.
    """
    return ListIndex(list(store.read(start, end)))
