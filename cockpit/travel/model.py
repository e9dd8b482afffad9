"""Travel time between points of the street, by mode: the straight-line estimate and the road network.

Both models answer the same three questions, so that a caller (the dispatch ranking, the simulator,
coverage and placement) switches between them in one place:

- :meth:`TravelModel.matrix`: minutes from every origin to every destination (one-to-many is a
  matrix with one row);
- :meth:`TravelModel.nearest`: for every target, the minutes from the nearest source and which
  source that is (one multi-source search, not one search a source);
- :meth:`TravelModel.minutes`: one pair.

Points are given once as :class:`Places` (metres in the street's projection) so that the road
model snaps them once. :class:`RoadTravel` keeps the shortest-path row of every network node it has
searched from, per mode, so the simulator's repeated questions from the same corners cost an array
lookup. Travel is symmetric: roads are two-way for every mode.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from cockpit.street.model import Street
from cockpit.travel.network import RoadNetwork, Snapped
from cockpit.travel.profile import TravelProfile, default_profile

ROW_CACHE_BYTES = 64 * 2**20
"""Memory for cached shortest-path rows, per mode (the demo street's ~800 nodes need ~5 MB for all)."""

_CHUNK = 256
"""Origins handled at once by :meth:`RoadTravel.matrix`, bounding its temporary arrays."""


@dataclass(frozen=True, slots=True)
class Places:
    """Points in metres, shape (n, 2), prepared by a travel model (snapped to its roads, if it has any)."""

    xy: np.ndarray
    snapped: Snapped | None = None

    def __len__(self) -> int:
        return len(self.xy)


class TravelModel(Protocol):
    """Minutes between points of one street by a travel mode (``walk``, ``e_bike``, ``car``...)."""

    profile: TravelProfile

    def places(self, xy: np.ndarray) -> Places:
        """Prepare points (metres, shape (n, 2)) for the questions below."""

    def matrix(self, mode: str, origins: Places, destinations: Places) -> np.ndarray:
        """Minutes from every origin (rows) to every destination (columns); inf where unreachable."""

    def nearest(self, mode: str, sources: Places, targets: Places,
                limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """For every target the minutes from its nearest source and that source's index.

        Targets with no source within ``limit`` minutes (or none at all) get inf and index -1.
        """

    def minutes(self, mode: str, origin: tuple[float, float], destination: tuple[float, float]) -> float:
        """Minutes from one point to another."""


def _pair(model: TravelModel, mode: str, origin: tuple[float, float], destination: tuple[float, float]) -> float:
    return float(model.matrix(mode, model.places(np.array([origin])), model.places(np.array([destination])))[0, 0])


class StraightLineTravel:
    """Straight-line distance times the profile's detour factor, at the mode's straight-line speed.

    The estimate where a street has no road layer; with the shipped profile it gives the dispatch
    ranking's figures (DETOUR_FACTOR 1.3; 200, 70 and 400 m/min).
    """

    def __init__(self, profile: TravelProfile | None = None) -> None:
        self.profile = profile or default_profile()

    def places(self, xy: np.ndarray) -> Places:
        return Places(np.asarray(xy, dtype=float).reshape(-1, 2))

    def _metres_per_minute(self, mode: str) -> float:
        return self.profile.mode(mode).straight_m_per_min / self.profile.detour_factor

    def matrix(self, mode: str, origins: Places, destinations: Places) -> np.ndarray:
        delta = origins.xy[:, None, :] - destinations.xy[None, :, :]
        return np.hypot(delta[..., 0], delta[..., 1]) / self._metres_per_minute(mode)

    def nearest(self, mode: str, sources: Places, targets: Places,
                limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        if len(sources) == 0:
            return np.full(len(targets), np.inf), np.full(len(targets), -1)
        distance, index = cKDTree(sources.xy).query(targets.xy)
        minutes = distance / self._metres_per_minute(mode)
        return _apply_limit(minutes, np.asarray(index, dtype=np.int64), limit)

    def minutes(self, mode: str, origin: tuple[float, float], destination: tuple[float, float]) -> float:
        return _pair(self, mode, origin, destination)


class RoadTravel:
    """Shortest travel times on a street's road network (scipy's compiled Dijkstra on a CSR graph).

    A point reaches the network straight to its nearest road at the mode's access speed, then follows
    roads at each road kind's speed. Owns the network, one weighted graph per mode and, per mode, a
    bounded cache of shortest-path rows by node. Emits nothing.

    Parameters
    ----------
    network
        The road graph.
    profile
        Speeds per mode and road kind (default: ``resources/travel.toml``).
    """

    def __init__(self, network: RoadNetwork, profile: TravelProfile | None = None) -> None:
        self.network = network
        self.profile = profile or default_profile()
        self._modes: dict[str, _ModeGraph] = {}

    @classmethod
    def from_street(cls, street: Street, profile: TravelProfile | None = None) -> "RoadTravel":
        """The road model of ``street`` (raises ValueError if it has no roads)."""
        return cls(RoadNetwork.from_street(street), profile)

    def places(self, xy: np.ndarray) -> Places:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return Places(xy, self.network.snap(xy))

    def matrix(self, mode: str, origins: Places, destinations: Places) -> np.ndarray:
        graph = self._graph(mode)
        o_u, o_v, o_to_u, o_to_v = graph.ends(origins.snapped)
        d_u, d_v, d_to_u, d_to_v = graph.ends(destinations.snapped)
        result = np.empty((len(origins), len(destinations)))
        for start in range(0, len(origins), _CHUNK):
            chunk = slice(start, start + _CHUNK)
            from_u = graph.rows(o_u[chunk])
            from_v = graph.rows(o_v[chunk])
            # Reach the origin's edge end (u or v), travel to the destination's edge end, walk in.
            best = o_to_u[chunk, None] + from_u[:, d_u] + d_to_u[None, :]
            np.minimum(best, o_to_u[chunk, None] + from_u[:, d_v] + d_to_v[None, :], out=best)
            np.minimum(best, o_to_v[chunk, None] + from_v[:, d_u] + d_to_u[None, :], out=best)
            np.minimum(best, o_to_v[chunk, None] + from_v[:, d_v] + d_to_v[None, :], out=best)
            result[chunk] = best
        same = origins.snapped.edge[:, None] == destinations.snapped.edge[None, :]
        if same.any():
            rows, cols = np.nonzero(same)
            direct = graph.along_same_edge(origins.snapped, rows, destinations.snapped, cols)
            result[rows, cols] = np.minimum(result[rows, cols], direct)
        return result

    def nearest(self, mode: str, sources: Places, targets: Places,
                limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        n_targets = len(targets)
        if len(sources) == 0:
            return np.full(n_targets, np.inf), np.full(n_targets, -1)
        graph = self._graph(mode)
        s_u, s_v, s_to_u, s_to_v = graph.ends(sources.snapped)
        t_u, t_v, t_to_u, t_to_v = graph.ends(targets.snapped)
        # One search from every source at once: each source is a virtual node with one-way links to
        # its edge's two ends, weighted by the way there, so no path can run through a source.
        n, k = graph.n_nodes, len(sources)
        virtual = n + np.arange(k)
        # Built in one go from coordinates: sparse addition would drop a zero-minute link (a source
        # standing on a junction), and the graph algorithms read a stored zero as an edge.
        augmented = sparse.csr_matrix(
            (
                np.concatenate([graph.w, s_to_u, s_to_v]),
                (np.concatenate([graph.u, virtual, virtual]), np.concatenate([graph.v, s_u, s_v])),
            ),
            shape=(n + k, n + k),
        )
        distance, _, origin = dijkstra(augmented, directed=True, indices=virtual, min_only=True,
                                       return_predecessors=True, limit=np.inf if limit is None else limit)
        via_u = distance[t_u] + t_to_u
        via_v = distance[t_v] + t_to_v
        minutes = np.minimum(via_u, via_v)
        index = np.where(via_u <= via_v, origin[t_u], origin[t_v]) - n
        index[~np.isfinite(minutes)] = -1
        self._nearest_on_same_edge(graph, sources.snapped, targets.snapped, minutes, index)
        return _apply_limit(minutes, index, limit)

    def minutes(self, mode: str, origin: tuple[float, float], destination: tuple[float, float]) -> float:
        return _pair(self, mode, origin, destination)

    def node_minutes(self, mode: str) -> np.ndarray:
        """Shortest minutes between every pair of network nodes, shape (nodes, nodes).

        With :meth:`ends` this answers any pair of prepared places by four lookups, as
        :meth:`matrix` does: what the simulator uses for the many trips of a replication.
        """
        graph = self._graph(mode)
        return dijkstra(graph.csr, directed=True)

    def ends(self, mode: str, places: Places) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Each place's edge ends ``u``, ``v`` and the minutes from the place to each of them."""
        return self._graph(mode).ends(places.snapped)

    def _nearest_on_same_edge(self, graph: "_ModeGraph", sources: Snapped, targets: Snapped,
                              minutes: np.ndarray, index: np.ndarray) -> None:
        """Improve targets that share an edge with a source by going straight along that edge."""
        order = np.argsort(sources.edge, kind="stable")
        edges = sources.edge[order]
        low = np.searchsorted(edges, targets.edge, side="left")
        high = np.searchsorted(edges, targets.edge, side="right")
        for t in np.flatnonzero(high > low):
            candidates = order[low[t]:high[t]]
            direct = graph.along_same_edge(sources, candidates, targets, np.full(len(candidates), t))
            best = int(np.argmin(direct))
            if direct[best] < minutes[t]:
                minutes[t] = direct[best]
                index[t] = candidates[best]

    def _graph(self, mode: str) -> "_ModeGraph":
        if mode not in self._modes:
            self._modes[mode] = _ModeGraph(self.network, self.profile, mode)
        return self._modes[mode]


class _ModeGraph:
    """The network weighted in minutes for one mode, with its cache of shortest-path rows by node."""

    def __init__(self, network: RoadNetwork, profile: TravelProfile, mode: str) -> None:
        spec = profile.mode(mode)
        self.n_nodes = network.n_nodes
        self.network = network
        self.edge_minutes = network.length_m / network.edge_speeds(spec.road_speed)
        self.access_m_per_min = spec.access_m_per_min
        u = np.concatenate([network.u, network.v])
        v = np.concatenate([network.v, network.u])
        w = np.concatenate([self.edge_minutes, self.edge_minutes])
        # Parallel edges (two roads drawn along one another) keep the faster one.
        order = np.lexsort((w, v, u))
        u, v, w = u[order], v[order], w[order]
        first = np.concatenate([[True], (np.diff(u) != 0) | (np.diff(v) != 0)])
        self.u, self.v, self.w = u[first], v[first], w[first]
        self.csr = sparse.csr_matrix((self.w, (self.u, self.v)), shape=(self.n_nodes, self.n_nodes))
        self._rows: OrderedDict[int, np.ndarray] = OrderedDict()
        self._max_rows = max(16, ROW_CACHE_BYTES // (8 * max(1, self.n_nodes)))

    def ends(self, snapped: Snapped) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Each point's edge ends ``u``, ``v`` and the minutes from the point to each of them."""
        weight = self.edge_minutes[snapped.edge]
        access = snapped.access_m / self.access_m_per_min
        u = self.network.u[snapped.edge]
        v = self.network.v[snapped.edge]
        return u, v, access + snapped.frac * weight, access + (1.0 - snapped.frac) * weight

    def along_same_edge(self, a: Snapped, a_index: np.ndarray, b: Snapped, b_index: np.ndarray) -> np.ndarray:
        """Minutes between pairs of points on one edge, straight along it (no detour via its ends)."""
        weight = self.edge_minutes[a.edge[a_index]]
        return (
            a.access_m[a_index] / self.access_m_per_min
            + np.abs(a.frac[a_index] - b.frac[b_index]) * weight
            + b.access_m[b_index] / self.access_m_per_min
        )

    def rows(self, nodes: np.ndarray) -> np.ndarray:
        """Shortest minutes from each of ``nodes`` to every node, shape (len(nodes), n_nodes)."""
        wanted = np.unique(nodes)
        missing = [int(n) for n in wanted if int(n) not in self._rows]
        if missing:
            computed = dijkstra(self.csr, directed=True, indices=missing)
            for node, row in zip(missing, np.atleast_2d(computed)):
                self._rows[node] = row
        for node in wanted:
            self._rows.move_to_end(int(node))
        table = np.stack([self._rows[int(n)] for n in wanted])
        while len(self._rows) > self._max_rows:
            self._rows.popitem(last=False)
        return table[np.searchsorted(wanted, nodes)]


_STREET_TRAVEL: dict[int, tuple[Street, TravelModel]] = {}
"""Each street's own travel model, by the street's identity (its road graph is built once)."""


def street_travel(street: Street) -> TravelModel:
    """The street's own travel model: its road network, or the straight-line estimate without roads.

    Built once per street and kept, so its cached shortest-path rows serve every later question.
    """
    known = _STREET_TRAVEL.get(id(street))
    if known is not None and known[0] is street:
        return known[1]
    model: TravelModel = RoadTravel.from_street(street) if street.roads else StraightLineTravel()
    _STREET_TRAVEL[id(street)] = (street, model)
    return model


def _apply_limit(minutes: np.ndarray, index: np.ndarray, limit: float | None) -> tuple[np.ndarray, np.ndarray]:
    if limit is not None:
        beyond = minutes > limit
        minutes = np.where(beyond, np.inf, minutes)
        index = np.where(beyond, -1, index)
    return minutes, index
