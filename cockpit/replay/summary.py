"""The twin's state at a moment of a log, summed up: open cases, risk, overdue, busy staff, KPIs.

Definitions (the same as docs/kpi.md and :mod:`cockpit.vocabulary.domain`): a case is *open* at T when its
status at T is open (:attr:`~cockpit.vocabulary.domain.CaseStatus.open`: reported, triaged, dispatched,
accepted or on scene — not yet resolved, merged or rejected). It is *overdue* at T when it is open
and T is past its resolve deadline (report + 24/48/72 h by risk; :meth:`~cockpit.records.Case.overdue`).
A staff member is *busy* at T when at least one open case is assigned to them. The KPIs are those of
:func:`cockpit.kpi.compute_kpis` over the cases closed before T, evaluated at T.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from cockpit.kpi import compute_kpis
from cockpit.replay.index import EPOCH, LogIndex, to_seconds
from cockpit.replay.loader import NULL_TIME, IncidentColumns
from cockpit.replay.seek import Replay
from cockpit.vocabulary.domain import CaseStatus, RiskLevel
from cockpit.vocabulary.local_time import LOCAL_UTC_OFFSET

OPEN_STATUSES = tuple(s for s in CaseStatus if s.open)


def state_summary(replay: Replay, at: datetime) -> dict[str, Any]:
    """Seek ``replay`` to ``at`` and sum up its twin (keys as in the module docstring)."""
    replay.seek(at)
    twin = replay.twin
    open_cases = [c for c in twin.cases.values() if c.status.open]
    by_status = Counter(c.status.value for c in open_cases)
    by_risk = Counter(c.risk.value for c in open_cases)
    return {
        "at": at.isoformat(),
        "open_cases": {s.value: by_status.get(s.value, 0) for s in OPEN_STATUSES},
        "open_total": len(open_cases),
        "open_by_risk": {r.value: by_risk.get(r.value, 0) for r in RiskLevel},
        "overdue": sum(1 for c in open_cases if c.overdue(at)),
        # The twin assigns a case to its staff member at dispatch and releases it at resolution.
        "staff_busy": sum(1 for s in twin.staff.values() if s.cases),
        "alarms_active": sum(1 for a in twin.alarms.values() if a.needs_attention),
        "events_applied": replay.position,
    }


def closed_kpis(index: LogIndex, at: datetime) -> dict[str, Any]:
    """KPIs (:func:`cockpit.kpi.compute_kpis`) of the log's cases closed before ``at``, judged at ``at``."""
    closed = index.log.times["closed_at"]
    before = np.flatnonzero((closed != NULL_TIME) & (closed < to_seconds(at) * 1_000_000))
    return compute_kpis(index.log.frame(before), now=at)


def log_summary(replay: Replay, at: datetime) -> dict[str, Any]:
    """:func:`state_summary` plus ``kpis`` (:func:`closed_kpis`) for a replay of an incident log."""
    summary = state_summary(replay, at)
    if isinstance(replay.index, LogIndex):
        summary["kpis"] = closed_kpis(replay.index, at)
    return summary


def worst_nights(log: IncidentColumns, top: int = 5, from_hour: int = 19,
                 hours: int = 4) -> list[tuple[datetime, datetime, int]]:
    """The evenings with the most red cases that went overdue (the trainer's pick for a session).

    Each local day's window ``from_hour``-``from_hour + hours`` is scored by the red cases
    reported in it that were not resolved by their deadline; returns (start, end, count), worst
    first, ties by date, windows with none left out.
    """
    reported = log.times["reported_at"]
    late = red_overdue(log)
    local = (reported + _LOCAL_OFFSET_US) // _HOUR_US  # local hours since the epoch
    hour_of_day = local % 24
    inside = late & (hour_of_day >= from_hour) & (hour_of_day < from_hour + hours)
    days, counts = np.unique(local[inside] // 24, return_counts=True)
    order = np.lexsort((days, -counts))[:top]
    out = []
    for day, count in zip(days[order], counts[order]):
        start = EPOCH + timedelta(hours=int(day) * 24 + from_hour) - LOCAL_UTC_OFFSET
        out.append((start, start + timedelta(hours=hours), int(count)))
    return out


def red_overdue(log: IncidentColumns) -> np.ndarray:
    """Per row: a red case not resolved by its deadline (72 h after the report)."""
    reported = log.times["reported_at"]
    resolved = log.times["resolved_at"]
    codes, labels = log.encoded("risk_level")
    red = codes == (labels.index(RiskLevel.RED.value) if RiskLevel.RED.value in labels else -2)
    deadline = reported + RiskLevel.RED.resolve_within // timedelta(microseconds=1)
    return red & ((resolved == NULL_TIME) | (resolved > deadline))


def report_density(log: IncidentColumns, bin_hours: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reports and red cases that went overdue per bin of ``bin_hours`` local hours (the trainer's timeline).

    Returns (bin starts as UTC datetimes, reports per bin, red overdue cases reported per bin); bins
    run from the local hour of the first report to that of the last, empty ones included.
    """
    reported = log.times["reported_at"]
    width = bin_hours * _HOUR_US
    local_bins = (reported + _LOCAL_OFFSET_US) // width
    first, last = int(local_bins.min()), int(local_bins.max())
    index = local_bins - first
    reports = np.bincount(index, minlength=last - first + 1)
    red = np.bincount(index[red_overdue(log)], minlength=last - first + 1)
    starts = [EPOCH + timedelta(microseconds=(first + k) * width) - LOCAL_UTC_OFFSET for k in range(last - first + 1)]
    return np.array(starts, dtype=object), reports, red


_HOUR_US = 3_600_000_000
_LOCAL_OFFSET_US = LOCAL_UTC_OFFSET // timedelta(microseconds=1)
