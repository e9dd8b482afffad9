"""Point location: the raster-accelerated locator agrees with plain shapely, scalar with bulk."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.street.demo import load_demo_street
from cockpit.street.geo import Location, Locator, distance_m, first_within, to_lonlat, to_xy


@pytest.fixture(scope="module")
def street():
    return load_demo_street()


@pytest.fixture(scope="module")
def locator(street):
    return Locator(street)


@pytest.fixture(scope="module")
def micro_polygons(street):
    return np.asarray([m.polygon for m in street.micro_grids], dtype=object)


def _brute_force(street, lon: float, lat: float) -> tuple[int, tuple[str, ...]]:
    point = shapely.Point(lon, lat)
    micro = next((i for i, m in enumerate(street.micro_grids) if point.within(m.polygon)), -1)
    dedicated = tuple(d.id for d in street.dedicated_grids if point.within(d.polygon))
    return micro, dedicated


def _bounds(street):
    minx, miny, maxx, maxy = street.boundary.bounds
    pad = 0.002
    return minx - pad, miny - pad, maxx + pad, maxy + pad


@settings(max_examples=300, deadline=None)
@given(u=st.floats(0, 1), v=st.floats(0, 1))
def test_locate_agrees_with_brute_force(street, locator, u, v):
    minx, miny, maxx, maxy = _bounds(street)
    lon, lat = minx + u * (maxx - minx), miny + v * (maxy - miny)
    micro, dedicated = _brute_force(street, lon, lat)
    location = locator.locate(lon, lat)
    if micro < 0:
        assert location is None
        assert locator.micro_grid_index(np.array([lon]), np.array([lat]))[0] == -1
        return
    expected = street.micro_grids[micro]
    assert location == Location(expected.id, expected.general_grid_id, expected.community_id, dedicated)
    assert locator.micro_grid_index(np.array([lon]), np.array([lat]))[0] == micro


def test_dedicated_grids_overlay_the_hierarchy(street, locator):
    for grid in street.dedicated_grids:
        point = grid.polygon.point_on_surface()
        location = locator.locate(point.x, point.y)
        assert location is not None
        assert grid.id in location.dedicated_grid_ids
        assert locator.dedicated_grid_ids(point.x, point.y) == location.dedicated_grid_ids


def test_bulk_equals_scalar_and_reference(street, locator, micro_polygons):
    rng = np.random.default_rng(7)
    minx, miny, maxx, maxy = _bounds(street)
    lon = rng.uniform(minx, maxx, 20_000)
    lat = rng.uniform(miny, maxy, 20_000)
    bulk = locator.micro_grid_index(lon, lat)
    assert np.array_equal(bulk, first_within(micro_polygons, lon, lat))
    ids = {m.id: i for i, m in enumerate(street.micro_grids)}
    scalar = [locator.locate(x, y) for x, y in zip(lon[:3_000], lat[:3_000])]
    assert [-1 if s is None else ids[s.micro_grid_id] for s in scalar] == bulk[:3_000].tolist()
    assert 0.1 < (bulk < 0).mean() < 0.4


def test_points_on_edges_follow_the_within_rule(street, locator, micro_polygons):
    # Vertices and edge midpoints lie on shared edges: "within" puts them in no polygon unless float
    # noise puts one a hair inside a neighbour; both paths must give the reference answer.
    rings = shapely.get_exterior_ring(micro_polygons[:80])
    vertices = shapely.get_coordinates(rings)
    midpoints = (vertices[:-1] + vertices[1:]) / 2
    points = np.concatenate([vertices, midpoints])
    reference = first_within(micro_polygons, points[:, 0], points[:, 1])
    assert np.array_equal(locator.micro_grid_index(points[:, 0], points[:, 1]), reference)
    ids = [m.id for m in street.micro_grids]
    for (x, y), expected in zip(points[:500], reference[:500]):
        location = locator.locate(x, y)
        assert (location is None) if expected < 0 else (location.micro_grid_id == ids[expected])


def test_far_outside_and_array_shapes(locator):
    assert locator.locate(116.4, 39.9) is None
    lon = np.full((2, 3), 0.0)
    assert locator.micro_grid_index(lon, lon).tolist() == [[-1] * 3] * 2
    assert locator.micro_grid_index(np.array([]), np.array([])).shape == (0,)


def test_parent_indices(street, locator):
    general = [street.general_grids[i].id for i in locator.micro_general_index]
    community = [street.communities[i].id for i in locator.micro_community_index]
    assert general == [m.general_grid_id for m in street.micro_grids]
    assert community == [m.community_id for m in street.micro_grids]


def test_sensors_locate_to_their_micro_grid(street, locator):
    lon = np.array([s.lon for s in street.sensors])
    lat = np.array([s.lat for s in street.sensors])
    index = locator.micro_grid_index(lon, lat)
    assert [street.micro_grids[i].id for i in index] == [s.micro_grid_id for s in street.sensors]


def test_metres(street):
    lon, lat = 104.06, 30.595
    x, y = to_xy(street, lon, lat)
    assert to_lonlat(street, x, y) == pytest.approx((lon, lat), abs=1e-9)
    assert distance_m(street, lon, lat, lon, lat + 0.01) == pytest.approx(1109, rel=0.005)
    xs, ys = to_xy(street, np.array([lon, lon + 0.01]), np.array([lat, lat]))
    assert xs[1] - xs[0] == pytest.approx(958, rel=0.01)
