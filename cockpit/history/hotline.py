"""12345-hotline and grid-platform exports (工单) turned into the v1 incident log of a street.

A mapping file (TOML, docs/hotline-import.md) names the export's columns and maps its values (their
category names, sources, handling units) onto ours. Every row is either imported or written to a
side file with the reason: unknown values are counted per column and never silently dropped; a row
is located by its coordinates (converted from the mapping's CRS, usually GCJ-02) or, failing that,
by the community or grid it names, and otherwise reported as unlocated. Free-text columns such as
诉求内容 hold names, phone and ID numbers: they are never read, and every value that does reach
the side file is passed through :func:`cockpit.vocabulary.masking.mask_text`.
"""

from __future__ import annotations

import csv
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.street.geo import Locator
from cockpit.history.format import LOG_COLUMNS, normalise_log
from cockpit.history.export_times import TimeFormatError, parse_local_time
from cockpit.vocabulary.masking import mask_text
from cockpit.street.crs import CrsError, SourceCrs, parse_crs
from cockpit.street.model import Street
from cockpit.street.problems import ImportStopped
from cockpit.street.registries import AreaNames
from cockpit.street.tables import as_text, read_table

STEP_COLUMNS = ("reported_at", "triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at")
"""The loop's times an export may carry, in order."""
FIELDS = STEP_COLUMNS + ("case_id", "category", "source", "risk_level", "community", "grid", "lon", "lat",
                         "assignee", "satisfaction")
REQUIRED = ("reported_at", "category")
MAPPED_VALUES = ("category", "source", "risk_level", "assignee", "satisfaction", "community", "grid")
SATISFACTION = {"满意": 5, "非常满意": 5, "基本满意": 4, "一般": 3, "不满意": 2, "非常不满意": 1}
"""Default ratings of the usual 回访结果 words (the mapping's values.satisfaction overrides them)."""
DEFAULT_ZONE = "Asia/Shanghai"
_FILLED = ("triaged_at", "dispatched_at", "accepted_at", "resolved_at")
SIDE_COLUMNS = ("row", "case_id", "reason", "reported_at", "category", "community", "grid", "lon", "lat")


class HotlineError(ValueError):
    """A mapping or export that cannot be used at all; one line naming the file and the reason."""


@dataclass(frozen=True)
class HotlineMapping:
    """The columns of an export and how its values map onto ours."""

    columns: dict[str, str]
    values: dict[str, dict[str, str]]
    crs: SourceCrs | None
    zone: ZoneInfo
    default_source: str
    sheet: str | None = None
    encoding: str | None = None


def read_mapping(path: Path) -> HotlineMapping:
    """Read a mapping file (raises :class:`HotlineError` naming the key that is wrong)."""
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise HotlineError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise HotlineError(f"{name}: not a readable TOML mapping ({exc})") from None
    unknown = set(data) - {"columns", "values", "crs", "timezone", "source", "sheet", "encoding"}
    if unknown:
        raise HotlineError(f"{name}: unknown key {sorted(unknown)[0]!r}")
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or set(columns) - set(FIELDS):
        bad = sorted(set(columns) - set(FIELDS)) if isinstance(columns, dict) else ["columns"]
        raise HotlineError(f"{name}: columns.{bad[0]}: unknown field; known: {', '.join(FIELDS)}")
    for required in REQUIRED:
        if required not in columns:
            raise HotlineError(f"{name}: columns.{required} is missing")
    if ("lon" in columns) != ("lat" in columns):
        raise HotlineError(f"{name}: map both columns.lon and columns.lat, or neither")
    values = data.get("values", {})
    if not isinstance(values, dict) or set(values) - set(MAPPED_VALUES):
        raise HotlineError(f"{name}: values.* may map {', '.join(MAPPED_VALUES)}")
    crs = None
    if "crs" in data:
        try:
            crs = parse_crs(str(data["crs"]))
        except CrsError as exc:
            raise HotlineError(f"{name}: crs: {exc}") from None
    elif "lon" in columns:
        raise HotlineError(f"{name}: crs is missing: say which system the coordinates are in (e.g. gcj02)")
    try:
        zone = ZoneInfo(str(data.get("timezone", DEFAULT_ZONE)))
    except (ZoneInfoNotFoundError, ValueError):
        raise HotlineError(f"{name}: timezone {data.get('timezone')!r} is not a time zone such as Asia/Shanghai") from None
    source = str(data.get("source", Source.RESIDENT.value))
    if source not in tuple(Source):
        raise HotlineError(f"{name}: source {source!r} is not one of {', '.join(Source)}")
    return HotlineMapping({k: str(v).strip() for k, v in columns.items()},
                          {f: {str(a).strip(): str(b).strip() for a, b in m.items()} for f, m in values.items()},
                          crs, zone, source, data.get("sheet"), data.get("encoding"))


