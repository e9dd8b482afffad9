"""A tiny hand-made street for fast core tests: 2 communities, 4 general grids, 8 micro-grids.

Squares of 500 m side near 104.05 E, 30.60 N; staff of every kind with known homes and skills, so
tests can compute expected distances and rankings by hand.
"""

from __future__ import annotations

from datetime import time
from functools import cache

from shapely.geometry import LineString, Polygon, box

from cockpit.street.model import (
    Community,
    GeneralGrid,
    MicroGrid,
    Projection,
    Resource,
    Road,
    Sensor,
    Shift,
    StaffMember,
    Stock,
    Street,
)
from cockpit.vocabulary.domain import Department, ResourceKind, SensorKind, StaffKind

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


@cache
def tiny_street_with_resources() -> Street:
    """The tiny street with roads along every cell edge and resources at known corners.

    Roads: a local street on each of the 5 vertical and 3 horizontal cell edges (a 500 m grid).
    Resources: the depot STN-1 (2 pumps, 6 extinguishers, open 08:00-18:00) at the south-west corner of
    C01-G01-M01; cache CCH-1 (1 pump, round the clock) at the corner between C02's grids; cache CCH-2
    (1 AED, 2 first-aid kits) in C01-G02-M02; the car CAR-1 and the e-bike EBK-1 parked at STN-1.
    """
    base = tiny_street()
    corner = (LON0, LAT0)
    roads = tuple(
        Road(f"V{c}", f"竖{c}路", "local", LineString([(LON0 + c * DLON, LAT0), (LON0 + c * DLON, LAT0 + 2 * DLAT)]))
        for c in range(5)
    ) + tuple(
        Road(f"H{r}", f"横{r}街", "local", LineString([(LON0, LAT0 + r * DLAT), (LON0 + 4 * DLON, LAT0 + r * DLAT)]))
        for r in range(3)
    )
    resources = (
        Resource("STN-1", ResourceKind.STATION, "party_mass_station", "一号站", *corner, "C01-G01-M01",
                 (Stock("extinguisher", 6, 6), Stock("pump", 2, 2)), staff=4, hours=((time(8), time(18)),)),
        Resource("CCH-1", ResourceKind.CACHE, "residential", "二号柜", LON0 + 3 * DLON, LAT0 + DLAT, "C02-G02-M02",
                 (Stock("pump", 1, 1),), base_id="STN-1"),
        Resource("CCH-2", ResourceKind.CACHE, "residential", "三号柜", *centre(1, 1), "C01-G02-M02",
                 (Stock("aed", 1, 1), Stock("first_aid_kit", 2, 2))),
        Resource("CAR-1", ResourceKind.VEHICLE, "car", "应急车", *corner, "C01-G01-M01", base_id="STN-1"),
        Resource("EBK-1", ResourceKind.VEHICLE, "e_bike", "巡逻车", *corner, "C01-G01-M01", base_id="STN-1"),
    )
    return Street(
        id=base.id, name=base.name, name_en=base.name_en, city=base.city, projection=base.projection,
        boundary=base.boundary, communities=base.communities, general_grids=base.general_grids,
        micro_grids=base.micro_grids, dedicated_grids=(), roads=roads, sensors=base.sensors, staff=base.staff,
        shifts=base.shifts, seed=None, resources=resources,
    )
