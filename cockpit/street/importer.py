"""``cockpit street import``: a real street from its manifest, validated whole, then stored in one transaction.

:func:`build_street` reads every layer and registry the manifest names, converts coordinates,
links the hierarchy and runs every check, collecting all problems rather than stopping at the
first; :func:`import_street` stores the street only when there is no error (warnings are listed),
so a failed import writes nothing. The report's JSON keys are the command's output contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import shapely

from cockpit.street.areas import Areas, Features, build_areas, read_features, to_metric
from cockpit.street.checks import check_cover, check_households, check_overlaps
from cockpit.street.crs import utm_epsg
from cockpit.street.manifest import AREA_LAYERS, LAYERS, Manifest, read_manifest
from cockpit.street.model import Projection, Street
from cockpit.street.problems import ImportStopped, Problems
from cockpit.street.registries import AreaNames, read_residents, read_sensors, read_shifts, read_staff


@dataclass
class ImportReport:
    """What an import found and did: the street (None when errors stopped it) and every problem."""

    street_id: str
    street: Street | None
    problems: Problems = field(default_factory=Problems)
    stored: bool = False
    residents: list = field(default_factory=list, repr=False)
    cipher: object | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems.errors and self.street is not None

    def to_json(self) -> dict:
        """The ``--json`` object: counts (0 when the import failed), warnings and errors as one line each."""
        s = self.street
        return {
            "street": self.street_id,
            "communities": len(s.communities) if s else 0,
            "general_grids": len(s.general_grids) if s else 0,
            "micro_grids": len(s.micro_grids) if s else 0,
            "dedicated_grids": len(s.dedicated_grids) if s else 0,
            "roads": len(s.roads) if s else 0,
            "households": s.households if s else 0,
            "residents": s.residents if s else 0,
            "sensors": len(s.sensors) if s else 0,
            "staff": len(s.staff) if s else 0,
            "warnings": [str(p) for p in self.problems.warnings],
            "errors": [str(p) for p in self.problems.errors],
        }


def build_street(manifest: Manifest) -> ImportReport:
    """Read and check everything the manifest names; the report holds the street only if nothing is wrong.

    Raises
    ------
    ImportStopped
        A file that cannot be read at all (missing, not a GIS file or table, no header).
    """
    problems = Problems()
    report = ImportReport(manifest.street_id, None, problems)
    layers: dict[str, Features] = {}
    for kind in LAYERS:
        source = manifest.layers.get(kind)
        if source is not None:
            features = read_features(source, problems, polygonal=kind in AREA_LAYERS)
            if features is not None:
                layers[kind] = features
    # Features with errors are left out and the rest is still checked, so one run lists as much as
    # it can; an unusable hierarchy layer leaves nothing to check against.
    if any(k not in layers or not layers[k].ids for k in ("communities", "general_grids", "micro_grids")):
        return report
    boundary = shapely.union_all(layers["communities"].lonlat)
    centre = boundary.centroid
    projection = Projection(utm_epsg(centre.x, centre.y))
    for features in layers.values():
        to_metric(features, projection)
    for kind in ("communities", "general_grids", "micro_grids"):
        check_overlaps(layers[kind], manifest.tolerances.overlap_m2, problems)
    areas = build_areas(manifest, layers, projection, problems)
    check_cover(layers["communities"], layers["general_grids"], {g.id: g.community_id for g in areas.general_grids},
                manifest.tolerances, projection, problems)
    check_cover(layers["general_grids"], layers["micro_grids"], {m.id: m.general_grid_id for m in areas.micro_grids},
                manifest.tolerances, projection, problems)
    check_households(areas, layers, problems)
    names = AreaNames(areas)
    shifts = read_shifts(manifest.registries.get("shifts"), problems)
    sensors = read_sensors(manifest.registries.get("sensors"), areas, names, problems)
    staff = read_staff(manifest.registries.get("staff"), areas, names, shifts, boundary, problems)
    if "residents" in manifest.registries:
        report.residents = read_residents(manifest.registries["residents"], names, problems)
        report.cipher = _cipher(manifest.registries["residents"].name, problems)
    if problems.errors:
        return report
    report.street = _street(manifest, areas, boundary, projection, sensors, staff, shifts)
    return report


def _cipher(file: str, problems: Problems):
    """The personal-data cipher for a residents' ledger, or None after an error (no key, no import)."""
    from cockpit.security.personal_data import FieldCipher, load_key
    from cockpit.security.users import SecurityError

    try:
        return FieldCipher(load_key())
    except SecurityError as exc:
        problems.error(file, "", None, f"residents' records are stored encrypted, and {exc}")
        return None


def _street(manifest: Manifest, areas: Areas, boundary, projection: Projection, sensors, staff, shifts) -> Street:
    return Street(
        id=manifest.street_id, name=manifest.name, name_en=manifest.name_en, city=manifest.city,
        projection=projection, boundary=boundary,
        communities=tuple(areas.communities), general_grids=tuple(areas.general_grids),
        micro_grids=tuple(areas.micro_grids), dedicated_grids=tuple(areas.dedicated_grids),
        roads=tuple(areas.roads), sensors=tuple(sensors), staff=tuple(staff), shifts=tuple(shifts),
    )


def import_street(manifest_path: str | Path, db=None) -> ImportReport:
    """Build the street of a manifest and, when nothing is wrong and ``db`` is given, store it.

    A stopped import (unreadable file) comes back as a report with that one error; nothing is
    written unless the report is ``ok``, and then in one transaction
    (:func:`cockpit.storage.streets.save_street`).
    """
    try:
        manifest = read_manifest(manifest_path)
    except ImportStopped as stopped:
        report = ImportReport(Path(manifest_path).stem, None)
        report.problems.errors.append(stopped.problem)
        return report
    try:
        report = build_street(manifest)
    except ImportStopped as stopped:
        report = ImportReport(manifest.street_id, None)
        report.problems.errors.append(stopped.problem)
        return report
    if report.ok and db is not None:
        from cockpit.storage.streets import save_street

        save_street(db, report.street, also=_residents_writer(report, db))
        report.stored = True
    return report


def _residents_writer(report: ImportReport, db):
    """Stores the residents' records encrypted, with an audit entry, in the street's own transaction."""
    if not report.residents:
        return None
    import getpass
    from datetime import datetime, timezone

    from cockpit.security.personal_data import ResidentStore

    store = ResidentStore(db, report.street_id, report.cipher)
    stamp = datetime.now(timezone.utc)

    def write(session) -> None:
        session.add_all([store.encrypted_row(r, stamp) for r in report.residents])
        store.audit.append_in(session, f"cli:{getpass.getuser()}", "residents.import", f"street:{report.street_id}",
                              None, {"count": len(report.residents)}, "street import", at=stamp)

    return write
