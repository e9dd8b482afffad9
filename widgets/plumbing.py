"""Qt plumbing shared by the panels: rate-limited refreshes, model connections undone on close, fitting text.

Panels redraw on model signals that may arrive 20 times a second; a :class:`Throttle` turns any burst
into one call now and, if more came, one more at the end of the interval, so the last state is
always shown and the cost does not grow with the arrival rate. :class:`Connections` remembers what a
panel connected to its model so that closing the panel disconnects exactly that, once. Wall type is
large: :class:`ElidedLabel` and :func:`fit_columns` shorten text with an ellipsis rather than cut it
mid-word or push a column off the screen, and :func:`fill_combo` refills the panels' filter boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QSize,
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QScrollArea, QSizePolicy, QTableView, QWidget


class Throttle(QObject):
    """Calls ``callback`` on :meth:`poke`, at most once per ``interval_ms``; owns one single-shot timer."""

    def __init__(self, callback: Callable[[], None], interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._interval = interval_ms
        self._elapsed = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def poke(self) -> None:
        """Ask for a call: now if the interval has passed, else once when it has."""
        if self._timer.isActive():
            return
        if not self._elapsed.isValid() or self._elapsed.elapsed() >= self._interval:
            self._fire()
        else:
            self._timer.start(max(0, self._interval - self._elapsed.elapsed()))

    def stop(self) -> None:
        """Drop a pending call (on close)."""
        self._timer.stop()

    def _fire(self) -> None:
        self._elapsed.start()
        self._callback()


class Connections:
    """The (signal, slot) pairs a view connected to its model; :meth:`disconnect_all` undoes them once."""

    def __init__(self) -> None:
        self._pairs: list[tuple[SignalInstance, Callable[..., Any]]] = []

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def disconnect_all(self) -> None:
        pairs, self._pairs = self._pairs, []
        for signal, slot in pairs:
            signal.disconnect(slot)


class KeyedTableModel(QAbstractTableModel):
    """A table of records by id (``_ids``) with named columns whose headers are translated in ``context``.

    Subclasses set ``_ids`` and give ``columns``, ``headers`` (column → English source text) and
    ``context`` (the translation context of those headers); they implement ``data``.
    """

    columns: tuple[str, ...] = ()
    headers: dict[str, str] = {}
    context = ""
    _ids: list[str]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, self.headers[self.columns[section]])
        return None


def fill_combo(box: QComboBox, any_text: str, items: list[tuple[Any, str]]) -> None:
    """Refill a filter combo box (``any_text`` first, meaning no filter) keeping its selection, silently."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(any_text, None)
    for data, text in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


class ElidedLabel(QLabel):
    """A one-line label that ends its text with "…" when it is too narrow; the full text is the tooltip.

    It never asks for more width than it gets, so a long text cannot widen the window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(width, 0)))


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: on a small screen it scrolls instead of pushing the
    window's other panels out of their room."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class InkLabel(QLabel):
    """A one-line label that asks for the width its text's ink covers (glyphs may overhang their
    advance by a pixel or two), so that a figure is never clipped at its edge."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        margins = self.contentsMargins()
        ink = self.fontMetrics().boundingRect(self.text()).width() + margins.left() + margins.right()
        return QSize(max(hint.width(), ink + 2 * self.margin()), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()


class MessageLabel(QLabel):
    """A line that takes no room while it has nothing to say (a refusal, a note): hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def fit_columns(view: QTableView) -> None:
    """Size columns to their contents, then narrow the widest ones until all fit the view's width.

    The columns keep at least the width of their header; a narrowed cell ends in "…" (the view's
    text elide mode), so every column, the last one included, stays on screen.
    """
    header = view.horizontalHeader()
    available = view.viewport().width()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    # From the contents, not the current sizes: a stretched last section is as wide as the view.
    widths = {c: max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns}
    if not columns:
        return
    spare = available - sum(widths.values())
    if available <= 0 or spare >= 0:
        for c in columns:
            header.resizeSection(c, widths[c])
        if spare > 0 and header.stretchLastSection():
            header.resizeSection(columns[-1], widths[columns[-1]] + spare)
        return
    floors = {c: min(widths[c], header.sectionSizeFromContents(c).width()) for c in columns}
    # Water-filling: the cap where the widest columns, cut down to it, make everything fit.
    low, high = 0, max(widths.values())
    while low < high:
        cap = (low + high + 1) // 2
        if sum(max(floors[c], min(widths[c], cap)) for c in columns) <= available:
            low = cap
        else:
            high = cap - 1
    for c in columns:
        header.resizeSection(c, max(floors[c], min(widths[c], low)))


class ColumnFitter(QObject):
    """Keeps a table's columns fitted (:func:`fit_columns`) whenever its viewport changes size.

    It watches the viewport itself: a panel's resize event comes before its layout has resized
    the table, so fitting there would use the old width.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            fit_columns(self._view)
        return False
