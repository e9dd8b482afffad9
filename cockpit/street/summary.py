"""A one-object summary of a street, the payload of ``cockpit info --json``."""

from __future__ import annotations

from collections import Counter

from cockpit.street.model import Street
from cockpit.vocabulary.domain import ResourceKind, SensorKind, StaffKind


def street_summary(street: Street) -> dict:
    """Counts of a street's areas, people, devices and staff, JSON-ready.

    Every sensor and staff kind appears (with 0 if the street has none) so that scripts can rely on
    the keys. ``area_km2`` is measured in the street's metric projection.
    """
    sensors = Counter(sensor.kind for sensor in street.sensors)
    staff = Counter(member.kind for member in street.staff)
    dedicated = Counter(grid.kind for grid in street.dedicated_grids)
    return {
        "street": street.id,
        "name": street.name,
        "name_en": street.name_en,
        "city": street.city,
        "communities": len(street.communities),
        "general_grids": len(street.general_grids),
        "micro_grids": len(street.micro_grids),
        "dedicated_grids": len(street.dedicated_grids),
        "dedicated_by_kind": dict(sorted(dedicated.items())),
        "households": street.households,
        "residents": street.residents,
        "elderly_alone": sum(m.elderly_alone for m in street.micro_grids),
        "disabled": sum(m.disabled for m in street.micro_grids),
        "children_left_behind": sum(m.children_left_behind for m in street.micro_grids),
        "sensors": {kind.value: sensors.get(kind, 0) for kind in SensorKind},
        "staff": {kind.value: staff.get(kind, 0) for kind in StaffKind},
        "resources": {
            "stations": sum(r.kind is ResourceKind.STATION for r in street.resources),
            "e_bikes": sum(r.type == "e_bike" for r in street.resources),
            "cars": sum(r.type == "car" for r in street.resources),
            "caches": sum(r.kind is ResourceKind.CACHE for r in street.resources),
        },
        "area_km2": round(street.projection.geometry_to_xy(street.boundary).area / 1e6, 2),
    }
