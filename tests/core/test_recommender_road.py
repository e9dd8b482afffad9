"""The operator's ranked list travels by road: each kind of staff by its mode, pinned to the travel model."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from cockpit import recommender
from cockpit.dispatch import TRAVEL_MODE
from cockpit.street.demo import load_demo_street
from cockpit.travel.model import RoadTravel
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import Source, StaffKind, StaffStatus
from cockpit.vocabulary.events import CaseReported, StaffStatusChanged

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def street():
    return load_demo_street()


def _twin_with_case(street) -> TwinState:
    twin = TwinState(street)
    twin.apply_many([StaffStatusChanged(T0, s, StaffStatus.AVAILABLE) for s in twin.staff])
    micro = street.micro_grids[100]
    point = micro.polygon.representative_point()
    twin.apply(CaseReported(T0, "K1", "property_maintenance", Source.RESIDENT, point.x, point.y, micro.id,
                            micro.general_grid_id, micro.community_id))
    return twin


def test_every_staff_kind_has_a_mode_of_the_travel_profile():
    from cockpit.travel.profile import default_profile

    assert set(TRAVEL_MODE) == set(StaffKind)
    assert set(TRAVEL_MODE.values()) <= set(default_profile().modes)


def test_the_ranked_list_gives_road_minutes_by_each_persons_mode(street):
    twin = _twin_with_case(street)
    ranked = recommender.recommend(twin, "K1", "nearest", limit=30)
    assert ranked
    road = RoadTravel.from_street(street)
    case = twin.cases["K1"]
    target = road.places(np.array([street.projection.to_xy(case.lon, case.lat)], dtype=float))
    for rec in ranked:
        staff = twin.staff[rec.staff_id]
        mode = TRAVEL_MODE[staff.member.kind]
        expected = road.matrix(mode, road.places(np.array([[staff.x, staff.y]])), target)[0, 0]
        assert rec.eta_minutes == pytest.approx(expected)
    assert [r.eta_minutes for r in ranked] == sorted(r.eta_minutes for r in ranked)


def test_road_travel_differs_from_the_straight_line_estimate(street):
    twin = _twin_with_case(street)
    need = recommender.case_need(twin, twin.cases["K1"])
    by_road = recommender.candidates(twin, need)
    straight = recommender.candidates(twin)
    assert all(c.travel_minutes is not None for c in by_road) and all(c.travel_minutes is None for c in straight)
    from cockpit.dispatch import eta_minutes

    diffs = [abs(eta_minutes(a, need) - eta_minutes(b, need)) for a, b in zip(by_road, straight)]
    assert max(diffs) > 1.0  # the roads change the answer somewhere


def test_dispatch_records_the_arrival_the_list_showed(street):
    twin = _twin_with_case(street)
    from cockpit.vocabulary.domain import OwnerLevel, RiskLevel

    twin.triage("K1", "property_maintenance", RiskLevel.BLUE, OwnerLevel.GRID, "op")
    best = recommender.recommend(twin, "K1")[0]
    recommender.dispatch(twin, "K1", best.staff_id, "op")
    assert twin.cases["K1"].eta_minutes == pytest.approx(best.eta_minutes)
