"""The import manifest: which files make a street and which of their columns mean what.

A manifest is a TOML file (docs/street-import.md has a complete example): ``[street]`` names the
street and the default CRS, ``[layers.<kind>]`` names a GIS layer and its columns,
``[registries.<kind>]`` a CSV or XLSX ledger with ``columns`` and ``values`` maps, and the optional
``[validation]`` table sets the tolerances of the geometry checks. Relative paths are taken from
the manifest's folder. Reading checks every key, so a typo is named, not ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cockpit.street.crs import CrsError, SourceCrs, parse_crs
from cockpit.street.problems import stop

AREA_LAYERS = ("communities", "general_grids", "micro_grids", "dedicated_grids")
LAYERS = AREA_LAYERS + ("roads", "buildings")
REQUIRED_LAYERS = ("communities", "general_grids", "micro_grids")
REGISTRIES = ("sensors", "staff", "shifts", "resources", "stock", "residents")

_LAYER_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required column keys, optional column keys)
    "communities": (("id", "name"), ("name_en", "households", "residents")),
    "general_grids": (("id", "name"), ("parent", "households", "residents")),
    "micro_grids": (("id", "name"), ("parent", "households", "residents", "elderly_alone", "disabled",
                                      "children_left_behind")),
    "dedicated_grids": (("id", "name", "kind"), ("community",)),
    "roads": (("id",), ("name", "kind")),
    "buildings": (("id",), ("households", "residents", "micro_grid")),
}
_REGISTRY_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sensors": (("id", "kind", "lon", "lat"), ("micro_grid", "community", "interval_s", "elderly_alone", "label")),
    "staff": (("name", "kind", "shift"), ("id", "grid", "community", "lon", "lat", "skills", "department")),
    "shifts": (("id", "name", "start", "end"), ()),
    "resources": (("id", "kind", "type", "lon", "lat"), ("name", "staff", "hours", "base")),
    "stock": (("resource", "item", "count"), ("capacity",)),
    "residents": (("micro_grid", "name", "id_number", "phone", "address"), ("health_flags",)),
}
_FILE_KEYS = {"file", "layer", "sheet", "encoding", "crs", "values", "columns"}


@dataclass(frozen=True)
class Tolerances:
    """Areas (m²) below which a geometry check lets a sliver pass (digitising noise)."""

    overlap_m2: float = 10.0
    gap_m2: float = 100.0
    outside_parent_m2: float = 10.0


@dataclass(frozen=True)
class Source:
    """One file of the manifest: a GIS layer (``layer``) or a ledger (``sheet``), with its column map.

    ``columns`` maps our field (``id``, ``name``, ``parent``...) to the file's column name;
    ``values`` maps a field to {file value: our value}.
    """

    kind: str
    key: str
    path: Path
    layer: str | None
    sheet: str | None
    encoding: str | None
    crs: SourceCrs | None
    columns: dict[str, str]
    values: dict[str, dict[str, str]]

    @property
    def name(self) -> str:
        """The file name as messages show it (with the layer or sheet when one was named)."""
        inner = self.layer or self.sheet
        return f"{self.path.name}:{inner}" if inner else self.path.name


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest: the street's names, its layers and registries, and the check tolerances."""

    path: Path
    street_id: str
    name: str
    name_en: str
    city: str
    crs: SourceCrs | None
    layers: dict[str, Source] = field(default_factory=dict)
    registries: dict[str, Source] = field(default_factory=dict)
    tolerances: Tolerances = Tolerances()


