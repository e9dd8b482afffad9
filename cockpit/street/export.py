"""``cockpit street export``: a street as files that QGIS opens and ``cockpit street import`` reads back.

The layers go out as GeoJSON (one RFC 7946 file per layer, :mod:`cockpit.street.geojson`) or as one
GeoPackage (full double precision), both WGS84; sensors, staff, shifts, resources (stations,
vehicles, caches) and their stock as UTF-8 CSV ledgers; and a
``manifest.toml`` mapping all of them, so that importing the export gives the same street (ids, names,
hierarchy, counts, sensors, staff; geometry exact from a GeoPackage, to 1 cm from GeoJSON). The staff
ledger carries the names of staff members, as the roster that was imported did.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pyogrio.raw
import shapely

from cockpit.street.geojson import export_geojson
from cockpit.street.model import Street

FORMATS = ("geojson", "gpkg")
AREA_LAYER_FIELDS = {
    "communities": ("id", "name", "name_en", "households", "residents"),
    "general_grids": ("id", "community_id", "name", "households", "residents"),
    "micro_grids": ("id", "general_grid_id", "name", "households", "residents", "elderly_alone", "disabled",
                    "children_left_behind"),
    "dedicated_grids": ("id", "kind", "name", "community_id"),
    "roads": ("id", "name", "kind"),
}
"""Attributes of each exported layer (the street model's field names)."""
_MANIFEST_KEYS = {
    "communities": {"id": "id", "name": "name", "name_en": "name_en", "households": "households",
                    "residents": "residents"},
    "general_grids": {"id": "id", "name": "name", "parent": "community_id", "households": "households",
                      "residents": "residents"},
    "micro_grids": {"id": "id", "name": "name", "parent": "general_grid_id", "households": "households",
                    "residents": "residents", "elderly_alone": "elderly_alone", "disabled": "disabled",
                    "children_left_behind": "children_left_behind"},
    "dedicated_grids": {"id": "id", "name": "name", "kind": "kind", "community": "community_id"},
    "roads": {"id": "id", "name": "name", "kind": "kind"},
}
SENSOR_COLUMNS = ("id", "kind", "lon", "lat", "micro_grid", "interval_s", "elderly_alone", "label")
STAFF_COLUMNS = ("id", "name", "kind", "shift", "grid", "community", "lon", "lat", "skills", "department")
SHIFT_COLUMNS = ("id", "name", "start", "end")
RESOURCE_COLUMNS = ("id", "kind", "type", "name", "lon", "lat", "staff", "hours", "base")
STOCK_COLUMNS = ("resource", "item", "count", "capacity")


def export_street(street: Street, out: Path | str, format: str = "geojson") -> list[Path]:
    """Write ``street`` into the folder ``out`` (created) as layers, ledgers and a manifest; returns the files.

    Raises
    ------
    ValueError
        ``format`` is not one of :data:`FORMATS`.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if format == "geojson":
        paths = export_geojson(street, out)
        files = {layer: f"{street.id}_{layer}.geojson" for layer in AREA_LAYER_FIELDS}
        layer_names: dict[str, str | None] = {layer: None for layer in AREA_LAYER_FIELDS}
    else:
        gpkg = out / f"{street.id}.gpkg"
        gpkg.unlink(missing_ok=True)
        for layer in AREA_LAYER_FIELDS:
            _write_gpkg_layer(street, gpkg, layer)
        paths = [gpkg]
        files = {layer: gpkg.name for layer in AREA_LAYER_FIELDS}
        layer_names = {layer: layer for layer in AREA_LAYER_FIELDS}
    paths += [_write_csv(out / "sensors.csv", SENSOR_COLUMNS, _sensor_rows(street)),
              _write_csv(out / "staff.csv", STAFF_COLUMNS, _staff_rows(street)),
              _write_csv(out / "shifts.csv", SHIFT_COLUMNS,
                         [(s.id, s.name, s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in street.shifts]),
              _write_csv(out / "resources.csv", RESOURCE_COLUMNS, _resource_rows(street)),
              _write_csv(out / "stock.csv", STOCK_COLUMNS,
                         [(r.id, k.item, k.count, k.capacity) for r in street.resources for k in r.stock])]
    manifest = out / "manifest.toml"
    manifest.write_text(_manifest_text(street, files, layer_names), encoding="utf-8")
    return paths + [manifest]


def _layer_items(street: Street, layer: str):
    return {"communities": street.communities, "general_grids": street.general_grids,
            "micro_grids": street.micro_grids, "dedicated_grids": street.dedicated_grids,
            "roads": street.roads}[layer]


def _write_gpkg_layer(street: Street, path: Path, layer: str) -> None:
    items = _layer_items(street, layer)
    fields = AREA_LAYER_FIELDS[layer]
    geometries = [getattr(item, "line" if layer == "roads" else "polygon") for item in items]
    values = []
    for name in fields:
        column = [getattr(item, name) for item in items]
        values.append(np.asarray(column, dtype=object if not column or isinstance(column[0], str) or None in column
                                 else np.int64))
    kind = "MultiLineString" if layer == "roads" else "MultiPolygon"
    wkb = shapely.to_wkb(np.asarray(geometries, dtype=object)) if geometries else np.array([], dtype=object)
    pyogrio.raw.write(path, wkb, values, fields=list(fields), geometry_type=kind, crs="EPSG:4326",
                      driver="GPKG", layer=layer, append=path.exists(), promote_to_multi=True)


def _sensor_rows(street: Street):
    for s in street.sensors:
        yield (s.id, s.kind.value, repr(s.lon), repr(s.lat), s.micro_grid_id, s.interval_s,
               "1" if s.elderly_alone else "0", s.label)


def _staff_rows(street: Street):
    for p in street.staff:
        grid = p.home_micro_grid_id or p.home_general_grid_id
        yield (p.id, p.name, p.kind.value, p.shift_id, grid or "", "" if grid else (p.home_community_id or ""),
               repr(p.lon), repr(p.lat), ";".join(sorted(p.skills)),
               p.department.value if p.department is not None else "")


def _resource_rows(street: Street):
    for r in street.resources:
        hours = ";".join(f"{a.strftime('%H:%M')}-{b.strftime('%H:%M')}" for a, b in r.hours)
        yield (r.id, r.kind.value, r.type, r.name, repr(r.lon), repr(r.lat), r.staff, hours, r.base_id or "")


def _write_csv(path: Path, header: tuple[str, ...], rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _manifest_text(street: Street, files: dict[str, str], layer_names: dict[str, str | None]) -> str:
    lines = [
        f"# Exported by cockpit street export: import it with `cockpit street import {'manifest.toml'}`.",
        "[street]",
        f"id = {_quote(street.id)}",
        f"name = {_quote(street.name)}",
        f"name_en = {_quote(street.name_en)}",
        f"city = {_quote(street.city)}" if street.city else "",
        'crs = "EPSG:4326"',
        "",
    ]
    for layer, keys in _MANIFEST_KEYS.items():
        if not _layer_items(street, layer) and layer in ("dedicated_grids", "roads"):
            continue
        lines.append(f"[layers.{layer}]")
        lines.append(f"file = {_quote(files[layer])}")
        if layer_names[layer]:
            lines.append(f"layer = {_quote(layer_names[layer])}")
        lines += [f"{key} = {_quote(column)}" for key, column in keys.items()]
        lines.append("")
    for name, columns in (("shifts", SHIFT_COLUMNS), ("sensors", SENSOR_COLUMNS), ("staff", STAFF_COLUMNS),
                          ("resources", RESOURCE_COLUMNS), ("stock", STOCK_COLUMNS)):
        mapped = ", ".join(f"{c} = {_quote(c)}" for c in columns)
        lines += [f"[registries.{name}]", f'file = "{name}.csv"', f"columns = {{ {mapped} }}", ""]
    return "\n".join(line for line in lines if line is not None) + "\n"
