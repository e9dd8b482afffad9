"""Where is a point? Point → micro-grid, general grid, community and dedicated grids of a street.

Live events need one answer fast (:meth:`Locator.locate`); calibration and heat maps need millions
(:meth:`Locator.micro_grid_index`). Both use one precomputed raster of ~10 m cells over the street:
a cell that no area edge touches lies wholly inside one area (or outside all), so its answer is read
from an array; only points in cells that an edge crosses are tested exactly with shapely.

The rule for "in": a point is in an area when it lies in the area's interior (shapely ``within``);
a point exactly on an edge is in neither neighbour. Where float noise makes neighbours overlap by a
hair, the area listed first in the street wins. :func:`first_within` is that rule written plainly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from scipy import ndimage

from cockpit.street.model import Street

CELL_M = 10.0
"""Raster cell size in metres: smaller cells mean fewer exact tests but a larger, slower-built raster."""

_BOUNDARY_CELL = -2
_METRES_PER_DEGREE_LAT = 110_574.0
_METRES_PER_DEGREE_LON_EQUATOR = 111_320.0


@dataclass(frozen=True, slots=True)
class Location:
    """Where a point lies: its micro-grid and parents, and every dedicated grid that overlays it."""

    micro_grid_id: str
    general_grid_id: str
    community_id: str
    dedicated_grid_ids: tuple[str, ...] = ()


def first_within(polygons: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Index of the first polygon each point is within (interior), -1 where none.

    The plain STRtree version of the rule, used for small batches and as the reference.
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    result = np.full(lon.shape, -1, dtype=np.int64)
    if lon.size == 0:
        return result
    # The tree over the points, queried once per polygon, does far fewer predicate set-ups than a
    # polygon tree queried once per point.
    hits, points = shapely.STRtree(shapely.points(lon, lat)).query(polygons, predicate="contains")
    order = np.lexsort((hits, points))
    points, hits = points[order], hits[order]
    first = np.unique(points, return_index=True)[1]
    result[points[first]] = hits[first]
    return result


def to_xy(street: Street, lon, lat):
    """Metres (x, y) in the street's projection of lon/lat (scalars or numpy arrays)."""
    return street.projection.to_xy(lon, lat)


def to_lonlat(street: Street, x, y):
    """Lon/lat of metric (x, y) in the street's projection (scalars or numpy arrays)."""
    return street.projection.to_lonlat(x, y)


def distance_m(street: Street, lon_a: float, lat_a: float, lon_b: float, lat_b: float) -> float:
    """Straight-line distance in metres between two lon/lat points."""
    xa, ya = street.projection.to_xy(lon_a, lat_a)
    xb, yb = street.projection.to_xy(lon_b, lat_b)
    return math.hypot(xb - xa, yb - ya)


