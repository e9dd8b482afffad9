"""Coverage, the staffing standard and placement: hand-computed cases, networkx and brute force."""

from __future__ import annotations

import dataclasses
import json
from datetime import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.allocation import placement as placement_module
from cockpit.allocation.coverage import Demand, coverage, coverage_kinds, resource_places, units
from cockpit.allocation.placement import PlacementProblem, brute_force, lp_bound, solve, solve_exact, solve_greedy
from cockpit.allocation.plan import plan
from cockpit.allocation.staffing import staffing
from cockpit.cli import main
from cockpit.vocabulary.domain import ResourceKind, StaffKind
from cockpit.street.demo import load_demo_street
from cockpit.street.model import Resource, Stock
from cockpit.travel.model import RoadTravel, StraightLineTravel
from cockpit.travel.profile import default_profile
from tests.core.tiny import centre, tiny_street
from tests.fixtures.road_reference import reference_matrix

KINDS = coverage_kinds(default_profile())


@pytest.fixture(scope="module")
def demo():
    street = load_demo_street()
    return street, RoadTravel.from_street(street)


def _tiny_with_aed(hours=()) -> object:
    lon, lat = centre(0, 0)
    aed = Resource("CCH-1", ResourceKind.CACHE, "residential", "应急物资点", lon, lat, "C01-G01-M01",
                   (Stock("aed", 1, 1),), hours=hours)
    return dataclasses.replace(tiny_street(), resources=(aed,))


# ---------------------------------------------------------------- coverage


def test_coverage_by_hand_on_the_tiny_street():
    # Micro-grid centres 500 m apart; straight line x 1.3 at 200 m/min by e-bike: 3.25 min to a
    # neighbour, 4.6 to the diagonal one, 6.5 two cells away. The AED stands in the first cell.
    street = _tiny_with_aed()
    result = coverage(street, StraightLineTravel(), KINDS["aed"], minutes=5)
    assert (result.households, result.covered, result.share) == (1600, 800, 0.5)
    assert set(result.uncovered_micro_grids) == {m.id for m in street.micro_grids if m.community_id == "C02"}
    assert result.nearest[0] == "CCH-1" and result.nearest_minutes[0] == pytest.approx(0.0, abs=1e-6)
    assert result.as_json() == {"kind": "aed", "minutes": 5.0, "households": 1600, "covered": 800, "share": 0.5,
                                "uncovered_micro_grids": list(result.uncovered_micro_grids)}
    assert coverage(street, StraightLineTravel(), KINDS["aed"], minutes=3).covered == 200


def test_a_closed_cache_covers_nobody_at_night():
    street = _tiny_with_aed(hours=((time(9), time(17)),))
    travel = StraightLineTravel()
    assert coverage(street, travel, KINDS["aed"], at=time(10)).covered == 800
    night = coverage(street, travel, KINDS["aed"], at=time(2))
    assert night.covered == 0 and len(night.uncovered_micro_grids) == 8 and set(night.nearest) == {None}


def test_kinds_count_the_right_resources(demo):
    street, _ = demo
    assert len(units(street, KINDS["station"])) == 26
    assert len(units(street, KINDS["e_bike"])) == 40 and len(units(street, KINDS["car"])) == 6
    aed = units(street, KINDS["aed"])
    assert aed and all(r.count("aed") > 0 and r.kind is not ResourceKind.VEHICLE for r in aed)
    assert list(KINDS)[:3] == ["station", "e_bike", "car"] and "aed" in KINDS


def test_road_coverage_agrees_with_networkx_per_micro_grid(demo):
    street, travel = demo
    demand = Demand.of(street, travel)
    for code in ("aed", "station", "pump"):
        kind = KINDS[code]
        result = coverage(street, travel, kind, demand=demand)
        sources = resource_places(street, travel, units(street, kind))
        reference = reference_matrix(travel, kind.mode, sources, demand.places).min(axis=0)
        np.testing.assert_allclose(result.nearest_minutes, reference, rtol=1e-9)
        assert result.covered == int(demand.households[reference <= kind.minutes].sum())


