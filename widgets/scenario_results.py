"""Results of compared what-if scenarios: KPIs with intervals, paired differences, plots and export.

Two to four scenarios run under the same seed share their random numbers replication by
replication, so each scenario's difference from the first is stated with the interval of the
per-replication differences (``simulation.experiment.compare``), never as a bare number. Plots show
the wait and response distributions, compliance with the response target by risk level, the busy
share of on-duty staff by hour, and a map of overdue and late-red cases by general grid.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cockpit.kpi import KPIS, SHARE, Kpi
from cockpit.security.authorizer import ExportCheck
from cockpit.street.model import Street
from simulation.experiment import COMPARE_KPIS, ExperimentResult, compare
from simulation.ground import ground_of
from simulation.guarded import GuardedSearch
from simulation.kpi import ALL
from simulation.scenario import Scenario
from simulation.sensitivity import Sensitivity
from simulation.validation import Validation
from simulation.street import load_street
from widgets.export_gate import export_or_explain
from widgets.grid_heat_map import GridHeatMap
from widgets.i18n import is_chinese, kpi_name, kpi_part_name, kpi_value
from widgets.sensitivity_panel import SensitivityPanel
from widgets.theme import SERIES_COLORS

MAX_SCENARIOS = 4

_KPI_NAMES = {
    "response_compliance": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Responded within target"),
    "overdue_rate": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Overdue rate"),
    "wait_minutes": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Wait (min)"),
    "response_minutes": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Response (min)"),
    "resolution_minutes": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Resolution (min)"),
    "escalation_rate": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Escalated"),
    "whistle_rate": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Handled by departments"),
    "utilisation": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Utilisation"),
    "cases": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "Cases per replication"),
}
_SHARES = frozenset({"response_compliance", "overdue_rate", "escalation_rate", "whistle_rate", "utilisation"})
_CLASS_NAMES = {
    ALL: QT_TRANSLATE_NOOP("ScenarioResultsPanel", "all"),
    "red": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "red"),
    "yellow": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "yellow"),
    "blue": QT_TRANSLATE_NOOP("ScenarioResultsPanel", "blue"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScenarioResultsPanel", text)


def format_value(kpi: str, value: float, lo: float, hi: float) -> str:
    """``mean [lo, hi]`` in the KPI's unit (percent for shares, minutes otherwise)."""
    if value is None or math.isnan(value):
        return "–"
    if kpi in _SHARES:
        text = f"{100 * value:.1f} %"
        return text if math.isnan(lo) else f"{text} [{100 * lo:.1f}, {100 * hi:.1f}]"
    text = f"{value:.1f}"
    return text if math.isnan(lo) else f"{text} [{lo:.1f}, {hi:.1f}]"


def format_difference(kpi: str, value: float, lo: float, hi: float) -> str:
    """A signed difference with its interval (percentage points for shares)."""
    if value is None or math.isnan(value):
        return "–"
    if kpi in _SHARES:
        text = f"{100 * value:+.1f} pp"
        return text if math.isnan(lo) else f"{text} [{100 * lo:+.1f}, {100 * hi:+.1f}]"
    text = f"{value:+.1f}"
    return text if math.isnan(lo) else f"{text} [{lo:+.1f}, {hi:+.1f}]"


