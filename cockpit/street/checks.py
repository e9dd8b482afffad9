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
    """An error for every pair of features of one layer that share more than ``tolerance_m2``."""
    geometries = features.metric
    if len(geometries) < 2:
        return
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    if left.size == 0:
        return
    shared = shapely.area(shapely.intersection(geometries[left], geometries[right]))
    for a, b, area in zip(left[shared > tolerance_m2], right[shared > tolerance_m2], shared[shared > tolerance_m2]):
        problems.error(features.source.name, features.where(int(a)), features.ids[a],
                       f"overlaps {features.ids[b]} ({features.where(int(b))}) by {area:,.0f} m²")


def check_cover(parents: Features, children: Features, child_parent: dict[str, str], tolerances: Tolerances,
                projection: Projection, problems: Problems) -> None:
    """Errors for parents not covered by their children, and for children reaching outside their parent."""
    position = parents.index()
    groups: dict[str, list[int]] = {}
    for index, child in enumerate(children.ids):
        parent = child_parent.get(child)
        if parent is not None:
            groups.setdefault(parent, []).append(index)
    for parent_id, parent_index in position.items():
        parent_geometry = parents.metric[parent_index]
        members = groups.get(parent_id, [])
        label = _LABELS[children.source.kind]
        if not members:
            problems.error(parents.source.name, parents.where(parent_index), parent_id, f"has no {label}")
            continue
        union = shapely.union_all(children.metric[members])
        gap = shapely.difference(parent_geometry, union)
        if gap.area > tolerances.gap_m2:
            lon, lat = projection.to_lonlat(*shapely.get_coordinates(gap.representative_point())[0])
            problems.error(parents.source.name, parents.where(parent_index), parent_id,
                           f"{gap.area:,.0f} m² not covered by its {label} (near lon {lon:.5f}, lat {lat:.5f})")
        outside = shapely.area(shapely.difference(children.metric[members], parent_geometry))
        for member, area in zip(members, outside):
            if area > tolerances.outside_parent_m2:
                problems.error(children.source.name, children.where(member), children.ids[member],
                               f"crosses the boundary of {parent_id}: {area:,.0f} m² lie outside it")


def check_households(areas: Areas, layers: dict[str, Features], problems: Problems) -> None:
    """Warnings for grids whose household counts are outside the standards (only where counts were given)."""
    for kind, grids, (low, high) in (("general_grids", areas.general_grids, GENERAL_GRID_HOUSEHOLDS),
                                     ("micro_grids", areas.micro_grids, MICRO_GRID_HOUSEHOLDS)):
        features = layers[kind]
        if "households" not in features.source.columns:
            continue
        where = features.index()
        for grid in grids:
            if not low <= grid.households <= high:
                problems.warning(features.source.name, features.where(where[grid.id]), grid.id,
                                 f"{grid.households} households, outside the standard {low}-{high}")


def points_outside(boundary: shapely.Geometry, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Boolean mask of points not inside the street's boundary."""
    shapely.prepare(boundary)
    return ~shapely.contains_xy(boundary, lon, lat)
