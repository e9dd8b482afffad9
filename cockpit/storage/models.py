"""SQLAlchemy models of every table: the street, cases and their history, telemetry, audit, users.

The schema itself is created only by the Alembic migrations in ``migrations/versions``; these models
must describe exactly the same tables (a test compares them with Alembic's autogenerate).

Street parts are keyed by ``(street_id, id)`` so that one PostgreSQL database can hold many streets.
Geometry is stored as WKB in WGS84 lon/lat: portable, and exact (WKT would round coordinates).
Append-only tables: ``case_transitions``, ``event_log``, ``audit_log`` (and ``telemetry`` and
``dead_letters`` are only ever inserted into).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cockpit.storage.types import BigId, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Deterministic constraint names, so later batch migrations on SQLite can refer to them."""


class Base(DeclarativeBase):
    """Declarative base of the cockpit schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


def _street_fk(column: str, table: str, ondelete: str = "CASCADE") -> ForeignKeyConstraint:
    """A composite foreign key ``(street_id, column)`` → ``table(street_id, id)``."""
    return ForeignKeyConstraint(
        ["street_id", column], [f"{table}.street_id", f"{table}.id"], ondelete=ondelete
    )


# ---------------------------------------------------------------- the street


class StreetRow(Base):
    """A street (街道): its names, boundary and the EPSG code of its metric projection."""

    __tablename__ = "streets"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    epsg: Mapped[int] = mapped_column(Integer)
    boundary_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    seed: Mapped[int | None] = mapped_column(BigInteger)


class _StreetPart:
    """Columns every street part shares: the street, its own id, and its position in the street."""

    street_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("streets.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class CommunityRow(_StreetPart, Base):
    """A community (社区) with its aggregate households and residents."""

    __tablename__ = "communities"

    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    polygon_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    households: Mapped[int] = mapped_column(Integer)
    residents: Mapped[int] = mapped_column(Integer)


class GeneralGridRow(_StreetPart, Base):
    """A general grid (一般网格) inside a community."""

    __tablename__ = "general_grids"
    __table_args__ = (_street_fk("community_id", "communities"),)

    community_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    polygon_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    households: Mapped[int] = mapped_column(Integer)
    residents: Mapped[int] = mapped_column(Integer)


class MicroGridRow(_StreetPart, Base):
    """A micro-grid (微网格) with household, resident and special-care counts."""

    __tablename__ = "micro_grids"
    __table_args__ = (
        _street_fk("general_grid_id", "general_grids"),
        _street_fk("community_id", "communities"),
    )

    general_grid_id: Mapped[str] = mapped_column(String(64))
    community_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    polygon_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    households: Mapped[int] = mapped_column(Integer)
    residents: Mapped[int] = mapped_column(Integer)
    elderly_alone: Mapped[int] = mapped_column(Integer)
    disabled: Mapped[int] = mapped_column(Integer)
    children_left_behind: Mapped[int] = mapped_column(Integer)


class DedicatedGridRow(_StreetPart, Base):
    """A dedicated grid (专属网格) overlaying the hierarchy."""

    __tablename__ = "dedicated_grids"
    __table_args__ = (_street_fk("community_id", "communities"),)

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    polygon_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    community_id: Mapped[str | None] = mapped_column(String(64))


class RoadRow(_StreetPart, Base):
    """A road centre line."""

    __tablename__ = "roads"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    line_wkb: Mapped[bytes] = mapped_column(LargeBinary)


class SensorRow(_StreetPart, Base):
    """An IoT device placed in a micro-grid."""

    __tablename__ = "sensors"
    __table_args__ = (_street_fk("micro_grid_id", "micro_grids"),)

    kind: Mapped[str] = mapped_column(String(32))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    micro_grid_id: Mapped[str] = mapped_column(String(64))
    interval_s: Mapped[int] = mapped_column(Integer)
    elderly_alone: Mapped[bool] = mapped_column(Boolean)
    label: Mapped[str] = mapped_column(String(200))


class ShiftRow(_StreetPart, Base):
    """A duty shift; ``ends`` before ``starts`` means it runs past midnight."""

    __tablename__ = "shifts"

    name: Mapped[str] = mapped_column(String(100))
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)


class StaffRow(_StreetPart, Base):
    """A staff member or department team with skills (a sorted JSON list), shift and home."""

    __tablename__ = "staff"
    __table_args__ = (
        _street_fk("shift_id", "shifts"),
        _street_fk("home_community_id", "communities"),
        _street_fk("home_general_grid_id", "general_grids"),
        _street_fk("home_micro_grid_id", "micro_grids"),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    skills: Mapped[list[Any]] = mapped_column()
    shift_id: Mapped[str] = mapped_column(String(64))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    home_community_id: Mapped[str | None] = mapped_column(String(64))
    home_general_grid_id: Mapped[str | None] = mapped_column(String(64))
    home_micro_grid_id: Mapped[str | None] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(32))


class ResourceRow(_StreetPart, Base):
    """A station, vehicle or emergency cache in a micro-grid; ``hours`` a JSON list of [opens, closes]."""

    __tablename__ = "resources"
    __table_args__ = (
        _street_fk("micro_grid_id", "micro_grids"),
        _street_fk("base_id", "resources"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    micro_grid_id: Mapped[str] = mapped_column(String(64))
    staff: Mapped[int] = mapped_column(Integer)
    hours: Mapped[list[Any]] = mapped_column()
    base_id: Mapped[str | None] = mapped_column(String(64))


class ResourceStockRow(Base):
    """How many units of one catalogue item a resource holds, of how many it can."""

    __tablename__ = "resource_stock"
    __table_args__ = (_street_fk("resource_id", "resources"),)

    street_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item: Mapped[str] = mapped_column(String(32), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)


class ResidentRow(Base):
    """A resident's personal data, every personal field opaque (``*_enc``: encrypted by the caller).

    Only the micro-grid and the time the record was stored are in clear: the first for
    aggregates and scoping, the second for retention purges. Its keys restrict deletion, so that
    replacing a street never silently deletes personal data.
    """

    __tablename__ = "residents"
    __table_args__ = (_street_fk("micro_grid_id", "micro_grids", ondelete="RESTRICT"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    street_id: Mapped[str] = mapped_column(String(64), ForeignKey("streets.id", ondelete="RESTRICT"))
    micro_grid_id: Mapped[str] = mapped_column(String(64))
    name_enc: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    health_flags_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(index=True)


# ---------------------------------------------------------------- cases


class CaseRow(Base):
    """One case in the incident log layout, mirrored from the twin's case events."""

    __tablename__ = "cases"
    __table_args__ = (Index(None, "status"), Index(None, "community"))

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reported_at: Mapped[datetime] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(64))
    risk_level: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    community: Mapped[str] = mapped_column(String(64))
    general_grid: Mapped[str] = mapped_column(String(64))
    micro_grid: Mapped[str] = mapped_column(String(64))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    triaged_at: Mapped[datetime | None]
    dispatched_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    on_scene_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    feedback_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    first_resolved_at: Mapped[datetime | None]
    reopened_at: Mapped[datetime | None]
    assignee: Mapped[str | None] = mapped_column(String(64))
    eta_minutes: Mapped[float | None] = mapped_column(Float)
    owner_level: Mapped[str] = mapped_column(String(16))
    escalations: Mapped[int] = mapped_column(Integer)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    fixed: Mapped[bool | None] = mapped_column(Boolean)
    reopened: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    merged_into: Mapped[str | None] = mapped_column(String(64))
    alarm_id: Mapped[str | None] = mapped_column(String(64))
    reporter: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)


