"""``cockpit street import``: build a street from its manifest and store it, residents encrypted, in one transaction.

Nothing is written unless every check passed: the street (:func:`cockpit.street.importer.build_street`)
and the residents' ledger, whose records are validated here and stored encrypted
(:mod:`cockpit.security.personal_data`) in the same transaction as the street, with an audit entry.
"""

from __future__ import annotations

import getpass
from datetime import datetime, timezone
from pathlib import Path

from cockpit.security.personal_data import FieldCipher, Resident, ResidentError, ResidentStore, load_key
from cockpit.security.users import SecurityError
from cockpit.storage.db import Database
from cockpit.storage.streets import save_street
from cockpit.street.importer import ImportReport, build_street
from cockpit.street.manifest import Source, read_manifest
from cockpit.street.problems import ImportStopped, Problems
from cockpit.street.registries import SEPARATORS, AreaNames, read_source
from cockpit.street.tables import as_text


def import_street(manifest_path: str | Path, db: Database | None = None) -> ImportReport:
    """Build the street of a manifest and, when nothing is wrong and ``db`` is given, store it.

    A file that cannot be read at all comes back as a report with that one error. A residents'
    ledger needs the personal-data key (``STREET_COCKPIT_KEY`` or the OS keyring) before anything
    is written.
    """
    try:
        manifest = read_manifest(manifest_path)
        report = build_street(manifest)
        source = manifest.registries.get("residents")
        residents = []
        cipher = None
        if report.ok and source is not None:
            residents = read_residents(source, AreaNames(report.street), report.problems)
            cipher = _cipher(source.name, report.problems)
    except ImportStopped as stopped:
        report = ImportReport(Path(manifest_path).stem, None)
        report.problems.errors.append(stopped.problem)
        return report
    if not report.ok:
        report.street = None
        return report
    if db is not None:
        save_street(db, report.street, also=_residents_writer(report.street.id, residents, cipher, db))
    return report


def read_residents(source: Source, names: AreaNames, problems: Problems) -> list[Resident]:
    """The residents' ledger as validated records; messages name the row and the field, never a value."""
    table = read_source(source)
    cols = {f: table.index(c) for f, c in source.columns.items()}
    flags_map = source.values.get("health_flags", {})
    residents = []
    for row, number in zip(table.rows, table.row_numbers):
        where = f"row {number}"
        value = {f: as_text(row[i]) or "" for f, i in cols.items()}
        micro = names.find("micro", value["micro_grid"] or None)
        if micro is None:
            problems.error(table.name, where, None, "micro_grid does not name a micro-grid of the street")
            continue
        flags = tuple(flags_map.get(part, part) for part in SEPARATORS.split(value.get("health_flags", "")) if part)
        resident = Resident(micro, value["name"], value["id_number"].upper(), value["phone"], value["address"], flags)
        try:
            residents.append(resident.validate())
        except ResidentError as exc:
            problems.error(table.name, where, None, str(exc))
    return residents


def _cipher(file: str, problems: Problems) -> FieldCipher | None:
    """The personal-data cipher, or None after an error: without a key no record is stored."""
    try:
        return FieldCipher(load_key())
    except SecurityError as exc:
        problems.error(file, "", None, f"residents' records are stored encrypted, and {exc}")
        return None


def _residents_writer(street_id: str, residents: list[Resident], cipher: FieldCipher | None, db: Database):
    """Writes the residents' records encrypted, with an audit entry, in the street's own transaction."""
    if not residents or cipher is None:
        return None
    store = ResidentStore(db, street_id, cipher)
    stamp = datetime.now(timezone.utc)

    def write(session) -> None:
        session.add_all([store.encrypted_row(r, stamp) for r in residents])
        store.audit.append_in(session, f"cli:{getpass.getuser()}", "residents.import", f"street:{street_id}",
                              None, {"count": len(residents)}, "street import", at=stamp)

    return write
