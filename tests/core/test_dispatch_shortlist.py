"""Each dispatch policy's shortlist keeps its own first choice, whatever the people and the case."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.dispatch import (DEPARTMENT_SHORTLIST, POLICIES, Candidate, CaseNeed, Pool, eta_minutes_many, home_tiers,
                              rank_departments)
from cockpit.vocabulary.domain import StaffKind

GRIDS = ("G1", "G2", "G3")
COMMUNITY = {"G1": "C1", "G2": "C1", "G3": "C2"}


@st.composite
def situations(draw):
    n = draw(st.integers(1, 25))
    # Few distinct places and speeds, so exact ties and near ties of travel time both occur.
    xs = draw(st.lists(st.sampled_from([0.0, 100.0, 250.0, 1e-7, 100.0 + 1e-9]), min_size=n, max_size=n))
    speeds = draw(st.lists(st.sampled_from([70.0, 200.0, 400.0]), min_size=n, max_size=n))
    grids = draw(st.lists(st.sampled_from(GRIDS), min_size=n, max_size=n))
    loads = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    people = [
        Candidate(f"p{k:03d}", StaffKind.GRID_WORKER, x=xs[k], y=0.0, home_general_grid=grids[k],
                  home_community=COMMUNITY[grids[k]], workload=loads[k], speed_m_per_min=speeds[k])
        for k in range(n)
    ]
    grid = draw(st.sampled_from(GRIDS))
    need = CaseNeed("c1", 1, 0.0, x=draw(st.sampled_from([0.0, 50.0, 300.0])), y=0.0, general_grid=grid,
                    community=COMMUNITY[grid])
    return people, need


def _pool(people, need) -> Pool:
    x = np.array([np.nan if p.x is None else p.x for p in people])
    y = np.array([np.nan if p.y is None else p.y for p in people])
    speed = np.array([p.speed_m_per_min for p in people])
    grids = np.array([p.home_general_grid for p in people], dtype=object)
    communities = np.array([p.home_community for p in people], dtype=object)
    return Pool(lambda: eta_minutes_many(x, y, speed, need.x, need.y),
                lambda: np.array([p.workload for p in people], dtype=np.int64),
                lambda: home_tiers(grids, communities, need.general_grid, need.community))


def _holds_first_choice(shortlist, rank, people, need) -> None:
    chosen = shortlist(_pool(people, need))
    assert len(chosen) >= 1 and list(chosen) == sorted(chosen)
    best = rank(need, people)[0].staff_id
    assert rank(need, [people[k] for k in chosen])[0].staff_id == best


@pytest.mark.parametrize("name", [name for name, policy in POLICIES.items() if policy.shortlist is not None])
@settings(max_examples=300, deadline=None)
@given(situation=situations())
def test_the_shortlist_holds_the_policy_first_choice(name, situation):
    people, need = situation
    _holds_first_choice(POLICIES[name].shortlist, POLICIES[name].rank, people, need)


@settings(max_examples=300, deadline=None)
@given(situation=situations(), unplaced=st.lists(st.booleans(), min_size=25, max_size=25))
def test_the_department_shortlist_holds_the_first_team(situation, unplaced):
    """Teams without a position (0 minutes away, as ``distance_m`` has it) included."""
    people, need = situation
    teams = [replace(p, kind=StaffKind.DEPARTMENT, department="城管", x=None if gone else p.x,
                     y=None if gone else p.y) for p, gone in zip(people, unplaced)]
    _holds_first_choice(DEPARTMENT_SHORTLIST, rank_departments, teams, replace(need, department="城管"))