@dataclass
class HotlineResult:
    """The converted log and what happened to every row."""

    frame: pd.DataFrame
    rows: int
    not_imported: list[dict[str, Any]] = field(default_factory=list)
    unknown_values: dict[str, Counter] = field(default_factory=dict)

    @property
    def unlocated(self) -> int:
        return sum(1 for r in self.not_imported if r["reason"].startswith("unlocated"))

    def to_json(self) -> dict:
        """The ``--json`` object of ``cockpit history import``."""
        return {"rows": self.rows, "imported": len(self.frame), "unlocated": self.unlocated,
                "unknown_values": {column: dict(counts.most_common()) for column, counts in self.unknown_values.items()}}


class _Row:
    """One export row being converted; :meth:`refuse` records why it cannot be imported.

    ``lonlat`` is its WGS84 position when it has coordinates that are numbers (converted for all rows
    at once: the GCJ-02 inverse is iterated, and one call per row would cost a millisecond each).
    """

    def __init__(self, number: int, values: dict[str, Any]) -> None:
        self.number = number
        self.values = values
        self.reasons: list[str] = []
        self.lonlat: tuple[float, float] | None = None

    def refuse(self, reason: str) -> None:
        self.reasons.append(reason)


def convert_export(path: Path, mapping: HotlineMapping, street: Street) -> HotlineResult:
    """The incident log of an export for ``street``, and the rows it could not take.

    Raises
    ------
    HotlineError
        The export cannot be read or lacks a mapped column.
    """
    try:
        table = read_table(path, mapping.columns.values(), sheet=mapping.sheet, encoding=mapping.encoding)
    except ImportStopped as stopped:
        raise HotlineError(str(stopped)) from None
    cols = {f: table.index(c) for f, c in mapping.columns.items()}
    categories = default_categories()
    category_names = {c.name_zh: c.code for c in categories}
    locator = Locator(street)
    names = AreaNames(street)
    unknown: dict[str, Counter] = {}
    records, refused, seen = [], [], {}
    rows = [_Row(number, {f: raw[i] for f, i in cols.items()}) for raw, number in zip(table.rows, table.row_numbers)]
    _convert_coordinates(rows, mapping)
    for row in rows:
        record = _convert(row, mapping, categories, category_names, locator, names, street, unknown, seen)
        if row.reasons:
            refused.append(_side_row(row))
        else:
            records.append(record)
    frame = normalise_log(pd.DataFrame(records, columns=list(LOG_COLUMNS)), str(path)) if records else \
        normalise_log(pd.DataFrame({c: pd.Series(dtype=object) for c in LOG_COLUMNS}), str(path))
    return HotlineResult(frame, len(table.rows), refused, unknown)


