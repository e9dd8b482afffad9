"""Today's KPIs against the published targets, and the plots that explain them.

One tile per KPI of the registry (:data:`cockpit.kpi.KPIS`, in its order) for today's (Asia/Shanghai
day) cases, each green or red against its target from resources/targets.toml where it has one; a
KPI with parts (the resolved-at-level shares, "小事不出网格、难事不出社区、大事不出街道") is a wide tile.
Plots: cases per hour today against the usual day, the response-time distribution and overdue cases
by community. Recomputed at most every few seconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFontInfo
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cockpit.kpi import KPIS, compute_kpis
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ
from cockpit.vocabulary.targets import RESPONSE_TARGET
from widgets import i18n
from widgets.plumbing import Connections, InkLabel, Throttle
from widgets.theme import (
    BAD_COLOR,
    COMPARISON_COLOR,
    DENSE_VALUE_SCALE,
    OK_COLOR,
    PLOT_COLORS,
    RISK_COLORS,
    WIDE_VALUE_SCALE,
    scaled_font,
    theme_of,
)
from widgets.twin_model import TwinModel

REFRESH_MS = 5000
"""KPIs are recomputed at most this often, whatever the event rate."""
RESPONSE_BIN_MINUTES = 10
RESPONSE_BINS = 13
"""Response-time histogram: 10-minute bins up to 2 h, the last bin holds everything later."""
OVERDUE_TOP = 8
"""The overdue plot ranks the communities with the most overdue open cases, at most this many."""
OVERDUE_MIN_ROWS = 4
"""Rows the overdue plot keeps even for fewer communities, so one bar does not fill the plot."""
STRIP_VALUE_SCALE = 1.6
"""The value's type in a strip tile, times the body text: read across a desk, beside its title."""


STRIP_KEYS = ("response_minutes_mean", "closure_rate", "overdue_rate", "satisfaction_rate")
"""The tiles of the compact strip under the wall map (journey step 1)."""
COLUMNS = 6
"""Tiles per row of the full panel."""


