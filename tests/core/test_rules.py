"""Alarm rules on scripted reading sequences: duration, N in a row, repeat, clear, flap, no-signal."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.rules import Condition, RuleEngine, load_rules
from cockpit.rules.model import rule_from_dict
from cockpit.twin import TwinState
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import RiskLevel, Source
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, AlarmRepeated, CaseReported, SensorReading
from tests.core.tiny import tiny_street

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


def reading(sensor: str, seconds: float, seq: int, **values: float) -> SensorReading:
    return SensorReading(T0 + timedelta(seconds=seconds), sensor, seq, values)


def engine() -> RuleEngine:
    return RuleEngine(tiny_street(), load_rules(categories=default_categories()), start=T0)


def kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]


def test_conditions_parse_and_negate():
    assert Condition.parse("tilt_deg > 15").holds(15.5)
    assert not Condition.parse("tilt_deg > 15").holds(15)
    band = Condition.parse("heart_rate outside 40..130")
    assert band.holds(39) and band.holds(131) and not band.holds(80)
    assert band.negated().holds(80)
    assert Condition.parse("smoke >= 1").negated() == Condition("smoke", "<", 1.0)
    with pytest.raises(ValueError, match="expected"):
        Condition.parse("smoke is high")
    with pytest.raises(ValueError, match="either trigger or no_signal"):
        rule_from_dict({"id": "x", "kinds": ["smoke"], "category": "fire_hazard", "risk": "red"})
    with pytest.raises(ValueError, match="unknown key"):
        rule_from_dict({"id": "x", "kinds": ["smoke"], "category": "fire_hazard", "risk": "red",
                        "trigger": "smoke >= 1", "treshold": 3})


def test_default_rules_cover_every_sensor_kind():
    from cockpit.vocabulary.domain import SensorKind

    covered = set().union(*(r.kinds for r in load_rules()))
    assert covered == set(SensorKind)


def test_smoke_alarm_opens_a_red_fire_case_in_the_sensors_micro_grid():
    rules = engine()
    assert rules.feed(reading("SMK-1", 0, 1, smoke=0)) == []
    events = rules.feed(reading("SMK-1", 10, 2, smoke=1))
    assert kinds(events) == ["CaseReported", "AlarmRaised"]
    case, alarm = events
    assert isinstance(case, CaseReported) and isinstance(alarm, AlarmRaised)
    assert (case.category, case.risk, case.source) == ("fire_hazard", RiskLevel.RED, Source.SENSOR)
    assert (case.micro_grid_id, case.general_grid_id, case.community_id) == ("C01-G01-M01", "C01-G01", "C01")
    assert alarm.case_id == case.case_id and case.alarm_id == alarm.alarm_id
    assert (alarm.alarm_kind, alarm.sensor_id, alarm.rule_id) == ("sensor", "SMK-1", "smoke")
    # The events fold into the twin: one case, one active alarm on the sensor.
    twin = TwinState(tiny_street())
    twin.apply_many(events)
    assert twin.cases[case.case_id].alarm_id == alarm.alarm_id
    assert twin.sensors["SMK-1"].alarm_id == alarm.alarm_id


def test_repeats_attach_to_the_open_alarm_rate_limited_and_clear_is_debounced():
    rules = engine()
    raised = rules.feed(reading("SMK-1", 0, 1, smoke=1))
    alarm_id = raised[1].alarm_id
    # Repeats within repeat_every_s (60 s) are not counted again; after it they are.
    assert rules.feed(reading("SMK-1", 30, 2, smoke=1)) == []
    assert rules.feed(reading("SMK-1", 70, 3, smoke=1)) == [AlarmRepeated(T0 + timedelta(seconds=70), alarm_id)]
    # clear_count = 2: one clean reading is not enough, a trigger in between restarts the count.
    assert rules.feed(reading("SMK-1", 80, 4, smoke=0)) == []
    assert kinds(rules.feed(reading("SMK-1", 200, 5, smoke=1))) == ["AlarmRepeated"]
    assert rules.feed(reading("SMK-1", 210, 6, smoke=0)) == []
    cleared = rules.feed(reading("SMK-1", 220, 7, smoke=0))
    assert kinds(cleared) == ["AlarmCleared"] and cleared[0].alarm_id == alarm_id
    assert rules.active() == {}
    twin = TwinState(tiny_street())
    twin.apply_many(raised + [AlarmRepeated(T0 + timedelta(seconds=70), alarm_id)] + cleared)
    assert twin.alarms[alarm_id].repeats == 1 and twin.cases[raised[0].case_id].repeats == 1
    # A new fire after the clear opens a new case.
    again = rules.feed(reading("SMK-1", 400, 8, smoke=1))
    assert kinds(again) == ["CaseReported", "AlarmRaised"] and again[1].alarm_id != alarm_id


def test_for_duration_and_n_in_a_row_with_hysteresis():
    rules = engine()
    # Manhole tilt > 15 for 60 s over at least two readings.
    assert rules.feed(reading("MH-1", 0, 1, tilt_deg=20)) == []
    assert rules.feed(reading("MH-1", 30, 2, tilt_deg=21)) == []          # 2 in a row but only 30 s
    assert rules.feed(reading("MH-1", 45, 3, tilt_deg=3)) == []           # interrupted: starts again
    assert rules.feed(reading("MH-1", 50, 4, tilt_deg=20)) == []
    assert rules.feed(reading("MH-1", 100, 5, tilt_deg=20)) == []         # 50 s
    events = rules.feed(reading("MH-1", 110, 6, tilt_deg=20))             # 60 s: raise
    assert kinds(events) == ["CaseReported", "AlarmRaised"]
    assert (events[0].category, events[0].risk) == ("public_facility", RiskLevel.YELLOW)
    # Between the clear (< 5) and trigger (> 15) thresholds nothing happens: hysteresis.
    assert rules.feed(reading("MH-1", 200, 7, tilt_deg=10)) == []
    assert kinds(rules.feed(reading("MH-1", 300, 8, tilt_deg=2))) == ["AlarmCleared"]


def test_heart_rate_out_of_range_for_60_s_is_a_yellow_elderly_emergency():
    rules = engine()
    assert rules.feed(reading("BRC-1", 0, 1, heart_rate=150, sos=0)) == []
    events = rules.feed(reading("BRC-1", 60, 2, heart_rate=145, sos=0))
    assert kinds(events) == ["CaseReported", "AlarmRaised"]
    assert (events[0].category, events[0].risk) == ("elderly_emergency", RiskLevel.YELLOW)
    assert rules.feed(reading("BRC-1", 120, 3, heart_rate=125, sos=0)) == []  # 125: not yet inside 45..120
    assert rules.feed(reading("BRC-1", 180, 4, heart_rate=80, sos=0)) == []
    assert kinds(rules.feed(reading("BRC-1", 240, 5, heart_rate=82, sos=0))) == ["AlarmCleared"]


def test_a_flapping_sensor_keeps_one_alarm_and_one_case():
    rules = engine()
    events = []
    # On and off every 20 s for 10 minutes: smoke clears after 2 clean readings, so without flap
    # detection this would open a new case every minute.
    seq = 0
    for cycle in range(10):
        base = cycle * 60
        for offset, value in ((0, 1), (20, 0), (40, 0)):
            seq += 1
            events += rules.feed(reading("SMK-1", base + offset, seq, smoke=value))
    raised = [e for e in events if isinstance(e, AlarmRaised)]
    cleared = [e for e in events if isinstance(e, AlarmCleared)]
    cases = [e for e in events if isinstance(e, CaseReported)]
    assert len(cleared) == 3 and len(raised) == 4 and len(cases) == 4   # until flap_max (4) edges
    assert ("SMK-1", "smoke") in rules.flapping()
    assert len(rules.active()) == 1
    held = rules.active()[("SMK-1", "smoke")]
    # Once it stays quiet for a whole flap window (600 s) the held alarm clears.
    assert rules.feed(reading("SMK-1", 620, seq + 1, smoke=0)) == []
    out = rules.feed(reading("SMK-1", 620 + 610, seq + 2, smoke=0))
    assert kinds(out) == ["AlarmCleared"] and out[0].alarm_id == held and "flapping" in out[0].reason
    assert rules.flapping() == set()


def test_no_signal_raises_on_ticks_and_clears_when_heard_again():
    rules = engine()
    # BRC-1 reports every 60 s; bracelet_offline fires after 6 x 60 s of silence.
    rules.feed(reading("BRC-1", 0, 1, heart_rate=70, sos=0))
    assert [e for e in rules.tick(T0 + timedelta(seconds=350)) if e.kind == "alarm"] == []
    events = rules.tick(T0 + timedelta(seconds=361))
    brc = [e for e in events if isinstance(e, AlarmRaised) and e.sensor_id == "BRC-1"]
    assert len(brc) == 1 and brc[0].rule_id == "bracelet_offline" and brc[0].risk is RiskLevel.YELLOW
    # Not raised twice while it stays silent.
    assert not [e for e in rules.tick(T0 + timedelta(seconds=400)) if getattr(e, "sensor_id", None) == "BRC-1"]
    back = rules.feed(reading("BRC-1", 420, 2, heart_rate=70, sos=0))
    assert [(type(e).__name__, e.alarm_id) for e in back] == [("AlarmCleared", brc[0].alarm_id)]
    # The smoke detector (interval 300 s, factor 3) never heard since start goes silent after 900 s.
    rules.feed(reading("BRC-1", 800, 3, heart_rate=70, sos=0))
    late = rules.tick(T0 + timedelta(seconds=901))
    assert [e.sensor_id for e in late if isinstance(e, AlarmRaised)] == ["SMK-1"]


def test_adopted_alarms_repeat_instead_of_opening_new_cases():
    first = engine()
    events = first.feed(reading("SMK-1", 0, 1, smoke=1))
    twin = TwinState(tiny_street())
    twin.apply_many(events)
    restarted = engine()
    assert restarted.adopt(twin.alarms.values()) == 1
    assert kinds(restarted.feed(reading("SMK-1", 100, 2, smoke=1))) == ["AlarmRepeated"]
