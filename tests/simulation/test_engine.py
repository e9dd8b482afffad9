"""Engine behaviour: reproducibility, the cockpit policies, shifts and common random numbers."""

from __future__ import annotations

import numpy as np
import pytest

from cockpit.dispatch import POLICIES
from simulation.engine import Engine
from simulation.replication import simulate
from simulation.scenario import parse_scenario

from .conftest import queue_scenario


def arrays(record):
    return [record.arrival, record.cls, record.service, record.start, record.end, record.staff]


def test_same_seed_gives_bit_identical_records():
    scenario = queue_scenario([1.0, 1.5], 3, horizon_hours=500, warmup_hours=50)
    first, second = simulate(scenario, seed=5), simulate(scenario, seed=5)
    for a, b in zip(arrays(first), arrays(second)):
        assert a.tobytes() == b.tobytes()


def test_different_seed_or_replication_gives_different_records():
    scenario = queue_scenario([1.0, 1.5], 3, horizon_hours=500, warmup_hours=50)
    base = simulate(scenario, seed=5)
    assert not np.array_equal(base.arrival, simulate(scenario, seed=6).arrival)
    assert not np.array_equal(base.arrival, simulate(scenario, seed=5, replication=1).arrival)


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_memoised_ranking_equals_calling_the_policy_every_time(policy):
    scenario = queue_scenario([1.0, 1.5], 3, horizon_hours=300, warmup_hours=0, policy=policy)
    memo, plain = simulate(scenario, seed=2, memo=True), simulate(scenario, seed=2, memo=False)
    for a, b in zip(arrays(memo), arrays(plain)):
        assert np.array_equal(a, b)


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_the_fast_loop_equals_the_core_loop_on_a_plain_queue(policy):
    scenario = queue_scenario([1.0, 1.5], 3, horizon_hours=300, warmup_hours=0, policy=policy)
    fast = Engine(scenario, seed=4)
    assert fast.fast
    fast_record = fast.run()
    general = Engine(scenario, seed=4, fast=False)
    assert not general.fast
    general_record = general.run()
    for a, b in zip(arrays(fast_record), arrays(general_record)):
        assert np.array_equal(a, b)


def test_priority_fcfs_serves_red_first_and_fcfs_within_a_class():
    record = simulate(queue_scenario([1.0, 1.5], 2, horizon_hours=500, warmup_hours=0), seed=9)
    for k in (0, 1):
        starts = record.start[record.cls == k]
        assert np.all(np.diff(starts) >= 0), "first come first served within a class"
    wait = record.start - record.arrival
    assert wait[record.cls == 0].mean() < wait[record.cls == 1].mean()


def test_lowest_id_free_worker_takes_a_case_as_the_policy_ranks():
    # The policies break ties by staff id, so with everyone free the first case goes to s0001.
    record = simulate(queue_scenario([0.5], 3, horizon_hours=100, warmup_hours=0), seed=1)
    assert record.staff_ids[record.staff[0]] == "s0001"


def test_common_random_numbers_keep_arrivals_and_service_across_staffing():
    three = simulate(queue_scenario([1.0, 1.5], 3, horizon_hours=500), seed=8)
    five = simulate(queue_scenario([1.0, 1.5], 5, horizon_hours=500), seed=8)
    assert np.array_equal(three.arrival, five.arrival)
    assert np.array_equal(three.service, five.service)
    assert (five.start - five.arrival).mean() < (three.start - three.arrival).mean()


def test_doubling_the_rate_halves_the_gaps_with_the_same_stream():
    slow = simulate(queue_scenario([1.0], 3, horizon_hours=200, warmup_hours=0), seed=8)
    fast = simulate(queue_scenario([2.0], 3, horizon_hours=100, warmup_hours=0), seed=8)
    assert np.allclose(slow.arrival, fast.arrival * 2)