class CaseTransitionRow(Base):
    """One step of a case's history (append-only): who moved it from which status to which, and why."""

    __tablename__ = "case_transitions"

    case_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("cases.case_id", ondelete="RESTRICT"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    event_type: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]]


class DispatchRow(Base):
    """One dispatch (分拨) of a case to a person or team; re-dispatches add rows."""

    __tablename__ = "dispatches"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("cases.case_id", ondelete="RESTRICT"), index=True
    )
    assignee: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    eta_minutes: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)


class AlarmRow(Base):
    """An alarm and its life cycle (active → acknowledged → cleared), with repeats counted."""

    __tablename__ = "alarms"
    __table_args__ = (Index(None, "state"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    risk: Mapped[str] = mapped_column(String(16))
    sensor_id: Mapped[str | None] = mapped_column(String(64), index=True)
    rule_id: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64))
    area_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(200))
    cleared_at: Mapped[datetime | None]
    repeats: Mapped[int] = mapped_column(Integer)


# ---------------------------------------------------------------- streams


class EventLogRow(Base):
    """The whole typed event stream in the order it was applied (append-only), for replay."""

    __tablename__ = "event_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]


class TelemetryRow(Base):
    """One sensor reading; the key (sensor_id, seq) makes a redelivered message a no-op."""

    __tablename__ = "telemetry"

    sensor_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    values: Mapped[dict[str, Any]]


class SenderReceiptRow(Base):
    """The receipt of a message from a staff phone or an app account (position, report, case action).

    Keyed by (space, sender, seq) apart from the sensors' telemetry, so that no report can make a
    sensor's reading look like a redelivery; the message's content is in the event log.
    """

    __tablename__ = "sender_receipts"

    space: Mapped[str] = mapped_column(String(16), primary_key=True)
    sender: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime]


class SealedTextRow(Base):
    """The original of free text that quoted personal data, encrypted; the stored events hold it
    scrubbed. ``message`` is the message it came in (space/sender/seq), ``field`` which text it was."""

    __tablename__ = "sealed_texts"
    __table_args__ = (UniqueConstraint("message", "field"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(100), index=True)
    message: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(32))
    community_id: Mapped[str | None] = mapped_column(String(64))
    stored_at: Mapped[datetime]
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)


class DeadLetterRow(Base):
    """An invalid message kept for inspection: why it was refused, its hash and a short excerpt."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    topic: Mapped[str] = mapped_column(Text)
    reason_code: Mapped[str] = mapped_column(String(64), index=True)
    detail: Mapped[str] = mapped_column(Text)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payload_size: Mapped[int] = mapped_column(Integer)
    payload_excerpt: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- security


class AuditRow(Base):
    """One audited action (append-only); ``hash`` chains it to the row before it.

    ``id`` is assigned by :class:`cockpit.storage.audit.AuditLog` (not autoincremented) because it
    is part of the hashed content.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    target: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class UserRow(Base):
    """A local account: password hash, role, the area its permissions are scoped to, and the failed
    logins that lock it for a while."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(100), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))
    scope_area: Mapped[str | None] = mapped_column(String(64))
    disabled: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Wrong passwords in a row since the last good login (the lockout counts them)."""
    locked_until: Mapped[datetime | None]
