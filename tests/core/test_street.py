"""The demo street: calibration to DESIGN.md 1.1, exact nesting, placement, staff and GeoJSON export."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from datetime import time

import numpy as np
import pytest
import shapely

from cockpit.street.demo import load_demo_street
from cockpit.street.generator import DEFAULT_SEED, generate_demo_street
from cockpit.street.geojson import LAYERS, export_geojson
from cockpit.street.summary import street_summary
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import Department, SensorKind, StaffKind
from tests.core.tiny import tiny_street

TOLERANCE = 1e-3
"""Relative area tolerance of the tiling checks (0.1 %)."""


@pytest.fixture(scope="module")
def street():
    return load_demo_street()


@pytest.fixture(scope="module")
def metric(street):
    """Areas in metres: id → polygon, for every level."""
    to_xy = street.projection.geometry_to_xy
    return {
        "boundary": to_xy(street.boundary),
        "communities": {c.id: to_xy(c.polygon) for c in street.communities},
        "general_grids": {g.id: to_xy(g.polygon) for g in street.general_grids},
        "micro_grids": {m.id: to_xy(m.polygon) for m in street.micro_grids},
    }


def test_calibration_counts(street):
    assert len(street.communities) == 23
    assert len(street.micro_grids) == 536
    assert 75 <= len(street.general_grids) <= 80
    assert 31_000 <= street.households <= 35_000
    assert 95_000 <= street.residents <= 105_000
    elderly = sum(m.elderly_alone for m in street.micro_grids)
    assert 0.03 <= elderly / street.households <= 0.05
    assert all(m.disabled >= 0 and m.children_left_behind >= 0 for m in street.micro_grids)


def test_grid_sizes_within_published_ranges(street):
    per_general = Counter(m.general_grid_id for m in street.micro_grids)
    assert set(per_general) == {g.id for g in street.general_grids}
    assert all(4 <= n <= 10 for n in per_general.values())
    assert all(300 <= g.households <= 500 for g in street.general_grids)
    assert all(30 <= m.households <= 100 for m in street.micro_grids)
    for grid in street.general_grids:
        members = [m for m in street.micro_grids if m.general_grid_id == grid.id]
        assert grid.households == sum(m.households for m in members)
        assert grid.residents == sum(m.residents for m in members)
    for community in street.communities:
        members = [g for g in street.general_grids if g.community_id == community.id]
        assert len(members) >= 3
        assert community.households == sum(g.households for g in members)


def test_id_scheme(street):
    assert [c.id for c in street.communities] == [f"C{i:02d}" for i in range(1, 24)]
    assert all(re.fullmatch(r"C\d\d-G\d\d", g.id) and g.id.startswith(g.community_id) for g in street.general_grids)
    assert all(re.fullmatch(r"C\d\d-G\d\d-M\d\d", m.id) and m.id.startswith(m.general_grid_id) for m in street.micro_grids)
    assert all(street.general_grid(m.general_grid_id).community_id == m.community_id for m in street.micro_grids)
    assert all(re.fullmatch(r"[A-Z]{3}-\d{6}", s.id) for s in street.sensors)
    assert all(re.fullmatch(r"(GW|MH|VO|PM|DP)-\d{4}", p.id) for p in street.staff)
    assert all(re.fullmatch(r"D-[A-Z]{3}\d\d", d.id) for d in street.dedicated_grids)
    assert all(c.name.endswith("社区") and c.name_en for c in street.communities)
    assert street.general_grids[0].name.startswith(street.communities[0].name)


def test_every_area_is_one_valid_polygon(street):
    areas = [street.boundary] + [a.polygon for a in (*street.communities, *street.general_grids, *street.micro_grids)]
    assert all(a.geom_type == "Polygon" and a.is_valid and a.area > 0 for a in areas)
    assert all(d.polygon.is_valid and d.polygon.area > 0 for d in street.dedicated_grids)


@pytest.mark.parametrize(
    ("parent_level", "child_level", "link"),
    [
        ("communities", "general_grids", "community_id"),
        ("general_grids", "micro_grids", "general_grid_id"),
    ],
)
def test_children_tile_their_parent(street, metric, parent_level, child_level, link):
    children = getattr(street, child_level)
    for parent_id, parent in metric[parent_level].items():
        tiles = [metric[child_level][c.id] for c in children if getattr(c, link) == parent_id]
        assert sum(t.area for t in tiles) == pytest.approx(parent.area, rel=TOLERANCE)
        assert shapely.union_all(tiles).symmetric_difference(parent).area < TOLERANCE * parent.area


def test_communities_tile_the_street(metric):
    communities = list(metric["communities"].values())
    assert sum(c.area for c in communities) == pytest.approx(metric["boundary"].area, rel=TOLERANCE)
    assert metric["boundary"].area == pytest.approx(55e6, rel=0.01)


@pytest.mark.parametrize("level", ["communities", "general_grids", "micro_grids"])
def test_no_overlaps_within_a_level(metric, level):
    polygons = np.asarray(list(metric[level].values()), dtype=object)
    left, right = shapely.STRtree(polygons).query(polygons, predicate="intersects")
    keep = left < right
    overlap = shapely.area(shapely.intersection(polygons[left[keep]], polygons[right[keep]]))
    assert overlap.sum() < 1e-6 * shapely.area(polygons).sum()


def test_real_place_in_chengdu(street):
    minx, miny, maxx, maxy = street.boundary.bounds
    assert 103.98 <= minx < maxx <= 104.14
    assert 30.53 <= miny < maxy <= 30.66
    assert street.projection.epsg == 32648
    kinds = Counter(r.kind for r in street.roads)
    assert kinds["arterial"] >= 4 and kinds["secondary"] >= 8 and kinds["local"] >= 20


def test_generation_is_deterministic(street):
    again = generate_demo_street(DEFAULT_SEED)
    assert again.boundary.equals_exact(street.boundary, 0)
    assert [m.polygon.wkb for m in again.micro_grids] == [m.polygon.wkb for m in street.micro_grids]
    assert again.micro_grids == street.micro_grids
    assert again.sensors == street.sensors
    assert again.staff == street.staff
    assert again.dedicated_grids == street.dedicated_grids
    other = generate_demo_street(DEFAULT_SEED + 1)
    assert len(other.micro_grids) == 536
    assert other.micro_grids[0].polygon.wkb != street.micro_grids[0].polygon.wkb


def test_dedicated_grids(street):
    kinds = Counter(d.kind for d in street.dedicated_grids)
    assert len(street.dedicated_grids) >= 30
    assert set(kinds) == {"market", "school", "hospital", "office_tower", "park", "river", "street_front"}
    assert kinds["river"] == 1
    boundary = street.boundary.buffer(1e-6)
    assert all(boundary.covers(d.polygon) for d in street.dedicated_grids)
    assert all(d.community_id is None or street.has("communities", d.community_id) for d in street.dedicated_grids)
    assert len({d.name for d in street.dedicated_grids}) == len(street.dedicated_grids)


def test_sensors_sit_where_they_belong(street):
    kinds = Counter(s.kind for s in street.sensors)
    assert set(kinds) == set(SensorKind)
    assert 1_600 <= len(street.sensors) <= 1_800
    for sensor in street.sensors:
        assert street.micro_grid(sensor.micro_grid_id).polygon.contains(shapely.Point(sensor.lon, sensor.lat))
        assert sensor.interval_s > 0
        assert sensor.elderly_alone == (sensor.kind in (SensorKind.BRACELET, SensorKind.WATER_METER))
    for kind in (SensorKind.BRACELET, SensorKind.WATER_METER):
        per_micro = Counter(s.micro_grid_id for s in street.sensors if s.kind == kind)
        assert all(n <= street.micro_grid(m).elderly_alone for m, n in per_micro.items())
    roads = street.projection.geometry_to_xy(shapely.union_all([r.line for r in street.roads]))
    manholes = [s for s in street.sensors if s.kind == SensorKind.MANHOLE]
    x, y = street.projection.to_xy(np.array([s.lon for s in manholes]), np.array([s.lat for s in manholes]))
    assert shapely.distance(roads, shapely.points(x, y)).max() < 5.0
    places = shapely.union_all(
        [d.polygon for d in street.dedicated_grids if d.kind in ("street_front", "office_tower")]
    ).buffer(1e-7)
    assert all(places.contains(shapely.Point(s.lon, s.lat)) for s in street.sensors if s.kind == SensorKind.PARKING)


def test_staff_homes_skills_and_shifts(street):
    kinds = Counter(p.kind for p in street.staff)
    workers = [p for p in street.staff if p.kind == StaffKind.GRID_WORKER]
    assert sorted(p.home_general_grid_id for p in workers) == sorted(g.id for g in street.general_grids)
    heads = [p for p in street.staff if p.kind == StaffKind.MICRO_GRID_HEAD]
    assert sorted(p.home_micro_grid_id for p in heads) == sorted(m.id for m in street.micro_grids)
    assert kinds[StaffKind.VOLUNTEER] > 0 and kinds[StaffKind.PARTY_MEMBER] > 0
    known_skills = {c.skill for c in default_categories()} | {"general"}
    shift_ids = {s.id for s in street.shifts}
    for person in street.staff:
        assert person.skills and person.skills <= known_skills
        assert person.shift_id in shift_ids
        assert person.name
        if person.kind == StaffKind.DEPARTMENT:
            assert person.department is not None and person.home_community_id is None
            continue
        assert person.department is None
        grid = street.general_grid(person.home_general_grid_id)
        assert grid.community_id == person.home_community_id
        assert grid.polygon.contains(shapely.Point(person.lon, person.lat))
        if person.home_micro_grid_id is not None:
            assert street.micro_grid(person.home_micro_grid_id).general_grid_id == grid.id
    assert {p.department for p in street.staff if p.kind == StaffKind.DEPARTMENT} == set(Department)
    assert all("mediation" in p.skills for p in workers)
    assert any("fire_safety" in p.skills for p in workers) and any("first_aid" in p.skills for p in workers)
    by_shift = Counter(p.shift_id for p in workers)
    # Every community has its own grid worker by day and evening; nights are thin, a worker for two
    # neighbouring communities at most.
    for shift in ("day", "evening"):
        assert {p.home_community_id for p in workers if p.shift_id == shift} == {c.id for c in street.communities}
    assert len(street.communities) / 2 <= by_shift["night"] < min(by_shift["day"], by_shift["evening"])
    at_three = [p for p in street.staff if street.shift(p.shift_id).covers(time(3, 0))]
    assert {StaffKind.DEPARTMENT, StaffKind.PARTY_MEMBER} <= {p.kind for p in at_three}


def test_summary(street):
    summary = street_summary(street)
    assert summary["communities"] == 23
    assert summary["micro_grids"] == 536
    assert summary["general_grids"] == len(street.general_grids)
    assert summary["dedicated_grids"] == sum(summary["dedicated_by_kind"].values()) >= 30
    assert summary["households"] == street.households
    assert summary["residents"] == street.residents
    assert summary["sensors"] == {k.value: sum(s.kind == k for s in street.sensors) for k in SensorKind}
    assert summary["staff"]["grid_worker"] == len(street.general_grids)
    assert summary["area_km2"] == pytest.approx(55.0, rel=0.01)
    assert summary["resources"] == {"stations": 26, "e_bikes": 40, "cars": 6, "caches": 120}
    json.dumps(summary)


def test_geojson_round_trip(street, tmp_path):
    paths = export_geojson(street, tmp_path)
    assert [p.name for p in paths] == [f"{street.id}_{layer}.geojson" for layer in LAYERS]
    layers = {layer: json.loads(p.read_text(encoding="utf-8")) for layer, p in zip(LAYERS, paths)}
    expected = {
        "communities": street.communities,
        "general_grids": street.general_grids,
        "micro_grids": street.micro_grids,
        "dedicated_grids": street.dedicated_grids,
        "roads": street.roads,
        "sensors": street.sensors,
        "staff_bases": street.staff,
    }
    for layer, items in expected.items():
        features = layers[layer]["features"]
        assert layers[layer]["type"] == "FeatureCollection"
        assert [f["properties"]["id"] for f in features] == [item.id for item in items]
    for feature, micro in zip(layers["micro_grids"]["features"], street.micro_grids):
        shape = shapely.geometry.shape(feature["geometry"])
        assert shape.is_valid
        assert shape.exterior.is_ccw
        assert shapely.equals_exact(shapely.normalize(shape), shapely.normalize(micro.polygon), tolerance=1e-6)
        assert feature["properties"]["households"] == micro.households
    for feature, road in zip(layers["roads"]["features"], street.roads):
        assert shapely.geometry.shape(feature["geometry"]).hausdorff_distance(road.line) < 1e-6
    first = layers["sensors"]["features"][0]
    assert first["geometry"]["coordinates"] == pytest.approx([street.sensors[0].lon, street.sensors[0].lat], abs=1e-7)
    assert "name" not in layers["staff_bases"]["features"][0]["properties"]


def test_department_teams_can_take_their_categories(street):
    for category in default_categories():
        teams = [p for p in street.staff if p.department == category.department]
        assert teams, category.code
        if category.skill != "general":
            assert any(category.skill in p.skills for p in teams), category.code


def test_a_street_copied_with_other_parts_leaves_the_original_s_lookups_alone():
    """dataclasses.replace() handed the copy the original's own index to fill in: a test that took a
    grid worker out of a copy made the cached tiny street forget that worker."""
    base = tiny_street()
    worker = base.staff[0]
    copy = dataclasses.replace(base, staff=base.staff[1:])
    assert not copy.has("staff", worker.id)
    assert base.has("staff", worker.id) and base.staff_member(worker.id) is worker
