"""Device health: the street's sensors that need a technician, by community.

Three troubles, each from the twin's own records:

- **offline**: no reading for more than three of its reporting intervals (it missed three reports;
  one late message is not a dead device) — :meth:`~cockpit.records.SensorState.silent`;
- **low battery**: its last reading's ``battery`` (a fraction, 0-1) is under :data:`LOW_BATTERY`;
- **flapping**: one of its alarm rules sees it going on and off within the rule's flap window
  (the rule engine says so with ``SensorFlapping``).

A device may have several troubles; it is listed once with all of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from cockpit.twin import TwinState
from cockpit.vocabulary.domain import SensorKind

LOW_BATTERY = 0.2
"""A battery under a fifth of its charge needs changing before the device goes silent."""
OFFLINE, LOW_BATTERY_TROUBLE, FLAPPING = "offline", "low_battery", "flapping"
TROUBLES = (OFFLINE, LOW_BATTERY_TROUBLE, FLAPPING)


@dataclass(frozen=True, slots=True)
class DeviceTrouble:
    """One device that needs attention: where it is, what it is, what is wrong, since when it was heard."""

    sensor_id: str
    kind: SensorKind
    community_id: str
    micro_grid_id: str
    troubles: tuple[str, ...]
    last_seen: datetime | None
    battery: float | None


def device_troubles(twin: TwinState, now: datetime) -> list[DeviceTrouble]:
    """Every sensor with a trouble at ``now``, by community, then id."""
    street = twin.street
    out = []
    for state in twin.sensors.values():
        troubles = []
        if state.silent(now):
            troubles.append(OFFLINE)
        battery = state.last_values.get("battery")
        if battery is not None and battery < LOW_BATTERY:
            troubles.append(LOW_BATTERY_TROUBLE)
        if state.flapping:
            troubles.append(FLAPPING)
        if troubles:
            sensor = state.sensor
            micro = street.micro_grid(sensor.micro_grid_id)
            out.append(DeviceTrouble(sensor.id, sensor.kind, micro.community_id, micro.id, tuple(troubles),
                                     state.last_seen, battery))
    out.sort(key=lambda d: (d.community_id, d.sensor_id))
    return out


def troubles_by_community(troubles: list[DeviceTrouble]) -> dict[str, Counter[str]]:
    """How many devices have each trouble, per community."""
    counts: dict[str, Counter[str]] = {}
    for device in troubles:
        counts.setdefault(device.community_id, Counter()).update(device.troubles)
    return counts
