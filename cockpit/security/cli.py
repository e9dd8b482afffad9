"""``cockpit audit`` and ``cockpit users``: the audit chain and local accounts from the command line.

``cockpit audit verify`` recomputes the hash chain and names the first bad entry (exit 1 when the log
was tampered with); ``cockpit audit head`` prints the head hash to keep outside the database.
``cockpit users add|list|disable|passwd`` manage accounts; they act as an administrator named with
``--as`` whose password is asked for (the very first account may be created without one, and must
be an administrator). Passwords are read with getpass, or as lines on standard input with
``--password-stdin`` (the acting administrator's first, then the new one): never on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import select

from cockpit.command_output import CommandError, print_json
from cockpit.security.permissions import Action, Role, User
from cockpit.security.users import AuthenticationError, SecurityError, UserStore
from cockpit.storage.db import Database, StorageError, open_database
from cockpit.storage.models import CommunityRow
from cockpit.vocabulary.masking import install_log_masking

EXIT_TAMPERED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``audit`` and ``users`` subcommands to the cockpit command line."""
    audit = subparsers.add_parser("audit", help="check the tamper-evident audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="recompute the hash chain; name the first bad entry")
    verify.add_argument("--head", default=None, help="head hash kept outside the database, to check too")
    head = audit_sub.add_parser("head", help="print the hash of the newest entry")
    for parser, handler in ((verify, _cmd_audit_verify), (head, _cmd_audit_head)):
        _common(parser)
        parser.set_defaults(handler=handler)

    users = subparsers.add_parser("users", help="local accounts (administrators)")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--scope", default=None, help="community id (e.g. C07); none = the whole street")
    listing = users_sub.add_parser("list", help="list the accounts")
    disable = users_sub.add_parser("disable", help="disable an account")
    disable.add_argument("username")
    passwd = users_sub.add_parser("passwd", help="set an account's password")
    passwd.add_argument("username")
    for parser, handler in ((add, _cmd_users_add), (listing, _cmd_users_list),
                            (disable, _cmd_users_disable), (passwd, _cmd_users_passwd)):
        _common(parser)
        parser.add_argument("--as", dest="acting", default=None,
                            help="the administrator acting (asked for a password)")
        parser.add_argument("--reason", default="", help="why (recorded in the audit log)")
        parser.add_argument("--password-stdin", action="store_true",
                            help="read passwords as lines on standard input instead of asking")
        parser.set_defaults(handler=handler)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _open(args: argparse.Namespace) -> Database:
    install_log_masking()
    try:
        return open_database(args.db)
    except StorageError as exc:
        raise CommandError(str(exc)) from None


# ---------------------------------------------------------------- audit


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from cockpit.storage.audit import AuditLog

    with _open(args) as db:
        result = AuditLog(db).verify(expected_head=args.head)
    if args.json:
        print_json({"ok": result.ok, "checked": result.checked, "first_bad_id": result.first_bad_id,
                    "problem": result.problem})
    elif result.ok:
        print(f"audit log intact: {result.checked} entries")
    if not result.ok:
        print(f"cockpit: audit log TAMPERED: {result.problem}", file=sys.stderr)
        return EXIT_TAMPERED
    return 0


def _cmd_audit_head(args: argparse.Namespace) -> int:
    from cockpit.storage.audit import AuditLog

    with _open(args) as db:
        log = AuditLog(db)
        head, count = log.head(), log.count()
    if args.json:
        print_json({"head": head, "entries": count})
    else:
        print(head)
    return 0


# ---------------------------------------------------------------- users


class _Passwords:
    """Passwords from standard input (one a line) or asked for on the terminal."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise CommandError(f"--password-stdin: no line for {prompt.rstrip(': ')}")
            return line.rstrip("\r\n")
        return getpass.getpass(prompt)

    def new(self, username: str) -> str:
        first = self.read(f"new password for {username}: ")
        if not self.from_stdin and getpass.getpass("again: ") != first:
            raise CommandError("the two passwords differ")
        return first


def _acting(store: UserStore, args: argparse.Namespace, passwords: _Passwords, action: Action,
            target: str | None = None) -> User:
    """The authenticated administrator (or the account itself, for its own password); a failed
    login and a refusal are audited before the one-line error."""
    from cockpit.security.permissions import PermissionDenied, audited_check

    if args.acting is None:
        raise CommandError("say who acts: --as ADMINISTRATOR")
    try:
        user = store.authenticate(args.acting, passwords.read(f"password of {args.acting}: "))
        if not (action is Action.MANAGE_USERS and target == user.username):
            audited_check(store.audit, store.get, user.username, action, target="user accounts")
    except (AuthenticationError, PermissionDenied) as exc:
        raise CommandError(str(exc)) from None
    return user


def _bootstrap(store: UserStore) -> bool:
    """True while no enabled administrator exists (the first account may then be made without one)."""
    return not any(u.role is Role.ADMINISTRATOR and not u.disabled for u in store.list())


def _known_areas(db: Database) -> set[str]:
    with db.session() as session:
        stored = set(session.scalars(select(CommunityRow.id)))
    if stored:
        return stored
    from cockpit.street.demo import load_demo_street

    return {c.id for c in load_demo_street().communities}


def _user_json(user: User) -> dict[str, object]:
    return {"username": user.username, "role": user.role.value, "scope": user.scope_label,
            "disabled": user.disabled, "demo": user.is_demo}


def _cmd_users_add(args: argparse.Namespace) -> int:
    passwords = _Passwords(args.password_stdin)
    with _open(args) as db:
        store = UserStore(db)
        if _bootstrap(store) and args.acting is None:
            if args.role != Role.ADMINISTRATOR.value:
                raise CommandError("there is no administrator yet: create one first (--role administrator)")
            actor = None
        else:
            actor = _acting(store, args, passwords, Action.MANAGE_USERS)
        if args.scope is not None and args.scope not in _known_areas(db):
            raise CommandError(f"unknown community {args.scope!r} (see cockpit info)")
        try:
            user = store.add(args.username, passwords.new(args.username), args.role, args.scope,
                             actor=actor, reason=args.reason)
        except SecurityError as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        print_json(_user_json(user))
    else:
        print(f"added {user.role.value} {user.username} ({user.scope_label})")
    return 0


def _cmd_users_list(args: argparse.Namespace) -> int:
    passwords = _Passwords(args.password_stdin)
    with _open(args) as db:
        store = UserStore(db)
        _acting(store, args, passwords, Action.VIEW)
        users = store.list()
    if args.json:
        print_json({"users": [_user_json(u) for u in users]})
    else:
        for u in users:
            state = "disabled" if u.disabled else "active"
            print(f"{u.username:<24} {u.role.value:<14} {u.scope_label:<8} {state}{'  (demo)' if u.is_demo else ''}")
    return 0


def _cmd_users_disable(args: argparse.Namespace) -> int:
    passwords = _Passwords(args.password_stdin)
    with _open(args) as db:
        store = UserStore(db)
        actor = _acting(store, args, passwords, Action.MANAGE_USERS)
        try:
            user = store.disable(args.username, actor=actor, reason=args.reason)
        except SecurityError as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        print_json(_user_json(user))
    else:
        print(f"disabled {user.username}")
    return 0


def _cmd_users_passwd(args: argparse.Namespace) -> int:
    passwords = _Passwords(args.password_stdin)
    with _open(args) as db:
        store = UserStore(db)
        actor = _acting(store, args, passwords, Action.MANAGE_USERS, target=args.username)
        try:
            store.set_password(args.username, passwords.new(args.username), actor=actor, reason=args.reason)
        except SecurityError as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        print_json({"username": args.username, "password_changed": True})
    else:
        print(f"password of {args.username} changed")
    return 0
