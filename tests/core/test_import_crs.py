"""Coordinate systems of imported files: EPSG codes of Chinese GIS, the web-map offsets, and which CRS wins."""

from __future__ import annotations

import numpy as np
import pytest

from cockpit.street.crs import CrsError, effective_crs, parse_crs


@pytest.mark.parametrize(("text", "name", "offset"), [
    ("EPSG:4490", "EPSG:4490", None), ("4547", "4547", None), ("gcj02", "gcj02", "gcj02"),
    ("GCJ-02", "gcj02", "gcj02"), ("bd09", "bd09", "bd09"), ("BD-09", "bd09", "bd09"), ("cgcs2000", "cgcs2000", None),
])
def test_names_a_manifest_may_use(text, name, offset):
    system = parse_crs(text)
    assert (system.name, system.offset) == (name, offset)


def test_gauss_kruger_with_and_without_the_zone_number_agree():
    with_zone = parse_crs("EPSG:4526")      # CGCS2000 3-degree GK zone 38 (CM 114E), zone in the easting
    without_zone = parse_crs("EPSG:4547")   # CM 114E, no zone number
    lon_a, lat_a = with_zone.to_wgs84([38_525_000.0], [3_384_000.0])
    lon_b, lat_b = without_zone.to_wgs84([525_000.0], [3_384_000.0])
    assert np.allclose([lon_a[0], lat_a[0]], [lon_b[0], lat_b[0]], atol=1e-9)
    assert 114.0 < lon_a[0] < 114.5 and 30.5 < lat_a[0] < 30.7


def test_a_zone_number_the_crs_does_not_expect_is_explained():
    system = parse_crs("EPSG:4547")
    lon, lat = system.to_wgs84([38_525_000.0], [3_384_000.0])
    assert system.check_in_china(lon, lat) == 0
    assert "EPSG:4513-4533" in system.misfit(38_525_000.0, 3_384_000.0)
    assert "metres, not degrees" in parse_crs("EPSG:4490").misfit(525_000.0, 3_384_000.0)


def test_datums_without_a_published_shift_to_wgs84_warn():
    assert "Xian 1980" in parse_crs("EPSG:2383").warning
    assert parse_crs("EPSG:4490").warning is None and parse_crs("EPSG:4547").warning is None


def test_an_unknown_crs_is_one_clear_error():
    with pytest.raises(CrsError, match="unknown coordinate system 'EPSG:999999'"):
        parse_crs("EPSG:999999")


def test_a_files_own_crs_wins_except_over_a_web_map_offset():
    wgs84, gcj02 = parse_crs("EPSG:4326"), parse_crs("gcj02")
    assert effective_crs(gcj02, wgs84) == (gcj02, None)      # a web map's GeoJSON claims WGS84
    own, note = effective_crs(parse_crs("EPSG:4490"), parse_crs("EPSG:4547"))
    assert own.name == "EPSG:4547" and "the file's own CRS EPSG:4547 is used" in note
    assert effective_crs(None, wgs84) == (wgs84, None)
    with pytest.raises(CrsError, match="set crs in the manifest"):
        effective_crs(None, None)