def test_aed_coverage_is_a_real_question_on_the_demo_street(demo):
    street, travel = demo
    result = coverage(street, travel, KINDS["aed"])
    assert 0.2 < result.share < 0.7
    assert coverage(street, travel, KINDS["aed"], at=time(2)).share < result.share


# ---------------------------------------------------------------- staffing


def test_the_demo_street_meets_the_staffing_standard(demo):
    report = staffing(demo[0])
    assert report.below_standard == () and report.micro_grids_without_head == ()
    assert report.as_json()["grid_workers"] == len(demo[0].general_grids)


def test_grids_below_the_standard_are_named():
    base = tiny_street()
    worker = next(p for p in base.staff if p.kind is StaffKind.GRID_WORKER)
    grids = tuple(dataclasses.replace(g, households=820) if g.id == "C02-G02" else g for g in base.general_grids)
    street = dataclasses.replace(base, general_grids=grids, staff=tuple(p for p in base.staff if p != worker))
    report = staffing(street).as_json()
    assert report["below_standard"] == [
        {"general_grid": worker.home_general_grid_id, "households": 400, "grid_workers": 0, "required": 1},
        {"general_grid": "C02-G02", "households": 820, "grid_workers": 1, "required": 2},
    ]
    # The tiny street names no micro-grid heads at all.
    assert report["micro_grids_without_head"] == [m.id for m in base.micro_grids]


# ---------------------------------------------------------------- placement


@st.composite
def problems(draw):
    n_sites = draw(st.integers(2, 8))
    n_demand = draw(st.integers(1, 10))
    minutes = np.array(draw(st.lists(st.floats(0, 20), min_size=n_sites * n_demand, max_size=n_sites * n_demand)))
    minutes = minutes.reshape(n_sites, n_demand)
    minutes[np.array(draw(st.lists(st.booleans(), min_size=minutes.size, max_size=minutes.size))).reshape(
        minutes.shape) & (minutes > 15)] = np.inf
    weights = np.array(draw(st.lists(st.integers(30, 100), min_size=n_demand, max_size=n_demand)))
    existing = np.zeros(n_sites, dtype=bool)
    existing[: draw(st.integers(0, n_sites - 1))] = True
    add = draw(st.integers(0 if existing.any() else 1, n_sites - existing.sum()))
    move = draw(st.integers(0, min(int(existing.sum()), 2)))
    objective = draw(st.sampled_from(["coverage", "median"]))
    return PlacementProblem(minutes, weights, existing, add, move, objective, draw(st.sampled_from([4.0, 8.0])))


@settings(max_examples=60, deadline=None)
@given(problems())
def test_milp_equals_brute_force_and_greedy_never_beats_it(problem):
    best = brute_force(problem)
    exact = solve_exact(problem)
    greedy = solve_greedy(problem)
    if not np.isfinite(best):
        return  # the median of a plan that must leave some reachable demand unreached
    assert exact.status == "optimal"
    assert exact.open_sites.sum() == problem.n_open
    assert (~exact.open_sites & problem.existing).sum() <= problem.move
    if problem.objective == "coverage":
        assert exact.value == best and greedy.value <= best <= lp_bound(problem) + 1e-6
    else:
        assert exact.value == pytest.approx(best, rel=1e-4) and greedy.value >= best * (1 - 1e-9)
        assert lp_bound(problem) <= best + 1e-6
    assert greedy.gap >= 0 and greedy.method == "greedy"


def test_a_move_goes_where_it_covers_more():
    # Two existing sites cover the same point; moving one reaches the other point.
    minutes = np.array([[1.0, 9.0], [1.0, 9.0], [9.0, 1.0]])
    problem = PlacementProblem(minutes, np.array([50, 70]), np.array([True, True, False]), move=1, limit=5.0)
    for placed in (solve_exact(problem), solve_greedy(problem)):
        assert placed.value == 120 and placed.open_sites[2] and placed.open_sites[:2].sum() == 1


