"""Geometry and staffing checks of an imported street, run before anything is written.

The grid hierarchy must tile: micro-grids (and general grids, and communities) do not overlap each
other, each parent is covered by its children up to a gap tolerance, and no grid reaches outside its
parent. Household counts outside the standards of DESIGN.md 1.1 are warnings: real grids vary
(rural general grids have 100-200 households). Areas are measured in the street's metric projection.
"""

from __future__ import annotations

import numpy as np
import shapely

from cockpit.street.areas import Areas, Features
from cockpit.street.generator import GENERAL_GRID_HOUSEHOLDS, MICRO_GRID_HOUSEHOLDS
from cockpit.street.manifest import Tolerances
from cockpit.street.model import Projection
from cockpit.street.problems import Problems

_LABELS = {"general_grids": "general grids", "micro_grids": "micro-grids"}


def check_overlaps(features: Features, tolerance_m2: float, problems: Problems) -> None:
    """An error for every pair of features of one layer that share more than ``tolerance_m2``.

    A layer that is a valid polygonal coverage (neighbours share their edges vertex for vertex, as
    a GIS tiling does) has no overlaps at all, and GEOS says so in a fraction of a second for a
    district; otherwise every pair that meets is intersected and measured.
    """
    geometries = features.metric
    if len(geometries) < 2 or shapely.coverage_is_valid(geometries):
        return
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    shared = shapely.area(shapely.intersection(geometries[left], geometries[right]))
    over = shared > tolerance_m2
    for a, b, area in zip(left[over], right[over], shared[over]):
        problems.error(features.source.name, features.where(int(a)), features.ids[a],
                       f"overlaps {features.ids[b]} ({features.where(int(b))}) by {area:,.0f} m²")


def check_cover(parents: Features, children: Features, child_parent: dict[str, str], tolerances: Tolerances,
                projection: Projection, problems: Problems) -> None:
    """Errors for parents not covered by their children, and for children reaching outside their parent.

    Children are known not to overlap (checked before), so a parent's uncovered area is its area less
    the parts of its children inside it; only a parent with a gap above the tolerance has its gap
    computed as a shape, to say where it is.
    """
    position = parents.index()
    child_index = np.array([i for i, c in enumerate(children.ids) if c in child_parent], dtype=np.int64)
    parent_index = np.array([position[child_parent[children.ids[i]]] for i in child_index], dtype=np.int64)
    child_shapes, parent_shapes = children.metric[child_index], parents.metric[parent_index]
    inside_area = shapely.area(child_shapes)
    covered = shapely.covered_by(child_shapes, parent_shapes)
    if (~covered).any():
        inside_area[~covered] = shapely.area(shapely.intersection(child_shapes[~covered], parent_shapes[~covered]))
    outside = shapely.area(child_shapes) - inside_area
    for i in np.flatnonzero(outside > tolerances.outside_parent_m2):
        member = int(child_index[i])
        problems.error(children.source.name, children.where(member), children.ids[member],
                       f"crosses the boundary of {parents.ids[parent_index[i]]}: {outside[i]:,.0f} m² lie outside it")
    covered_area = np.bincount(parent_index, weights=inside_area, minlength=len(parents.ids))
    counts = np.bincount(parent_index, minlength=len(parents.ids))
    gaps = shapely.area(parents.metric) - covered_area
    label = _LABELS[children.source.kind]
    for p in np.flatnonzero((gaps > tolerances.gap_m2) | (counts == 0)):
        parent_id = parents.ids[p]
        if counts[p] == 0:
            problems.error(parents.source.name, parents.where(int(p)), parent_id, f"has no {label}")
            continue
        gap = shapely.difference(parents.metric[p], shapely.union_all(child_shapes[parent_index == p]))
        lon, lat = projection.to_lonlat(*shapely.get_coordinates(gap.representative_point())[0])
        problems.error(parents.source.name, parents.where(int(p)), parent_id,
                       f"{gaps[p]:,.0f} m² not covered by its {label} (near lon {lon:.5f}, lat {lat:.5f})")


def check_households(areas: Areas, layers: dict[str, Features], problems: Problems) -> None:
    """Warnings for grids whose household counts are outside the standards (only where counts were given)."""
    for kind, grids, (low, high) in (("general_grids", areas.general_grids, GENERAL_GRID_HOUSEHOLDS),
                                     ("micro_grids", areas.micro_grids, MICRO_GRID_HOUSEHOLDS)):
        features = layers[kind]
        if "households" not in features.source.columns:
            if kind == "micro_grids":
                problems.warning(features.source.name, "", None,
                                 "no household counts (households = ...): every micro-grid has 0, and the demo feed, "
                                 "history and simulation place cases where households are")
            continue
        where = features.index()
        for grid in grids:
            if not low <= grid.households <= high:
                problems.warning(features.source.name, features.where(where[grid.id]), grid.id,
                                 f"{grid.households} households, outside the standard {low}-{high}")

