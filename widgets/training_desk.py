"""A trainer's session on a replay: the trainee works a window of history in a desk of their own.

From the replay desk (Tools → Training session…) the trainer names the trainee and picks the window:
from the moment shown, between two bookmarks, one of the worst nights of the log (most red cases
that went overdue), or any start and end; and the speed. The trainee gets a full operator desk on the
session's own twin (the replay the trainer watches stays read-only) with the training strip on top;
at the end the debrief is saved under the trainee's name and opened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QTimeZone, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cockpit.replay.cli import open_replay
from cockpit.replay.index import LogIndex
from cockpit.replay.loader import LogReadError
from cockpit.replay.player import ReplayPlayer
from cockpit.replay.seek import Replay
from cockpit.replay.summary import worst_nights
from cockpit.training import TrainingSession
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets.app import build_desk
from widgets.debrief import DebriefView
from widgets.desk import DESK_SIZE, TOOL_WINDOW_SIZE, Desk, fit_to_screen
from widgets.training_panel import DEFAULT_SPEED, TRAINING_SPEEDS, TrainingPanel
from widgets.twin_model import TwinModel

log = logging.getLogger(__name__)

TRAINING_HOURS = 4.0
"""Length of a training window started from a single moment (an evening shift)."""
NIGHTS_OFFERED = 5
"""How many of the log's worst nights the window list offers."""
ZONE = QTimeZone(b"Asia/Shanghai")


@dataclass(frozen=True)
class TrainingChoice:
    """What the trainer chose in the dialog: who, on which replay, which window, how fast."""

    trainee: str
    replay: Replay
    start: datetime
    end: datetime
    speed: float


@dataclass
class TrainingDesk:
    """The trainee's desk on a session: its own twin, model, desk window and training strip."""

    session: TrainingSession
    model: TwinModel
    desk: Desk
    panel: TrainingPanel
    debrief_view: DebriefView | None = None

    def close(self) -> None:
        self.panel.pause()
        self.desk.window.close()
        self.model.close()
        self.session.close()


def window_choices(player: ReplayPlayer | None, replay: Replay) -> list[tuple[str, datetime, datetime]]:
    """(label, start, end) of the windows a trainer is offered, in the current language.

    From the moment shown (the replay's clock); from each bookmark to the next one (or for
    :data:`TRAINING_HOURS`); the log's worst nights, 19:00-23:00 with the most red cases overdue.
    """
    hours = timedelta(hours=TRAINING_HOURS)
    out: list[tuple[str, datetime, datetime]] = []
    index = replay.index
    now = (player.time if player is not None else None) or replay.twin.now or index.start
    out.append((QCoreApplication.translate("TrainingDialog", "From the moment shown ({hours:g} h)").format(
        hours=TRAINING_HOURS), now, now + hours))
    marks = sorted(player.bookmarks, key=lambda b: b.at) if player is not None else []
    for i, mark in enumerate(marks):
        end = marks[i + 1].at if i + 1 < len(marks) and marks[i + 1].at - mark.at <= timedelta(hours=24) else mark.at + hours
        label = QCoreApplication.translate("TrainingDialog", "Bookmark {start} – {end}").format(
            start=_local(mark.at), end=_local(end, date=False))
        out.append((f"{label} {mark.note}".strip(), mark.at, end))
    if isinstance(index, LogIndex):
        for start, end, count in worst_nights(index.log, top=NIGHTS_OFFERED):
            out.append((QCoreApplication.translate("TrainingDialog", "Worst night {start} – {end}: {n} red cases overdue").format(
                start=_local(start), end=_local(end, date=False), n=count), start, end))
    return out


def _local(at: datetime, date: bool = True) -> str:
    return at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M" if date else "%H:%M")


def _to_qt(at: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), ZONE)


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), LOCAL_TZ)


