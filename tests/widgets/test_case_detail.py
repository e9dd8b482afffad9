"""The case detail panel: the closed loop driven through its buttons, refusals shown as the twin words them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel

from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel
from tests.widgets.conftest import T0, report
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import COLUMNS, CaseQueuePanel


@pytest.fixture
def panel(qtbot, model, languages):
    detail = CaseDetailPanel(model, actor="值班员李")
    qtbot.addWidget(detail)
    return detail


def _triaged(model, twin, case_id="K1", **kw):
    model.submit([report(case_id, **kw)])
    model.drain()
    model.command(twin.triage, case_id, twin.cases[case_id].category, twin.cases[case_id].risk,
                  twin.cases[case_id].owner_level, "op")


def test_dispatch_through_the_ui_changes_twin_and_queue(qtbot, model, twin, panel):
    queue = CaseQueuePanel(model)
    qtbot.addWidget(queue)
    _triaged(model, twin, col=0.2, row=0.2)
    panel.set_case("K1")
    assert panel.recommendations.count() >= 2
    first = panel.recommendations.item(0).data(Qt.ItemDataRole.UserRole)
    # The grid's own worker is in the middle of the C01-G01 cell pair; by arrival it ranks first.
    assert first == "GW-C01-G01"
    # Why it ranks there: arrival by its mode, distance, home grid, load.
    assert panel.recommendations.item(0).text() == "grid worker 网格员C01-G01 · 1 min (E-bike) · 230 m · own grid · idle"
    assert not panel.dispatch_button.isEnabled()
    panel.recommendations.setCurrentRow(0)
    assert panel.dispatch_button.isEnabled()
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    case = twin.cases["K1"]
    assert case.status is CaseStatus.DISPATCHED and case.assignee == "GW-C01-G01"
    assert case.history[-1].actor == "值班员李"
    row = queue.table_model.row_of("K1")
    assert queue.table_model.index(row, COLUMNS.index("status")).data() == "dispatched"
    assert queue.table_model.index(row, COLUMNS.index("assignee")).data() == "网格员C01-G01"
    assert panel.accept_button.isEnabled() and not panel.feedback_button.isEnabled()


def test_a_click_on_the_first_ranked_person_allows_dispatch(qtbot, model, twin, panel):
    """The walk found the trainee's dispatch dead: the list's first row was already current (focus
    makes it so) but unselected, a click on it changed no current row, and Dispatch stayed disabled."""
    _triaged(model, twin, col=0.2, row=0.2)
    panel.set_case("K1")
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.recommendations
    view.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
    assert view.currentRow() == 0 and not panel.dispatch_button.isEnabled()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(view.item(0)).center())
    assert panel.dispatch_button.isEnabled()
    view.clearSelection()
    assert not panel.dispatch_button.isEnabled()


def test_departments_are_offered_for_the_whistle(qtbot, model, twin, panel):
    _triaged(model, twin, category="fire_hazard", col=3)
    panel.set_case("K1")
    assert panel.departments.item(0).data(Qt.ItemDataRole.UserRole) == "FIRE-1"
    panel.departments.setCurrentRow(0)
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert twin.cases["K1"].assignee == "FIRE-1"


def test_full_loop_with_reasons_where_the_process_needs_them(qtbot, model, twin, panel):
    model.submit([report("K1"), report("K2")])
    model.drain()
    panel.set_case("K1")
    assert not panel.accept_button.isEnabled() and panel.triage_button.isEnabled()
    panel.risk_combo.setCurrentIndex(panel.risk_combo.findData("yellow"))
    panel.owner_combo.setCurrentIndex(panel.owner_combo.findData("community"))
    qtbot.mouseClick(panel.triage_button, Qt.MouseButton.LeftButton)
    case = twin.cases["K1"]
    assert (case.status, case.risk, case.owner_level) == (CaseStatus.TRIAGED, RiskLevel.YELLOW, OwnerLevel.COMMUNITY)
    assert panel.dispatch_to("VOL-1")
    assignee = panel._fact_values["assignee"]
    assert "ETA" in assignee.full_text()  # an arrival estimate while on the way...
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert "ETA" in assignee.full_text()
    qtbot.mouseClick(panel.on_scene_button, Qt.MouseButton.LeftButton)
    assert "ETA" not in assignee.full_text()  # ...and none once on scene
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert case.status is CaseStatus.RESOLVED
    panel.rating.setValue(2)
    panel.fixed.setChecked(False)
    qtbot.mouseClick(panel.feedback_button, Qt.MouseButton.LeftButton)
    assert (case.satisfaction, case.fixed) == (2, False)
    panel.ask_reason = lambda prompt: "resident says the car is back"
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert case.status is CaseStatus.TRIAGED and case.history[-1].reason == "resident says the car is back"
    panel.ask_reason = lambda prompt: "needs the street"
    qtbot.mouseClick(panel.escalate_button, Qt.MouseButton.LeftButton)
    assert case.owner_level is OwnerLevel.STREET
    assert not panel.escalate_button.isEnabled()
    panel.set_case("K2")
    panel.ask_merge_target = lambda choices: choices[0][0]
    panel.ask_reason = lambda prompt: "same car"
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    assert twin.cases["K2"].status is CaseStatus.MERGED and twin.cases["K2"].merged_into == "K1"
    assert not panel.reject_button.isEnabled()


def test_refusal_is_shown_with_the_twins_reason(qtbot, model, twin, panel):
    model.submit([report("K1")])
    model.drain()
    panel.set_case("K1")
    panel.ask_reason = lambda prompt: "   "
    with qtbot.waitSignal(model.error_occurred):
        qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert twin.cases["K1"].status is CaseStatus.REPORTED
    assert panel.error_label.text() == "case K1: rejecting needs a reason"  # the refusal in the UI's words
    panel.ask_reason = lambda prompt: None  # cancelled: nothing happens, nothing is said
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert twin.cases["K1"].status is CaseStatus.REPORTED


def test_timeline_lists_every_transition(qtbot, model, twin, panel):
    _triaged(model, twin)
    model.command(twin.tick, T0 + timedelta(hours=25))
    panel.set_case("K1")
    steps = [panel.timeline.item(r, 1).text() for r in range(panel.timeline.rowCount())]
    assert steps == ["reported", "triaged", "overdue", "overdue", "escalated"]
    assert "overdue by" in panel.sla_label.text()


def test_location_names_the_area_in_english_without_bare_ids(qtbot, model, panel):
    model.submit([report("K1", col=1, row=1)])
    model.drain()
    panel.set_case("K1")
    shown = [label.text() for label in panel.findChildren(QLabel)]
    assert "Community 1 · C01-G02-M02" in shown
    assert not any(text.startswith("C01-") for text in shown)


def test_a_waterlogging_case_offers_the_nearest_pump_beside_the_people_and_sends_it(qtbot, languages):
    from cockpit.sla import live_derivers
    from cockpit.twin import TwinState
    from cockpit.vocabulary.domain import StaffStatus
    from cockpit.vocabulary.events import ClockTick, StaffStatusChanged
    from tests.core.tiny import tiny_street_with_resources
    from widgets.twin_model import TwinModel

    twin = TwinState(tiny_street_with_resources(), derivers=live_derivers())
    twin.apply_many([ClockTick(T0)] + [StaffStatusChanged(T0, s, StaffStatus.AVAILABLE) for s in twin.staff])
    model = TwinModel(twin)
    detail = CaseDetailPanel(model, actor="值班员李")
    qtbot.addWidget(detail)
    detail.show()
    _triaged(model, twin, category="drainage_flooding", col=3.5, row=1.5)
    detail.set_case("K1")
    assert detail.recommendations.count() >= 1 and detail.item_offers.isVisible()
    first = detail.item_offers.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == ("CCH-1", "pump")
    assert first.text().startswith("Drainage pump: ") and "nearest" in first.text()
    assert detail.item_offers.count() == 1, "20:00 in Shanghai: the depot (08:00-18:00) is closed"
    assert not detail.send_item_button.isEnabled()
    languages.set_language("zh")
    assert "排水泵" in detail.item_offers.item(0).text() and "最近" in detail.item_offers.item(0).text()
    detail.item_offers.setCurrentRow(0)
    qtbot.mouseClick(detail.send_item_button, Qt.MouseButton.LeftButton)
    assert "K1" in twin.resources["CCH-1"].out
    model.drain()
    assert detail.item_offers.item(0).data(Qt.ItemDataRole.UserRole) is None
    assert detail.item_offers.item(0).text() == "目前没有可调用的点位"
    _triaged(model, twin, case_id="K2", category="parking_traffic", col=0.2, row=0.2)
    detail.set_case("K2")
    assert not detail.item_offers.isVisible()
    model.close()
