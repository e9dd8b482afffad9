"""GCJ-02 and BD-09 against published reference values, and their iterated inverses to sub-metre."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.street.china_offsets import (
    bd09_to_gcj02,
    bd09_to_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

# (WGS84 lon, lat) → (GCJ-02 lon, lat) from eviltransform's test suite (googollee/eviltransform,
# python/test.py) and coordtransform's (Tiananmen, 116.404 E 39.915 N).
WGS_TO_GCJ = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),  # Shanghai
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),  # Shenzhen
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),  # Beijing
    ((116.404, 39.915), (116.41024449916938, 39.91640428150164)),
]
# Baidu's published forward formula, GCJ-02 (116.404, 39.915) → BD-09 (coordtransform's test suite).
GCJ_TO_BD = ((116.404, 39.915), (116.41036949371029, 39.92133699351021))
# The widely copied closed-form approximation of BD-09 → GCJ-02 at the same point; ours is iterated.
BD_TO_GCJ_APPROX = ((116.404, 39.915), (116.39762729119315, 39.90865673957631))

CHINA_LON = st.floats(min_value=73.7, max_value=134.7)
CHINA_LAT = st.floats(min_value=18.2, max_value=53.5)


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in metres between two nearby lon/lat points (equirectangular; exact enough below 1 km)."""
    dx = (a[0] - b[0]) * 111_320.0 * math.cos(math.radians(a[1]))
    dy = (a[1] - b[1]) * 110_574.0
    return math.hypot(dx, dy)


@pytest.mark.parametrize(("wgs", "gcj"), WGS_TO_GCJ)
def test_wgs84_to_gcj02_matches_the_published_values(wgs, gcj):
    assert metres(wgs84_to_gcj02(*wgs), gcj) < 0.01


@pytest.mark.parametrize(("wgs", "gcj"), WGS_TO_GCJ)
def test_gcj02_to_wgs84_undoes_the_offset_to_a_millimetre(wgs, gcj):
    assert metres(gcj02_to_wgs84(*gcj), wgs) < 0.01


def test_bd09_follows_baidus_formula_and_its_inverse_is_closer_than_the_approximation():
    assert metres(gcj02_to_bd09(*GCJ_TO_BD[0]), GCJ_TO_BD[1]) < 0.001
    exact = bd09_to_gcj02(*BD_TO_GCJ_APPROX[0])
    assert metres(exact, BD_TO_GCJ_APPROX[1]) < 1.0
    assert metres(gcj02_to_bd09(*exact), BD_TO_GCJ_APPROX[0]) < 0.001
    assert metres(gcj02_to_bd09(*BD_TO_GCJ_APPROX[1]), BD_TO_GCJ_APPROX[0]) > metres(gcj02_to_bd09(*exact), BD_TO_GCJ_APPROX[0])


def test_the_offsets_are_the_hundreds_of_metres_an_import_must_not_ignore():
    wgs = (114.27, 30.58)
    assert 300 < metres(wgs84_to_gcj02(*wgs), wgs) < 700
    assert metres(wgs84_to_bd09(*wgs), wgs) > metres(wgs84_to_gcj02(*wgs), wgs)


@settings(max_examples=300, deadline=None)
@given(CHINA_LON, CHINA_LAT)
def test_round_trips_through_gcj02_and_bd09_stay_below_a_centimetre(lon, lat):
    assert metres(gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat)), (lon, lat)) < 0.01
    assert metres(bd09_to_wgs84(*wgs84_to_bd09(lon, lat)), (lon, lat)) < 0.01
    assert metres(wgs84_to_gcj02(*gcj02_to_wgs84(lon, lat)), (lon, lat)) < 0.01


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(CHINA_LON, CHINA_LAT), min_size=1, max_size=40))
def test_arrays_give_the_same_answers_as_scalars(points):
    lon, lat = np.array(points).T
    glon, glat = gcj02_to_wgs84(lon, lat)
    for i, (x, y) in enumerate(points):
        assert (glon[i], glat[i]) == pytest.approx(gcj02_to_wgs84(x, y), abs=1e-9)
