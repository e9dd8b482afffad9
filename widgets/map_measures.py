"""What the grid map colours areas by: per-area measures of the twin and their colour bins.

An operator reads the map as "where is it bad": open or overdue cases, alarms not yet acknowledged,
the share of sensors that are silent or alarming, and how many staff are free to go. Each measure is
counted per micro-grid and summed up the hierarchy (micro-grid → general grid → community), so every
level is one pass over the twin. Values then fall into a few colour bins with a legend. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from cockpit.street.model import Street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import StaffStatus

MEASURES: tuple[str, ...] = (
    "open_cases",
    "overdue_cases",
    "active_alarms",
    "sensor_health",
    "staff_coverage",
    "coverage_gap",
)
"""Measure keys, in the order the map offers them."""

SHARE_MEASURES = frozenset({"sensor_health", "coverage_gap"})
"""Measures that are shares (0-1) rather than counts."""

SHARE_LOWS: tuple[float, ...] = (1e-9, 0.05, 0.10, 0.20, 0.40)
"""Lower bounds of the non-zero bins of a share: fixed, so a colour means the same all shift."""

MAX_BINS = 5
"""Non-zero colour bins at most (plus one bin for zero)."""

MicroLocator = Callable[[np.ndarray, np.ndarray], list[str | None]]
"""Micro-grid id (or None outside the street) of each point given in metres (x, y)."""


class AreaHierarchy:
    """The street's areas as a tree: kind of each id, its ancestors, and its children.

    Kinds are "street", "community", "general" and "micro".
    """

    def __init__(self, street: Street) -> None:
        self.street_id = street.id
        self.kind: dict[str, str] = {street.id: "street"}
        self.parent: dict[str, str] = {}
        self.children: dict[str, list[str]] = {street.id: []}
        self.name: dict[str, str] = {street.id: street.name}
        for c in street.communities:
            self._add(c.id, "community", street.id, c.name)
        for g in street.general_grids:
            self._add(g.id, "general", g.community_id, g.name)
        for m in street.micro_grids:
            self._add(m.id, "micro", m.general_grid_id, m.name)
        self._chains: dict[str, tuple[str, ...]] = {a: self._chain(a) for a in self.kind}

    def _add(self, area_id: str, kind: str, parent: str, name: str) -> None:
        self.kind[area_id] = kind
        self.parent[area_id] = parent
        self.children.setdefault(parent, []).append(area_id)
        self.children[area_id] = []
        self.name[area_id] = name

    def _chain(self, area_id: str) -> tuple[str, ...]:
        chain = [area_id]
        while chain[-1] in self.parent:
            chain.append(self.parent[chain[-1]])
        return tuple(chain)

    def chain(self, area_id: str) -> tuple[str, ...]:
        """The area and its ancestors, innermost first, ending with the street."""
        return self._chains[area_id]

    def ancestor(self, area_id: str, kind: str) -> str | None:
        """The area of ``kind`` that holds ``area_id`` (itself if of that kind), or None."""
        for a in self._chains[area_id]:
            if self.kind[a] == kind:
                return a
        return None

    def descendants(self, area_id: str, kind: str) -> list[str]:
        """Every area of ``kind`` under ``area_id`` in street order (itself if of that kind)."""
        if self.kind[area_id] == kind:
            return [area_id]
        found: list[str] = []
        for child in self.children[area_id]:
            found.extend(self.descendants(child, kind))
        return found

    def short_name(self, area_id: str) -> str:
        """The name without its parent's name in front ("复兴社区第1网格" → "第1网格")."""
        name = self.name[area_id]
        parent = self.parent.get(area_id)
        if parent is not None and self.kind[parent] != "street":
            prefix = self.name[parent]
            if name.startswith(prefix) and len(name) > len(prefix):
                return name[len(prefix):]
        return name


def coverage_gaps(micro_grid_ids: Sequence[str], households: np.ndarray, covered: np.ndarray,
                  areas: AreaHierarchy) -> dict[str, float]:
    """Per area of every level, the share of its households beyond the standard of a resource kind.

    ``covered`` says per micro-grid (``micro_grid_ids`` order, with its ``households``) whether its
    households are within the standard (:mod:`cockpit.allocation.coverage`); areas without
    households are absent.
    """
    beyond: dict[str, float] = {}
    total: dict[str, float] = {}
    for micro, count, ok in zip(micro_grid_ids, np.asarray(households, float).tolist(), np.asarray(covered).tolist()):
        if micro not in areas.kind:
            continue
        for a in areas.chain(micro):
            total[a] = total.get(a, 0.0) + count
            beyond[a] = beyond.get(a, 0.0) + (0.0 if ok else count)
    return {a: beyond[a] / n for a, n in total.items() if n > 0}


