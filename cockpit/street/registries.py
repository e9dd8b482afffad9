"""A street's ledgers: sensors (设备台账), staff rosters (人员名册), shifts, stations, vehicles and caches
with their stock (物资台账), from CSV or XLSX.

Every row is checked and placed: a sensor's coordinates are converted from the ledger's CRS (often
GCJ-02, picked on a web map) and it belongs to the micro-grid that contains it; a ledger's own
所属网格 / 所属社区 must name a known area (by id or name) and, when it disagrees with the position, a
warning says so (the position wins). Staff point at their home grid by id or name. Each problem
names the file, the row and the id. Staff phone numbers are not read: the cockpit does not keep them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import Any

import numpy as np
import shapely

from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import Department, ResourceKind, SensorKind, StaffKind
from cockpit.vocabulary.sensor_kinds import sensor_kinds
from cockpit.street.geo import first_within
from cockpit.street.areas import Areas, mapped_value
from cockpit.street.generator import DEPARTMENT_TEAMS, SHIFTS, STAFF_PREFIX
from cockpit.street.manifest import Source
from cockpit.street.model import Resource, Sensor, Shift, StaffMember, Stock, Street
from cockpit.street.problems import Problems, stop
from cockpit.street.tables import Table, as_text, read_table, whole_number

DEFAULT_SKILLS = {
    StaffKind.GRID_WORKER: frozenset({"general", "mediation"}),
    StaffKind.MICRO_GRID_HEAD: frozenset({"general"}),
    StaffKind.VOLUNTEER: frozenset({"general"}),
    StaffKind.PARTY_MEMBER: frozenset({"general", "mediation"}),
}
"""Skills of a staff member whose roster names none (department teams take their department's)."""
_TRUE = {"1", "是", "true", "yes", "y", "√", "有"}
_FALSE = {"0", "否", "false", "no", "n", "", "无"}
SEPARATORS = re.compile(r"[;,，、；/\s]+")
"""What separates the items of a list cell (skills, care groups): ; , ， 、 ； / or spaces."""
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?$")


def read_source(source: Source) -> Table:
    """The table of a registry, with every mapped column present (else :class:`ImportStopped`)."""
    return read_table(source.path, source.columns.values(), sheet=source.sheet, encoding=source.encoding,
                      name=source.name)


class AreaNames:
    """Looks areas up by id or name (names without a trailing 居委会/村委会 too), in built areas or a street."""

    def __init__(self, areas: Areas | Street) -> None:
        self.micro = {m.id: m for m in areas.micro_grids}
        self.general = {g.id: g for g in areas.general_grids}
        self.community = {c.id: c for c in areas.communities}
        self._names: dict[str, dict[str, str]] = {"micro": {}, "general": {}, "community": {}}
        for level, items in (("micro", areas.micro_grids), ("general", areas.general_grids),
                             ("community", areas.communities)):
            for item in items:
                self._names[level].setdefault(normalise_name(item.name), item.id)

    def find(self, level: str, text: str | None) -> str | None:
        """The id of the ``level`` area (micro, general, community) that ``text`` names, or None."""
        if text is None:
            return None
        ids = {"micro": self.micro, "general": self.general, "community": self.community}[level]
        return text if text in ids else self._names[level].get(normalise_name(text))


def normalise_name(name: str) -> str:
    """An area name compared without spaces and without a trailing 居委会 / 居民委员会 / 村委会."""
    text = re.sub(r"\s+", "", name)
    for suffix in ("居民委员会", "居委会", "村民委员会", "村委会"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text


def flag(value: Any) -> bool | None:
    """是/否, 1/0, true/false as a bool; None if it is none of them."""
    text = (as_text(value) or "").lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def read_shifts(source: Source | None, problems: Problems) -> list[Shift]:
    """The shifts of the registry, or the standard three (白班, 晚班, 夜班) when there is none."""
    if source is None:
        return list(SHIFTS)
    table = read_source(source)
    cols = {f: table.index(c) for f, c in source.columns.items()}
    shifts: list[Shift] = []
    seen: dict[str, str] = {}
    for row, number in zip(table.rows, table.row_numbers):
        where = f"row {number}"
        id_ = as_text(row[cols["id"]])
        if not problems.claim_id(table.name, where, id_, seen, source.columns["id"]):
            continue
        start, end = (clock_time(row[cols[k]]) for k in ("start", "end"))
        if start is None or end is None:
            problems.error(table.name, where, id_, "start and end must be times such as 08:00")
            continue
        shifts.append(Shift(id_, as_text(row[cols["name"]]) or id_, start, end))
    return shifts


def clock_time(value: Any) -> time | None:
    """A time of day from ``08:00``, ``8:00:00``, an Excel time or datetime; None if it is not one."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    match = _TIME.match(as_text(value) or "")
    if match is None or int(match[1]) > 24 or int(match[2]) > 59:
        return None
    return time(0, 0) if int(match[1]) == 24 else time(int(match[1]), int(match[2]))


@dataclass
class _Rows:
    """A registry's table with its column positions, and the positions converted to WGS84."""

    source: Source
    table: Table
    cols: dict[str, int]
    lon: np.ndarray
    lat: np.ndarray
    located: np.ndarray

    def get(self, row: tuple, field_name: str) -> Any:
        return row[self.cols[field_name]] if field_name in self.cols else None

    def with_ids(self, problems: Problems):
        """(index, row, "row N", id) of every row whose id is present and new (the others are errors)."""
        seen: dict[str, str] = {}
        for i, (row, number) in enumerate(zip(self.table.rows, self.table.row_numbers)):
            where = f"row {number}"
            id_ = as_text(self.get(row, "id"))
            if problems.claim_id(self.table.name, where, id_, seen, self.source.columns["id"]):
                yield i, row, where, id_

    def micro_grid_index(self, areas: Areas) -> np.ndarray:
        """Index of the micro-grid each row's position lies in, -1 outside (or without a position)."""
        polygons = np.asarray([m.polygon for m in areas.micro_grids], dtype=object)
        return first_within(polygons, np.nan_to_num(self.lon), np.nan_to_num(self.lat))


def _positions(source: Source, table: Table, cols: dict[str, int], problems: Problems) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """WGS84 lon/lat of every row (NaN where absent or bad) and a mask of rows with a position."""
    n = len(table.rows)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    if "lon" not in cols:
        return x, y, np.zeros(n, dtype=bool)
    for i, row in enumerate(table.rows):
        raw_x, raw_y = row[cols["lon"]], row[cols["lat"]]
        if raw_x is None and raw_y is None:
            continue
        try:
            x[i], y[i] = float(raw_x), float(raw_y)
        except (TypeError, ValueError):
            problems.error(table.name, f"row {table.row_numbers[i]}", None,
                           f"coordinates {raw_x!r}, {raw_y!r} are not numbers")
    present = np.isfinite(x) & np.isfinite(y)
    if not present.any():
        return x, y, present
    if source.crs is None:
        problems.error(table.name, "", None, "no CRS for its coordinates: set crs in the manifest (e.g. gcj02)")
        return x, y, np.zeros(n, dtype=bool)
    lon, lat = np.full(n, np.nan), np.full(n, np.nan)
    lon[present], lat[present] = source.crs.to_wgs84(x[present], y[present])
    first_bad = source.crs.check_in_china(lon[present], lat[present])
    if first_bad is not None:
        # A ledger in the wrong CRS is wrong on every row: one message for the file, with the hint.
        row = int(np.flatnonzero(present)[first_bad])
        raise stop(table.name, source.crs.misfit(x[row], y[row]) + f"; check crs of {source.key}",
                   where=f"row {table.row_numbers[row]}")
    if source.crs.warning:
        problems.warning(table.name, "", None, source.crs.warning)
    return lon, lat, present


def _rows(source: Source, problems: Problems) -> _Rows:
    table = read_source(source)
    cols = {f: table.index(c) for f, c in source.columns.items()}
    lon, lat, located = _positions(source, table, cols, problems)
    return _Rows(source, table, cols, lon, lat, located)


def read_sensors(source: Source | None, areas: Areas, names: AreaNames, problems: Problems) -> list[Sensor]:
    """The sensor ledger's devices, each in the micro-grid that contains it."""
    if source is None:
        return []
    rows = _rows(source, problems)
    file = rows.table.name
    inside = rows.micro_grid_index(areas)
    sensors: list[Sensor] = []
    kinds = tuple(k.value for k in SensorKind)
    for i, row, where, id_ in rows.with_ids(problems):
        kind = mapped_value(source, file, "kind", rows.get(row, "kind"), kinds, problems, where, id_)
        if not rows.located[i]:
            if np.isnan(rows.lon[i]):
                problems.error(file, where, id_, "has no coordinates")
            continue
        if inside[i] < 0:
            problems.error(file, where, id_,
                           f"at lon {rows.lon[i]:.6f}, lat {rows.lat[i]:.6f} ({source.crs.name if source.crs else '?'} "
                           f"converted) lies outside the street")
            continue
        micro = areas.micro_grids[int(inside[i])]
        if not _agrees(source, row, rows, names, micro.id, micro.community_id, where, id_, problems) or kind is None:
            continue
        interval = _interval(rows.get(row, "interval_s"), SensorKind(kind), file, where, id_, problems)
        elderly = flag(rows.get(row, "elderly_alone")) if "elderly_alone" in rows.cols else False
        label = as_text(rows.get(row, "label")) or f"{sensor_kinds()[SensorKind(kind)].label} {micro.name}"
        sensors.append(Sensor(id_, SensorKind(kind), float(rows.lon[i]), float(rows.lat[i]), micro.id,
                              interval if interval is not None else 0, bool(elderly), label))
    return sensors


def _agrees(source: Source, row: tuple, rows: _Rows, names: AreaNames, micro_id: str, community_id: str,
            where: str, id_: str, problems: Problems) -> bool:
    """Check the ledger's own 所属网格 / 所属社区 against the position; False after an error."""
    for field_name, level, label, located in (("micro_grid", "micro", "micro-grid", micro_id),
                                              ("community", "community", "community", community_id)):
        stated = as_text(rows.get(row, field_name))
        if stated is None:
            continue
        known = names.find(level, stated)
        if known is None:
            problems.error(rows.table.name, where, id_, f"{label} {stated!r} is unknown")
            return False
        if known != located:
            problems.warning(rows.table.name, where, id_,
                             f"lies in {label} {located}, the ledger says {stated!r}; the position is kept")
    return True


def _interval(value: Any, kind: SensorKind, file: str, where: str, id_: str, problems: Problems) -> int | None:
    if value is None:
        return sensor_kinds()[kind].interval_s
    seconds = whole_number(value)
    if not seconds:
        problems.error(file, where, id_, f"interval_s {value!r} is not a whole number of seconds > 0")
        return None
    return seconds


def read_staff(source: Source | None, areas: Areas, names: AreaNames, shifts: list[Shift], boundary,
               problems: Problems) -> list[StaffMember]:
    """The roster's people and teams, with their home areas, shift, skills and base."""
    if source is None:
        return []
    rows = _rows(source, problems)
    file = rows.table.name
    shift_ids = {s.id for s in shifts}
    kinds = tuple(k.value for k in StaffKind)
    departments = tuple(d.value for d in Department)
    members: list[StaffMember] = []
    seen: dict[str, str] = {}
    counters: dict[StaffKind, int] = {}
    if rows.located.any():
        outside = ~shapely.contains_xy(boundary, np.nan_to_num(rows.lon), np.nan_to_num(rows.lat))
    else:
        outside = np.zeros(len(rows.table.rows), dtype=bool)
    for i, (row, number) in enumerate(zip(rows.table.rows, rows.table.row_numbers)):
        where = f"row {number}"
        raw_kind = mapped_value(source, file, "kind", rows.get(row, "kind"), kinds, problems, where, as_text(rows.get(row, "id")))
        if raw_kind is None:
            continue
        kind = StaffKind(raw_kind)
        counters[kind] = counters.get(kind, 0) + 1
        id_ = as_text(rows.get(row, "id")) or f"{STAFF_PREFIX[kind]}-{counters[kind]:04d}"
        if not problems.claim_id(file, where, id_, seen, source.columns.get("id", "id")):
            continue
        name = as_text(rows.get(row, "name"))
        if name is None:
            problems.error(file, where, id_, "no name")
            continue
        shift = _mapped_free(source, "shift", rows.get(row, "shift"))
        if shift not in shift_ids:
            problems.error(file, where, id_, f"shift {as_text(rows.get(row, 'shift'))!r} is not one of "
                                                    f"{', '.join(sorted(shift_ids))}; map it in {source.key}.values.shift")
            continue
        department = None
        if "department" in rows.cols and as_text(rows.get(row, "department")) is not None:
            value = mapped_value(source, file, "department", rows.get(row, "department"), departments, problems, where, id_)
            if value is None:
                continue
            department = Department(value)
        if kind is StaffKind.DEPARTMENT and department is None:
            problems.error(file, where, id_, "a department team needs its department")
            continue
        home = _home(source, row, rows, names, where, id_, kind, problems)
        if home is None:
            continue
        micro_id, general_id, community_id = home
        if rows.located[i]:
            if outside[i]:
                problems.error(file, where, id_,
                               f"base at lon {rows.lon[i]:.6f}, lat {rows.lat[i]:.6f} lies outside the street")
                continue
            lon, lat = float(rows.lon[i]), float(rows.lat[i])
        else:
            lon, lat = _home_point(areas, names, micro_id, general_id, community_id, boundary)
        skills = _skills(source, rows.get(row, "skills"), kind, department)
        members.append(StaffMember(id_, name, kind, skills, shift, lon, lat, community_id, general_id, micro_id,
                                   department))
    return members


def _mapped_free(source: Source, field_name: str, raw: Any) -> str | None:
    text = as_text(raw)
    return None if text is None else source.values.get(field_name, {}).get(text, text)


def _home(source: Source, row: tuple, rows: _Rows, names: AreaNames, where: str, id_: str, kind: StaffKind,
          problems: Problems) -> tuple[str | None, str | None, str | None] | None:
    """(micro-grid, general grid, community) ids of the home area the roster names; None after an error."""
    file = rows.table.name
    grid = as_text(rows.get(row, "grid"))
    community = as_text(rows.get(row, "community"))
    if grid is not None:
        micro_id = names.find("micro", grid)
        if micro_id is not None:
            micro = names.micro[micro_id]
            return micro.id, micro.general_grid_id, micro.community_id
        general_id = names.find("general", grid)
        if general_id is not None:
            return None, general_id, names.general[general_id].community_id
        community_id = names.find("community", grid)
        if community_id is not None:
            return None, None, community_id
        problems.error(file, where, id_, f"grid {grid!r} is not a micro-grid, general grid or community")
        return None
    if community is not None:
        community_id = names.find("community", community)
        if community_id is None:
            problems.error(file, where, id_, f"community {community!r} is unknown")
            return None
        return None, None, community_id
    if kind is not StaffKind.DEPARTMENT:
        problems.error(file, where, id_, "no home grid or community")
        return None
    return None, None, None


def _home_point(areas: Areas, names: AreaNames, micro_id, general_id, community_id, boundary) -> tuple[float, float]:
    """A point inside the home area (the street's own for department teams): the base when the roster has none."""
    area = (names.micro[micro_id].polygon if micro_id else names.general[general_id].polygon if general_id
            else names.community[community_id].polygon if community_id else boundary)
    point = area.representative_point()
    return float(point.x), float(point.y)


def _skills(source: Source, raw: Any, kind: StaffKind, department: Department | None) -> frozenset[str]:
    text = as_text(raw)
    if text:
        mapping = source.values.get("skills", {})
        return frozenset(mapping.get(part, part) for part in SEPARATORS.split(text) if part)
    if department is not None:
        return DEPARTMENT_TEAMS[department][2]
    return DEFAULT_SKILLS.get(kind, frozenset({"general"}))



def read_resources(source: Source | None, stock_source: Source | None, areas: Areas,
                   problems: Problems) -> list[Resource]:
    """Stations, vehicles and caches (each in the micro-grid that contains it), with the stock ledger's items."""
    if source is None:
        if stock_source is not None:
            problems.error(stock_source.name, "", None, "a stock ledger needs [registries.resources]")
        return []
    rows = _rows(source, problems)
    file = rows.table.name
    inside = rows.micro_grid_index(areas)
    kinds = tuple(k.value for k in ResourceKind)
    found: list[tuple[Resource, str]] = []
    for i, row, where, id_ in rows.with_ids(problems):
        kind = mapped_value(source, file, "kind", rows.get(row, "kind"), kinds, problems, where, id_)
        kind_of = _mapped_free(source, "type", rows.get(row, "type"))
        if kind_of is None:
            problems.error(file, where, id_, f"type is empty (column {source.columns['type']})")
        if not rows.located[i] or inside[i] < 0:
            problems.error(file, where, id_, "has no coordinates" if not rows.located[i] else
                           f"at lon {rows.lon[i]:.6f}, lat {rows.lat[i]:.6f} lies outside the street")
            continue
        staff = _count(rows.get(row, "staff"), "staff", file, where, id_, problems)
        hours = _hours(rows.get(row, "hours"), file, where, id_, problems)
        if kind is None or kind_of is None or staff is None or hours is None:
            continue
        resource = Resource(id_, ResourceKind(kind), kind_of, as_text(rows.get(row, "name")) or id_,
                            float(rows.lon[i]), float(rows.lat[i]), areas.micro_grids[int(inside[i])].id,
                            staff=staff, hours=hours, base_id=as_text(rows.get(row, "base")))
        found.append((resource, where))
    stations = {r.id for r, _ in found if r.kind is ResourceKind.STATION}
    for resource, where in found:
        if resource.base_id is not None and resource.base_id not in stations:
            problems.error(file, where, resource.id, f"base {resource.base_id!r} is not a station of the ledger")
    stock = _read_stock(stock_source, {r.id for r, _ in found}, problems)
    return [replace(r, stock=tuple(stock.get(r.id, ()))) for r, _ in found]


def _count(value: Any, field_name: str, file: str, where: str, id_: str, problems: Problems) -> int | None:
    """A whole number ≥ 0 (0 when empty); None after an error."""
    if value is None:
        return 0
    number = whole_number(value)
    if number is None:
        problems.error(file, where, id_, f"{field_name} {value!r} is not a whole number ≥ 0")
    return number


def _hours(value: Any, file: str, where: str, id_: str, problems: Problems) -> tuple[tuple[time, time], ...] | None:
    """Opening hours ``08:30-12:00;14:00-17:30`` (empty: round the clock); None after an error."""
    text = as_text(value)
    if text is None:
        return ()
    spans = []
    for part in SEPARATORS.split(text):
        start, _, end = part.partition("-")
        opens, closes = clock_time(start), clock_time(end)
        if opens is None or closes is None or closes <= opens:
            problems.error(file, where, id_, f"hours {text!r} are not spans such as 08:30-12:00;14:00-17:30")
            return None
        spans.append((opens, closes))
    return tuple(spans)


def _read_stock(source: Source | None, resources: set[str], problems: Problems) -> dict[str, list[Stock]]:
    """Items per resource, in ledger order: one row per resource and item (物资台账)."""
    if source is None:
        return {}
    table = read_source(source)
    cols = {f: table.index(c) for f, c in source.columns.items()}
    items = tuple(default_categories().items)
    stock: dict[str, list[Stock]] = {}
    seen: set[tuple[str, str]] = set()
    for row, number in zip(table.rows, table.row_numbers):
        where = f"row {number}"
        resource = as_text(row[cols["resource"]])
        if resource not in resources:
            problems.error(table.name, where, resource, "is not a station, vehicle or cache of the resources ledger")
            continue
        item = mapped_value(source, table.name, "item", row[cols["item"]], items, problems, where, resource)
        count = _count(row[cols["count"]], "count", table.name, where, resource, problems)
        capacity = _count(row[cols["capacity"]], "capacity", table.name, where, resource, problems) \
            if "capacity" in cols and row[cols["capacity"]] is not None else count
        if item is None or count is None or capacity is None:
            continue
        if (resource, item) in seen:
            problems.error(table.name, where, resource, f"{item} is listed twice")
            continue
        seen.add((resource, item))
        if capacity < count:
            problems.error(table.name, where, resource, f"{item}: count {count} is more than the capacity {capacity}")
            continue
        stock.setdefault(resource, []).append(Stock(item, count, capacity))
    return stock
