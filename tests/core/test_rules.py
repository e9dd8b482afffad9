"""Alarm rules on scripted reading sequences: duration, N in a row, repeat, clear, flap, no-signal."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.rules import Condition, RuleEngine, load_rules
from cockpit.rules.model import rule_from_dict
from cockpit.twin import TwinState
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import RiskLevel, Source
from cockpit.vocabulary.events import (
    AlarmCleared,
    AlarmRaised,
    AlarmRepeated,
    CaseReported,
    SensorFlapping,
    SensorReading,
)
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


def test_repeats_attach_to_the_open_alarm_rate_limited_and_clear_waits_for_the_rearm_hold_off():
    rules = engine()
    raised = rules.feed(reading("SMK-1", 0, 1, smoke=1))
    alarm_id = raised[1].alarm_id
    # Repeats within repeat_every_s (60 s) are not counted again; after it they are.
    assert rules.feed(reading("SMK-1", 30, 2, smoke=1)) == []
    assert rules.feed(reading("SMK-1", 70, 3, smoke=1)) == [AlarmRepeated(T0 + timedelta(seconds=70), alarm_id)]
    # The detector clears, then fires again 10 s later: within the 300 s re-arm hold-off it is a repeat.
    assert rules.feed(reading("SMK-1", 80, 4, smoke=0)) == []
    assert rules.feed(reading("SMK-1", 104, 5, smoke=0)) == []
    assert kinds(rules.feed(reading("SMK-1", 200, 6, smoke=1))) == ["AlarmRepeated"]
    # It clears for good only once clean readings span the hold-off (and clear_count is met).
    assert rules.feed(reading("SMK-1", 210, 7, smoke=0)) == []
    assert rules.feed(reading("SMK-1", 400, 8, smoke=0)) == []
    cleared = rules.feed(reading("SMK-1", 510, 9, smoke=0))
    assert kinds(cleared) == ["AlarmCleared"] and cleared[0].alarm_id == alarm_id
    assert rules.active() == {}
    twin = TwinState(tiny_street())
    twin.apply_many(raised + [AlarmRepeated(T0 + timedelta(seconds=70), alarm_id)] + cleared)
    assert twin.alarms[alarm_id].repeats == 1 and twin.cases[raised[0].case_id].repeats == 1


def test_one_open_case_per_sensor_and_rule_until_the_case_ends():
    rules = engine()
    first = rules.feed(reading("SMK-1", 0, 1, smoke=1))
    case_id = first[0].case_id
    rules.feed(reading("SMK-1", 10, 2, smoke=0))
    assert kinds(rules.feed(reading("SMK-1", 400, 3, smoke=0))) == ["AlarmCleared"]
    # The smoke is back while the case is still open: a new alarm (it must be heard) joins the case.
    again = rules.feed(reading("SMK-1", 600, 4, smoke=1))
    assert kinds(again) == ["AlarmRaised"] and again[0].case_id == case_id
    twin = TwinState(tiny_street())
    twin.apply_many(first + [AlarmCleared(T0 + timedelta(seconds=400), first[1].alarm_id)] + again)
    assert len(twin.cases) == 1
    assert twin.cases[case_id].repeats == 1 and twin.cases[case_id].alarm_id == again[0].alarm_id
    # Once the case ended (resolved, merged or rejected), the next alarm opens a new case.
    rules.feed(reading("SMK-1", 610, 5, smoke=0))
    rules.feed(reading("SMK-1", 1000, 6, smoke=0))
    rules.case_ended(case_id)
    third = rules.feed(reading("SMK-1", 1200, 7, smoke=1))
    assert kinds(third) == ["CaseReported", "AlarmRaised"] and third[0].case_id != case_id


def test_a_flood_in_one_community_becomes_one_aggregate_alarm():
    from cockpit.rules.model import FloodLimit
    from cockpit.street.demo import load_demo_street

    street = load_demo_street()
    rules = RuleEngine(street, load_rules(), start=T0, flood=FloodLimit(alarms_per_minute=2, quiet_s=60))
    community = street.communities[0].id
    smoke = [s for s in street.sensors
             if s.kind.value == "smoke" and street.micro_grid(s.micro_grid_id).community_id == community]
    events = []
    for i, sensor in enumerate(smoke[:4]):
        events += rules.feed(SensorReading(T0 + timedelta(seconds=5 * i), sensor.id, 1, {"smoke": 1.0}))
    alarms = [e for e in events if isinstance(e, AlarmRaised)]
    floods = [a for a in alarms if a.alarm_kind == "flood"]
    members = [a for a in alarms if a.alarm_kind == "sensor"]
    assert len(floods) == 1 and floods[0].area_id == community and floods[0].risk is RiskLevel.RED
    # The first two are annunciated on their own; the third starts the flood, the fourth joins it.
    assert [a.flood_id for a in members] == [None, None, floods[0].alarm_id, floods[0].alarm_id]
    assert len([e for e in events if isinstance(e, CaseReported)]) == 4  # nothing is lost: one case a device
    twin = TwinState(street)
    twin.apply_many(events)
    assert {a.id for a in twin.annunciated_alarms()} == {floods[0].alarm_id, members[0].alarm_id, members[1].alarm_id}
    twin.acknowledge(floods[0].alarm_id, "op", T0 + timedelta(minutes=1), comment="one building, fire brigade called")
    assert twin.alarms[members[3].alarm_id].state.value == "acknowledged"
    assert twin.alarms[members[3].alarm_id].comment == "one building, fire brigade called"
    # A quiet minute ends the flood.
    assert not [e for e in rules.tick(T0 + timedelta(seconds=30)) if isinstance(e, AlarmCleared)]
    over = [e for e in rules.tick(T0 + timedelta(seconds=80)) if isinstance(e, AlarmCleared)]
    assert [e.alarm_id for e in over] == [floods[0].alarm_id]


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
    assert rules.feed(reading("MH-1", 300, 8, tilt_deg=2)) == []          # clear, held for the re-arm hold-off
    assert kinds(rules.feed(reading("MH-1", 600, 9, tilt_deg=2))) == ["AlarmCleared"]


def test_heart_rate_out_of_range_for_60_s_is_a_yellow_elderly_emergency():
    rules = engine()
    assert rules.feed(reading("BRC-1", 0, 1, heart_rate=150, sos=0)) == []
    events = rules.feed(reading("BRC-1", 60, 2, heart_rate=145, sos=0))
    assert kinds(events) == ["CaseReported", "AlarmRaised"]
    assert (events[0].category, events[0].risk) == ("elderly_emergency", RiskLevel.YELLOW)
    assert rules.feed(reading("BRC-1", 120, 3, heart_rate=125, sos=0)) == []  # 125: not yet inside 45..120
    assert rules.feed(reading("BRC-1", 180, 4, heart_rate=80, sos=0)) == []
    assert rules.feed(reading("BRC-1", 240, 5, heart_rate=82, sos=0)) == []
    assert kinds(rules.feed(reading("BRC-1", 480, 6, heart_rate=82, sos=0))) == ["AlarmCleared"]


def test_a_flapping_sensor_keeps_one_alarm_and_one_case():
    rules = engine()
    events = []
    # On and off every 20 s for 10 minutes: smoke would clear after 2 clean readings, so without the
    # re-arm hold-off and flap detection this would open a new case every minute.
    seq = 0
    for cycle in range(10):
        base = cycle * 60
        for offset, value in ((0, 1), (20, 0), (40, 0)):
            seq += 1
            events += rules.feed(reading("SMK-1", base + offset, seq, smoke=value))
    raised = [e for e in events if isinstance(e, AlarmRaised)]
    cleared = [e for e in events if isinstance(e, AlarmCleared)]
    cases = [e for e in events if isinstance(e, CaseReported)]
    assert len(cleared) == 0 and len(raised) == 1 and len(cases) == 1   # the re-arm hold-off holds it
    assert ("SMK-1", "smoke") in rules.flapping()
    flapping = [e for e in events if isinstance(e, SensorFlapping)]
    assert [(e.sensor_id, e.rule_id, e.flapping) for e in flapping] == [("SMK-1", "smoke", True)]  # said once
    twin = TwinState(tiny_street())
    twin.apply_many(events)
    assert twin.sensors["SMK-1"].flapping == {"smoke"}
    assert len(rules.active()) == 1
    held = rules.active()[("SMK-1", "smoke")]
    # Once it stays quiet for a whole flap window (600 s) the held alarm clears.
    assert rules.feed(reading("SMK-1", 620, seq + 1, smoke=0)) == []
    out = rules.feed(reading("SMK-1", 620 + 610, seq + 2, smoke=0))
    assert kinds(out) == ["AlarmCleared", "SensorFlapping"] and out[0].alarm_id == held and "flapping" in out[0].reason
    assert out[1].flapping is False
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