def compute_measure(
    measure: str, twin: TwinState, areas: AreaHierarchy, locate_micro: MicroLocator,
    gaps: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Value of ``measure`` for every area of every level (areas with nothing are absent, i.e. 0).

    Parameters
    ----------
    measure
        One of :data:`MEASURES`.
    twin
        The state to measure.
    areas
        The street's hierarchy, to sum micro-grid counts up to general grids and communities.
    locate_micro
        Finds the micro-grid of staff positions (only ``staff_coverage`` uses it).
    gaps
        ``coverage_gap``'s values, from :func:`coverage_gaps` of the kind the resources panel shows
        (the street's resources are static: the panel computes them, not the twin's events).
    """
    counts: dict[str, float] = {}

    def add(micro_or_area: str | None, amount: float = 1.0) -> None:
        if micro_or_area is None or micro_or_area not in areas.kind:
            return
        for a in areas.chain(micro_or_area):
            counts[a] = counts.get(a, 0.0) + amount

    now = twin.now
    if measure == "coverage_gap":
        return dict(gaps or {})
    if measure == "open_cases":
        for case in twin.open_cases():
            add(case.micro_grid_id)
    elif measure == "overdue_cases":
        if now is not None:
            for case in twin.open_cases():
                if case.overdue(now):
                    add(case.micro_grid_id)
    elif measure == "active_alarms":
        for alarm in twin.active_alarms():
            add(_alarm_area(twin, alarm.sensor_id, alarm.case_id, alarm.area_id))
    elif measure == "sensor_health":
        totals: dict[str, float] = {}
        for state in twin.sensors.values():
            for a in areas.chain(state.sensor.micro_grid_id):
                totals[a] = totals.get(a, 0.0) + 1.0
            if state.alarm_id is not None or (now is not None and state.silent(now)):
                add(state.sensor.micro_grid_id)
        return {a: n / totals[a] for a, n in counts.items()}
    elif measure == "staff_coverage":
        free = [s for s in twin.staff.values() if s.status is StaffStatus.AVAILABLE]
        if free:
            x = np.fromiter((s.x for s in free), float, len(free))
            y = np.fromiter((s.y for s in free), float, len(free))
            for micro in locate_micro(x, y):
                add(micro)
    else:
        raise ValueError(f"unknown map measure {measure!r}; choose one of {', '.join(MEASURES)}")
    return counts


def _alarm_area(twin: TwinState, sensor_id: str | None, case_id: str | None, area_id: str | None) -> str | None:
    """The innermost area an alarm belongs to: its sensor's or case's micro-grid, else its area."""
    if sensor_id is not None and sensor_id in twin.sensors:
        return twin.sensors[sensor_id].sensor.micro_grid_id
    if case_id is not None and case_id in twin.cases:
        return twin.cases[case_id].micro_grid_id
    return area_id


@dataclass(frozen=True, slots=True)
class Bins:
    """Colour bins of a measure: bin 0 holds zero, bin i >= 1 holds values >= ``lows[i - 1]``.

    ``labels[0]`` names the zero bin; ``labels[i]`` the non-zero bin i.
    """

    lows: tuple[float, ...]
    labels: tuple[str, ...]

    def assign(self, values: np.ndarray) -> np.ndarray:
        """Bin index of each value."""
        values = np.asarray(values, dtype=float)
        index = np.searchsorted(np.asarray(self.lows), values, side="right")
        return np.where(values > 0, np.maximum(index, 1), 0)


def make_bins(values: np.ndarray, share: bool) -> Bins:
    """Bins for the shown areas' values: fixed percentages for shares, integer ranges for counts.

    Count bins follow the spread of the non-zero values (quantiles rounded up to whole numbers), so
    a street with a few busy areas still shows which ones; with small maxima every count is a bin.
    """
    if share:
        labels = ("0", "<5%", "5–10%", "10–20%", "20–40%", "≥40%")
        return Bins(SHARE_LOWS, labels)
    values = np.asarray(values, dtype=float)
    positive = values[values > 0]
    if positive.size == 0:
        lows: list[int] = [1]
    elif positive.max() <= MAX_BINS:
        lows = list(range(1, int(np.ceil(positive.max())) + 1))
    else:
        quantiles = np.quantile(positive, np.linspace(0.25, 0.9, MAX_BINS - 1))
        lows = sorted({1, *(int(np.ceil(q)) for q in quantiles)})
    exact_top = positive.size > 0 and positive.max() <= MAX_BINS
    labels = ["0"]
    for i, low in enumerate(lows):
        if i + 1 == len(lows):
            labels.append(f"{low}" if exact_top else f"≥{low}")
        else:
            high = lows[i + 1] - 1
            labels.append(f"{low}" if high == low else f"{low}–{high}")
    return Bins(tuple(float(v) for v in lows), tuple(labels))
