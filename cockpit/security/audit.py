"""Auditing the twin: every command an actor took becomes a hash-chained audit entry.

:func:`audit_listener` subscribes to a twin and, for every batch the twin emits, appends one entry
per event that carries an actor (operator commands, field terminals' accept/arrive/resolve,
residents' feedback, automatic escalations as "system") in one transaction. Each entry records who,
what (the event type), on which case or alarm, when (the event time), the case's status, owner
level, assignee and risk before and after, and the reason given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from cockpit.records import Case
from cockpit.security.authorizer import ALARM_COMMANDS
from cockpit.storage.audit import AuditLog
from cockpit.storage.db import Database
from cockpit.twin import TwinState
from cockpit.vocabulary.events import (
    CASE_STATUS_AFTER,
    AlarmAcknowledged,
    AlarmShelved,
    AlarmUnshelved,
    CaseDispatched,
    CaseEscalated,
    CaseReopened,
    CaseReported,
    CaseTriaged,
    Event,
    to_dict,
)
from cockpit.vocabulary.masking import mask_text

_DETAIL_FIELDS = ("assignee", "eta_minutes", "rating", "fixed", "into_case_id", "to_level", "automatic",
                  "category", "resource_id", "item", "count")


_ALARM_BEFORE = {AlarmAcknowledged: {"state": "active"}, AlarmShelved: {"shelved": False},
                 AlarmUnshelved: {"shelved": True}}
"""What an alarm command changes, before it."""


def _alarm_after(event: Event) -> dict[str, Any]:
    if isinstance(event, AlarmAcknowledged):
        return {"state": "acknowledged"}
    if isinstance(event, AlarmShelved):
        return {"shelved": True, "until": event.until.isoformat()}
    return {"shelved": False}


def audited(event: Event) -> bool:
    """Whether an event is an action somebody took (it has an ``actor`` field)."""
    return any(f.name == "actor" for f in dataclasses.fields(event))


def _state(case: Case | None) -> dict[str, Any] | None:
    if case is None:
        return None
    return {"status": case.status.value, "owner_level": case.owner_level.value,
            "assignee": case.assignee, "risk": case.risk.value}


def _after(before: dict[str, Any], event: Event) -> dict[str, Any]:
    after = dict(before)
    status = CASE_STATUS_AFTER.get(type(event))
    if status is not None:
        after["status"] = status.value
    if isinstance(event, CaseDispatched):
        after["assignee"] = event.assignee
    elif isinstance(event, CaseTriaged):
        after["risk"], after["owner_level"] = event.risk.value, event.owner_level.value
    elif isinstance(event, CaseEscalated):
        after["owner_level"] = event.to_level.value
    elif isinstance(event, CaseReopened):
        after["assignee"] = None
    return after


class TwinAuditor:
    """Turns the twin's batches into audit entries. Owns a shadow of every case's audited state.

    The twin emits a batch after applying it, so the state before each event cannot be read from
    the twin: the auditor snapshots every case when it is built and then follows each case event.
    """

    def __init__(self, db: Database, twin: TwinState) -> None:
        self.log = AuditLog(db)
        self.db = db
        self.twin = twin
        self._state: dict[str, dict[str, Any]] = {
            case_id: _state(case) for case_id, case in twin.cases.items()
        }

    def __call__(self, events: list[Event]) -> None:
        rows = [row for row in map(self._follow, events) if row is not None]
        if rows:
            with self.db.transaction() as session:
                for row in rows:
                    self.log.append_in(session, **row)

    def _follow(self, event: Event) -> dict[str, Any] | None:
        """Update the shadow with ``event``; the audit entry for it if somebody took it."""
        if isinstance(event, CaseReported):
            risk = event.risk or self.twin.categories[event.category].default_risk
            self._state[event.case_id] = {"status": "reported", "owner_level": risk.default_owner.value,
                                          "assignee": None, "risk": risk.value}
            return None
        case_id = getattr(event, "case_id", None)
        before = after = None
        if case_id is not None and not isinstance(event, ALARM_COMMANDS):
            before = self._state.get(case_id) or _state(self.twin.cases.get(case_id))
            if before is not None:
                after = _after(before, event)
                self._state[case_id] = after
        if not audited(event):
            return None
        data = to_dict(event)
        actor = data.get("actor") or "system"
        reason = mask_text(str(data.get("reason") or data.get("note") or ""))
        if isinstance(event, ALARM_COMMANDS):
            return {"actor": actor, "action": type(event).__name__, "target": f"alarm:{event.alarm_id}",
                    "before": _ALARM_BEFORE[type(event)], "after": _alarm_after(event),
                    "reason": mask_text(getattr(event, "comment", "") or getattr(event, "reason", "")),
                    "at": event.at}
        details = {k: data[k] for k in _DETAIL_FIELDS if k in data}
        target = f"case:{case_id}" if case_id is not None else f"resource:{data.get('resource_id')}"
        return {"actor": actor, "action": type(event).__name__, "target": target,
                "before": before, "after": {**(after or {}), **details}, "reason": reason, "at": event.at}


def audit_listener(db: Database, twin: TwinState) -> Callable[[], None]:
    """Audit every action taken on ``twin`` from now on; returns the function that stops it.

    Parameters
    ----------
    db
        The database whose ``audit_log`` receives the entries (one transaction per twin batch).
    twin
        The twin to follow.
    """
    return twin.subscribe(TwinAuditor(db, twin))
