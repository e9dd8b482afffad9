"""The debrief of a training session: each decision beside the record and the best choice, with its score.

A timeline strip shows every decision as a bar whose height is its score (green for a good one,
amber for a partial one, red for a poor one); the table below lists, in the window's language, what
the trainee did, what the record did, the best available choice and the scores. It is exported as
PDF (the document for the trainee's file), PNG (the view as shown) and CSV (one row a decision, in
machine form).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, Qt, Signal, Slot
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

from cockpit.security.authorizer import ExportCheck
from cockpit.street.model import Street
from cockpit.training import CHOICE_PART, DISPATCH, ESCALATE, SCORED, SLA_PART, TRIAGE, Debrief, Decision
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets import i18n
from widgets.export_gate import export_or_explain
from widgets.pdf import page, picture, section, table, write_pdf
from widgets.theme import BAD_COLOR, OK_COLOR, SLA_AMBER

KIND_NAMES = {
    TRIAGE: QT_TRANSLATE_NOOP("Debrief", "triage"),
    DISPATCH: QT_TRANSLATE_NOOP("Debrief", "dispatch"),
    ESCALATE: QT_TRANSLATE_NOOP("Debrief", "escalate"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("Debrief", "Time"),
    QT_TRANSLATE_NOOP("Debrief", "Decision"),
    QT_TRANSLATE_NOOP("Debrief", "Case"),
    QT_TRANSLATE_NOOP("Debrief", "Trainee did"),
    QT_TRANSLATE_NOOP("Debrief", "Record did"),
    QT_TRANSLATE_NOOP("Debrief", "Best available"),
    QT_TRANSLATE_NOOP("Debrief", "SLA"),
    QT_TRANSLATE_NOOP("Debrief", "Choice"),
    QT_TRANSLATE_NOOP("Debrief", "Score"),
)
SCORE_COLUMNS = (6, 7, 8)
STRIP_IMAGE = "strip.png"
STRIP_PDF_WIDTH = 640


def _tr(text: str) -> str:
    return QCoreApplication.translate("Debrief", text)


def kind_name(kind: str) -> str:
    """A decision's kind (triage, dispatch, escalate) in the current language."""
    return _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def decision_words(street: Street, kind: str, data: dict[str, Any]) -> str:
    """One side of a decision (the trainee's, the record's or the best) as a reader says it.

    Triage: "yellow · community"; dispatch: "grid worker 张三 · 12 min"; escalate: "to street" or
    "escalated 1×"; a decision let pass says so. "—" when there is nothing to say.
    """
    if data.get("declined"):
        return QCoreApplication.translate("Debrief", "let pass")
    parts: list[str] = []
    if kind == TRIAGE and data.get("risk"):
        parts.append(i18n.risk_name(RiskLevel(data["risk"])))
        if data.get("owner_level"):
            parts.append(i18n.owner_name(OwnerLevel(data["owner_level"])))
    elif kind == DISPATCH and data.get("assignee"):
        assignee = data["assignee"]
        if street.has("staff", assignee):
            member = street.staff_member(assignee)
            who = (i18n.department_name(member.department) if member.department is not None
                   else i18n.staff_kind_name(member.kind))
            parts.append(f"{who} {member.name}")
        else:
            parts.append(str(assignee))
        if data.get("eta_minutes") is not None:
            parts.append(QCoreApplication.translate("Debrief", "{m:.0f} min").format(m=float(data["eta_minutes"])))
    elif kind == ESCALATE:
        if data.get("to_level"):
            parts.append(QCoreApplication.translate("Debrief", "to {level}").format(level=i18n.owner_name(OwnerLevel(data["to_level"]))))
        elif "escalations" in data:
            parts.append(QCoreApplication.translate("Debrief", "escalated {n}×").format(n=int(data["escalations"])))
    if data.get("at"):
        parts.append(QCoreApplication.translate("Debrief", "at {time}").format(time=i18n.local_time(datetime.fromisoformat(data["at"]))))
    return " · ".join(parts) or "—"


def decision_row(street: Street, decision: Decision) -> list[str]:
    """The table row of a decision, in the current language (the order of :data:`HEADERS`)."""
    return [i18n.local_time(decision.decided_at, with_date=True), kind_name(decision.kind), decision.case_id,
            decision_words(street, decision.kind, decision.action),
            decision_words(street, decision.kind, decision.recorded),
            decision_words(street, decision.kind, decision.best),
            *(f"{value:.0f}" if part in SCORED[decision.kind] else "—"
              for part, value in ((SLA_PART, decision.sla_score), (CHOICE_PART, decision.choice_score))),
            f"{decision.score:.0f}"]


