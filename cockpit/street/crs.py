"""Coordinate systems of imported files, and their conversion to the WGS84 lon/lat the street keeps.

A street's files come in CGCS2000 (EPSG:4490 geographic, or a 3-degree Gauss-Kruger zone, EPSG:4513-4533
with the zone number in the easting and 4534-4554 without it), sometimes in the older Xi'an 1980 or
Beijing 1954, or in the GCJ-02 / BD-09 offsets of Chinese web maps (DESIGN.md 1.5). pyproj converts
every EPSG system (and any PROJ or WKT definition); :mod:`cockpit.street.china_offsets` undoes the
web-map offsets. Converted points must land in China: a wrong CRS (a zone number in the easting
where none was declared, degrees read as metres) is caught there instead of placing a street in the
ocean.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError as ProjCrsError

from cockpit.street.china_offsets import bd09_to_wgs84, gcj02_to_wgs84

OFFSET_SYSTEMS = {"gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}
"""The web-map systems that are offsets of WGS84 lon/lat, by manifest name, with their inverse."""
_ALIASES = {"gcj-02": "gcj02", "gcj_02": "gcj02", "bd-09": "bd09", "bd_09": "bd09", "bd09ll": "bd09",
            "wgs84": "EPSG:4326", "wgs-84": "EPSG:4326", "cgcs2000": "EPSG:4490"}
CHINA_BOUNDS = (73.0, 3.0, 136.0, 54.0)
"""lon/lat box every converted coordinate must fall in (west, south, east, north)."""
_EXACT_DATUMS = ("China 2000", "World Geodetic System 1984", "WGS 84")
"""Datums PROJ may shift to WGS84 by a null 'ballpark' offset without losing more than centimetres."""


class CrsError(ValueError):
    """A coordinate system that cannot be used, or coordinates that do not fit it."""


@dataclass(frozen=True)
class SourceCrs:
    """The coordinate system of one file or column pair, converting to WGS84 lon/lat.

    ``name`` is what the manifest or the file said; ``offset`` is the GCJ-02/BD-09 system when the
    coordinates are a web map's, ``crs`` the pyproj CRS otherwise. ``warning`` is set when the
    conversion is known to be approximate (a datum without a published shift to WGS84).
    """

    name: str
    crs: CRS | None = None
    offset: str | None = None
    warning: str | None = None
    _transformer: Transformer | None = field(default=None, repr=False, compare=False)

    @property
    def geographic(self) -> bool:
        """True for lon/lat systems (the web-map offsets included)."""
        return self.offset is not None or bool(self.crs is not None and self.crs.is_geographic)

    def to_wgs84(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """WGS84 (lon, lat) arrays of coordinates (x, y) in this system (x = easting or longitude)."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if self.offset is not None:
            lon, lat = OFFSET_SYSTEMS[self.offset](x, y)
        elif self._transformer is not None:
            lon, lat = self._transformer.transform(x, y)
        else:
            lon, lat = x, y
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)

    def geometries_to_wgs84(self, geometries: np.ndarray) -> np.ndarray:
        """The shapely geometries converted to WGS84 lon/lat (one vectorised pass over all vertices)."""
        def convert(coords: np.ndarray) -> np.ndarray:
            return np.column_stack(self.to_wgs84(coords[:, 0], coords[:, 1]))

        return shapely.transform(geometries, convert)

    def check_in_china(self, lon: np.ndarray, lat: np.ndarray) -> int | None:
        """Index of the first converted point outside China (or not finite), None if all fit."""
        west, south, east, north = CHINA_BOUNDS
        bad = ~(np.isfinite(lon) & np.isfinite(lat) & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north))
        rows = np.flatnonzero(bad)
        return int(rows[0]) if rows.size else None

    def misfit(self, x: float, y: float) -> str:
        """Why a point (x, y) of this system lands outside China: one line with a hint."""
        lon, lat = (float(v[0]) for v in self.to_wgs84(np.array([x]), np.array([y])))
        hint = ""
        if self.geographic and (abs(x) > 360 or abs(y) > 360):
            hint = "; these look like metres, not degrees: give the projected CRS"
        elif not self.geographic and abs(x) >= 1e7:
            hint = ("; an easting with the zone number in front (like 38512345.0) is EPSG:4513-4533, "
                    "one without it EPSG:4534-4554")
        elif not self.geographic and abs(x) <= 360 and abs(y) <= 360:
            hint = "; these look like degrees: give a geographic CRS (EPSG:4490, gcj02 or bd09)"
        return (f"point ({x:.6g}, {y:.6g}) in {self.name} converts to lon {lon:.4f}, lat {lat:.4f}, "
                f"outside China{hint}")


