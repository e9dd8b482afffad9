"""Local user accounts: argon2 password hashes, a role and the area the role is scoped to.

Accounts live in the ``users`` table; every change to one (created, disabled, password changed) is
written to the audit log in the same transaction, and so is every refusal. :func:`authenticate` is
the login: it answers the same way, and takes about as long, for an unknown user and a wrong
password, so that a login form cannot be used to discover user names; every failed login is
audited, and an account that failed ``[login] max_failures`` times in a row is locked for
``lockout_minutes`` (resources/security.toml).
"""

from __future__ import annotations

import re
import secrets
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from cockpit.resources import resource_path
from cockpit.security.permissions import STREET_ONLY_ROLES, Action, Role, User, audited_check, demo_username
from cockpit.storage.audit import AuditLog
from cockpit.storage.db import Database
from cockpit.storage.models import UserRow

USERNAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
AREA_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not a real password: equalises the time of unknown-user logins")


class SecurityError(ValueError):
    """A security operation refused; the message is one line for the user."""


class AuthenticationError(SecurityError):
    """The login failed (wrong user name or password, a disabled or a locked account)."""


def read_security_settings(path: Path | None = None) -> dict[str, Any]:
    """The security settings file (default: the shipped resources/security.toml) as a dict.

    Raises
    ------
    SecurityError
        The file cannot be read or is not TOML.
    """
    path = path if path is not None else resource_path("security.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SecurityError(f"{path.name}: {exc}") from None


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    """After ``max_failures`` wrong passwords in a row an account is locked for ``lockout``."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)


def load_login_policy(path: Path | None = None) -> LoginPolicy:
    """``[login] max_failures`` and ``lockout_minutes`` of the security settings.

    Raises
    ------
    SecurityError
        A value is missing or not a positive whole number.
    """
    section = read_security_settings(path).get("login", {})
    values = {key: section.get(key) for key in ("max_failures", "lockout_minutes")}
    for key, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise SecurityError(f"security settings: [login] {key} must be a positive whole number")
    return LoginPolicy(values["max_failures"], timedelta(minutes=values["lockout_minutes"]))


def validate_username(username: str) -> str:
    """``username`` if it is 1-64 letters, digits, dots, dashes or underscores; else SecurityError."""
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise SecurityError(
            f"invalid user name {username!r}: use 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit"
        )
    return username


def validate_password(password: str) -> str:
    """``password`` if it has 8-1024 characters and no NUL; else SecurityError (without echoing it)."""
    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise SecurityError(f"a password must have {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    if "\x00" in password:
        raise SecurityError("a password cannot contain a NUL character")
    return password


def _parse_role(role: str | Role) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise SecurityError(f"unknown role {role!r}: one of {', '.join(r.value for r in Role)}") from None


def _user(row: UserRow) -> User:
    return User(row.username, Role(row.role), row.scope_area, bool(row.disabled))


class UserStore:
    """Owns the ``users`` table: adds, lists, disables accounts and changes passwords. Emits nothing.

    Every change is audited (actor, action, target, before, after) in the same transaction, every
    refusal and every failed login too. The ``actor`` of a change is the acting :class:`User`,
    looked up again (a disabled account stops at once), who needs the MANAGE_USERS permission (an
    enabled account may change its own password), or None for the system itself: the first
    administrator made at installation and the demo account.

    Parameters
    ----------
    db
        The cockpit database.
    policy
        When repeated failed logins lock an account (default: resources/security.toml).
    """

    def __init__(self, db: Database, policy: LoginPolicy | None = None) -> None:
        self.db = db
        self.audit = AuditLog(db)
        self.policy = policy or load_login_policy()

    def get(self, username: str) -> User | None:
        """The account named ``username``, or None."""
        with self.db.session() as session:
            row = session.get(UserRow, username)
            return _user(row) if row is not None else None

    def list(self) -> list[User]:
        """Every account, by user name."""
        with self.db.session() as session:
            return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]

    def add(self, username: str, password: str, role: str | Role, scope_area: str | None = None,
            actor: User | None = None, reason: str = "") -> User:
        """Create an account.

        Raises
        ------
        PermissionDenied
            ``actor`` may not manage users.
        SecurityError
            Invalid name, password, role or area; an administrator or auditor given an area; or the
            name is taken.
        """
        actor_name = self._may_manage(actor)
        validate_username(username)
        validate_password(password)
        parsed = _parse_role(role)
        if scope_area is not None:
            if not isinstance(scope_area, str) or not AREA_RE.fullmatch(scope_area):
                raise SecurityError(f"invalid area {scope_area!r}: give a community id such as C07")
            if parsed in STREET_ONLY_ROLES:
                raise SecurityError(f"a {parsed.value} works at street level; give no area")
        password_hash = _HASHER.hash(password)
        with self.db.transaction() as session:
            if session.get(UserRow, username) is not None:
                raise SecurityError(f"user {username} already exists")
            session.add(UserRow(username=username, password_hash=password_hash, role=parsed.value,
                                scope_area=scope_area, disabled=False,
                                created_at=datetime.now(timezone.utc)))
            self.audit.append_in(session, actor_name, "user.add", f"user:{username}", None,
                                 {"role": parsed.value, "scope_area": scope_area, "disabled": False}, reason)
        return User(username, parsed, scope_area, False)

    def disable(self, username: str, actor: User | None = None, reason: str = "") -> User:
        """Disable an account (it can no longer log in or act); SecurityError if there is none."""
        actor_name = self._may_manage(actor)
        with self.db.transaction() as session:
            row = self._row(session, username)
            before = {"disabled": bool(row.disabled)}
            row.disabled = True
            self.audit.append_in(session, actor_name, "user.disable", f"user:{username}", before,
                                 {"disabled": True}, reason)
            return _user(row)

    def set_password(self, username: str, password: str, actor: User | None = None, reason: str = "") -> None:
        """Replace an account's password (the audit entry records that it changed, not the hash)."""
        actor_name = self._may_manage(actor, username)
        validate_password(password)
        password_hash = _HASHER.hash(password)
        with self.db.transaction() as session:
            row = self._row(session, username)
            row.password_hash = password_hash
            self.audit.append_in(session, actor_name, "user.passwd", f"user:{username}", None, None, reason)

    def authenticate(self, username: str, password: str, now: datetime | None = None) -> User:
        """The account if ``password`` is right, it is enabled and not locked.

        A failed login is audited (``login.failed``, with why: no such account, wrong password,
        disabled) and counted; the :attr:`policy`'s ``max_failures``-th in a row locks the account for
        its ``lockout`` (``login.locked``); a login while locked is refused without looking at the
        password, and audited too. A successful login clears the count.

        Raises
        ------
        AuthenticationError
            "wrong user name or password" for an unknown user or a wrong password alike; "account
            NAME is disabled" only once the password was right; "account NAME is locked ..." while
            it is locked.
        """
        now = now or datetime.now(timezone.utc)
        if not isinstance(username, str) or not isinstance(password, str) or not USERNAME_RE.fullmatch(username):
            _verify(_DUMMY_HASH, password if isinstance(password, str) else "")
            self.audit.append("(none)", "login.failed", "user:(invalid name)", reason="not a user name", at=now)
            raise AuthenticationError("wrong user name or password")
        with self.db.session() as session:
            row = session.get(UserRow, username)
            stored = row.password_hash if row is not None else _DUMMY_HASH
            locked_until = row.locked_until if row is not None else None
        if locked_until is not None and locked_until > now:
            _verify(_DUMMY_HASH, password)
            self.audit.append(username, "login.locked", f"user:{username}", reason="login while locked", at=now)
            raise AuthenticationError(f"account {username} is locked after {self.policy.max_failures} failed "
                                      f"logins until {locked_until.isoformat(timespec='minutes')}")
        ok = _verify(stored, password)
        with self.db.transaction() as session:
            row = session.get(UserRow, username)
            failure = ("no such account" if row is None else "wrong password" if not ok
                       else "account disabled" if row.disabled else "")
            if not failure:
                row.failed_logins, row.locked_until = 0, None
                if _HASHER.check_needs_rehash(stored):
                    row.password_hash = _HASHER.hash(password)
                return _user(row)
            self.audit.append_in(session, username, "login.failed", f"user:{username}", reason=failure, at=now)
            if row is not None and failure == "wrong password":
                row.failed_logins += 1
                if row.failed_logins >= self.policy.max_failures:
                    row.failed_logins, row.locked_until = 0, now + self.policy.lockout
                    self.audit.append_in(session, "system", "login.locked", f"user:{username}",
                                         after={"until": row.locked_until.isoformat()},
                                         reason=f"{self.policy.max_failures} failed logins in a row", at=now)
        if failure == "account disabled":
            raise AuthenticationError(f"account {username} is disabled")
        raise AuthenticationError("wrong user name or password")

    def ensure_demo_user(self, role: Role = Role.OPERATOR) -> User:
        """The demo auto-login account of ``role`` (street level; an operator by default), created on first use.

        Its password is random and thrown away: nobody logs in as it by hand.
        """
        name = demo_username(role)
        existing = self.get(name)
        if existing is not None:
            return existing
        return self.add(name, secrets.token_urlsafe(24), role, None, reason="demo auto-login account")

    def _may_manage(self, actor: User | None, own_account: str | None = None) -> str:
        """The audit name of ``actor`` once it may manage users (refusals audited). Any enabled
        account may change its own password: every role may view, so VIEW is what that needs."""
        if actor is None:
            return "system"
        action = Action.VIEW if actor.username == own_account else Action.MANAGE_USERS
        return audited_check(self.audit, self.get, actor.username, action, target="user accounts").username

    @staticmethod
    def _row(session: Session, username: str) -> UserRow:
        row = session.get(UserRow, username)
        if row is None:
            raise SecurityError(f"no such user {username!r}")
        return row


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(db: Database, username: str, password: str, now: datetime | None = None) -> User:
    """Log in: the enabled account whose password is ``password``; see :meth:`UserStore.authenticate`."""
    return UserStore(db).authenticate(username, password, now)
