"""Storage: SQLAlchemy models, Alembic migrations and small repositories over them.

SQLite in the user's data directory by default, PostgreSQL by URL; see docs/storage.md.
"""

from cockpit.storage.alarms import AlarmStore
from cockpit.storage.audit import AuditEntry, AuditLog, VerifyResult
from cockpit.storage.cases import CaseStore
from cockpit.storage.db import Database, StorageError, default_database_path, open_database
from cockpit.storage.eventlog import EventStore
from cockpit.storage.streets import StreetNotFound, load_street, save_street, street_ids
from cockpit.storage.telemetry import DeadLetter, DeadLetters, SequenceStats, TelemetryWriter, WriteResult

__all__ = [
    "AlarmStore",
    "AuditEntry",
    "AuditLog",
    "CaseStore",
    "Database",
    "DeadLetter",
    "DeadLetters",
    "EventStore",
    "SequenceStats",
    "StorageError",
    "StreetNotFound",
    "TelemetryWriter",
    "VerifyResult",
    "WriteResult",
    "default_database_path",
    "load_street",
    "open_database",
    "save_street",
    "street_ids",
]
