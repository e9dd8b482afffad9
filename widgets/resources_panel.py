"""The resources panel: coverage by road of every kind, the best new sites, their effect, and the stock.

The leader reads which share of households each kind reaches within its standard (stations within a
15-minute walk, AEDs within 5 minutes by e-bike...), picks a kind to colour the map by the households
beyond it, asks for the N best new sites (:func:`cockpit.allocation.plan.plan`, exact with HiGHS)
and sees coverage rise with the sites on the map; for an item, the plan then runs as a what-if
(:mod:`simulation.resource_whatif`) and the panel shows the effect on the cases that need the item,
with intervals. Below, the stock: vehicles free and places whose shelf is low. Laid out for the wall
(``wall=True``) it shows the figures only, in the wall's type.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.allocation.coverage import Coverage, Demand, coverage, coverage_kinds
from cockpit.allocation.plan import Plan, plan
from cockpit.travel.model import street_travel
from cockpit.travel.profile import default_profile
from cockpit.vocabulary.domain import ResourceKind, ResourceStatus
from simulation.model import ScenarioError
from simulation.resource_whatif import DEFAULT_SCENARIO, WhatIf
from simulation.scenario import load_scenario
from simulation.street import load_street
from widgets import i18n
from widgets.map_measures import AreaHierarchy, coverage_gaps
from widgets.plumbing import Connections, Throttle
from widgets.simulation_view import ExperimentRunner
from widgets.twin_model import TwinModel

DEFAULT_SITES = 5
"""New sites the panel suggests unless told otherwise (the leader's "5 best new AED sites")."""
DEFAULT_REPLICATIONS = 10
"""Replications of each placement in the panel's what-if: four weeks each, intervals of a minute or less."""
MIN_WIDTH = 340
"""Pixels the panel keeps at least: the coverage table's four columns and the plan's figures on two lines."""
REFRESH_MS = 500
"""The stock table follows the twin at most twice a second."""


class ResourcesPanel(QWidget):
    """Owns the street's coverage by kind, the last plan and its what-if run, and the stock table.

    ``scenario`` is the street scenario the what-if runs (default: the demo street as staffed today).

    Signals
    -------
    coverage_shown(object, dict)
        The map should colour areas by the share of households beyond a kind's standard: a function
        giving the title in the current language, and the share per area (of every level), today's or with the plan's sites.
    sites_suggested(object, object, list)
        The plan's new sites: x and y (metres) and their names; empty arrays clear them.
    """

    coverage_shown = Signal(object, dict)
    sites_suggested = Signal(object, object, list)

    def __init__(self, model: TwinModel, wall: bool = False, scenario: Path = DEFAULT_SCENARIO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self._model = model
        self._twin = model.twin
        self._street = self._twin.street
        self._wall = wall
        self._items = self._twin.categories.items
        self._kinds = coverage_kinds(default_profile(), self._twin.categories)
        self._travel = street_travel(self._street)
        self._demand = Demand.of(self._street, self._travel)
        self._areas = AreaHierarchy(self._street)
        self.coverages: dict[str, Coverage] = {code: coverage(self._street, self._travel, kind, demand=self._demand)
                                               for code, kind in self._kinds.items()}
        self.kind = "aed" if "aed" in self._kinds else next(iter(self._kinds))
        self.plan: Plan | None = None
        self.whatif: WhatIf | None = None
        self._plan_dir: tempfile.TemporaryDirectory | None = None
        self.runner = ExperimentRunner(self)
        self.runner.progress_changed.connect(self._on_progress)
        self.runner.whatif_finished.connect(self._on_whatif_finished)
        self.runner.failed.connect(self._on_whatif_failed)
        self._build_ui()
        self._throttle = Throttle(self.refresh_stock, REFRESH_MS, self)
        self._connections = Connections()
        self._connections.connect(model.resources_changed, self._throttle.poke)
        self._connections.connect(model.alarms_changed, self._throttle.poke)
        self.retranslate_ui()
        self.refresh_stock()

    # ------------------------------------------------------------ layout

    def _build_ui(self) -> None:
        self.coverage_box = QGroupBox()
        self.coverage_table = _table(4)
        self.coverage_table.setRowCount(len(self._kinds))
        # Every kind in view at once: the leader compares them, a scroll bar would hide half.
        self.coverage_table.itemSelectionChanged.connect(self._on_kind_picked)
        box = QVBoxLayout(self.coverage_box)
        box.addWidget(self.coverage_table)

        self.plan_box = QGroupBox()
        self.sites_label = QLabel()
        self.sites_spin = QSpinBox()
        self.sites_spin.setRange(1, 50)
        self.sites_spin.setValue(DEFAULT_SITES)
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(lambda: self.suggest(self.sites_spin.value()))
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.sites_list = QListWidget()
        self.sites_list.setMaximumHeight(110)
        row = QHBoxLayout()
        for widget in (self.sites_label, self.sites_spin, self.plan_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.replications_label = QLabel()
        self.replications_spin = QSpinBox()
        self.replications_spin.setRange(2, 200)
        self.replications_spin.setValue(DEFAULT_REPLICATIONS)
        self.whatif_button = QPushButton()
        self.whatif_button.clicked.connect(self.run_whatif)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.progress = QProgressBar()
        self.whatif_label = QLabel()
        self.whatif_label.setWordWrap(True)
        # Each measure is a title row across the table over a row of figures: three columns of
        # "mean [interval]" fit the dock, a fourth column of titles would not.
        self.effects_table = _table(3)
        self.effects_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.effects_table.setWordWrap(True)
        run_row = QHBoxLayout()
        for widget in (self.replications_label, self.replications_spin, self.whatif_button, self.cancel_button):
            run_row.addWidget(widget)
        run_row.addWidget(self.progress, 1)
        box = QVBoxLayout(self.plan_box)
        box.addLayout(row)
        box.addWidget(self.plan_label)
        box.addWidget(self.sites_list)
        box.addLayout(run_row)
        box.addWidget(self.whatif_label)
        box.addWidget(self.effects_table)

        self.stock_box = QGroupBox()
        self.vehicles_label = QLabel()
        self.stock_table = _table(4)
        box = QVBoxLayout(self.stock_box)
        box.addWidget(self.vehicles_label)
        box.addWidget(self.stock_table)

        # A dock beside the map is short on a 1080-line desk: the panel scrolls rather than squeeze its tables.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.coverage_box)
        layout.addWidget(self.plan_box, 1)
        layout.addWidget(self.stock_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        # Scroll down, never sideways: the dock keeps the width the tables need.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll, self._content = scroll, content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        if self._wall:
            # Read at 5 m, not operated: the coverage and the stock stay, planning is the desk's.
            self.plan_box.hide()
        self._set_running(False)
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """Tables tall enough for their rows and the panel wide enough for its tables, in the current type."""
        _show_rows(self.coverage_table, len(self._kinds))
        _show_rows(self.effects_table, 6)
        _show_rows(self.stock_table, 4)
        for table in (self.coverage_table, self.effects_table, self.stock_table):
            table.resizeColumnsToContents()
        needed = self._content.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width()
        # The wall gives the panel what its coverage table needs; the desk's dock must fit 1366 px beside the map.
        wide = _table_width(self.coverage_table) if self._wall else 0
        self._scroll.setMinimumWidth(max(MIN_WIDTH, needed, wide))

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.coverage_box.setTitle(self.tr("Coverage by road"))
        self.coverage_table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Standard"), self.tr("Households within"), self.tr("Share")])
        self.plan_box.setTitle(self.tr("Best new sites"))
        self.sites_label.setText(self.tr("New sites"))
        self.plan_button.setText(self.tr("Suggest sites"))
        self.replications_label.setText(self.tr("Replications"))
        self.whatif_button.setText(self.tr("Effect on response (what-if)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.effects_table.setHorizontalHeaderLabels([self.tr("Today"), self.tr("With the plan"), self.tr("Difference")])
        self.stock_box.setTitle(self.tr("Vehicles and stock"))
        self.stock_table.setHorizontalHeaderLabels(
            [self.tr("Place"), self.tr("Item"), self.tr("On the shelf"), self.tr("Status")])
        self._fill_coverage()
        self._show_plan()
        self._show_whatif()
        self.refresh_stock()
        self._fit_sizes()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The wall sets its type by style sheet after the panel is built.
            self._fit_sizes()
        super().changeEvent(event)

    # ------------------------------------------------------------ coverage

    def kind_name(self, code: str) -> str:
        return i18n.coverage_kind_name(self._items, code)

    def _fill_coverage(self) -> None:
        table = self.coverage_table
        table.blockSignals(True)
        for row, (code, result) in enumerate(self.coverages.items()):
            share = "-" if result.share is None else f"{result.share:.1%}"
            cells = [self.kind_name(code), self.tr("{minutes:g} min").format(minutes=result.minutes),
                     f"{result.covered:,} / {result.households:,}", share]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, code)
                table.setItem(row, column, item)
        table.selectRow(list(self.coverages).index(self.kind))
        table.blockSignals(False)

    def _on_kind_picked(self) -> None:
        rows = self.coverage_table.selectionModel().selectedRows()
        if rows:
            self.show_kind(list(self.coverages)[rows[0].row()])

    def show_kind(self, code: str) -> None:
        """Colour the map by the households beyond ``code``'s standard today; a plan of another kind is dropped."""
        if code not in self.coverages:
            raise ValueError(f"unknown resource kind {code!r}; choose one of {', '.join(self.coverages)}")
        self.kind = code
        if self.plan is not None and self.plan.kind.code != code:
            self.plan, self.whatif = None, None
            self.sites_suggested.emit(np.empty(0), np.empty(0), [])
            self._show_plan()
            self._show_whatif()
        row = list(self.coverages).index(code)
        if self.coverage_table.currentRow() != row:
            self.coverage_table.blockSignals(True)
            self.coverage_table.selectRow(row)
            self.coverage_table.blockSignals(False)
        result = self.coverages[code]
        self._emit_gaps(result.nearest_minutes <= result.minutes, result.minutes)
        self._set_running(self.runner.running)

    def _emit_gaps(self, covered: np.ndarray, minutes: float) -> None:
        gaps = coverage_gaps(self._demand.micro_grid_ids, self._demand.households, covered, self._areas)
        kind = self.kind

        def title() -> str:
            # Called again by the map on a language change, so the legend follows the language.
            return self.tr("Households beyond {minutes:g} min of {kind}").format(minutes=minutes,
                                                                                kind=self.kind_name(kind))
        self.coverage_shown.emit(title, gaps)

    # ------------------------------------------------------------ plan

    def suggest(self, sites: int) -> Plan:
        """The ``sites`` best new sites of the shown kind (exact MILP): coverage before and after, sites on the map."""
        kind = self._kinds[self.kind]
        self.plan = plan(self._street, self._travel, kind, add=sites)
        self.whatif = None
        added = self.plan.added
        x, y = self._street.projection.to_xy(np.array([s["lon"] for s in added], float),
                                             np.array([s["lat"] for s in added], float))
        self.sites_suggested.emit(np.atleast_1d(x), np.atleast_1d(y), [s["name"] for s in added])
        self._emit_gaps(self.plan.after.nearest_minutes <= self.plan.minutes, self.plan.minutes)
        self._show_plan()
        self._show_whatif()
        self._set_running(False)
        return self.plan

    def _show_plan(self) -> None:
        self.sites_list.clear()
        if self.plan is None:
            self.plan_label.setText(self.tr("Pick a kind above and ask for the best new sites."))
            return
        before, after = self.plan.before, self.plan.after
        self.plan_label.setText(self.tr(
            "{kind} within {minutes:g} min: {before:.1%} → {after:.1%} of households ({covered_before:,} → "
            "{covered_after:,} of {households:,}); {status}").format(
            kind=self.kind_name(self.plan.kind.code), minutes=self.plan.minutes,
            before=before.covered / before.households, after=after.covered / after.households,
            covered_before=before.covered, covered_after=after.covered, households=before.households,
            status=self._solver_text()))
        for number, site in enumerate(self.plan.added, start=1):
            self.sites_list.addItem(f"{number}. {site['name']} ({site['micro_grid']})")

    def _solver_text(self) -> str:
        placement = self.plan.placement
        if placement.status == "optimal":
            return self.tr("proven best ({seconds:.1f} s)").format(seconds=placement.seconds)
        return self.tr("best found, within {gap:.2%} of the best ({seconds:.1f} s)").format(
            gap=placement.gap, seconds=placement.seconds)

    # ------------------------------------------------------------ what-if

    def run_whatif(self) -> bool:
        """Start the plan's what-if on the street's scenario; False (with the reason shown) if it cannot run."""
        if self.plan is None or self.plan.kind.code not in self._items or self.runner.running:
            return False
        if self._plan_dir is None:
            self._plan_dir = tempfile.TemporaryDirectory(prefix="cockpit-plan-")
        path = Path(self._plan_dir.name) / f"{self.plan.kind.code}.json"
        path.write_text(json.dumps(self.plan.as_json(), ensure_ascii=False), encoding="utf-8")
        try:
            demo = self._street.id == load_street("demo").id
            scenario = load_scenario(self._scenario, street=None if demo else self._street.id)
        except (ScenarioError, ValueError) as exc:
            self.whatif_label.setText(self.tr("The what-if cannot run: {reason}").format(reason=exc))
            return False
        self.whatif = None
        self._show_whatif()
        self.whatif_label.setText(self.tr("Running today's placement and the plan under one seed…"))
        self.runner.start_whatif(scenario, str(path), self.replications_spin.value(), seed=0)
        self._set_running(True)
        return True

    def _set_running(self, running: bool) -> None:
        can = self.plan is not None and self.plan.kind.code in self._items
        self.whatif_button.setEnabled(can and not running)
        self.plan_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_whatif_finished(self, whatif: WhatIf, cancelled: bool) -> None:
        self._set_running(False)
        if cancelled:
            self.whatif_label.setText(self.tr("The what-if was cancelled."))
            return
        self.whatif = whatif
        self._show_whatif()

    def _on_whatif_failed(self, message: str) -> None:
        self._set_running(False)
        self.whatif_label.setText(self.tr("The what-if failed: {reason}").format(reason=message))

    def _show_whatif(self) -> None:
        table = self.effects_table
        if self.whatif is None:
            table.setRowCount(0)
            if self.plan is not None and self.plan.kind.code not in self._items:
                self.whatif_label.setText(self.tr("Only a plan of an emergency item changes how fast cases get it."))
            elif not self.runner.running:
                self.whatif_label.setText("")
            return
        data = self.whatif.as_json()
        rows = data["effects"]
        cases = "; ".join(self.tr("{category} about {cases:.0f} cases each").format(
            category=i18n.category_name(self._twin.categories, code), cases=count)
            for code, count in dict.fromkeys((r["category"], r["cases"]) for r in rows))
        self.whatif_label.setText(self.tr(
            "{replications} replications of four weeks, the very same cases in both (common random numbers): "
            "{cases}; mean [95 % interval]").format(replications=data["replications"], cases=cases))
        several = len({r["category"] for r in rows}) > 1
        table.clearSpans()
        table.setRowCount(2 * len(rows))
        for index, effect in enumerate(rows):
            share = effect["measure"] == "item_within_standard"
            label = self._measure_name(effect["measure"])
            if several:
                label = f"{i18n.category_name(self._twin.categories, effect['category'])}: {label}"
            title = QTableWidgetItem(label)
            title.setData(Qt.ItemDataRole.UserRole, effect["measure"])
            table.setItem(2 * index, 0, title)
            table.setSpan(2 * index, 0, 1, 3)
            for column, key in enumerate(("base", "plan", "diff")):
                table.setItem(2 * index + 1, column, QTableWidgetItem(_span(effect, key, share, signed=key == "diff")))
        table.resizeRowsToContents()

    def _measure_name(self, measure: str) -> str:
        item = self.kind_name(self.whatif.item) if self.whatif is not None else ""
        return {
            "response_minutes": self.tr("report → person and {item} there (min)").format(item=item),
            "item_minutes": self.tr("dispatch → {item} there (min)").format(item=item),
            "item_within_standard": self.tr("{item} within its standard").format(item=item),
        }[measure]

    # ------------------------------------------------------------ stock

    def refresh_stock(self) -> None:
        """Vehicles free by type, and every station or cache with a low shelf or units out on cases."""
        resources = self._twin.resources.values()
        vehicles: dict[str, list[int]] = {}
        for state in resources:
            if state.resource.kind is ResourceKind.VEHICLE:
                counts = vehicles.setdefault(state.resource.type, [0, 0])
                counts[0] += state.status is ResourceStatus.AVAILABLE
                counts[1] += 1
        self.vehicles_label.setText("  ".join(
            self.tr("{kind}: {free} of {total} free").format(kind=i18n.resource_type_name(kind), free=free, total=total)
            for kind, (free, total) in sorted(vehicles.items())))
        rows = []
        for state in sorted(resources, key=lambda r: r.id):
            if state.resource.kind is ResourceKind.VEHICLE:
                continue
            for item, capacity in sorted(state.capacity.items()):
                catalogue = self._items.get(item)
                low = item in state.low_alarms or (catalogue is not None and catalogue.low(state.held(item), capacity))
                out = state.units_out(item)
                if low or out:
                    status = self.tr("low") if low else ""
                    if out:
                        status = (status + " " if status else "") + self.tr("{count} out on cases").format(count=out)
                    rows.append((state.id, (state.resource.name, i18n.item_name(self._items, item),
                                            f"{state.stock.get(item, 0)} / {capacity}", status)))
        self.stock_table.setRowCount(len(rows))
        for row, (resource_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(resource_id)
                cell.setData(Qt.ItemDataRole.UserRole, resource_id)
                self.stock_table.setItem(row, column, cell)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.runner.shutdown()
        self._throttle.stop()
        self._connections.disconnect_all()
        if self._plan_dir is not None:
            self._plan_dir.cleanup()
            self._plan_dir = None
        super().closeEvent(event)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _table_width(table: QTableWidget) -> int:
    """The width that shows every column of ``table`` without a scroll bar."""
    columns = sum(table.columnWidth(c) for c in range(table.columnCount()))
    return columns + 2 * table.frameWidth() + 2 * table.verticalScrollBar().sizeHint().width()


def _show_rows(table: QTableWidget, rows: int) -> None:
    """Make ``table`` at least tall enough for its header and ``rows`` rows."""
    header = table.horizontalHeader().sizeHint().height()
    row = max(table.verticalHeader().defaultSectionSize(), table.rowHeight(0) if table.rowCount() else 0,
              table.fontMetrics().height() + 8)
    table.setMinimumHeight(header + rows * row + 2 * table.frameWidth() + 2)


def _span(effect: dict, key: str, share: bool, signed: bool = False) -> str:
    """``mean`` over ``[lo, hi]`` (two lines) of one figure of an effect row: minutes, or shares in percent."""
    value, lo, hi = effect[key], effect[f"{key}_lo"], effect[f"{key}_hi"]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    sign = "+" if signed else ""
    if share:
        text = f"{value * 100:{sign}.1f} %"
        return text if lo is None else f"{text}\n[{lo * 100:{sign}.1f}, {hi * 100:{sign}.1f}]"
    text = f"{value:{sign}.2f}"
    return text if lo is None else f"{text}\n[{lo:{sign}.2f}, {hi:{sign}.2f}]"
