"""Cases, their transition history and dispatches, projected from case events for queries and exports.

The twin state is authoritative and has already refused invalid transitions; this projection
mirrors its rules (the same status after each event, the same first-time stamps, the same reset
on reopening) so that :meth:`CaseStore.cases_frame` equals the twin's ``cases_frame()`` for the
same stream. Transitions and dispatches are only ever appended.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from cockpit.storage.db import Database
from cockpit.storage.models import CaseRow, CaseTransitionRow, DispatchRow
from cockpit.vocabulary.case_columns import CASE_FRAME_COLUMNS, TIME_COLUMNS
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import CaseStatus
from cockpit.vocabulary.events import (
    CASE_STATUS_AFTER,
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseMerged,
    CaseOnScene,
    CaseOverdue,
    CaseRejected,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    Event,
    to_dict,
)

CASE_EVENTS = (
    CaseReported, CaseTriaged, CaseDispatched, CaseAccepted, CaseOnScene, CaseResolved,
    CaseFeedback, CaseClosed, CaseEscalated, CaseMerged, CaseReopened, CaseRejected, CaseOverdue,
)

_COMMON = frozenset({"type", "at", "case_id"})


class CaseStore:
    """Owns the ``cases``, ``case_transitions`` and ``dispatches`` tables. Emits nothing.

    Parameters
    ----------
    db
        The open database.
    categories
        Category table giving the default risk of a case reported without one (as the twin does).
    """

    def __init__(self, db: Database, categories: CategoryTable | None = None) -> None:
        self.db = db
        self.categories = categories or default_categories()

    def apply(self, events: Iterable[Event]) -> int:
        """Project a batch of events in one transaction; non-case events are skipped.

        Returns
        -------
        int
            The number of case events applied.

        Raises
        ------
        KeyError
            An event names a case that is neither stored nor reported earlier in the batch;
            nothing of the batch is stored.
        """
        batch = [e for e in events if isinstance(e, CASE_EVENTS)]
        if not batch:
            return 0
        ids = {e.case_id for e in batch}
        with self.db.transaction() as session:
            cases = {
                row.case_id: row
                for row in session.scalars(select(CaseRow).where(CaseRow.case_id.in_(ids)))
            }
            seqs: dict[str, int] = dict(
                session.execute(
                    select(CaseTransitionRow.case_id, func.max(CaseTransitionRow.seq))
                    .where(CaseTransitionRow.case_id.in_(ids))
                    .group_by(CaseTransitionRow.case_id)
                ).all()
            )
            transitions: list[dict[str, Any]] = []
            dispatches: list[dict[str, Any]] = []
            for event in batch:
                self._apply_one(session, cases, seqs, transitions, dispatches, event)
            session.flush()
            session.execute(insert(CaseTransitionRow), transitions)
            if dispatches:
                session.execute(insert(DispatchRow), dispatches)
        return len(batch)

    def _apply_one(
        self,
        session: Session,
        cases: dict[str, CaseRow],
        seqs: dict[str, int],
        transitions: list[dict[str, Any]],
        dispatches: list[dict[str, Any]],
        e: Any,
    ) -> None:
        actor, reason = getattr(e, "actor", ""), getattr(e, "reason", "")
        if isinstance(e, CaseReported):
            if e.case_id in cases:
                raise KeyError(f"case {e.case_id}: already stored")
            risk = e.risk or self.categories[e.category].default_risk
            row = CaseRow(
                case_id=e.case_id, reported_at=e.at, category=e.category, risk_level=risk.value,
                source=e.source.value, community=e.community_id, general_grid=e.general_grid_id,
                micro_grid=e.micro_grid_id, lon=e.lon, lat=e.lat, owner_level=risk.default_owner.value,
                escalations=0, reopened=0, status=CaseStatus.REPORTED.value, alarm_id=e.alarm_id,
                reporter=e.reporter, description=e.description,
            )
            session.add(row)
            cases[e.case_id] = row
            from_status = None
            actor, reason = e.reporter, e.description
        else:
            row = cases.get(e.case_id)
            if row is None:
                raise KeyError(f"case {e.case_id}: not stored; its CaseReported must come first")
            from_status = row.status
            self._update(row, e)
            if isinstance(e, CaseEscalated):
                actor = e.actor or "system"
            elif isinstance(e, CaseResolved):
                reason = e.note
            elif isinstance(e, CaseOverdue):
                actor, reason = "system", e.deadline
            elif isinstance(e, CaseDispatched):
                dispatches.append({"case_id": e.case_id, "assignee": e.assignee, "at": e.at,
                                   "actor": e.actor, "eta_minutes": e.eta_minutes, "reason": e.reason})
        status = CASE_STATUS_AFTER.get(type(e))
        if status is not None:
            row.status = status.value
        seq = seqs.get(e.case_id, 0) + 1
        seqs[e.case_id] = seq
        body = to_dict(e)
        transitions.append({
            "case_id": e.case_id, "seq": seq, "at": e.at, "from_status": from_status,
            "to_status": row.status, "event_type": type(e).__name__, "actor": actor, "reason": reason,
            "details": {k: v for k, v in body.items() if k not in _COMMON},
        })

    @staticmethod
    def _update(row: CaseRow, e: Any) -> None:
        """Change the case row as the twin changes its case record for this event."""
        if isinstance(e, CaseTriaged):
            row.category, row.risk_level, row.owner_level = e.category, e.risk.value, e.owner_level.value
            row.triaged_at = row.triaged_at or e.at
        elif isinstance(e, CaseDispatched):
            row.assignee, row.eta_minutes = e.assignee, e.eta_minutes
            row.dispatched_at = row.dispatched_at or e.at
        elif isinstance(e, CaseAccepted):
            row.accepted_at = row.accepted_at or e.at
        elif isinstance(e, CaseOnScene):
            row.on_scene_at = row.on_scene_at or e.at
        elif isinstance(e, CaseResolved):
            row.resolved_at = e.at
        elif isinstance(e, CaseFeedback):
            row.satisfaction, row.fixed, row.feedback_at = e.rating, e.fixed, e.at
        elif isinstance(e, CaseClosed):
            row.closed_at = e.at
        elif isinstance(e, CaseEscalated):
            row.owner_level = e.to_level.value
            row.escalations += 1
        elif isinstance(e, CaseMerged):
            row.merged_into = e.into_case_id
        elif isinstance(e, CaseReopened):
            row.reopened += 1
            row.first_resolved_at = row.first_resolved_at or row.resolved_at
            row.reopened_at = e.at
            row.resolved_at = row.feedback_at = None
            row.assignee = None

    def count(self) -> int:
        """Number of stored cases."""
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(CaseRow)) or 0

    def transitions(self, case_id: str) -> list[CaseTransitionRow]:
        """The recorded history of one case, oldest first."""
        with self.db.session() as session:
            query = (
                select(CaseTransitionRow)
                .where(CaseTransitionRow.case_id == case_id)
                .order_by(CaseTransitionRow.seq)
            )
            return list(session.scalars(query))

    def dispatches(self, case_id: str) -> list[DispatchRow]:
        """Every dispatch of one case, oldest first."""
        with self.db.session() as session:
            query = select(DispatchRow).where(DispatchRow.case_id == case_id).order_by(DispatchRow.id)
            return list(session.scalars(query))

    def cases_frame(self) -> pd.DataFrame:
        """Every stored case in the incident log column layout, ordered by report time then id.

        Timestamps are timezone-aware UTC; ``satisfaction`` is empty (NaN) when there was no feedback.
        """
        columns = [getattr(CaseRow, name) for name in CASE_FRAME_COLUMNS]
        with self.db.session() as session:
            rows = session.execute(
                select(*columns).order_by(CaseRow.reported_at, CaseRow.case_id)
            ).all()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=list(CASE_FRAME_COLUMNS))
        for column in TIME_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], utc=True)
        return frame
