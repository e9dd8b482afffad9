"""Roles, actions, the accounts they apply to and the permission table: who may do what, and where.

A street-level user (no scope) acts everywhere; a user scoped to a community acts only on cases,
alarms and residents of that community. The table is data, documented in docs/security.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from cockpit.twin import TwinError
from cockpit.vocabulary.events import (
    AlarmAcknowledged,
    AlarmShelved,
    AlarmUnshelved,
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseMerged,
    CaseOnScene,
    CaseRejected,
    CaseReopened,
    CaseResolved,
    CaseTriaged,
    Event,
    ItemRestocked,
    ResourceDispatched,
    ResourceReturned,
)
from cockpit.vocabulary.masking import mask_text

if TYPE_CHECKING:
    from cockpit.storage.audit import AuditLog

DEMO_USERNAME = "demo-operator"
"""The account the demo logs in with automatically: an operator at street level, shown as demo."""
DEMO_PREFIX = "demo-"
"""``cockpit demo --role R`` logs in as ``demo-R`` (street level, shown as demo), so each user of the
demo walks their own journey with their role's permissions and nothing more."""


class Role(StrEnum):
    """What a user is for; the value is stored in the ``users`` table."""

    OPERATOR = "operator"
    LEADER = "leader"
    TRAINER = "trainer"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"



def demo_username(role: Role) -> str:
    """The demo's auto-login account for ``role`` (``demo-operator`` by default)."""
    return f"{DEMO_PREFIX}{role.value}"

@dataclass(frozen=True, slots=True)
class User:
    """An account as the rest of the cockpit sees it (never its password hash).

    ``scope_area`` is a community id, or None for a street-level user who acts everywhere.
    """

    username: str
    role: Role
    scope_area: str | None = None
    disabled: bool = False

    @property
    def is_demo(self) -> bool:
        """True for the demo auto-login account; the window marks the session as a demo."""
        return self.username == demo_username(self.role)

    @property
    def scope_label(self) -> str:
        """``"street"`` or the community id."""
        return self.scope_area or "street"


class Action(StrEnum):
    """Everything the permission table speaks about."""

    TRIAGE = "triage"
    DISPATCH = "dispatch"
    ACCEPT = "accept"
    ARRIVE = "arrive"
    RESOLVE = "resolve"
    FEEDBACK = "feedback"
    CLOSE = "close"
    ESCALATE = "escalate"
    MERGE = "merge"
    REOPEN = "reopen"
    REJECT = "reject"
    ACKNOWLEDGE = "acknowledge"
    UNMASK = "unmask"
    VIEW = "view"
    EXPORT = "export"
    RUN_SIMULATION = "run_simulation"
    TRAIN = "train"
    IMPORT_RESIDENTS = "import_residents"
    PURGE_PERSONAL_DATA = "purge_personal_data"
    MANAGE_USERS = "manage_users"
    VERIFY_AUDIT = "verify_audit"


CASE_ACTIONS: frozenset[Action] = frozenset({
    Action.TRIAGE, Action.DISPATCH, Action.ACCEPT, Action.ARRIVE, Action.RESOLVE, Action.FEEDBACK,
    Action.CLOSE, Action.ESCALATE, Action.MERGE, Action.REOPEN, Action.REJECT, Action.ACKNOWLEDGE,
})
"""The operator commands of the twin (each one an event through ``TwinState.command``)."""

AREA_ACTIONS: frozenset[Action] = CASE_ACTIONS | {Action.UNMASK}
"""Actions on something that lies in a community: a scoped user may do them only there."""

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: CASE_ACTIONS | {Action.UNMASK, Action.VIEW, Action.EXPORT},
    Role.LEADER: CASE_ACTIONS | {Action.UNMASK, Action.VIEW, Action.EXPORT, Action.RUN_SIMULATION},
    Role.TRAINER: frozenset({Action.VIEW, Action.EXPORT, Action.TRAIN, Action.RUN_SIMULATION}),
    Role.ADMINISTRATOR: frozenset({
        Action.VIEW, Action.MANAGE_USERS, Action.IMPORT_RESIDENTS, Action.PURGE_PERSONAL_DATA,
        Action.VERIFY_AUDIT,
    }),
    Role.AUDITOR: frozenset({Action.VIEW, Action.VERIFY_AUDIT}),
}
"""Role → the actions it may take. The auditor only reads; the administrator manages accounts and
personal data but neither commands cases nor sees unmasked personal data (minimum necessary, PIPL)."""