def _mapped(row: _Row, field_name: str, mapping: HotlineMapping, unknown: dict[str, Counter],
            allowed: tuple[str, ...] | None = None, also: dict[str, str] | None = None) -> str | None:
    """The row's value of ``field_name`` through values.<field> (then ``also``); unknown values are counted."""
    text = as_text(row.values.get(field_name))
    if text is None:
        return None
    value = mapping.values.get(field_name, {}).get(text)
    if value is None and also is not None:
        value = also.get(text)
    if value is None and allowed is not None and text in allowed:
        value = text
    if value is None or (allowed is not None and value not in allowed):
        unknown.setdefault(field_name, Counter())[text] += 1
        row.refuse(f"{field_name} {text!r} is not mapped (values.{field_name} in the mapping)")
        return None
    return value


def _convert(row: _Row, mapping: HotlineMapping, categories, category_names, locator: Locator, names: AreaNames,
             street: Street, unknown: dict[str, Counter], seen: dict[str, int]) -> dict[str, Any]:
    case_id = as_text(row.values.get("case_id")) or f"ROW{row.number:07d}"
    if case_id in seen:
        row.refuse(f"case id {case_id!r} repeats row {seen[case_id]}")
    seen.setdefault(case_id, row.number)
    times: dict[str, datetime | None] = {}
    for column in STEP_COLUMNS:
        try:
            times[column] = parse_local_time(row.values.get(column), mapping.zone)
        except TimeFormatError as exc:
            row.refuse(f"{column} ({mapping.columns[column]}): {exc}")
            times[column] = None
    if times["reported_at"] is None and not any("reported_at" in r for r in row.reasons):
        row.refuse(f"no report time ({mapping.columns['reported_at']} is empty)")
    category = _mapped(row, "category", mapping, unknown, tuple(categories.codes), category_names)
    source = _mapped(row, "source", mapping, unknown, tuple(Source)) or mapping.default_source
    risk = _mapped(row, "risk_level", mapping, unknown, tuple(RiskLevel))
    if risk is None and category is not None:
        risk = categories[category].default_risk.value
    assignee = _mapped(row, "assignee", mapping, unknown, tuple(m.id for m in street.staff))
    rating = _rating(row, mapping, unknown)
    _fill_steps(times, row, assignee, rating, mapping.zone)
    location = _locate(row, mapping, locator, names, street, unknown)
    if row.reasons or location is None:
        return {}
    risk_level = RiskLevel(risk)
    owner = risk_level.default_owner
    return {
        "case_id": case_id, **times, "category": category, "risk_level": risk_level.value, "source": source,
        "community": location[2], "general_grid": location[1], "micro_grid": location[0],
        "lon": location[3], "lat": location[4], "assignee": assignee, "owner_level": OwnerLevel(owner).value,
        "escalations": 0, "satisfaction": rating, "reopened": 0, "first_resolved_at": None, "reopened_at": None,
    }


def _rating(row: _Row, mapping: HotlineMapping, unknown: dict[str, Counter]) -> int | None:
    text = as_text(row.values.get("satisfaction"))
    if text is None:
        return None
    value = mapping.values.get("satisfaction", {}).get(text) or SATISFACTION.get(text)
    if value is None and text in ("1", "2", "3", "4", "5"):
        value = text
    if value is None or str(value) not in ("1", "2", "3", "4", "5"):
        unknown.setdefault("satisfaction", Counter())[text] += 1
        row.refuse(f"satisfaction {text!r} is not 满意/基本满意/不满意 or 1-5 (values.satisfaction in the mapping)")
        return None
    return int(value)


def _fill_steps(times: dict[str, datetime | None], row: _Row, assignee: str | None, rating: int | None,
                zone: ZoneInfo) -> None:
    """Check the order of the times; a step the export skips happened by the next recorded one.

    Exports keep no triage time and often no 签收 time; the log needs each step before a later one,
    so a missing triage, dispatch, acceptance or resolution takes the time of the next recorded step
    (response times are then upper bounds).
    """
    if times["reported_at"] is None:
        return
    later: datetime | None = None
    for column in reversed(STEP_COLUMNS[1:]):
        if times[column] is not None:
            later = times[column]
        elif later is not None and column in _FILLED:
            times[column] = later
    previous_column, previous = "reported_at", times["reported_at"]
    for column in STEP_COLUMNS[1:]:
        if times[column] is None:
            continue
        if times[column] < previous:
            row.refuse(f"{column} {_local(times[column], zone)} is before {previous_column} {_local(previous, zone)}")
            return
        previous_column, previous = column, times[column]
    if times["dispatched_at"] is not None and assignee is None and "assignee" not in " ".join(row.reasons):
        row.refuse("dispatched but no handling unit (assignee) is given")
    if rating is not None and times["resolved_at"] is None:
        row.refuse("rated but never resolved")


