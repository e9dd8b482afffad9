"""The composition root: the desk on the demo street, language switching, the feed driver and snapshots."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from cockpit.clock import ManualClock
from cockpit.demo_feed import DemoFeed
from cockpit.vocabulary.domain import Source, StaffKind, StaffStatus
from cockpit.vocabulary.events import StaffStatusChanged
from tests.core.tiny import tiny_street
from tests.widgets.conftest import T0, report
from widgets.app import build_desk, build_twin, build_wall, start_session
from widgets.case_queue import COLUMNS as QUEUE_COLUMNS
from widgets.demo_driver import DemoDriver
from widgets.kpi_panel import KpiPanel
from widgets.snapshot import render_snapshot
from widgets.staff_board import StaffBoardPanel
from widgets.twin_model import TwinModel
from widgets.wall import PAGES

EVENING = datetime(2026, 11, 24, 12, 30, tzinfo=timezone.utc)  # 20:30 in Shanghai


def test_smoke_desk_on_the_demo_street_opens_and_closes(qtbot, qapp):
    session = start_session(qapp, lang="zh", speed=60.0, start=EVENING, sound=False, actor="值班员")
    window = session.desk.window
    qtbot.addWidget(window)
    window.show()
    assert session.twin.cases and session.driver.running
    applied = session.twin.applied
    qtbot.waitUntil(lambda: session.twin.applied > applied, timeout=5000)  # the feed keeps the street alive
    assert window.windowTitle().startswith("街道数字孪生驾驶舱")
    assert session.desk.queue.proxy.rowCount() == len(session.twin.open_cases())
    session.close()
    assert not session.driver.running


def test_switching_language_changes_visible_strings(qtbot, model, languages):
    desk = build_desk(model, "operator")
    qtbot.addWidget(desk.window)
    model.submit([report("K1")])
    model.drain()
    desk.detail.set_case("K1")
    queue_header = desk.queue.table_model.headerData(0, Qt.Orientation.Horizontal)
    assert (queue_header, desk.detail.triage_button.text(), desk.window.docks["queue"].windowTitle()) == (
        "Case", "Triage", "Case queue")
    languages.set_language("zh")
    assert desk.queue.table_model.headerData(0, Qt.Orientation.Horizontal) == "事件"
    assert desk.detail.triage_button.text() == "研判"
    assert desk.window.docks["queue"].windowTitle() == "事件队列"
    assert desk.banner.ack_button.text() == "确认"
    assert desk.staff.on_duty_only.text() == "仅在岗"
    assert desk.queue.table_model.index(0, 1).data() == "蓝"
    assert desk.queue.table_model.index(0, 4).data() == "社区1"  # data names follow the language too
    languages.set_language("en")
    assert desk.detail.triage_button.text() == "Triage"
    assert desk.queue.table_model.index(0, 4).data() == "Community 1"
    desk.window.close()


def test_demo_driver_feeds_the_model_on_its_clock(qtbot):
    street = tiny_street()
    twin = build_twin(street)
    clock = ManualClock(T0)
    feed = DemoFeed(street, seed=3)
    twin.apply_many(feed.step(twin, T0))
    model = TwinModel(twin)
    driver = DemoDriver(model, feed, clock, interval_ms=10)
    driver.start()
    clock.advance(timedelta(minutes=5))
    qtbot.waitUntil(lambda: twin.now == T0 + timedelta(minutes=5))
    driver.stop()
    model.close()


def test_kpi_panel_shows_todays_figures_against_targets(qtbot, model, twin, languages):
    panel = KpiPanel(model, refresh_ms=0)
    qtbot.addWidget(panel)
    model.submit([report("K1", at=T0 - timedelta(minutes=30)), report("K2", at=T0 - timedelta(minutes=20),
                                                                        source=Source.PATROL)])
    model.drain()
    model.command(twin.triage, "K1", "parking_traffic", twin.cases["K1"].risk, twin.cases["K1"].owner_level, "op")
    model.command(twin.dispatch, "K1", "VOL-1", "op")
    model.command(twin.accept, "K1", "VOL-1", at=T0 + timedelta(minutes=10))
    panel.refresh()
    assert panel.kpis["response_minutes_mean"] == pytest.approx(40.0)
    assert panel.tiles["response_minutes_mean"].value.text() == "40 min"
    assert panel.tiles["response_minutes_mean"].property("state") == "ok"
    assert panel.tiles["proactive_discovery_rate"].value.text() == "50 %"
    assert panel.tiles["proactive_discovery_rate"].property("state") == "bad"
    heights = panel.today_bars.opts["height"]
    assert heights.sum() == 2 and heights[19] == 2  # both reported in the 19:00 hour, Shanghai time
    assert np.asarray(panel.response_bars.opts["height"])[4] == 1  # 40 min → the 40-50 min bin


def test_staff_board_filters_by_role_and_area(qtbot, model, twin, languages):
    board = StaffBoardPanel(model)
    qtbot.addWidget(board)
    board.show()
    assert len(board.visible_staff_ids()) == len(twin.staff)  # everybody is on duty in the fixture
    board.set_filters(kind=StaffKind.GRID_WORKER, community="C02")
    assert sorted(board.visible_staff_ids()) == ["GW-C02-G01", "GW-C02-G02"]
    areas = {board.proxy.index(r, 2).data() for r in range(board.proxy.rowCount())}
    assert areas == {"Community 2 · C02-G01", "Community 2 · C02-G02"}  # grids have no English name of their own
    board.set_filters(kind=None, community=None)
    model.submit([StaffStatusChanged(T0, "VOL-1", StaffStatus.OFF_DUTY)])
    qtbot.waitUntil(lambda: "VOL-1" not in board.visible_staff_ids())
    assert "6 shown · 6 on duty" in board.summary.full_text()


def test_the_wall_shows_queue_and_staff_without_the_desks_controls(qtbot, model, languages):
    model.submit([report("K1")])
    model.drain()
    wall = build_wall(model, "op")
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    queue, staff = wall.stack.widget(PAGES.index("cases")), wall.stack.widget(PAGES.index("staff"))
    wall.show_page("cases")
    assert not queue.risk_box.isVisible() and not queue.export_button.isVisible()
    assert queue.count_label.isVisible() and queue.count_label.text() == "1 of 1 cases"
    assert [queue.view.isColumnHidden(c) for c in range(len(QUEUE_COLUMNS))] == [
        c in ("source", "owner") for c in QUEUE_COLUMNS]
    wall.show_page("staff")
    assert not staff.role_box.isVisible() and staff.summary.isVisible()
    desk = build_desk(model, "op")
    qtbot.addWidget(desk.window)
    assert not desk.queue.risk_box.isHidden() and not desk.queue.view.isColumnHidden(QUEUE_COLUMNS.index("source"))
    wall.close()
    desk.window.close()


def test_the_wall_map_is_read_not_operated_and_its_type_follows_the_screen(qtbot, model, languages):
    wall = build_wall(model, "op")
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    wall.fit_to_height(1080)
    panel = wall.map_panel
    assert panel.for_wall and not panel._search.isVisible() and not panel._measure_box.isVisible()
    assert panel.legend.isVisible() and panel._legend_title.text() == "Open cases:"
    at_1080 = panel._labels.pixel_size, panel.legend_swatch_size()
    wall.fit_to_height(2160)
    at_2160 = panel._labels.pixel_size, panel.legend_swatch_size()
    assert at_1080 == (27, (43, 27)) and at_2160 == (54, (86, 54))
    desk = build_desk(model, "op")
    qtbot.addWidget(desk.window)
    assert not desk.map_panel.for_wall and not desk.map_panel._search.isHidden()
    assert desk.map_panel._labels.pixel_size == 15
    wall.close()
    desk.window.close()


@pytest.mark.slow
def test_render_snapshot_writes_a_png_that_is_not_blank(qapp, tmp_path):
    out = render_snapshot(tmp_path / "wall.png", size=(960, 540), lang="en", page="kpi", minutes=10, at=EVENING)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 540)
    colours = {image.pixel(x, y) for x in range(0, 960, 16) for y in range(0, 540, 16)}
    assert len(colours) > 20


def test_picking_an_area_on_the_map_filters_the_queue_to_its_community(qtbot, model, twin, languages):
    desk = build_desk(model, "op")
    qtbot.addWidget(desk.window)
    model.submit([report("K1", col=0), report("K2", col=2), report("K3", col=3, row=1)])
    model.drain()
    desk.map_panel.drill_to("community", "C02")
    assert desk.queue.proxy.community == "C02"
    assert desk.queue.community_box.currentData() == "C02"
    assert desk.queue.proxy.rowCount() == 2
    desk.map_panel.drill_to("micro", "C01-G01-M01")
    assert desk.queue.proxy.community == "C01" and desk.queue.proxy.rowCount() == 1
    desk.map_panel.drill_to("street", twin.street.id)
    assert desk.queue.proxy.community is None and desk.queue.proxy.rowCount() == 3
    # Flying to a case for the banner or the queue moves the map without narrowing the queue.
    desk.queue.sig_open_case_requested.emit("K2")
    assert desk.queue.proxy.community is None
    desk.window.close()
