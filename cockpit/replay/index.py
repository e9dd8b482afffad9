"""The replay's event index: the stream as sorted numpy columns, events made only when played.

An incident log row expands into up to 16 events (report, triage, escalations, dispatch, the SLA
marks and alarms the live derivers would have added, ..., close). Building ~8 million event objects
for a million-row log would take longer than reading the file, so the index keeps one sorted int64
key per event — (second since start, row, stage) packed — and makes the event objects of a
position range on demand. The app's own event store, already a list of events, gets the same face.

How a log row becomes events (the replay runs without derivers, so the stream carries their output):

- ``CaseReported`` at reported_at (risk = risk_level), and for a red case ``AlarmRaised``
  ``ALM-RED-<case>`` at the same moment (what :func:`cockpit.sla.red_case_alarms` raises);
- ``CaseTriaged`` at triaged_at, owned ``escalations`` levels below the final owner_level (an
  untriaged case keeps its risk's default owner and escalates from there);
- the escalations (at most two: grid → community → street): at the resolve deadline, automatic,
  if the case was still open then and triaged before it, otherwise right after triage;
- ``CaseDispatched`` (assignee), ``CaseAccepted``, ``CaseOnScene``, ``CaseResolved`` at their times;
- ``CaseOverdue("response")`` at report + 2 h if not accepted by then, ``CaseOverdue("resolve")``
  and ``AlarmRaised`` ``ALM-OVD-<case>-0`` at the resolve deadline if not resolved by then
  (:class:`cockpit.sla.SlaMonitor`'s output); both alarms are cleared when the case is resolved;
- ``CaseFeedback`` (satisfaction, fixed) at closed_at, or at resolved_at for a case not closed;
- ``CaseClosed`` at closed_at.
Times are whole seconds. Reopen counts are kept in the log but not replayed (the log has no times
for them); area alarms are not replayed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from functools import cached_property

import numpy as np

from cockpit.domain import RESPONSE_TARGET, OwnerLevel, RiskLevel, Source
from cockpit.events import (
    AlarmCleared,
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
from cockpit.replay.loader import NULL_TIME, IncidentColumns

ACTOR = "log"
"""Actor recorded on events made from an incident log."""

_ROW_BITS = 24
_STAGE_BITS = 4
_TIME_SHIFT = _ROW_BITS + _STAGE_BITS
_ROW_MASK = (1 << _ROW_BITS) - 1
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
    ON_SCENE = 8
    RESOLVE_OVERDUE = 9
    OVERDUE_ALARM = 10
    RESOLVED = 11
    RED_CLEARED = 12
    OVERDUE_CLEARED = 13
    FEEDBACK = 14
    CLOSED = 15


def to_seconds(at: datetime) -> int:
    """Whole UTC seconds since the epoch of a timezone-aware time."""
    return int((utc(at) - EPOCH) // timedelta(seconds=1))


def from_seconds(seconds: int) -> datetime:
    return EPOCH + timedelta(seconds=int(seconds))


class EventIndex:
    """Common face of a replayable stream: ``n`` events at non-decreasing ``times`` (UTC seconds).

    ``times[i]`` is the seek time of position ``i``; the state "at T" is the fold of the first
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
        self.t0 = int(log.times["reported_at"].min())
        keys = self._plan.keys(self.t0)
        # Stable sort: the 16 per-stage blocks are long sorted runs when the log is in report order.
        keys.sort(kind="stable")
        self.keys = keys
        self.n = len(keys)
        self.times = (keys >> _TIME_SHIFT) + self.t0
        self._rows: dict[str, list] | None = None

    @cached_property
    def alarm_positions(self) -> np.ndarray:
        stage = self.keys & _STAGE_MASK
        return np.flatnonzero((stage == Stage.RED_ALARM) | (stage == Stage.OVERDUE_ALARM))

    @cached_property
    def red_positions(self) -> np.ndarray:
        return np.flatnonzero((self.keys & _STAGE_MASK) == Stage.RED_ALARM)

    def row_of(self, position: int) -> int:
        return int((self.keys[position] >> _STAGE_BITS) & _ROW_MASK)

    def events(self, lo: int, hi: int) -> list[Event]:
        lo, hi = max(lo, 0), min(hi, self.n)
        if lo >= hi:
            return []
        rows = self._python_rows()
        block = self.keys[lo:hi]
        seconds = ((block >> _TIME_SHIFT) + self.t0).tolist()
        row_ids = ((block >> _STAGE_BITS) & _ROW_MASK).tolist()
        stages = (block & _STAGE_MASK).tolist()
        make = _MAKERS
        return [make[s](rows, r, from_seconds(t)) for t, r, s in zip(seconds, row_ids, stages)]

    def _python_rows(self) -> dict[str, list]:
        # Python values per row are built once, on the first playback, not at load.
        if self._rows is None:
            log, plan = self.log, self._plan
            rows: dict[str, list] = {"case_id": log.case_ids.to_pylist()}
            for column in ("category", "community", "general_grid", "micro_grid", "assignee"):
                codes, labels = log.encoded(column)
                rows[column] = np.array(labels + [None], dtype=object)[codes].tolist()
            risks = np.array([RiskLevel(v) for v in log.labels["risk_level"]], dtype=object)
            sources = np.array([Source(v) for v in log.labels["source"]], dtype=object)
            rows["risk"] = risks[log.codes["risk_level"]].tolist()
            rows["source"] = sources[log.codes["source"]].tolist()
            levels = np.array(list(OwnerLevel), dtype=object)
            rows["initial_level"] = levels[plan.initial_rank].tolist()
            rows["level_1"] = levels[np.minimum(plan.initial_rank + 1, 2)].tolist()
            rows["level_2"] = levels[np.minimum(plan.initial_rank + 2, 2)].tolist()
            rows["automatic"] = plan.escalation_automatic.tolist()
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
    """Which events each row has and when (vectorised over the log)."""

    def __init__(self, log: IncidentColumns) -> None:
        t = log.times
        self.log = log
        n = log.n
        risk_labels = log.labels["risk_level"]
        within = np.array([RiskLevel(v).resolve_within.total_seconds() for v in risk_labels], dtype=np.int64)
        risk_code = log.codes["risk_level"]
        self.red = risk_code == (risk_labels.index("red") if "red" in risk_labels else -2)
        reported = t["reported_at"]
        self.response_due = reported + int(RESPONSE_TARGET.total_seconds())
        self.resolve_due = reported + within[risk_code]
        level_rank = {v: OwnerLevel(v) for v in log.labels["owner_level"]}
        order = list(OwnerLevel)
        ranks = np.array([order.index(level_rank[v]) for v in log.labels["owner_level"]], dtype=np.int64)
        final_rank = ranks[log.codes["owner_level"]]
        resolved = t["resolved_at"]
        triaged = t["triaged_at"]
        has_triage = triaged != NULL_TIME
        # Untriaged cases keep the owner their report gave them (the risk's default) and go up from it.
        default_rank = np.array([order.index(RiskLevel(v).default_owner) for v in risk_labels],
                                dtype=np.int64)[risk_code]
        escalations = log.escalations.astype(np.int64)
        self.n_escalations = np.where(has_triage, np.minimum(escalations, final_rank),
                                      np.minimum(escalations, 2 - default_rank))
        self.initial_rank = np.where(has_triage, final_rank - self.n_escalations, default_rank)
        accepted = t["accepted_at"]
        unresolved_by = lambda due: (resolved == NULL_TIME) | (resolved > due)  # noqa: E731
        self.resolve_overdue = unresolved_by(self.resolve_due)
        self.response_overdue = (accepted == NULL_TIME) | (accepted > self.response_due)
        at_deadline = self.resolve_overdue & (~has_triage | (triaged <= self.resolve_due))
        self.escalation_automatic = at_deadline
        self.escalation_time = np.where(
            at_deadline, self.resolve_due, np.where(has_triage, triaged, reported))
        closed = t["closed_at"]
        self.feedback_time = np.where(closed != NULL_TIME, closed, resolved)
        self.n = n

    def keys(self, t0: int) -> np.ndarray:
        """One packed key per event: (seconds since ``t0``, row, stage), unsorted."""
        t = self.log.times
        resolved = t["resolved_at"]
        has = lambda column: t[column] != NULL_TIME  # noqa: E731
        plan = [
            (Stage.REPORTED, t["reported_at"], None),
            (Stage.RED_ALARM, t["reported_at"], self.red),
            (Stage.TRIAGED, t["triaged_at"], has("triaged_at")),
            (Stage.ESCALATED_1, self.escalation_time, self.n_escalations >= 1),
            (Stage.ESCALATED_2, self.escalation_time, self.n_escalations >= 2),
            (Stage.DISPATCHED, t["dispatched_at"], has("dispatched_at")),
            (Stage.RESPONSE_OVERDUE, self.response_due, self.response_overdue),
            (Stage.ACCEPTED, t["accepted_at"], has("accepted_at")),
            (Stage.ON_SCENE, t["on_scene_at"], has("on_scene_at")),
            (Stage.RESOLVE_OVERDUE, self.resolve_due, self.resolve_overdue),
            (Stage.OVERDUE_ALARM, self.resolve_due, self.resolve_overdue),
            (Stage.RESOLVED, resolved, has("resolved_at")),
            (Stage.RED_CLEARED, resolved, self.red & has("resolved_at")),
            (Stage.OVERDUE_CLEARED, resolved, self.resolve_overdue & has("resolved_at")),
            (Stage.FEEDBACK, self.feedback_time,
             (self.log.satisfaction > 0) & (self.feedback_time != NULL_TIME)),
            (Stage.CLOSED, t["closed_at"], has("closed_at")),
        ]
        row_bits = np.arange(self.n, dtype=np.int64) << _STAGE_BITS
        blocks = []
        for stage, when, mask in plan:
            if mask is None:
                blocks.append(((when - t0) << _TIME_SHIFT) | row_bits | int(stage))
            else:
                blocks.append(((when[mask] - t0) << _TIME_SHIFT) | row_bits[mask] | int(stage))
        return np.concatenate(blocks)


