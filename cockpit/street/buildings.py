"""Household and resident counts of micro-grids from a buildings layer (楼栋).

A district's building footprints often carry the household count (户数) that its grid layers lack.
Each building belongs to the micro-grid its ``micro_grid`` column names or, without one, to the
micro-grid that holds a point on its surface. A micro-grid without its own count gets the sum of its
buildings; one whose stated count the buildings contradict by more than
:data:`MISMATCH_SHARE` keeps its own and a warning says so. The footprints themselves are not kept.
"""

from __future__ import annotations

import shapely

from cockpit.street.areas import Features, whole_number
from cockpit.street.problems import Problems
from cockpit.street.tables import as_text
from cockpit.street.tables import whole_number as whole

COUNTS = ("households", "residents")
MISMATCH_SHARE = 0.10


def count_from_buildings(buildings: Features, micro: Features, problems: Problems) -> None:
    """Fill the micro-grids' missing counts with their buildings' sums (in ``micro.attributes``); warn on disagreement."""
    owners = _owners(buildings, micro, problems)
    for field_name in COUNTS:
        values = buildings.attributes.get(field_name)
        if values is None:
            continue
        totals = [0] * len(micro.ids)
        for position, (owner, value) in enumerate(zip(owners, values)):
            count = whole_number(value, buildings, position, field_name, problems)
            if owner is not None and count is not None:
                totals[owner] += count
        stated = micro.attributes.setdefault(field_name, [None] * len(micro.ids))
        for position, total in enumerate(totals):
            if as_text(stated[position]) is None:
                stated[position] = total
                continue
            own = whole(stated[position])
            if own is not None and abs(total - own) > MISMATCH_SHARE * own:
                problems.warning(micro.source.name, micro.where(position), micro.ids[position],
                                 f"{field_name} {own}, its buildings in {buildings.source.name} hold {total}; "
                                 f"the micro-grid's own count is kept")


def _owners(buildings: Features, micro: Features, problems: Problems) -> list[int | None]:
    file = buildings.source.name
    if "micro_grid" in buildings.source.columns:
        known = micro.index()
        owners: list[int | None] = []
        for position, value in enumerate(buildings.attributes["micro_grid"]):
            text = as_text(value)
            owner = known.get(text) if text is not None else None
            if owner is None:
                problems.warning(file, buildings.where(position), buildings.ids[position],
                                 f"micro-grid {text!r} is not one of {micro.source.name}; not counted")
            owners.append(owner)
        return owners
    points = shapely.point_on_surface(buildings.metric)
    tree = shapely.STRtree(micro.metric)
    found_point, found_grid = tree.query(points, predicate="within")
    owner_of = dict(zip(found_point.tolist(), found_grid.tolist()))
    owners = [owner_of.get(position) for position in range(len(buildings.ids))]
    for position, owner in enumerate(owners):
        if owner is None:
            problems.warning(file, buildings.where(position), buildings.ids[position],
                             "lies in no micro-grid; not counted")
    return owners
