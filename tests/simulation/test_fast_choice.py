"""The street engine's fast choice of a person is the dispatch policy's own first choice.

The engine hands a policy's shortlist only the free people of the best home tier, reads a
shortlist of one as the choice, and measures travel for the shortlist from complex positions; the
policy's ``rank`` over every free qualified person (Candidate objects, ``math.hypot``) is the
definition. Positions are drawn from a few places, so exact ties (broken by staff id) and near
ties both occur, and every person is qualified or not by category as in a real run.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.dispatch import POLICIES, rank_departments
from simulation.scenario import parse_scenario
from simulation.street_engine import StreetEngine


def _engine(policy: str) -> StreetEngine:
    scenario = parse_scenario({
        "scenario": {"name": "fast", "horizon_hours": 24, "warmup_hours": 0, "street": "demo"},
        "demand": {"cases_per_day": 100},
        "staff": {"from": "demo", "roles": ["grid_worker", "department"]},
        "dispatch": {"policy": policy, "travel": "straight_line"},
    })
    engine = StreetEngine(scenario, seed=3)
    engine.run()
    return engine


ENGINES = {name: _engine(name) for name in POLICIES}


@st.composite
def states(draw):
    engine = ENGINES[draw(st.sampled_from(sorted(POLICIES)))]
    n = len(engine.roster)
    free = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    # A few places only (some of them case points), so that people tie exactly and nearly.
    spots = [engine.base_where[0], engine.base_where[n // 2], engine._cz[0], engine._cz[1] + 1e-9]
    where = draw(st.lists(st.sampled_from(spots), min_size=n, max_size=n))
    case = draw(st.integers(0, len(engine.arrival) - 1))
    return engine, free, np.array(where), case


@pytest.fixture(autouse=True)
def _restore():
    saved = {name: (e.free.copy(), np.array(e.where_at)) for name, e in ENGINES.items()}
    yield
    for name, (free, where) in saved.items():
        ENGINES[name].free[:] = free
        _move_all(ENGINES[name], where)


def _move_all(engine: StreetEngine, where: np.ndarray) -> None:
    for s, point in enumerate(where.tolist()):
        engine.move(s, point)


def _by_rank(engine: StreetEngine, case: int, mask: np.ndarray, rank) -> int:
    idx = (engine.free & mask).nonzero()[0]
    recs = rank(engine.need(case), [engine.candidate(s) for s in idx.tolist()])
    return engine.index_of[recs[0].staff_id] if recs else -1


def _placed(state) -> tuple[StreetEngine, int]:
    engine, free, where, case = state
    engine.free[:] = free
    _move_all(engine, where)
    return engine, case


@settings(max_examples=400, deadline=None)
@given(state=states())
def test_the_engine_sends_whom_the_policy_ranks_first(state):
    engine, case = _placed(state)
    expected = _by_rank(engine, case, engine.people_mask[engine.kind_of[case]], engine.policy.rank)
    assert engine.choose(case) == expected


@settings(max_examples=200, deadline=None)
@given(state=states())
def test_a_whistle_brings_the_team_rank_departments_puts_first(state):
    engine, case = _placed(state)
    assert engine.whistle(case) == _by_rank(engine, case, engine.team_mask[engine.kind_of[case]], rank_departments)
