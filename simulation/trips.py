"""Trip times of a street scenario between its fixed places: case points and staff bases.

A street scenario's people travel from where they are (their base, or the last case they handled)
to a case point. The places are fixed for a street (:mod:`simulation.street`), so everything a
trip needs is prepared once: for road travel (``cockpit.travel.RoadTravel``) each place's edge ends
and the minutes between every pair of network nodes per mode, so a trip is four lookups, as
``RoadTravel.matrix`` computes it; for the straight-line estimate the places' coordinates
(``cockpit.dispatch.travel_minutes``, the dispatch ranking's own figure).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cockpit.dispatch import DETOUR_FACTOR


@dataclass(frozen=True, eq=False)
class RoadTrips:
    """Road minutes between places by mode: per mode the node table and each place's edge ends.

    Owns, per mode index, ``nodes`` (shortest minutes between network nodes) and per place ``u``,
    ``v`` (edge ends), ``to_u``, ``to_v`` (minutes from the place to them), ``edge`` and, for two
    places on one edge, ``along`` (position along it in minutes) and ``off`` (minutes to the road).
    """

    modes: tuple[str, ...]
    nodes: tuple[np.ndarray, ...]
    u: tuple[list, ...]
    v: tuple[list, ...]
    to_u: tuple[list, ...]
    to_v: tuple[list, ...]
    edge: list
    along: tuple[list, ...]
    off: tuple[list, ...]

    @classmethod
    def build(cls, travel, xy: np.ndarray, modes: tuple[str, ...]) -> "RoadTrips":
        """Prepare ``xy`` (metres, shape (n, 2)) on ``travel`` (a ``RoadTravel``) for ``modes``."""
        places = travel.places(xy)
        nodes, u, v, to_u, to_v, along, off = [], [], [], [], [], [], []
        snapped = places.snapped
        for mode in modes:
            nodes.append(travel.node_minutes(mode))
            pu, pv, tu, tv = travel.ends(mode, places)
            u.append(pu.tolist())
            v.append(pv.tolist())
            to_u.append(tu.tolist())
            to_v.append(tv.tolist())
            # Off the road and along the edge from its u end, so two places on one edge are
            # off_a + |along_a - along_b| + off_b apart (RoadTravel.matrix's same-edge case).
            access = snapped.access_m / travel.profile.mode(mode).access_m_per_min
            position = tu - access
            along.append(position.tolist())
            off.append(access.tolist())
        return cls(tuple(modes), tuple(nodes), tuple(u), tuple(v), tuple(to_u), tuple(to_v),
                   snapped.edge.tolist(), tuple(along), tuple(off))

    def minutes(self, mode: int, a: int, b: int) -> float:
        """Minutes from place ``a`` to place ``b`` by mode index ``mode``."""
        nodes = self.nodes[mode]
        u, v, tu, tv = self.u[mode], self.v[mode], self.to_u[mode], self.to_v[mode]
        ua, va, ub, vb = u[a], v[a], u[b], v[b]
        best = min(tu[a] + nodes[ua, ub] + tu[b], tu[a] + nodes[ua, vb] + tv[b],
                   tv[a] + nodes[va, ub] + tu[b], tv[a] + nodes[va, vb] + tv[b])
        if self.edge[a] == self.edge[b]:
            off, along = self.off[mode], self.along[mode]
            best = min(best, off[a] + abs(along[a] - along[b]) + off[b])
        return float(best)


@dataclass(frozen=True, eq=False, slots=True)
class StraightTrips:
    """Straight-line minutes between places: distance × the detour factor / the person's speed.

    Owns the places' coordinates in metres: ``x`` and ``y`` as arrays for numpy, and ``z`` as
    x + iy, one Python complex a place, for a trip at a time: a year's trips go to tens of
    thousands of places, and one object a place instead of two floats halves the cache misses.
    """

    x: np.ndarray
    y: np.ndarray
    z: list

    @classmethod
    def build(cls, xy: np.ndarray) -> "StraightTrips":
        x, y = np.array(xy[:, 0], dtype=float), np.array(xy[:, 1], dtype=float)
        z = np.empty(len(x), dtype=complex)
        z.real, z.imag = x, y
        return cls(x, y, z.tolist())

    def minutes_at(self, speed: float, a: int, b: int) -> float:
        """Minutes from place ``a`` to ``b`` at ``speed`` metres a minute (``cockpit.dispatch.travel_minutes``)."""
        # The parts of a complex difference are the differences of the parts, so this is that function's figure.
        d = self.z[a] - self.z[b]
        return math.hypot(d.real, d.imag) * DETOUR_FACTOR / speed
