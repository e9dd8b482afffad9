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
  (:class:`cockpit.sla.SlaMonitor` with ``escalate=False``; escalations come from the log);
- ``AlarmRaised`` ``ALM-OSL-<case>`` at dispatch + the category's on-scene limit if nobody was on
  scene and the case was not resolved by then (:func:`cockpit.sla.on_scene_late`).

Ordering: by whole second, then log row, then the step order of :class:`Stage`; event times keep
their microseconds. So the replay resolves time to the second: the state "at T" holds every event
of the second of T. Not replayed: reopen cycles (``first_resolved_at``/``reopened_at``; a reopened
case replays as resolved once) and area alarms.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from functools import cached_property

import numpy as np

from cockpit.escalation import escalation_due
from cockpit.history.to_events import NO_FEEDBACK_REASON
from cockpit.replay.loader import NULL_TIME, IncidentColumns, Progress, start_reading
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
    CaseReported,
    CaseResolved,
    CaseTriaged,
    Event,
    utc,
)
from cockpit.vocabulary.targets import RESPONSE_TARGET

_ROW_BITS = 24
_STAGE_BITS = 4
_TIME_SHIFT = _ROW_BITS + _STAGE_BITS
_ROW_MASK = (1 << _ROW_BITS) - 1
_MICROS = 1_000_000
_STAGE_MASK = (1 << _STAGE_BITS) - 1
MAX_ROWS = 1 << _ROW_BITS
"""Rows one index can hold (16,777,216)."""

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class Stage(IntEnum):
    """The events of one log row, in the order they apply when they fall in the same second."""

    REPORTED = 0
    RED_ALARM = 1
    TRIAGED = 2
    ESCALATED_1 = 3
    ESCALATED_2 = 4
    DISPATCHED = 5
    RESPONSE_OVERDUE = 6
    ACCEPTED = 7
    ON_SCENE_LATE = 8
    ON_SCENE = 9
    RESOLVE_OVERDUE = 10
    OVERDUE_ALARM = 11
    RESOLVED = 12
    FEEDBACK = 13
    CLOSED = 14


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
                              | (stage == Stage.ON_SCENE_LATE))

    @cached_property
    def red_positions(self) -> np.ndarray:
        return np.flatnonzero((self.keys & _STAGE_MASK) == Stage.RED_ALARM)

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
        return (self.keys >> _STAGE_BITS) & _ROW_MASK

    @cached_property
    def stage_array(self) -> np.ndarray:
        """The :class:`Stage` of each event position."""
        return self.keys & _STAGE_MASK

    def row_of(self, position: int) -> int:
        return int((self.keys[position] >> _STAGE_BITS) & _ROW_MASK)

    def events(self, lo: int, hi: int) -> list[Event]:
        lo, hi = max(lo, 0), min(hi, self.n)
        if lo >= hi:
            return []
        rows = self._python_rows()
        block = self.keys[lo:hi]
        row_ids = ((block >> _STAGE_BITS) & _ROW_MASK).tolist()
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
            self._stage_times = plan.stage_times()
            table = default_categories()
            codes, labels = log.encoded("category")
            departments = [table[c].department.value if c in table else "" for c in labels]
            rows["department"] = np.array(departments + [""], dtype=object)[codes].tolist()
            rows["lon"], rows["lat"] = log.lon.tolist(), log.lat.tolist()
            rows["satisfaction"] = log.satisfaction.tolist()
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