def parse_crs(text: str) -> SourceCrs:
    """The :class:`SourceCrs` a manifest names: ``EPSG:4547``, ``4547``, ``gcj02``, ``bd09``, WKT or PROJ.

    Raises
    ------
    CrsError
        The text names no coordinate system pyproj knows.
    """
    raw = str(text).strip()
    key = _ALIASES.get(raw.lower(), raw)
    if key.lower() in OFFSET_SYSTEMS:
        return SourceCrs(key.lower(), offset=key.lower())
    if key.isdigit():
        key = f"EPSG:{key}"
    try:
        crs = CRS.from_user_input(key)
    except ProjCrsError:
        raise CrsError(f"unknown coordinate system {raw!r}: give an EPSG code such as EPSG:4490, "
                       "or gcj02 / bd09") from None
    return from_pyproj(crs, raw)


def from_pyproj(crs: CRS, name: str | None = None) -> SourceCrs:
    """A :class:`SourceCrs` of a pyproj CRS (e.g. a file's own), with its conversion to WGS84."""
    if crs.is_geocentric or not (crs.is_geographic or crs.is_projected):
        raise CrsError(f"{name or crs.name}: not a geographic or projected coordinate system")
    transformer = _to_wgs84(crs.to_wkt())
    warning = None
    datum = crs.datum.name if crs.datum is not None else ""
    if "Ballpark" in transformer.description and not any(d in datum for d in _EXACT_DATUMS):
        warning = (f"{crs.name}: PROJ knows no published datum shift from {datum or 'its datum'} to WGS84, so "
                   "positions may be off by tens of metres; export the layer in CGCS2000 (EPSG:4490) or give a "
                   "PROJ definition with +towgs84")
    code = crs.to_epsg(min_confidence=90)
    return SourceCrs(name or (f"EPSG:{code}" if code else crs.name), crs=crs, warning=warning,
                     _transformer=transformer)


@functools.lru_cache(maxsize=32)
def _to_wgs84(wkt: str) -> Transformer:
    # Building a transformer costs ~0.2 s (PROJ's database): every layer in one CRS shares one.
    return Transformer.from_crs(CRS.from_wkt(wkt), 4326, always_xy=True)


def same_system(a: SourceCrs, b: SourceCrs) -> bool:
    """True when ``a`` and ``b`` are the same system (so a file's CRS agrees with the manifest's)."""
    if a.offset is not None or b.offset is not None:
        return a.offset == b.offset
    return a.crs is not None and b.crs is not None and a.crs.equals(b.crs, ignore_axis_order=True)


def effective_crs(declared: SourceCrs | None, own: SourceCrs | None) -> tuple[SourceCrs, str | None]:
    """The system a file is read in, and a note when the manifest and the file disagree.

    A file's own CRS (a Shapefile's .prj, a GeoPackage layer's) wins when present, with one
    exception: a web map's GCJ-02 or BD-09 cannot be written into a file, so a file that claims a
    geographic WGS84/CGCS2000 CRS while the manifest says gcj02 or bd09 is read as the manifest says.
    """
    if own is None:
        if declared is None:
            raise CrsError("no coordinate system: the file has none; set crs in the manifest")
        return declared, None
    if declared is None or same_system(declared, own):
        return own, None
    if declared.offset is not None and own.geographic and own.warning is None:
        return declared, None
    return own, f"the file's own CRS {own.name} is used, not the manifest's {declared.name}"


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS84 UTM zone holding (lon, lat): the street's metric projection."""
    zone = int((lon + 180.0) // 6.0) + 1
    return (32600 if lat >= 0 else 32700) + zone

