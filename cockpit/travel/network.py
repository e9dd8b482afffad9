"""The street's road layer as a graph in metres, and points snapped onto it.

Road layers are rarely noded: a side street drawn up to an arterial ends a hair short of it or a
hair past it, and crossing roads share no vertex. The graph is built the way GIS network tools do
it: every road is cut where another crosses it and where another road's end lies within
:data:`SNAP_TOLERANCE_M` of it, and cut points within that tolerance become one junction. Edges are
the straight pieces between consecutive cut points and vertices, so that a point snaps to an edge
by plain projection. Only the largest connected part is kept: a fragment that no road joins (a lane
ending at the river) would otherwise capture the points near it and make them unreachable.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree
from shapely.geometry.base import BaseGeometry

from cockpit.street.model import Street

log = logging.getLogger(__name__)

SNAP_TOLERANCE_M = 1.0
"""Road ends and crossings closer than this are one junction (digitising noise of a street layer)."""

_SAME_POSITION_M = 1e-6


@dataclass(frozen=True, slots=True)
class Snapped:
    """Points placed on the network: the edge each lies nearest to, where along it, and how far off it.

    ``frac`` runs from 0 at the edge's ``u`` end to 1 at its ``v`` end; ``access_m`` is the straight
    distance from the point to that spot on the road.
    """

    edge: np.ndarray
    frac: np.ndarray
    access_m: np.ndarray

    def __len__(self) -> int:
        return len(self.edge)


class RoadNetwork:
    """A noded road graph: junction and vertex nodes, straight edges with a length and a road kind.

    Owns the node coordinates (metres), the edge arrays ``u``, ``v``, ``length_m``, ``kind`` (an index
    into ``kinds``) and a spatial index of the edges for snapping. Emits nothing; immutable once built.

    Parameters
    ----------
    lines
        Road centre lines in metres (LineString or MultiLineString).
    kinds
        Each line's road kind (arterial, secondary, local, or an imported street's own names).
    tolerance_m
        Ends and crossings closer than this are joined into one junction.
    """

    def __init__(self, lines: Sequence[BaseGeometry], kinds: Sequence[str], tolerance_m: float = SNAP_TOLERANCE_M):
        parts, part_kinds = [], []
        for line, kind in zip(lines, kinds):
            for part in shapely.get_parts(line):
                coords = _distinct(shapely.get_coordinates(part))
                if len(coords) >= 2:
                    parts.append(shapely.linestrings(coords))
                    part_kinds.append(kind)
        if not parts:
            raise ValueError("the street has no road layer to travel on")
        self.kinds: tuple[str, ...] = tuple(dict.fromkeys(part_kinds))
        kind_index = {k: i for i, k in enumerate(self.kinds)}
        cuts = _cut_positions(parts, tolerance_m)

        points: list[np.ndarray] = []
        junction: list[np.ndarray] = []
        edge_u, edge_v, lengths, edge_kind = [], [], [], []
        offset = 0
        for i, part in enumerate(parts):
            coords = shapely.get_coordinates(part)
            along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(coords, axis=0).T))])
            extra = cuts[i]
            positions = np.unique(np.concatenate([along, extra]))
            positions = positions[np.concatenate([[True], np.diff(positions) > _SAME_POSITION_M])]
            xy = np.column_stack([np.interp(positions, along, coords[:, 0]), np.interp(positions, along, coords[:, 1])])
            is_junction = _near_any(positions, extra)
            is_junction[[0, -1]] = True
            ids = offset + np.arange(len(positions))
            points.append(xy)
            junction.append(is_junction)
            edge_u.append(ids[:-1])
            edge_v.append(ids[1:])
            lengths.append(np.diff(positions))
            edge_kind.append(np.full(len(positions) - 1, kind_index[part_kinds[i]]))
            offset += len(positions)
        xy = np.concatenate(points)
        node_of_point = _merge_close(xy, np.concatenate(junction), tolerance_m)
        u = node_of_point[np.concatenate(edge_u)]
        v = node_of_point[np.concatenate(edge_v)]
        seg_a = xy[np.concatenate(edge_u)]
        seg_b = xy[np.concatenate(edge_v)]
        length = np.concatenate(lengths)
        kind = np.concatenate(edge_kind)
        keep = u != v
        u, v, seg_a, seg_b, length, kind = u[keep], v[keep], seg_a[keep], seg_b[keep], length[keep], kind[keep]

        n_nodes = int(node_of_point.max()) + 1
        graph = sparse.coo_matrix((np.ones(len(u)), (u, v)), shape=(n_nodes, n_nodes))
        _, label = connected_components(graph, directed=False)
        main = np.argmax(np.bincount(label[u]))
        in_main = label[u] == main
        self.dropped_edges = int((~in_main).sum())
        """Edges left out because no road joins them to the main network."""
        if self.dropped_edges:
            log.debug("road network: %d edges in %d fragments not joined to the main network left out",
                     self.dropped_edges, len(np.unique(label[u][~in_main])))
        used = np.unique(np.concatenate([u[in_main], v[in_main]]))
        renumber = np.full(n_nodes, -1)
        renumber[used] = np.arange(len(used))
        first_point = np.full(n_nodes, -1)
        first_point[node_of_point[::-1]] = np.arange(len(xy))[::-1]
        self.node_xy: np.ndarray = xy[first_point[used]]
        """Node coordinates in metres, shape (n_nodes, 2)."""
        self.u: np.ndarray = renumber[u[in_main]]
        self.v: np.ndarray = renumber[v[in_main]]
        self.length_m: np.ndarray = length[in_main]
        self.kind: np.ndarray = kind[in_main]
        self._segments = shapely.linestrings(
            np.stack([seg_a[in_main], seg_b[in_main]], axis=1)
        )
        self._tree = shapely.STRtree(self._segments)

    @classmethod
    def from_street(cls, street: Street, tolerance_m: float = SNAP_TOLERANCE_M) -> "RoadNetwork":
        """The network of ``street.roads`` in the street's metric projection."""
        lines = [street.projection.geometry_to_xy(road.line) for road in street.roads]
        return cls(lines, [road.kind for road in street.roads], tolerance_m)

    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_edges(self) -> int:
        return len(self.u)

    def edge_speeds(self, road_speed) -> np.ndarray:
        """Speed of every edge from ``road_speed(kind) -> metres a minute``."""
        return np.array([road_speed(k) for k in self.kinds], dtype=float)[self.kind]

    def snap(self, xy: np.ndarray) -> Snapped:
        """Place points (metres, shape (n, 2)) on their nearest edge.

        Ties between equally near edges go to the lowest edge index, so a point always snaps the same way.
        """
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if len(xy) == 0:
            return Snapped(np.empty(0, np.int64), np.empty(0), np.empty(0))
        points = shapely.points(xy)
        which, edges = self._tree.query_nearest(points, return_distance=False, all_matches=True)
        order = np.lexsort((edges, which))
        which, edges = which[order], edges[order]
        first = np.unique(which, return_index=True)[1]
        edge = edges[first]
        segments = self._segments[edge]
        along = shapely.line_locate_point(segments, points)
        frac = np.clip(along / self.length_m[edge], 0.0, 1.0)
        access = shapely.distance(points, shapely.line_interpolate_point(segments, along))
        return Snapped(edge.astype(np.int64), frac, access)


