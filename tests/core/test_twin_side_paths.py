"""The twin's side paths that mutation testing found unpinned (issue 19).

Where the assignee stands after each step of the loop, what a reopen resets, and how many events
the twin counts as applied.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel, Source, StaffStatus
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, CaseOverdue, CaseReported, StaffStatusChanged
from tests.core.tiny import centre, tiny_street

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
WORKER = "GW-C01-G01"


def _twin_with_case() -> TwinState:
    twin = TwinState(tiny_street())
    twin.apply_many(StaffStatusChanged(T0, s.id, StaffStatus.AVAILABLE) for s in twin.street.staff)
    grid = twin.street.micro_grid("C01-G01-M01")
    lon, lat = centre(0, 0)
    twin.apply(CaseReported(T0, "K1", "property_maintenance", Source.RESIDENT, lon, lat, grid.id,
                            grid.general_grid_id, grid.community_id, RiskLevel.BLUE))
    twin.triage("K1", "property_maintenance", RiskLevel.BLUE, OwnerLevel.GRID, "op", T0)
    return twin


def test_the_assignee_is_busy_en_route_on_scene_then_free_again():
    twin = _twin_with_case()
    twin.dispatch("K1", WORKER, "op", at=T0 + timedelta(minutes=1))
    assert twin.staff[WORKER].status is StaffStatus.BUSY
    assert twin.staff[WORKER].cases == {"K1"}
    twin.accept("K1", WORKER, at=T0 + timedelta(minutes=2))
    assert twin.staff[WORKER].status is StaffStatus.EN_ROUTE
    twin.arrive("K1", WORKER, at=T0 + timedelta(minutes=9))
    assert twin.staff[WORKER].status is StaffStatus.ON_SCENE
    assert twin.case("K1").on_scene_at == T0 + timedelta(minutes=9)
    twin.resolve("K1", WORKER, at=T0 + timedelta(minutes=30))
    assert twin.staff[WORKER].status is StaffStatus.AVAILABLE
    assert twin.staff[WORKER].cases == set()


def test_a_reopen_resets_both_overdue_marks_and_frees_the_assignee():
    twin = _twin_with_case()
    twin.dispatch("K1", WORKER, "op", at=T0 + timedelta(minutes=1))
    twin.accept("K1", WORKER, at=T0 + timedelta(minutes=2))
    twin.apply(CaseOverdue(T0 + timedelta(hours=3), "K1", "response"))
    twin.apply(CaseOverdue(T0 + timedelta(hours=30), "K1", "resolve"))
    case = twin.case("K1")
    assert case.response_overdue_marked and case.resolve_overdue_marked
    twin.arrive("K1", WORKER, at=T0 + timedelta(hours=31))
    twin.resolve("K1", WORKER, at=T0 + timedelta(hours=32))
    twin.reopen("K1", "op", "resident says the leak is back", at=T0 + timedelta(hours=33))
    assert case.status is CaseStatus.TRIAGED  # back in the queue for a new dispatch
    assert case.response_overdue_marked is False and case.resolve_overdue_marked is False
    assert case.assignee is None and case.resolved_at is None
    assert case.first_resolved_at == T0 + timedelta(hours=32)
    assert case.reopened == 1 and case.reopened_at == T0 + timedelta(hours=33)


def test_the_applied_counter_counts_every_event_and_the_clock_only_moves_forward():
    twin = _twin_with_case()
    staff = len(twin.street.staff)
    assert twin.applied == staff + 2  # on-duty changes, the report, the triage
    twin.dispatch("K1", WORKER, "op", at=T0 + timedelta(minutes=5))
    twin.accept("K1", WORKER, at=T0 + timedelta(minutes=3))  # a late-arriving earlier event
    assert twin.applied == staff + 4
    assert twin.now == T0 + timedelta(minutes=5)


def test_refusals_read_as_one_plain_line_without_the_key_errors_quotes():
    twin = _twin_with_case()
    with pytest.raises(TwinError) as unknown:
        twin.accept("NOPE", WORKER, at=T0)
    assert str(unknown.value) == "case NOPE: no such case"
    with pytest.raises(TwinError, match=r"^case NOPE: no such case$"):
        twin.dispatch("NOPE", "NOBODY", "op", at=T0)  # the case is checked before the assignee
    with pytest.raises(TwinError) as stranger:
        twin.dispatch("K1", "NOBODY", "op", at=T0)
    assert str(stranger.value) == "case K1: unknown assignee 'NOBODY'"
    with pytest.raises(TwinError) as invalid:
        twin.arrive("K1", WORKER, at=T0)
    assert str(invalid.value).startswith("case K1: ") and "'" not in str(invalid.value)[:9]


def test_alarm_side_paths_mark_the_sensor_and_name_the_case_or_the_alarm():
    twin = TwinState(tiny_street())
    twin.apply(AlarmRaised(T0, "AL-1", "sensor", RiskLevel.RED, sensor_id="SMK-1", rule_id="smoke", case_id="K1"))
    assert twin.sensors["SMK-1"].alarm_id == "AL-1"
    # A sensor the street no longer has: the alarm is still kept.
    twin.apply(AlarmRaised(T0, "AL-2", "sensor", RiskLevel.BLUE, sensor_id="GONE-1", rule_id="smoke"))
    assert twin.alarms["AL-2"].sensor_id == "GONE-1"
    with pytest.raises(TwinError, match=r"^case K1: alarm AL-1 already raised$"):
        twin.apply(AlarmRaised(T0, "AL-1", "sensor", RiskLevel.RED, sensor_id="SMK-1", case_id="K1"))
    with pytest.raises(TwinError, match=r"^case AL-2: alarm AL-2 already raised$"):
        twin.apply(AlarmRaised(T0, "AL-2", "sensor", RiskLevel.BLUE))
    twin.acknowledge("AL-1", "op", at=T0 + timedelta(minutes=1))
    with pytest.raises(TwinError, match=r"^case K1: alarm AL-1 is acknowledged$"):
        twin.acknowledge("AL-1", "op", at=T0 + timedelta(minutes=2))
    twin.apply(AlarmCleared(T0 + timedelta(minutes=3), "AL-1", "smoke < 1"))
    assert twin.sensors["SMK-1"].alarm_id is None
    with pytest.raises(TwinError, match=r"^case AL-2: alarm AL-2 is already cleared$"):
        twin.apply_many([AlarmCleared(T0, "AL-2", "x"), AlarmCleared(T0, "AL-2", "x")])


def test_active_alarms_most_urgent_then_newest_then_by_id():
    twin = TwinState(tiny_street())
    twin.apply_many([
        AlarmRaised(T0 + timedelta(minutes=9), "B-new", "area", RiskLevel.BLUE),
        AlarmRaised(T0, "R-old", "area", RiskLevel.RED),
        AlarmRaised(T0 + timedelta(minutes=5), "R-new2", "area", RiskLevel.RED),
        AlarmRaised(T0 + timedelta(minutes=5), "R-new1", "area", RiskLevel.RED),
        AlarmRaised(T0 + timedelta(minutes=1), "Y", "area", RiskLevel.YELLOW),
    ])
    assert [a.id for a in twin.active_alarms()] == ["R-new1", "R-new2", "R-old", "Y", "B-new"]


def test_new_case_ids_count_per_local_day_and_skip_ids_taken():
    twin = _twin_with_case()
    late = datetime(2026, 11, 24, 17, 0, tzinfo=timezone.utc)  # 01:00 on the 25th in Shanghai
    assert twin.next_case_id(late) == "K20261125-0001"
    assert twin.next_case_id(late) == "K20261125-0002"
    grid = twin.street.micro_grid("C01-G01-M01")
    lon, lat = centre(0, 0)
    twin.apply(CaseReported(late, "K20261125-0003", "property_maintenance", Source.RESIDENT, lon, lat, grid.id,
                            grid.general_grid_id, grid.community_id, RiskLevel.BLUE))
    assert twin.next_case_id(late) == "K20261125-0004"
    assert twin.next_case_id(T0) == "K20261124-0001"
