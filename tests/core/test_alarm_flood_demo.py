"""The demo's own sensors through the ingest, as the operator journey meets them: the flapping smoke
detector and the smoke alarm spreading through a building open one case each, their repeats counted,
and the operator has a handful of alarms to acknowledge in five minutes, not dozens."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.ingest.service import IngestService
from cockpit.ingest.simulated_sensors import SensorSimulator
from cockpit.rules.model import load_rules
from cockpit.sla import live_derivers
from cockpit.storage.db import open_database
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import CaseRejected, ClockTick

START = datetime(2026, 11, 24, 12, 14, tzinfo=timezone.utc)
RATE = 10  # messages a second, as the demo publishes them


@pytest.fixture(scope="module")
def street():
    return load_demo_street()


def _run(street, db, minutes: float, reject_after: timedelta | None = None) -> tuple[TwinState, SensorSimulator]:
    twin = TwinState(street, derivers=live_derivers())
    twin.apply(ClockTick(START))
    now = [START]
    simulator = SensorSimulator(street, seed=7, clock=lambda: now[0])
    service = IngestService(street, db, sink=lambda events: twin.apply_many(events, on_error=lambda e, x: None),
                            rules=load_rules(None, twin.categories))
    messages = simulator.messages()
    for second in range(int(minutes * 60)):
        now[0] = START + timedelta(seconds=second)
        service.handle_many([(m.topic, m.payload, None) for m in (next(messages) for _ in range(RATE))], now[0])
        service.tick(now[0])
        service.flush()
        twin.apply(ClockTick(now[0]))
        if reject_after is not None and now[0] - START == reject_after:
            flapping = [c for c in twin.cases.values() if c.reporter == simulator.incidents["flapping_smoke"]]
            for case in flapping:
                twin.apply(CaseRejected(now[0], case.id, "operator", "false alarm: dust"))
            service.cases_ended(c.id for c in flapping)
    return twin, simulator


def test_five_minutes_of_the_demo_sensors_open_one_case_per_detector(street, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'flood.sqlite'}")
    try:
        twin, simulator = _run(street, db, minutes=5)
    finally:
        db.close()
    flapping = simulator.incidents["flapping_smoke"]
    cases = [c for c in twin.cases.values() if c.reporter == flapping]
    assert len(cases) == 1 and cases[0].risk is RiskLevel.RED
    assert cases[0].repeats >= 1 or twin.alarms[cases[0].alarm_id].repeats >= 3
    by_sensor: dict[str, int] = {}
    for case in twin.cases.values():
        by_sensor[case.reporter] = by_sensor.get(case.reporter, 0) + 1
    assert max(by_sensor.values()) == 1  # no sensor opened two cases
    # The fire, the SOS and the flapping detector: three sensor alarms to acknowledge, each once (the
    # street's stations and caches may add their low-stock alarms beside them).
    waiting = [a for a in twin.annunciated_alarms() if a.alarm_kind == "sensor"]
    assert sorted(a.sensor_id for a in waiting) == sorted(
        simulator.incidents[k] for k in ("smoke_fire", "sos_bracelet", "flapping_smoke")), waiting


def test_a_false_alarm_rejected_does_not_come_back_while_its_detector_keeps_flapping(street, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'flood2.sqlite'}")
    try:
        twin, simulator = _run(street, db, minutes=12, reject_after=timedelta(minutes=2))
    finally:
        db.close()
    flapping = simulator.incidents["flapping_smoke"]
    cases = [c for c in twin.cases.values() if c.reporter == flapping]
    assert len(cases) == 1 and not cases[0].status.open
    # Its alarm never stayed quiet for the hold-off: it is still the one alarm, counting the repeats.
    alarms = [a for a in twin.alarms.values() if a.sensor_id == flapping]
    assert len(alarms) == 1 and alarms[0].repeats >= 5
