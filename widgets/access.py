"""What the logged-in user may do, asked ahead so that the views show it before anyone clicks.

The twin's authorizer refuses a command that the account's role or scope does not allow (and the
audit log records the attempt); the views ask the same permission table first, so that a button the
user may not press is disabled with the reason beside it ("operator op07 may act only in community
C07; case K1 is in community C12"), and a community-scoped operator's queue and map open on their
community. With no login (tests, a replay) nothing is checked here.
"""

from __future__ import annotations

from cockpit.security.permissions import Action, PermissionDenied, User, check
from widgets.error_text import translated


def refusal(user: User | None, action: Action, area: str | None = None, target: str = "") -> str | None:
    """Why ``user`` may not take ``action`` on ``target`` in community ``area``, in the UI's language;
    None when they may (or when nobody is logged in, so nothing is checked)."""
    if user is None:
        return None
    try:
        check(user, action, area, target, user.username)
    except PermissionDenied as denied:
        return translated(str(denied))
    return None
