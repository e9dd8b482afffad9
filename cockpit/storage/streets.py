"""Saving and loading a whole street: its grid hierarchy, places, sensors, staff, shifts and resources.

A street is saved as a unit (replacing any earlier copy with the same id) and loaded back equal to
what was saved: same order of parts, same geometry to the last bit (WKB), the projection rebuilt
from its EPSG code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

import shapely
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from cockpit.storage.db import Database, StorageError
from cockpit.storage.models import (
    CommunityRow,
    DedicatedGridRow,
    GeneralGridRow,
    MicroGridRow,
    ResidentRow,
    ResourceRow,
    ResourceStockRow,
    RoadRow,
    SensorRow,
    ShiftRow,
    StaffRow,
    StreetRow,
)
from cockpit.street.model import (
    Community,
    DedicatedGrid,
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


class StreetNotFound(LookupError):
    """No street with the requested id is stored."""


def _wkb(geometry: Any) -> bytes:
    return shapely.to_wkb(geometry, hex=False, include_srid=False)


def _geometry(raw: bytes) -> Any:
    return shapely.from_wkb(raw)


def save_street(db: Database, street: Street, also: Callable[[Session], None] | None = None) -> None:
    """Store ``street`` in one transaction, replacing a stored street with the same id.

    ``also(session)`` runs in the same transaction after the street is written (an import stores
    its residents' records there, so that nothing is half-imported).

    Raises
    ------
    StorageError
        The stored street has residents' personal records: replacing it would orphan them.
    """
    s = street.id
    with db.transaction() as session:
        residents = session.scalar(
            select(func.count()).select_from(ResidentRow).where(ResidentRow.street_id == s)
        )
        if residents:
            raise StorageError(
                f"street {s} has {residents} residents' records in {db.url}; "
                "it cannot be replaced while they exist"
            )
        session.execute(delete(StreetRow).where(StreetRow.id == s))
        session.flush()
        session.execute(
            insert(StreetRow),
            [
                {
                    "id": s,
                    "name": street.name,
                    "name_en": street.name_en,
                    "city": street.city,
                    "epsg": street.projection.epsg,
                    "boundary_wkb": _wkb(street.boundary),
                    "seed": street.seed,
                }
            ],
        )
        _insert(session, CommunityRow, [
            {"id": c.id, "name": c.name, "name_en": c.name_en, "polygon_wkb": _wkb(c.polygon),
             "households": c.households, "residents": c.residents}
            for c in street.communities
        ], s)
        _insert(session, GeneralGridRow, [
            {"id": g.id, "community_id": g.community_id, "name": g.name, "polygon_wkb": _wkb(g.polygon),
             "households": g.households, "residents": g.residents}
            for g in street.general_grids
        ], s)
        _insert(session, MicroGridRow, [
            {"id": m.id, "general_grid_id": m.general_grid_id, "community_id": m.community_id,
             "name": m.name, "polygon_wkb": _wkb(m.polygon), "households": m.households,
             "residents": m.residents, "elderly_alone": m.elderly_alone, "disabled": m.disabled,
             "children_left_behind": m.children_left_behind}
            for m in street.micro_grids
        ], s)
        _insert(session, DedicatedGridRow, [
            {"id": d.id, "kind": d.kind, "name": d.name, "polygon_wkb": _wkb(d.polygon),
             "community_id": d.community_id}
            for d in street.dedicated_grids
        ], s)
        _insert(session, RoadRow, [
            {"id": r.id, "name": r.name, "kind": r.kind, "line_wkb": _wkb(r.line)}
            for r in street.roads
        ], s)
        _insert(session, SensorRow, [
            {"id": x.id, "kind": x.kind.value, "lon": x.lon, "lat": x.lat,
             "micro_grid_id": x.micro_grid_id, "interval_s": x.interval_s,
             "elderly_alone": x.elderly_alone, "label": x.label}
            for x in street.sensors
        ], s)
        _insert(session, ShiftRow, [
            {"id": h.id, "name": h.name, "starts": h.start, "ends": h.end} for h in street.shifts
        ], s)
        _insert(session, StaffRow, [
            {"id": p.id, "name": p.name, "kind": p.kind.value, "skills": sorted(p.skills),
             "shift_id": p.shift_id, "lon": p.lon, "lat": p.lat,
             "home_community_id": p.home_community_id, "home_general_grid_id": p.home_general_grid_id,
             "home_micro_grid_id": p.home_micro_grid_id,
             "department": p.department.value if p.department is not None else None}
            for p in street.staff
        ], s)
        _insert(session, ResourceRow, [
            {"id": r.id, "kind": r.kind.value, "type": r.type, "name": r.name, "lon": r.lon, "lat": r.lat,
             "micro_grid_id": r.micro_grid_id, "staff": r.staff,
             "hours": [[a.isoformat(), b.isoformat()] for a, b in r.hours], "base_id": r.base_id}
            for r in street.resources
        ], s)
        stock = [
            {"street_id": s, "resource_id": r.id, "item": k.item, "count": k.count, "capacity": k.capacity}
            for r in street.resources
            for k in r.stock
        ]
        if stock:
            session.execute(insert(ResourceStockRow), stock)
        if also is not None:
            also(session)


def _insert(session: Session, model: type, rows: list[dict[str, Any]], street_id: str) -> None:
    if rows:
        for position, row in enumerate(rows):
            row["street_id"] = street_id
            row["position"] = position
        # Core executemany: the ORM's bulk path costs several times more per row for a district's 20,000 grids.
        session.connection().execute(model.__table__.insert(), rows)


def street_ids(db: Database) -> list[str]:
    """Ids of every stored street, sorted."""
    with db.session() as session:
        return list(session.scalars(select(StreetRow.id).order_by(StreetRow.id)))


def load_street(db: Database, street_id: str) -> Street:
    """The stored street ``street_id``, equal part by part to the one saved.

    Raises
    ------
    StreetNotFound
        No street with this id is stored.
    """
    with db.session() as session:
        head = session.get(StreetRow, street_id)
        if head is None:
            raise StreetNotFound(f"no street {street_id!r} in {db.url}")

        def rows(model: Any) -> list[Any]:
            query = select(model).where(model.street_id == street_id).order_by(model.position)
            return list(session.scalars(query))

        communities = tuple(
            Community(r.id, r.name, r.name_en, _geometry(r.polygon_wkb), r.households, r.residents)
            for r in rows(CommunityRow)
        )
        general_grids = tuple(
            GeneralGrid(r.id, r.community_id, r.name, _geometry(r.polygon_wkb), r.households, r.residents)
            for r in rows(GeneralGridRow)
        )
        micro_grids = tuple(
            MicroGrid(r.id, r.general_grid_id, r.community_id, r.name, _geometry(r.polygon_wkb),
                      r.households, r.residents, r.elderly_alone, r.disabled, r.children_left_behind)
            for r in rows(MicroGridRow)
        )
        dedicated_grids = tuple(
            DedicatedGrid(r.id, r.kind, r.name, _geometry(r.polygon_wkb), r.community_id)
            for r in rows(DedicatedGridRow)
        )
        roads = tuple(Road(r.id, r.name, r.kind, _geometry(r.line_wkb)) for r in rows(RoadRow))
        sensors = tuple(
            Sensor(r.id, SensorKind(r.kind), r.lon, r.lat, r.micro_grid_id, r.interval_s,
                   r.elderly_alone, r.label)
            for r in rows(SensorRow)
        )
        shifts = tuple(Shift(r.id, r.name, r.starts, r.ends) for r in rows(ShiftRow))
        staff = tuple(
            StaffMember(r.id, r.name, StaffKind(r.kind), frozenset(r.skills), r.shift_id, r.lon, r.lat,
                        r.home_community_id, r.home_general_grid_id, r.home_micro_grid_id,
                        Department(r.department) if r.department is not None else None)
            for r in rows(StaffRow)
        )
        stock: dict[str, list[Stock]] = {}
        query = select(ResourceStockRow).where(ResourceStockRow.street_id == street_id)
        for row in session.scalars(query.order_by(ResourceStockRow.resource_id, ResourceStockRow.item)):
            stock.setdefault(row.resource_id, []).append(Stock(row.item, row.count, row.capacity))
        resources = tuple(
            Resource(r.id, ResourceKind(r.kind), r.type, r.name, r.lon, r.lat, r.micro_grid_id,
                     tuple(stock.get(r.id, ())), r.staff,
                     tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in r.hours), r.base_id)
            for r in rows(ResourceRow)
        )
        return Street(
            id=head.id,
            name=head.name,
            name_en=head.name_en,
            city=head.city,
            projection=Projection(head.epsg),
            boundary=_geometry(head.boundary_wkb),
            communities=communities,
            general_grids=general_grids,
            micro_grids=micro_grids,
            dedicated_grids=dedicated_grids,
            roads=roads,
            sensors=sensors,
            shifts=shifts,
            staff=staff,
            seed=head.seed,
            resources=resources,
        )
