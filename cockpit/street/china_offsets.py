"""GCJ-02 and BD-09: the offset coordinates of Chinese web maps, to and from WGS84.

Points picked on AMap, Tencent maps or WeChat are in GCJ-02 ("Mars coordinates"), on Baidu maps in
BD-09; neither is an EPSG system, and taking them for WGS84 misplaces a point by 100-700 m. Both
are published formulas applied to WGS84:

* WGS84 → GCJ-02: the GB/T-era obfuscation whose code leaked in 2008 and is reproduced by every
  open implementation (eviltransform, coordtransform, prcoords): a polynomial-and-sine offset of
  (lon - 105, lat - 35) in metres, turned into degrees on the Krasovsky 1940 ellipsoid
  (a = 6378245 m, e² = 0.00669342162296594323).
* GCJ-02 → BD-09: Baidu's published rotation and scaling about the origin, shifted by
  (0.0065, 0.006).

Neither has a closed-form inverse. The inverses here iterate the forward formula (a fixed point:
``wgs ← wgs - (forward(wgs) - gcj)``), which converges by ~100x a step; they stop below
:data:`INVERSE_TOLERANCE_DEG` (about 1 mm), so a round trip is exact to well under a metre.
Everything is vectorised over numpy arrays and works on scalars too. The offsets are applied
everywhere, also outside China: a street is always in China, and a cut-off at the border would
make the inverse discontinuous.
"""

from __future__ import annotations

import numpy as np

KRASOVSKY_A = 6378245.0
"""Semi-major axis (m) of the Krasovsky 1940 ellipsoid the GCJ-02 formula uses."""
KRASOVSKY_EE = 0.00669342162296594323
"""Its first eccentricity squared."""
BD_X_PI = np.pi * 3000.0 / 180.0
"""Baidu's frequency constant of the BD-09 rotation."""
BD_DLON, BD_DLAT = 0.0065, 0.006
"""Baidu's shift of BD-09 from GCJ-02, degrees."""
INVERSE_TOLERANCE_DEG = 1e-8
"""An inverse stops when a step moves the point by less than this (about 1 mm)."""
MAX_ITERATIONS = 30


def _gcj_delta(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The GCJ-02 offset (dlon, dlat) in degrees at the WGS84 point (lon, lat)."""
    x, y = lon - 105.0, lat - 35.0
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x)) + common
            + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x)) + common
            + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    radlat = lat / 180.0 * np.pi
    magic = 1.0 - KRASOVSKY_EE * np.sin(radlat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = dlat * 180.0 / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * np.pi)
    dlon = dlon * 180.0 / (KRASOVSKY_A / sqrt_magic * np.cos(radlat) * np.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat):
    """GCJ-02 (lon, lat) of WGS84 (lon, lat); scalars or arrays."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlon, dlat = _gcj_delta(lon, lat)
    return _out(lon + dlon, lat + dlat)


def gcj02_to_wgs84(lon, lat):
    """WGS84 (lon, lat) of GCJ-02 (lon, lat), iterated to :data:`INVERSE_TOLERANCE_DEG`."""
    return _invert(wgs84_to_gcj02, lon, lat)


def gcj02_to_bd09(lon, lat):
    """BD-09 (lon, lat) of GCJ-02 (lon, lat) (Baidu's published formula)."""
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.hypot(x, y) + 0.00002 * np.sin(y * BD_X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * BD_X_PI)
    return _out(z * np.cos(theta) + BD_DLON, z * np.sin(theta) + BD_DLAT)


def bd09_to_gcj02(lon, lat):
    """GCJ-02 (lon, lat) of BD-09 (lon, lat), iterated to :data:`INVERSE_TOLERANCE_DEG`."""
    return _invert(gcj02_to_bd09, lon, lat)


def wgs84_to_bd09(lon, lat):
    """BD-09 (lon, lat) of WGS84 (lon, lat)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat):
    """WGS84 (lon, lat) of BD-09 (lon, lat)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def _invert(forward, lon, lat):
    """The point whose ``forward`` image is (lon, lat), by fixed-point iteration from (lon, lat)."""
    target_lon, target_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    guess_lon, guess_lat = target_lon.copy(), target_lat.copy()
    for _ in range(MAX_ITERATIONS):
        image_lon, image_lat = forward(guess_lon, guess_lat)
        step_lon, step_lat = image_lon - target_lon, image_lat - target_lat
        guess_lon, guess_lat = guess_lon - step_lon, guess_lat - step_lat
        if np.all(np.maximum(np.abs(step_lon), np.abs(step_lat)) < INVERSE_TOLERANCE_DEG):
            break
    return _out(guess_lon, guess_lat)


def _out(lon: np.ndarray, lat: np.ndarray):
    if lon.ndim == 0:
        return float(lon), float(lat)
    return lon, lat