class _Plan:
    """Which rows have each stage's event and when (µs), as sparse blocks (vectorised over the log).

    Only what the index needs is computed at load, in as few full-length arrays as possible (each
    fresh array of a million rows costs page faults); the per-row values events are made from are
    built on first playback.
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
        log_now = max(int(v.max()) for v in t.values())
        # Escalation k falls due by the one rule (cockpit.escalation); moved when the case was not open then (see docs).
        self.escalations: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for k in (1, 2):
            rows = np.flatnonzero(self.n_escalations >= k)
            at = escalation_due(reported[rows], self.within_by_code[risk_code[rows]], k)
            done = resolved[rows]
            by_hand_before_resolution = (done != NULL_TIME) & (at >= done)
            open_past_log = (done == NULL_TIME) & (at > log_now)
            when = np.where(by_hand_before_resolution, done, np.where(open_past_log, log_now, at))
            self.escalations.append((rows, when, ~(by_hand_before_resolution | open_past_log)))
        closed = t["closed_at"]
        feedback_time = closed.copy()
        np.copyto(feedback_time, resolved, where=closed == NULL_TIME)
        feedback_time[log.satisfaction <= 0] = NULL_TIME

        no_show_rows, no_show_at = self._on_scene_late(log)

        red = np.flatnonzero(risk_code == red_code)
        # A step's own time column serves as is: its empty cells get keys that sort last and are cut.
        self.blocks: list[tuple[Stage, np.ndarray | None, np.ndarray]] = [
            (Stage.REPORTED, None, reported),
            (Stage.RED_ALARM, red, reported[red]),
            (Stage.TRIAGED, None, t["triaged_at"]),
            (Stage.ESCALATED_1, self.escalations[0][0], self.escalations[0][1]),
            (Stage.ESCALATED_2, self.escalations[1][0], self.escalations[1][1]),
            (Stage.DISPATCHED, None, t["dispatched_at"]),
            (Stage.RESPONSE_OVERDUE, response_rows, response_due[response_rows]),
            (Stage.ACCEPTED, None, accepted),
            (Stage.ON_SCENE_LATE, no_show_rows, no_show_at),
            (Stage.ON_SCENE, None, t["on_scene_at"]),
            (Stage.RESOLVE_OVERDUE, late_rows, resolve_due[late_rows]),
            (Stage.OVERDUE_ALARM, late_rows, resolve_due[late_rows]),
            (Stage.RESOLVED, None, resolved),
            (Stage.FEEDBACK, None, feedback_time),
            (Stage.CLOSED, None, closed),
        ]

    @staticmethod
    def _on_scene_late(log: IncidentColumns) -> tuple[np.ndarray, np.ndarray]:
        """Rows whose first dispatch saw nobody on scene within the category's limit, and when it passed.

        As :func:`cockpit.sla.on_scene_late`: the case was neither on scene nor resolved by then.
        """
        t = log.times
        table = default_categories()
        codes, labels = log.encoded("category")
        never = np.iinfo(np.int64).max // 4
        limits = np.array([table[c].on_scene_limit // timedelta(microseconds=1) if c in table else never
                           for c in labels], dtype=np.int64)
        dispatched, resolved = t["dispatched_at"], t["resolved_at"]
        due = dispatched + limits[codes]
        late = ((dispatched != NULL_TIME) & ((t["on_scene_at"] == NULL_TIME) | (t["on_scene_at"] > due))
                & ((resolved == NULL_TIME) | (resolved > due)))
        rows = np.flatnonzero(late)
        return rows, due[rows]

    def initial_rank(self) -> np.ndarray:
        """The owner level each case is triaged at: the final one stepped down by its escalations."""
        order = list(OwnerLevel)
        codes, labels = self.log.encoded("owner_level")
        ranks = np.array([order.index(OwnerLevel(v)) for v in labels], dtype=np.int64)
        return np.maximum(ranks[codes] - self.log.escalations, 0)

    def stage_times(self) -> dict[int, np.ndarray]:
        """For each stage, a full-length array of its event time per row (for making events)."""
        out = {}
        for stage, rows, when in self.blocks:
            if rows is None:
                out[int(stage)] = when
            else:
                full = np.full(self.n, NULL_TIME, dtype=np.int64)
                full[rows] = when
                out[int(stage)] = full
        return out

    def automatic(self, k: int) -> np.ndarray:
        """Whether escalation ``k`` of each row was automatic (False where it has none)."""
        rows, _, automatic = self.escalations[k - 1]
        out = np.zeros(self.n, dtype=bool)
        out[rows] = automatic
        return out

    def keys(self, t0: int) -> np.ndarray:
        """One packed key per event: (whole seconds since ``t0``, row, stage), sorted."""
        keys = np.empty(sum(len(when) for _, _, when in self.blocks), dtype=np.int64)
        all_rows = np.arange(self.n, dtype=np.int64) << _STAGE_BITS
        offset = empty = 0
        for stage, rows, when in self.blocks:
            out = keys[offset:offset + len(when)]
            np.floor_divide(when, _MICROS, out=out)
            np.subtract(out, t0, out=out)
            np.left_shift(out, _TIME_SHIFT, out=out)
            np.bitwise_or(out, all_rows if rows is None else rows.astype(np.int64) << _STAGE_BITS, out=out)
            np.bitwise_or(out, int(stage), out=out)
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


def _triaged(rows: dict, r: int, at: datetime) -> Event:
    return CaseTriaged(at, rows["case_id"][r], rows["category"][r], rows["risk"][r], rows["initial_level"][r])


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


def _overdue_alarm(rows: dict, r: int, at: datetime) -> Event:
    case_id = rows["case_id"][r]
    return AlarmRaised(at, f"ALM-OVD-{case_id}-0", "overdue", RiskLevel.RED, case_id=case_id,
                       detail="resolve deadline passed")


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
    Stage.RED_ALARM: _red_alarm,
    Stage.TRIAGED: _triaged,
    Stage.ESCALATED_1: _escalated(1),
    Stage.ESCALATED_2: _escalated(2),
    Stage.DISPATCHED: _dispatched,
    Stage.RESPONSE_OVERDUE: _overdue("response"),
    Stage.ACCEPTED: _by_assignee(CaseAccepted),
    Stage.ON_SCENE_LATE: _on_scene_late,
    Stage.ON_SCENE: _by_assignee(CaseOnScene),
    Stage.RESOLVE_OVERDUE: _overdue("resolve"),
    Stage.OVERDUE_ALARM: _overdue_alarm,
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
