"""The audit trail: operator commands audited by the twin listener, tampering found, and the CLI."""

from __future__ import annotations

import io
import json
import sqlite3
import sys

import pytest

import cockpit.cli
from cockpit import recommender
from cockpit.security.audit import audit_listener
from cockpit.security.authorizer import Authorizer
from cockpit.security.cli import register
from cockpit.security.permissions import PermissionDenied, Role, User
from cockpit.security.users import UserStore
from cockpit.sla import live_derivers
from cockpit.storage import open_database
from cockpit.storage.audit import AuditLog
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffStatus
from cockpit.vocabulary.events import CaseReported, StaffStatusChanged
from tests.core.test_permission_matrix import T0
from tests.core.tiny import centre, tiny_street


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "audit.sqlite"


def audited_twin(db):
    users = {"op01": User("op01", Role.OPERATOR, "C01"), "lead": User("lead", Role.LEADER)}
    twin = TwinState(tiny_street(), derivers=live_derivers(), authorizer=Authorizer(users.get))
    twin.apply_many(StaffStatusChanged(T0, s.id, StaffStatus.AVAILABLE) for s in twin.street.staff)
    stop = audit_listener(db, twin)
    for case_id, community, col in (("K1", "C01", 0), ("K2", "C02", 2)):
        micro = twin.street.micro_grid(f"{community}-G01-M01")
        twin.apply(CaseReported(T0, case_id, "waste_sanitation", Source.RESIDENT, *centre(col, 0), micro.id,
                                micro.general_grid_id, community))
    return twin, stop


def test_every_command_is_audited_with_who_what_when_before_after_and_reason(db_path):
    from datetime import timedelta

    db = open_database(f"sqlite:///{db_path}")
    twin, stop = audited_twin(db)
    twin.triage("K1", "waste_sanitation", RiskLevel.BLUE, OwnerLevel.GRID, "op01", at=T0 + timedelta(minutes=1))
    recommender.dispatch(twin, "K1", "GW-C01-G01", "op01", at=T0 + timedelta(minutes=2))
    with pytest.raises(PermissionDenied):
        recommender.dispatch(twin, "K2", "GW-C02-G01", "op01", at=T0 + timedelta(minutes=3))
    recommender.dispatch(twin, "K1", "GW-C01-G02", "lead", reason="closer worker", at=T0 + timedelta(minutes=4))
    twin.escalate("K2", "lead", "needs the community", at=T0 + timedelta(minutes=6))
    twin.reject("K2", "lead", "duplicate phone report from 13812345678", at=T0 + timedelta(minutes=7))
    entries = AuditLog(db).entries()
    assert [(e.actor, e.action, e.target) for e in entries] == [
        ("op01", "CaseTriaged", "case:K1"),
        ("op01", "CaseDispatched", "case:K1"),
        ("lead", "CaseDispatched", "case:K1"),
        ("lead", "CaseEscalated", "case:K2"),
        ("lead", "CaseRejected", "case:K2"),
    ]
    redispatch = entries[2]
    assert redispatch.before == {"status": "dispatched", "owner_level": "grid", "assignee": "GW-C01-G01",
                                 "risk": "blue"}
    assert redispatch.after["assignee"] == "GW-C01-G02" and redispatch.after["status"] == "dispatched"
    assert redispatch.after["eta_minutes"] == pytest.approx(twin.cases["K1"].eta_minutes)
    assert redispatch.reason == "closer worker" and redispatch.at == T0 + timedelta(minutes=4)
    assert entries[3].before["owner_level"] == "grid" and entries[3].after["owner_level"] == "community"
    assert entries[4].reason == "duplicate phone report from 138****5678"
    assert AuditLog(db).verify().ok
    stop()
    twin.escalate("K1", "lead", "after unsubscribing", at=T0 + timedelta(minutes=8))
    assert AuditLog(db).count() == 5
    db.close()


