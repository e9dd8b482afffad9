"""The parts the dispatch policies and the simulator share, with exact numbers (issue 19): travel
times, the lazily computed pool of free people and the shortlist that keeps a policy's first choice."""

from __future__ import annotations

import numpy as np
import pytest

from cockpit.dispatch import (
    DEFAULT_SPEED_M_PER_MIN,
    DETOUR_FACTOR,
    POLICIES,
    ROUNDING,
    Candidate,
    CaseNeed,
    Pool,
    distance_m,
    eta_minutes,
    eta_minutes_many,
    home_tiers,
    shortlist_by,
    travel_minutes,
)
from cockpit.vocabulary.domain import StaffKind


def test_travel_times_are_the_detoured_straight_line_over_the_speed():
    assert DETOUR_FACTOR == 1.3
    assert travel_minutes(0.0, 0.0, 200.0, 300.0, 400.0) == pytest.approx(500 * 1.3 / 200)
    many = eta_minutes_many(np.array([0.0, 30.0]), np.array([0.0, 40.0]), np.array([100.0, 50.0]), 0.0, 0.0)
    np.testing.assert_allclose(many, [0.0, 50 * 1.3 / 50])
    walker = Candidate("p1", StaffKind.GRID_WORKER, x=600.0, y=800.0, speed_m_per_min=80.0)
    need = CaseNeed("c1", 1, 0.0, x=0.0, y=0.0)
    assert distance_m(walker, need) == pytest.approx(1300.0)
    assert eta_minutes(walker, need) == pytest.approx(1300.0 / 80)
    assert distance_m(walker, CaseNeed("c2", 1, 0.0)) == 0.0  # no geography: no distance


def _pool(eta=(), workload=(), tier=()):
    calls = {"eta": 0, "workload": 0, "home_tier": 0}

    def column(name, values, dtype):
        def compute():
            calls[name] += 1
            return np.array(values, dtype=dtype)
        return compute

    pool = Pool(column("eta", eta, float), column("workload", workload, np.int64), column("home_tier", tier, np.int64))
    return pool, calls


def test_the_pool_computes_each_column_once_and_only_when_asked():
    pool, calls = _pool(eta=[3.0, 1.0], workload=[0, 2], tier=[1, 0])
    assert calls == {"eta": 0, "workload": 0, "home_tier": 0}
    np.testing.assert_array_equal(pool.column("home_tier"), [1, 0])
    pool.column("home_tier")
    assert calls == {"eta": 0, "workload": 0, "home_tier": 1}


def test_a_shortlist_keeps_the_best_of_each_key_in_turn():
    pool, calls = _pool(eta=[3.0, 2.0, 1.0], workload=[1, 0, 0], tier=[0, 0, 1])
    np.testing.assert_array_equal(shortlist_by("home_tier", "eta")(pool), [1])
    pool, calls = _pool(eta=[3.0, 2.0, 1.0], workload=[1, 0, 0], tier=[0, 2, 1])
    np.testing.assert_array_equal(shortlist_by("home_tier", "eta")(pool), [0])
    assert calls["eta"] == 0  # one person at the best tier: travel never computed
    pool, _ = _pool(eta=[2.0, 2.0, 1.0], workload=[2, 1, 1], tier=[0, 0, 0])
    np.testing.assert_array_equal(shortlist_by("workload", "eta")(pool), [2])
    np.testing.assert_array_equal(shortlist_by("workload")(pool), [1, 2])


def test_near_ties_of_travel_time_are_all_handed_over_exact_ties_go_on_to_the_next_key():
    near = 1.0 + ROUNDING / 2
    pool, _ = _pool(eta=[1.0, near, 3.0], workload=[5, 0, 0])
    np.testing.assert_array_equal(shortlist_by("eta", "workload")(pool), [0, 1])
    pool, _ = _pool(eta=[1.0, 1.0, 3.0], workload=[5, 0, 0])
    np.testing.assert_array_equal(shortlist_by("eta", "workload")(pool), [1])
    pool, _ = _pool(eta=[1.0, 1.0 + 3 * ROUNDING, 3.0], workload=[5, 0, 0])
    np.testing.assert_array_equal(shortlist_by("eta", "workload")(pool), [0])


def test_home_tiers_are_grid_community_elsewhere():
    grids = np.array(["G1", "G2", "G3"], dtype=object)
    communities = np.array(["C1", "C1", "C2"], dtype=object)
    np.testing.assert_array_equal(home_tiers(grids, communities, "G2", "C1"), [1, 0, 2])


def test_default_speeds_by_kind_of_staff_and_the_candidate_defaults():
    assert DEFAULT_SPEED_M_PER_MIN == {
        StaffKind.GRID_WORKER: 200.0, StaffKind.MICRO_GRID_HEAD: 70.0, StaffKind.VOLUNTEER: 70.0,
        StaffKind.PARTY_MEMBER: 70.0, StaffKind.DEPARTMENT: 400.0,
    }
    person = Candidate("p1", StaffKind.GRID_WORKER)
    assert (person.available, person.workload, person.speed_m_per_min, person.skills) == (True, 0, 200.0, frozenset())
    need = CaseNeed("c1", 1, 0.0)
    with pytest.raises(AttributeError):
        person.workload = 3  # frozen: a policy cannot change what it was shown
    with pytest.raises(AttributeError):
        need.priority = 0


def test_a_recommendation_is_a_frozen_record_of_its_facts():
    walker = Candidate("p1", StaffKind.GRID_WORKER, x=600.0, y=800.0, speed_m_per_min=80.0)
    (best,) = POLICIES["nearest"].rank(CaseNeed("c1", 1, 0.0, x=0.0, y=0.0), [walker])
    assert (best.staff_id, best.distance_m, best.eta_minutes, best.workload) == ("p1", pytest.approx(1300.0),
                                                                                pytest.approx(1300.0 / 80), 0)
    with pytest.raises(AttributeError):
        best.eta_minutes = 0.0
    assert not hasattr(best, "__dict__")
