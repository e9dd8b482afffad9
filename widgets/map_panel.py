"""The grid map: the street's areas coloured by a live measure, with cases, sensors and staff on top.

Operators drill from the street to a community, a general grid and a micro-grid (网格 → 微网格) by
clicking, and back by the breadcrumb; the areas are coloured by open or overdue cases, alarms, sensor
health or staff coverage so that trouble shows at a glance. Everything is drawn offline from the
street's own vector geometry in metres; each layer is one item updated in place when the twin changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QEvent, QPointF, QRectF, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGraphicsItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry.base import BaseGeometry

from cockpit.vocabulary.domain import ResourceKind, RiskLevel, StaffKind, StaffStatus
from widgets import i18n
from widgets.map_layers import (
    AreaLayer,
    BaseMapItem,
    Label,
    LabelLayer,
    MarkerLayer,
    MarkerStyle,
    PathLayer,
    PathStyle,
    cosmetic_pen,
    lines,
    multipolygon_xy,
    path_of,
    rings,
)
from widgets.map_measures import MAX_BINS, MEASURES, SHARE_MEASURES, AreaHierarchy, Bins, compute_measure, make_bins
from widgets.plumbing import Connections, Throttle
from widgets.theme import (
    ALARM_COLOR,
    LOW_STOCK_COLOR,
    MAP_COLORS,
    PLANNED_SITE_COLOR,
    RESOURCE_KIND_COLORS,
    RESOURCE_STATUS_COLORS,
    RISK_COLORS,
    SENSOR_KIND_COLORS,
    SENSOR_GROUP_COLOR,
    SILENT_SENSOR,
    STAFF_STATUS_COLORS,
    MapColors,
    theme_of,
    wall_pixel_size,
)
from widgets.twin_model import TwinModel

LEVELS: tuple[str, ...] = ("community", "general", "micro")
"""Area levels the map can show, coarse to fine."""

_CHILD = {"street": "community", "community": "general", "general": "micro", "micro": "micro"}

REFRESH_MS = 50
"""At most 20 redraws a second, whatever the model's signal rate."""
STREET_LEVEL_STAFF = frozenset({StaffKind.GRID_WORKER, StaffKind.DEPARTMENT})
"""Staff drawn at street level even when merely available (the others when on a case, or zoomed in)."""
LABEL_LIMIT = 60
"""Above this many shown areas only community names are written."""
DESK_LABEL_PX = 15
"""Pixel size of the area names on the desk; the wall writes them at its body type size."""
WALL_SWATCH_WIDTH = 1.6
"""A wall legend swatch is this many body-text heights wide and one high (the desk's are 18 x 14 px)."""

_MEASURE_INPUTS = {
    "open_cases": {"cases"},
    "overdue_cases": {"cases", "clock"},
    "active_alarms": {"alarms"},
    "sensor_health": {"sensors", "alarms", "clock"},
    "staff_coverage": {"staff"},
    "coverage_gap": {"coverage"},
}
"""Which model changes can change each measure, so other changes skip the recolour."""


