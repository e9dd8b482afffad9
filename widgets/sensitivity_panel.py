"""The sensitivity tornado: how far an answer moves when an input the street only estimates is 20 % off.

Each input of :mod:`simulation.sensitivity` is one row, the largest swing on top; two bars start at
the base answer (zero change), one for the input at -20 % and one at +20 %, each with the whisker of
its paired 95 % interval. A chooser picks the KPI the rows are measured and sorted by.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cockpit.kpi import HOURS, KPIS, MINUTES, RATING, SHARE
from simulation.sensitivity import DEFAULT_KPI, Sensitivity
from widgets.i18n import kpi_name
from widgets.theme import SERIES_COLORS

_INPUT_NAMES = {
    "demand": QT_TRANSLATE_NOOP("SensitivityPanel", "Demand (cases per day)"),
    "work": QT_TRANSLATE_NOOP("SensitivityPanel", "On-scene work time"),
    "accept": QT_TRANSLATE_NOOP("SensitivityPanel", "Acceptance delay"),
    "travel": QT_TRANSLATE_NOOP("SensitivityPanel", "Travel time"),
    "coordination": QT_TRANSLATE_NOOP("SensitivityPanel", "Department waiting time"),
    "triage_dispatch": QT_TRANSLATE_NOOP("SensitivityPanel", "Triage and dispatch delays"),
    "grid_workers": QT_TRANSLATE_NOOP("SensitivityPanel", "Grid workers on every shift"),
    "reopen": QT_TRANSLATE_NOOP("SensitivityPanel", "Reopen probability"),
}
"""The name of every input of :data:`simulation.sensitivity.INPUTS` on screen (a test checks none is missing)."""

_OWN_KPIS = {
    "response_minutes": (QT_TRANSLATE_NOOP("SensitivityPanel", "Report to on scene"), MINUTES),
    "utilisation": (QT_TRANSLATE_NOOP("SensitivityPanel", "Utilisation of staff on duty"), SHARE),
}
"""The simulation's own measures offered beside the registry's KPIs: name and unit."""

CHOSEN_KPIS = tuple(k for k, kpi in KPIS.items() if not kpi.parts and k != "open_cases") + tuple(_OWN_KPIS)
"""The KPIs the chooser offers (an open case is none at the end of a run that drains)."""

_BAR = 0.36
"""Height of one bar; the low and high bars of an input sit side by side within one row."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensitivityPanel", text)


def input_name(key: str) -> str:
    """The shown name of a tornado input."""
    return _tr(_INPUT_NAMES[key])


def _kpi_label(key: str) -> str:
    if key in _OWN_KPIS:
        return _tr(_OWN_KPIS[key][0])
    return kpi_name(KPIS[key])


def _unit(key: str) -> str:
    return _OWN_KPIS[key][1] if key in _OWN_KPIS else KPIS[key].unit


def change_text(key: str, value: float) -> str:
    """A signed change of KPI ``key`` in its unit (percentage points for shares)."""
    if value is None or math.isnan(value):
        return "–"
    unit = _unit(key)
    if unit == SHARE:
        return QCoreApplication.translate("SensitivityPanel", "{v:+.1f} pp").format(v=100 * value)
    if unit == MINUTES:
        return QCoreApplication.translate("SensitivityPanel", "{v:+.1f} min").format(v=value)
    if unit == HOURS:
        return QCoreApplication.translate("SensitivityPanel", "{v:+.2f} h").format(v=value)
    return f"{value:+.3g}"


