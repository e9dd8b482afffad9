"""The core's refusals in the UI's language.

The core (no Qt) words its refusals in English, one line each, the same in logs and on the command
line: "case K1: cannot apply CaseResolved to a case that is reported", "operator op07 may act only in
community C07; case K1 is in C12". A window says them in its own language: each known form is a
pattern here with a translatable template, its parts (actions, roles, statuses, event names) in the
domain's words. A message of no known form is shown as it is (and a test walks the windows to keep
that from happening where an operator can see it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cockpit.security.permissions import Action, Role
from cockpit.vocabulary.domain import CaseStatus
from widgets import i18n

_ACTION = {
    Action.TRIAGE: QT_TRANSLATE_NOOP("Refusal", "triage"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("Refusal", "dispatch"),
    Action.ACCEPT: QT_TRANSLATE_NOOP("Refusal", "record an acceptance"),
    Action.ARRIVE: QT_TRANSLATE_NOOP("Refusal", "record an arrival"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("Refusal", "resolve"),
    Action.FEEDBACK: QT_TRANSLATE_NOOP("Refusal", "record feedback"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Refusal", "close"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("Refusal", "escalate"),
    Action.MERGE: QT_TRANSLATE_NOOP("Refusal", "merge"),
    Action.REOPEN: QT_TRANSLATE_NOOP("Refusal", "reopen"),
    Action.REJECT: QT_TRANSLATE_NOOP("Refusal", "reject"),
    Action.ACKNOWLEDGE: QT_TRANSLATE_NOOP("Refusal", "handle alarms"),
    Action.UNMASK: QT_TRANSLATE_NOOP("Refusal", "see personal data"),
    Action.VIEW: QT_TRANSLATE_NOOP("Refusal", "view"),
    Action.EXPORT: QT_TRANSLATE_NOOP("Refusal", "export"),
    Action.RUN_SIMULATION: QT_TRANSLATE_NOOP("Refusal", "run simulations"),
    Action.TRAIN: QT_TRANSLATE_NOOP("Refusal", "run training"),
    Action.IMPORT_RESIDENTS: QT_TRANSLATE_NOOP("Refusal", "import residents"),
    Action.PURGE_PERSONAL_DATA: QT_TRANSLATE_NOOP("Refusal", "purge personal data"),
    Action.MANAGE_USERS: QT_TRANSLATE_NOOP("Refusal", "manage accounts"),
    Action.VERIFY_AUDIT: QT_TRANSLATE_NOOP("Refusal", "verify the audit log"),
}
_ROLE = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Refusal", "operator"),
    Role.LEADER: QT_TRANSLATE_NOOP("Refusal", "leader"),
    Role.TRAINER: QT_TRANSLATE_NOOP("Refusal", "trainer"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Refusal", "administrator"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Refusal", "auditor"),
}
_STEP = {
    "triage": QT_TRANSLATE_NOOP("Refusal", "triage"),
    "dispatch": QT_TRANSLATE_NOOP("Refusal", "dispatch"),
    "escalate": QT_TRANSLATE_NOOP("Refusal", "escalate"),
    "re-dispatch": QT_TRANSLATE_NOOP("Refusal", "a re-dispatch"),
    "closing without resident feedback": QT_TRANSLATE_NOOP("Refusal", "closing without the resident's feedback"),
    "manual escalation": QT_TRANSLATE_NOOP("Refusal", "an escalation"),
    "merge": QT_TRANSLATE_NOOP("Refusal", "a merge"),
    "reopen": QT_TRANSLATE_NOOP("Refusal", "reopening"),
    "reject": QT_TRANSLATE_NOOP("Refusal", "rejecting"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Refusal", text)


def _word(table: dict, key: str) -> str:
    for member, source in table.items():
        if str(member) == key:
            return _tr(source)
    return key


def _status(value: str) -> str:
    try:
        return i18n.status_name(CaseStatus(value))
    except ValueError:
        return value


def _area(text: str) -> str:
    """ "is in C12" / "concerns the whole street" as the template's last part."""
    if text == "concerns the whole street":
        return QCoreApplication.translate("Refusal", "concerns the whole street")
    return QCoreApplication.translate("Refusal", "is in community {area}").format(area=text.removeprefix("is in "))


