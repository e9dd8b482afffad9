"""The one reading generator: every rule's value is one a sensor sends, and alarms are the rule engine's."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from cockpit.vocabulary.domain import SensorKind
from cockpit.vocabulary.events import AlarmRaised, CaseReported, SensorReading
from cockpit.readings import default_readings, load_sensor_table, meeting
from cockpit.resources import resource_path
from cockpit.rules.engine import RuleEngine
from cockpit.rules.model import Condition, load_rules
from cockpit.street.model import Sensor

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)


def test_every_kind_has_values_and_every_rule_watches_a_value_its_sensors_send():
    readings = default_readings()
    rng = np.random.default_rng(1)
    sent = {kind: set(readings.healthy(kind, rng, 10.0)) for kind in SensorKind}
    assert all(sent.values())
    for rule in load_rules():
        for kind in rule.kinds:
            if rule.trigger is not None:
                assert rule.trigger.value in sent[kind], (rule.id, kind)


@pytest.mark.parametrize("rule", [r for r in load_rules() if r.trigger is not None], ids=lambda r: r.id)
def test_alarming_readings_raise_the_rule_and_healthy_ones_do_not(tiny_street, rule):
    readings = default_readings()
    rng = np.random.default_rng(3)
    kind = sorted(rule.kinds)[0]
    sensor = Sensor("S-1", kind, 104.0, 30.6, tiny_street.micro_grids[0].id, 60, elderly_alone=True)
    street = dataclasses.replace(tiny_street, sensors=(sensor,))
    engine = RuleEngine(street, [rule])
    count = max(rule.count, 2 if rule.for_s > 0 else 1)
    step = rule.for_s / (count - 1) if count > 1 else 0.0
    events = []
    for k in range(count):
        at = T0 + timedelta(seconds=k * step)
        events += engine.feed(SensorReading(at, "S-1", k + 1, readings.alarming(kind, rule, rng, 10.0)))
    assert [type(e) for e in events] == [CaseReported, AlarmRaised]
    assert events[0].category == rule.category and events[1].rule_id == rule.id
    spec = next(v for v in readings.table[kind] if v.name == rule.trigger.value)
    if spec.dist == "bernoulli":
        return  # a camera's flag is now and then raised by chance, as a real camera's is
    quiet = RuleEngine(street, [rule])
    raised = []
    for k in range(300):
        values = readings.healthy(kind, rng, k % 24)
        raised += quiet.feed(SensorReading(T0 + timedelta(minutes=10 * k), "S-1", k + 1, values))
    assert not any(isinstance(e, AlarmRaised) for e in raised)


@pytest.mark.parametrize("text", ["smoke >= 1", "tilt_deg > 15", "flow_l <= 0", "x < 3", "x != 2",
                                  "heart_rate outside 40..130", "heart_rate inside 45..120", "x == 4"])
def test_a_meeting_value_meets_its_condition(text):
    condition = Condition.parse(text)
    assert condition.holds(meeting(condition))


def test_battery_is_a_share_for_every_kind_that_reports_one():
    readings = default_readings()
    rng = np.random.default_rng(5)
    for kind in SensorKind:
        values = [readings.healthy(kind, rng, 12.0) for _ in range(200)]
        batteries = [v["battery"] for v in values if "battery" in v]
        assert all(0.0 <= b <= 1.0 for b in batteries), kind


@pytest.mark.parametrize(("line", "message"), [
    ("[camera]", "camera"),
    ("smoke = { constant = 0 }", "smoke.smoke: give one of"),
    ("flow_l = { lognormal = [2.5, 0.8], zero = 0.3, digits = 2 }", "flow_l: lognormal takes two numbers"),
])
def test_a_bad_sensor_table_names_the_kind_and_value(tmp_path, line, message):
    text = resource_path("sensors.toml").read_text(encoding="utf-8")
    broken = {"[camera]": "[camara]", "smoke = { constant = 0 }": "smoke = { constant = 0, normal = [1, 2] }",
              "flow_l = { lognormal = [2.5, 0.8], zero = 0.3, digits = 2 }": "flow_l = { lognormal = 2.5 }"}[line]
    path = tmp_path / "sensors.toml"
    path.write_text(text.replace(line, broken), encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("[", r"\[") if line != "[camera]" else "camara"):
        load_sensor_table(path)