def score_colour(score: float) -> QColor:
    """Green at 80 and over, amber from 50, red below."""
    if score >= 80:
        return OK_COLOR
    if score >= 50:
        return SLA_AMBER
    return BAD_COLOR


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
    """Shows a :class:`~cockpit.training.Debrief` on a street; exports it as PDF, PNG and CSV.

    ``may_export`` is the session's export gate (:data:`~cockpit.security.authorizer.ExportCheck`;
    None: a session without accounts, as the replay and training desks are).

    Signals
    -------
    sig_show_case_requested(str)
        The trainer double-clicked a decision to see its case.
    """

    sig_show_case_requested = Signal(str)

    def __init__(self, debrief: Debrief, street: Street, saved: Path | None = None,
                 parent: QWidget | None = None, may_export: ExportCheck | None = None) -> None:
        super().__init__(parent)
        self.debrief = debrief
        self.street = street
        self.saved = saved
        self._may_export = may_export
        self.title = QLabel()
        self.title.setObjectName("debriefTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.strip = ScoreStrip([d.score for d in debrief.decisions])
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.pdf_button = QPushButton()
        self.png_button = QPushButton()
        self.csv_button = QPushButton()
        self.note = QLabel()
        self.note.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        for button in (self.pdf_button, self.png_button, self.csv_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self.table.cellDoubleClicked.connect(self._on_double_clicked)
        self.retranslate_ui()

    def _fill(self) -> None:
        decisions = self.debrief.decisions
        self.table.setRowCount(len(decisions))
        for r, decision in enumerate(decisions):
            for c, text in enumerate(decision_row(self.street, decision)):
                item = QTableWidgetItem(text)
                if c in SCORE_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == SCORE_COLUMNS[-1]:
                    item.setForeground(score_colour(decision.score))
                self.table.setItem(r, c, item)

    def title_text(self) -> str:
        d = self.debrief
        total = "—" if d.total_score is None else f"{d.total_score:.0f}"
        start = d.window_start.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        end = d.window_end.astimezone(LOCAL_TZ).strftime("%H:%M")
        return self.tr("Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}").format(
            trainee=d.trainee, start=start, end=end, n=len(d.decisions), total=total)

    def summary_text(self) -> str:
        """Mean score by kind of decision, the trainer and the log."""
        by_kind = self.debrief.score_by_kind()
        parts = [f"{kind_name(kind)} {score:.0f}" for kind, score in by_kind.items()]
        text = " · ".join(parts)
        if self.debrief.trainer:
            text += ("  " if text else "") + self.tr("trainer: {name}").format(name=self.debrief.trainer)
        return text + ("  " if text else "") + self.tr("log: {name}").format(name=Path(self.debrief.log).name)

    # ------------------------------------------------------------ export

    def save_pdf(self, path: Path) -> Path:
        """The debrief as a PDF document: title, summary, the score strip and every decision
        (PermissionDenied if the account may not export)."""
        self._check_export(path)
        strip = self.strip.grab().toImage()
        body = page(self.title_text(), [
            f"<p>{self.summary_text()}</p>",
            picture(STRIP_IMAGE, STRIP_PDF_WIDTH),
            section(self.tr("Decisions"), table([_tr(h) for h in HEADERS],
                                                (decision_row(self.street, d) for d in self.debrief.decisions),
                                                SCORE_COLUMNS)),
        ])
        return write_pdf(path, body, self.title_text(), {STRIP_IMAGE: strip})

    def save_png(self, path: Path) -> Path:
        """The whole view as a PNG image (PermissionDenied if the account may not export)."""
        self._check_export(path)
        self.grab().save(str(path))
        return path

    def save_csv(self, path: Path) -> Path:
        """The decisions as CSV (PermissionDenied if the account may not export)."""
        self._check_export(path)
        self.debrief.export_csv(path)
        return path

    def _check_export(self, path: Path) -> None:
        if self._may_export is not None:
            self._may_export(f"debrief of {self.debrief.trainee}", str(path))

    def _ask(self, caption: str, name: str, pattern: str, save) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, caption, name, pattern)
        if not chosen:
            return
        try:
            written = export_or_explain(self, lambda: save(Path(chosen)))
        except OSError as exc:
            self.note.setText(self.tr("Could not save {name}: {reason}").format(name=chosen, reason=exc.strerror or exc))
            return
        if written:
            self.note.setText(self.tr("Saved {name}").format(name=chosen))

    @Slot()
    def _ask_pdf(self) -> None:
        self._ask(self.tr("Save debrief as PDF"), self._file_stem() + ".pdf", self.tr("PDF documents (*.pdf)"),
                  self.save_pdf)

    @Slot()
    def _ask_png(self) -> None:
        self._ask(self.tr("Save debrief as PNG"), self._file_stem() + ".png", self.tr("PNG images (*.png)"),
                  self.save_png)

    @Slot()
    def _ask_csv(self) -> None:
        self._ask(self.tr("Save debrief as CSV"), self._file_stem() + ".csv", self.tr("CSV files (*.csv)"),
                  self.save_csv)

    def _file_stem(self) -> str:
        return f"debrief-{self.debrief.trainee}-{self.debrief.window_start.astimezone(LOCAL_TZ):%Y%m%d-%H%M}"

    @Slot(int, int)
    def _on_double_clicked(self, row: int, column: int) -> None:
        self.sig_show_case_requested.emit(self.debrief.decisions[row].case_id)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Training debrief"))
        self.title.setText(self.title_text())
        self.summary.setText(self.summary_text())
        self.table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        self._fill()
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        if self.saved is not None and not self.note.text():
            self.note.setText(self.tr("Saved under the trainee's name: {path}").format(path=self.saved))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
