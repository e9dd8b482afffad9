"""The debrief of a training session: each decision beside the record and the best choice, with scores.

A timeline strip shows every decision as a bar whose height is its score (green for a good one,
amber for a partial one, red for a poor one); the table below lists what the trainee did, what the
record did, the best available choice and the scores. It saves as PNG (the whole view) and CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.training import Debrief
from cockpit.twin import SHANGHAI

COLUMNS = ("decided_at", "kind", "case_id", "action", "recorded", "best", "sla_score", "choice_score",
           "score")


def score_colour(score: float) -> QColor:
    """Green at 80 and over, amber from 50, red below."""
    if score >= 80:
        return QColor("#2e7d32")
    if score >= 50:
        return QColor("#f9a825")
    return QColor("#c62828")


class ScoreStrip(QWidget):
    """One bar per decision, in time order, its height the score out of 100."""

    def __init__(self, scores: list[float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = scores
        self.setMinimumHeight(60)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect().adjusted(2, 2, -2, -2)
        if self.scores:
            width = rect.width() / len(self.scores)
            for i, score in enumerate(self.scores):
                height = rect.height() * max(score, 2.0) / 100
                painter.fillRect(QRectF(rect.left() + i * width + 1, rect.bottom() - height, max(width - 2, 1),
                                        height), score_colour(score))
        painter.end()


class DebriefView(QWidget):
    """Shows a :class:`~cockpit.training.Debrief`; exports it as PNG and CSV.

    Signals
    -------
    sig_show_case_requested(str)
        The trainer double-clicked a decision to see its case.
    """

    sig_show_case_requested = Signal(str)

    def __init__(self, debrief: Debrief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.debrief = debrief
        self.title = QLabel()
        self.title.setObjectName("debriefTitle")
        self.strip = ScoreStrip([d.score for d in debrief.decisions])
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.png_button = QPushButton()
        self.csv_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self.table.cellDoubleClicked.connect(self._on_double_clicked)
        self._fill()
        self.retranslate_ui()

    def _fill(self) -> None:
        rows = self.debrief.rows()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, column in enumerate(COLUMNS):
                item = QTableWidgetItem(str(row[column]))
                if column == "score":
                    item.setForeground(score_colour(float(row[column])))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def save_png(self, path: Path) -> Path:
        """The whole view as a PNG image."""
        self.grab().save(str(path))
        return path

    def save_csv(self, path: Path) -> Path:
        self.debrief.export_csv(path)
        return path

    @Slot()
    def _ask_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save debrief as PNG"), "debrief.png", "PNG (*.png)")
        if name:
            self.save_png(Path(name))

    @Slot()
    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save debrief as CSV"), "debrief.csv", "CSV (*.csv)")
        if name:
            self.save_csv(Path(name))

    @Slot(int, int)
    def _on_double_clicked(self, row: int, column: int) -> None:
        self.sig_show_case_requested.emit(self.debrief.decisions[row].case_id)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        d = self.debrief
        total = "—" if d.total_score is None else f"{d.total_score:.1f}"
        start = d.window_start.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        end = d.window_end.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        self.title.setText(self.tr("Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}").format(
            trainee=d.trainee, start=start, end=end, n=len(d.decisions), total=total))
        headers = [self.tr("Time"), self.tr("Decision"), self.tr("Case"), self.tr("Trainee did"),
                   self.tr("Record did"), self.tr("Best available"), self.tr("SLA"), self.tr("Choice"),
                   self.tr("Score")]
        self.table.setHorizontalHeaderLabels(headers)
        self.png_button.setText(self.tr("Export PNG"))
        self.csv_button.setText(self.tr("Export CSV"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
