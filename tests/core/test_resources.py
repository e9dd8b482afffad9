"""Resources of the demo street: counts, realistic placement, stock within capacity, the catalogue."""

from __future__ import annotations

from collections import Counter
from datetime import time

import numpy as np
import pytest
import shapely

from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import ResourceKind
from cockpit.street.geo import first_within
from cockpit.street.demo import load_demo_street
from cockpit.street.generator import DEFAULT_SEED, generate_demo_street


@pytest.fixture(scope="module")
def street():
    return load_demo_street()


def test_counts_match_the_brief(street):
    kinds = Counter(r.kind for r in street.resources)
    types = Counter(r.type for r in street.resources)
    assert kinds[ResourceKind.STATION] == 26  # the street's centre, one a community, two grid work stations
    assert (types["party_mass_centre"], types["party_mass_station"], types["grid_station"]) == (1, 23, 2)
    assert (types["e_bike"], types["car"]) == (40, 6)
    assert kinds[ResourceKind.CACHE] == 120
    assert len({r.id for r in street.resources}) == len(street.resources)


def test_every_community_has_its_station_inside_it(street):
    stations = [r for r in street.resources if r.type == "party_mass_station"]
    assert sorted(street.micro_grid(s.micro_grid_id).community_id for s in stations) == [c.id for c in street.communities]
    for s in stations:
        assert s.name == f"{street.community(street.micro_grid(s.micro_grid_id).community_id).name}党群服务站"
        assert 3 <= s.staff <= 6 and s.hours and not s.is_open(time(12, 30)) and s.is_open(time(10))


def test_resources_lie_in_the_micro_grid_they_name(street):
    lon = np.array([r.lon for r in street.resources])
    lat = np.array([r.lat for r in street.resources])
    owner = first_within(np.asarray([m.polygon for m in street.micro_grids], dtype=object), lon, lat)
    assert [street.micro_grids[o].id for o in owner] == [r.micro_grid_id for r in street.resources]


def test_stations_face_a_road(street):
    roads = shapely.union_all([street.projection.geometry_to_xy(r.line) for r in street.roads])
    for s in (r for r in street.resources if r.kind is ResourceKind.STATION):
        x, y = street.projection.to_xy(s.lon, s.lat)
        assert shapely.Point(x, y).distance(roads) <= 16.0, s.id


def test_vehicles_are_based_at_stations_more_where_more_households_live(street):
    stations = {r.id: r for r in street.resources if r.kind is ResourceKind.STATION}
    vehicles = [r for r in street.resources if r.kind is ResourceKind.VEHICLE]
    assert all(v.base_id in stations for v in vehicles)
    bikes = Counter(v.base_id for v in vehicles if v.type == "e_bike")
    community_stations = [s for s in stations.values() if s.type == "party_mass_station"]
    assert all(bikes[s.id] >= 1 for s in community_stations)
    households = {c.id: c.households for c in street.communities}
    busiest = max(community_stations, key=lambda s: households[street.micro_grid(s.micro_grid_id).community_id])
    quietest = min(community_stations, key=lambda s: households[street.micro_grid(s.micro_grid_id).community_id])
    assert bikes[busiest.id] >= bikes[quietest.id]


def test_caches_sit_at_the_places_a_street_keeps_them(street):
    caches = [r for r in street.resources if r.kind is ResourceKind.CACHE]
    hosts = Counter(c.type for c in caches)
    places = Counter(d.kind for d in street.dedicated_grids)
    for kind in ("school", "market", "hospital", "office_tower", "park", "street_front"):
        assert hosts[kind] == places[kind]
    assert hosts["station"] == 26 and hosts["residential"] >= 50
    dedicated = {d.name: d for d in street.dedicated_grids}
    for cache in caches:
        if cache.type in places:
            place = dedicated[cache.name.removesuffix("应急物资点")]
            assert place.polygon.contains(shapely.Point(cache.lon, cache.lat)), cache.id
    assert all(c.hours == () for c in caches if c.type in ("residential", "hospital", "office_tower", "street_front"))


def test_stock_is_within_capacity_and_aeds_are_sparse(street):
    catalogue = default_categories().items
    stocks = [s for r in street.resources for s in r.stock]
    assert all(0 <= s.count <= s.capacity and s.item in catalogue for s in stocks)
    assert all(list(r.stock) == sorted(r.stock, key=lambda s: s.item) for r in street.resources)
    aed_sites = [r for r in street.resources if r.count("aed") > 0]
    assert 15 <= len(aed_sites) <= 40
    assert {r.type for r in aed_sites} <= {"party_mass_centre", "station", "school", "market", "hospital",
                                          "office_tower", "park"}
    pumps = [r for r in street.resources if r.count("pump") > 0]
    assert 3 <= len(pumps) <= 8 and all(r.count("sandbag") > 0 or r.count("pump") for r in pumps)
    low = [s for s in stocks if s.count < s.capacity]
    assert 0 < len(low) < 0.3 * len(stocks)


def test_the_catalogue_says_which_categories_need_which_items():
    table = default_categories()
    assert table["drainage_flooding"].items == ("pump",)
    assert table["fire_hazard"].items == ("extinguisher",)
    assert set(table["elderly_emergency"].items) == {"aed", "first_aid_kit"}
    assert table["neighbour_dispute"].items == ()
    assert table.items["aed"].name_zh == "AED除颤仪" and table.items["aed"].minutes == 5


def test_resources_are_deterministic(street):
    again = generate_demo_street(DEFAULT_SEED)
    assert again.resources == street.resources
    other = generate_demo_street(DEFAULT_SEED + 1)
    assert [r.lon for r in other.resources] != [r.lon for r in street.resources]
