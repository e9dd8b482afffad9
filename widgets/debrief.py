"""Training views: the trainee's decision panel, and the debrief beside the record and the best choice.

A timeline strip shows every decision as a bar whose height is its score (green for a good one,
amber for a partial one, red for a poor one); the table below lists what the trainee did, what the
record did, the best available choice and the scores. It saves as PNG (the whole view) and CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.dispatch import rank_departments
from cockpit.recommender import case_need
from cockpit.security.authorizer import ExportCheck
from cockpit.training import (
    DISPATCH,
    ESCALATE,
    TRIAGE,
    Debrief,
    Decision,
    TrainingSession,
    free_candidates,
)
from cockpit.twin import TwinError
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets import i18n
from widgets.export_gate import export_or_explain
from widgets.theme import BAD_COLOR, OK_COLOR, SLA_AMBER

COLUMNS = ("decided_at", "kind", "case_id", "action", "recorded", "best", "sla_score", "choice_score",
           "score")


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
    """Shows a :class:`~cockpit.training.Debrief`; exports it as PNG and CSV.

    ``may_export`` is the session's export gate (:data:`~cockpit.security.authorizer.ExportCheck`;
    None: a session without accounts, as the replay and training desks are).

    Signals
    -------
    sig_show_case_requested(str)
        The trainer double-clicked a decision to see its case.
    """

    sig_show_case_requested = Signal(str)

    def __init__(self, debrief: Debrief, parent: QWidget | None = None,
                 may_export: ExportCheck | None = None) -> None:
        super().__init__(parent)
        self.debrief = debrief
        self._may_export = may_export
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

    @Slot()
    def _ask_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save debrief as PNG"), "debrief.png", "PNG (*.png)")
        if name:
            export_or_explain(self, lambda: self.save_png(Path(name)))

    @Slot()
    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save debrief as CSV"), "debrief.csv", "CSV (*.csv)")
        if name:
            export_or_explain(self, lambda: self.save_csv(Path(name)))

    @Slot(int, int)
    def _on_double_clicked(self, row: int, column: int) -> None:
        self.sig_show_case_requested.emit(self.debrief.decisions[row].case_id)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        d = self.debrief
        total = "—" if d.total_score is None else f"{d.total_score:.1f}"
        start = d.window_start.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        end = d.window_end.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
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


class TrainingPanel(QWidget):
    """The trainee's side of a training session: the pending decision and the controls to take it.

    A view of a :class:`~cockpit.training.TrainingSession`; its commands change the session's twin,
    whose events reach the TwinModel's views like any others. ``Next`` plays the record on to the
    next decision point.

    Signals
    -------
    decision_made(object)
        A :class:`~cockpit.training.Decision` was taken and scored.
    finished(object)
        The window is over; the argument is the :class:`~cockpit.training.Debrief`.
    sig_show_case_requested(str)
        The pending decision's case, for the map and the case detail to show.
    """

    decision_made = Signal(object)
    finished = Signal(object)
    sig_show_case_requested = Signal(str)

    def __init__(self, session: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.risk_box = QComboBox()
        for risk in RiskLevel:
            self.risk_box.addItem(i18n.risk_name(risk), risk)
        self.owner_box = QComboBox()
        for level in OwnerLevel:
            self.owner_box.addItem(level.value, level)
        self.staff_box = QComboBox()
        self.reason_edit = QLineEdit()
        self.triage_button = QPushButton()
        self.dispatch_button = QPushButton()
        self.escalate_button = QPushButton()
        self.decline_button = QPushButton()
        self.next_button = QPushButton()
        controls = QHBoxLayout()
        for widget in (self.risk_box, self.owner_box, self.triage_button, self.staff_box,
                       self.dispatch_button, self.reason_edit, self.escalate_button, self.decline_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(controls)
        layout.addWidget(self.result)
        self.triage_button.clicked.connect(self._on_triage)
        self.dispatch_button.clicked.connect(self._on_dispatch)
        self.escalate_button.clicked.connect(self._on_escalate)
        self.decline_button.clicked.connect(self._on_decline)
        self.next_button.clicked.connect(self.advance)
        self.retranslate_ui()
        self._show_pending()

    @Slot()
    def advance(self) -> None:
        """Play on to the next decision point (or the end of the window)."""
        point = self.session.advance()
        self._show_pending()
        if point is None:
            self.finished.emit(self.session.debrief)
        else:
            self.sig_show_case_requested.emit(point.case_id)

    def _show_pending(self) -> None:
        point = self.session.pending
        kind = point.kind if point else None
        for widget in (self.risk_box, self.owner_box, self.triage_button):
            widget.setVisible(kind == TRIAGE)
        for widget in (self.staff_box, self.dispatch_button):
            widget.setVisible(kind == DISPATCH)
        for widget in (self.reason_edit, self.escalate_button):
            widget.setVisible(kind == ESCALATE)
        self.decline_button.setVisible(point is not None)
        self.next_button.setEnabled(point is None and not self.session.finished)
        if point is None:
            self.prompt.setText(self.tr("Training finished.") if self.session.finished
                                else self.tr("Press Next to play on to the next decision."))
            return
        case = self.session.twin.cases.get(point.case_id)
        local = point.at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        category = i18n.category_name(self.session.twin.categories, case.category) if case else ""
        what = {TRIAGE: self.tr("Triage"), DISPATCH: self.tr("Dispatch"), ESCALATE: self.tr("Escalate")}[kind]
        self.prompt.setText(f"{local} · {what} {point.case_id} · {category}")
        if kind == TRIAGE and case is not None:
            self.risk_box.setCurrentIndex(self.risk_box.findData(case.risk))
            self.owner_box.setCurrentIndex(self.owner_box.findData(case.risk.default_owner))
        if kind == DISPATCH and case is not None:
            self._fill_staff(case)

    def _fill_staff(self, case) -> None:
        twin = self.session.twin
        need = case_need(twin, case)
        candidates = free_candidates(twin, self.session.pending.at)
        ranked = self.session.policy.rank(need, candidates) + rank_departments(need, candidates)
        self.staff_box.clear()
        for rec in ranked:
            self.staff_box.addItem(f"{rec.staff_id} · {rec.eta_minutes:.0f} min", rec.staff_id)
        for staff_id in sorted(set(twin.staff) - {rec.staff_id for rec in ranked}):
            self.staff_box.addItem(staff_id, staff_id)

    def _decided(self, decision: Decision) -> None:
        self.result.setText(self.tr("{kind} {case}: score {score:.1f} (SLA {sla:.1f}, choice {choice:.1f}); "
                                    "record: {recorded}; best: {best}").format(
            kind=decision.kind, case=decision.case_id, score=decision.score, sla=decision.sla_score,
            choice=decision.choice_score, recorded=_words(decision.recorded), best=_words(decision.best)))
        self.decision_made.emit(decision)
        self._show_pending()

    def _act(self, action) -> None:
        try:
            decision = action()
        except TwinError as exc:
            self.result.setText(str(exc))
            return
        self._decided(decision)

    @Slot()
    def _on_triage(self) -> None:
        point = self.session.pending
        # Qt hands enum members back as plain strings.
        self._act(lambda: self.session.triage(point.case_id, RiskLevel(self.risk_box.currentData()),
                                              OwnerLevel(self.owner_box.currentData())))

    @Slot()
    def _on_dispatch(self) -> None:
        point = self.session.pending
        self._act(lambda: self.session.dispatch(point.case_id, self.staff_box.currentData()))

    @Slot()
    def _on_escalate(self) -> None:
        point = self.session.pending
        reason = self.reason_edit.text().strip() or self.tr("overdue")
        self._act(lambda: self.session.escalate(point.case_id, reason))

    @Slot()
    def _on_decline(self) -> None:
        self._act(lambda: self.session.decline())

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.triage_button.setText(self.tr("Triage"))
        self.dispatch_button.setText(self.tr("Dispatch"))
        self.escalate_button.setText(self.tr("Escalate"))
        self.decline_button.setText(self.tr("Let it pass"))
        self.next_button.setText(self.tr("Next"))
        self.reason_edit.setPlaceholderText(self.tr("reason"))
        self._show_pending()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _words(data: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in data.items()) or "—"
