"""Device health: offline, low-battery and flapping devices counted by community and listed."""

from __future__ import annotations

from datetime import timedelta

from cockpit.device_health import FLAPPING, LOW_BATTERY_TROUBLE, OFFLINE, device_troubles
from cockpit.vocabulary.events import ClockTick, SensorFlapping, SensorReading
from tests.widgets.conftest import T0
from widgets.device_health import DeviceHealthPanel


def test_offline_low_battery_and_flapping_devices_by_community(qtbot, model, twin, languages):
    # SMK-1 reports every 300 s: heard at T0, then silent for 16 minutes (more than three intervals).
    # BRC-1 keeps reporting but its battery is at 12 %; MH-1 flaps on its tilt rule.
    model.submit([SensorReading(T0, "SMK-1", 1, {"smoke": 0.0, "battery": 0.9}),
                  SensorReading(T0 + timedelta(minutes=15), "BRC-1", 1, {"heart_rate": 70.0, "battery": 0.12}),
                  SensorReading(T0 + timedelta(minutes=15), "MH-1", 1, {"tilt_deg": 2.0}),
                  SensorFlapping(T0 + timedelta(minutes=15), "MH-1", "manhole_tilt", True),
                  ClockTick(T0 + timedelta(minutes=16))])
    model.drain()
    troubles = {d.sensor_id: d.troubles for d in device_troubles(twin, twin.now)}
    assert troubles == {"SMK-1": (OFFLINE,), "BRC-1": (LOW_BATTERY_TROUBLE,), "MH-1": (FLAPPING,)}
    panel = DeviceHealthPanel(model)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.summary.text().startswith("1 offline (no report for three intervals) · 1 low battery (under 20%)")
    rows = {panel.by_community.item(r, 0).text(): [panel.by_community.item(r, c).text() for c in (1, 2, 3)]
            for r in range(panel.by_community.rowCount())}
    assert rows == {"Community 1": ["1", "1", "0"], "Community 2": ["0", "0", "1"]}
    assert panel.devices.item(0, 0).text() == "BRC-1"  # by community, then id
    assert panel.devices.item(0, 3).text() == "low battery" and panel.devices.item(0, 5).text() == "12%"
    with qtbot.waitSignal(panel.sig_locate_sensor_requested) as located:
        panel.devices.cellDoubleClicked.emit(0, 0)
    assert located.args == [panel.devices.item(0, 0).text()]
