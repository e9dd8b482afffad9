"""Column types that behave the same on SQLite and PostgreSQL.

SQLite has no time zone type: :class:`UtcDateTime` stores naive UTC there and gives back aware UTC
datetimes on both dialects, so that a timestamp read back equals the one written.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

BigId = BigInteger().with_variant(Integer(), "sqlite")
"""A 64-bit surrogate key; on SQLite plain INTEGER so that it aliases the rowid and autoincrements."""


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp stored as UTC; naive datetimes are refused.

    PostgreSQL stores ``timestamptz``; SQLite stores the UTC wall time (its text format sorts in
    time order, so range queries work). Values read back are aware datetimes in UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} has no time zone")
        value = value.astimezone(timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
