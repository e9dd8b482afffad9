"""Which resident store a window reads: the street's records under the configured key, or the demo's.

A real street's records come from ``cockpit street import`` under the key of the OS keyring or
``STREET_COCKPIT_KEY``; without a key they cannot be read, and the window says how to set one. The
demo street gets fictitious records, stored encrypted like real ones on first use, so the residents'
view (masked lists, unmasking with a reason and an audit entry) can be walked on ``cockpit demo``;
without a configured key they are encrypted under :data:`DEMO_KEY`, derived from a public phrase: it
protects nothing, so it serves only the demo street and only when no key is configured.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from cockpit.security.permissions import Role, User
from cockpit.security.personal_data import FieldCipher, KeyMissing, ResidentStore, generate_demo_residents, load_key
from cockpit.security.users import SecurityError
from cockpit.storage.db import Database
from cockpit.storage.streets import save_street, street_ids
from cockpit.street.generator import STREET_ID as DEMO_STREET_ID
from cockpit.street.model import Street

DEMO_KEY = hashlib.sha256(b"street-cockpit demo street: fictitious residents only").digest()
"""The demo's residents' key when none is configured (public: fictitious data only)."""
SEEDER = User("demo-seed", Role.ADMINISTRATOR)
"""Who the audit log names for storing the demo's fictitious residents."""


def street_residents(db: Database, street: Street) -> tuple[ResidentStore | None, str]:
    """The street's resident store, or None and why its records cannot be read (no key, a bad key).

    The demo street's store is :func:`demo_resident_store`.
    """
    if street.id == DEMO_STREET_ID:
        return demo_resident_store(db, street), ""
    try:
        return ResidentStore(db, street.id, FieldCipher(load_key())), ""
    except SecurityError as exc:
        return None, str(exc)


def residents_key(street: Street, environ: Mapping[str, str] | None = None) -> bytes:
    """The key ``street``'s residents are stored under: the configured one, else :data:`DEMO_KEY` for
    the demo street.

    Raises
    ------
    KeyMissing
        Another street and no key configured.
    """
    try:
        return load_key(environ)
    except KeyMissing:
        if street.id == DEMO_STREET_ID:
            return DEMO_KEY
        raise


def demo_resident_store(db: Database, street: Street) -> ResidentStore:
    """The demo street's resident store in ``db``: the street stored and its fictitious residents seeded
    on first use, under :func:`residents_key`."""
    key = residents_key(street)
    if street.id not in street_ids(db):
        save_street(db, street)
    store = ResidentStore(db, street.id, FieldCipher(key))
    if store.count() == 0:
        # The seeder is no account of the database: a store of its own that knows it writes them.
        seeding = ResidentStore(db, street.id, FieldCipher(key), users={SEEDER.username: SEEDER}.get)
        seeding.add_many(generate_demo_residents(street), SEEDER, reason="demo street: fictitious residents")
    return store
