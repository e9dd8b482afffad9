"""Turn an incident log into the typed events of each case's life, in time order.

A log row keeps the times of a case's closed loop; replay needs the events themselves, so that the
twin, fed from a log, goes through exactly the states it went through live (DESIGN.md 2.1). The
mapping from columns to events is documented in docs/incident-log.md; in short, every non-empty
timestamp becomes the event of that step, escalations are placed at the moment their deadline
passed, a reopened case gets its first resolution and its reopen, and feedback goes with closing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import numpy as np
import pandas as pd

from cockpit.escalation import escalation_due
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.vocabulary.events import (
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseOnScene,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    Event,
)

REOPEN_REASON = "resident feedback: not fixed"
"""Reason on the CaseReopened events the log implies (the log keeps no reason)."""

NO_FEEDBACK_REASON = "closed without resident feedback"
"""Reason on a CaseClosed of a case with no satisfaction rating."""

_LEVELS = list(OwnerLevel)
_US = 1_000_000


def log_to_events(df: pd.DataFrame) -> list[Event]:
    """All events of all cases of ``df`` (incident log layout), sorted by time.

    Ties are broken by the row order of ``df`` and then by the order of the steps in the case's
    life, so the result is the same on every run. See docs/incident-log.md for the mapping.
    """
    return list(iter_log_events(df))


def iter_log_events(df: pd.DataFrame) -> Iterator[Event]:
    """The events of :func:`log_to_events`, yielded in the same order."""
    keyed: list[tuple[int, int, int, Event]] = []
    columns = _columns(df)
    log_now = _log_now(columns)
    for row in range(len(df)):
        for step, (at_us, event) in enumerate(_case_events(columns, row, log_now)):
            keyed.append((at_us, row, step, event))
    keyed.sort(key=lambda item: item[:3])
    for item in keyed:
        yield item[3]


def case_events(df: pd.DataFrame, row: int) -> list[Event]:
    """The events of one case (row position ``row`` of ``df``), in the order of its life."""
    columns = _columns(df)
    return [event for _, event in _case_events(columns, row, _log_now(columns))]


# ---------------------------------------------------------------- column extraction


_TIMES = ("reported_at", "triaged_at", "dispatched_at", "accepted_at", "on_scene_at",
          "first_resolved_at", "reopened_at", "resolved_at", "closed_at")


def _columns(df: pd.DataFrame) -> dict[str, list]:
    """Plain Python lists of every column (µs ints for times, None where empty): cheap per-row access."""
    out: dict[str, list] = {}
    for column in _TIMES:
        if column in df.columns:
            values = pd.to_datetime(df[column], utc=True).astype("datetime64[us, UTC]")
            micros = values.to_numpy(dtype="datetime64[us]").astype(np.int64)
            out[column] = [None if missing else int(v) for v, missing in zip(micros, values.isna().to_numpy())]
        else:
            out[column] = [None] * len(df)
    for column in ("case_id", "category", "risk_level", "source", "community", "general_grid",
                   "micro_grid", "assignee", "owner_level"):
        series = df[column].astype(object)
        out[column] = [None if pd.isna(v) else str(v) for v in series.tolist()]
    for column in ("lon", "lat"):
        out[column] = df[column].astype(float).tolist()
    for column in ("escalations", "reopened"):
        out[column] = df[column].astype(int).tolist()
    rating = pd.to_numeric(df["satisfaction"], errors="coerce")
    out["satisfaction"] = [None if pd.isna(v) else int(v) for v in rating.tolist()]
    return out


def _log_now(columns: dict[str, list]) -> int:
    latest = [max((v for v in columns[c] if v is not None), default=None) for c in _TIMES]
    return max((v for v in latest if v is not None), default=0)


def _dt(micros: int) -> datetime:
    return datetime.fromtimestamp(micros // _US, tz=timezone.utc).replace(microsecond=micros % _US)


# ---------------------------------------------------------------- one case


def _case_events(c: dict[str, list], i: int, log_now: int) -> list[tuple[int, Event]]:
    """(µs, event) pairs of row ``i`` in life order; times never decrease along the list."""
    case_id = c["case_id"][i]
    assignee = c["assignee"][i] or ""
    risk = RiskLevel(c["risk_level"][i])
    category = c["category"][i]
    t = {name: c[name][i] for name in _TIMES}
    reopened = c["reopened"][i]
    escalations = c["escalations"][i]

    # Steps as (µs, kind, payload); owner levels are filled in once escalations are placed.
    steps: list[tuple[int, str, dict]] = [(t["reported_at"], "reported", {})]
    for name, kind in (("triaged_at", "triaged"), ("dispatched_at", "dispatched"),
                       ("accepted_at", "accepted"), ("on_scene_at", "on_scene")):
        if t[name] is not None:
            steps.append((t[name], kind, {}))
    final_resolved = t["resolved_at"]
    reopen_at = t["reopened_at"]
    first_resolved = t["first_resolved_at"]
    if reopened and reopen_at is None and final_resolved is not None:
        # Logs without the reopen columns: the reopen cycle collapses onto the final resolution.
        reopen_at = first_resolved = final_resolved
    reopen_index = None
    if reopened and reopen_at is not None:
        first_resolved = first_resolved if first_resolved is not None else reopen_at
        steps.append((first_resolved, "resolved", {}))
        for _ in range(reopened - 1):
            # Intermediate rounds the log keeps no times for: placed at the last reopen.
            steps += [(reopen_at, "reopen", {}), (reopen_at, "triaged", {}), (reopen_at, "dispatched", {}),
                      (reopen_at, "accepted", {}), (reopen_at, "resolved", {})]
        steps.append((reopen_at, "reopen", {}))
        reopen_index = len(steps)
        steps += [(reopen_at, "triaged", {}), (reopen_at, "dispatched", {})]
        if final_resolved is not None:
            steps.append((reopen_at, "accepted", {}))
    if final_resolved is not None:
        steps.append((final_resolved, "resolved", {}))
    rating = c["satisfaction"][i]
    if rating is not None and final_resolved is not None:
        steps.append((t["closed_at"] if t["closed_at"] is not None else final_resolved, "feedback",
                      {"rating": rating}))
    if t["closed_at"] is not None:
        steps.append((t["closed_at"], "closed", {"rated": rating is not None}))

    keyed = [(at, float(index), kind, payload) for index, (at, kind, payload) in enumerate(steps)]
    keyed += _escalations(steps, t, risk, escalations, reopen_index, final_resolved, log_now)
    keyed.sort(key=lambda item: (item[0], item[1]))

    owner_index = max(_LEVELS.index(OwnerLevel(c["owner_level"][i])) - escalations, 0)
    events: list[tuple[int, Event]] = []
    for at, _, kind, payload in keyed:
        when = _dt(at)
        if kind == "reported":
            event: Event = CaseReported(
                when, case_id, category, Source(c["source"][i]), c["lon"][i], c["lat"][i],
                c["micro_grid"][i], c["general_grid"][i], c["community"][i], risk=risk,
            )
        elif kind == "triaged":
            event = CaseTriaged(when, case_id, category, risk, _LEVELS[owner_index])
        elif kind == "dispatched":
            event = CaseDispatched(when, case_id, assignee)
        elif kind == "accepted":
            event = CaseAccepted(when, case_id, assignee)
        elif kind == "on_scene":
            event = CaseOnScene(when, case_id, assignee)
        elif kind == "resolved":
            event = CaseResolved(when, case_id, assignee)
        elif kind == "reopen":
            event = CaseReopened(when, case_id, "resident", REOPEN_REASON)
        elif kind == "feedback":
            event = CaseFeedback(when, case_id, payload["rating"], True, "resident")
        elif kind == "closed":
            event = CaseClosed(when, case_id, "", "" if payload["rated"] else NO_FEEDBACK_REASON)
        else:
            owner_index = min(owner_index + 1, len(_LEVELS) - 1)
            event = CaseEscalated(when, case_id, _LEVELS[owner_index], "system", payload["reason"],
                                  payload["automatic"])
        events.append((at, event))
    return events


def _escalations(steps: list[tuple[int, str, dict]], t: dict[str, int | None], risk: RiskLevel,
                 count: int, reopen_index: int | None, final_resolved: int | None,
                 log_now: int) -> list[tuple[int, float, str, dict]]:
    """Escalation k when :func:`cockpit.escalation.escalation_due` says, moved into a moment the case was open."""
    if count == 0:
        return []
    deadline_us = int(risk.resolve_within.total_seconds()) * _US
    resolved_index = next((j for j in range(len(steps) - 1, -1, -1) if steps[j][1] == "resolved"), None)
    first_end = next((at for at, kind, _ in steps if kind == "resolved"), None)
    out = []
    for k in range(1, count + 1):
        at = escalation_due(t["reported_at"], deadline_us, k)
        automatic = True
        if first_end is not None and at >= first_end and reopen_index is not None and at < steps[reopen_index][0]:
            # Passed while the case sat resolved; the reopened case is overdue at once.
            at, position = steps[reopen_index][0], reopen_index - 0.5
        elif final_resolved is not None and at >= final_resolved:
            # Escalated by hand before the resolution; the log keeps no time for it.
            at, position, automatic = final_resolved, resolved_index - 0.5, False
        elif final_resolved is None and at > log_now:
            at, position, automatic = log_now, len(steps) - 0.5, False
        else:
            later = [j for j, (when, _, _) in enumerate(steps) if when > at]
            position = (later[0] if later else len(steps)) - 0.5
        position += k * 1e-3
        reason = "resolve deadline passed" if automatic else "escalated (time not in the log)"
        out.append((at, position, "escalated", {"automatic": automatic, "reason": reason}))
    return out