STREET_ONLY_ROLES: frozenset[Role] = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})
"""Roles that always work at street level (an account of theirs cannot be scoped to a community)."""

EVENT_ACTIONS: dict[type[Event], Action] = {
    CaseTriaged: Action.TRIAGE,
    CaseDispatched: Action.DISPATCH,
    CaseAccepted: Action.ACCEPT,
    CaseOnScene: Action.ARRIVE,
    CaseResolved: Action.RESOLVE,
    CaseFeedback: Action.FEEDBACK,
    CaseClosed: Action.CLOSE,
    CaseEscalated: Action.ESCALATE,
    CaseMerged: Action.MERGE,
    CaseReopened: Action.REOPEN,
    CaseRejected: Action.REJECT,
    AlarmAcknowledged: Action.ACKNOWLEDGE,
    AlarmShelved: Action.ACKNOWLEDGE,
    AlarmUnshelved: Action.ACKNOWLEDGE,
    # Resources are dispatched (调度) as people are: sending one, booking it back and restocking a shelf.
    ResourceDispatched: Action.DISPATCH,
    ResourceReturned: Action.DISPATCH,
    ItemRestocked: Action.DISPATCH,
}
"""The action each operator command event stands for."""


def role_allows(role: Role, action: Action) -> bool:
    """Whether ``role`` may take ``action`` somewhere (area scope aside)."""
    return action in PERMISSIONS[role]


class PermissionDenied(TwinError):
    """The acting user may not do this (role, area, unknown or disabled account); the message says why."""


def check(user: User | None, action: Action, area: str | None = None, target: str = "",
          actor: str = "") -> None:
    """Refuse ``action`` unless ``user`` may take it on something in community ``area``.

    Parameters
    ----------
    user
        The acting account, or None when the name is unknown.
    action
        What is being done.
    area
        The community the target lies in; None for a street-wide target (only street-level users
        may then take an area-bound action).
    target
        What is acted on, for the message ("case K20240501-0001").
    actor
        The name the action was attempted under, for the message when ``user`` is None.

    Raises
    ------
    PermissionDenied
        With a message naming the user, the action and the reason.
    """
    if user is None:
        raise PermissionDenied(f"unknown user {actor!r} may not {action.value}" if actor
                               else f"{action.value} needs a logged-in user; none was given")
    if user.disabled:
        raise PermissionDenied(f"account {user.username} is disabled")
    if not role_allows(user.role, action):
        raise PermissionDenied(f"{user.role.value} {user.username} may not {action.value}"
                               + (f" ({target})" if target else ""))
    if action in AREA_ACTIONS and user.scope_area is not None and area != user.scope_area:
        where = f"is in {area}" if area is not None else "concerns the whole street"
        raise PermissionDenied(
            f"{user.role.value} {user.username} may act only in community {user.scope_area}; "
            f"{target or 'the target'} {where}"
        )


UserLookup = Callable[[str], "User | None"]
"""``username -> User | None``: the account as the database knows it now (e.g. ``UserStore.get``)."""


def audited_check(audit: AuditLog | None, users: UserLookup, username: str | None, action: Action,
                  area: str | None = None, target: str = "", at: datetime | None = None) -> User:
    """The account ``username`` as it is now, if it may take ``action`` on ``target`` in ``area``.

    Every sensitive call looks the account up again (a disabled or deleted account stops at once,
    whatever :class:`User` object the caller holds) and every refusal is written to ``audit`` as
    ``denied.<action>`` (dated ``at``, default now) before it is raised, so that an auditor sees
    attempts, not only deeds.

    Raises
    ------
    PermissionDenied
        As :func:`check`.
    """
    user = users(username) if username else None
    try:
        check(user, action, area, target, username or "")
    except PermissionDenied as denied:
        if audit is not None:
            audit.append(username or "(none)", f"denied.{action.value}", target, reason=mask_text(str(denied)),
                         at=at)
        raise
    assert user is not None
    return user