def _local(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _convert_coordinates(rows: list[_Row], mapping: HotlineMapping) -> None:
    """Set every row's ``lonlat`` from its coordinates in the mapping's CRS, in one vectorised pass."""
    if mapping.crs is None:
        return
    x, y = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    for i, row in enumerate(rows):
        try:
            x[i], y[i] = float(row.values.get("lon")), float(row.values.get("lat"))
        except (TypeError, ValueError):
            continue
    ok = np.isfinite(x) & np.isfinite(y)
    lon, lat = mapping.crs.to_wgs84(x[ok], y[ok])
    for i, a, b in zip(np.flatnonzero(ok), lon, lat):
        rows[i].lonlat = (float(a), float(b))


def _locate(row: _Row, mapping: HotlineMapping, locator: Locator, names: AreaNames, street: Street,
            unknown: dict[str, Counter]) -> tuple[str, str, str, float, float] | None:
    """(micro-grid, general grid, community, lon, lat): by coordinates, else by the grid or community named."""
    reasons = []
    lon_text, lat_text = as_text(row.values.get("lon")), as_text(row.values.get("lat"))
    if row.lonlat is not None:
        lon, lat = row.lonlat
        found = locator.locate(lon, lat)
        if found is not None:
            return found.micro_grid_id, found.general_grid_id, found.community_id, lon, lat
        reasons.append(f"coordinates {lon_text}, {lat_text} ({mapping.crs.name}) are outside the street")
    elif lon_text is not None or lat_text is not None:
        reasons.append(f"coordinates {lon_text}, {lat_text} are not numbers")
    grid, community = as_text(row.values.get("grid")), as_text(row.values.get("community"))
    grid = mapping.values.get("grid", {}).get(grid, grid) if grid else None
    community = mapping.values.get("community", {}).get(community, community) if community else None
    area = None
    if grid is not None:
        micro = names.find("micro", grid)
        general = names.find("general", grid) if micro is None else None
        area = street.micro_grid(micro).polygon if micro else street.general_grid(general).polygon if general else None
        if area is None:
            reasons.append(f"grid {grid!r} is not in the street")
    if area is None and community is not None:
        found_community = names.find("community", community)
        if found_community is not None:
            area = street.community(found_community).polygon
        else:
            reasons.append(f"community {community!r} is not in the street")
            unknown.setdefault("community", Counter())[community] += 1
    if area is not None:
        # Named places are located at a point inside them: the micro-grid there is an approximation.
        point = area.representative_point()
        found = locator.locate(point.x, point.y)
        if found is not None:
            return found.micro_grid_id, found.general_grid_id, found.community_id, float(point.x), float(point.y)
    row.refuse("unlocated: " + ("; ".join(reasons) if reasons else "no coordinates, grid or community"))
    return None


def _side_row(row: _Row) -> dict[str, Any]:
    values = {column: mask_text(str(as_text(row.values.get(column)) or "")) for column in SIDE_COLUMNS[3:]}
    return {"row": row.number, "case_id": mask_text(str(as_text(row.values.get("case_id")) or "")),
            "reason": mask_text("; ".join(row.reasons)), **values}


def write_side_file(path: Path, rows: list[dict[str, Any]]) -> None:
    """The rows not imported, with the reason, as UTF-8 CSV (BOM, so that Excel shows the Chinese)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(SIDE_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