def read_manifest(path: str | Path) -> Manifest:
    """Read and check a manifest file.

    Raises
    ------
    ImportStopped
        The file is missing or not TOML, a key is unknown or missing, a CRS is unknown; the message
        names the manifest and the key.
    """
    path = Path(path)
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise stop(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise stop(str(path), f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise stop(name, f"not valid TOML: {exc}") from None
    _known(data, {"street", "layers", "registries", "validation"}, "", name)
    head = _table(data, "street", name, required=True)
    _known(head, {"id", "name", "name_en", "city", "crs"}, "street", name)
    street_id = _text(head, "id", "street.id", name, required=True)
    if not street_id.isascii() or not street_id.replace("-", "").replace("_", "").isalnum() or len(street_id) > 64:
        raise stop(name, "street.id: use letters, digits, '-' and '_' (at most 64): it names MQTT topics")
    default_crs = _crs(head, "street.crs", name)
    base = path.parent

    layers = {}
    for kind, spec in _table(data, "layers", name).items():
        if kind not in _LAYER_COLUMNS:
            raise stop(name, f"layers.{kind}: unknown layer; known: {', '.join(LAYERS)}")
        layers[kind] = _source(kind, f"layers.{kind}", spec, base, default_crs, name, registry=False)
    for kind in REQUIRED_LAYERS:
        if kind not in layers:
            raise stop(name, f"layers.{kind} is missing: a street needs communities, general grids and micro-grids")

    registries = {}
    for kind, spec in _table(data, "registries", name).items():
        if kind not in _REGISTRY_COLUMNS:
            raise stop(name, f"registries.{kind}: unknown registry; known: {', '.join(REGISTRIES)}")
        registries[kind] = _source(kind, f"registries.{kind}", spec, base, default_crs, name, registry=True)

    checks = _table(data, "validation", name)
    _known(checks, {"overlap_m2", "gap_m2", "outside_parent_m2"}, "validation", name)
    tolerances = Tolerances(**{key: _area(checks, key, name) for key in checks})
    return Manifest(path, street_id, _text(head, "name", "street.name", name, required=True),
                    _text(head, "name_en", "street.name_en", name) or street_id,
                    _text(head, "city", "street.city", name) or "", default_crs, layers, registries, tolerances)


def _source(kind: str, key: str, spec: Any, base: Path, default_crs: SourceCrs | None, name: str,
            registry: bool) -> Source:
    if not isinstance(spec, dict):
        raise stop(name, f"{key}: must be a table")
    required, optional = (_REGISTRY_COLUMNS if registry else _LAYER_COLUMNS)[kind]
    if registry:
        _known(spec, _FILE_KEYS - {"layer"}, key, name)
        columns = spec.get("columns", {})
        if not isinstance(columns, dict):
            raise stop(name, f"{key}.columns: must be a table of field = \"column name\"")
        _known(columns, set(required) | set(optional), f"{key}.columns", name)
        where = f"{key}.columns"
    else:
        _known(spec, (_FILE_KEYS - {"sheet", "columns"}) | set(required) | set(optional), key, name)
        columns = {k: v for k, v in spec.items() if k in required or k in optional}
        where = key
    for field_name in required:
        if field_name not in columns:
            raise stop(name, f"{where}.{field_name} is missing: the column that holds the {field_name}")
    for field_name, column in columns.items():
        if not isinstance(column, str) or not column.strip():
            raise stop(name, f"{where}.{field_name}: must be a column name")
    values = spec.get("values", {})
    if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
        raise stop(name, f"{key}.values: must be tables such as values.kind = {{ \"烟感\" = \"smoke\" }}")
    unknown = set(values) - set(columns)
    if unknown:
        raise stop(name, f"{key}.values.{sorted(unknown)[0]}: no such column is mapped")
    file = _text(spec, "file", f"{key}.file", name, required=True)
    return Source(kind=kind, key=key, path=(base / file), layer=_text(spec, "layer", f"{key}.layer", name),
                  sheet=_text(spec, "sheet", f"{key}.sheet", name), encoding=_text(spec, "encoding", f"{key}.encoding", name),
                  crs=_crs(spec, f"{key}.crs", name) or default_crs,
                  columns={k: v.strip() for k, v in columns.items()},
                  values={f: {str(a).strip(): str(b).strip() for a, b in m.items()} for f, m in values.items()})


def _known(table: dict, allowed: set[str], where: str, name: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        prefix = f"{where}." if where else ""
        raise stop(name, f"{prefix}{unknown[0]}: unknown key; known: {', '.join(sorted(allowed))}")


def _table(data: dict, key: str, name: str, required: bool = False) -> dict:
    value = data.get(key)
    if value is None:
        if required:
            raise stop(name, f"[{key}] is missing")
        return {}
    if not isinstance(value, dict):
        raise stop(name, f"{key}: must be a table")
    return value


def _text(table: dict, key: str, where: str, name: str, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise stop(name, f"{where} is missing")
        return None
    if not isinstance(value, str) or not value.strip():
        raise stop(name, f"{where}: must be non-empty text")
    return value.strip()


def _crs(table: dict, where: str, name: str) -> SourceCrs | None:
    value = table.get("crs")
    if value is None:
        return None
    try:
        return parse_crs(str(value))
    except CrsError as exc:
        raise stop(name, f"{where}: {exc}") from None


def _area(table: dict, key: str, name: str) -> float:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise stop(name, f"validation.{key}: must be an area in m² (0 or more)")
    return float(value)
