"""A real street from its manifest, validated whole before anything is written.

:func:`build_street` reads every layer and registry the manifest names, converts coordinates,
links the hierarchy and runs every check, collecting all problems rather than stopping at the
first; the report holds the street only when there is no error (warnings are listed).
:func:`cockpit.onboard.store.import_street` stores it. The report's JSON keys are the output
contract of ``cockpit street import``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely

from cockpit.street.areas import Areas, Features, build_areas, read_features, to_metric
from cockpit.street.buildings import count_from_buildings
from cockpit.street.checks import check_cover, check_households, check_overlaps
from cockpit.street.crs import utm_epsg
from cockpit.street.manifest import AREA_LAYERS, LAYERS, Manifest
from cockpit.street.model import Projection, Street
from cockpit.street.problems import Problems
from cockpit.street.registries import AreaNames, read_resources, read_sensors, read_shifts, read_staff


@dataclass
class ImportReport:
    """What an import found and did: the street (None when errors stopped it) and every problem."""

    street_id: str
    street: Street | None
    problems: Problems = field(default_factory=Problems)
    buildings: int = 0

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
            "buildings": self.buildings if s else 0,
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
            features = read_features(source, problems, polygonal=kind != "roads")
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
    if "buildings" in layers:
        count_from_buildings(layers["buildings"], layers["micro_grids"], problems)
        report.buildings = len(layers["buildings"].ids)
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
    resources = read_resources(manifest.registries.get("resources"), manifest.registries.get("stock"), areas, problems)
    if problems.errors:
        return report
    report.street = _street(manifest, areas, boundary, projection, sensors, staff, shifts, resources)
    return report


def _street(manifest: Manifest, areas: Areas, boundary, projection: Projection, sensors, staff, shifts,
            resources) -> Street:
    return Street(
        id=manifest.street_id, name=manifest.name, name_en=manifest.name_en, city=manifest.city,
        projection=projection, boundary=boundary,
        communities=tuple(areas.communities), general_grids=tuple(areas.general_grids),
        micro_grids=tuple(areas.micro_grids), dedicated_grids=tuple(areas.dedicated_grids),
        roads=tuple(areas.roads), sensors=tuple(sensors), staff=tuple(staff), shifts=tuple(shifts),
        resources=tuple(resources),
    )