def _distinct(coords: np.ndarray) -> np.ndarray:
    """Coordinates without consecutive repeats (a zero-length segment has no direction to project on)."""
    if len(coords) < 2:
        return coords
    keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
    return coords[keep]


def _near_any(positions: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """True where a (sorted) position lies within :data:`_SAME_POSITION_M` of any target."""
    if len(targets) == 0:
        return np.zeros(len(positions), dtype=bool)
    targets = np.sort(targets)
    right = np.clip(np.searchsorted(targets, positions), 0, len(targets) - 1)
    left = np.clip(right - 1, 0, len(targets) - 1)
    gap = np.minimum(np.abs(targets[right] - positions), np.abs(targets[left] - positions))
    return gap <= _SAME_POSITION_M


def _cut_positions(parts: list[BaseGeometry], tolerance_m: float) -> list[np.ndarray]:
    """Per line, the distances along it where another line crosses it or ends on it."""
    array = np.asarray(parts, dtype=object)
    left, right = shapely.STRtree(array).query(array, predicate="dwithin", distance=tolerance_m)
    keep = left != right
    left, right = left[keep], right[keep]
    cuts: list[list[np.ndarray]] = [[] for _ in parts]
    pair = left < right
    crossings = shapely.intersection(array[left[pair]], array[right[pair]])
    for a, b, crossing in zip(left[pair], right[pair], crossings):
        if crossing.is_empty:
            continue
        points = shapely.points(shapely.get_coordinates(crossing))
        cuts[a].append(shapely.line_locate_point(array[a], points))
        cuts[b].append(shapely.line_locate_point(array[b], points))
    starts = shapely.get_point(array, 0)
    ends = shapely.get_point(array, -1)
    for end_points in (starts, ends):
        near = shapely.dwithin(array[left], end_points[right], tolerance_m)
        for a, b in zip(left[near], right[near]):
            cuts[a].append(np.atleast_1d(shapely.line_locate_point(array[a], end_points[b])))
    return [np.concatenate(c) if c else np.empty(0) for c in cuts]


def _merge_close(xy: np.ndarray, junction: np.ndarray, tolerance_m: float) -> np.ndarray:
    """Node number of every point: junction points within ``tolerance_m`` of each other share one."""
    n = len(xy)
    candidates = np.flatnonzero(junction)
    pairs = cKDTree(xy[candidates]).query_pairs(tolerance_m, output_type="ndarray")
    a = candidates[pairs[:, 0]] if len(pairs) else np.empty(0, np.int64)
    b = candidates[pairs[:, 1]] if len(pairs) else np.empty(0, np.int64)
    links = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, label = connected_components(links, directed=False)
    return label
