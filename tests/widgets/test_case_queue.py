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
from cockpit.vocabulary.events import CaseAccepted, CaseDispatched, CaseTriaged, ClockTick
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


def _accepted(case_id: str, at, category: str = "parking_traffic", risk: RiskLevel = RiskLevel.BLUE):
    return [CaseTriaged(at, case_id, category, risk, risk.default_owner, "op"),
            CaseDispatched(at, case_id, "GW-C01-G01", "op"), CaseAccepted(at, case_id, "GW-C01-G01")]


def test_advanced_clock_turns_a_case_amber_then_red(qtbot, model, twin, languages):
    panel = _panel(qtbot, model)
    model.submit([report("K1"), *_accepted("K1", T0 + timedelta(minutes=10))])  # blue: 24 h to resolve
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert _sla_brush(panel, "K1") is None
    assert panel.table_model.index(0, SLA_COLUMN).data().startswith("resolve 23 h")
    model.submit([ClockTick(T0 + timedelta(hours=19))])  # 79 % of the window used
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1") is not None)
    assert _sla_brush(panel, "K1").color() == SLA_AMBER
    model.submit([ClockTick(T0 + timedelta(hours=24, minutes=1))])
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1").color() == SLA_RED)
    row = panel.table_model.row_of("K1")
    assert panel.table_model.index(row, SLA_COLUMN).data() == "overdue 1 min"


def test_the_response_target_is_the_deadline_until_someone_accepts(qtbot, model, twin, languages):
    panel = _panel(qtbot, model)
    model.submit([report("K1")])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert panel.table_model.index(0, SLA_COLUMN).data() == "respond 2 h 00 min"
    model.submit([ClockTick(T0 + timedelta(minutes=95))])  # 79 % of the 2 h gone
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1") is not None)
    assert _sla_brush(panel, "K1").color() == SLA_AMBER
    model.submit([ClockTick(T0 + timedelta(hours=2, minutes=5))])
    qtbot.waitUntil(lambda: _sla_brush(panel, "K1").color() == SLA_RED)


def test_the_queue_puts_red_first_then_the_least_time_left(qtbot, model, twin, languages):
    panel = _panel(qtbot, model)
    model.submit([
        report("BLUE-OLD", at=T0 - timedelta(hours=20)), *_accepted("BLUE-OLD", T0 - timedelta(hours=19)),
        report("BLUE-NEW", at=T0),
        report("YELLOW", at=T0 - timedelta(minutes=30), risk=RiskLevel.YELLOW),
        report("SOS", "elderly_emergency", at=T0 - timedelta(minutes=1), risk=RiskLevel.RED),
        report("RED-OLD", "fire_hazard", at=T0 - timedelta(hours=5), risk=RiskLevel.RED),
        *_accepted("RED-OLD", T0 - timedelta(hours=4), "fire_hazard", RiskLevel.RED),
        ClockTick(T0),
    ])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 5)
    # Red first: the SOS must be answered within 2 h (1 h 59 min left), the accepted red case within 72 h.
    # Then yellow (1 h 30 min to respond), then blue: the fresh one has 2 h to respond, the old one 4 h to resolve.
    assert panel.visible_case_ids() == ["SOS", "RED-OLD", "YELLOW", "BLUE-NEW", "BLUE-OLD"]


def test_filters_overdue_community_and_export_csv(qtbot, model, twin, languages, tmp_path):
    panel = _panel(qtbot, model)
    model.submit([report("K1", col=0, at=T0 - timedelta(hours=30)), report("K2", col=3, at=T0 - timedelta(hours=30)),
                  report("K3", col=0), ClockTick(T0)])
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    panel.set_filters(overdue_only=True)
    assert sorted(panel.visible_case_ids()) == ["K1", "K2"]
    panel.set_filters(community="C01")
    assert panel.visible_case_ids() == ["K1"]
    shown = tmp_path / "overdue_c01_shown.csv"
    assert panel.export(shown, machine=False) == 1
    with open(shown, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Case" and rows[1][0] == "K1"
    assert rows[1][COLUMNS.index("community")] == "Community 1"
    # For programs: an incident log (ISO 8601 with offset, codes) plus each case's standing, in numbers.
    out = tmp_path / "overdue_c01.csv"
    assert panel.export(out) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# street-cockpit incident log v1"
    row = next(csv.DictReader(lines[1:]))
    assert (row["case_id"], row["category"], row["risk_level"], row["community"]) == ("K1", "parking_traffic", "blue", "C01")
    assert row["reported_at"] == "2026-11-23T14:00:00+08:00"
    assert (row["status"], row["deadline"], row["overdue"]) == ("reported", "response", "1")
    assert float(row["minutes_left"]) == -28 * 60  # the 2 h response target passed 28 h ago
    from cockpit.history.format import read_log
    from cockpit.kpi import compute_kpis
    assert compute_kpis(read_log(out))["cases"] == 1  # what `cockpit kpi` reads
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
            assert panel.export(out) == 1 and out.exists()
        else:
            with pytest.raises(PermissionDenied, match="administrator admin may not export"):
                panel.export(out)
            assert not out.exists()
    assert [(e.actor, e.action) for e in AuditLog(db).entries()[2:]] == [("admin", "denied.export"), ("op", "export")]
    db.close()
