"""When the SLA marks and area alarms fire, at their edges (issue 19).

The response mark needs the case unaccepted and strictly past 2 h; an area alarm needs at least
``AREA_MIN_OPEN_CASES`` open cases with strictly more than 10 % overdue, and clears when the rate
falls back or when the area has no open case left.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cockpit.sla import AREA_MIN_OPEN_CASES, SlaMonitor, red_case_alarms
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffStatus
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, CaseOverdue, CaseReported, StaffStatusChanged
from tests.core.tiny import centre, tiny_street

T0 = datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc)
DAY = timedelta(hours=24)
MINUTE = timedelta(minutes=1)


def _twin() -> TwinState:
    twin = TwinState(tiny_street(), derivers=[SlaMonitor(escalate=False)])
    twin.apply_many(StaffStatusChanged(T0, s.id, StaffStatus.AVAILABLE) for s in twin.street.staff)
    return twin


def _report(twin: TwinState, case_id: str, at: datetime, micro: str = "C01-G01-M01") -> None:
    grid = twin.street.micro_grid(micro)
    lon, lat = centre(0, 0)
    twin.apply(CaseReported(at, case_id, "property_maintenance", Source.RESIDENT, lon, lat, grid.id,
                            grid.general_grid_id, grid.community_id, RiskLevel.BLUE))


def _of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_the_response_mark_fires_once_strictly_after_two_hours_and_only_unaccepted():
    twin = _twin()
    _report(twin, "K1", T0)
    _report(twin, "K2", T0)
    twin.triage("K2", "property_maintenance", RiskLevel.BLUE, OwnerLevel.GRID, "op", T0)
    twin.dispatch("K2", "GW-C01-G01", "op", at=T0 + MINUTE)
    twin.accept("K2", "GW-C01-G01", at=T0 + 2 * MINUTE)
    assert _of(twin.tick(T0 + timedelta(hours=2)), CaseOverdue) == []
    marks = _of(twin.tick(T0 + timedelta(hours=2, seconds=1)), CaseOverdue)
    assert marks == [CaseOverdue(T0 + timedelta(hours=2), "K1", "response")]
    assert twin.case("K1").response_overdue_marked and not twin.case("K2").response_overdue_marked
    assert _of(twin.tick(T0 + timedelta(hours=3)), CaseOverdue) == []


def _area_alarms(events) -> list[AlarmRaised]:
    return [e for e in events if isinstance(e, AlarmRaised) and e.alarm_kind == "area"]


def test_an_area_alarm_needs_the_minimum_number_of_open_cases():
    assert AREA_MIN_OPEN_CASES == 5
    twin = _twin()
    for i in range(AREA_MIN_OPEN_CASES - 1):
        _report(twin, f"OLD{i}", T0)
    # Four open cases, all overdue: 100 % of too few.
    assert _area_alarms(twin.tick(T0 + DAY + MINUTE)) == []
    _report(twin, "NEW", T0 + DAY + 2 * MINUTE)
    raised = _area_alarms(twin.tick(T0 + DAY + 3 * MINUTE))
    assert [(a.area_id, a.alarm_id, a.detail) for a in raised] == [("C01", "ALM-AREA-C01-1", "80% of 5 open cases overdue")]


def test_an_area_alarm_needs_strictly_more_than_ten_percent_overdue():
    twin = _twin()
    _report(twin, "OLD", T0)
    for i in range(9):
        _report(twin, f"NEW{i}", T0 + DAY)
    assert _area_alarms(twin.tick(T0 + DAY + MINUTE)) == []  # 1 of 10 = 10 %: not more than 10 %
    _report(twin, "OLD2", T0 + 2 * MINUTE)  # reported late but already past its deadline at the tick
    assert len(_area_alarms(twin.tick(T0 + DAY + 3 * MINUTE))) == 1  # 2 of 11


def test_an_area_alarm_clears_when_the_rate_falls_and_when_no_case_is_left():
    twin = _twin()
    for i in range(5):
        _report(twin, f"K{i}", T0)
    (alarm,) = _area_alarms(twin.tick(T0 + DAY + MINUTE))
    for i in range(5):
        twin.reject(f"K{i}", "op", "duplicate of a hotline ticket", at=T0 + DAY + 2 * MINUTE)
    cleared = _of(twin.tick(T0 + DAY + 3 * MINUTE), AlarmCleared)
    assert cleared == [AlarmCleared(T0 + DAY + 3 * MINUTE, alarm.alarm_id, "no open cases")]
    assert _of(twin.tick(T0 + DAY + 4 * MINUTE), AlarmCleared) == []

    for i in range(5):
        _report(twin, f"L{i}", T0 + DAY)
    (again,) = _area_alarms(twin.tick(T0 + 2 * DAY + MINUTE))
    assert again.alarm_id == "ALM-AREA-C01-2"
    for i in range(20):
        _report(twin, f"M{i}", T0 + 2 * DAY + 2 * MINUTE)  # 5 of 25 = 20 %: still alarming
    assert _of(twin.tick(T0 + 2 * DAY + 3 * MINUTE), AlarmCleared) == []
    for i in range(4):
        twin.reject(f"L{i}", "op", "duplicate of a hotline ticket", at=T0 + 2 * DAY + 4 * MINUTE)
    cleared = _of(twin.tick(T0 + 2 * DAY + 5 * MINUTE), AlarmCleared)  # 1 of 21
    assert cleared == [AlarmCleared(T0 + 2 * DAY + 5 * MINUTE, again.alarm_id, "overdue rate back under 10 %")]


def test_a_red_case_alarm_only_for_red_cases_not_already_under_an_alarm():
    twin = TwinState(tiny_street(), derivers=[red_case_alarms])
    grid = twin.street.micro_grid("C01-G01-M01")
    lon, lat = centre(0, 0)

    def report(case_id, risk, alarm_id=None):
        return twin.apply(CaseReported(T0, case_id, "property_maintenance", Source.RESIDENT, lon, lat, grid.id,
                                       grid.general_grid_id, grid.community_id, risk, alarm_id=alarm_id))

    assert _of(report("BLUE", RiskLevel.BLUE), AlarmRaised) == []
    (red,) = _of(report("RED", RiskLevel.RED), AlarmRaised)
    assert (red.alarm_id, red.alarm_kind, red.case_id) == ("ALM-RED-RED", "red_case", "RED")
    # A red case whose alarm is named but was never raised still gets its red-case alarm.
    assert [a.alarm_id for a in _of(report("GHOST", RiskLevel.RED, "AL-missing"), AlarmRaised)] == ["ALM-RED-GHOST"]
    twin.apply(AlarmRaised(T0, "AL-smoke", "sensor", RiskLevel.RED, sensor_id="SMK-1", rule_id="smoke"))
    assert _of(report("SENSOR", RiskLevel.RED, "AL-smoke"), AlarmRaised) == []
    # Triaged up to red later: the alarm comes with the triage, once.
    raised = _of(twin.triage("BLUE", "property_maintenance", RiskLevel.RED, OwnerLevel.GRID, "op", T0), AlarmRaised)
    assert [a.alarm_id for a in raised] == ["ALM-RED-BLUE"]
    assert _of(twin.triage("BLUE", "property_maintenance", RiskLevel.RED, OwnerLevel.GRID, "op", T0), AlarmRaised) == []