def test_very_large_instances_go_greedy_with_their_gap(monkeypatch):
    monkeypatch.setattr(placement_module, "EXACT_MAX_NONZEROS", 0)
    rng = np.random.default_rng(3)
    problem = PlacementProblem(rng.uniform(0, 10, (30, 40)), rng.integers(30, 100, 40),
                               np.arange(30) < 3, add=4, limit=3.0)
    placed = solve(problem)
    assert placed.method == "greedy" and placed.status == "heuristic"
    assert placed.bound >= placed.value and placed.gap == pytest.approx((placed.bound - placed.value) / placed.bound)


def test_bad_problems_are_refused_in_one_line():
    minutes = np.ones((3, 2))
    with pytest.raises(ValueError, match="cannot move 2 of 1"):
        PlacementProblem(minutes, np.ones(2), np.array([True, False, False]), move=2, limit=5.0)
    with pytest.raises(ValueError, match="only 3 candidates"):
        PlacementProblem(minutes, np.ones(2), np.array([True, False, False]), add=3, limit=5.0)
    with pytest.raises(ValueError, match="needs a limit"):
        PlacementProblem(minutes, np.ones(2), np.array([True, False, False]), add=1)


def test_plan_for_new_aeds_raises_coverage_and_starts_from_the_coverage_figure(demo):
    street, travel = demo
    result = plan(street, travel, KINDS["aed"], add=5)
    before = coverage(street, travel, KINDS["aed"])
    assert result.before.covered == before.covered
    assert result.placement.status == "optimal" and result.placement.gap == 0
    assert len(result.added) == 5 and result.removed == ()
    assert result.after.covered > result.before.covered
    assert result.after.mean_minutes < result.before.mean_minutes
    greedy = plan(street, travel, KINDS["aed"], add=5, method="greedy")
    assert greedy.after.covered <= result.after.covered
    moved = plan(street, travel, KINDS["aed"], move=3)
    assert len(moved.removed) <= 3 and len(moved.added) == len(moved.removed)
    assert moved.after.covered >= moved.before.covered


# ---------------------------------------------------------------- command line


def _json(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return json.loads(out)


def test_coverage_command_prints_the_contract(capsys):
    one = _json(capsys, ["resources", "coverage", "--kind", "aed", "--minutes", "5", "--json"])
    assert list(one) == ["kind", "minutes", "households", "covered", "share", "uncovered_micro_grids"]
    assert one["kind"] == "aed" and one["minutes"] == 5
    every = _json(capsys, ["resources", "coverage", "--json"])
    assert list(every) == ["street", "coverage"]
    assert [c["kind"] for c in every["coverage"]] == list(KINDS)
    assert all(list(c) == list(one) for c in every["coverage"])
    assert every["coverage"][list(KINDS).index("aed")] == one


def test_plan_and_staffing_commands_print_one_object(capsys):
    data = _json(capsys, ["resources", "plan", "--kind", "aed", "--add", "2", "--minutes", "5", "--json"])
    assert data["solver"]["status"] == "optimal" and len(data["added"]) == 2
    assert data["after"]["covered"] > data["before"]["covered"]
    assert set(data) >= {"kind", "minutes", "before", "after", "added", "removed", "solver"}
    report = _json(capsys, ["resources", "staffing", "--json"])
    assert report["below_standard"] == []


@pytest.mark.parametrize(("argv", "message"), [
    (["resources", "coverage", "--kind", "boat"], "unknown resource kind 'boat'"),
    (["resources", "coverage", "--minutes", "-3"], "--minutes must be positive"),
    (["resources", "coverage", "--at", "25:99"], "--at must be a time of day"),
    (["resources", "plan", "--kind", "aed"], "nothing to plan"),
    (["resources", "plan", "--kind", "aed", "--move", "999"], "cannot move 999"),
])
def test_bad_arguments_fail_in_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and err.count("\n") == 0
