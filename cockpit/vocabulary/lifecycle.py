"""The closed loop of a case as a state machine, with its side paths (merge, escalate, reopen, reject).

REPORTED → TRIAGED → DISPATCHED → ACCEPTED → ON_SCENE → RESOLVED → FEEDBACK → CLOSED.
A dispatched or accepted case may be re-dispatched (with a reason); an accepted case may be resolved
without a visit (e.g. mediated by phone); a resolved case may be closed without feedback (with a
reason) or reopened; merge and reject end a case early. Escalation and overdue marks keep the status.
"""

from __future__ import annotations

from cockpit.vocabulary.domain import CaseStatus, OwnerLevel
from cockpit.vocabulary.events import (
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
)

S = CaseStatus

ALLOWED_FROM: dict[type[Event], frozenset[CaseStatus]] = {
    CaseTriaged: frozenset({S.REPORTED, S.TRIAGED}),
    CaseDispatched: frozenset({S.TRIAGED, S.DISPATCHED, S.ACCEPTED}),
    CaseAccepted: frozenset({S.DISPATCHED}),
    CaseOnScene: frozenset({S.ACCEPTED}),
    CaseResolved: frozenset({S.ACCEPTED, S.ON_SCENE}),
    CaseFeedback: frozenset({S.RESOLVED}),
    CaseClosed: frozenset({S.RESOLVED, S.FEEDBACK}),
    CaseReopened: frozenset({S.RESOLVED, S.FEEDBACK}),
    CaseMerged: frozenset({S.REPORTED, S.TRIAGED}),
    CaseRejected: frozenset({S.REPORTED, S.TRIAGED}),
    CaseEscalated: frozenset({S.REPORTED, S.TRIAGED, S.DISPATCHED, S.ACCEPTED, S.ON_SCENE}),
    CaseOverdue: frozenset({S.REPORTED, S.TRIAGED, S.DISPATCHED, S.ACCEPTED, S.ON_SCENE}),
}
"""From which statuses each case event may be applied; anything else is an invalid transition."""


class InvalidTransition(ValueError):
    """An event that the case's current state does not allow; the message says why."""

    def __init__(self, case_id: str, message: str) -> None:
        super().__init__(f"case {case_id}: {message}")
        self.case_id = case_id


def check_transition(
    case_id: str,
    status: CaseStatus | None,
    owner_level: OwnerLevel | None,
    assignee: str | None,
    event: Event,
) -> None:
    """Raise :class:`InvalidTransition` unless ``event`` may be applied to a case in this state.

    ``status`` is None for a case that does not exist yet. The rules that need more than the
    status (merge target, reasons, ratings) are checked here too, except those that need other
    cases, which the twin checks.
    """
    if isinstance(event, CaseReported):
        if status is not None:
            raise InvalidTransition(case_id, "already reported")
        return
    if status is None:
        raise InvalidTransition(case_id, "no such case")
    allowed = ALLOWED_FROM.get(type(event))
    if allowed is None:
        raise InvalidTransition(case_id, f"{type(event).__name__} is not a case transition")
    if status not in allowed:
        raise InvalidTransition(
            case_id, f"cannot apply {type(event).__name__} to a case that is {status.value}"
        )
    _check_details(case_id, status, owner_level, assignee, event)


def _need_reason(case_id: str, event: Event, what: str) -> None:
    if not getattr(event, "reason", "").strip():
        raise InvalidTransition(case_id, f"{what} needs a reason")


def _check_details(
    case_id: str,
    status: CaseStatus,
    owner_level: OwnerLevel | None,
    assignee: str | None,
    event: Event,
) -> None:
    if isinstance(event, CaseDispatched):
        if not event.assignee:
            raise InvalidTransition(case_id, "dispatch needs an assignee")
        if status in (S.DISPATCHED, S.ACCEPTED):
            if event.assignee == assignee:
                raise InvalidTransition(case_id, f"already dispatched to {assignee}")
            _need_reason(case_id, event, "re-dispatch")
    elif isinstance(event, CaseFeedback):
        if not 1 <= event.rating <= 5:
            raise InvalidTransition(case_id, f"rating {event.rating} is not between 1 and 5")
    elif isinstance(event, CaseClosed):
        if status is S.RESOLVED:
            _need_reason(case_id, event, "closing without resident feedback")
    elif isinstance(event, CaseEscalated):
        above = owner_level.above() if owner_level is not None else OwnerLevel.GRID
        if above is None:
            raise InvalidTransition(case_id, "already owned by the street; nothing is above it")
        if event.to_level != above:
            raise InvalidTransition(
                case_id, f"escalation goes one level up, to {above.value}, not {event.to_level.value}"
            )
        if not event.automatic:
            _need_reason(case_id, event, "manual escalation")
    elif isinstance(event, CaseMerged):
        if event.into_case_id == case_id:
            raise InvalidTransition(case_id, "cannot merge a case into itself")
        _need_reason(case_id, event, "merge")
    elif isinstance(event, (CaseReopened, CaseRejected)):
        _need_reason(case_id, event, "reopen" if isinstance(event, CaseReopened) else "reject")
    elif isinstance(event, CaseOverdue) and event.deadline not in ("response", "resolve"):
        raise InvalidTransition(case_id, f"unknown deadline {event.deadline!r}")