def _reported(rows: dict, r: int, at: datetime) -> Event:
    return CaseReported(at, rows["case_id"][r], rows["category"][r], rows["source"][r], rows["lon"][r],
                        rows["lat"][r], rows["micro_grid"][r], rows["general_grid"][r],
                        rows["community"][r], rows["risk"][r], reporter=ACTOR)


def _red_alarm(rows: dict, r: int, at: datetime) -> Event:
    case_id = rows["case_id"][r]
    return AlarmRaised(at, f"ALM-RED-{case_id}", "red_case", RiskLevel.RED, case_id=case_id,
                       detail=rows["category"][r])


def _triaged(rows: dict, r: int, at: datetime) -> Event:
    return CaseTriaged(at, rows["case_id"][r], rows["category"][r], rows["risk"][r],
                       rows["initial_level"][r], ACTOR)


def _escalated(level_key: str):
    def make(rows: dict, r: int, at: datetime) -> Event:
        if rows["automatic"][r]:
            return CaseEscalated(at, rows["case_id"][r], rows[level_key][r], "system",
                                 "resolve deadline passed", True)
        return CaseEscalated(at, rows["case_id"][r], rows[level_key][r], ACTOR,
                             "recorded in the incident log")
    return make


def _simple(cls, **extra):
    def make(rows: dict, r: int, at: datetime) -> Event:
        return cls(at, rows["case_id"][r], **extra)
    return make


