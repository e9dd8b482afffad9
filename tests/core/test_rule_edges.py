"""The alarm rules at their edges, and which alarms a restarted engine takes over (issue 19).

Each boundary is asserted on both sides: the no-signal silence, the repeat interval and the flap
window measured from the oldest raise edge.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cockpit.rules import RuleEngine, load_rules
from cockpit.rules.model import rule_from_dict
from cockpit.twin import TwinState
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, AlarmRepeated, SensorReading
from tests.core.tiny import tiny_street

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


def reading(sensor: str, seconds: float, seq: int, **values: float) -> SensorReading:
    return SensorReading(T0 + timedelta(seconds=seconds), sensor, seq, values)


def engine() -> RuleEngine:
    return RuleEngine(tiny_street(), load_rules(categories=default_categories()), start=T0)


def raised_by(events, sensor: str) -> list[AlarmRaised]:
    return [e for e in events if isinstance(e, AlarmRaised) and e.sensor_id == sensor]


def test_no_signal_fires_only_after_strictly_more_than_interval_times_factor():
    rules = engine()
    rules.feed(reading("BRC-1", 0, 1, heart_rate=70, sos=0))
    # BRC-1: interval 60 s, bracelet_offline factor 6: silent exactly 360 s is still within.
    assert raised_by(rules.tick(T0 + timedelta(seconds=360)), "BRC-1") == []
    late = raised_by(rules.tick(T0 + timedelta(seconds=360.5)), "BRC-1")
    assert [(a.rule_id, a.alarm_id) for a in late] == [("bracelet_offline", "AL-BRC-1-bracelet_offline-T1777622760")]
    assert "silent 0.1 h" in late[0].detail


def test_a_sensor_never_heard_counts_its_silence_from_the_first_tick():
    rules = RuleEngine(tiny_street(), load_rules(categories=default_categories()))
    assert raised_by(rules.tick(T0), "SMK-1") == []
    # SMK-1: interval 300 s x factor 3, measured from the first tick since no start was given.
    assert raised_by(rules.tick(T0 + timedelta(seconds=900)), "SMK-1") == []
    assert len(raised_by(rules.tick(T0 + timedelta(seconds=901)), "SMK-1")) == 1


def test_a_repeat_counts_again_exactly_repeat_every_s_after_the_last():
    rules = engine()
    alarm_id = rules.feed(reading("SMK-1", 0, 1, smoke=1))[1].alarm_id
    assert rules.feed(reading("SMK-1", 59, 2, smoke=1)) == []
    assert rules.feed(reading("SMK-1", 60, 3, smoke=1)) == [AlarmRepeated(T0 + timedelta(seconds=60), alarm_id)]
    # The interval runs from the last counted repeat, not from the raise.
    assert rules.feed(reading("SMK-1", 100, 4, smoke=1)) == []
    assert len(rules.feed(reading("SMK-1", 120, 5, smoke=1))) == 1


def _raise_and_clear(rules: RuleEngine, at: float, seq: int) -> tuple[list, int]:
    events = []
    for offset, value in ((0, 1), (10, 0), (20, 0)):
        seq += 1
        events += rules.feed(reading("SMK-1", at + offset, seq, smoke=value))
    return events, seq


def test_the_flap_window_runs_from_the_oldest_raise_edge():
    # smoke: flap_max 4 raise edges within flap_window_s 600 s.
    rules, seq = engine(), 0
    for start in (0, 200, 400):
        _, seq = _raise_and_clear(rules, start, seq)
    assert rules.flapping() == set()
    _, seq = _raise_and_clear(rules, 601, seq)  # the edge at 0 is 601 s old: only 3 in the window
    assert rules.flapping() == set()

    rules, seq = engine(), 0
    for start in (0, 200, 400):
        _, seq = _raise_and_clear(rules, start, seq)
    events, seq = _raise_and_clear(rules, 600, seq)  # exactly 600 s: still inside the window
    assert rules.flapping() == {("SMK-1", "smoke")}
    assert not [e for e in events if isinstance(e, AlarmCleared)]  # the 4th alarm is held


def test_a_restart_adopts_only_open_alarms_of_its_own_sensor_rules():
    twin = TwinState(tiny_street())
    at = T0
    twin.apply_many([
        AlarmRaised(at, "AL-own", "sensor", RiskLevel.RED, sensor_id="SMK-1", rule_id="smoke"),
        AlarmRaised(at, "AL-retired", "sensor", RiskLevel.RED, sensor_id="SMK-1", rule_id="retired_rule"),
        AlarmRaised(at, "AL-area", "area", RiskLevel.YELLOW, rule_id="smoke", area_id="C01-G01-M01"),
        AlarmRaised(at, "AL-nosensor", "sensor", RiskLevel.RED, rule_id="smoke"),
        AlarmRaised(at, "AL-gone", "sensor", RiskLevel.RED, sensor_id="BRC-1", rule_id="sos"),
        AlarmCleared(at + timedelta(seconds=5), "AL-gone", "sos < 1"),
    ])
    rules = engine()
    assert rules.adopt(twin.alarms.values()) == 1
    assert rules.active() == {("SMK-1", "smoke"): "AL-own"}
    # The adopted alarm's repeat clock starts at its raise.
    assert rules.feed(reading("SMK-1", 30, 1, smoke=1)) == []
    assert rules.feed(reading("SMK-1", 60, 2, smoke=1)) == [AlarmRepeated(T0 + timedelta(seconds=60), "AL-own")]


def test_an_adopted_alarm_clears_only_after_its_full_clear_count():
    twin = TwinState(tiny_street())
    twin.apply(AlarmRaised(T0, "AL-own", "sensor", RiskLevel.RED, sensor_id="SMK-1", rule_id="smoke"))
    rules = engine()
    rules.adopt(twin.alarms.values())
    assert rules.feed(reading("SMK-1", 10, 1, smoke=0)) == []  # smoke: clear_count 2
    cleared = rules.feed(reading("SMK-1", 20, 2, smoke=0))
    assert [(type(e).__name__, e.alarm_id) for e in cleared] == [("AlarmCleared", "AL-own")]


def test_the_no_signal_detail_gives_the_silence_in_hours():
    rules = engine()
    rules.feed(reading("BRC-1", 0, 1, heart_rate=70, sos=0))
    (alarm,) = raised_by(rules.tick(T0 + timedelta(seconds=5580)), "BRC-1")
    assert alarm.detail.endswith(": silent 1.6 h")  # 5,580 s = 1.55 h


def test_n_in_a_row_counts_each_reading_once():
    rule = rule_from_dict({"id": "smoke3", "name": "three in a row", "kinds": ["smoke"], "trigger": "smoke >= 1",
                           "count": 3, "category": "fire_hazard", "risk": "red"})
    rules = RuleEngine(tiny_street(), [rule], start=T0)
    assert rules.feed(reading("SMK-1", 0, 1, smoke=1)) == []
    assert rules.feed(reading("SMK-1", 1, 2, smoke=1)) == []
    assert [type(e).__name__ for e in rules.feed(reading("SMK-1", 2, 3, smoke=1))] == ["CaseReported", "AlarmRaised"]