class _Raster:
    """Cell lookup for a set of polygons (a tiling or an overlay) over a lon/lat box.

    ``cell_component[c]`` is -2 for a cell some polygon edge may touch, else the id of its connected
    region of edge-free cells; every point of such a region is in the same set of polygons
    (``component_members``). For each edge cell (``boundary_cells``, sorted) the candidate list
    (``candidate_owner`` between ``candidate_offsets``) holds every polygon that can hold a point of
    it: those with an edge there, and those holding the cell's centre (a polygon with no edge in a
    cell and a point in it holds the whole cell).
    """

    def __init__(self, polygons: np.ndarray, bounds: tuple[float, float, float, float], cell_m: float) -> None:
        self.polygons = polygons
        shapely.prepare(polygons)
        minx, miny, maxx, maxy = bounds
        mid_lat = math.radians((miny + maxy) / 2)
        self.dx = cell_m / (_METRES_PER_DEGREE_LON_EQUATOR * math.cos(mid_lat))
        self.dy = cell_m / _METRES_PER_DEGREE_LAT
        self.x0 = minx - self.dx
        self.y0 = miny - self.dy
        self.nx = int(math.ceil((maxx - self.x0) / self.dx)) + 2
        self.ny = int(math.ceil((maxy - self.y0) / self.dy)) + 2

        edge_cells, edge_owner = self._edge_cells()
        free = np.ones(self.nx * self.ny, dtype=bool)
        free[edge_cells] = False
        labels = ndimage.label(free.reshape(self.ny, self.nx))[0].ravel()
        component, first_cell = np.unique(labels, return_index=True)
        first_cell = first_cell[component > 0]
        positions, hits = self._containers(first_cell)
        grouped: dict[int, list[int]] = {}
        for position, hit in zip(positions.tolist(), hits.tolist()):
            grouped.setdefault(position, []).append(hit)
        self.component_members: list[tuple[int, ...]] = [tuple(grouped.get(i, ())) for i in range(first_cell.size)]
        self.cell_component = np.where(free, labels - 1, _BOUNDARY_CELL).astype(np.int32)
        component_first = np.array([m[0] if m else -1 for m in self.component_members], dtype=np.int64)
        self.cell_first = np.where(free, component_first[np.maximum(labels - 1, 0)], _BOUNDARY_CELL)

        self.boundary_cells = np.flatnonzero(~free)
        positions, hits = self._containers(self.boundary_cells)
        n = len(polygons)
        keys = np.unique(np.concatenate([edge_cells * n + edge_owner, self.boundary_cells[positions] * n + hits]))
        self.candidate_offsets = np.searchsorted(keys // n, np.append(self.boundary_cells, self.nx * self.ny))
        self.candidate_owner = keys % n

    def _edge_cells(self) -> tuple[np.ndarray, np.ndarray]:
        """Cells within a quarter cell of any polygon edge, with the polygon owning the edge.

        Edges are sampled every half cell, so every edge point is within a quarter cell of a sample;
        the cells under the four corners of a half-cell square around each sample therefore cover
        every cell an edge touches.
        """
        rings, ring_owner = shapely.get_rings(self.polygons, return_index=True)
        coords, ring_index = shapely.get_coordinates(rings, return_index=True)
        u = (coords[:, 0] - self.x0) / self.dx
        v = (coords[:, 1] - self.y0) / self.dy
        same = ring_index[1:] == ring_index[:-1]
        ua, va, ub, vb = u[:-1][same], v[:-1][same], u[1:][same], v[1:][same]
        owner = ring_owner[ring_index[:-1][same]]
        samples = np.ceil(np.hypot(ub - ua, vb - va) / 0.5).astype(np.int64) + 1
        segment = np.repeat(np.arange(samples.size), samples)
        step = np.arange(segment.size) - np.repeat(np.cumsum(samples) - samples, samples)
        t = step / np.maximum(samples[segment] - 1, 1)
        pu = ua[segment] + (ub - ua)[segment] * t
        pv = va[segment] + (vb - va)[segment] * t
        cells = []
        for du, dv in ((-0.25, -0.25), (0.25, -0.25), (-0.25, 0.25), (0.25, 0.25)):
            ix = np.clip(np.floor(pu + du).astype(np.int64), 0, self.nx - 1)
            iy = np.clip(np.floor(pv + dv).astype(np.int64), 0, self.ny - 1)
            cells.append(iy * self.nx + ix)
        n = len(self.polygons)
        keys = np.unique(np.concatenate(cells) * n + np.tile(owner[segment], 4))
        return keys // n, keys % n

    def _containers(self, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (position in ``cells``, polygon) where the polygon's interior holds the cell centre.

        Sorted by position, then polygon.
        """
        lon = self.x0 + (cells % self.nx + 0.5) * self.dx
        lat = self.y0 + (cells // self.nx + 0.5) * self.dy
        hits, points = shapely.STRtree(shapely.points(lon, lat)).query(self.polygons, predicate="contains")
        order = np.lexsort((hits, points))
        return points[order], hits[order]

    def cell_of(self, lon: float, lat: float) -> int:
        """Flat cell index of a point, or -1 outside the raster."""
        ix = math.floor((lon - self.x0) / self.dx)
        iy = math.floor((lat - self.y0) / self.dy)
        if 0 <= ix < self.nx and 0 <= iy < self.ny:
            return iy * self.nx + ix
        return -1

    def cells_of(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        ix = np.floor((lon - self.x0) / self.dx)
        iy = np.floor((lat - self.y0) / self.dy)
        inside = (ix >= 0) & (ix < self.nx) & (iy >= 0) & (iy < self.ny)
        return np.where(inside, iy * self.nx + ix, -1).astype(np.int64)

    def members(self, lon: float, lat: float) -> tuple[int, ...]:
        """Every polygon holding the point, ascending."""
        cell = self.cell_of(lon, lat)
        if cell < 0:
            return ()
        component = self.cell_component[cell]
        if component >= 0:
            return self.component_members[component]
        polygons = self.polygons
        return tuple(i for i in self._candidates(cell) if shapely.contains_xy(polygons[i], lon, lat))

    def _candidates(self, cell: int) -> list[int]:
        slot = int(np.searchsorted(self.boundary_cells, cell))
        return self.candidate_owner[self.candidate_offsets[slot] : self.candidate_offsets[slot + 1]].tolist()

    def first(self, lon: float, lat: float) -> int:
        """The first polygon holding the point, -1 if none."""
        cell = self.cell_of(lon, lat)
        if cell < 0:
            return -1
        answer = int(self.cell_first[cell])
        if answer != _BOUNDARY_CELL:
            return answer
        polygons = self.polygons
        for i in self._candidates(cell):
            if shapely.contains_xy(polygons[i], lon, lat):
                return i
        return -1

    def first_many(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """:meth:`first` for arrays: array lookups, then exact tests in edge cells only."""
        cells = self.cells_of(lon, lat)
        result = np.where(cells >= 0, self.cell_first[np.maximum(cells, 0)], -1)
        exact = np.flatnonzero(result == _BOUNDARY_CELL)
        result[exact] = -1
        if exact.size == 0:
            return result
        slot = np.searchsorted(self.boundary_cells, cells[exact])
        start = self.candidate_offsets[slot]
        count = self.candidate_offsets[slot + 1] - start
        point = np.repeat(exact, count)
        owner = self.candidate_owner[np.repeat(start - np.cumsum(count) + count, count) + np.arange(count.sum())]
        inside = shapely.contains_xy(self.polygons[owner], lon[point], lat[point])
        # Candidates are ascending per cell, so the first hit of each point is the lowest index.
        hit_point, hit_owner = point[inside], owner[inside]
        first = np.unique(hit_point, return_index=True)[1]
        result[hit_point[first]] = hit_owner[first]
        return result


class Locator:
    """Answers which areas of ``street`` a lon/lat point lies in.

    Built once per street (a few hundred milliseconds); immutable afterwards and safe to share
    between threads. ``micro_general_index`` and ``micro_community_index`` map a micro-grid index
    (as returned by :meth:`micro_grid_index`) to the index of its general grid and community.
    """

    def __init__(self, street: Street, cell_m: float = CELL_M) -> None:
        self.street = street
        bounds = tuple(float(b) for b in street.boundary.bounds)
        micro = np.asarray([m.polygon for m in street.micro_grids], dtype=object)
        self._micro = _Raster(micro, bounds, cell_m)  # type: ignore[arg-type]
        dedicated = np.asarray([d.polygon for d in street.dedicated_grids], dtype=object)
        self._dedicated = _Raster(dedicated, bounds, cell_m) if len(dedicated) else None  # type: ignore[arg-type]
        general_index = {g.id: i for i, g in enumerate(street.general_grids)}
        community_index = {c.id: i for i, c in enumerate(street.communities)}
        self.micro_general_index = np.array([general_index[m.general_grid_id] for m in street.micro_grids])
        self.micro_community_index = np.array([community_index[m.community_id] for m in street.micro_grids])
        self._micro_ids = [(m.id, m.general_grid_id, m.community_id) for m in street.micro_grids]
        self._dedicated_ids = [d.id for d in street.dedicated_grids]

    def locate(self, lon: float, lat: float) -> Location | None:
        """The areas holding the point, or None outside every micro-grid of the street."""
        index = self._micro.first(lon, lat)
        if index < 0:
            return None
        micro_id, general_id, community_id = self._micro_ids[index]
        dedicated: tuple[str, ...] = ()
        if self._dedicated is not None:
            dedicated = tuple(self._dedicated_ids[i] for i in self._dedicated.members(lon, lat))
        return Location(micro_id, general_id, community_id, dedicated)

    def micro_grid_index(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Index into ``street.micro_grids`` of each point (int64), -1 outside every micro-grid.

        Agrees with :func:`first_within` on every point, including points on edges.
        """
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        return self._micro.first_many(lon.ravel(), lat.ravel()).reshape(lon.shape)

    def dedicated_grid_ids(self, lon: float, lat: float) -> tuple[str, ...]:
        """Ids of every dedicated grid holding the point."""
        if self._dedicated is None:
            return ()
        return tuple(self._dedicated_ids[i] for i in self._dedicated.members(lon, lat))
