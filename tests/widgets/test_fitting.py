"""Text that fits: the banner elides cleanly, filters show their whole text, tables keep every column,
and the KPI panel's usual day covers all 24 hours."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest
from PySide6.QtWidgets import QComboBox

from cockpit.demand import default_demand
from cockpit.vocabulary.domain import RiskLevel
from tests.widgets.conftest import T0, report
from widgets.alarm_banner import AlarmBanner
from widgets.case_queue import CaseQueuePanel
from widgets.demo_driver import usual_day
from widgets.kpi_panel import KpiPanel, usual_per_hour
from widgets.plumbing import fill_combo
from widgets.staff_board import StaffBoardPanel


def test_long_alarm_lines_end_in_an_ellipsis_and_the_count_stays_visible(qtbot, model, twin, languages):
    banner = AlarmBanner(model, "op")
    qtbot.addWidget(banner)
    model.submit([report("K1", "fire_hazard", risk=RiskLevel.RED),
                  report("K20261124-0002", "market_food_safety", col=2, risk=RiskLevel.RED,
                         at=T0 + timedelta(minutes=1))])
    model.drain()
    banner.resize(320, 60)  # narrower than the count and buttons: the banner takes its minimum width
    banner.show()
    qtbot.waitExposed(banner)
    full = banner.headline.full_text()
    assert full == banner.describe(twin.alarms[banner.alarm_id])
    shown = banner.headline.text()
    assert shown.endswith("…") and full.startswith(shown[:-1])
    assert banner.headline.fontMetrics().horizontalAdvance(shown) <= banner.headline.contentsRect().width()
    assert banner.headline.toolTip() == full
    place = banner.place  # cut only on a screen far narrower than a wall, and whole in its tooltip
    assert place.text().endswith("…") and place.toolTip() == place.full_text() == "Community 2 · C02-G01-M01"
    assert len(place.text()) > 5
    assert banner.count.text() == "1 more waiting"
    assert banner.count.isVisible()
    assert banner.count.width() >= banner.count.fontMetrics().horizontalAdvance("1 more waiting")


@pytest.mark.parametrize("panel_type", [CaseQueuePanel, StaffBoardPanel])
def test_filter_boxes_show_their_whole_text(qtbot, model, languages, panel_type):
    panel = panel_type(model)
    qtbot.addWidget(panel)
    panel.resize(1400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    for box in panel.findChildren(QComboBox):
        widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert box.width() > widest, box.currentText()


def test_a_narrow_case_queue_keeps_every_column_on_screen(qtbot, model, languages):
    panel = CaseQueuePanel(model)
    qtbot.addWidget(panel)
    model.submit([report(f"K{i}", "property_maintenance", col=i % 4, at=T0 + timedelta(minutes=i)) for i in range(5)])
    model.drain()
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert sum(widths) <= panel.view.viewport().width()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width() - 1


def test_fill_combo_keeps_the_selection_across_a_refill(qtbot):
    box = QComboBox()
    qtbot.addWidget(box)
    fill_combo(box, "All", [("a", "Alpha"), ("b", "Beta")])
    box.setCurrentIndex(2)
    fill_combo(box, "Alle", [("a", "Alfa"), ("b", "Bèta")])
    assert (box.currentData(), box.currentText(), box.itemText(0)) == ("b", "Bèta", "Alle")


def test_the_usual_day_is_the_feeds_full_day_expectation(qtbot, model, languages):
    demand = default_demand()
    expected = (demand.weekday[:, None] * demand.hours).mean(axis=0) * demand.cases_per_day / 24
    assert usual_day() == pytest.approx(list(expected))
    assert sum(usual_day()) == pytest.approx(demand.cases_per_day)
    panel = KpiPanel(model, usual_hourly=usual_day(), refresh_ms=0)
    qtbot.addWidget(panel)
    model.submit([report("K1", at=T0 - timedelta(minutes=30))])
    model.drain()
    panel.refresh()
    hours, curve = panel.usual_curve.getData()
    assert list(hours) == list(range(24))
    assert curve == pytest.approx(expected)
    assert curve[3] > 0  # the small hours, before any bootstrap window, are not zero


def test_history_usual_day_leaves_out_the_partial_first_day():
    shanghai = "Asia/Shanghai"
    reported = pd.to_datetime([
        "2026-11-21 22:10", "2026-11-21 23:40",              # the log starts at 22:00: a partial day
        "2026-11-22 08:15", "2026-11-22 22:30",              # a full day
        "2026-11-23 08:45", "2026-11-23 09:05",              # a full day
        "2026-11-24 08:00",                                   # today
    ]).tz_localize(shanghai).tz_convert("UTC")
    frame = pd.DataFrame({"reported_at": reported})
    usual = usual_per_hour(frame, T0)
    assert usual is not None
    assert usual[8] == 1.0 and usual[9] == 0.5 and usual[22] == 0.5 and usual[23] == 0.0
    assert usual.sum() == 2.0


def test_a_wide_queue_shows_every_cell_whole_and_refits_when_cells_grow(qtbot, model, twin, languages):
    panel = CaseQueuePanel(model)
    qtbot.addWidget(panel)
    model.submit([report("K1", "property_maintenance")])
    model.drain()
    panel.resize(1600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    view, header = panel.view, panel.view.horizontalHeader()
    last = header.count() - 1
    assert all(header.sectionSize(c) >= view.sizeHintForColumn(c) for c in range(last))
    status = header.logicalIndex(3)
    before = header.sectionSize(status)
    model.command(twin.triage, "K1", "property_maintenance", twin.cases["K1"].risk, twin.cases["K1"].owner_level, "op")
    model.command(twin.dispatch, "K1", "VOL-1", "op")
    qtbot.waitUntil(lambda: header.sectionSize(status) >= view.sizeHintForColumn(status), timeout=3000)
    assert view.sizeHintForColumn(status) > before  # "dispatched" is wider than "reported"
