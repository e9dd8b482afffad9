"""Alarms that cannot be missed: the banner stays until acknowledged and a red alarm stops the wall."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cockpit.ingest.service import DATA_LOSS, data_loss_detail
from cockpit.sla import live_derivers
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import AlarmState, RiskLevel, Source
from cockpit.vocabulary.events import AlarmRaised, CaseReported, ClockTick
from tests.widgets.conftest import T0, report
from widgets import i18n
from widgets.alarm_banner import AlarmBanner
from widgets.app import build_wall
from widgets.theme import wall_pixel_size, wall_stylesheet
from widgets.twin_model import TwinModel


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


@pytest.fixture(scope="module")
def demo_street():
    return load_demo_street()


def _banner_on_a_wall(qtbot, model, size):
    """A wall of ``size`` pixels, typed as the wall types it, with the banner alone at its top."""
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(wall_stylesheet(size[1]))
    host.setFixedSize(*size)
    banner = AlarmBanner(model, actor="op")
    banner.set_for_wall(True)
    column = QVBoxLayout(host)
    column.addWidget(banner)
    column.addStretch(1)
    host.show()
    qtbot.waitExposed(host)
    return host, banner


def _whole(label) -> bool:
    return label.text() == label.full_text() and not label.text().endswith("…")


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_wall_banner_reads_whole_with_its_place_on_its_own_line(qtbot, languages, demo_street, size, lang):
    languages.set_language(lang)
    twin = TwinState(demo_street, derivers=live_derivers())
    twin.apply(ClockTick(T0))
    model = TwinModel(twin)
    # Eight red cases in the micro-grid with the longest full English name: one shown, 7 more waiting.
    micro = max(demo_street.micro_grids, key=lambda m: len(demo_street.community(m.community_id).name_en))
    point = micro.polygon.representative_point()
    model.submit([CaseReported(T0 + timedelta(minutes=i), f"K20261124-003{i}", "elderly_emergency", Source.SENSOR,
                               point.x, point.y, micro.id, micro.general_grid_id, micro.community_id,
                               risk=RiskLevel.RED) for i in range(8)])
    model.drain()
    try:
        _host, banner = _banner_on_a_wall(qtbot, model, size)
        case = twin.cases[twin.alarms[banner.alarm_id].case_id]
        assert banner.headline.full_text().startswith("⚠ ") and case.id in banner.headline.full_text()
        assert i18n.alarm_kind_name("red_case") in banner.headline.full_text()
        expected = (micro.name if lang == "zh"
                    else f"{demo_street.community(micro.community_id).name_en} · {micro.id}")
        assert banner.place.full_text() == expected
        assert _whole(banner.headline) and _whole(banner.place)
        assert banner.place.y() > banner.headline.y()  # the place has a line of its own
        px = wall_pixel_size(size[1])
        for button in (banner.show_button, banner.ack_button):
            padding = button.width() - button.fontMetrics().horizontalAdvance(button.text())
            assert padding >= 1.5 * px  # 0.8 em each side: 4K buttons are padded twice as wide as 1080p ones
        assert banner.count.text() == banner.tr("{n} more waiting").format(n=7)
        assert banner.show_button.x() - banner.count.geometry().right() >= 0.5 * px  # the count does not touch
    finally:
        model.close()


def test_a_sensor_alarm_names_its_risk_sensor_and_place(qtbot, model, twin, languages):
    banner = AlarmBanner(model, actor="op")
    qtbot.addWidget(banner)
    model.submit([AlarmRaised(T0, "A-SMK-1", "sensor", RiskLevel.YELLOW, sensor_id="SMK-1")])
    model.drain()
    assert banner.headline.full_text() == "⚠ yellow · sensor alarm · smoke detector · SMK-1 · 20:00"
    assert banner.place.full_text() == "Community 1 · C01-G01-M01"
    languages.set_language("zh")
    assert banner.headline.full_text() == "⚠ 黄 · 感知告警 · 烟感 · SMK-1 · 20:00"


def test_a_lost_broker_session_is_a_red_alarm_with_the_count_of_missing_messages(qtbot, model, languages):
    banner = AlarmBanner(model, actor="op")
    qtbot.addWidget(banner)
    model.submit([AlarmRaised(T0, "ALM-LOSS-1", DATA_LOSS, RiskLevel.RED, detail=data_loss_detail(6504, T0))])
    model.drain()
    assert banner.headline.full_text() == "⚠ red · possible data loss · 6504 messages missing · 20:00"
    languages.set_language("zh")
    assert banner.headline.full_text() == "⚠ 红 · 可能丢失数据 · 缺失 6504 条消息 · 20:00"
