"""Alarms that cannot be missed: the banner stays until acknowledged and a red alarm stops the wall."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cockpit.domain import AlarmState, RiskLevel
from tests.widgets.conftest import report
from widgets.alarm_banner import AlarmBanner
from widgets.app import build_wall


def test_banner_stays_until_acknowledged_and_records_who(qtbot, model, twin, languages):
    host = QWidget()
    qtbot.addWidget(host)
    banner = AlarmBanner(model, actor="值班员李", parent=host)
    QVBoxLayout(host).addWidget(banner)
    host.show()
    assert banner.isHidden()
    with qtbot.waitSignal(banner.pending_changed) as pending:
        model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED),
                      report("K2", category="fire_hazard", col=3, risk=RiskLevel.RED)])
    assert pending.args == [2]
    assert banner.isVisible() and "1 more waiting" in banner.count.text()
    first = banner.alarm_id
    model.submit([report("K3")])  # a blue case: no alarm, the banner does not move
    model.drain()
    assert banner.isVisible() and banner.alarm_id == first
    qtbot.mouseClick(banner.ack_button, Qt.MouseButton.LeftButton)
    assert twin.alarms[first].state is AlarmState.ACKNOWLEDGED
    assert twin.alarms[first].acknowledged_by == "值班员李"
    assert banner.isVisible() and banner.count.text() == ""
    with qtbot.waitSignal(banner.sig_show_case_requested) as shown:
        qtbot.mouseClick(banner.show_button, Qt.MouseButton.LeftButton)
    assert shown.args == [twin.alarms[banner.alarm_id].case_id]
    banner.acknowledge()
    assert banner.isHidden() and banner.pending == 0


@pytest.fixture
def wall(qtbot, model, languages):
    display = build_wall(model, "值班员李", rotate_ms=50)
    qtbot.addWidget(display)
    display.resize(1280, 720)
    display.show()
    yield display
    display.close()


def test_red_alarm_interrupts_rotation_until_acknowledged(qtbot, model, twin, wall):
    wall.start_rotation()
    qtbot.waitUntil(lambda: wall.page != "map")  # the pages rotate
    with qtbot.waitSignal(wall.interrupted_changed) as interrupted:
        model.submit([report("K1", category="fire_hazard", col=3, risk=RiskLevel.RED)])
    assert interrupted.args == [True]
    assert wall.page == "map" and not wall.rotating
    assert wall.map_panel.focus == ("micro", twin.cases["K1"].micro_grid_id)
    assert wall.banner.isVisible()
    qtbot.wait(200)  # four rotation periods: the wall must stay on the map
    assert wall.page == "map" and wall.banner.isVisible()
    with qtbot.waitSignal(wall.interrupted_changed) as resumed:
        wall.banner.acknowledge()
    assert resumed.args == [False]
    assert wall.rotating and wall.banner.isHidden()
    qtbot.waitUntil(lambda: wall.page != "map")


def test_a_blue_case_does_not_stop_the_wall(qtbot, model, wall):
    wall.start_rotation()
    model.submit([report("K1")])
    model.drain()
    assert not wall.interrupted and wall.rotating


def test_wall_type_scales_with_screen_height(qtbot, wall):
    wall.fit_to_height(1080)
    small = wall.title.font().pixelSize()
    wall.fit_to_height(2160)
    assert wall.title.font().pixelSize() == 2 * small
    assert small >= 36  # 1.4 × 27 px body text on a 1080p wall
