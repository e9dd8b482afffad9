"""Alarm handling at the desk as control rooms do it: acknowledge with a comment, shelve with a reason
and an expiry, one flood alarm for a flood, a sound for red only, and the wall resuming its rotation
once every red alarm is dealt with."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cockpit.vocabulary.domain import AlarmState, RiskLevel
from cockpit.vocabulary.events import AlarmRaised, ClockTick
from tests.widgets.conftest import T0, report
from widgets.alarm_banner import AlarmBanner
from widgets.app import build_wall


@pytest.fixture
def banner(qtbot, model):
    widget = AlarmBanner(model, actor="值班员李")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_acknowledge_records_the_comment(qtbot, model, twin, banner, languages):
    model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED)])
    model.drain()
    alarm_id = banner.alarm_id
    banner.comment.setText("  fire brigade informed ")
    qtbot.mouseClick(banner.ack_button, Qt.MouseButton.LeftButton)
    alarm = twin.alarms[alarm_id]
    assert alarm.state is AlarmState.ACKNOWLEDGED and alarm.comment == "fire brigade informed"
    assert banner.comment.text() == "" and banner.isHidden()


def test_a_shelved_alarm_leaves_the_banner_and_comes_back_when_its_shelving_expires(qtbot, model, twin, banner,
                                                                                   languages):
    model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED)])
    model.drain()
    alarm_id = banner.alarm_id
    banner.ask_shelving = lambda alarm: ("detector under repair, technician on site", timedelta(minutes=15))
    qtbot.mouseClick(banner.shelve_button, Qt.MouseButton.LeftButton)
    alarm = twin.alarms[alarm_id]
    assert alarm.shelved and alarm.shelved_by == "值班员李" and alarm.state is AlarmState.ACTIVE
    assert banner.isHidden()
    assert not model.command(twin.shelve, alarm_id, "值班员李", "  ", T0 + timedelta(hours=1))  # a reason is required
    with qtbot.waitSignal(model.alarm_raised) as back:
        model.submit([ClockTick(T0 + timedelta(minutes=16))])
    assert back.args == [alarm_id]
    assert not twin.alarms[alarm_id].shelved and banner.isVisible() and banner.alarm_id == alarm_id


def test_a_flood_shows_as_one_alarm_and_its_acknowledgement_covers_them_all(qtbot, model, twin, banner, languages):
    flood = AlarmRaised(T0, "AL-FLOOD-C01-1", "flood", RiskLevel.RED, area_id="C01")
    members = [AlarmRaised(T0, f"AL-{i}", "sensor", RiskLevel.RED, sensor_id="SMK-1", flood_id=flood.alarm_id)
               for i in range(12)]
    model.submit([flood, *members])
    model.drain()
    assert banner.alarm_id == flood.alarm_id and banner.count.text() == ""
    assert banner.headline.full_text().startswith("⚠ red · alarm flood · 12 alarms within a minute")
    assert banner.place.full_text() == "Community 1"
    assert not banner.shelve_button.isEnabled()
    banner.acknowledge()
    assert all(twin.alarms[m.alarm_id].state is AlarmState.ACKNOWLEDGED for m in members)
    assert banner.isHidden()


def test_the_sound_is_for_red_alarms_only(qtbot, model, twin, banner, monkeypatch, languages):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    banner.sound = True
    model.submit([AlarmRaised(T0, "A-Y", "sensor", RiskLevel.YELLOW, sensor_id="SMK-1")])
    model.drain()
    assert beeps == [] and banner.isVisible()
    model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED)])
    model.drain()
    assert beeps == [1]
    banner.sound = False
    model.submit([report("K2", category="fire_hazard", col=3, risk=RiskLevel.RED)])
    model.drain()
    assert beeps == [1]


def test_the_wall_resumes_when_every_red_alarm_is_acknowledged_or_shelved(qtbot, model, twin, languages):
    wall = build_wall(model, "值班员李", rotate_ms=50)
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    wall.start_rotation()
    model.submit([report("K1", category="fire_hazard", risk=RiskLevel.RED),
                  report("K2", category="fire_hazard", col=3, risk=RiskLevel.RED)])
    model.drain()
    assert wall.interrupted and not wall.rotating
    assert not wall.banner.comment.isVisible() and not wall.banner.shelve_button.isVisible()
    first, second = (a.id for a in twin.annunciated_alarms())
    model.command(twin.acknowledge, first, "值班员李")
    assert wall.interrupted  # one red alarm still waits
    with qtbot.waitSignal(wall.interrupted_changed) as resumed:
        model.command(twin.shelve, second, "值班员李", "false alarm, technician called", T0 + timedelta(hours=1))
    assert resumed.args == [False] and wall.rotating
    wall.close()