class TrainingDialog(QDialog):
    """Asks the trainee's name, the log, the window and the speed of a training session."""

    def __init__(self, player: ReplayPlayer | None, replay: Replay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.replay = replay
        self.trainee = QLineEdit()
        self.log_label = QLabel()
        self.log_button = QPushButton()
        self.window_box = QComboBox()
        self.start_edit = QDateTimeEdit()
        self.end_edit = QDateTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setTimeZone(ZONE)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.speed_box = QComboBox()
        for value in TRAINING_SPEEDS:
            self.speed_box.addItem(f"×{value:g}", value)
        self.speed_box.setCurrentIndex(self.speed_box.findData(DEFAULT_SPEED))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_label, 1)
        log_row.addWidget(self.log_button)
        self.form = QFormLayout(self)
        self.trainee_label, self.log_caption, self.window_label = QLabel(), QLabel(), QLabel()
        self.start_label, self.end_label, self.speed_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.trainee_label, self.trainee)
        self.form.addRow(self.log_caption, log_row)
        self.form.addRow(self.window_label, self.window_box)
        self.form.addRow(self.start_label, self.start_edit)
        self.form.addRow(self.end_label, self.end_edit)
        self.form.addRow(self.speed_label, self.speed_box)
        self.form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.form.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.log_button.clicked.connect(self._choose_log)
        self.window_box.currentIndexChanged.connect(self._on_window_chosen)
        self.retranslate_ui()

    def choice(self) -> TrainingChoice:
        """The trainer's choice; ValueError (one line, translated) if it is incomplete."""
        trainee = self.trainee.text().strip()
        if not trainee:
            raise ValueError(self.tr("Enter the trainee's name."))
        start, end = _from_qt(self.start_edit.dateTime()), _from_qt(self.end_edit.dateTime())
        if end <= start:
            raise ValueError(self.tr("The window must end after it starts."))
        return TrainingChoice(trainee, self.replay, start, end, float(self.speed_box.currentData()))

    def open_log(self, path: Path) -> None:
        """Train on another incident log (its windows replace the list); a bad file is said in one line."""
        try:
            self.replay = open_replay(path, self.replay.twin.street)
        except LogReadError as exc:
            self.error.setText(str(exc))
            return
        self.player = None
        self.error.clear()
        self._fill_windows()

    @Slot()
    def _choose_log(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Incident log to train on"), "",
                                              self.tr("Incident logs (*.parquet *.csv)"))
        if name:
            self.open_log(Path(name))

    @Slot()
    def _on_ok(self) -> None:
        try:
            self.choice()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    @Slot(int)
    def _on_window_chosen(self, row: int) -> None:
        if row < 0:
            return
        start, end = self.window_box.itemData(row)
        self.start_edit.setDateTime(_to_qt(start))
        self.end_edit.setDateTime(_to_qt(end))

    def _fill_windows(self) -> None:
        self.window_box.blockSignals(True)
        self.window_box.clear()
        for label, start, end in window_choices(self.player, self.replay):
            self.window_box.addItem(label, (start, end))
        self.window_box.blockSignals(False)
        self._on_window_chosen(0)
        index = self.replay.index
        self.log_label.setText(Path(index.log.path).name if isinstance(index, LogIndex) else "")
        margin = timedelta(hours=TRAINING_HOURS)
        self.start_edit.setDateTimeRange(_to_qt(index.start - margin), _to_qt(index.end))
        self.end_edit.setDateTimeRange(_to_qt(index.start - margin), _to_qt(index.end + margin))

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Training session"))
        self.trainee_label.setText(self.tr("Trainee"))
        self.log_caption.setText(self.tr("Incident log"))
        self.log_button.setText(self.tr("Another log…"))
        self.window_label.setText(self.tr("Window"))
        self.start_label.setText(self.tr("From"))
        self.end_label.setText(self.tr("To"))
        self.speed_label.setText(self.tr("Speed"))
        self._fill_windows()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def start_training(desk: Desk, choice: TrainingChoice, trainer: str, player: ReplayPlayer | None = None) -> TrainingDesk:
    """Open the trainee's desk on a new session; the replay's own playback (``player``) pauses.

    The debrief is saved under the trainee's name when the session ends, and opened beside the desk.
    """
    if player is not None:
        player.pause()
    session = TrainingSession(choice.replay, choice.trainee, choice.start, choice.end, trainer=trainer)
    model = TwinModel(session.twin)
    trainee_desk = build_desk(model, choice.trainee)
    panel = TrainingPanel(session, choice.speed)
    window = trainee_desk.window
    window.add_panel("training", panel, "top")
    window.set_mode("training", choice.trainee)
    training = TrainingDesk(session, model, trainee_desk, panel)

    def debrief(result) -> None:
        try:
            saved = result.save()
        except OSError as exc:
            log.error("the debrief could not be saved: %s", exc)
            window.warn(str(exc))
            saved = None
        view = DebriefView(result, session.twin.street, saved)
        view.sig_show_case_requested.connect(trainee_desk.show_case)
        training.debrief_view = trainee_desk.open_tool(view)

    panel.sig_show_case_requested.connect(trainee_desk.show_case)
    panel.finished.connect(debrief)
    window.setParent(desk.window, window.windowFlags())
    desk.tool_windows.append(window)
    fit_to_screen(window, DESK_SIZE)
    window.show()
    panel.play()
    return training


def ask_training(desk: Desk, trainer: str, player: ReplayPlayer) -> TrainingDesk | None:
    """Ask the trainer for the session (name, log, window, speed) and start it; None if cancelled."""
    dialog = TrainingDialog(player, player.replay, desk.window)
    dialog.resize(TOOL_WINDOW_SIZE[0] // 2, dialog.sizeHint().height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_training(desk, dialog.choice(), trainer, player)