_FORMS: list[tuple[re.Pattern, str, Callable[[re.Match], dict[str, str]]]] = [
    (re.compile(r"(?P<role>\w+) (?P<user>\S+) may act only in community (?P<scope>\S+); (?P<target>.+?) "
                r"(?P<area>is in \S+|concerns the whole street)$"),
     QT_TRANSLATE_NOOP("Refusal", "{role} {user} may act only in community {scope}; {target} {area}"),
     lambda m: {"role": _word(_ROLE, m["role"]), "user": m["user"], "scope": m["scope"],
                "target": _target(m["target"]), "area": _area(m["area"])}),
    (re.compile(r"(?P<role>\w+) (?P<user>\S+) may not (?P<action>\w+)(?: \((?P<target>.+)\))?$"),
     QT_TRANSLATE_NOOP("Refusal", "{role} {user} may not {action}"),
     lambda m: {"role": _word(_ROLE, m["role"]), "user": m["user"], "action": _word(_ACTION, m["action"])}),
    (re.compile(r"unknown user '(?P<user>.+)' may not (?P<action>\w+)$"),
     QT_TRANSLATE_NOOP("Refusal", "unknown user {user} may not {action}"),
     lambda m: {"user": m["user"], "action": _word(_ACTION, m["action"])}),
    (re.compile(r"(?P<action>\w+) needs a logged-in user; none was given$"),
     QT_TRANSLATE_NOOP("Refusal", "to {action} you must be logged in"),
     lambda m: {"action": _word(_ACTION, m["action"])}),
    (re.compile(r"account (?P<user>\S+) is disabled$"),
     QT_TRANSLATE_NOOP("Refusal", "account {user} is disabled"), lambda m: {"user": m["user"]}),
    (re.compile(r"account (?P<user>\S+) is locked after (?P<n>\d+) failed logins until (?P<until>\S+)$"),
     QT_TRANSLATE_NOOP("Refusal", "account {user} is locked after {n} failed logins until {until}"),
     lambda m: {"user": m["user"], "n": m["n"], "until": m["until"].replace("T", " ")[:16]}),
    (re.compile(r"wrong user name or password$"),
     QT_TRANSLATE_NOOP("Refusal", "wrong user name or password"), lambda m: {}),
    (re.compile(r"case (?P<case>\S+): cannot apply Case(?P<event>\w+) to a case that is (?P<status>\w+)$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: cannot {step} a case that is {status}"),
     lambda m: {"case": m["case"], "step": i18n.event_name("Case" + m["event"]), "status": _status(m["status"])}),
    (re.compile(r"case (?P<case>\S+): (?P<what>.+) needs a reason$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: {what} needs a reason"),
     lambda m: {"case": m["case"], "what": _word(_STEP, m["what"])}),
    (re.compile(r"case (?P<case>\S+): already dispatched to (?P<who>\S+)$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: already dispatched to {who}"),
     lambda m: {"case": m["case"], "who": m["who"]}),
    (re.compile(r"case (?P<case>\S+): (?:already owned by the street; nothing is above it)$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: the street already owns it; nothing is above it"),
     lambda m: {"case": m["case"]}),
    (re.compile(r"case (?P<case>\S+): no such case$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: no such case"), lambda m: {"case": m["case"]}),
    (re.compile(r"case (?P<case>\S+): unknown assignee '(?P<who>.*)'$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: nobody called {who}"), lambda m: {"case": m["case"], "who": m["who"]}),
    (re.compile(r"case (?P<case>\S+): rating (?P<n>-?\d+) is not between 1 and 5$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: a rating is between 1 and 5, not {n}"),
     lambda m: {"case": m["case"], "n": m["n"]}),
    (re.compile(r"case (?P<case>\S+): cannot merge a case into itself$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: a case cannot be merged into itself"), lambda m: {"case": m["case"]}),
    (re.compile(r"case (?P<case>\S+): merge target (?P<target>\S+) (?:does not exist|is (?P<status>\w+))$"),
     QT_TRANSLATE_NOOP("Refusal", "case {case}: it cannot be merged into {target}"),
     lambda m: {"case": m["case"], "target": m["target"]}),
    (re.compile(r"(?:case )?(?P<case>\S+): alarm (?P<alarm>\S+) is (?:already )?(?P<state>acknowledged|cleared)$"),
     QT_TRANSLATE_NOOP("Refusal", "alarm {alarm} is already {state}"),
     lambda m: {"alarm": m["alarm"], "state": QCoreApplication.translate("Refusal", "acknowledged") if m["state"] == "acknowledged" else QCoreApplication.translate("Refusal", "cleared")}),
    (re.compile(r"(?:case )?(?P<case>\S+): shelving an alarm needs a reason$"),
     QT_TRANSLATE_NOOP("Refusal", "shelving an alarm needs a reason"), lambda m: {}),
    (re.compile(r"this is a replay of history: no action can be taken here$"),
     QT_TRANSLATE_NOOP("Refusal", "this window replays history: nothing can be changed here"), lambda m: {}),
    (re.compile(r"training: no decision is pending; play on to the next case$"),
     QT_TRANSLATE_NOOP("Refusal", "training: no decision waits; play on to the next case"), lambda m: {}),
    (re.compile(r"training: no decision is pending$"),
     QT_TRANSLATE_NOOP("Refusal", "training: no decision waits"), lambda m: {}),
    (re.compile(r"training: the session waits for (?P<kind>\w+) of case (?P<case>\S+)$"),
     QT_TRANSLATE_NOOP("Refusal", "training: the session waits for the {kind} of case {case}"),
     lambda m: {"kind": _word(_STEP, m["kind"]), "case": m["case"]}),
    (re.compile(r"training: only the trainee (?P<who>.+) decides here$"),
     QT_TRANSLATE_NOOP("Refusal", "training: only the trainee {who} decides here"), lambda m: {"who": m["who"]}),
]


def role_name(role: Role) -> str:
    """A role (operator, leader...) in the current language."""
    return _tr(_ROLE[role])


def _target(text: str) -> str:
    """ "case K1" / "alarm A1" / "resident:12" in the UI's words."""
    kind, _, ident = text.replace(":", " ", 1).partition(" ")
    names = {"case": QT_TRANSLATE_NOOP("Refusal", "case {id}"), "alarm": QT_TRANSLATE_NOOP("Refusal", "alarm {id}"),
             "resident": QT_TRANSLATE_NOOP("Refusal", "resident {id}")}
    return _tr(names[kind]).format(id=ident) if kind in names else text


def translated(message: str) -> str:
    """``message`` (a core refusal, maybe prefixed "EventType: ") in the current language."""
    text = message.strip()
    for pattern, template, parts in _FORMS:
        match = pattern.search(text)
        if match is not None:
            return _tr(template).format(**parts(match))
    return text