class ScenarioResultsPanel(QWidget):
    """Shows compared experiment results; owns the comparison table, the plots and the export.

    ``may_export`` is the session's export gate (:data:`~cockpit.security.authorizer.ExportCheck`;
    None: a session without accounts).

    Signals
    -------
    sig_export_requested(str)
        The user chose a folder to export to (the panel exports itself; the signal lets a
        window show where the files went).
    """

    sig_export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, may_export: ExportCheck | None = None) -> None:
        super().__init__(parent)
        self._may_export = may_export
        self.results: list[ExperimentResult] = []
        self.comparison = pd.DataFrame()
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export_clicked)

        self.wait_plot = pg.PlotWidget()
        self.response_plot = pg.PlotWidget()
        self.sla_plot = pg.PlotWidget()
        self.utilisation_plot = pg.PlotWidget()
        self.grid_map = GridHeatMap()
        self.map_plot = self.grid_map.plot
        self.map_measure = QComboBox()
        self.map_measure.addItem("", "late_rate")
        self.map_measure.addItem("", "red_late_rate")
        self.map_measure.addItem("", "overdue_rate")
        self.map_scenario = QComboBox()
        self.map_scenario.currentIndexChanged.connect(self._draw_map)
        self.map_measure.currentIndexChanged.connect(self._draw_map)
        self.map_label = QLabel()
        self._map_street: Street | None = None
        for plot in (self.wait_plot, self.response_plot, self.sla_plot, self.utilisation_plot):
            plot.addLegend(offset=(-10, 10))
            plot.showGrid(x=True, y=True, alpha=0.2)

        distributions = QWidget()
        row = QHBoxLayout(distributions)
        row.addWidget(self.wait_plot)
        row.addWidget(self.response_plot)
        map_page = QWidget()
        map_layout = QVBoxLayout(map_page)
        controls = QHBoxLayout()
        controls.addWidget(self.map_measure)
        controls.addWidget(self.map_scenario)
        controls.addStretch(1)
        map_layout.addLayout(controls)
        map_layout.addWidget(self.grid_map, 1)
        map_layout.addWidget(self.map_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(distributions, "")
        self.tabs.addTab(self.sla_plot, "")
        self.tabs.addTab(self.utilisation_plot, "")
        self.tabs.addTab(map_page, "")
        self.search_table = QTableWidget()
        self.search_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.guard_table = QTableWidget()
        self.guard_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.search_label = QLabel()
        self.search_label.setWordWrap(True)
        search_page = QWidget()
        search_layout = QVBoxLayout(search_page)
        search_layout.addWidget(self.search_label)
        search_layout.addWidget(self.search_table, 1)
        search_layout.addWidget(self.guard_table, 1)
        self.search_page = search_page
        self.tabs.addTab(search_page, "")
        self.sensitivity = SensitivityPanel()
        self.tabs.addTab(self.sensitivity, "")
        self.baseline_table = QTableWidget()
        self.baseline_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.baseline_table, "")
        self.validation: Validation | None = None
        self.search: GuardedSearch | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self.retranslate_ui()

    # -- showing results -------------------------------------------------------------------------

    def set_baseline(self, validation: Validation) -> None:
        """Show a baseline check KPI by KPI (history, simulated mean and 95 % range, error, pass) in front."""
        self.validation = validation
        self._fill_baseline()
        self.tabs.setCurrentWidget(self.baseline_table)

    def _fill_baseline(self) -> None:
        rows = self.validation.table[self.validation.table["observed"].notna()]
        table = self.baseline_table
        table.clear()
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("History"), self.tr("Simulated [95 % range]"),
                                         self.tr("Error"), self.tr("Reproduced")])
        table.setRowCount(len(rows))
        for row, record in enumerate(rows.to_dict("records")):
            kpi = KPIS[record["registry_key"]]
            shown = [indicator_name(record["registry_key"], record["kpi"]), _baseline_value(kpi, record["observed"]),
                     f"{_baseline_value(kpi, record['mean'])} [{_baseline_value(kpi, record['lo'])}, "
                     f"{_baseline_value(kpi, record['hi'])}]",
                     f"{100 * record['relative_error']:+.1f} %" if math.isfinite(record["relative_error"]) else "–",
                     self.tr("yes") if record["pass"] else self.tr("no")]
            for column, text in enumerate(shown):
                item = QTableWidgetItem(text)
                if not record["pass"]:
                    item.setForeground(QColor(MISSED_COLOR))
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_sensitivity(self, sensitivity: Sensitivity) -> None:
        """Show a tornado (:class:`~widgets.sensitivity_panel.SensitivityPanel`) and bring its page to the front."""
        self.sensitivity.set_sensitivity(sensitivity)
        self.tabs.setCurrentWidget(self.sensitivity)

    def set_results(self, results: list[ExperimentResult]) -> None:
        """Show ``results`` (1-4 experiments, the first is the baseline of every difference)."""
        self.results = list(results)[:MAX_SCENARIOS]
        self.comparison = compare(self.results) if self.results else pd.DataFrame()
        self._fill_table()
        self._draw_distributions()
        self._draw_sla()
        self._draw_utilisation()
        self.map_scenario.blockSignals(True)
        self.map_scenario.clear()
        for result in self.results:
            self.map_scenario.addItem(result.scenario.name)
        if len(self.results) > 1:
            self.map_scenario.addItem("", "difference")
            self.map_scenario.setCurrentIndex(len(self.results))
        self.map_scenario.blockSignals(False)
        self.retranslate_ui()
        self._draw_map()
        self.export_button.setEnabled(bool(self.results))

    def _fill_table(self) -> None:
        results = self.results
        headers = [self.tr("KPI"), self.tr("Class")] + [r.scenario.name for r in results]
        headers += [self.tr("{b} − {a}").format(b=r.scenario.name, a=results[0].scenario.name) for r in results[1:]]
        table = self.comparison
        labels = [label for label in ("red", ALL, "yellow", "blue") if results and label in (ALL, *results[0].classes)]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(labels) * len(COMPARE_KPIS) if results else 0)
        bold = QFont()
        bold.setBold(True)
        row = 0
        for label in labels:
            for kpi in COMPARE_KPIS:
                rows = table[(table["class"] == label) & (table["kpi"] == kpi)].sort_values("index")
                self.table.setItem(row, 0, QTableWidgetItem(_tr(_KPI_NAMES[kpi])))
                self.table.setItem(row, 1, QTableWidgetItem(_tr(_CLASS_NAMES.get(label, label))))
                for k, item in enumerate(rows.itertuples()):
                    self.table.setItem(row, 2 + k, QTableWidgetItem(format_value(kpi, item.mean, item.lo, item.hi)))
                    if k > 0:
                        cell = QTableWidgetItem(format_difference(kpi, item.diff, item.diff_lo, item.diff_hi))
                        if not math.isnan(item.diff_lo) and (item.diff_lo > 0 or item.diff_hi < 0):
                            cell.setFont(bold)
                        self.table.setItem(row, 1 + len(results) + k, cell)
                row += 1
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def cell_text(self, kpi: str, label: str, column: int) -> str:
        """The text of the table cell for ``kpi`` and class ``label`` in ``column`` (for tests and export)."""
        names = {_tr(_KPI_NAMES[kpi]), kpi}
        classes = {_tr(_CLASS_NAMES.get(label, label)), label}
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() in names and self.table.item(row, 1).text() in classes:
                item = self.table.item(row, column)
                return item.text() if item is not None else ""
        raise KeyError(f"no row for {kpi} / {label}")

    def _draw_distributions(self) -> None:
        for plot, column in ((self.wait_plot, "wait_minutes"), (self.response_plot, "response_minutes")):
            plot.clear()
            samples = []
            for result in self.results:
                cases = result.cases
                if cases is None or cases.empty:
                    samples.append(np.zeros(0))
                    continue
                inside = cases[~cases["warmup"] & ~cases["after_horizon"]]
                if "carried" in inside:
                    inside = inside[~inside["carried"]]
                values = inside[column].to_numpy(dtype=float)
                samples.append(values[np.isfinite(values)])
            pooled = np.concatenate(samples) if samples else np.zeros(0)
            if not len(pooled):
                continue
            top = max(1.0, float(np.quantile(pooled, 0.99)))
            edges = np.linspace(0.0, top, 41)
            for k, values in enumerate(samples):
                density, _ = np.histogram(np.clip(values, 0, top), bins=edges)
                share = density / max(1, len(values))
                plot.plot(edges, share, stepMode="center", pen=pg.mkPen(SERIES_COLORS[k], width=2),
                          name=self.results[k].scenario.name)

    def _draw_sla(self) -> None:
        plot = self.sla_plot
        plot.clear()
        if not self.results:
            return
        labels = list(self.results[0].classes)
        width = 0.8 / len(self.results)
        for k, result in enumerate(self.results):
            means, los, his = [], [], []
            for label in labels:
                est = result.estimate("response_compliance", label)
                mean = est["mean"] if est["mean"] is not None else math.nan
                lo, hi = est["ci95"] if est["ci95"] else (mean, mean)
                means.append(mean)
                los.append(lo)
                his.append(hi)
            x = np.arange(len(labels)) + (k - (len(self.results) - 1) / 2) * width
            heights = np.nan_to_num(np.array(means))
            plot.addItem(pg.BarGraphItem(x=x, height=heights, width=width * 0.9, brush=SERIES_COLORS[k],
                                         name=result.scenario.name))
            plot.addItem(pg.ErrorBarItem(x=x, y=heights, top=np.nan_to_num(np.array(his)) - heights,
                                         bottom=heights - np.nan_to_num(np.array(los)), beam=width * 0.3))
        plot.getAxis("bottom").setTicks([[(i, _tr(_CLASS_NAMES.get(name, name))) for i, name in enumerate(labels)]])
        plot.setYRange(0, 1.05)

    def _draw_utilisation(self) -> None:
        plot = self.utilisation_plot
        plot.clear()
        for k, result in enumerate(self.results):
            if result.utilisation.empty:
                continue
            mean = result.utilisation.mean(axis=0).to_numpy(dtype=float)
            plot.plot(np.arange(24), mean, pen=pg.mkPen(SERIES_COLORS[k], width=2), symbol="o", symbolSize=5,
                      symbolBrush=SERIES_COLORS[k], name=result.scenario.name)

    def _street(self) -> Street | None:
        """The street the results were simulated on (None for a street-less scenario)."""
        if self._map_street is None and self.results:
            self._map_street = _street_of(self.results[0].scenario)
        return self._map_street

    def _grid_positions(self) -> dict[str, tuple[float, float]]:
        street = self._street()
        if street is None:
            return {}
        return {grid.id: (centre.x, centre.y) for grid in street.general_grids
                for centre in [street.projection.geometry_to_xy(grid.polygon).centroid]}

    def map_values(self) -> pd.DataFrame:
        """The map's numbers: one row per general grid with ``x``, ``y`` (metres) and ``value``."""
        measure = self.map_measure.currentData()
        choice = self.map_scenario.currentIndex()
        positions = self._grid_positions()
        if not self.results or not positions or choice < 0:
            return pd.DataFrame(columns=["grid", "x", "y", "value"])
        maps = [r.overdue_map().set_index("grid")[measure] for r in self.results]
        if choice >= len(self.results):
            values = maps[-1] - maps[0]
        else:
            values = maps[choice]
        frame = pd.DataFrame({"grid": values.index, "value": values.to_numpy(dtype=float)})
        frame["x"] = [positions[g][0] for g in frame["grid"]]
        frame["y"] = [positions[g][1] for g in frame["grid"]]
        return frame

    def _draw_map(self) -> None:
        street = self._street()
        frame = self.map_values()
        if street is None or frame.empty:
            return
        self.grid_map.set_street(street)
        difference = self.map_scenario.currentIndex() >= len(self.results)
        values = dict(zip(frame["grid"], frame["value"].to_numpy(dtype=float)))

        def text(value: float) -> str:
            return f"{100 * value:+.1f} pp" if difference else f"{100 * value:.1f} %"

        self.grid_map.set_values(values, difference, text, self.tr("no cases"))
        finite = frame[np.isfinite(frame["value"].to_numpy(dtype=float))]
        top = finite.loc[finite["value"].idxmax()] if not finite.empty else None
        name = street.general_grid(top["grid"]).name if top is not None else ""
        if top is not None and top["value"] > 0 and difference:
            self.map_label.setText(self.tr("Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better").format(
                grid=name, value=100 * top["value"]))
        elif top is not None and top["value"] > 0:
            self.map_label.setText(self.tr("Highest: {grid} ({value:.1f} %)").format(grid=name, value=100 * top["value"]))
        else:
            self.map_label.setText(self.tr("No overdue or late cases in any grid"))

    def set_search(self, search: GuardedSearch) -> None:
        """Show the staffing optimiser's answer: grid workers per community and shift, and every guard.

        The upper table has a row per community and a column per shift (today → recommended, bold
        where they differ); the lower one every guard at the answer with its one-sided bounds (at the
        confidence of the scenario's guards).
        """
        self.search = search
        self.tabs.setCurrentWidget(self.search_page)
        self.retranslate_ui()

    def _fill_search(self, search: GuardedSearch) -> None:
        """Both tables of the staffing search, in the UI's language."""
        answer = search.summary(_lang())
        shifts = sorted(answer["current"])
        names = _shift_names(search)
        communities = sorted({c for by in answer["current"].values() for c in by})
        street = _street_of(search.scenario)
        self.search_table.clear()
        self.search_table.setColumnCount(len(shifts))
        self.search_table.setHorizontalHeaderLabels([names.get(s, s) for s in shifts])
        self.search_table.setRowCount(len(communities) + 1)
        self.search_table.setVerticalHeaderLabels([_community_label(street, c) for c in communities] + [self.tr("Total")])
        bold = QFont()
        bold.setBold(True)
        for column, shift in enumerate(shifts):
            now, new = answer["current"][shift], answer["recommendation"].get(shift, {})
            rows = [(now.get(c, 0), new.get(c, 0)) for c in communities]
            rows.append((sum(now.values()), sum(new.values())))
            for row, (today, recommended) in enumerate(rows):
                item = QTableWidgetItem(f"{today} → {recommended}" if not search.cancelled else str(today))
                if today != recommended and not search.cancelled:
                    item.setFont(bold)
                self.search_table.setItem(row, column, item)
        self.search_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.guard_table.clear()
        self.guard_table.setColumnCount(4)
        self.guard_table.setHorizontalHeaderLabels(
            [self.tr("Constraint"), self.tr("Value [one-sided bounds]"), self.tr("Limit"), self.tr("Met")])
        self.guard_table.setRowCount(len(answer["guards"]))
        for row, guard in enumerate(answer["guards"]):
            cells = [guard["label"], format_value("response_compliance", guard["value"], *guard["interval"]),
                     f"{'≥' if guard['name'] != 'overdue_rate' else '≤'} {100 * guard['limit']:.0f} %",
                     self.tr("yes") if guard["pass"] else self.tr("no")]
            for column, text in enumerate(cells):
                self.guard_table.setItem(row, column, QTableWidgetItem(text))
        self.guard_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _search_text(self) -> str:
        """The optimiser's answer in words: each shift's total and what binds it, and the search made."""
        search = self.search
        if search is None:
            return self.tr("No staffing search yet.")
        if search.cancelled:
            return self.tr("The staffing search was cancelled after {runs} staffings; no recommendation.").format(
                runs=search.runs)
        answer = search.summary(_lang())
        names = _shift_names(search)
        lines = []
        for shift in sorted(answer["current"]):
            binding = answer["binding"].get(shift)
            if binding is None or binding.get("value") is None:
                why = binding["label"] if binding else ""
            else:
                why = self.tr("{label} would fall to {value}").format(
                    label=binding["label"], value=format_value("response_compliance", binding["value"], *binding["interval"]))
            lines.append(self.tr("{shift}: {today} → {recommended} grid workers; binding: {why}").format(
                shift=names.get(shift, shift), today=answer["total"]["current"][shift],
                recommended=answer["total"]["recommended"].get(shift, 0), why=why))
        for shift in answer["infeasible"]:
            lines.append(self.tr("{shift}: no staffing up to three times today's meets every constraint.").format(
                shift=names.get(shift, shift)))
        # Guards no headcount fixes, or too few cases decide, are named with the optimiser's own reason.
        lines.extend(f"{guard['label']}: {guard['why']}" for guard in [*answer["not_staff_bound"], *answer["undecided"]])
        lines.append(self.tr("Every constraint at the lower (upper) bound of a one-sided {confidence} % interval over {n} "
                             "replications; {runs} staffings simulated, {years:.1f} street-years.").format(
            confidence=f"{100 * answer['limits']['confidence']:g}", n=answer["replications"], runs=search.runs,
            years=answer["street_years"]))
        return "\n".join(lines)

    # -- export ----------------------------------------------------------------------------------

    def export(self, folder: str | Path) -> list[Path]:
        """Write the comparison and the per-grid map as CSV and every plot as PNG into ``folder``.

        Raises
        ------
        PermissionDenied
            The session's account may not export (nothing is written).
        """
        folder = Path(folder)
        if self._may_export is not None:
            self._may_export("scenario results", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        path = folder / "comparison.csv"
        self.comparison.to_csv(path, index=False)
        written.append(path)
        if self.search is not None and not self.search.cancelled:
            answer = self.search.summary(_lang())
            path = folder / "staffing_search.csv"
            pd.DataFrame([{"shift": shift, "community": community, "current": count,
                           "recommended": answer["recommendation"].get(shift, {}).get(community, 0)}
                          for shift, by in sorted(answer["current"].items()) for community, count in sorted(by.items())]
                         ).to_csv(path, index=False)
            written.append(path)
            path = folder / "staffing_guards.csv"
            pd.DataFrame([{"constraint": g["label"], "kind": g["name"], "risk": g["risk"], "shift": g["shift"],
                           "community": g["community"], "value": g["value"], "lower": g["interval"][0],
                           "upper": g["interval"][1], "limit": g["limit"], "met": g["pass"]} for g in answer["guards"]]
                         ).to_csv(path, index=False)
            written.append(path)
        if self.results:
            grids = pd.concat(
                [r.overdue_map().assign(scenario=r.scenario.name) for r in self.results], ignore_index=True
            )
            path = folder / "overdue_by_grid.csv"
            grids.to_csv(path, index=False)
            written.append(path)
            utilisation = pd.concat(
                [r.utilisation.mean(axis=0).rename(r.scenario.name) for r in self.results], axis=1
            )
            path = folder / "utilisation_by_hour.csv"
            utilisation.rename_axis("hour").to_csv(path)
            written.append(path)
        for name, plot in (
            ("wait", self.wait_plot),
            ("response", self.response_plot),
            ("sla_by_risk", self.sla_plot),
            ("utilisation_by_hour", self.utilisation_plot),
            ("overdue_map", self.map_plot),
        ):
            if plot.width() < 200 or plot.height() < 150:
                plot.resize(800, 500)
            path = folder / f"{name}.png"
            exporter = ImageExporter(plot.plotItem)
            exporter.parameters()["width"] = 1200
            exporter.export(str(path))
            written.append(path)
        return written

    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export comparison to folder"))
        if folder and export_or_explain(self, lambda: self.export(folder)):
            self.sig_export_requested.emit(folder)

    # -- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        for index, text in enumerate((
            self.tr("Comparison"), self.tr("Wait and response"), self.tr("Response target by risk"),
            self.tr("Utilisation by hour"), self.tr("Overdue by grid"), self.tr("Staffing search"),
            self.tr("Sensitivity"), self.tr("Baseline check"),
        )):
            self.tabs.setTabText(index, text)
        self.map_measure.setItemText(0, self.tr("Cases late (no one on scene within target)"))
        self.map_measure.setItemText(1, self.tr("Red cases late"))
        self.map_measure.setItemText(2, self.tr("Overdue rate (past the resolve deadline)"))
        if len(self.results) > 1:
            self.map_scenario.setItemText(
                len(self.results), self.tr("{b} − {a}").format(b=self.results[-1].scenario.name, a=self.results[0].scenario.name)
            )
        self.wait_plot.setTitle(self.tr("Wait (minutes): share of cases"))
        self.response_plot.setTitle(self.tr("Response (minutes): share of cases"))
        self.sla_plot.setTitle(self.tr("Share responded within target, 95 % interval"))
        self.utilisation_plot.setTitle(self.tr("Busy share of on-duty staff by hour"))
        self.map_plot.setTitle(self.tr("General grids"))
        self.export_button.setText(self.tr("Export CSV and PNG…"))
        self.search_label.setText(self._search_text())
        if self.search is not None:
            self._fill_search(self.search)
        if self.validation is not None:
            self._fill_baseline()
        if self.results:
            n = self.results[0].replications
            self.note.setText(
                self.tr("Mean [95 % interval] over {n} replications. Differences are paired by replication "
                        "(common random numbers); bold: the interval excludes zero.").format(n=n)
            )
        else:
            self.note.setText(self.tr("No results yet: run the scenarios."))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _lang() -> str:
    """The answer's language code for :meth:`GuardedSearch.summary`: the UI's."""
    return "zh" if is_chinese() else "en"


