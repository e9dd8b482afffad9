"""The simulation's "overdue by grid" tab is a map of the grids: each general grid its polygon, filled by
class from a ramp whose steps read apart, a legend naming the classes, no metre ticks."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QLabel

from cockpit.street.demo import load_demo_street
from widgets.grid_heat_map import CLASSES, GridHeatMap, class_edges, class_of
from widgets.theme import DIVERGING_RAMP, MAP_COLORS, NO_DATA_COLOR


def test_class_edges_are_readable_steps_up_to_the_largest_value():
    assert class_edges(0.0) == [] and class_edges(math.nan) == []
    assert class_edges(0.23) == pytest.approx([0.05, 0.10, 0.15, 0.20, 0.25])
    assert class_edges(1.0) == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0])
    edges = class_edges(0.23)
    assert [class_of(v, edges) for v in (0.0, 0.01, 0.05, 0.051, 0.23, -0.23, math.nan)] == [0, 1, 1, 2, 5, 5, 0]


@pytest.fixture
def heat_map(qtbot):
    street = load_demo_street()
    widget = GridHeatMap()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.set_street(street)
    return widget, street


def test_every_grid_is_its_polygon_coloured_by_its_class(heat_map):
    widget, street = heat_map
    grids = [g.id for g in street.general_grids]
    assert list(widget.items) == grids
    # No axis of projected metres (the old tab's 3.389e+06 ticks).
    plot = widget.plot.getPlotItem()
    assert not plot.getAxis("left").isVisible() and not plot.getAxis("bottom").isVisible()
    values = {g: i / len(grids) * 0.3 for i, g in enumerate(grids)}
    values[grids[1]] = math.nan
    widget.set_values(values, difference=False, text=lambda v: f"{100 * v:.1f} %", no_data="no cases")
    ramp = MAP_COLORS["light"].ramp
    assert widget.items[grids[0]].brush().color() == ramp[0]  # zero
    assert widget.items[grids[-1]].brush().color() == ramp[CLASSES]  # the largest: the last class
    assert widget.items[grids[1]].brush().color() == NO_DATA_COLOR
    assert widget.items[grids[1]].toolTip().endswith("no cases")
    name = street.general_grid(grids[-1]).name
    assert widget.items[grids[-1]].toolTip() == f"{name}: {100 * values[grids[-1]]:.1f} %"
    assert set(widget.classes.values()) == set(range(CLASSES + 1))
    # The legend: zero and five classes, each a swatch and its range.
    texts = [w.text() for w in widget._legend_widgets if hasattr(w, "text") and w.text()]
    assert texts[0] == "0.0 %" and texts[-1] == "24.0 % … 30.0 %" and len(texts) == CLASSES + 1


def test_a_difference_is_blue_where_better_and_red_where_worse(heat_map):
    widget, street = heat_map
    grids = [g.id for g in street.general_grids]
    values = dict.fromkeys(grids, 0.0)
    values[grids[0]], values[grids[1]] = -0.1, 0.1
    widget.set_values(values, difference=False, text=lambda v: f"{100 * v:.1f} %", no_data="—")
    widget.set_values(values, difference=True, text=lambda v: f"{100 * v:+.1f} pp", no_data="—")
    middle = len(DIVERGING_RAMP) // 2
    assert widget.items[grids[0]].brush().color() == DIVERGING_RAMP[0]
    assert widget.items[grids[1]].brush().color() == DIVERGING_RAMP[-1]
    assert widget.items[grids[2]].brush().color() == DIVERGING_RAMP[middle]
    # The legend now: five blue classes, no change, five red ones (the earlier legend is gone).
    texts = [label.text() for label in widget.findChildren(QLabel) if label.text()]
    assert len(texts) == 2 * CLASSES + 1 and texts[CLASSES] == "+0.0 pp"
    assert texts[0] == "-10.0 pp … -8.0 pp" and texts[CLASSES - 1] == "-2.0 pp … +0.0 pp"
