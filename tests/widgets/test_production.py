"""``cockpit open``: the login, and the account's role and scope applied to every view; the residents'
view masked, with an audited unmasking."""

from __future__ import annotations

import base64
import os

import pytest

from cockpit.cli import main as core_main
from cockpit.security.permissions import Role, User
from cockpit.security.personal_data import FieldCipher, ResidentStore, generate_demo_residents
from cockpit.security.users import UserStore
from cockpit.storage import AuditLog, open_database
from cockpit.storage.streets import save_street
from cockpit.vocabulary.domain import RiskLevel
from tests.core.tiny import tiny_street
from tests.widgets.conftest import report
from widgets.i18n import LanguageSwitcher
from widgets.login_dialog import LoginDialog
from widgets.mqtt_source import EMBEDDED
from widgets.production import open_session
from widgets.cli import WINDOWS

ADMIN = User("admin", Role.ADMINISTRATOR)


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'street.sqlite'}")
    save_street(database, tiny_street())
    users = UserStore(database)
    users.add("op01", "password-op01", "operator", "C01")
    users.add("auditor", "password-audit", "auditor")
    yield database
    database.close()


def test_the_login_says_why_in_one_line_and_lets_the_account_in(qtbot, db, languages):
    dialog = LoginDialog(UserStore(db), "Tiny Street")
    qtbot.addWidget(dialog)
    dialog.username.setText("op01")
    dialog.password.setText("not the password")
    assert not dialog.try_login()
    assert dialog.error.text() == "wrong user name or password" and dialog.password.text() == ""
    languages.set_language("zh")
    dialog.password.setText("still wrong")
    dialog.try_login()
    assert dialog.error.text() == "用户名或密码错误"
    dialog.password.setText("password-op01")
    assert dialog.try_login() and dialog.user == User("op01", Role.OPERATOR, "C01")


@pytest.fixture
def opened(qtbot, qapp, db, monkeypatch):
    monkeypatch.setenv("STREET_COCKPIT_KEY", base64.b64encode(os.urandom(32)).decode())
    languages = LanguageSwitcher(qapp)
    languages.set_language("en")
    sessions = []

    def open_as(username: str):
        user = UserStore(db).get(username)
        session = open_session(qapp, languages, tiny_street(), db, EMBEDDED, user, sound=False)
        qtbot.addWidget(session.desk.window)
        sessions.append(session)
        return session

    yield open_as
    for session in sessions:
        session.close()
    languages.set_language("en")


def test_a_community_operator_sees_and_acts_in_their_community_only(qtbot, db, opened):
    session = opened("op01")
    desk, twin, model = session.desk, session.twin, session.model
    assert "signed in as op01 (operator · community C01)" == desk.window.account_label.text()
    assert desk.map_panel.focus == ("community", "C01")
    assert not desk.queue.community_box.isEnabled() and desk.queue.proxy.community == "C01"
    model.submit([report("K1", at=twin.now), report("K2", col=3, at=twin.now)])
    model.drain()
    assert desk.queue.visible_case_ids() == ["K1"]  # the queue shows their community
    desk.detail.set_case("K2")  # reached from the map or search: shown, but not theirs to act on
    assert not desk.detail.triage_button.isEnabled()
    assert desk.detail.access_label.text() == (
        "operator op01 may act only in community C01; case K2 is in community C02")
    assert not model.command(twin.escalate, "K2", "op01", "try")
    refused = [e for e in AuditLog(db).entries() if e.action == "denied.escalate"]
    assert refused and refused[-1].actor == "op01"
    desk.detail.set_case("K1")
    assert desk.detail.triage_button.isEnabled() and desk.detail.access_label.text() == ""
    assert desk.queue.export_button.isEnabled()
    assert not desk.window.simulation_action.isEnabled()  # an operator does not run what-ifs


def test_an_auditor_reads_but_neither_acts_nor_exports(qtbot, db, opened):
    session = opened("auditor")
    desk, model, twin = session.desk, session.model, session.twin
    model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED, at=twin.now)])
    model.drain()
    desk.detail.set_case("K1")
    assert not desk.detail.triage_button.isEnabled() and "auditor auditor may not triage" in desk.detail.access_label.text()
    assert not desk.banner.ack_button.isEnabled()
    assert not desk.queue.export_button.isEnabled()
    assert "may not export" in desk.queue.export_button.toolTip()


def test_residents_are_masked_and_unmasking_asks_a_reason_and_is_recorded(qtbot, db, opened, monkeypatch):
    key = base64.b64decode(os.environ["STREET_COCKPIT_KEY"])
    store = ResidentStore(db, "tiny", FieldCipher(key), users={ADMIN.username: ADMIN}.get)
    store.add_many(generate_demo_residents(tiny_street()), ADMIN)
    session = opened("op01")
    panel = session.desk.residents
    assert panel.store is None  # opened (decrypted) only when first shown
    session.desk.window.show()
    session.desk.window.docks["residents"].raise_()
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)
    assert not panel.area_box.isEnabled() and panel.community == "C01"
    names = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
    assert all(name.endswith("*") for name in names)  # masked: 张**
    assert all("*" in panel.table.item(r, 2).text() for r in range(panel.table.rowCount()))
    panel.table.selectRow(0)
    shown = []
    panel.show_record = shown.append
    panel.ask_reason = lambda prompt: None  # cancelled: nothing is unmasked
    assert panel.unmask_selected() is None and shown == []
    panel.ask_reason = lambda prompt: "welfare visit for the smoke alarm at 20:14"
    record = panel.unmask_selected()
    assert shown == [record] and not record.name.endswith("*")
    entries = [e for e in AuditLog(db).entries() if e.action == "resident.unmask"]
    assert [e.actor for e in entries] == ["op01"] and "welfare visit" in entries[0].reason


def test_cockpit_open_on_a_street_the_database_does_not_hold_fails_in_one_line(db, capsys, tmp_path):
    code = core_main(["open", "--street", "nowhere", "--db", str(db.url), "--broker", "mqtt://127.0.0.1:1"],
                     windows=WINDOWS)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "no street 'nowhere'" in err[0] and "tiny" in err[0]
