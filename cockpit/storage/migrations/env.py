"""Alembic environment of the cockpit schema, driven from code by :mod:`cockpit.storage.db`.

Migrations run on the connection handed over in ``config.attributes["connection"]`` (the caller
owns its transaction and locking). SQLite uses batch mode, because it cannot alter most
constraints in place.
"""

from __future__ import annotations

from alembic import context

from cockpit.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "cockpit migrations run through cockpit.storage.open_database or "
        "cockpit.storage.db.alembic_config(connection), not the alembic command line"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
