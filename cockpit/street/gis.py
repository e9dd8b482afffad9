"""Reading GIS layers with pyogrio: GeoJSON, Shapefile (.prj, .dbf, .cpg) and GeoPackage.

A Shapefile's text encoding is named by its .cpg file; without one, GDAL would read a GBK .dbf as
Latin-1 and turn every Chinese name into mojibake, so the .dbf's bytes are sniffed instead (UTF-8
if they decode as UTF-8, else GB18030, a superset of GBK). A file's own CRS (.prj, GeoPackage) is
returned for :func:`cockpit.street.crs.effective_crs` to weigh against the manifest's (a GeoJSON
without a ``crs`` member is WGS84, as RFC 7946 says, unless the manifest names a web-map offset).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.raw
import shapely
from pyogrio.errors import DataLayerError, DataSourceError
from pyproj import CRS

from cockpit.street.crs import CrsError, SourceCrs, from_pyproj
from cockpit.street.problems import stop
from cockpit.street.tables import detect_encoding

_DBF_HEADER_BYTES = 32
_DBF_LANGUAGE_DRIVER = 29


@dataclass(frozen=True)
class Layer:
    """The features of one layer: shapely geometries, attribute columns by name, the file's CRS."""

    name: str
    geometries: np.ndarray
    fields: dict[str, np.ndarray]
    crs: SourceCrs | None


def read_layer(path: Path, layer: str | None = None, encoding: str | None = None, name: str | None = None) -> Layer:
    """Read one layer of a GIS file.

    Parameters
    ----------
    path
        ``.geojson``/``.json``, ``.shp`` or ``.gpkg`` (anything GDAL reads).
    layer
        The layer of a file with several; None takes the only (or first) one.
    encoding
        Text encoding of the attributes; None honours a .cpg and sniffs a .dbf without one.
    name
        How messages name the file.

    Raises
    ------
    ImportStopped
        Missing or unreadable file, unknown layer, an unknown CRS.
    """
    name = name or path.name
    if not path.is_file():
        raise stop(name, f"no such file: {path}")
    if layer is not None:
        try:
            names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
        except (DataSourceError, DataLayerError) as exc:
            raise stop(name, f"not a readable GIS file ({_first_line(exc)})") from None
        if layer not in names:
            raise stop(name, f"no layer {layer!r}; layers: {', '.join(names)}")
    if encoding is None and path.suffix.lower() == ".shp":
        encoding = _dbf_encoding(path)
    try:
        meta, _, wkb, values = pyogrio.raw.read(path, layer=layer, encoding=encoding)
    except (DataSourceError, DataLayerError) as exc:
        raise stop(name, f"not a readable GIS file ({_first_line(exc)})") from None
    except LookupError:
        raise stop(name, f"unknown encoding {encoding!r}") from None
    geometries = shapely.from_wkb(wkb) if wkb is not None else np.array([], dtype=object)
    own = None
    if meta.get("crs"):
        try:
            own = from_pyproj(CRS.from_user_input(meta["crs"]))
        except (CrsError, ValueError) as exc:
            raise stop(name, f"the file's own CRS is not usable: {exc}") from None
    fields = {str(column): np.asarray(data) for column, data in zip(meta["fields"], values)}
    return Layer(name, np.asarray(geometries, dtype=object), fields, own)


def _dbf_encoding(shp: Path) -> str | None:
    """UTF-8 or GB18030 for a .dbf without a .cpg and without a language driver byte, else None (GDAL decides)."""
    if any(shp.with_suffix(s).exists() for s in (".cpg", ".CPG")):
        return None
    dbf = next((shp.with_suffix(s) for s in (".dbf", ".DBF") if shp.with_suffix(s).exists()), None)
    if dbf is None:
        return None
    data = dbf.read_bytes()
    if len(data) > _DBF_LANGUAGE_DRIVER and data[_DBF_LANGUAGE_DRIVER] != 0:
        return None
    header_length = int.from_bytes(data[8:10], "little") if len(data) >= _DBF_HEADER_BYTES else 0
    records = data[header_length:]
    try:
        return "UTF-8" if detect_encoding(records) in ("utf-8", "utf-8-sig") else "GB18030"
    except UnicodeDecodeError:
        return None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
