"""Alembic migrations: empty to head, down and up again, and the models equal what they create."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from cockpit.storage import EventStore, open_database
from cockpit.storage.db import alembic_config
from cockpit.storage.models import Base
from cockpit.vocabulary.events import ClockTick
from tests.core.test_storage import T0, db, db_url  # noqa: F401  (fixtures)

TABLES = {
    "streets", "communities", "general_grids", "micro_grids", "dedicated_grids", "roads", "sensors",
    "shifts", "staff", "residents", "cases", "case_transitions", "dispatches", "alarms", "event_log",
    "telemetry", "sender_receipts", "sealed_texts", "dead_letters", "audit_log", "users", "resources", "resource_stock",
}


HEAD = "0005_hard_hardening"


def test_one_linear_history() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    assert script.get_heads() == [HEAD]
    # Revisions are numbered in order; a number may carry its author and subject ("0004_roads_resources").
    assert [r.revision[:4] for r in reversed(revisions)] == [f"{n:04d}" for n in range(1, len(revisions) + 1)]
    assert all(len(r._all_down_revisions) <= 1 for r in revisions)
    assert set(Base.metadata.tables) == TABLES


def test_empty_database_migrates_to_head(db_url: str) -> None:
    with open_database(db_url) as db:
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) == TABLES | {"alembic_version"}
            assert MigrationContext.configure(connection).get_current_revision() == HEAD


def test_models_equal_the_migrated_schema(db_url: str) -> None:
    with open_database(db_url) as db, db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_empty_and_back(db_url: str) -> None:
    with open_database(db_url) as db:
        with db.engine.connect() as connection, connection.begin():
            command.downgrade(alembic_config(connection), "base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    with open_database(db_url) as db:
        EventStore(db).append([ClockTick(T0)])
    with open_database(db_url) as db:  # opening an up-to-date database changes nothing
        assert EventStore(db).count() == 1
