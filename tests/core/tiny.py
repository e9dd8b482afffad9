"""A tiny hand-made street for fast core tests: 2 communities, 4 general grids, 8 micro-grids.

Squares of 500 m side near 104.05 E, 30.60 N; staff of every kind with known homes and skills, so
tests can compute expected distances and rankings by hand.
"""

from __future__ import annotations

from datetime import time
from functools import cache

from shapely.geometry import Polygon, box

from cockpit.street.model import (
    Community,
    GeneralGrid,
    MicroGrid,
    Projection,
    Sensor,
    Shift,
    StaffMember,
    Street,
)
from cockpit.vocabulary.domain import Department, SensorKind, StaffKind

LON0, LAT0 = 104.05, 30.60
DLON, DLAT = 0.0052, 0.0045  # about 500 m each way at this latitude


def cell(col: float, row: float, width: float = 1, height: float = 1) -> Polygon:
    """A lon/lat rectangle in units of the 500 m cell."""
    return box(LON0 + col * DLON, LAT0 + row * DLAT, LON0 + (col + width) * DLON, LAT0 + (row + height) * DLAT)


def centre(col: float, row: float) -> tuple[float, float]:
    return LON0 + (col + 0.5) * DLON, LAT0 + (row + 0.5) * DLAT


@cache
def tiny_street() -> Street:
    """Communities C01 (west) and C02 (east); each has two general grids of two micro-grids each."""
    communities, generals, micros = [], [], []
    for c in range(2):
        cid = f"C0{c + 1}"
        communities.append(Community(cid, f"社区{c + 1}", f"Community {c + 1}", cell(2 * c, 0, 2, 2), 800, 2400))
        for g in range(2):
            gid = f"{cid}-G0{g + 1}"
            generals.append(GeneralGrid(gid, cid, f"{cid}第{g + 1}网格", cell(2 * c, g, 2, 1), 400, 1200))
            for m in range(2):
                mid = f"{gid}-M0{m + 1}"
                micros.append(MicroGrid(mid, gid, cid, f"{gid}微网格{m + 1}", cell(2 * c + m, g), 200, 600, 8, 3, 2))
    shifts = (Shift("day", "白班", time(8), time(17, 30)), Shift("night", "夜班", time(17, 30), time(8)))
    staff = []
    for g in generals:
        col = 2 * int(g.community_id[-1]) - 2
        row = int(g.id[-1]) - 1
        lon, lat = centre(col + 0.5, row)  # the middle of its two cells
        staff.append(StaffMember(f"GW-{g.id}", f"网格员{g.id}", StaffKind.GRID_WORKER,
                                 frozenset({"general", "mediation"}), "day", lon, lat,
                                 g.community_id, g.id, None))
    lon, lat = centre(1, 1)
    staff.append(StaffMember("VOL-1", "志愿者甲", StaffKind.VOLUNTEER, frozenset({"general", "first_aid"}),
                             "day", lon, lat, "C01", "C01-G02", "C01-G02-M02"))
    staff.append(StaffMember("FIRE-1", "消防一队", StaffKind.DEPARTMENT, frozenset({"fire_safety"}),
                             "day", *centre(3, 0), None, None, None, Department.FIRE))
    staff.append(StaffMember("PROP-1", "物业一组", StaffKind.DEPARTMENT, frozenset({"general"}),
                             "night", *centre(0, 0), None, None, None, Department.PROPERTY))
    sensors = (
        Sensor("SMK-1", SensorKind.SMOKE, *centre(0, 0), "C01-G01-M01", 300),
        Sensor("BRC-1", SensorKind.BRACELET, *centre(1, 1), "C01-G02-M02", 60, elderly_alone=True),
        Sensor("MH-1", SensorKind.MANHOLE, *centre(3, 1), "C02-G02-M02", 600),
    )
    return Street(
        id="tiny",
        name="小街道",
        name_en="Tiny street",
        city="成都",
        projection=Projection(32648),
        boundary=cell(0, 0, 4, 2),
        communities=tuple(communities),
        general_grids=tuple(generals),
        micro_grids=tuple(micros),
        dedicated_grids=(),
        roads=(),
        sensors=sensors,
        staff=tuple(staff),
        shifts=shifts,
        seed=None,
    )
