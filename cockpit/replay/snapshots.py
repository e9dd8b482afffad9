"""Snapshots of the replay twin, the retention rule, and a canonical dump to compare states.

A snapshot is a private copy of the twin's records (cases with their history, staff, sensors,
resources, alarms, the clock). Records are copied field by field; the history's transitions are frozen and
shared. Restoring copies the snapshot again *into* an existing twin, so widgets holding the twin
keep a valid reference across a seek.

Retention: a replay twin holds every case that is not terminal (closed, merged, rejected) and the
terminal ones whose last transition is less than ``retain`` (24 h by default) before the moment
shown; an alarm goes with its case, or ``retain`` after it was cleared. :func:`prune` applies that
rule; the state "at T" is the fold of the stream up to T followed by ``prune(T)`` — the straight
fold and every seek apply it the same way, so their states are equal.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cockpit.records import Alarm, Assignment, Case, ResourceState, SensorState, StaffState
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import AlarmState

RETAIN = timedelta(hours=24)
"""How long a finished case (or a cleared alarm) stays in the replay twin."""

_CASE_FIELDS = tuple(f.name for f in dataclasses.fields(Case))
_ALARM_FIELDS = tuple(f.name for f in dataclasses.fields(Alarm))
_STAFF_FIELDS = tuple(f.name for f in dataclasses.fields(StaffState))
_SENSOR_FIELDS = tuple(f.name for f in dataclasses.fields(SensorState))
_RESOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(ResourceState))
_ASSIGNMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Assignment))


def _copy(record, fields: tuple[str, ...]):
    clone = object.__new__(type(record))
    for name in fields:
        setattr(clone, name, getattr(record, name))
    return clone


def copy_case(case: Case) -> Case:
    clone = _copy(case, _CASE_FIELDS)
    clone.history = list(case.history)
    clone.duplicates = list(case.duplicates)
    return clone


def _copy_staff(staff: StaffState) -> StaffState:
    clone = _copy(staff, _STAFF_FIELDS)
    clone.cases = set(staff.cases)
    return clone


def _copy_sensor(sensor: SensorState) -> SensorState:
    clone = _copy(sensor, _SENSOR_FIELDS)
    clone.last_values = dict(sensor.last_values)
    clone.flapping = set(sensor.flapping)
    return clone


def _copy_resource(resource: ResourceState) -> ResourceState:
    clone = _copy(resource, _RESOURCE_FIELDS)
    clone.stock, clone.capacity = dict(resource.stock), dict(resource.capacity)
    clone.low_alarms = dict(resource.low_alarms)
    clone.out = {k: _copy(a, _ASSIGNMENT_FIELDS) for k, a in resource.out.items()}
    return clone


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The twin's records at stream ``position`` (never handed out; restored by copy)."""

    position: int
    cases: dict[str, Case]
    alarms: dict[str, Alarm]
    staff: dict[str, StaffState]
    sensors: dict[str, SensorState]
    resources: dict[str, ResourceState]
    now: datetime | None
    applied: int


def take(twin: TwinState, position: int) -> Snapshot:
    """A private copy of ``twin``'s records, labelled with the stream position it reflects."""
    return Snapshot(
        position,
        {k: copy_case(c) for k, c in twin.cases.items()},
        {k: _copy(a, _ALARM_FIELDS) for k, a in twin.alarms.items()},
        {k: _copy_staff(s) for k, s in twin.staff.items()},
        {k: _copy_sensor(s) for k, s in twin.sensors.items()},
        {k: _copy_resource(r) for k, r in twin.resources.items()},
        twin.now,
        twin.applied,
    )


def restore(twin: TwinState, snapshot: Snapshot) -> None:
    """Make ``twin``'s records copies of the snapshot's (the twin object itself stays the same)."""
    twin.cases = {k: copy_case(c) for k, c in snapshot.cases.items()}
    twin.alarms = {k: _copy(a, _ALARM_FIELDS) for k, a in snapshot.alarms.items()}
    twin.staff = {k: _copy_staff(s) for k, s in snapshot.staff.items()}
    twin.sensors = {k: _copy_sensor(s) for k, s in snapshot.sensors.items()}
    twin.resources = {k: _copy_resource(r) for k, r in snapshot.resources.items()}
    twin.now = snapshot.now
    twin.applied = snapshot.applied


def finished_at(case: Case) -> datetime | None:
    """When a terminal case took its last transition; None while it is not terminal."""
    if not case.status.terminal:
        return None
    return case.history[-1].at if case.history else case.reported_at


def prune(twin: TwinState, at: datetime, retain: timedelta = RETAIN) -> int:
    """Drop cases terminal before ``at - retain`` with their alarms, and alarms cleared before then.

    Returns the number of cases dropped.
    """
    horizon = at - retain
    old = {k for k, c in twin.cases.items() if c.status.terminal and finished_at(c) < horizon}
    for case_id in old:
        del twin.cases[case_id]
    for alarm_id in [k for k, a in twin.alarms.items()
                     if a.case_id in old
                     or (a.state is AlarmState.CLEARED and a.cleared_at is not None and a.cleared_at < horizon)]:
        del twin.alarms[alarm_id]
    return len(old)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
        return value.value
    return value


def dump(twin: TwinState) -> dict[str, Any]:
    """A canonical, comparable picture of the twin (cases with history, staff, sensors, alarms, clock)."""
    cases = {
        k: {name: _plain(getattr(c, name)) for name in _CASE_FIELDS if name != "history"}
        | {"history": [[_plain(getattr(t, f.name)) for f in dataclasses.fields(t)] for t in c.history]}
        for k, c in sorted(twin.cases.items())
    }
    staff = {k: {"status": s.status.value, "cases": sorted(s.cases), "lon": s.lon, "lat": s.lat,
                 "last_seen": _plain(s.last_seen)} for k, s in sorted(twin.staff.items())}
    sensors = {k: {"values": _plain(s.last_values), "last_seen": _plain(s.last_seen), "seq": s.last_seq,
                   "readings": s.readings, "alarm": s.alarm_id} for k, s in sorted(twin.sensors.items())}
    alarms = {k: {name: _plain(getattr(a, name)) for name in _ALARM_FIELDS}
              for k, a in sorted(twin.alarms.items())}
    resources = {k: {"stock": _plain(r.stock), "capacity": _plain(r.capacity), "lon": r.lon, "lat": r.lat,
                     "last_seen": _plain(r.last_seen), "low_alarms": _plain(r.low_alarms),
                     "out": {c: {name: _plain(getattr(a, name)) for name in _ASSIGNMENT_FIELDS}
                             for c, a in sorted(r.out.items())}}
                 for k, r in sorted(twin.resources.items())}
    return {"now": _plain(twin.now), "applied": twin.applied, "cases": cases, "staff": staff,
            "sensors": sensors, "resources": resources, "alarms": alarms}