def _audit_db(db_path, n=6):
    db = open_database(f"sqlite:///{db_path}")
    log = AuditLog(db)
    for i in range(n):
        log.append("lead", "CaseDispatched", f"case:K{i}", {"assignee": None}, {"assignee": f"GW-{i}"}, "r")
    head = log.head()
    db.close()
    return head


def _sql(db_path, statement, params=()):
    with sqlite3.connect(db_path) as connection:
        connection.execute(statement, params)


TAMPERING = {
    "edit": [("UPDATE audit_log SET actor = ? WHERE id = ?", ("op01", 3))],
    "delete": [("DELETE FROM audit_log WHERE id = ?", (3,))],
    "insert": [("UPDATE audit_log SET id = id + 100 WHERE id >= ?", (3,)),
               ("UPDATE audit_log SET id = id - 99 WHERE id >= ?", (103,)),
               ("INSERT INTO audit_log (id, at, actor, action, target, before, after, reason, prev_hash, hash) "
                "SELECT 3, at, 'mallory', action, target, before, after, reason, hash, "
                # A forged hash that differs from entry 2's in its first digit, whatever that digit is.
                "CASE substr(hash, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END || substr(hash, 2) "
                "FROM audit_log WHERE id = ?", (2,))],
    "swap": [("UPDATE audit_log SET id = ? WHERE id = ?", (-1, 3)),
             ("UPDATE audit_log SET id = ? WHERE id = ?", (3, 4)),
             ("UPDATE audit_log SET id = ? WHERE id = ?", (4, -1))],
}