class SensitivityPanel(QWidget):
    """Shows a :class:`~simulation.sensitivity.Sensitivity` as a horizontal tornado; owns the plot and the KPI chooser.

    The bars and whiskers are built once and updated in place. Emits nothing: the tornado is read,
    not edited.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sensitivity: Sensitivity | None = None
        self.kpi = QComboBox()
        for key in CHOSEN_KPIS:
            self.kpi.addItem("", key)
        self.kpi.setCurrentIndex(CHOSEN_KPIS.index(DEFAULT_KPI))
        self.kpi_label = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("sensitivity-note")
        self.plot = pg.PlotWidget()
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.low_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=_BAR, brush=SERIES_COLORS[0])
        self.high_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=_BAR, brush=SERIES_COLORS[1])
        self.whiskers = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), pen=pg.mkPen("#444", width=1.5), beam=0.12)
        self.legend = QLabel()
        self.legend.setObjectName("sensitivity-legend")
        for item in (self.low_bars, self.high_bars, self.whiskers):
            self.plot.addItem(item)
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#222", width=1)))

        controls = QHBoxLayout()
        controls.addWidget(self.kpi_label)
        controls.addWidget(self.kpi)
        controls.addStretch(1)
        controls.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        self.kpi.currentIndexChanged.connect(self._draw)
        self.retranslate_ui()

    @property
    def chosen_kpi(self) -> str:
        return self.kpi.currentData()

    def set_sensitivity(self, sensitivity: Sensitivity) -> None:
        """Show ``sensitivity`` (its inputs sorted by swing of the chosen KPI)."""
        self.sensitivity = sensitivity
        self._draw()

    def rows(self) -> list[tuple[str, float, float]]:
        """The drawn rows top to bottom: (input, change at low, change at high) of the chosen KPI."""
        if self.sensitivity is None or self.chosen_kpi not in self.sensitivity.kpis:
            return []
        return [(r.input, r.low, r.high) for r in self.sensitivity.swings(self.chosen_kpi).itertuples(index=False)]

    def _draw(self) -> None:
        self._show_note()
        sens = self.sensitivity
        key = self.chosen_kpi
        self.plot.setLabel("bottom", self.tr("Change from the base ({unit})").format(unit=_unit_name(key)))
        if sens is None or key not in sens.kpis:
            self.low_bars.setOpts(x0=[], y=[], width=[])
            self.high_bars.setOpts(x0=[], y=[], width=[])
            self.whiskers.setData(x=np.zeros(0), y=np.zeros(0))
            self.plot.getAxis("left").setTicks([[]])
            return
        swings = sens.swings(key)
        n = len(swings)
        # Shares are drawn in percentage points, as the axis says.
        factor = 100.0 if _unit(key) == SHARE else 1.0
        rows = np.arange(n, dtype=float)[::-1]
        low = np.nan_to_num(swings["low"].to_numpy(dtype=float)) * factor
        high = np.nan_to_num(swings["high"].to_numpy(dtype=float)) * factor
        self.low_bars.setOpts(x0=np.minimum(low, 0), width=np.abs(low), y=rows + _BAR / 2)
        self.high_bars.setOpts(x0=np.minimum(high, 0), width=np.abs(high), y=rows - _BAR / 2)
        centre = np.concatenate([low, high])
        lo = np.concatenate([swings["low_lo"], swings["high_lo"]]).astype(float) * factor
        hi = np.concatenate([swings["low_hi"], swings["high_hi"]]).astype(float) * factor
        self.whiskers.setData(x=centre, y=np.concatenate([rows + _BAR / 2, rows - _BAR / 2]),
                              left=np.nan_to_num(centre - lo), right=np.nan_to_num(hi - centre),
                              top=np.zeros(2 * n), bottom=np.zeros(2 * n))
        names = [input_name(k) for k in swings["input"]]
        left = self.plot.getAxis("left")
        left.setTicks([list(zip(rows, names))])
        # pyqtgraph sizes the axis before the labels are known; make room for the longest name.
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        left.setWidth(max(metrics.horizontalAdvance(name) for name in names) + 16 if names else None)
        self.plot.setYRange(-0.7, n - 0.3, padding=0)
        reach = np.nanmax(np.abs(np.concatenate([lo, hi, centre]))) if n else 0.0
        reach = reach if reach > 0 else 1.0
        self.plot.setXRange(-1.1 * reach, 1.1 * reach, padding=0)

    def _show_note(self) -> None:
        sens = self.sensitivity
        key = self.chosen_kpi
        if sens is None:
            self.note.setText(self.tr("No sensitivity run yet: “Sensitivity ±20 %” moves each input the street only "
                                      "estimates by 20 % either way and shows how far the answer moves."))
            return
        base = sens.base.estimate(key)["mean"] if key in sens.kpis else None
        shown = "–" if base is None else _value_text(key, base)
        text = self.tr("{scenario}: {kpi} is {base} at the base. Bars: the change with each input at −{p:.0f} % and "
                       "+{p:.0f} %, whiskers its 95 % interval over {n} paired replications.").format(
            scenario=sens.scenario.name, kpi=_kpi_label(key), base=shown, p=100 * sens.scale, n=sens.replications)
        if key in sens.kpis and not sens.swings(key).empty:
            top = sens.swings(key).iloc[0]
            text += " " + self.tr("Largest: {name}, {low} at −{p:.0f} % and {high} at +{p:.0f} %.").format(
                name=input_name(top["input"]), low=change_text(key, top["low"]), high=change_text(key, top["high"]),
                p=100 * sens.scale)
        if sens.cancelled:
            text += " " + self.tr("Cancelled: only the inputs that finished are shown.")
        self.note.setText(text)

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        for index, key in enumerate(CHOSEN_KPIS):
            self.kpi.setItemText(index, _kpi_label(key))
        self.kpi_label.setText(self.tr("Indicator"))
        scale = 100 * (self.sensitivity.scale if self.sensitivity is not None else 0.2)
        # A label, not a pyqtgraph legend: the legend's anchor broke on a language change.
        low = self.tr("input −{p:.0f} %").format(p=scale)
        high = self.tr("input +{p:.0f} %").format(p=scale)
        low_mark, high_mark = (f'<span style="color:{SERIES_COLORS[k].name()}">■</span>' for k in (0, 1))
        self.legend.setText(f"{low_mark} {low}\u00a0\u00a0\u00a0{high_mark} {high}")
        self._draw()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _unit_name(key: str) -> str:
    unit = _unit(key)
    if unit == SHARE:
        return QCoreApplication.translate("SensitivityPanel", "percentage points")
    if unit == MINUTES:
        return QCoreApplication.translate("SensitivityPanel", "minutes")
    if unit == HOURS:
        return QCoreApplication.translate("SensitivityPanel", "hours")
    if unit == RATING:
        return QCoreApplication.translate("SensitivityPanel", "rating points")
    return QCoreApplication.translate("SensitivityPanel", "cases")


def _value_text(key: str, value: float) -> str:
    unit = _unit(key)
    if unit == SHARE:
        return f"{100 * value:.1f} %"
    if unit == MINUTES:
        return QCoreApplication.translate("SensitivityPanel", "{v:.1f} min").format(v=value)
    if unit == HOURS:
        return QCoreApplication.translate("SensitivityPanel", "{v:.2f} h").format(v=value)
    return f"{value:.3g}"


