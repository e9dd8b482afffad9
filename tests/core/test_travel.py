"""Road travel: noding of an unnoded road layer, snapping, and shortest times pinned to networkx."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from shapely.geometry import LineString

from cockpit.dispatch import DEFAULT_SPEED_M_PER_MIN, DETOUR_FACTOR
from cockpit.vocabulary.domain import StaffKind
from cockpit.street.demo import load_demo_street
from cockpit.travel import model as travel_model
from cockpit.travel.model import RoadTravel, StraightLineTravel
from cockpit.travel.network import RoadNetwork
from cockpit.travel.profile import default_profile
from tests.core.tiny import tiny_street
from tests.fixtures.road_reference import reference_matrix

WALK = default_profile().mode("walk")


def _walk_minutes(metres: float) -> float:
    return metres / WALK.road_m_per_min["local"]


@pytest.fixture(scope="module")
def demo_roads():
    street = load_demo_street()
    return street, RoadTravel.from_street(street)


def _random_points(street, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = street.projection.geometry_to_xy(street.boundary).bounds
    return np.column_stack([rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)])


def test_roads_are_noded_at_crossings_and_at_ends_a_hair_off():
    lines = [
        LineString([(0, 0), (1000, 0)]),  # a bar
        LineString([(500, -400), (500, 400)]),  # crosses the bar with no shared vertex
        LineString([(200, 1e-9), (200, 300)]),  # ends a hair above the bar
        LineString([(800, -300), (800, -0.6)]),  # ends 0.6 m short of it: within the tolerance
        LineString([(0, 0), (0, 200)]),  # shares the bar's first vertex
    ]
    network = RoadNetwork(lines, ["local"] * len(lines))
    # Junctions: (0,0), (200,0), (500,0), (800,0), (1000,0); ends: (500,±400), (200,300), (800,-300), (0,200).
    assert network.n_nodes == 10
    assert network.n_edges == 9
    assert network.dropped_edges == 0
    travel = RoadTravel(network)
    points = travel.places(np.array([[200, 300], [800, -300], [0, 200], [500, 400]]))
    minutes = travel.matrix("walk", points, points)
    # The 0.6 m gap is closed by the junction, at no cost.
    assert minutes[0, 1] == pytest.approx(_walk_minutes(300 + 600 + 299.4), abs=1e-6)
    assert minutes[0, 2] == pytest.approx(_walk_minutes(300 + 200 + 200), abs=1e-6)
    assert minutes[1, 3] == pytest.approx(_walk_minutes(299.4 + 300 + 400), abs=1e-6)
    assert np.allclose(minutes, minutes.T)


def test_a_fragment_no_road_joins_is_left_out():
    lines = [LineString([(0, 0), (1000, 0)]), LineString([(0, 0), (0, 250)]), LineString([(300, 80), (400, 80)])]
    network = RoadNetwork(lines, ["local", "local", "local"])
    assert network.dropped_edges == 1
    travel = RoadTravel(network)
    # A point beside the fragment snaps to the main road instead of to a dead island.
    minutes = travel.matrix("walk", travel.places(np.array([[350, 85]])), travel.places(np.array([[1000, 0]])))
    assert np.isfinite(minutes).all()
    assert minutes[0, 0] == pytest.approx((85 + 650) / 70, abs=1e-6)


def test_points_on_one_edge_travel_along_it_not_round_its_ends():
    travel = RoadTravel(RoadNetwork([LineString([(0, 0), (1000, 0)])], ["local"]))
    a, b = travel.places(np.array([[400, 10]])), travel.places(np.array([[460, -20]]))
    expected = (10 + 60 + 20) / 70
    assert travel.matrix("walk", a, b)[0, 0] == pytest.approx(expected)
    minutes, index = travel.nearest("walk", a, b)
    assert minutes[0] == pytest.approx(expected) and index[0] == 0


def test_road_kinds_set_the_speed_of_each_mode():
    lines = [LineString([(0, 0), (1000, 0)]), LineString([(1000, 0), (1000, 1000)])]
    travel = RoadTravel(RoadNetwork(lines, ["arterial", "local"]))
    ends = travel.places(np.array([[0, 0], [1000, 1000]]))
    car = default_profile().mode("car")
    expected = 1000 / car.road_speed("arterial") + 1000 / car.road_speed("local")
    assert travel.matrix("car", ends, ends)[0, 1] == pytest.approx(expected)


def test_matrix_agrees_with_networkx_on_random_pairs(demo_roads):
    street, travel = demo_roads
    origins = travel.places(_random_points(street, 25, seed=1))
    destinations = travel.places(_random_points(street, 40, seed=2))
    for mode in ("walk", "e_bike", "car"):
        ours = travel.matrix(mode, origins, destinations)
        reference = reference_matrix(travel, mode, origins, destinations)
        np.testing.assert_allclose(ours, reference, rtol=1e-9, atol=1e-9)


def test_nearest_is_the_minimum_over_sources_and_names_it(demo_roads):
    street, travel = demo_roads
    sources = travel.places(_random_points(street, 30, seed=3))
    targets = travel.places(np.vstack([_random_points(street, 300, seed=4), sources.xy[:5] + 3.0]))
    reference = reference_matrix(travel, "walk", sources, targets)
    minutes, index = travel.nearest("walk", sources, targets)
    np.testing.assert_allclose(minutes, reference.min(axis=0), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(reference[index, np.arange(len(index))], minutes, rtol=1e-9, atol=1e-9)
    limited, limited_index = travel.nearest("walk", sources, targets, limit=10.0)
    beyond = minutes > 10.0
    assert beyond.any() and (~beyond).any()
    assert np.isinf(limited[beyond]).all() and (limited_index[beyond] == -1).all()
    np.testing.assert_array_equal(limited[~beyond], minutes[~beyond])


def test_a_source_standing_on_a_junction_reaches_both_ways():
    lines = [LineString([(0, 0), (500, 0)]), LineString([(500, 0), (1000, 0)])]
    travel = RoadTravel(RoadNetwork(lines, ["local", "local"]))
    minutes, index = travel.nearest("walk", travel.places(np.array([[500, 0]])),
                                    travel.places(np.array([[100, 0], [900, 0]])))
    np.testing.assert_allclose(minutes, [400 / 70, 400 / 70])
    assert list(index) == [0, 0]


def test_evicted_rows_are_computed_again_with_the_same_answer(demo_roads, monkeypatch):
    street, _ = demo_roads
    monkeypatch.setattr(travel_model, "ROW_CACHE_BYTES", 1)
    small_cache = RoadTravel.from_street(street)
    full = RoadTravel.from_street(street)
    points = small_cache.places(_random_points(street, 60, seed=5))
    first = small_cache.matrix("e_bike", points, points)
    again = small_cache.matrix("e_bike", points, points)
    np.testing.assert_array_equal(first, again)
    np.testing.assert_allclose(first, full.matrix("e_bike", full.places(points.xy), full.places(points.xy)))


def test_straight_line_gives_the_dispatch_ranking_figures():
    profile = default_profile()
    assert profile.detour_factor == DETOUR_FACTOR
    assert profile.mode("e_bike").straight_m_per_min == DEFAULT_SPEED_M_PER_MIN[StaffKind.GRID_WORKER]
    assert profile.mode("walk").straight_m_per_min == DEFAULT_SPEED_M_PER_MIN[StaffKind.MICRO_GRID_HEAD]
    assert profile.mode("car").straight_m_per_min == DEFAULT_SPEED_M_PER_MIN[StaffKind.DEPARTMENT]
    travel = StraightLineTravel()
    assert travel.minutes("e_bike", (0.0, 0.0), (300.0, 400.0)) == pytest.approx(500 * DETOUR_FACTOR / 200)
    sources = travel.places(np.array([[0.0, 0.0], [1000.0, 0.0]]))
    minutes, index = travel.nearest("walk", sources, travel.places(np.array([[900.0, 0.0], [10.0, 0.0]])))
    np.testing.assert_allclose(minutes, np.array([100, 10]) * DETOUR_FACTOR / 70)
    assert list(index) == [1, 0]


def test_a_street_without_roads_is_refused_in_one_line():
    street = dataclasses.replace(tiny_street(), roads=())
    with pytest.raises(ValueError, match="no road layer"):
        RoadTravel.from_street(street)


def test_unknown_mode_names_the_known_ones(demo_roads):
    _, travel = demo_roads
    points = travel.places(np.array([[0.0, 0.0]]))
    with pytest.raises(KeyError, match="walk"):
        travel.matrix("boat", points, points)