FOUND = {
    "edit": (3, "content does not match its hash (the entry was edited)"),
    "delete": (4, "entries 3..3 are missing (deleted)"),
    "insert": (3, "content does not match its hash (the entry was edited)"),
    "swap": (3, "does not link to the entry before it (an entry was deleted, inserted or moved)"),
}
"""The entry ``verify`` names for each kind of tampering with entry 3 of 6, and what it says."""


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampering_is_found_and_the_first_bad_entry_named(db_path, how, capsys, monkeypatch):
    _audit_db(db_path)
    monkeypatch.setattr(cockpit.cli, "_EXTRA_COMMANDS", [register])
    assert cockpit.cli.main(["audit", "verify", "--db", f"sqlite:///{db_path}", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "checked": 6, "first_bad_id": None, "problem": ""}
    for statement, params in TAMPERING[how]:
        _sql(db_path, statement, params)
    code = cockpit.cli.main(["audit", "verify", "--db", f"sqlite:///{db_path}", "--json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    first_bad, problem = FOUND[how]
    assert code == 1 and report["ok"] is False and report["first_bad_id"] == first_bad
    assert err.splitlines()[-1] == f"cockpit: audit log TAMPERED: audit entry {first_bad}: {problem}"
    assert cockpit.cli.main(["audit", "head", "--db", f"sqlite:///{db_path}", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["head"]) == 64 and shown["entries"] == {"delete": 5, "insert": 7}.get(how, 6)


def test_removing_the_last_entries_is_found_against_the_kept_head(db_path, capsys, monkeypatch):
    head = _audit_db(db_path)
    _sql(db_path, "DELETE FROM audit_log WHERE id = ?", (6,))
    monkeypatch.setattr(cockpit.cli, "_EXTRA_COMMANDS", [register])
    assert cockpit.cli.main(["audit", "verify", "--db", f"sqlite:///{db_path}"]) == 0
    capsys.readouterr()
    assert cockpit.cli.main(["audit", "verify", "--db", f"sqlite:///{db_path}", "--head", head]) == 1
    assert "not at the expected head" in capsys.readouterr().err


def test_users_command_line(db_path, capsys, monkeypatch):
    monkeypatch.setattr(cockpit.cli, "_EXTRA_COMMANDS", [register])
    url = f"sqlite:///{db_path}"

    def run(*argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cockpit.cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err.splitlines()[-1] + "\n" if err else ""

    code, _, err = run("users", "add", "op07", "--role", "operator", "--db", url, "--password-stdin",
                       stdin="operator pw 1\n")
    assert code == 2 and err == "cockpit: there is no administrator yet: create one first (--role administrator)\n"
    code, out, _ = run("users", "add", "root", "--role", "administrator", "--db", url, "--json",
                       "--password-stdin", stdin="admin password\n")
    assert code == 0 and json.loads(out) == {"username": "root", "role": "administrator", "scope": "street",
                                             "disabled": False, "demo": False}
    code, _, err = run("users", "add", "op07", "--role", "operator", "--scope", "C07", "--db", url,
                       "--password-stdin", stdin="operator pw 1\n")
    assert code == 2 and err == "cockpit: say who acts: --as ADMINISTRATOR\n"
    code, _, err = run("users", "add", "op07", "--role", "operator", "--scope", "C99", "--as", "root",
                       "--db", url, "--password-stdin", stdin="admin password\noperator pw 1\n")
    assert code == 2 and "unknown community 'C99'" in err
    code, out, _ = run("users", "add", "op07", "--role", "operator", "--scope", "C07", "--as", "root",
                       "--db", url, "--password-stdin", stdin="admin password\noperator pw 1\n")
    assert code == 0 and out == "added operator op07 (C07)\n"
    code, _, err = run("users", "disable", "root", "--as", "op07", "--db", url, "--password-stdin",
                       stdin="operator pw 1\n")
    assert code == 2 and err == "cockpit: operator op07 may not manage_users (user accounts)\n"
    code, _, err = run("users", "list", "--as", "root", "--db", url, "--password-stdin", stdin="wrong!!!\n")
    assert code == 2 and err == "cockpit: wrong user name or password\n"
    code, _, _ = run("users", "passwd", "op07", "--as", "op07", "--db", url, "--password-stdin",
                     stdin="operator pw 1\noperator pw 2\n")
    assert code == 0
    code, _, _ = run("users", "disable", "op07", "--as", "root", "--db", url, "--password-stdin",
                     stdin="admin password\n", )
    assert code == 0
    code, out, _ = run("users", "list", "--as", "root", "--db", url, "--json", "--password-stdin",
                       stdin="admin password\n")
    assert json.loads(out)["users"] == [
        {"username": "op07", "role": "operator", "scope": "C07", "disabled": True, "demo": False},
        {"username": "root", "role": "administrator", "scope": "street", "disabled": False, "demo": False},
    ]
    db = open_database(url)
    assert [(e.actor, e.action, e.target) for e in AuditLog(db).entries()] == [
        ("system", "user.add", "user:root"), ("root", "user.add", "user:op07"),
        ("op07", "denied.manage_users", "user accounts"), ("root", "login.failed", "user:root"),
        ("op07", "user.passwd", "user:op07"), ("root", "user.disable", "user:op07"),
    ]
    assert UserStore(db).get("op07").disabled
    db.close()


def test_a_refused_command_and_a_failed_login_leave_audit_rows(db_path, capsys, monkeypatch):
    """Audit finding 6: `cockpit users add evil --as op07` was refused without a denied.* row."""
    monkeypatch.setattr(cockpit.cli, "_EXTRA_COMMANDS", [register])
    url = f"sqlite:///{db_path}"
    db = open_database(url)
    store = UserStore(db)
    store.add("root", "admin password", "administrator")
    store.add("op07", "operator pw 1", "operator", "C07", actor=store.get("root"))
    for stdin in ("operator pw 1\nevil password\n", "not the password\n"):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        assert cockpit.cli.main(["users", "add", "evil", "--role", "administrator", "--as", "op07",
                                 "--db", url, "--password-stdin"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["cockpit: operator op07 may not manage_users (user accounts)",
                   "cockpit: wrong user name or password"]
    assert [(e.actor, e.action, e.target, e.reason) for e in AuditLog(db).entries()[2:]] == [
        ("op07", "denied.manage_users", "user accounts", "operator op07 may not manage_users (user accounts)"),
        ("op07", "login.failed", "user:op07", "wrong password"),
    ]
    assert store.get("evil") is None
    db.close()
