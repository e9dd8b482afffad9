"""Opening the cockpit database: SQLite in the user's data directory by default, PostgreSQL by URL.

Opening always migrates the schema to the newest Alembic revision, so code never meets an old
schema. SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL`` (a committed case,
dispatch or audit entry survives a power cut); write transactions take SQLite's write lock at
``BEGIN`` so that two writers queue on the busy timeout instead of failing when one upgrades a read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "street-cockpit"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 5000
PG_MIGRATION_LOCK = 0x5C0C_0001
"""Advisory lock key that serialises concurrent migrations of one PostgreSQL database."""

_IMMEDIATE = "cockpit_immediate"


class StorageError(RuntimeError):
    """The database cannot be used; the message is one line meant for the user."""


def default_database_path() -> Path:
    """``cockpit.sqlite`` in the platform's user data directory for street-cockpit."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "cockpit.sqlite"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the cockpit migrations, built in code (there is no alembic.ini).

    Parameters
    ----------
    connection
        When given, migrations run on this connection (``env.py`` reads it from the attributes).
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


class Database:
    """An open cockpit database: the engine, sessions and write transactions.

    Built by :func:`open_database`. ``session()`` is for reads and for callers who commit
    themselves; ``transaction()`` is for writes: one transaction committed on exit, rolled back on
    error, holding the SQLite write lock from its start.
    """

    def __init__(self, engine: Engine, url: str, path: Path | None) -> None:
        self.engine = engine
        self.url = url
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session closed on exit; nothing is committed unless the caller commits."""
        with self._guard(), self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction, committed on a normal exit and rolled back on error."""
        with self._guard(), self._write_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.url!r})"

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            raise StorageError(_describe(exc, self.path, self.url)) from exc


def open_database(url: str | None = None, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Database:
    """Open (creating if needed) the cockpit database and migrate it to the newest schema.

    Parameters
    ----------
    url
        A SQLAlchemy URL: ``sqlite:///PATH`` or ``postgresql+psycopg://USER:PASSWORD@HOST:PORT/DB``.
        None means the SQLite file :func:`default_database_path` (its folder is created).
    busy_timeout_ms
        How long a SQLite writer waits for another writer's lock before giving up.

    Raises
    ------
    StorageError
        The file is locked by another program, is not a database, cannot be opened, or the server
        cannot be reached; the message is one line naming the file or server.
    """
    if url is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(f"not a database URL: {url!r} (use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)") from None
    path = None
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StorageError("an in-memory SQLite database cannot be shared; give a file path")
        path = Path(parsed.database).expanduser().resolve()
        if not path.parent.is_dir():
            raise StorageError(f"folder does not exist: {path.parent}")
        engine = create_engine(parsed.set(database=str(path)))
        _configure_sqlite(engine, busy_timeout_ms)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(parsed, pool_pre_ping=True)
    else:
        shown = parsed.render_as_string(hide_password=True)
        raise StorageError(f"unsupported database URL (use sqlite:/// or postgresql+psycopg://): {shown}")
    shown = parsed.render_as_string(hide_password=True)
    try:
        _migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StorageError(_describe(exc, path, shown)) from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot open database {path or shown}: {exc}") from exc
    return Database(engine, shown, path)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        # Autocommit at the driver level: pysqlite's own implicit BEGIN would hide the
        # transaction boundaries that _begin below controls.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = FULL")
            # 16 MiB rather than 2: an ingest batch touches an index page per device (1,700 on the
            # demo street, 6.6 MiB), read again from the file on every batch when they do not fit.
            # Per connection, so no more than needed.
            cursor.execute("PRAGMA cache_size = -16384")
        finally:
            cursor.close()

    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    event.listen(engine, "begin", _begin)


def _migrate(engine: Engine) -> None:
    """Upgrade to head in one transaction that excludes any concurrent opener."""
    with engine.connect().execution_options(**{_IMMEDIATE: True}) as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))
            command.upgrade(alembic_config(connection), "head")


def _describe(exc: DBAPIError, path: Path | None, url: str) -> str:
    """One line saying what is wrong with the database, naming the file or server."""
    message = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    lowered = message.lower()
    if path is not None:
        if "locked" in lowered or "busy" in lowered:
            return f"database is locked by another program: {path}"
        if "not a database" in lowered or "malformed" in lowered:
            return f"not a database: {path}"
        if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
            return f"cannot open database (check permissions): {path}"
        return f"database error in {path}: {message}"
    if "connect" in lowered or "connection" in lowered:
        return f"cannot connect to database {url}: {message}"
    return f"database error in {url}: {message}"