class MapPanel(QWidget):
    """A view of :class:`~widgets.twin_model.TwinModel` as a grid map (pyqtgraph, vector layers).

    Owns the area layer (all shown areas as one item), the road/river background, the dedicated-grid
    overlay, the label layer and one marker set each for cases, sensors and staff, all updated in
    place: areas, roads and sensors are one cached picture repaired where sensors changed; staff,
    cases and labels are drawn over it. Redraws only on the model's signals, throttled to 20 Hz.
    Laid out for the wall (:meth:`set_for_wall`) it hides its controls, titles its legend with the
    measure and draws names, markers and lines in proportion to the wall's type.

    Signals
    -------
    level_changed(str, str)
        The focus moved (drill-down, breadcrumb, fly-to): its kind ("street", "community", "general",
        "micro") and id.
    area_selected(str, str)
        The operator picked an area (click, search, fly-to): its kind and id.
    case_activated(str)
        The operator clicked a case marker (or picked a case in the search): the case id.
    """

    level_changed = Signal(str, str)
    area_selected = Signal(str, str)
    case_activated = Signal(str)

    def __init__(self, model: TwinModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        street = self._twin.street
        self._street = street
        self._areas = AreaHierarchy(street)
        self._focus: tuple[str, str] = ("street", street.id)
        self._level = "community"
        self._measure = "open_cases"
        self._dark = False
        self._wall = False
        self._wall_px = wall_pixel_size(1080)
        self._values: dict[str, float] = {}
        self._bins = Bins((1.0,), ("0", "≥1"))
        self._bin_counts: list[int] = []
        self._dirty: set[str] = set()
        self._case_xy: dict[str, tuple[float, float]] = {}
        self._marker_keys: dict[str, object] = {}
        self._search_entries: dict[str, tuple[str, str]] = {}
        self._search_cases: set[str] = set()
        self._gaps: dict[str, float] = {}
        self._gap_title: Callable[[], str] | None = None

        self._project_street()
        self._build_ui()
        self._build_layers()
        self._apply_theme()
        self._size_legend()
        self._throttle = Throttle(self.refresh, REFRESH_MS, self)

        self._connections = Connections()
        self._connections.connect(model.cases_changed, self._on_cases_changed)
        self._connections.connect(model.staff_changed, self._on_staff_changed)
        self._connections.connect(model.sensors_changed, self._on_sensors_changed)
        self._connections.connect(model.alarms_changed, self._on_alarms_changed)
        self._connections.connect(model.resources_changed, self._on_resources_changed)
        self._connections.connect(model.clock_changed, self._on_clock_changed)

        self._show_focus(fit=True)
        self._on_cases_changed(set())
        self._on_staff_changed()
        self._on_sensors_changed()
        self._on_alarms_changed()
        self._on_resources_changed()
        self.refresh()

    # ------------------------------------------------------------ geometry, once

    def _project_street(self) -> None:
        """Project every area, road and dedicated grid to metres once; index areas for hit tests."""
        street = self._street
        to_xy = street.projection.to_xy
        areas = [*street.communities, *street.general_grids, *street.micro_grids]
        xy = multipolygon_xy([a.polygon for a in areas], to_xy)
        self._area_xy: dict[str, BaseGeometry] = {a.id: g for a, g in zip(areas, xy)}
        self._rings: dict[str, list] = {a.id: rings(g) for a, g in zip(areas, xy)}
        self._trees: dict[str, tuple[list[str], shapely.STRtree]] = {}
        for level, items in (("community", street.communities), ("general", street.general_grids),
                             ("micro", street.micro_grids)):
            ids = [a.id for a in items]
            self._trees[level] = (ids, shapely.STRtree([self._area_xy[i] for i in ids]))
        self._street_xy = multipolygon_xy([street.boundary], to_xy)[0]
        self._dedicated_xy = dict(zip((d.id for d in street.dedicated_grids),
                                      multipolygon_xy([d.polygon for d in street.dedicated_grids], to_xy)))
        self._road_xy = list(zip(street.roads, multipolygon_xy([r.line for r in street.roads], to_xy)))
        self._sensor_ids = [s.id for s in street.sensors]
        grid_of = {m.id: m.general_grid_id for m in street.micro_grids}
        self._group_ids = sorted({grid_of[s.micro_grid_id] for s in street.sensors})
        self._group_index = group_index = {g: i for i, g in enumerate(self._group_ids)}
        self._sensor_group = np.array([group_index[grid_of[s.micro_grid_id]] for s in street.sensors], dtype=np.intp)
        points = [self._area_xy[g].representative_point() for g in self._group_ids]
        self._group_x = np.array([p.x for p in points], float)
        self._group_y = np.array([p.y for p in points], float)
        kinds = list(SENSOR_KIND_COLORS)
        self._sensor_kind = np.array([kinds.index(s.kind) for s in street.sensors], dtype=np.intp)
        sx, sy = to_xy(np.array([s.lon for s in street.sensors]), np.array([s.lat for s in street.sensors]))
        self._sensor_x, self._sensor_y = np.asarray(sx, float), np.asarray(sy, float)

    # ------------------------------------------------------------ widgets and layers

    def _build_ui(self) -> None:
        self._crumbs = QHBoxLayout()
        self._crumbs.setSpacing(2)
        self._search = QLineEdit()
        self._search.setClearButtonEnabled(True)
        self._search_model = QStringListModel(self)
        self._completer = QCompleter(self._search_model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._search.setCompleter(self._completer)
        self._completer.activated.connect(self.search)
        self._search.returnPressed.connect(lambda: self.search(self._search.text()))
        self._fit_button = QPushButton()
        self._fit_button.clicked.connect(self.show_street)

        self._level_box = QComboBox()
        self._level_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for level in LEVELS:
            self._level_box.addItem("", level)
        self._level_box.currentIndexChanged.connect(lambda i: self.set_level(self._level_box.itemData(i)))
        self._measure_box = QComboBox()
        for measure in MEASURES:
            self._measure_box.addItem("", measure)
        self._measure_box.currentIndexChanged.connect(lambda i: self.set_measure(self._measure_box.itemData(i)))
        self._toggles: dict[str, QCheckBox] = {}
        for layer in ("cases", "sensors", "staff", "resources", "dedicated"):
            box = QCheckBox()
            box.setChecked(layer not in ("dedicated", "resources"))
            box.toggled.connect(lambda on, name=layer: self.set_layer_visible(name, on))
            self._toggles[layer] = box
        self.legend = QWidget()
        self._legend_title = QLabel()
        self._legend = QHBoxLayout(self.legend)
        self._legend.setContentsMargins(0, 0, 0, 0)
        self._legend.setSpacing(4)
        self._legend.addWidget(self._legend_title)
        self._legend_items: list[tuple[QLabel, QLabel]] = []
        self._legend_shown: tuple | None = None
        for _ in range(MAX_BINS + 1):
            swatch, text = QLabel(), QLabel()
            swatch.setFixedSize(18, 14)
            self._legend.addWidget(swatch)
            self._legend.addWidget(text)
            self._legend_items.append((swatch, text))

        self.view = pg.GraphicsView()
        # The base map paints every pixel of the viewport: no fill under it and no cached
        # background (pyqtgraph's default), each of which costs a copy of the whole view a frame.
        self.view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.view.viewport().setAutoFillBackground(False)
        self.view.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.viewbox = pg.ViewBox(lockAspect=True, enableMenu=False, invertY=False)
        # It draws nothing (no border): spare the view its paint call on every repaint.
        self.viewbox.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.view.setCentralItem(self.viewbox)

        self._top = QHBoxLayout()
        self._top.addLayout(self._crumbs)
        self._top.addStretch(1)
        self._search.setMaximumWidth(420)
        self._top.addWidget(self._search, 1)
        self._top.addWidget(self._fit_button)
        self._second = QHBoxLayout()
        # In line with the breadcrumbs above it, not against the window's edge.
        self._second.setContentsMargins(6, 0, 4, 0)
        self._level_label, self._measure_label = QLabel(), QLabel()
        settings = [self._level_label, self._level_box, self._measure_label, self._measure_box, *self._toggles.values()]
        for widget in settings:
            self._second.addWidget(widget)
        self._second.addStretch(1)
        # What the wall hides: it is read at 5 m, not operated.
        self._controls: list[QWidget] = [self._search, self._fit_button, *settings]
        self._second.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._top)
        layout.addLayout(self._second)
        layout.addWidget(self.view, 1)
        self._retranslate()

    def _build_layers(self) -> None:
        self._area_layer = AreaLayer()
        self._background = PathLayer()
        self._dedicated = PathLayer()
        self._dedicated.visible = False
        # 1,700 sensors and the open cases change a few at a time: composed into the base picture
        # and repaired where they changed. Staff move on most updates: drawn live, above the cases,
        # so that someone on scene shows as a triangle inside the case's ring (a red case's ring is
        # wider than the triangle: it is never hidden). Names are drawn last, above everything.
        self._markers = MarkerLayer()
        self._sensors = self._markers.add_set()
        self._cases = self._markers.add_set()
        # Stations and caches with vehicles live too (vehicles move); under the staff, as they are
        # where staff fetch things from. The sites a plan suggests are drawn over them.
        staff = MarkerLayer()
        self._resources = staff.add_set()
        self._resources.set_visible(False)
        self._planned = staff.add_set()
        self._staff = staff.add_set()
        self._labels = LabelLayer()
        self._base = BaseMapItem([self._area_layer, self._background, self._dedicated], MAP_COLORS["light"].background,
                                 overlay=self._markers, live=[staff, self._labels])
        self._focus_marker = pg.ScatterPlotItem(pxMode=True)
        self._focus_marker.setVisible(False)
        for z, item in enumerate((self._base, self._focus_marker)):
            item.setZValue(z)
            # The range is set by fit and drill-down only: the map covers the viewport whatever it
            # shows, and the focus ring must not pull the view to itself.
            self.viewbox.addItem(item, ignoreBounds=True)
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _retranslate(self) -> None:
        self._search.setPlaceholderText(self.tr("Search grid, case id or staff name"))
        self._fit_button.setText(self.tr("Fit"))
        self._fit_button.setToolTip(self.tr("Back to the whole street"))
        self._level_label.setText(self.tr("Level"))
        self._measure_label.setText(self.tr("Colour by"))
        self._retitle_legend()
        for i, name in enumerate((self.tr("Community"), self.tr("General grid"), self.tr("Micro-grid"))):
            self._level_box.setItemText(i, name)
        for i, measure in enumerate(MEASURES):
            self._measure_box.setItemText(i, self._measure_title(measure))
        for layer, text in (("cases", self.tr("Cases")), ("sensors", self.tr("Sensors")),
                            ("staff", self.tr("Staff")), ("resources", self.tr("Resources")),
                            ("dedicated", self.tr("Dedicated grids"))):
            self._toggles[layer].setText(text)

    def _measure_title(self, measure: str) -> str:
        return {
            "open_cases": self.tr("Open cases"),
            "overdue_cases": self.tr("Overdue cases"),
            "active_alarms": self.tr("Active alarms"),
            "sensor_health": self.tr("Sensors silent or alarming"),
            "staff_coverage": self.tr("Available staff"),
            "coverage_gap": self._gap_title() if self._gap_title else self.tr("Households beyond reach"),
        }[measure]

    def _retitle_legend(self) -> None:
        # On the wall the colour-by box is hidden, so the legend itself says what the colours count.
        if self._wall:
            self._legend_title.setText(self.tr("{measure}:").format(measure=self._measure_title(self._measure)))
        else:
            self._legend_title.setText(self.tr("Legend:"))

    # ------------------------------------------------------------ theme

    def set_dark(self, dark: bool) -> None:
        """Switch between the light (desk) and the dark (wall, night shift) colours."""
        if dark != self._dark:
            self._dark = dark
            self._restyle()

    @property
    def colors(self) -> MapColors:
        """The map's colours in its current theme."""
        return MAP_COLORS[theme_of(self._dark)]

    def set_for_wall(self, wall: bool) -> None:
        """Lay the map out for the wall (True) or the desk (False).

        The wall is read at 5 m, not operated: it hides the search, the Fit button, the level and
        colour-by boxes and the layer check boxes (they keep their values), and shows the legend beside
        the breadcrumb, titled with the measure and with swatches the height of the wall's type. Area
        names, markers and lines are drawn in proportion to that type (:meth:`set_wall_type_size`).
        """
        if wall == self._wall:
            return
        self._wall = wall
        for widget in self._controls:
            widget.setVisible(not wall)
        (self._second if wall else self._top).removeWidget(self.legend)
        (self._top if wall else self._second).addWidget(self.legend)
        self._retitle_legend()
        self._restyle()

    def set_wall_type_size(self, pixel_size: int) -> None:
        """Size the wall's map for body text of ``pixel_size`` (:func:`~widgets.theme.wall_pixel_size`).

        Remembered on the desk; it shows while the panel is laid out for the wall.
        """
        if pixel_size != self._wall_px:
            self._wall_px = pixel_size
            if self._wall:
                self._restyle()

    @property
    def for_wall(self) -> bool:
        """True when laid out for the wall (:meth:`set_for_wall`)."""
        return self._wall

    @property
    def label_pixel_size(self) -> int:
        """Pixel size of the area names: the desk's fixed size, or the wall's body type."""
        return self._wall_px if self._wall else DESK_LABEL_PX

    @property
    def _scale(self) -> float:
        """Marker and line sizes against the desk's: the wall's type against its size on a 1080p wall."""
        return self._wall_px / wall_pixel_size(1080) if self._wall else 1.0

    def legend_swatch_size(self) -> tuple[int, int]:
        """Width and height in pixels of the legend's colour swatches."""
        if self._wall:
            return round(WALL_SWATCH_WIDTH * self._wall_px), self._wall_px
        return 18, 14

    def _restyle(self) -> None:
        """Redraw everything in the current colours and sizes."""
        self._apply_theme()
        self._size_legend()
        self._marker_keys.clear()
        self._dirty |= {"measure", "cases", "sensors", "staff", "resources"}
        self.refresh()

    def _size_legend(self) -> None:
        width, height = self.legend_swatch_size()
        scale = self._scale
        self._legend.setSpacing(round(4 * scale))
        # The gap after each entry (and the title) sets the entries apart more than a swatch from its text.
        self._legend_title.setContentsMargins(0, 0, round(2 * scale), 0)
        for swatch, text in self._legend_items:
            swatch.setFixedSize(width, height)
            text.setContentsMargins(0, 0, round(6 * scale), 0)

    def _apply_theme(self) -> None:
        colors = self.colors
        scale = self._scale
        self._ramp = [QBrush(c) for c in colors.ramp]
        # The base map paints the whole viewport: a view background would be filled and overdrawn.
        self.view.setBackground(None)
        self._base.set_background(colors.background)
        self._area_layer.set_style(cosmetic_pen(colors.area_outline, 1.0 * scale),
                                   cosmetic_pen(colors.area_highlight, 3.5 * scale))
        self._labels.set_style(self.label_pixel_size, colors.label_text, colors.label_halo)
        self._outline_pen = cosmetic_pen(colors.marker_outline, 2.5 * scale)
        self._thin_pen = cosmetic_pen(colors.marker_thin, 1.0 * scale)
        self._build_background()

    def _build_background(self) -> None:
        colors = self.colors
        scale = self._scale
        widths = {"arterial": 3.0 * scale, "secondary": 1.8 * scale, "local": 0.8 * scale}
        paths = []
        for kind, width in widths.items():
            polylines = [p for road, g in self._road_xy if road.kind == kind for p in lines(g)]
            if polylines:
                paths.append(PathStyle(path_of(polylines, closed=False), cosmetic_pen(colors.road, width),
                                       QBrush(Qt.BrushStyle.NoBrush)))
        rivers = [p for d in self._street.dedicated_grids if d.kind == "river" for p in rings(self._dedicated_xy[d.id])]
        if rivers:
            paths.append(PathStyle(path_of(rivers), QPen(Qt.PenStyle.NoPen), QBrush(colors.water)))
        community_rings = [p for c in self._street.communities for p in self._rings[c.id]]
        paths.append(PathStyle(path_of(community_rings), cosmetic_pen(colors.community_boundary, 1.5 * scale),
                               QBrush(Qt.BrushStyle.NoBrush)))
        boundary = cosmetic_pen(colors.street_boundary, 2.5 * scale)
        paths.append(PathStyle(path_of(rings(self._street_xy)), boundary,
                               QBrush(Qt.BrushStyle.NoBrush)))
        self._background.set_paths(paths)
        overlay = [p for d in self._street.dedicated_grids if d.kind != "river" for p in rings(self._dedicated_xy[d.id])]
        hatch = QBrush(colors.dedicated, Qt.BrushStyle.BDiagPattern)
        outline = cosmetic_pen(colors.dedicated, 2.0 * scale, Qt.PenStyle.DashLine)
        self._dedicated.set_paths([PathStyle(path_of(overlay), outline, hatch)])

    # ------------------------------------------------------------ model signals

    @Slot(set)
    def _on_cases_changed(self, case_ids: set) -> None:
        self._mark({"cases", "search"}, "cases")

    @Slot()
    def _on_staff_changed(self) -> None:
        self._mark({"staff"}, "staff")

    @Slot()
    def _on_sensors_changed(self) -> None:
        self._mark({"sensors"}, "sensors")

    @Slot()
    def _on_alarms_changed(self) -> None:
        self._mark({"sensors"}, "alarms")

    @Slot()
    def _on_resources_changed(self) -> None:
        self._mark({"resources"}, "resources")

    @Slot(object)
    def _on_clock_changed(self, now: datetime) -> None:
        self._mark({"cases", "sensors"}, "clock")

    def _mark(self, layers: set[str], source: str) -> None:
        self._dirty |= layers
        if source in _MEASURE_INPUTS[self._measure]:
            self._dirty.add("measure")
        self._throttle.poke()

    def refresh(self) -> None:
        """Bring every layer that the model's changes touched up to date now."""
        dirty, self._dirty = self._dirty, set()
        if "measure" in dirty:
            self.recolour()
        if "cases" in dirty:
            self._update_cases()
        if "sensors" in dirty:
            self._update_sensors()
        if "staff" in dirty:
            self._update_staff()
        if "resources" in dirty:
            self._update_resources()
        if "search" in dirty:
            self._update_search()

    # ------------------------------------------------------------ focus and drill-down

    @property
    def focus(self) -> tuple[str, str]:
        """Kind and id of the area the map is focused on ("street" and the street id at the top)."""
        return self._focus

    @property
    def shown_level(self) -> str:
        """Level of the areas drawn now: the chosen level, but always finer than the focus."""
        child = _CHILD[self._focus[0]]
        return max(self._level, child, key=LEVELS.index)

    def shown_areas(self) -> list[str]:
        """Ids of the areas drawn now."""
        return self._area_layer.ids

    def set_level(self, level: str) -> None:
        """Draw the areas of ``level`` ("community", "general" or "micro") under the focus."""
        if level not in LEVELS:
            raise ValueError(f"unknown map level {level!r}; choose one of {', '.join(LEVELS)}")
        if level != self._level:
            self._level = level
            self._level_box.setCurrentIndex(LEVELS.index(level))
            self._show_focus(fit=False)

    def drill_to(self, kind: str, area_id: str) -> None:
        """Focus on an area: zoom to it and show its children (a micro-grid shows its siblings)."""
        if kind != "street" and self._areas.kind.get(area_id) != kind:
            raise ValueError(f"no {kind} area {area_id!r} in street {self._street.id}")
        self._focus = ("street", self._street.id) if kind == "street" else (kind, area_id)
        self._show_focus(fit=True)
        self.level_changed.emit(*self._focus)
        if kind != "street":
            self.area_selected.emit(kind, area_id)

    def click_area(self, area_id: str) -> None:
        """What a click on a shown area does: drill one level down towards it."""
        focus_kind = self._focus[0]
        target = _CHILD[focus_kind]
        target_id = self._areas.ancestor(area_id, target)
        if target_id is not None:
            self.drill_to(target, target_id)

    def go_up(self) -> None:
        """Back one level (the breadcrumb's previous entry)."""
        kind, area_id = self._focus
        if kind == "street":
            return
        parent = self._areas.parent[area_id]
        self.drill_to(self._areas.kind[parent], parent)

    def breadcrumb(self) -> list[tuple[str, str, str]]:
        """The breadcrumb entries (kind, id, text), street first."""
        chain = list(reversed(self._areas.chain(self._focus[1])))
        return [(self._areas.kind[a], a, self._area_name(a)) for a in chain]

    def show_street(self) -> None:
        """The whole street, from any drill-down (the 全图 button)."""
        self.drill_to("street", self._street.id)

    def fit(self) -> None:
        """Zoom to the focused area (the whole street at the top)."""
        kind, area_id = self._focus
        geometry = self._street_xy if kind == "street" else self._area_xy[area_id]
        # A micro-grid is shown among its neighbours, so the view keeps some of them in sight.
        self._zoom_to(geometry.bounds, {"street": 0.02, "micro": 0.6}.get(kind, 0.15))

    def _zoom_to(self, bounds: Sequence[float], padding: float) -> None:
        x0, y0, x1, y1 = bounds
        self.viewbox.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=padding)

    def _show_focus(self, fit: bool) -> None:
        kind, area_id = self._focus
        level = self.shown_level
        if kind == "micro":
            ids = self._areas.descendants(self._areas.parent[area_id], "micro")
        else:
            ids = self._areas.descendants(area_id, level)
        self._area_layer.set_areas(ids, [self._rings[i] for i in ids])
        self._area_layer.set_highlight(self._rings[area_id] if kind != "street" else [])
        self._update_labels(ids)
        self._rebuild_breadcrumb()
        self.recolour()
        # Sensors are grouped and staff thinned out at street level only: both change with the focus.
        self._mark({"sensors", "staff"}, "focus")
        if fit:
            self.fit()

    def _update_labels(self, ids: list[str]) -> None:
        if self._focus[0] == "street" or len(ids) > LABEL_LIMIT:
            ids = [c.id for c in self._street.communities]
        # Where labels collide the more important one is written: the focused area, then larger ones.
        ids = sorted(ids, key=lambda a: (a != self._focus[1], -self._area_xy[a].area))
        labels = []
        for area_id in ids:
            point = self._area_xy[area_id].representative_point()
            labels.append(Label(point.x, point.y, self._area_name(area_id, short=True)))
        self._labels.set_labels(labels)

    def _area_name(self, area_id: str, short: bool = False) -> str:
        kind = self._areas.kind[area_id]
        if kind == "street":
            return self._street.name if i18n.is_chinese() else self._street.name_en
        if kind == "community":
            name = i18n.community_name(self._street, area_id)
            # On the map the level is plain: "Taiping" rather than "Taiping Community", so that the
            # English labels are short enough not to hide each other.
            return name.removesuffix(" Community") if short and not i18n.is_chinese() else name
        if not i18n.is_chinese():
            return area_id
        return self._areas.short_name(area_id) if short else self._areas.name[area_id]

    def _rebuild_breadcrumb(self) -> None:
        while self._crumbs.count():
            item = self._crumbs.takeAt(0)
            if item.widget() is not None:
                # Hidden at once: deletion waits for the event loop, and a stale crumb must not show.
                item.widget().hide()
                item.widget().deleteLater()
        entries = self.breadcrumb()
        self.crumb_buttons: list[QToolButton] = []
        for i, (kind, area_id, text) in enumerate(entries):
            if i:
                self._crumbs.addWidget(QLabel("›"))
            button = QToolButton()
            button.setText(text)
            button.setAutoRaise(True)
            if i + 1 == len(entries):
                font = button.font()
                font.setBold(True)
                button.setFont(font)
                button.clicked.connect(self.fit)
            else:
                button.clicked.connect(lambda _=False, k=kind, a=area_id: self.drill_to(k, a))
            self._crumbs.addWidget(button)
            self.crumb_buttons.append(button)

    # ------------------------------------------------------------ colouring

    @property
    def measure(self) -> str:
        return self._measure

    def set_measure(self, measure: str) -> None:
        """Colour the areas by ``measure`` (one of :data:`~widgets.map_measures.MEASURES`)."""
        if measure not in MEASURES:
            raise ValueError(f"unknown map measure {measure!r}; choose one of {', '.join(MEASURES)}")
        if measure != self._measure:
            self._measure = measure
            self._measure_box.setCurrentIndex(MEASURES.index(measure))
            self._retitle_legend()
            self.recolour()

    def recolour(self) -> None:
        """Recompute the measure and refill the shown areas by colour bin (no geometry work)."""
        self._values = compute_measure(self._measure, self._twin, self._areas, self._locate_micro, self._gaps)
        ids = self._area_layer.ids
        values = np.fromiter((self._values.get(i, 0.0) for i in ids), float, len(ids))
        self._bins = make_bins(values, self._measure in SHARE_MEASURES)
        index = self._bins.assign(values)
        brushes = self._bin_brushes(len(self._bins.labels))
        self._bin_counts = np.bincount(index, minlength=len(brushes)).tolist()
        self._bin_of = dict(zip(ids, index.tolist()))
        self._area_layer.set_bins(index, brushes)
        self._update_legend()

    def rebuild_layer(self) -> None:
        """Rebuild the shown areas from the street's lon/lat geometry (what a recolour avoids)."""
        ids = self._area_layer.ids
        xy = multipolygon_xy([self._street_polygon(i) for i in ids], self._street.projection.to_xy)
        self._area_layer.set_areas(ids, [rings(g) for g in xy])
        self._area_layer.set_highlight(self._rings[self._focus[1]] if self._focus[0] != "street" else [])
        self.recolour()

    def _street_polygon(self, area_id: str) -> BaseGeometry:
        kind = self._areas.kind[area_id]
        getter = {"community": self._street.community, "general": self._street.general_grid,
                  "micro": self._street.micro_grid}[kind]
        return getter(area_id).polygon

    def _bin_brushes(self, n: int) -> list[QBrush]:
        """Zero's brush, then ``n - 1`` brushes spread over the ramp with the strongest last."""
        steps = np.round(np.linspace(1, len(self._ramp) - 1, n - 1)).astype(int) if n > 2 else [len(self._ramp) - 2]
        return [self._ramp[0], *(self._ramp[s] for s in steps)]

    def area_bin(self, area_id: str) -> int:
        """Colour bin of a shown area (0 = zero)."""
        return self._bin_of[area_id]

    def area_brush(self, area_id: str) -> QBrush:
        """The brush a shown area is filled with."""
        return self._bin_brushes(len(self._bins.labels))[self.area_bin(area_id)]

    def area_value(self, area_id: str) -> float:
        """The current measure's value for an area (any level)."""
        return self._values.get(area_id, 0.0)

    def legend_entries(self) -> list[tuple[str, str, int]]:
        """The legend: (bin label, colour name, number of shown areas in the bin) per bin."""
        brushes = self._bin_brushes(len(self._bins.labels))
        return [(label, brush.color().name(), count)
                for label, brush, count in zip(self._bins.labels, brushes, self._bin_counts)]

    def _update_legend(self) -> None:
        """Show the bins in the fixed row of swatches (recolours happen at 20 Hz: no new widgets)."""
        border = self.colors.legend_border.name()
        entries = self.legend_entries()
        # Most updates leave the legend as it was; a style sheet set again is parsed and polished again.
        if (entries, border) == self._legend_shown:
            return
        self._legend_shown = (entries, border)
        # A share's bins are fixed: those no shown area falls in are left out (a desk at 1366 px has
        # no room for six swatches beside the controls).
        empty_hidden = self._measure in SHARE_MEASURES
        for i, (swatch, text) in enumerate(self._legend_items):
            shown = i < len(entries) and not (empty_hidden and i > 0 and entries[i][2] == 0)
            swatch.setVisible(shown)
            text.setVisible(shown)
            if shown:
                label, colour, count = entries[i]
                swatch.setStyleSheet(f"background:{colour}; border:1px solid {border};")
                text.setText(f"{label} ({count})")

    def _locate_micro(self, x: np.ndarray, y: np.ndarray) -> list[str | None]:
        ids, tree = self._trees["micro"]
        points, hits = tree.query(shapely.points(x, y), predicate="within")
        found: list[str | None] = [None] * len(x)
        for p, h in zip(points.tolist(), hits.tolist()):
            if found[p] is None:
                found[p] = ids[h]
        return found

    # ------------------------------------------------------------ markers

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer: "cases", "sensors", "staff", "resources" (with a plan's sites) or "dedicated"."""
        if layer == "dedicated":
            self._dedicated.set_visible(visible)
        elif layer == "resources":
            self._resources.set_visible(visible)
            self._planned.set_visible(visible)
        else:
            {"cases": self._cases, "sensors": self._sensors, "staff": self._staff}[layer].set_visible(visible)
        if self._toggles[layer].isChecked() != visible:
            self._toggles[layer].setChecked(visible)

    def _case_position(self, case_id: str) -> tuple[float, float]:
        xy = self._case_xy.get(case_id)
        if xy is None:
            case = self._twin.cases[case_id]
            x, y = self._street.projection.to_xy(case.lon, case.lat)
            xy = self._case_xy[case_id] = (float(x), float(y))
        return xy

    def _update_cases(self) -> None:
        now = self._twin.now
        cases = sorted(self._twin.open_cases(), key=lambda c: (c.risk.rank, c.id))
        styles = [(c.risk, now is not None and c.overdue(now)) for c in cases]
        key = [(c.id, s) for c, s in zip(cases, styles)]
        if key == self._marker_keys.get("cases"):
            return
        self._marker_keys["cases"] = key
        xy = np.array([self._case_position(c.id) for c in cases], float).reshape(-1, 2)
        risks = list(RiskLevel)
        scale = self._scale
        marker_styles = [MarkerStyle("o", (15 if risk is RiskLevel.RED else 11) * scale, QBrush(RISK_COLORS[risk]),
                                     self._outline_pen if overdue else self._thin_pen)
                         for risk in risks for overdue in (False, True)]
        style_of = np.array([2 * risks.index(risk) + overdue for risk, overdue in styles], dtype=np.intp)
        self._cases.set_points(xy[:, 0], xy[:, 1], [c.id for c in cases], marker_styles, style_of)

    def _sensor_codes(self) -> np.ndarray:
        """Per sensor: 0 normal, 1 silent, 2 alarming."""
        now = self._twin.now
        states = self._twin.sensors
        codes = np.zeros(len(self._sensor_ids), dtype=np.int8)
        for i, sensor_id in enumerate(self._sensor_ids):
            state = states[sensor_id]
            if state.alarm_id is not None:
                codes[i] = 2
            elif now is not None and state.last_seen is not None and state.silent(now):
                codes[i] = 1
        return codes

    @property
    def sensors_grouped(self) -> bool:
        """At street level the sensors are drawn one marker per general grid: 1,700 squares would bury the
        colour of the grids; drilled into a community or below each sensor has its own."""
        return self._focus[0] == "street"

    def _update_sensors(self) -> None:
        codes = self._sensor_codes()
        previous = self._marker_keys.get("sensors")
        key = (self.sensors_grouped, codes)
        if previous is not None and previous[0] == key[0] and np.array_equal(previous[1], codes):
            return
        self._marker_keys["sensors"] = key
        if self.sensors_grouped:
            self._update_sensor_groups(codes)
            return
        order = np.argsort(codes, kind="stable")
        kinds = list(SENSOR_KIND_COLORS)
        scale = self._scale
        pens = [cosmetic_pen(SENSOR_KIND_COLORS[k].darker(150), 1.0 * scale) for k in kinds]
        silent = QBrush(SILENT_SENSOR)
        # Styles: each kind normal, each kind silent (grey, the kind's outline), then alarming.
        marker_styles = [MarkerStyle("s", 6 * scale, QBrush(SENSOR_KIND_COLORS[k]), pen)
                         for k, pen in zip(kinds, pens)]
        marker_styles += [MarkerStyle("s", 6 * scale, silent, pen) for pen in pens]
        marker_styles.append(MarkerStyle("star", 20 * scale, QBrush(ALARM_COLOR),
                                         cosmetic_pen(self.colors.marker_outline, 1.5 * scale)))
        code, kind = codes[order], self._sensor_kind[order]
        style_of = np.where(code == 2, 2 * len(kinds), code * len(kinds) + kind)
        self._sensors.set_points(self._sensor_x[order], self._sensor_y[order], [self._sensor_ids[i] for i in order],
                                 marker_styles, style_of)

    def _update_sensor_groups(self, codes: np.ndarray) -> None:
        """One marker per general grid, in the state of its worst sensor (alarming, silent, normal)."""
        worst = np.zeros(len(self._group_ids), dtype=np.int8)
        np.maximum.at(worst, self._sensor_group, codes)
        order = np.argsort(worst, kind="stable")
        scale = self._scale
        outline = cosmetic_pen(self.colors.marker_outline, 1.0 * scale)
        marker_styles = [MarkerStyle("s", 9 * scale, QBrush(SENSOR_GROUP_COLOR), outline),
                         MarkerStyle("s", 9 * scale, QBrush(SILENT_SENSOR), outline),
                         MarkerStyle("star", 20 * scale, QBrush(ALARM_COLOR), cosmetic_pen(self.colors.marker_outline,
                                                                                       1.5 * scale))]
        self._sensors.set_points(self._group_x[order], self._group_y[order], [self._group_ids[i] for i in order],
                                 marker_styles, worst[order].astype(np.intp))

    def _staff_shown(self) -> list:
        """Staff on duty drawn now. At street level those on call at home (micro-grid heads, volunteers,
        party members who are merely available) are left out: the grid workers, departments and
        everyone on a case are what the street view is for."""
        on_duty = [s for s in self._twin.staff.values() if s.status is not StaffStatus.OFF_DUTY]
        if self._focus[0] != "street":
            return on_duty
        return [s for s in on_duty if s.status is not StaffStatus.AVAILABLE or s.member.kind in STREET_LEVEL_STAFF]

    def _update_staff(self) -> None:
        shown = self._staff_shown()
        key = [(s.id, s.x, s.y, s.status) for s in shown]
        if key == self._marker_keys.get("staff"):
            return
        self._marker_keys["staff"] = key
        statuses = list(STAFF_STATUS_COLORS)
        marker_styles = [MarkerStyle("t1", 11 * self._scale, QBrush(STAFF_STATUS_COLORS[st]), self._thin_pen)
                         for st in statuses]
        self._staff.set_points(
            np.fromiter((s.x for s in shown), float, len(shown)), np.fromiter((s.y for s in shown), float, len(shown)),
            [s.id for s in shown], marker_styles,
            np.fromiter((statuses.index(s.status) for s in shown), np.intp, len(shown)),
        )

    def set_coverage(self, title: Callable[[], str], gaps: dict[str, float]) -> None:
        """Colour the areas by the share of households beyond a kind's standard (``title()`` names it).

        ``gaps`` from :func:`~widgets.map_measures.coverage_gaps`; the resources panel sets them for
        the kind it shows, and again with a plan's sites.
        """
        self._gap_title, self._gaps = title, dict(gaps)
        self._retranslate()
        if self._measure == "coverage_gap":
            self.recolour()
        else:
            self.set_measure("coverage_gap")

    def set_planned_sites(self, x: Sequence[float], y: Sequence[float], names: Sequence[str]) -> None:
        """Mark the sites a placement plan suggests (pink stars; none to clear them)."""
        style = MarkerStyle("star", 18 * self._scale, QBrush(PLANNED_SITE_COLOR), self._outline_pen)
        self._planned.set_points(np.asarray(x, float), np.asarray(y, float), list(names), [style],
                                 np.zeros(len(names), dtype=np.intp))

    def _update_resources(self) -> None:
        states = sorted(self._twin.resources.values(), key=lambda r: (r.resource.kind is ResourceKind.VEHICLE, r.id))
        key = [(r.id, r.x, r.y, r.status, bool(r.low_alarms)) for r in states]
        if key == self._marker_keys.get("resources"):
            return
        self._marker_keys["resources"] = key
        scale = self._scale
        # Styles: station, cache, each low on stock (amber), then a vehicle in each status.
        marker_styles = [MarkerStyle("s", 10 * scale, QBrush(RESOURCE_KIND_COLORS[ResourceKind.STATION]), self._thin_pen),
                         MarkerStyle("d", 10 * scale, QBrush(RESOURCE_KIND_COLORS[ResourceKind.CACHE]), self._thin_pen),
                         MarkerStyle("s", 10 * scale, QBrush(LOW_STOCK_COLOR), self._outline_pen),
                         MarkerStyle("d", 10 * scale, QBrush(LOW_STOCK_COLOR), self._outline_pen)]
        statuses = list(RESOURCE_STATUS_COLORS)
        marker_styles += [MarkerStyle("t", 10 * scale, QBrush(RESOURCE_STATUS_COLORS[st]), self._thin_pen)
                          for st in statuses]

        def style(r) -> int:
            if r.resource.kind is ResourceKind.VEHICLE:
                return 4 + statuses.index(r.status)
            return (2 if r.low_alarms else 0) + (r.resource.kind is ResourceKind.CACHE)

        self._resources.set_points(
            np.fromiter((r.x for r in states), float, len(states)), np.fromiter((r.y for r in states), float, len(states)),
            [r.id for r in states], marker_styles, np.fromiter((style(r) for r in states), np.intp, len(states)))

    def marker_style(self, layer: str, item_id: str) -> tuple[str, float, QColor]:
        """Symbol, size and fill colour of one marker ("cases", "sensors", "staff", "resources" or "planned")."""
        item = self._marker_sets()[layer]
        try:
            symbol, size, brush = item.style(item_id)
        except KeyError:
            raise KeyError(f"no {layer} marker {item_id!r}") from None
        return symbol, size, brush.color()

    def marker_ids(self, layer: str) -> list[str]:
        """Ids of the markers on a layer, in drawing order."""
        return list(self._marker_sets()[layer].data["data"])

    def _marker_sets(self) -> dict:
        return {"cases": self._cases, "sensors": self._sensors, "staff": self._staff, "resources": self._resources,
                "planned": self._planned}

    # ------------------------------------------------------------ fly-to and search

    def fly_to_micro_grid(self, micro_grid_id: str) -> None:
        """Centre and zoom on a micro-grid, showing it among its siblings, highlighted."""
        self.drill_to("micro", micro_grid_id)
        self._focus_marker.setVisible(False)

    def fly_to_case(self, case_id: str) -> None:
        """Drill to a case's micro-grid, centre on the case and ring its marker."""
        case = self._twin.cases.get(case_id)
        if case is None:
            raise KeyError(f"case {case_id}: no such case")
        self.drill_to("micro", case.micro_grid_id)
        self._ring(*self._case_position(case_id))

    def fly_to_staff(self, staff_id: str) -> None:
        """Drill to the micro-grid a staff member is in (or the street) and ring the marker."""
        staff = self._twin.staff[staff_id]
        micro = self._locate_micro(np.array([staff.x]), np.array([staff.y]))[0]
        if micro is None:
            self.drill_to("street", self._street.id)
        else:
            self.drill_to("micro", micro)
        self._ring(staff.x, staff.y)

    def _ring(self, x: float, y: float) -> None:
        pen = cosmetic_pen(self.colors.focus_ring, 3.0 * self._scale)
        self._focus_marker.setData([x], [y], symbol="o", size=30 * self._scale, pen=pen,
                                   brush=QBrush(Qt.BrushStyle.NoBrush))
        self._focus_marker.setVisible(True)
        bounds = self.viewbox.viewRange()
        half_w = (bounds[0][1] - bounds[0][0]) / 2
        half_h = (bounds[1][1] - bounds[1][0]) / 2
        self.viewbox.setRange(QRectF(x - half_w, y - half_h, 2 * half_w, 2 * half_h), padding=0)

    def search(self, text: str) -> bool:
        """Fly to the grid, case or staff member named ``text`` (exact, else first containing it).

        Returns False if nothing matches.
        """
        text = text.strip()
        if not text:
            return False
        self._update_search()
        target = self._search_entries.get(text)
        if target is None:
            lowered = text.lower()
            target = next((t for label, t in self._search_entries.items() if lowered in label.lower()), None)
        if target is None:
            return False
        kind, item_id = target
        if kind == "case":
            self.fly_to_case(item_id)
            self.case_activated.emit(item_id)
        elif kind == "staff":
            self.fly_to_staff(item_id)
        else:
            self.drill_to(kind, item_id)
        return True

    def _update_search(self) -> None:
        if not self._search_entries:
            street = self._street
            for area_id, kind in self._areas.kind.items():
                if kind != "street":
                    self._search_entries[self._areas.name[area_id]] = (kind, area_id)
            for c in street.communities:
                self._search_entries[c.name_en] = ("community", c.id)
            for member in street.staff:
                label = member.name if member.name not in self._search_entries else f"{member.name} ({member.id})"
                self._search_entries[label] = ("staff", member.id)
        new = self._twin.cases.keys() - self._search_cases
        if new or not self._search_model.rowCount():
            for case_id in new:
                self._search_entries[case_id] = ("case", case_id)
            self._search_cases |= new
            self._search_model.setStringList(sorted(self._search_entries))

    # ------------------------------------------------------------ mouse

    def area_at(self, x: float, y: float) -> str | None:
        """The shown area under a map point (metres), if any."""
        ids, tree = self._trees[self.shown_level]
        shown = set(self._area_layer.ids)
        for hit in tree.query(shapely.Point(x, y), predicate="intersects").tolist():
            if ids[hit] in shown:
                return ids[hit]
        return None

    def _marker_at(self, x: float, y: float) -> tuple[str, str] | None:
        pixel = self.viewbox.viewPixelSize()
        for layer, item in (("cases", self._cases), ("staff", self._staff), ("planned", self._planned),
                            ("resources", self._resources), ("sensors", self._sensors)):
            if item.visible:
                ids = item.ids_at(x, y, pixel)
                if ids:
                    return layer, ids[0]
        return None

    def _on_scene_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        if not self.viewbox.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.viewbox.mapSceneToView(event.scenePos())
        marker = self._marker_at(point.x(), point.y())
        if marker is not None and marker[0] == "cases":
            self.case_activated.emit(marker[1])
            return
        area_id = self.area_at(point.x(), point.y())
        if area_id is not None:
            self.click_area(area_id)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.viewbox.sceneBoundingRect().contains(scene_pos):
            return
        point = self.viewbox.mapSceneToView(scene_pos)
        self.viewbox.setToolTip(self.tooltip_at(point.x(), point.y()))

    def tooltip_at(self, x: float, y: float) -> str:
        """The hover text at a map point: the marker there, else the area and its measure value."""
        marker = self._marker_at(x, y)
        if marker is not None:
            layer, item_id = marker
            return {"cases": self.case_tooltip, "staff": self.staff_tooltip, "sensors": self.sensor_tooltip,
                    "resources": self.resource_tooltip, "planned": self.planned_tooltip}[layer](item_id)
        area_id = self.area_at(x, y)
        if area_id is None:
            return ""
        text = self.area_tooltip(area_id)
        if self._dedicated.visible:
            point = shapely.Point(x, y)
            names = [d.name for d in self._street.dedicated_grids
                     if d.kind != "river" and self._dedicated_xy[d.id].contains(point)]
            if names:
                text += "\n" + self.tr("Dedicated grid: {names}").format(names=", ".join(names))
        return text

    def area_tooltip(self, area_id: str) -> str:
        """Area name and the current measure's value."""
        value = self.area_value(area_id)
        shown = f"{value:.0%}" if self._measure in SHARE_MEASURES else f"{value:.0f}"
        return f"{self._area_name(area_id)}\n{self._measure_title(self._measure)}: {shown}"

    def case_tooltip(self, case_id: str) -> str:
        """Case id, category, risk level, status (and overdue)."""
        case = self._twin.cases[case_id]
        now = self._twin.now
        risk = self.tr("{risk} risk").format(risk=i18n.risk_name(case.risk))
        lines_ = [case.id, i18n.category_name(self._twin.categories, case.category), risk,
                  i18n.status_name(case.status)]
        if now is not None and case.overdue(now):
            lines_.append(self.tr("OVERDUE"))
        return "\n".join(lines_)

    def sensor_tooltip(self, sensor_id: str) -> str:
        """Sensor id, kind and state (normal, silent, alarming); for a grid's marker, its counts."""
        if sensor_id in self._group_index:
            return self.sensor_group_tooltip(sensor_id)
        state = self._twin.sensors[sensor_id]
        now = self._twin.now
        if state.alarm_id is not None:
            condition = self.tr("ALARM {alarm}").format(alarm=state.alarm_id)
        elif now is not None and state.last_seen is not None and state.silent(now):
            condition = self.tr("silent since {time}").format(time=i18n.local_time(state.last_seen, True))
        else:
            condition = self.tr("normal")
        return "\n".join([sensor_id, i18n.sensor_kind_name(state.sensor.kind), condition])

    def sensor_group_tooltip(self, grid_id: str) -> str:
        """A general grid's sensors at street level: how many, how many silent and alarming."""
        codes = self._sensor_codes()[self._sensor_group == self._group_index[grid_id]]
        return "\n".join([i18n.grid_name(self._street, grid_id),
                           self.tr("{n} sensors · {silent} silent · {alarming} alarming").format(
                               n=len(codes), silent=int((codes == 1).sum()), alarming=int((codes == 2).sum())),
                           self.tr("Drill in to see each sensor")])

    def staff_tooltip(self, staff_id: str) -> str:
        """Staff name, kind and status."""
        state = self._twin.staff[staff_id]
        return "\n".join([state.member.name, i18n.staff_kind_name(state.member.kind),
                          i18n.staff_status_name(state.status)])

    def resource_tooltip(self, resource_id: str) -> str:
        """Name, kind, status, and stock on the shelf against capacity (low items marked)."""
        state = self._twin.resources[resource_id]
        lines_ = [state.resource.name, f"{resource_id} · {i18n.resource_type_name(state.resource.type)}",
                  i18n.resource_status_name(state.status)]
        items = self._twin.categories.items
        for item, capacity in sorted(state.capacity.items()):
            name = i18n.item_name(items, item)
            low = self.tr(" (low)") if item in state.low_alarms else ""
            lines_.append(f"{name} {state.stock.get(item, 0)}/{capacity}{low}")
        return "\n".join(lines_)

    def planned_tooltip(self, name: str) -> str:
        """A suggested site: the micro-grid it stands in."""
        return self.tr("Suggested site: {name}").format(name=name)

    # ------------------------------------------------------------ closing

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            # Controls, the breadcrumb and the area names all follow the language.
            self._retranslate()
            self._show_focus(fit=False)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.disconnect_model()
        super().closeEvent(event)

    def disconnect_model(self) -> None:
        """Stop listening to the model and drop a pending redraw (closing does this)."""
        self._throttle.stop()
        self._connections.disconnect_all()