def shift_scenario():
    return parse_scenario(
        {
            "scenario": {"name": "shifts", "horizon_hours": 24 * 20, "warmup_hours": 0},
            "arrivals": [{"class": "blue", "priority": 3, "rate_per_hour": 1.0}],
            "service": {"dist": "exponential", "mean_minutes": 30},
            "staff": {
                "shifts": {"day": [8, 20]},
                "group": [{"name": "day", "count": 2, "shift": "day"}],
            },
        }
    )


def test_off_duty_staff_start_nothing_and_night_cases_wait_for_the_day_shift():
    record = simulate(shift_scenario(), seed=3)
    started_hour = (record.start / 60) % 24
    assert np.all((started_hour >= 8) & (started_hour < 20))
    night = ((record.arrival / 60) % 24 < 8)
    assert np.all(record.start[night] >= np.floor(record.arrival[night] / 1440) * 1440 + 8 * 60)
    assert not np.isnan(record.end).any()
    assert record.duty[:8].sum() == 0 and record.duty[8:20].tolist() == [2] * 12


def test_a_case_nobody_is_qualified_for_raises_no_error_and_waits_for_a_qualified_group():
    scenario = parse_scenario(
        {
            "scenario": {"name": "skills", "horizon_hours": 200, "warmup_hours": 0},
            "arrivals": [
                {"class": "dispute", "priority": 2, "rate_per_hour": 0.5, "skill": "mediation"},
                {"class": "litter", "priority": 3, "rate_per_hour": 0.5},
            ],
            "service": {"dist": "exponential", "mean_minutes": 30},
            "staff": {
                "group": [
                    {"name": "mediator", "count": 1, "skills": ["mediation"]},
                    {"name": "worker", "count": 2},
                ]
            },
        }
    )
    record = simulate(scenario, seed=1)
    who = np.asarray(record.staff_ids)[record.staff]
    assert all(w.startswith("mediator") for w in who[record.cls == 0])
    assert not np.isnan(record.end).any()


def test_lognormal_and_empirical_service_means():
    base = queue_scenario([1.0], 50, horizon_hours=20_000, warmup_hours=0)
    lognormal = base.with_value("service", {"dist": "lognormal", "median_minutes": 40.0, "sigma": 0.5})
    record = simulate(lognormal, seed=1)
    assert record.service.mean() == pytest.approx(40.0 * np.exp(0.125), rel=0.02)
    empirical = base.with_value("service", {"dist": "empirical", "values": [10, 20, 60]})
    record = simulate(empirical, seed=1)
    assert set(np.unique(record.service)) == {10.0, 20.0, 60.0}
    assert record.service.mean() == pytest.approx(30.0, rel=0.02)


def test_hourly_profile_shapes_arrivals():
    profile = [0.0] * 12 + [2.0] * 12
    scenario = queue_scenario([1.0], 5, horizon_hours=24 * 200, warmup_hours=0).with_value("arrivals.k0.profile", profile)
    record = simulate(scenario, seed=1)
    hours = (record.arrival / 60) % 24
    assert np.all(hours >= 12)
    assert len(record.arrival) == pytest.approx(24 * 200, rel=0.03)


def test_a_queue_key_of_another_shape_is_called_for_every_waiting_case():
    from cockpit.dispatch import DispatchPolicy, rank_nearest

    scenario = queue_scenario([1.0, 1.5], 2, horizon_hours=300, warmup_hours=0)
    assert Engine(scenario, seed=6).key_prefixes() == [(1,), (2,)]
    latest_first = DispatchPolicy("latest_first", rank_nearest, lambda need: (need.priority, -need.reported_at, need.case_id))
    engine = Engine(scenario, seed=6)
    engine.policy = latest_first
    assert engine.key_prefixes() is None
    record = engine.run()
    reference = Engine(scenario, seed=6, memo=False)
    reference.policy = latest_first
    expected = reference.run()
    assert np.array_equal(record.start, expected.start)
    fifo = simulate(scenario, seed=6)
    assert not np.array_equal(record.start, fifo.start)