def _shift_names(search: GuardedSearch) -> dict[str, str]:
    """Each shift id of the searched scenario's roster with its name and hours."""
    shifts = ground_of(search.scenario).shifts.values()
    return {s.id: f"{s.name or s.id} {s.start // 60:02d}:{s.start % 60:02d}-{s.end // 60 % 24:02d}:{s.end % 60:02d}"
            for s in shifts}


def _street_of(scenario: Scenario) -> Street | None:
    """The map ``scenario`` runs on (None for an abstract queue or a street known only from its log)."""
    if scenario.street in ("none", "log"):
        return None
    return load_street(scenario.street)


def _community_label(street: Street | None, community: str) -> str:
    """``C03 永丰社区`` (the English name in an English UI) where the street is known, else the id."""
    if street is None:
        return community
    try:
        item = street.community(community)
    except KeyError:
        return community
    return f"{community} {item.name if is_chinese() else item.name_en}"


MISSED_COLOR = "#b3261e"
"""The text colour of an indicator the baseline misses."""


def _baseline_value(kpi: Kpi, value: float) -> str:
    """``value`` in the KPI's unit, a share to a tenth of a percent (a baseline is judged on small rates)."""
    if not math.isfinite(value):
        return "–"
    return f"{100 * value:.1f} %" if kpi.unit == SHARE else kpi_value(kpi, value)


def indicator_name(key: str, column: str) -> str:
    """The shown name of a registry KPI column (a KPI with parts: its name and the part's)."""
    kpi = KPIS[key]
    if not kpi.parts:
        return kpi_name(kpi)
    part = dict(zip(kpi.columns, kpi.parts)).get(column, column)
    return f"{kpi_name(kpi)} ({kpi_part_name(kpi, part)})"
