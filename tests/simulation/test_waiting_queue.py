"""A freed person takes the first waiting case, in the policy's queue order, that they may take.

The engine keeps one queue per kind of case and reads only the queues of the kinds a person
takes; the definition is the whole queue in the policy's order, scanned with ``can_take``. Teams
take a case of their categories only once the street owns it or triage routed it to them, so a
team's queue is read case by case, and the owners and routes are drawn here.
"""

from __future__ import annotations

from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.core import Core
from simulation.scenario import parse_scenario
from simulation.street_engine import _STREET, StreetEngine


def _engine() -> StreetEngine:
    scenario = parse_scenario({
        "scenario": {"name": "queue", "horizon_hours": 24, "warmup_hours": 0, "street": "demo"},
        "demand": {"cases_per_day": 300},
        "staff": {"from": "demo", "roles": ["grid_worker", "department"]},
        "dispatch": {"policy": "home_grid_first", "travel": "straight_line"},
    })
    engine = StreetEngine(scenario, seed=5)
    engine.run()
    return engine


ENGINE = _engine()
TEAMS = [s for s in range(len(ENGINE.roster)) if ENGINE._team[s]]


@contextmanager
def _queued(cases: list[int], owners: list[int], routes: list[bool]):
    """``cases`` waiting with these owners and routes; ``begin`` only records; everything put back after."""
    owner, routed = list(ENGINE.owner), list(ENGINE._routed)
    taken: list[int] = []
    ENGINE.begin = lambda j, who, t: taken.append(j)
    # Only these cases wait (the run may have left some at its cut-off).
    ENGINE.queues = [[] for _ in ENGINE.queues]
    ENGINE.keys = {}
    try:
        for j, level, route in zip(cases, owners, routes):
            ENGINE.owner[j], ENGINE._routed[j] = level, route
            Core.wait(ENGINE, j, 0.0)
        yield taken
    finally:
        del ENGINE.begin
        ENGINE.owner[:], ENGINE._routed[:] = owner, routed
        ENGINE.queues = [[] for _ in ENGINE.queues]
        ENGINE.keys = {}


@st.composite
def queues(draw):
    n = len(ENGINE.arrival)
    cases = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=60, unique=True))
    owners = draw(st.lists(st.integers(0, _STREET), min_size=len(cases), max_size=len(cases)))
    routes = draw(st.lists(st.booleans(), min_size=len(cases), max_size=len(cases)))
    person = draw(st.one_of(st.sampled_from(TEAMS), st.integers(0, len(ENGINE.roster) - 1)))
    return cases, owners, routes, person


def _first_in_whole_queue(waiting: list[int], s: int) -> int:
    ordered = sorted((ENGINE.keys[j], j) for j in waiting)
    return next((j for _, j in ordered if ENGINE.can_take(s, j)), -1)


@settings(max_examples=300, deadline=None)
@given(state=queues())
def test_a_freed_person_takes_the_first_case_of_the_whole_queue_they_may_take(state):
    cases, owners, routes, s = state
    with _queued(cases, owners, routes) as taken:
        expected = _first_in_whole_queue(cases, s)

        assert ENGINE.take_waiting(s, 0.0) is (expected >= 0)
        assert taken == ([expected] if expected >= 0 else [])
        assert set(ENGINE.keys) == set(cases) - set(taken)
        assert sum(len(queue) for queue in ENGINE.queues) == len(cases) - len(taken)


def test_the_queue_is_read_by_kind():
    """The grid worker's queues hold none of the teams' own categories, and a team reads only its categories'."""
    worker = next(s for s in range(len(ENGINE.roster)) if not ENGINE._team[s])
    team = TEAMS[0]
    assert ENGINE.takes[worker] == [k for k, mask in enumerate(ENGINE.people_mask) if mask[worker]]
    assert ENGINE.takes[team] == [k for k, mask in enumerate(ENGINE.team_mask) if mask[team]]
    assert 0 < len(ENGINE.takes[team]) < len(ENGINE.queues)
