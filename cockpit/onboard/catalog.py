"""Which street a command works on: the demo street by default, or a street stored in a database.

One database holds many streets (keyed by street id). Every command that reads a street takes
``--street ID`` and ``--db URL`` and calls :func:`resolve_street`; the production window
(``cockpit open``) calls :func:`load_stored_street`. The demo street's id needs no database: it is
generated (unless a database given holds a street of that id, which then wins).
"""

from __future__ import annotations

from cockpit.storage.db import Database, open_database
from cockpit.storage.streets import StreetNotFound, load_street, street_ids
from cockpit.street.demo import load_demo_street
from cockpit.street.generator import STREET_ID as DEMO_STREET_ID
from cockpit.street.model import Street


class UnknownStreet(LookupError):
    """No street with the requested id: the message names the database and the ids it holds."""


def load_stored_street(db_url: str | None, street_id: str) -> Street:
    """The street ``street_id`` stored in the database at ``db_url`` (None: the default SQLite file).

    Raises
    ------
    UnknownStreet
        The database holds no street with that id (the message lists the ids it holds).
    cockpit.storage.StorageError
        The database cannot be opened.
    """
    db = open_database(db_url)
    try:
        return street_from(db, street_id)
    finally:
        db.close()


def street_from(db: Database, street_id: str) -> Street:
    """The street ``street_id`` of an open database; :class:`UnknownStreet` if it holds none."""
    try:
        return load_street(db, street_id)
    except StreetNotFound:
        held = street_ids(db)
        known = f"it holds {', '.join(held)}" if held else "it holds no street (cockpit street import MANIFEST.toml)"
        raise UnknownStreet(f"no street {street_id!r} in {db.url}; {known}") from None


def street_in(db: Database, street_id: str | None, seed: int | None = None) -> Street:
    """The street ``street_id`` of an open database; the demo street for None or the demo's id when not stored."""
    if street_id is not None:
        try:
            return street_from(db, street_id)
        except UnknownStreet:
            if street_id != DEMO_STREET_ID:
                raise
    return load_demo_street() if seed is None else load_demo_street(seed)


def resolve_street(street_id: str | None, db_url: str | None = None, seed: int | None = None) -> Street:
    """The street a command runs on: ``street_id`` from ``db_url``, or the demo street.

    Without ``street_id`` (or with the demo's id and no database) this is the generated demo street
    of ``seed`` (default the shipped one) and no database is opened; a database that stores a street
    with the demo's id serves that one.

    Raises
    ------
    UnknownStreet
        ``street_id`` is not the demo's and the database does not hold it.
    cockpit.storage.StorageError
        The database cannot be opened.
    """
    if street_id is None or (street_id == DEMO_STREET_ID and db_url is None):
        return load_demo_street() if seed is None else load_demo_street(seed)
    db = open_database(db_url)
    try:
        return street_in(db, street_id, seed)
    finally:
        db.close()