def today_frame(frame: pd.DataFrame, now: datetime) -> pd.DataFrame:
    """Cases reported on ``now``'s local (Asia/Shanghai) day."""
    start = now.astimezone(LOCAL_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    reported = frame["reported_at"]
    return frame[(reported >= pd.Timestamp(start)) & (reported <= pd.Timestamp(now))]


def cases_per_hour(frame: pd.DataFrame) -> np.ndarray:
    """Reports per local hour of day (24 counts)."""
    hours = frame["reported_at"].dt.tz_convert(LOCAL_TZ).dt.hour
    return np.bincount(hours.to_numpy(dtype=int), minlength=24)[:24].astype(float)


def usual_per_hour(frame: pd.DataFrame, now: datetime) -> np.ndarray | None:
    """Mean reports per local hour over the full days before today in ``frame`` (None if none).

    The day of the first report is left out: the history may start in the middle of it, and its
    empty morning would drag the usual day's early hours towards zero.
    """
    start = pd.Timestamp(now.astimezone(LOCAL_TZ).replace(hour=0, minute=0, second=0, microsecond=0))
    local_days = frame["reported_at"].dt.tz_convert(LOCAL_TZ).dt.normalize()
    before = frame[(frame["reported_at"] < start) & (local_days > local_days.min())] if len(frame) else frame
    if before.empty:
        return None
    days = before["reported_at"].dt.tz_convert(LOCAL_TZ).dt.date.nunique()
    return cases_per_hour(before) / max(days, 1)


def response_minutes(frame: pd.DataFrame) -> np.ndarray:
    """Minutes from report to acceptance of the accepted cases."""
    accepted = frame.dropna(subset=["accepted_at"])
    return ((accepted["accepted_at"] - accepted["reported_at"]).dt.total_seconds() / 60.0).to_numpy()


class TodayKpis(QObject):
    """Today's KPIs of the twin, recomputed at most every ``refresh_ms`` and shared by every KPI view.

    Signals
    -------
    kpis_changed()
        :attr:`kpis`, :attr:`frame` and :attr:`today` hold a new computation.

    The computation (tens of milliseconds of pandas for a day's cases) runs on the GUI thread, at
    most once per ``refresh_ms`` whatever the event rate: cheaper and simpler than a worker thread
    whose results would have to outlive the windows that asked for them.
    """

    kpis_changed = Signal()

    def __init__(self, model: TwinModel, refresh_ms: int = REFRESH_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._twin = model.twin
        self.kpis: dict = {}
        self.frame: pd.DataFrame | None = None
        self.today: pd.DataFrame | None = None
        self._throttle = Throttle(self.refresh, refresh_ms, self)
        self._connections = Connections()
        self._connections.connect(model.cases_changed, self._on_changed)
        self._connections.connect(model.clock_changed, self._on_changed)

    @Slot()
    def _on_changed(self, *_args: object) -> None:
        self._throttle.poke()

    def refresh(self) -> None:
        """Recompute from the twin as it is now."""
        now = self._twin.now
        if now is None:
            return
        self.frame = self._twin.cases_frame()
        self.today = today_frame(self.frame, now)
        self.kpis = _compute(self.today, now)
        self.kpis_changed.emit()

    def close(self) -> None:
        """Stop listening to the model."""
        self._throttle.stop()
        self._connections.disconnect_all()


def _compute(today: pd.DataFrame, now: datetime) -> dict:
    return dict(compute_kpis(today, now=now)) if len(today) else {}


class KpiTile(QFrame):
    """A value with its title and target, coloured ok / not ok (QSS property ``state``).

    A ``wide`` tile holds several figures in one line, in smaller type (QSS property ``wide``) so that
    they fit its span on every screen; a ``dense`` one (QSS property ``dense``) shares the screen with
    many others and plots. A ``strip`` tile (the KPI strip over the map) puts its title and target on
    the left and the value beside them, half the height of a stacked tile, so the map keeps its room
    on a 1366x768 desk.
    """

    def __init__(self, parent: QWidget | None = None, wide: bool = False, dense: bool = False,
                 strip: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.wide = wide
        self.dense = dense
        self.strip = strip
        self.title = InkLabel()
        self.value = InkLabel("—")
        self.value.setObjectName("tileValue")
        self.value.setProperty("wide", wide)
        self.value.setProperty("dense", dense and not wide)
        self.target = InkLabel()
        self.target.setObjectName("tileTarget")
        if strip:
            layout = QGridLayout(self)
            layout.setContentsMargins(8, 2, 8, 2)
            layout.setVerticalSpacing(0)
            layout.addWidget(self.title, 0, 0)
            layout.addWidget(self.target, 1, 0)
            layout.addWidget(self.value, 0, 1, 2, 1)
            layout.setColumnStretch(1, 1)
            self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            stacked = QVBoxLayout(self)
            for label in (self.title, self.value, self.target):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                stacked.addWidget(label)
        # Figures are never cut: the plots below give way instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._fit_fonts()

    def set_state(self, state: str) -> None:
        """"ok", "bad" or "" (no target); restyled only when it changes (a style sheet pass is not free)."""
        if self.property("state") == state:
            return
        for widget in (self, self.value):
            widget.setProperty("state", state)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _fit_fonts(self) -> None:
        scale = (WIDE_VALUE_SCALE if self.wide else STRIP_VALUE_SCALE if self.strip
                 else DENSE_VALUE_SCALE if self.dense else 2.0)
        self.value.setFont(scaled_font(self.font(), scale, bold=True))
        self.target.setFont(scaled_font(self.font(), 0.8))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_fonts()
        super().changeEvent(event)


class KpiPanel(QWidget):
    """Tiles of today's KPIs and three plots; ``compact`` shows only the four-tile strip.

    Shows the figures of ``source`` (a :class:`TodayKpis`, shared between panels so the computation
    runs once; a private one when None); emits nothing. ``usual_hourly`` is the expected reports per
    hour of a usual day (from history), used when the twin holds no earlier day of its own.
    """

    def __init__(self, model: TwinModel, parent: QWidget | None = None, compact: bool = False,
                 usual_hourly: Sequence[float] | None = None, source: TodayKpis | None = None,
                 refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self.source = source if source is not None else TodayKpis(model, refresh_ms, self)
        self.compact = compact
        self._usual = np.asarray(usual_hourly, dtype=float) if usual_hourly is not None else None
        kpis = [KPIS[key] for key in STRIP_KEYS] if compact else list(KPIS.values())
        self._kpis = {kpi.key: kpi for kpi in kpis}
        self.tiles: dict[str, KpiTile] = {}
        tiles = QGridLayout()
        narrow = [kpi for kpi in kpis if not kpi.parts]
        columns = len(narrow) if compact else COLUMNS
        for index, kpi in enumerate(narrow):
            self.tiles[kpi.key] = KpiTile(dense=not compact, strip=compact)
            tiles.addWidget(self.tiles[kpi.key], index // columns, index % columns)
        # Wide tiles fill the last row's free cells when there are at least two, then rows of their own.
        row, column = divmod(len(narrow), columns)
        for kpi in (k for k in kpis if k.parts):
            if columns - column < 2:
                row, column = row + 1, 0
            self.tiles[kpi.key] = KpiTile(wide=True)
            tiles.addWidget(self.tiles[kpi.key], row, column, 1, columns - column)
            row, column = row + 1, 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tiles)
        self.plots: dict[str, pg.PlotWidget] = {}
        if not compact:
            self._build_plots(layout)
        self._connections = Connections()
        self._connections.connect(self.source.kpis_changed, self._show)
        self.retranslate_ui()

    def _build_plots(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.plot_titles: dict[str, QLabel] = {}
        for key in ("hourly", "response", "overdue"):
            title = QLabel()
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setWordWrap(True)
            self.plot_titles[key] = title
            plot = pg.PlotWidget()
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.showGrid(x=False, y=True, alpha=0.25)
            self.plots[key] = plot
            column = QVBoxLayout()
            column.addWidget(title)
            if key == "overdue":
                column.addWidget(self._overdue_stack(plot), 1)
            else:
                column.addWidget(plot, 1)
            row.addLayout(column)
        layout.addLayout(row, 1)
        hours = np.arange(24)
        self.today_bars = pg.BarGraphItem(x=hours, height=np.zeros(24), width=0.8, brush=RISK_COLORS[RiskLevel.BLUE])
        self.usual_curve = pg.PlotDataItem(hours, np.zeros(24), pen=pg.mkPen(COMPARISON_COLOR, width=3))
        self.plots["hourly"].addItem(self.today_bars)
        self.plots["hourly"].addItem(self.usual_curve)
        centres = (np.arange(RESPONSE_BINS) + 0.5) * RESPONSE_BIN_MINUTES
        self.response_bars = pg.BarGraphItem(x=centres, height=np.zeros(RESPONSE_BINS),
                                             width=RESPONSE_BIN_MINUTES * 0.85, brush=OK_COLOR)
        self.plots["response"].addItem(self.response_bars)
        self.response_target = pg.InfiniteLine(RESPONSE_TARGET.total_seconds() / 60, angle=90, pen=pg.mkPen(BAD_COLOR, width=2,
                                                                           style=Qt.PenStyle.DashLine))
        self.plots["response"].addItem(self.response_target)
        # Ranked horizontal bars named by community: a wall reader needs the names, not 23 ids.
        self.overdue_bars = pg.BarGraphItem(x0=np.zeros(OVERDUE_TOP), y=np.arange(OVERDUE_TOP, dtype=float),
                                            width=np.zeros(OVERDUE_TOP), height=0.7, brush=BAD_COLOR)
        self.plots["overdue"].addItem(self.overdue_bars)
        self.plots["overdue"].invertY(True)
        self.plots["overdue"].showGrid(x=True, y=False, alpha=0.25)
        self.plots["hourly"].setXRange(-0.5, 23.5, padding=0)
        self.plots["response"].setXRange(0, RESPONSE_BINS * RESPONSE_BIN_MINUTES, padding=0.02)
        self.overdue_ranking: list[tuple[str, int]] = []

    def _overdue_stack(self, plot: pg.PlotWidget) -> QStackedWidget:
        """The overdue plot, or in its place a message when no open case is overdue (an empty axis says nothing)."""
        self.overdue_message = QLabel()
        self.overdue_message.setObjectName("allClear")
        self.overdue_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overdue_message.setWordWrap(True)
        self.overdue_message.setStyleSheet(f"color: {OK_COLOR.name()}; font-weight: bold;")
        self.overdue_stack = QStackedWidget()
        self.overdue_stack.addWidget(plot)
        self.overdue_stack.addWidget(self.overdue_message)
        return self.overdue_stack

    # ------------------------------------------------------------ computing

    @property
    def kpis(self) -> dict:
        return self.source.kpis

    def refresh(self) -> None:
        """Recompute today's KPIs now and show them (normally the shared source does it, throttled)."""
        self.source.refresh()

    @Slot()
    def _show(self) -> None:
        now, frame, today, kpis = self._twin.now, self.source.frame, self.source.today, self.source.kpis
        if now is None or frame is None or today is None:
            return
        for key, tile in self.tiles.items():
            kpi = self._kpis[key]
            value = kpis.get(key)
            if kpi.parts:
                shares = {part: share for part, share in (value or {}).items() if share is not None}
                tile.value.setText(" · ".join(f"{i18n.kpi_part_name(kpi, part)} {i18n.kpi_value(kpi, shares.get(part, 0.0))}"
                                              for part in kpi.parts) if shares else "—")
                continue
            if value is None:
                tile.value.setText("—")
                tile.set_state("")
                continue
            tile.value.setText(i18n.kpi_value(kpi, float(value)))
            tile.set_state("" if kpi.target is None else ("ok" if kpi.target.met(float(value)) else "bad"))
        if self.plots:
            self._refresh_plots(frame, today, now)

    def _refresh_plots(self, frame: pd.DataFrame, today: pd.DataFrame, now: datetime) -> None:
        self.today_bars.setOpts(height=cases_per_hour(today))
        # The expectation of a full day when given: a history that starts mid-day (the demo's
        # bootstrap) would show a usual day with nothing before its first hour.
        usual = self._usual if self._usual is not None else usual_per_hour(frame, now)
        self.usual_curve.setData(np.arange(24), usual if usual is not None else np.zeros(24))
        minutes = response_minutes(today)
        counts = np.bincount(np.minimum(minutes // RESPONSE_BIN_MINUTES, RESPONSE_BINS - 1).astype(int),
                             minlength=RESPONSE_BINS) if len(minutes) else np.zeros(RESPONSE_BINS)
        self.response_bars.setOpts(height=counts.astype(float))
        self.overdue_ranking = overdue_by_community(self._twin, now)[:OVERDUE_TOP]
        self._show_overdue()
        hourly_top = max(cases_per_hour(today).max(initial=0), usual.max(initial=0) if usual is not None else 0)
        for key, top in (("hourly", hourly_top), ("response", counts.max(initial=0))):
            self.plots[key].setYRange(0, max(1.0, float(top) * 1.1), padding=0)
            _count_ticks(self.plots[key].getAxis("left"), float(top))

    def _show_overdue(self) -> None:
        ranking = self.overdue_ranking
        plot = self.plots["overdue"]
        counts = np.zeros(OVERDUE_TOP)
        counts[:len(ranking)] = [n for _, n in ranking]
        self.overdue_bars.setOpts(width=counts)
        street = self._twin.street
        plot.getAxis("left").setTicks([[(i, i18n.community_name(street, c)) for i, (c, _) in enumerate(ranking)]])
        top = float(counts.max(initial=0))
        plot.setXRange(0, max(1.0, top * 1.15), padding=0)
        plot.setYRange(-0.5, max(len(ranking), OVERDUE_MIN_ROWS) - 0.5, padding=0)
        _count_ticks(plot.getAxis("bottom"), top)
        self.overdue_stack.setCurrentWidget(plot if ranking else self.overdue_message)

    # ------------------------------------------------------------ look and language

    def set_dark(self, dark: bool) -> None:
        """Plot backgrounds and axes for the dark (wall) or light theme."""
        colors = PLOT_COLORS[theme_of(dark)]
        for plot in self.plots.values():
            plot.setBackground(colors.background)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(colors.foreground)
                axis.setTextPen(colors.foreground)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        for key, tile in self.tiles.items():
            kpi = self._kpis[key]
            tile.title.setText(i18n.kpi_name(kpi))
            tile.target.setText(i18n.kpi_target(kpi) or " ")
        if self.plots:
            self.plot_titles["hourly"].setText(self.tr("Cases per hour: today (bars) and a usual day (line)"))
            self.plot_titles["response"].setText(self.tr("Response time today (minutes)"))
            self.plot_titles["overdue"].setText(self.tr("Overdue open cases by community"))
            self.overdue_message.setText(self.tr("No overdue cases"))
        self._show()

    def _fit_plot_fonts(self) -> None:
        font = self.font()
        for plot in self.plots.values():
            for name in ("left", "bottom"):
                plot.getAxis(name).setStyle(tickFont=font)
        if self.plots:
            # Lines as heavy as the text's strokes: a 3 px line that reads on 1080p is a hairline on 4K.
            width = max(2, round(QFontInfo(font).pixelSize() / 9))
            self.usual_curve.setPen(pg.mkPen(COMPARISON_COLOR, width=width))
            self.response_target.setPen(pg.mkPen(BAD_COLOR, width=width, style=Qt.PenStyle.DashLine))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_plot_fonts()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._connections.disconnect_all()
        # A shared source serves panels of one window, which close together.
        self.source.close()
        super().closeEvent(event)


def overdue_by_community(twin: TwinState, now: datetime) -> list[tuple[str, int]]:
    """(community id, overdue open cases) of the communities with any, most first (ties by id)."""
    counts: dict[str, int] = {}
    for case in twin.open_cases():
        if case.overdue(now):
            counts[case.community_id] = counts.get(case.community_id, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _count_ticks(axis: pg.AxisItem, top: float) -> None:
    """Whole-number ticks for an axis of counts (no "0.2 cases"), about five of them up to ``top``."""
    rough = max(1.0, top / 5)
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    axis.setTickSpacing(major=step, minor=step)
