"""The case queue: live rows, SLA colours, filters, keyboard and CSV export."""

from __future__ import annotations

import csv
from datetime import timedelta
from functools import partial

import pytest
from PySide6.QtCore import Qt

from cockpit.security.authorizer import Authorizer
from cockpit.security.permissions import PermissionDenied, Role
from cockpit.security.users import UserStore
from cockpit.storage import AuditLog, open_database
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import ClockTick
from tests.widgets.conftest import T0, report
from widgets.case_queue import COLUMNS, SLA_COLUMN, CaseQueuePanel
from widgets.theme import SLA_AMBER, SLA_RED


def _panel(qtbot, model) -> CaseQueuePanel:
    panel = CaseQueuePanel(model)
    qtbot.addWidget(panel)
    return panel


def _sla_brush(panel: CaseQueuePanel, case_id: str):
    row = panel.table_model.row_of(case_id)
    return panel.table_model.index(row, SLA_COLUMN).data(Qt.ItemDataRole.BackgroundRole)


def test_new_cases_appear_and_changes_update_rows_in_place(qtbot, model, twin, languages):
    panel = _panel(qtbot, model)
    model.submit([report("K1"), report("K2", col=3)])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2)
    resets, changed = [], []
    panel.table_model.modelReset.connect(lambda: resets.append(1))
    panel.table_model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.command(twin.triage, "K2", "parking_traffic", RiskLevel.YELLOW, twin.cases["K2"].owner_level, "op")
    assert resets == []
    assert (1, 1) in changed
    assert panel.table_model.index(1, COLUMNS.index("risk")).data() == "yellow"
    assert "2 of 2" in panel.count_label.text()


def test_advanced_clock_turns_a_case_amber_then_red(qtbot, model, twin, languages):
    panel = _panel(qtbot, model)
    model.submit([report("K1")])  # blue: 24 h to resolve
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert _sla_brush(panel, "K1") is None
    model.submit([ClockTick(T0 + timedelta(hours=19))])  # 79 % of the window used
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1") is not None)
    assert _sla_brush(panel, "K1").color() == SLA_AMBER
    model.submit([ClockTick(T0 + timedelta(hours=24, minutes=1))])
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1").color() == SLA_RED)
    row = panel.table_model.row_of("K1")
    assert panel.table_model.index(row, SLA_COLUMN).data().startswith("-")


def test_filters_overdue_community_and_export_csv(qtbot, model, twin, languages, tmp_path):
    panel = _panel(qtbot, model)
    model.submit([report("K1", col=0, at=T0 - timedelta(hours=30)), report("K2", col=3, at=T0 - timedelta(hours=30)),
                  report("K3", col=0), ClockTick(T0)])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    panel.set_filters(overdue_only=True)
    assert sorted(panel.visible_case_ids()) == ["K1", "K2"]
    panel.set_filters(community="C01")
    assert panel.visible_case_ids() == ["K1"]
    out = tmp_path / "overdue_c01.csv"
    assert panel.export_csv(out) == 1
    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Case" and rows[1][0] == "K1"
    assert rows[1][COLUMNS.index("community")] == "Community 1"
    panel.set_filters(overdue_only=False, community=None, risk=RiskLevel.RED)
    assert panel.visible_case_ids() == []


def test_keyboard_navigation_and_enter_opens(qtbot, model, languages):
    panel = _panel(qtbot, model)
    model.submit([report("K1"), report("K2", at=T0 + timedelta(minutes=1))])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2)
    panel.view.setFocus()
    panel.select_case(panel.visible_case_ids()[0])
    with qtbot.waitSignal(panel.current_case_changed) as moved:
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert moved.args == [panel.visible_case_ids()[1]]
    with qtbot.waitSignal(panel.sig_open_case_requested) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [panel.visible_case_ids()[1]]


def test_the_export_asks_the_session_s_gate_first_and_a_refusal_writes_nothing(qtbot, model, tmp_path):
    """Audit finding 7: Action.EXPORT guarded no export."""
    db = open_database(f"sqlite:///{tmp_path / 'gate.sqlite'}")
    users = UserStore(db)
    users.add("admin", "administrator password", Role.ADMINISTRATOR)
    users.add("op", "operator password", Role.OPERATOR)
    authorizer = Authorizer(users.get, AuditLog(db))
    model.submit([report("K1")])
    for name, allowed in (("admin", False), ("op", True)):
        panel = CaseQueuePanel(model, may_export=partial(authorizer.exporting, name))
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda panel=panel: panel.proxy.rowCount() == 1)
        out = tmp_path / f"cases-{name}.csv"
        if allowed:
            assert panel.export_csv(out) == 1 and out.exists()
        else:
            with pytest.raises(PermissionDenied, match="administrator admin may not export"):
                panel.export_csv(out)
            assert not out.exists()
    assert [(e.actor, e.action) for e in AuditLog(db).entries()[2:]] == [("admin", "denied.export"), ("op", "export")]
    db.close()
