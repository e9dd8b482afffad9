"""The demo feed keeps a street alive with valid events only, and replays identically from a seed."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from cockpit.demand import default_demand
from cockpit.demo_feed import VEHICLE_RANGE_DEG, DemoFeed, latest_busy_moment
from cockpit.sla import live_derivers
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import CaseStatus, ResourceKind, StaffStatus
from cockpit.vocabulary.events import CaseReported, SensorReading, StaffMoved, VehicleMoved

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)  # 18:00 in Shanghai


def run(seed: int, minutes: int = 30) -> tuple[TwinState, list]:
    street = load_demo_street()
    twin = TwinState(street, derivers=live_derivers())
    feed = DemoFeed(street, seed=seed)
    errors: list = []
    stream = feed.bootstrap(twin, NOW, hours=6)
    at = NOW
    for _ in range(minutes):
        at += timedelta(minutes=1)
        stream += twin.apply_many(feed.step(twin, at), on_error=lambda e, exc: errors.append(exc))
    assert errors == []
    return twin, stream


def test_the_day_so_far_has_cases_at_every_stage_and_staff_on_duty():
    twin, stream = run(seed=3)
    statuses = Counter(c.status for c in twin.cases.values())
    per_day = default_demand().cases_per_day
    assert 0.15 * per_day <= len(twin.cases) <= 0.6 * per_day  # the daytime profile, over 6.5 hours
    assert statuses[CaseStatus.CLOSED] > 0 and sum(statuses[s] for s in CaseStatus if s.open) > 0
    assert any(s.status is StaffStatus.AVAILABLE for s in twin.staff.values())
    kinds = Counter(type(e).__name__ for e in stream)
    assert kinds["SensorReading"] > 1000 and kinds["StaffMoved"] > 100
    assert all(twin.cases[e.case_id].micro_grid_id == e.micro_grid_id for e in stream if isinstance(e, CaseReported))


def test_free_vehicles_patrol_near_where_they_are_parked_and_nothing_else_moves():
    twin, stream = run(seed=3, minutes=10)
    moved = [e for e in stream if isinstance(e, VehicleMoved)]
    assert len(moved) > 100 and len({e.vehicle_id for e in moved}) > 20
    street = twin.street
    for e in moved:
        home = street.resource(e.vehicle_id)
        assert home.kind is ResourceKind.VEHICLE
        assert abs(e.lon - home.lon) <= 2 * VEHICLE_RANGE_DEG and abs(e.lat - home.lat) <= 2 * VEHICLE_RANGE_DEG
    last = {e.vehicle_id: (e.lon, e.lat) for e in moved}
    assert all((twin.resources[v].lon, twin.resources[v].lat) == xy for v, xy in last.items())


def test_same_seed_same_stream_and_other_seed_differs():
    _, a = run(seed=5, minutes=5)
    _, b = run(seed=5, minutes=5)
    _, c = run(seed=6, minutes=5)
    assert a == b
    assert a != c


def test_events_are_in_time_order_within_each_step_and_sensors_count_up():
    twin, stream = run(seed=4, minutes=10)
    seqs: dict[str, int] = {}
    for event in stream:
        if isinstance(event, SensorReading):
            assert event.seq == seqs.get(event.sensor_id, 0) + 1
            seqs[event.sensor_id] = event.seq
    moved = [e for e in stream if isinstance(e, StaffMoved)]
    assert all(e.staff_id in twin.staff for e in moved)


def test_the_busy_moment_is_the_latest_ten_oclock_in_shanghai_never_in_the_future():
    # 05:30 in Shanghai (night, UTC still the day before): yesterday's 10:00 there.
    assert latest_busy_moment(datetime(2026, 11, 24, 21, 30, tzinfo=timezone.utc)) == \
        datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
    # 18:00 in Shanghai: the same day's 10:00; and 10:00 itself is its own busy moment.
    assert latest_busy_moment(NOW) == datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
    assert latest_busy_moment(datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)) == \
        datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
