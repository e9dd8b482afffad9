"""A street's areas from its GIS layers: communities, general grids, micro-grids, dedicated grids, roads.

Each layer is read (:mod:`cockpit.street.gis`), converted to WGS84 (:mod:`cockpit.street.crs`),
repaired where shapely's ``make_valid`` can, and checked feature by feature (ids present and unique,
counts whole numbers); the hierarchy is linked by the manifest's parent column or, without one, by
the parent holding the largest part of each grid. Every problem names the file, the feature and the id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from cockpit.street.crs import CrsError, SourceCrs, effective_crs
from cockpit.street.gis import read_layer
from cockpit.street.manifest import Manifest, Source
from cockpit.street.model import Community, DedicatedGrid, GeneralGrid, MicroGrid, Projection, Road
from cockpit.street.problems import Problems
from cockpit.street.tables import as_text
from cockpit.street.tables import whole_number as whole

DEDICATED_KINDS = ("market", "school", "hospital", "office_tower", "park", "river", "street_front")
ROAD_KINDS = ("arterial", "secondary", "local")
DEDICATED_COMMUNITY_SHARE = 0.6
"""A dedicated grid belongs to the community holding this share of its area (as in the demo street)."""


@dataclass
class Features:
    """The usable features of one layer, in file order: ids, names, geometry (WGS84 and metres), attributes."""

    source: Source
    numbers: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    lonlat: list[BaseGeometry] = field(default_factory=list)
    attributes: dict[str, list[Any]] = field(default_factory=dict)
    metric: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))

    def where(self, position: int) -> str:
        return f"feature {self.numbers[position]}"

    def index(self) -> dict[str, int]:
        return {id_: position for position, id_ in enumerate(self.ids)}


def read_features(source: Source, problems: Problems, polygonal: bool = True) -> Features | None:
    """The features of a layer, WGS84, repaired; None if the layer as a whole is unusable (problems say why)."""
    layer = read_layer(source.path, source.layer, source.encoding, source.name)
    file = source.name
    missing = [c for c in source.columns.values() if c not in layer.fields]
    if missing:
        problems.error(file, "", None, f"no column {missing[0]!r} (the manifest's {source.key}); "
                                       f"columns: {', '.join(layer.fields)}")
        return None
    try:
        system, note = effective_crs(source.crs, layer.crs)
    except CrsError as exc:
        problems.error(file, "", None, str(exc))
        return None
    if note:
        problems.warning(file, "", None, note)
    if system.warning:
        problems.warning(file, "", None, system.warning)
    features = Features(source)
    columns = {f: layer.fields[c] for f, c in source.columns.items()}
    seen: dict[str, str] = {}
    kept_source: list[BaseGeometry] = []
    for n, geometry in enumerate(layer.geometries):
        number = n + 1
        where = f"feature {number}"
        id_ = as_text(_plain(columns["id"][n]))
        if not problems.claim_id(file, where, id_, seen, source.columns["id"]):
            continue
        if geometry is None or shapely.is_empty(geometry):
            problems.error(file, where, id_, "has no geometry")
            continue
        repaired = _repaired(geometry, polygonal, file, where, id_, problems)
        if repaired is None:
            continue
        features.numbers.append(number)
        features.ids.append(id_)
        name = as_text(_plain(columns["name"][n])) if "name" in columns else None
        features.names.append(name or id_)
        kept_source.append(repaired)
        for f, values in columns.items():
            if f not in ("id", "name"):
                features.attributes.setdefault(f, []).append(_plain(values[n]))
    if not kept_source:
        if not problems.errors:
            problems.error(file, "", None, "the layer has no features")
        return features
    converted = _to_wgs84(np.asarray(kept_source, dtype=object), system, features, problems)
    if converted is None:
        return None
    features.lonlat = list(converted)
    return features


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if isinstance(value, str):
        return value.strip() or None
    return value


def _repaired(geometry: BaseGeometry, polygonal: bool, file: str, where: str, id_: str,
              problems: Problems) -> BaseGeometry | None:
    wanted = ("Polygon", "MultiPolygon") if polygonal else ("LineString", "MultiLineString")
    if not shapely.is_valid(geometry):
        reason = shapely.is_valid_reason(geometry)
        fixed = shapely.make_valid(geometry)
        fixed = _only(fixed, wanted)
        if fixed is None or (polygonal and fixed.area <= 0):
            problems.error(file, where, id_, f"invalid geometry that make_valid cannot repair ({reason})")
            return None
        problems.warning(file, where, id_, f"invalid geometry repaired by make_valid ({reason})")
        geometry = fixed
    if geometry.geom_type not in wanted:
        problems.error(file, where, id_, f"is a {geometry.geom_type}; this layer needs {' or '.join(wanted)}")
        return None
    if shapely.get_num_geometries(geometry) == 1 and geometry.geom_type.startswith("Multi"):
        # GeoPackage and Shapefile layers are often all-multi; one part is the plain shape.
        return shapely.get_geometry(geometry, 0)
    return geometry


def _only(geometry: BaseGeometry, wanted: tuple[str, ...]) -> BaseGeometry | None:
    """The parts of ``geometry`` of the wanted types, as one geometry (None if there are none)."""
    if geometry.geom_type in wanted:
        return geometry
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in wanted]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if merged.geom_type in wanted else None


def _to_wgs84(geometries: np.ndarray, system: SourceCrs, features: Features, problems: Problems) -> np.ndarray | None:
    converted = system.geometries_to_wgs84(geometries)
    coords = shapely.get_coordinates(converted)
    bad = system.check_in_china(coords[:, 0], coords[:, 1])
    if bad is None:
        return converted
    owner = int(np.searchsorted(np.cumsum(shapely.get_num_coordinates(converted)), bad, side="right"))
    x, y = shapely.get_coordinates(geometries)[bad]
    problems.error(features.source.name, features.where(owner), features.ids[owner], system.misfit(x, y))
    return None


def to_metric(features: Features, projection: Projection) -> None:
    """Fill ``features.metric``: the geometries in the street's metric projection (for areas and checks)."""
    def convert(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(projection.to_xy(coords[:, 0], coords[:, 1]))

    features.metric = shapely.transform(np.asarray(features.lonlat, dtype=object), convert)


def whole_number(value: Any, features: Features, position: int, field_name: str, problems: Problems) -> int | None:
    """A count column's value as an int ≥ 0, or None after an error naming the feature."""
    if value is None:
        return None
    number = whole(value)
    if number is None:
        problems.error(features.source.name, features.where(position), features.ids[position],
                       f"{field_name} {value!r} is not a whole number ≥ 0 (column {features.source.columns[field_name]})")
    return number


def parents(children: Features, parent: Features, problems: Problems) -> list[int | None]:
    """The parent index of each child: by the parent column when mapped, else by largest overlap."""
    known = parent.index()
    by_name = {}
    for position, name in enumerate(parent.names):
        by_name.setdefault(name, position)
    result: list[int | None] = []
    if "parent" in children.source.columns:
        for position, value in enumerate(children.attributes["parent"]):
            text = as_text(value)
            found = known.get(text) if text is not None else None
            if found is None and text is not None:
                found = by_name.get(text)
            if found is None:
                problems.error(children.source.name, children.where(position), children.ids[position],
                               f"parent {text!r} is not a {parent.source.kind[:-1].replace('_', ' ')} of {parent.source.name}")
            result.append(found)
        return result
    tree = shapely.STRtree(parent.metric)
    for position, geometry in enumerate(children.metric):
        candidates = tree.query(geometry, predicate="intersects")
        if candidates.size == 0:
            problems.error(children.source.name, children.where(position), children.ids[position],
                           f"lies in no {parent.source.kind[:-1].replace('_', ' ')} of {parent.source.name}")
            result.append(None)
            continue
        overlap = shapely.area(shapely.intersection(parent.metric[candidates], geometry))
        result.append(int(candidates[int(np.argmax(overlap))]))
    return result


@dataclass
class Areas:
    """The built areas of a street, in file order."""

    communities: list[Community]
    general_grids: list[GeneralGrid]
    micro_grids: list[MicroGrid]
    dedicated_grids: list[DedicatedGrid]
    roads: list[Road]


def build_areas(manifest: Manifest, layers: dict[str, Features], projection: Projection, problems: Problems) -> Areas:
    """Link and count the areas; missing counts are summed from the children."""
    com, gen, mic = layers["communities"], layers["general_grids"], layers["micro_grids"]
    gen_parent = parents(gen, com, problems)
    mic_parent = parents(mic, gen, problems)

    def counts(features: Features, field_name: str) -> list[int | None]:
        values = features.attributes.get(field_name)
        if values is None:
            return [None] * len(features.ids)
        return [whole_number(v, features, p, field_name, problems) for p, v in enumerate(values)]

    micro_households, micro_residents = counts(mic, "households"), counts(mic, "residents")
    care = {f: counts(mic, f) for f in ("elderly_alone", "disabled", "children_left_behind")}
    micro_grids = []
    for p, gi in enumerate(mic_parent):
        if gi is None or gen_parent[gi] is None:
            continue
        micro_grids.append(MicroGrid(
            mic.ids[p], gen.ids[gi], com.ids[gen_parent[gi]], mic.names[p], mic.lonlat[p],
            micro_households[p] or 0, micro_residents[p] or 0,
            *(care[f][p] or 0 for f in ("elderly_alone", "disabled", "children_left_behind")),
        ))

    def summed(parent_ids: str, field_name: str) -> dict[str, int]:
        total: dict[str, int] = {}
        for m in micro_grids:
            key = getattr(m, parent_ids)
            total[key] = total.get(key, 0) + getattr(m, field_name)
        return total

    gen_households, gen_residents = counts(gen, "households"), counts(gen, "residents")
    sum_h, sum_r = summed("general_grid_id", "households"), summed("general_grid_id", "residents")
    general_grids = [
        GeneralGrid(gen.ids[p], com.ids[ci], gen.names[p], gen.lonlat[p],
                    gen_households[p] if gen_households[p] is not None else sum_h.get(gen.ids[p], 0),
                    gen_residents[p] if gen_residents[p] is not None else sum_r.get(gen.ids[p], 0))
        for p, ci in enumerate(gen_parent) if ci is not None
    ]
    com_households, com_residents = counts(com, "households"), counts(com, "residents")
    sum_h, sum_r = summed("community_id", "households"), summed("community_id", "residents")
    names_en = com.attributes.get("name_en", [None] * len(com.ids))
    communities = [
        Community(com.ids[p], com.names[p], as_text(names_en[p]) or com.ids[p], com.lonlat[p],
                  com_households[p] if com_households[p] is not None else sum_h.get(com.ids[p], 0),
                  com_residents[p] if com_residents[p] is not None else sum_r.get(com.ids[p], 0))
        for p in range(len(com.ids))
    ]
    return Areas(communities, general_grids, micro_grids,
                 _dedicated(layers.get("dedicated_grids"), com, problems), _roads(layers.get("roads"), problems))


def _dedicated(features: Features | None, communities: Features, problems: Problems) -> list[DedicatedGrid]:
    if features is None:
        return []
    from cockpit.street.generator import majority_owner

    result = []
    owners = list(communities.metric)
    known = communities.index()
    for p, id_ in enumerate(features.ids):
        kind = mapped_value(features.source, features.source.name, "kind", features.attributes["kind"][p],
                            DEDICATED_KINDS, problems, features.where(p), id_)
        if kind is None:
            continue
        if "community" in features.attributes:
            community = as_text(features.attributes["community"][p])
            if community is not None and community not in known:
                problems.error(features.source.name, features.where(p), id_, f"community {community!r} is unknown")
                continue
        else:
            owner = majority_owner(features.metric[p], owners, share=DEDICATED_COMMUNITY_SHARE)
            community = communities.ids[owner] if owner is not None else None
        result.append(DedicatedGrid(id_, kind, features.names[p], features.lonlat[p], community))
    return result


def _roads(features: Features | None, problems: Problems) -> list[Road]:
    if features is None:
        return []
    result = []
    kinds = features.attributes.get("kind")
    for p, id_ in enumerate(features.ids):
        kind = "local" if kinds is None else mapped_value(features.source, features.source.name, "kind", kinds[p],
                                                          ROAD_KINDS, problems, features.where(p), id_)
        if kind is not None:
            result.append(Road(id_, features.names[p] if features.names[p] != id_ else "", kind, features.lonlat[p]))
    return result


def mapped_value(source: Source, file: str, field_name: str, raw: Any, allowed: tuple[str, ...],
                 problems: Problems, where: str, id_: str | None) -> str | None:
    """``raw`` through the manifest's ``values.<field>`` map; an unknown value is an error naming the row."""
    text = as_text(raw)
    if text is None:
        problems.error(file, where, id_, f"{field_name} is empty (column {source.columns[field_name]})")
        return None
    value = source.values.get(field_name, {}).get(text, text)
    if value not in allowed:
        problems.error(file, where, id_,
                       f"{field_name} {text!r} is not one of {', '.join(allowed)}; map it in {source.key}.values.{field_name}")
        return None
    return value
