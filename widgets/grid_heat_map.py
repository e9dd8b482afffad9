"""A map of the street's general grids, each filled by one figure (the simulation's overdue by grid).

A choropleth, not dots on metre axes: each general grid is drawn as its polygon, filled by class
from a sequential ramp (zero, then five steps, more is stronger) or, for a difference between two
scenarios, a diverging one (blue better, red worse, neutral for no change); community boundaries
are drawn over the grids; the axes are hidden (projected metres are not a reading); a legend under
the map names each class's range, and hovering a grid names it with its figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsPathItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cockpit.street.model import Street
from widgets.map_layers import cosmetic_pen, path_of, rings
from widgets.theme import DIVERGING_RAMP, MAP_COLORS, NO_DATA_COLOR

CLASSES = 5
"""Classes of non-zero values on the sequential ramp (and on each side of the diverging one)."""


def class_edges(top: float, classes: int = CLASSES) -> list[float]:
    """Upper edges of ``classes`` equal classes over (0, top], rounded up to a readable step."""
    if not math.isfinite(top) or top <= 0:
        return []
    rough = top / classes
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= rough - 1e-12)
    return [step * (k + 1) for k in range(classes)]


def class_of(value: float, edges: list[float]) -> int:
    """0 for zero (or nothing to class), else 1 + the index of the first edge at or above ``abs(value)``."""
    if not edges or not math.isfinite(value) or value == 0:
        return 0
    return 1 + min(int(np.searchsorted(edges, abs(value) - 1e-12)), len(edges) - 1)


class GridHeatMap(QWidget):
    """The general grids of one street coloured by a figure each, with a legend and hover names.

    Owns one path item per general grid (built once per :meth:`set_street`), the community outlines
    and the legend's swatches. Emits nothing; :meth:`set_values` recolours in place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        colors = MAP_COLORS["light"]
        self._colors = colors
        self.plot = pg.PlotWidget(background=colors.background)
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.plot.getPlotItem().hideButtons()
        self.street: Street | None = None
        self.items: dict[str, QGraphicsPathItem] = {}
        self.classes: dict[str, int] = {}
        self._outlines: QGraphicsPathItem | None = None
        self.legend = QHBoxLayout()
        self.legend.setSpacing(10)
        self._legend_widgets: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(self.legend)

    def set_street(self, street: Street) -> None:
        """Draw ``street``'s general grids (uncoloured) and its community boundaries."""
        if self.street is street:
            return
        for item in (*self.items.values(), *([self._outlines] if self._outlines else [])):
            self.plot.removeItem(item)
        self.street = street
        self.items = {}
        project = street.projection.geometry_to_xy
        outline = cosmetic_pen(self._colors.area_outline, 1.0)
        for grid in street.general_grids:
            item = QGraphicsPathItem(path_of(rings(project(grid.polygon))))
            item.setPen(outline)
            item.setBrush(QBrush(NO_DATA_COLOR))
            self.plot.addItem(item)
            self.items[grid.id] = item
        boundaries = [ring for community in street.communities for ring in rings(project(community.polygon))]
        self._outlines = QGraphicsPathItem(path_of(boundaries))
        self._outlines.setPen(cosmetic_pen(self._colors.community_boundary, 2.0))
        self._outlines.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._outlines.setAcceptHoverEvents(False)
        self.plot.addItem(self._outlines)
        self.plot.autoRange(padding=0.02)

    def set_values(self, values: Mapping[str, float], difference: bool, text: Callable[[float], str],
                   no_data: str) -> None:
        """Fill each grid by its value's class; ``text`` writes a value (tooltips and legend).

        A ``difference`` is coloured on the diverging ramp around zero; otherwise zero is the ramp's
        first colour and the largest value falls in its last class.
        """
        finite = [abs(v) for v in values.values() if math.isfinite(v)]
        edges = class_edges(max(finite, default=0.0))
        ramp = self._ramp(difference)
        self.classes = {}
        for grid_id, item in self.items.items():
            value = values.get(grid_id, math.nan)
            name = self.street.general_grid(grid_id).name if self.street is not None else grid_id
            if not math.isfinite(value):
                item.setBrush(QBrush(NO_DATA_COLOR))
                item.setToolTip(f"{name}: {no_data}")
                continue
            k = class_of(value, edges)
            self.classes[grid_id] = -k if difference and value < 0 else k
            item.setBrush(QBrush(ramp[self.classes[grid_id]]))
            item.setToolTip(f"{name}: {text(value)}")
        self._fill_legend(edges, difference, text)

    def _ramp(self, difference: bool) -> dict[int, QColor]:
        """Colour by signed class: 0 the neutral (or zero) colour, ±k the k-th step."""
        if difference:
            middle = len(DIVERGING_RAMP) // 2
            return {k: DIVERGING_RAMP[middle + k] for k in range(-CLASSES, CLASSES + 1)}
        return dict(enumerate(self._colors.ramp))

    def _fill_legend(self, edges: list[float], difference: bool, text: Callable[[float], str]) -> None:
        for widget in self._legend_widgets:
            self.legend.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._legend_widgets = []
        ramp = self._ramp(difference)
        entries: list[tuple[QColor, str]] = []
        if difference:
            entries += [(ramp[-k], f"{text(-edges[k - 1])} … {text(-edges[k - 2] if k > 1 else 0.0)}")
                        for k in range(len(edges), 0, -1)]
        entries.append((ramp[0], text(0.0)))
        entries += [(ramp[k], f"{text(edges[k - 2] if k > 1 else 0.0)} … {text(edges[k - 1])}")
                    for k in range(1, len(edges) + 1)]
        for colour, words in entries:
            swatch = QLabel()
            swatch.setFixedSize(18, 14)
            swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid {self._colors.legend_border.name()};")
            label = QLabel(words)
            self.legend.addWidget(swatch)
            self.legend.addWidget(label)
            self._legend_widgets += [swatch, label]
        stretch = QWidget()
        self.legend.addWidget(stretch, 1)
        self._legend_widgets.append(stretch)
