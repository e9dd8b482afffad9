"""GeoJSON export of a street, one FeatureCollection file per layer, for QGIS and web maps.

Files follow RFC 7946: WGS84 longitude/latitude, polygons wound counter-clockwise outside and
clockwise inside (the right-hand rule), coordinates rounded to 7 decimals (about 1 cm).
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from cockpit.street.model import Street

COORDINATE_DECIMALS = 7

LAYERS = (
    "communities",
    "general_grids",
    "micro_grids",
    "dedicated_grids",
    "roads",
    "sensors",
    "staff_bases",
)
"""Layer names; each is written to ``<street id>_<layer>.geojson``."""


def export_geojson(street: Street, directory: Path | str) -> list[Path]:
    """Write every layer of ``street`` into ``directory`` (created if missing).

    Parameters
    ----------
    street
        The street to export.
    directory
        Output folder; existing files of the same names are replaced.

    Returns
    -------
    list of Path
        The files written, in the order of :data:`LAYERS`.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for layer in LAYERS:
        collection = {
            "type": "FeatureCollection",
            "name": f"{street.id}_{layer}",
            "features": list(_features(street, layer)),
        }
        path = directory / f"{street.id}_{layer}.geojson"
        path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        paths.append(path)
    return paths


def _features(street: Street, layer: str):
    if layer == "communities":
        for c in street.communities:
            yield _feature(
                c.polygon, id=c.id, name=c.name, name_en=c.name_en, households=c.households, residents=c.residents
            )
    elif layer == "general_grids":
        for g in street.general_grids:
            yield _feature(
                g.polygon,
                id=g.id,
                community_id=g.community_id,
                name=g.name,
                households=g.households,
                residents=g.residents,
            )
    elif layer == "micro_grids":
        for m in street.micro_grids:
            yield _feature(
                m.polygon,
                id=m.id,
                general_grid_id=m.general_grid_id,
                community_id=m.community_id,
                name=m.name,
                households=m.households,
                residents=m.residents,
                elderly_alone=m.elderly_alone,
                disabled=m.disabled,
                children_left_behind=m.children_left_behind,
            )
    elif layer == "dedicated_grids":
        for d in street.dedicated_grids:
            yield _feature(d.polygon, id=d.id, kind=d.kind, name=d.name, community_id=d.community_id)
    elif layer == "roads":
        for r in street.roads:
            yield _feature(r.line, id=r.id, name=r.name, kind=r.kind)
    elif layer == "sensors":
        for s in street.sensors:
            yield _feature(
                shapely.Point(s.lon, s.lat),
                id=s.id,
                kind=s.kind.value,
                micro_grid_id=s.micro_grid_id,
                interval_s=s.interval_s,
                elderly_alone=s.elderly_alone,
                label=s.label,
            )
    elif layer == "staff_bases":
        # Names stay out of the export: the file is for maps, and people's names are personal data.
        for p in street.staff:
            yield _feature(
                shapely.Point(p.lon, p.lat),
                id=p.id,
                kind=p.kind.value,
                skills=sorted(p.skills),
                shift_id=p.shift_id,
                department=None if p.department is None else p.department.value,
                home_community_id=p.home_community_id,
                home_general_grid_id=p.home_general_grid_id,
                home_micro_grid_id=p.home_micro_grid_id,
            )
    else:
        raise ValueError(f"unknown layer {layer!r}; known: {', '.join(LAYERS)}")


def _feature(geometry: BaseGeometry, **properties: object) -> dict:
    oriented = shapely.orient_polygons(geometry, exterior_cw=False)
    rounded = shapely.transform(oriented, lambda c: c.round(COORDINATE_DECIMALS))
    return {"type": "Feature", "id": properties["id"], "geometry": mapping(rounded), "properties": properties}
