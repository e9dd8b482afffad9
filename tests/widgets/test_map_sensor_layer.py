"""The map's sensor layer is rebuilt only when a sensor's state changes, not when staff move."""

from __future__ import annotations

from datetime import timedelta

from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import AlarmRaised, SensorReading, StaffMoved
from tests.core.tiny import centre
from tests.widgets.conftest import T0
from widgets.map_panel import MapPanel


def test_staff_moving_leaves_the_sensor_markers_alone(qtbot, model, twin, monkeypatch):
    panel = MapPanel(model)
    qtbot.addWidget(panel)
    panel.refresh()
    rebuilt: list[int] = []
    original = panel._sensors.set_points
    monkeypatch.setattr(panel._sensors, "set_points", lambda *a, **k: (rebuilt.append(1), original(*a, **k)))
    staff_id = next(iter(twin.staff))
    for minute in range(1, 4):
        model.submit([StaffMoved(T0 + timedelta(minutes=minute), staff_id, *centre(1, minute % 2))])
        model.drain()
        panel.refresh()
    assert rebuilt == []
    model.submit([SensorReading(T0 + timedelta(minutes=5), "SMK-1", 1, {"smoke": 0.0})])
    model.drain()
    panel.refresh()
    assert rebuilt == []  # a reading that changes no marker's state redraws nothing either
    model.submit([AlarmRaised(T0 + timedelta(minutes=6), "AL-1", "sensor", RiskLevel.RED, sensor_id="SMK-1")])
    model.drain()
    panel.refresh()
    assert rebuilt == [1]  # the alarming detector becomes a star