def _dispatched(rows: dict, r: int, at: datetime) -> Event:
    return CaseDispatched(at, rows["case_id"][r], rows["assignee"][r], ACTOR)


def _overdue_alarm(rows: dict, r: int, at: datetime) -> Event:
    case_id = rows["case_id"][r]
    return AlarmRaised(at, f"ALM-OVD-{case_id}-0", "overdue", RiskLevel.RED, case_id=case_id,
                       detail="resolve deadline passed")


def _cleared(prefix: str, suffix: str):
    def make(rows: dict, r: int, at: datetime) -> Event:
        return AlarmCleared(at, f"{prefix}{rows['case_id'][r]}{suffix}", "case resolved")
    return make


def _feedback(rows: dict, r: int, at: datetime) -> Event:
    return CaseFeedback(at, rows["case_id"][r], rows["satisfaction"][r], True, ACTOR)


_MAKER_BY_STAGE = {
    Stage.REPORTED: _reported,
    Stage.RED_ALARM: _red_alarm,
    Stage.TRIAGED: _triaged,
    Stage.ESCALATED_1: _escalated("level_1"),
    Stage.ESCALATED_2: _escalated("level_2"),
    Stage.DISPATCHED: _dispatched,
    Stage.RESPONSE_OVERDUE: _simple(CaseOverdue, deadline="response"),
    Stage.ACCEPTED: _simple(CaseAccepted, actor=ACTOR),
    Stage.ON_SCENE: _simple(CaseOnScene, actor=ACTOR),
    Stage.RESOLVE_OVERDUE: _simple(CaseOverdue, deadline="resolve"),
    Stage.OVERDUE_ALARM: _overdue_alarm,
    Stage.RESOLVED: _simple(CaseResolved, actor=ACTOR),
    Stage.RED_CLEARED: _cleared("ALM-RED-", ""),
    Stage.OVERDUE_CLEARED: _cleared("ALM-OVD-", "-0"),
    Stage.FEEDBACK: _feedback,
    Stage.CLOSED: _simple(CaseClosed, actor=ACTOR, reason="recorded in the incident log"),
}
_MAKERS = [_MAKER_BY_STAGE[Stage(i)] for i in range(16)]
